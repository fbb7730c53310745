// Calendar dates and UTC instants without any clock or time zone database.
// "Now" is always passed in by the caller; the core never reads a clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flipside {

// A civil (proleptic Gregorian) date. Value type; ordering follows the calendar.
struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31

    friend bool operator==(const Date& a, const Date& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) {
        if (a.year != b.year) return a.year < b.year;
        if (a.month != b.month) return a.month < b.month;
        return a.day < b.day;
    }
    friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
    friend bool operator>(const Date& a, const Date& b) { return b < a; }
    friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }
};

// Seconds since 1970-01-01T00:00:00Z.
using UtcSeconds = std::int64_t;

inline constexpr std::int64_t kSecondsPerDay = 86400;  // UTC has no leap seconds here (POSIX time)

// a / b rounded toward minus infinity (b > 0): the unit that holds `a`, before 0 too
// (floor_div(-1, 7) is -1, where -1 / 7 is 0).
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - (a % b < 0 ? 1 : 0); }

// The day an instant falls on, as days since 1970-01-01, rounded down: -1 s is day -1
// (1969-12-31), not day 0 as `seconds / kSecondsPerDay` would have it. Wall-clock seconds (an
// instant plus a UTC offset) give the local day the same way.
constexpr std::int64_t floor_days(UtcSeconds seconds) { return floor_div(seconds, kSecondsPerDay); }

// Days since 1970-01-01 for a civil date (negative before it).
std::int64_t days_from_civil(const Date& date);
Date civil_from_days(std::int64_t days);

// 0 = Monday ... 6 = Sunday (ISO 8601 order).
int weekday_of(const Date& date);
int days_in_month(int year, int month);
bool is_valid_date(int year, int month, int day);
Date add_days(const Date& date, std::int64_t days);

// Strict "YYYY-MM-DD"; years 1900..2999 so that typos such as 20025 are caught.
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso_date(const Date& date);

// Strict "YYYY-MM-DDTHH:MM:SSZ".
std::optional<UtcSeconds> parse_utc_timestamp(std::string_view text);
std::string format_utc_timestamp(UtcSeconds seconds);
// "Tue 1 Dec 2026, 14:32 UTC": an instant for a person to read.
std::string format_readable_utc(UtcSeconds seconds);
// "Mon" ... "Sun" for 0 ... 6 (weekday_of's numbering).
const char* weekday_short_name(int weekday);

// "HH:MM" within a day, 00:00..24:00 (24:00 only as an end). Returns minutes.
std::optional<int> parse_clock_minutes(std::string_view text, bool allow_end_of_day);
std::string format_clock_minutes(int minutes);

}  // namespace flipside
