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
