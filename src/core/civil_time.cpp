#include "core/civil_time.h"

#include <cstdio>

namespace flipside {

namespace {

bool read_digits(std::string_view text, std::size_t at, std::size_t count, int& out) {
    if (at + count > text.size()) return false;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
std::int64_t days_from_civil(const Date& date) {
    const std::int64_t y = static_cast<std::int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (date.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

int weekday_of(const Date& date) {
    const std::int64_t days = days_from_civil(date);
    // 1970-01-01 was a Thursday (3 in Monday-based numbering).
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

int days_in_month(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return kDays[month - 1];
}

bool is_valid_date(int year, int month, int day) {
    return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

Date add_days(const Date& date, std::int64_t days) {
    return civil_from_days(days_from_civil(date) + days);
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int year = 0, month = 0, day = 0;
    if (!read_digits(text, 0, 4, year) || !read_digits(text, 5, 2, month) ||
        !read_digits(text, 8, 2, day))
        return std::nullopt;
    if (!is_valid_date(year, month, day)) return std::nullopt;
    return Date{year, month, day};
}

std::string format_iso_date(const Date& date) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::optional<UtcSeconds> parse_utc_timestamp(std::string_view text) {
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z')
        return std::nullopt;
    const auto date = parse_iso_date(text.substr(0, 10));
    if (!date) return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    if (!read_digits(text, 11, 2, hour) || !read_digits(text, 14, 2, minute) ||
        !read_digits(text, 17, 2, second))
        return std::nullopt;
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    return days_from_civil(*date) * kSecondsPerDay + hour * 3600 + minute * 60 + second;
}

std::string format_utc_timestamp(UtcSeconds seconds) {
    const std::int64_t days = floor_days(seconds);
    const std::int64_t rest = seconds - days * kSecondsPerDay;
    const Date date = civil_from_days(days);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year, date.month,
                  date.day, static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                  static_cast<int>(rest % 60));
    return buffer;
}

const char* weekday_short_name(int weekday) {
    static const char* const kNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return weekday >= 0 && weekday < 7 ? kNames[weekday] : "?";
}

std::string format_readable_utc(UtcSeconds seconds) {
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::int64_t days = floor_days(seconds);
    const std::int64_t rest = seconds - days * kSecondsPerDay;
    const Date date = civil_from_days(days);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s %d %s %d, %02d:%02d UTC", weekday_short_name(weekday_of(date)), date.day,
                  kMonths[(date.month - 1) % 12], date.year, static_cast<int>(rest / 3600),
                  static_cast<int>(rest / 60 % 60));
    return buffer;
}

std::optional<int> parse_clock_minutes(std::string_view text, bool allow_end_of_day) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    int hour = 0, minute = 0;
    if (!read_digits(text, 0, 2, hour) || !read_digits(text, 3, 2, minute)) return std::nullopt;
    if (minute > 59) return std::nullopt;
    if (hour == 24 && minute == 0 && allow_end_of_day) return 24 * 60;
    if (hour > 23) return std::nullopt;
    return hour * 60 + minute;
}

std::string format_clock_minutes(int minutes) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minutes / 60, minutes % 60);
    return buffer;
}

}  // namespace flipside
