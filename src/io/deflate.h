// Raw DEFLATE (RFC 1951, no zlib or gzip header) through zlib: what an invitation link's
// fragment and a reply's text block hold before base64url. Raw, because the browser's
// CompressionStream('deflate-raw') reads and writes the same bytes, and the header would only
// make links longer. Natively zlib is Debian's zlib1g-dev; in WebAssembly it is zlib's own
// source from Debian's source package, compiled with the app (scripts/fetch_zlib.sh).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace flipside::io {

// The compressed bytes (best compression: links are made once and must be short).
std::string deflate_raw(std::string_view bytes);

// The original bytes. Refused, never crashing or growing without end, when the data is not
// raw DEFLATE ("garbled"), ends early ("truncated"), has bytes after its end, or would come
// to more than `max_bytes`.
Result<std::string> inflate_raw(std::string_view compressed, std::size_t max_bytes);

}  // namespace flipside::io
