// Cadence dates: weekly and every N weeks from the first matching weekday, the nth or last
// weekday of each month, every N days; windows and counts respected.
#include <doctest/doctest.h>

#include <vector>

#include "core/scheduling/detail/recurrence.h"

using namespace flipside;
using namespace flipside::scheduling;

TEST_CASE("recurrence: every two weeks from the first Wednesday on or after the start") {
    const auto dates = cadence_dates(Cadence{CadenceKind::Weekly, 2, 1}, {2026, 1, 5}, {2026, 3, 1}, 2, 10);
    CHECK(dates == std::vector<Date>{{2026, 1, 7}, {2026, 1, 21}, {2026, 2, 4}, {2026, 2, 18}});
    CHECK(cadence_dates(Cadence{CadenceKind::Weekly, 1, 1}, {2026, 1, 5}, {2026, 12, 31}, 0, 3).size() == 3);
    CHECK(cadence_period_days(Cadence{CadenceKind::Weekly, 2, 1}) == 14);
}

TEST_CASE("recurrence: monthly on the nth or the last weekday") {
    const auto second_tuesdays = cadence_dates(Cadence{CadenceKind::MonthlyNthWeekday, 1, 2}, {2026, 1, 1}, {2026, 4, 30}, 1, 12);
    CHECK(second_tuesdays == std::vector<Date>{{2026, 1, 13}, {2026, 2, 10}, {2026, 3, 10}, {2026, 4, 14}});
    const auto last_fridays = cadence_dates(Cadence{CadenceKind::MonthlyNthWeekday, 1, -1}, {2026, 1, 1}, {2026, 3, 31}, 4, 12);
    CHECK(last_fridays == std::vector<Date>{{2026, 1, 30}, {2026, 2, 27}, {2026, 3, 27}});
    // A start after this month's date skips to the next month.
    CHECK(cadence_dates(Cadence{CadenceKind::MonthlyNthWeekday, 1, 1}, {2026, 1, 10}, {2026, 2, 28}, 0, 5) ==
          std::vector<Date>{{2026, 2, 2}});
    Date fifth;
    CHECK_FALSE(nth_weekday_of_month(2026, 2, 0, 5, fifth));  // February 2026 has four Mondays
    CHECK(nth_weekday_of_month(2026, 3, 0, 5, fifth));
    CHECK(fifth == Date{2026, 3, 30});
}

TEST_CASE("recurrence: every N days, and nothing for an interval of zero or an empty window") {
    CHECK(cadence_dates(Cadence{CadenceKind::EveryNDays, 10, 1}, {2026, 1, 1}, {2026, 1, 31}, 0, 10) ==
          std::vector<Date>{{2026, 1, 1}, {2026, 1, 11}, {2026, 1, 21}, {2026, 1, 31}});
    CHECK(cadence_dates(Cadence{CadenceKind::EveryNDays, 0, 1}, {2026, 1, 1}, {2026, 1, 31}, 0, 10).empty());
    CHECK(cadence_dates(Cadence{CadenceKind::Weekly, 0, 1}, {2026, 1, 1}, {2026, 1, 31}, 0, 10).empty());
    CHECK(cadence_dates(Cadence{CadenceKind::Weekly, 1, 1}, {2026, 2, 1}, {2026, 1, 1}, 0, 10).empty());
}
