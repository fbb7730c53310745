#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "headless_imgui.h"
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

TEST_CASE("week grid: a crowded hour draws as many boxes as fit and gathers the rest, each entry once") {
    HeadlessImGui imgui;
    std::vector<WeekGridEntry> entries;
    for (std::size_t i = 0; i < 300; ++i) entries.push_back({0, 10 * 60, 11 * 60, i});  // Monday 10:00, 300 at once
    entries.push_back({0, 14 * 60, 15 * 60, 300});                                         // Monday 14:00, alone
    entries.push_back({3, 9 * 60, 10 * 60, 301});                                          // Thursday
    entries.push_back({3, 9 * 60 + 30, 10 * 60 + 30, 302});
    const std::array<std::string, 7> days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    std::vector<std::size_t> drawn, gathered;
    std::vector<ImVec2> sizes;
    int overflows = 0;
    ui::WeekGridDrawing drawing;
    drawing.entry = [&](std::size_t index, ImVec2 size) {
        drawn.push_back(index);
        sizes.push_back(size);
        ImGui::Button(("##" + std::to_string(index)).c_str(), size);
    };
    drawing.overflow = [&](const std::vector<std::size_t>& indices, ImVec2 size) {
        ++overflows;
        gathered.insert(gathered.end(), indices.begin(), indices.end());
        ImGui::Button("##more", size);
    };
    imgui.frames(1, [&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1000, 700));
        ImGui::Begin("Week");
        ui::draw_week_time_grid("Hours", days, entries, drawing, 1);
        ImGui::End();
    });

    CHECK(overflows == 1);
    CHECK(drawn.size() + gathered.size() == entries.size());
    std::vector<std::size_t> all = drawn;
    all.insert(all.end(), gathered.begin(), gathered.end());
    std::sort(all.begin(), all.end());
    for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i] == i);  // each entry exactly once
    CHECK(std::count(drawn.begin(), drawn.end(), 300) == 1);
    CHECK(std::count(drawn.begin(), drawn.end(), 301) == 1);
    CHECK(std::count(drawn.begin(), drawn.end(), 302) == 1);
    CHECK(gathered.size() > 250);
    const float line = ImGui::GetTextLineHeight();
    for (const ImVec2& size : sizes) CHECK(size.x >= line * 2.0f);  // every box drawn is wide enough to read
}
