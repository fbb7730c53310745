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

#include "ui/widgets.h"

TEST_CASE("an instant reads as the wall clock of the zone, before 1970 as well") {
    struct FixedOffset final : TimeZoneCatalog {
        bool is_known(const std::string&) const override { return true; }
        int utc_offset_seconds(const std::string&, UtcSeconds) const override { return 10 * 3600; }
    } plus_ten;
    const ui::LocalWallClock late = ui::local_wall_clock(plus_ten, *parse_utc_timestamp("2027-01-04T20:30:00Z"), "X/Y");
    CHECK(late.date == Date{2027, 1, 5});
    CHECK(late.minute_of_day == 6 * 60 + 30);
    const ui::LocalWallClock early = ui::local_wall_clock(plus_ten, -20 * 3600, "X/Y");  // 1969-12-31T04:00Z
    CHECK(early.date == Date{1969, 12, 31});
    CHECK(early.minute_of_day == 14 * 60);
}
