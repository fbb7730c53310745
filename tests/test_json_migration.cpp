#include <doctest/doctest.h>

#include "io/json_document.h"
#include "platform/interface/time_zones.h"
#include "test_support.h"

using namespace flipside;

TEST_CASE("a version 1 file is migrated to the current schema") {
    const Result<io::LoadedDocument> result =
        io::read_document_json(testing::read_fixture("version1.json"), platform::system_time_zones());
    INFO((result.problems().empty() ? "" : result.problems()[0].path + " " + result.problems()[0].reason));
    REQUIRE(result.ok());
    CHECK(result->migrated_from_version == 1);
    const Document& d = result->document;
    REQUIRE(d.programs.size() == 1);
    CHECK(d.programs[0].id == "R1");
    CHECK(d.programs[0].session_minutes == 45);
    REQUIRE(d.participants.size() == 2);
    CHECK(d.participants[0].skills[0] == Skill{"Generative AI", 3});
    REQUIRE(d.participants[0].availability.size() == 2);
    CHECK(d.participants[0].availability[1] == WeeklyWindow{3, 14 * 60, 16 * 60});
    REQUIRE(d.pairs.size() == 1);
    CHECK(d.pairs[0].mentor_id == "m1");
    CHECK(d.pairs[0].program_id == "R1");
    // Once migrated it is written in the current version and reads back unchanged.
    const Result<io::LoadedDocument> again = io::read_document_json(io::write_document_json(d), platform::system_time_zones());
    REQUIRE(again.ok());
    CHECK(again->migrated_from_version == 0);
    CHECK(again->document == d);
}

TEST_CASE("a broken version 1 file is refused with the path of the problem") {
    std::string text = testing::read_fixture("version1.json");
    const auto at = text.find("thu 14:00-16:00");
    REQUIRE(at != std::string::npos);
    text.replace(at, 15, "thursday 2pm   ");
    const Result<io::LoadedDocument> result = io::read_document_json(text, platform::system_time_zones());
    REQUIRE_FALSE(result.ok());
    CHECK(result.problems()[0].path == "/participants/0/availability/1");
}
