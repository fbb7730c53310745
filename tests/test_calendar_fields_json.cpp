// The calendar's fields in the data file: per-person absences and the program's daily limit
// are optional on read (defaults: none, 2), round-trip exactly, and are checked with paths.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "io/json_document.h"
#include "platform/interface/time_zones.h"

namespace {

std::string fixture_text() {
    std::ifstream file(std::string(FLIPSIDE_SOURCE_DIR) + "/tests/data/schedule_small.json");
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("calendar fields: absences and the daily limit round-trip through the file") {
    using namespace flipside;
    const Result<io::LoadedDocument> read = io::read_document_json(fixture_text(), platform::system_time_zones());
    REQUIRE(read.ok());
    CHECK(read->document.programs[0].max_sessions_per_day == 3);
    REQUIRE(read->document.participants[1].absences.size() == 1);
    CHECK(read->document.participants[1].absences[0] == Absence{{2026, 3, 30}, {2026, 4, 2}});
    const Result<io::LoadedDocument> again =
        io::read_document_json(io::write_document_json(read->document), platform::system_time_zones());
    REQUIRE(again.ok());
    CHECK(again->document == read->document);
}

TEST_CASE("calendar fields: defaults when absent, problems with paths when wrong") {
    using namespace flipside;
    std::string text = fixture_text();
    const auto replace = [&text](const std::string& from, const std::string& to) {
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
    };
    replace("\"max_sessions_per_day\": 3", "\"max_sessions_per_day\": 0");
    replace("\"last\": \"2026-04-02\"", "\"last\": \"2026-03-01\"");
    const Result<io::LoadedDocument> read = io::read_document_json(text, platform::system_time_zones());
    CHECK_FALSE(read.ok());
    bool limit = false, absence = false;
    for (const Problem& problem : read.problems()) {
        limit = limit || problem.path == "/programs/0/max_sessions_per_day";
        absence = absence || problem.path == "/participants/1/absences/0/last";
    }
    CHECK(limit);
    CHECK(absence);

    Document plain;
    plain.programs.push_back(Program{});
    CHECK(plain.programs[0].max_sessions_per_day == 2);
    CHECK(io::write_document_json(plain).find("max_sessions_per_day") == std::string::npos);
}
