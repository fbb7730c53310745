#include <doctest/doctest.h>

#include "io/base64url.h"

using namespace flipside;

TEST_CASE("base64url: the RFC 4648 test vectors without padding, and refusal of other characters") {
    CHECK(io::base64url_encode("") == "");
    CHECK(io::base64url_encode("f") == "Zg");
    CHECK(io::base64url_encode("foob") == "Zm9vYg");
    CHECK(io::base64url_encode("foobar") == "Zm9vYmFy");
    CHECK(io::base64url_encode("\xfb\xff") == "-_8");
    CHECK(*io::base64url_decode("Zm9vYmE") == "fooba");
    CHECK(*io::base64url_decode("-_8") == "\xfb\xff");
    CHECK_FALSE(io::base64url_decode("Zm9v+g").has_value());
    CHECK_FALSE(io::base64url_decode("Zm9vY").has_value());  // one character left over
}
