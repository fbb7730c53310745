// The build's time zone rules (zoneinfo natively, Intl in WebAssembly) against a table made
// independently by zdump (tests/data/time_zone_transitions.txt): both builds run this same
// test, so passing in both means both give the same offsets.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/local_time.h"
#include "platform/interface/time_zones.h"

namespace {

using flipside::UtcSeconds;

struct Transition {
    std::string zone;
    bool steady = false;
    UtcSeconds at = 0;
    int before = 0;
    int after = 0;
};

std::vector<Transition> load_transitions() {
    std::ifstream file(std::string(FLIPSIDE_SOURCE_DIR) + "/tests/data/time_zone_transitions.txt");
    std::vector<Transition> rows;
    std::string line;
    while (std::getline(file, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream in(line);
        Transition row;
        std::string when;
        in >> row.zone >> when;
        if (when == "steady") {
            row.steady = true;
            in >> row.after;
        } else {
            row.at = *flipside::parse_utc_timestamp(when);
            in >> row.before >> row.after;
        }
        rows.push_back(row);
    }
    return rows;
}

}  // namespace

TEST_CASE("time zones: every offset change in the zdump table, to the second") {
    const auto& zones = flipside::platform::system_time_zones();
    const auto rows = load_transitions();
    REQUIRE(rows.size() > 250);
    int checked = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Transition& row = rows[i];
        CAPTURE(row.zone);
        REQUIRE(zones.is_known(row.zone));
        if (row.steady) {
            for (const UtcSeconds at : {UtcSeconds{820454400}, UtcSeconds{1774000000},
                                        UtcSeconds{1793000000}, UtcSeconds{4102444800}}) {
                CAPTURE(at);
                CHECK(zones.utc_offset_seconds(row.zone, at) == row.after);
                ++checked;
            }
            continue;
        }
        CAPTURE(flipside::format_utc_timestamp(row.at));
        CHECK(zones.utc_offset_seconds(row.zone, row.at - 1) == row.before);
        CHECK(zones.utc_offset_seconds(row.zone, row.at) == row.after);
        // Halfway to the next change of the same zone (within a few months) nothing changes.
        if (i + 1 < rows.size() && rows[i + 1].zone == row.zone && !rows[i + 1].steady &&
            rows[i + 1].at - row.at < 400 * 86400) {
            const UtcSeconds middle = row.at + (rows[i + 1].at - row.at) / 2;
            CHECK(zones.utc_offset_seconds(row.zone, middle) == row.after);
        }
        checked += 2;
    }
    CHECK(checked > 500);
}

TEST_CASE("time zones: unknown names are refused and give offset zero") {
    const auto& zones = flipside::platform::system_time_zones();
    CHECK(zones.is_known("UTC"));
    CHECK(zones.is_known("Europe/Paris"));
    CHECK_FALSE(zones.is_known("Mars/Olympus_Mons"));
    CHECK_FALSE(zones.is_known("../etc/passwd"));
    CHECK_FALSE(zones.is_known(""));
    CHECK(zones.utc_offset_seconds("Mars/Olympus_Mons", 1774000000) == 0);
}

TEST_CASE("time zones: an OffsetTimeline over the build's rules agrees with them hour by hour") {
    const auto& zones = flipside::platform::system_time_zones();
    for (const char* zone : {"America/New_York", "Australia/Lord_Howe", "Pacific/Chatham"}) {
        flipside::OffsetTimeline timeline(
            [&zones, zone](UtcSeconds at) { return zones.utc_offset_seconds(zone, at); });
        const UtcSeconds start = *flipside::parse_utc_timestamp("2026-01-01T00:00:00Z");
        int mismatches = 0;
        for (UtcSeconds at = start; at < start + 366 * 86400; at += 3600 - 7)
            mismatches += timeline.offset_at(at) != zones.utc_offset_seconds(zone, at);
        CAPTURE(zone);
        CHECK(mismatches == 0);
    }
}
