// A week as desktop calendars draw it: seven day columns beside an hour axis, each entry a box
// at its local start and as tall as it lasts, entries that overlap side by side. The hours that
// hold entries (at least 08:00–18:00) fill the height the grid is given; the rest of the day is
// a scroll away.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

namespace flipside::ui {

struct WeekGridEntry {
    int weekday = 0;        // 0 = Monday
    int start_minute = 0;   // local minute of the day
    int end_minute = 0;     // local, at most 24 * 60 (an entry past midnight is cut there)
    std::size_t index = 0;  // handed back to draw_entry
};

// Where each entry goes across its day column: entries that overlap, directly or through others,
// form a cluster and share the column in lanes (an entry takes the first lane free at its start).
struct WeekGridLane {
    int lane = 0;
    int lanes = 1;    // lanes of its cluster
    int cluster = 0;  // clusters are numbered from 0 across the week
};
std::vector<WeekGridLane> week_grid_lanes(const std::vector<WeekGridEntry>& entries);

// What the grid draws for its caller, at the cursor, `size` large: one entry, or the entries of a
// crowded cluster that have no lane left (a day column holds lanes of at least three text
// heights' width; the last one then gathers the rest).
struct WeekGridDrawing {
    std::function<void(std::size_t index, ImVec2 size)> entry;
    std::function<void(const std::vector<std::size_t>& indices, ImVec2 size)> overflow;
};

// Draws the grid in the space left in the current window. The view scrolls to the first busy
// hour whenever `scroll_key` changes (another week) or the grid's scale does.
void draw_week_time_grid(const char* id, const std::array<std::string, 7>& day_labels,
                         std::vector<WeekGridEntry> entries, const WeekGridDrawing& drawing, int scroll_key);

}  // namespace flipside::ui
