#include <doctest/doctest.h>

#include "app/program_defaults.h"

using namespace flipside;
using namespace flipside::app;

TEST_CASE("the first program starts on the Monday after today and runs 25 weeks to a Friday") {
    // 2026-12-01 is a Tuesday: the program that opened on 2026-01-05 would already be over.
    const Program program = first_program("R0001", Date{2026, 12, 1});
    CHECK(program.id == "R0001");
    CHECK(program.start_date == Date{2026, 12, 7});
    CHECK(weekday_of(program.start_date) == 0);
    CHECK(program.end_date == Date{2027, 5, 28});
    CHECK(weekday_of(program.end_date) == 4);
    // On a Monday, the next one (a week to prepare); on a Sunday, tomorrow.
    CHECK(next_monday(Date{2026, 12, 7}) == Date{2026, 12, 14});
    CHECK(next_monday(Date{2026, 12, 6}) == Date{2026, 12, 7});
    CHECK(next_monday(Date{2026, 12, 31}) == Date{2027, 1, 4});  // over the year's end
}

TEST_CASE("the next wave follows the previous one two weeks later, but never starts in the past") {
    Program previous = first_program("R0001", Date{2026, 12, 1});
    previous.blackout_dates = {Date{2026, 12, 24}};
    const Program soon = next_wave(previous, "R0002", Date{2026, 12, 1});
    CHECK(soon.start_date == Date{2027, 6, 11});  // the previous end, 28 May, plus 14 days
    CHECK(soon.end_date == add_days(soon.start_date, days_from_civil(previous.end_date) - days_from_civil(previous.start_date)));
    CHECK(soon.name == "Reverse mentoring — Wave 1 (next wave)");
    CHECK(soon.blackout_dates.empty());
    CHECK(soon.cadence == previous.cadence);
    // Long after the previous wave ended: from the Monday after today.
    const Program late = next_wave(previous, "R0002", Date{2028, 3, 15});
    CHECK(late.start_date == Date{2028, 3, 20});
    CHECK(days_from_civil(late.end_date) - days_from_civil(late.start_date) ==
          days_from_civil(previous.end_date) - days_from_civil(previous.start_date));
}
