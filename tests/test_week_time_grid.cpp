#include <doctest/doctest.h>

#include <random>

#include "ui/week_time_grid.h"

using namespace flipside;
using ui::WeekGridEntry;

TEST_CASE("week grid: entries that overlap share their day in lanes, others take the whole day") {
    const std::vector<WeekGridEntry> entries = {
        {0, 9 * 60, 10 * 60, 0},    // Monday 09:00-10:00 } overlap: two lanes
        {0, 9 * 60 + 30, 10 * 60 + 30, 1},  //         09:30-10:30 }
        {0, 10 * 60, 11 * 60, 2},   // 10:00 starts as the first ends: reuses lane 0, same cluster
        {0, 13 * 60, 14 * 60, 3},   // alone after a gap
        {1, 9 * 60, 10 * 60, 4},    // Tuesday, alone although Monday's 09:00 overlaps in time
        {1, 10 * 60, 11 * 60, 5},   // touching is not overlapping
    };
    const auto lanes = ui::week_grid_lanes(entries);
    REQUIRE(lanes.size() == entries.size());
    CHECK(lanes[0].lane == 0);
    CHECK(lanes[1].lane == 1);
    CHECK(lanes[2].lane == 0);
    for (int i : {0, 1, 2}) CHECK(lanes[static_cast<std::size_t>(i)].lanes == 2);
    CHECK(lanes[3].lanes == 1);
    CHECK(lanes[4].lanes == 1);
    CHECK(lanes[5].lanes == 1);
    CHECK(lanes[5].lane == 0);
}

TEST_CASE("week grid: no two overlapping entries of a day ever share a lane (random weeks)") {
    std::mt19937 random(7);
    for (int round = 0; round < 200; ++round) {
        std::vector<WeekGridEntry> entries;
        const int count = static_cast<int>(random() % 40);
        for (int i = 0; i < count; ++i) {
            const int start = static_cast<int>(random() % (24 * 60));
            const int length = 15 + static_cast<int>(random() % 120);
            entries.push_back({static_cast<int>(random() % 7), start, std::min(start + length, 24 * 60),
                               static_cast<std::size_t>(i)});
        }
        const auto lanes = ui::week_grid_lanes(entries);
        for (std::size_t a = 0; a < entries.size(); ++a) {
            CHECK(lanes[a].lane >= 0);
            CHECK(lanes[a].lane < lanes[a].lanes);
            for (std::size_t b = a + 1; b < entries.size(); ++b) {
                const bool overlap = entries[a].weekday == entries[b].weekday &&
                                     entries[a].start_minute < entries[b].end_minute &&
                                     entries[b].start_minute < entries[a].end_minute;
                if (!overlap) continue;
                CHECK(lanes[a].lane != lanes[b].lane);
                CHECK(lanes[a].lanes == lanes[b].lanes);  // one cluster
            }
        }
    }
}
