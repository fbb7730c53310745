#include "io/deflate.h"

#include <zlib.h>

namespace flipside::io {

namespace {
constexpr int kRawWindowBits = -15;  // negative: no zlib header, 32 KiB window
constexpr std::size_t kChunk = 16384;
}  // namespace

std::string deflate_raw(std::string_view bytes) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, kRawWindowBits, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(status == Z_STREAM_END ? stream.total_out : 0);
    deflateEnd(&stream);
    return out;
}

Result<std::string> inflate_raw(std::string_view compressed, std::size_t max_bytes) {
    z_stream stream{};
    if (inflateInit2(&stream, kRawWindowBits) != Z_OK) return Problem{"", "cannot start decompressing"};
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buffer[kChunk];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = kChunk;
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) break;
        out.append(buffer, kChunk - stream.avail_out);
        if (out.size() > max_bytes) {
            inflateEnd(&stream);
            return Problem{"", "too large: more than " + std::to_string(max_bytes / 1024) + " KiB once unpacked"};
        }
        if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
            status = Z_BUF_ERROR;  // all input used and the stream not finished
            break;
        }
    }
    const bool trailing = status == Z_STREAM_END && stream.avail_in != 0;
    inflateEnd(&stream);
    if (status == Z_STREAM_END && !trailing) return out;
    if (trailing) return Problem{"", "garbled: data after the end of the compressed text"};
    if (status == Z_BUF_ERROR) return Problem{"", "truncated: the compressed text ends early"};
    return Problem{"", "garbled: not compressed Flipside data"};
}

}  // namespace flipside::io
