#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

using namespace flipside;

namespace {

Result<int> parse_weeks(const std::string& text) {
    if (text.empty()) return Problem{"", "no number of weeks"};
    if (text.find_first_not_of("0123456789") != std::string::npos) return Problem{"--weeks", "\"" + text + "\" is not a whole number"};
    return std::stoi(text);
}

}  // namespace

TEST_CASE("a problem reads \"where: what\", or just what when it names no place") {
    CHECK(describe(Problem{"/participants/3/email", "e-mail \"x\" is already used"}) ==
          "/participants/3/email: e-mail \"x\" is already used");
    CHECK(describe(Problem{"row 3, column 1", "a quoted value is never closed"}) ==
          "row 3, column 1: a quoted value is never closed");
    CHECK(describe(Problem{"", "the file has no rows"}) == "the file has no rows");
    CHECK(describe(std::vector<Problem>{{"", "no e-mail column"}, {"", "no name column"}}) ==
          "no e-mail column; no name column");
    CHECK(describe(std::vector<Problem>{{"/a", "x"}, {"/b", "y"}}, "\n") == "/a: x\n/b: y");
    CHECK(describe(std::vector<Problem>{}).empty());
}

TEST_CASE("a result holds the value or the problems, never both") {
    const Result<int> good = parse_weeks("12");
    REQUIRE(good.ok());
    CHECK(static_cast<bool>(good));
    CHECK(*good == 12);
    CHECK(good.value() == 12);
    CHECK(good.problems().empty());
    CHECK(good.message().empty());

    const Result<int> bad = parse_weeks("twelve");
    CHECK_FALSE(bad.ok());
    REQUIRE(bad.problems().size() == 1);
    CHECK(bad.problems()[0].path == "--weeks");
    CHECK(bad.message() == "--weeks: \"twelve\" is not a whole number");
    CHECK_THROWS_AS(bad.value(), std::bad_optional_access);

    const Result<std::vector<int>> many = std::vector<Problem>{{"/a", "x"}, {"/b", "y"}};
    CHECK_FALSE(many.ok());
    CHECK(many.message() == "/a: x; /b: y");

    Result<std::string> moved = std::string("kept");
    CHECK(std::move(moved).value() == "kept");
}

TEST_CASE("Result<void>: done, or refused with why") {
    const Result<void> done;
    CHECK(done.ok());
    CHECK(done.message().empty());
    const Result<void> refused = Problem{"", "The PIN must have 4 to 32 characters."};
    CHECK_FALSE(refused);
    CHECK(refused.message() == "The PIN must have 4 to 32 characters.");
}
