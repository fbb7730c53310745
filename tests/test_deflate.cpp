#include <doctest/doctest.h>

#include "io/base64url.h"
#include "io/deflate.h"

using namespace flipside;

TEST_CASE("raw DEFLATE round-trips and refuses truncated, garbled, trailing or oversized data") {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "session " + std::to_string(i % 17) + "; ";
    const std::string packed = io::deflate_raw(text);
    CHECK(packed.size() < text.size() / 5);
    CHECK(*io::inflate_raw(packed, 1 << 20) == text);
    CHECK(io::inflate_raw(packed.substr(0, packed.size() / 2), 1 << 20).message().find("truncated") != std::string::npos);
    CHECK(io::inflate_raw(packed + "xx", 1 << 20).message().find("garbled") != std::string::npos);
    CHECK(io::inflate_raw("\xff\xff\xff\xff", 1 << 20).message().find("garbled") != std::string::npos);
    CHECK(io::inflate_raw(packed, 1000).message().find("too large") != std::string::npos);
    // A bomb: a megabyte of zeros is refused once past the limit, not unpacked whole.
    CHECK_FALSE(io::inflate_raw(io::deflate_raw(std::string(8 << 20, '\0')), 1 << 20).ok());
}
