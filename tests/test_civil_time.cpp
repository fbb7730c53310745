#include <doctest/doctest.h>

#include "core/civil_time.h"

using namespace flipside;

TEST_CASE("civil dates convert to and from day numbers across leap years") {
    CHECK(days_from_civil(Date{1970, 1, 1}) == 0);
    CHECK(days_from_civil(Date{2000, 3, 1}) == 11017);
    for (std::int64_t day = -800000; day < 800000; day += 997) CHECK(days_from_civil(civil_from_days(day)) == day);
    CHECK(civil_from_days(days_from_civil(Date{2028, 2, 29})) == Date{2028, 2, 29});
    CHECK(weekday_of(Date{2026, 11, 23}) == 0);  // a Monday
    CHECK(weekday_of(Date{2027, 1, 3}) == 6);    // a Sunday
}

TEST_CASE("ISO dates are strict") {
    CHECK(parse_iso_date("2027-02-28").has_value());
    CHECK_FALSE(parse_iso_date("2027-02-29").has_value());
    CHECK(parse_iso_date("2028-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2027-13-01").has_value());
    CHECK_FALSE(parse_iso_date("27-01-01").has_value());
    CHECK_FALSE(parse_iso_date("20027-01-01").has_value());
    CHECK_FALSE(parse_iso_date("2027-1-01").has_value());
    CHECK_FALSE(parse_iso_date("").has_value());
    CHECK(format_iso_date(Date{2027, 3, 9}) == "2027-03-09");
}

TEST_CASE("UTC timestamps and clock times round-trip") {
    const auto t = parse_utc_timestamp("2027-03-28T01:30:00Z");
    REQUIRE(t.has_value());
    CHECK(format_utc_timestamp(*t) == "2027-03-28T01:30:00Z");
    CHECK_FALSE(parse_utc_timestamp("2027-03-28T24:00:00Z").has_value());
    CHECK_FALSE(parse_utc_timestamp("2027-03-28 01:30:00").has_value());
    CHECK(parse_clock_minutes("24:00", true) == 1440);
    CHECK_FALSE(parse_clock_minutes("24:00", false).has_value());
    CHECK_FALSE(parse_clock_minutes("12:60", true).has_value());
    CHECK(format_clock_minutes(9 * 60 + 5) == "09:05");
}

TEST_CASE("instants fall on the day that holds them, before 1970 too") {
    CHECK(kSecondsPerDay == 24 * 60 * 60);
    CHECK(floor_days(0) == 0);
    CHECK(floor_days(kSecondsPerDay - 1) == 0);
    CHECK(floor_days(kSecondsPerDay) == 1);
    // One second before 1970 is 1969-12-31 (day -1); truncating division would say day 0.
    CHECK(floor_days(-1) == -1);
    CHECK(-1 / kSecondsPerDay == 0);
    CHECK(floor_days(-kSecondsPerDay) == -1);
    CHECK(floor_days(-kSecondsPerDay - 1) == -2);
    CHECK(civil_from_days(floor_days(*parse_utc_timestamp("1969-07-20T20:17:40Z"))) == Date{1969, 7, 20});
    CHECK(civil_from_days(floor_days(*parse_utc_timestamp("2026-11-23T23:59:59Z"))) == Date{2026, 11, 23});
    CHECK(floor_div(-1, 7) == -1);
    CHECK(floor_div(-7, 7) == -1);
    CHECK(floor_div(-8, 7) == -2);
    CHECK(floor_div(13, 7) == 1);
    CHECK(format_utc_timestamp(-1) == "1969-12-31T23:59:59Z");
    CHECK(format_utc_timestamp(*parse_utc_timestamp("1950-06-01T08:00:00Z")) == "1950-06-01T08:00:00Z");
}
