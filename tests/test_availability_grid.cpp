#include <doctest/doctest.h>

#include "ui/availability_grid.h"

using namespace flipside;

TEST_CASE("availability windows and half-hour cells convert both ways") {
    const std::vector<WeeklyWindow> windows = {{0, 9 * 60, 11 * 60}, {0, 14 * 60, 15 * 60 + 30}, {6, 23 * 60, 24 * 60}};
    const std::vector<bool> cells = ui::windows_to_cells(windows);
    CHECK(cells.size() == 7 * 48);
    CHECK(cells[18]);        // Monday 09:00
    CHECK_FALSE(cells[22]);  // Monday 11:00
    CHECK(cells[6 * 48 + 47]);
    CHECK(ui::cells_to_windows(cells) == windows);
}

TEST_CASE("windows that are not on half-hours widen to the cells they touch") {
    const std::vector<WeeklyWindow> windows = {{2, 9 * 60 + 10, 9 * 60 + 50}};
    CHECK(ui::cells_to_windows(ui::windows_to_cells(windows)) == std::vector<WeeklyWindow>{{2, 9 * 60, 10 * 60}});
}
