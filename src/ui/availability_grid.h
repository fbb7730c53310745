// A week of availability as a grid of half-hour cells (rows) by weekday (columns), edited by
// click-and-drag: pressing on a free cell paints, pressing on a taken cell erases, and the
// drag applies the same to every cell it crosses. Times are the person's local time.
#pragma once

#include <vector>

#include "core/model.h"

namespace flipside::ui {

// Returns true when `windows` changed. Windows come back sorted and merged, in whole
// half-hours where the grid touched them.
bool availability_grid(const char* id, std::vector<WeeklyWindow>& windows);

// Conversions, exposed for tests: 7 days × 48 half-hours.
std::vector<bool> windows_to_cells(const std::vector<WeeklyWindow>& windows);
std::vector<WeeklyWindow> cells_to_windows(const std::vector<bool>& cells);

}  // namespace flipside::ui
