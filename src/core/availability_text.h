// Weekly availability written as text, the way people fill in forms and HR tools export it,
// read into the model's weekly windows (local time in the person's own zone: nothing here
// converts between zones).
//
// What it reads, exactly (letters in any ASCII case):
//   - days: English, German and French names, full or short ("Monday", "Mon", "Mo", "Di",
//     "jeudi"), a trailing plural 's' ("Mondays"); ranges "Mon-Fri", "Mon to Fri", "Fri-Mon"
//     (wrapping over the weekend); lists "Tue/Thu", "Mon & Wed", "Mon and Wed", "Mon, Wed";
//     "weekdays" (Mon-Fri), "weekends", "daily" / "every day".
//   - times: 24-hour "9", "09:00", "9.30", "14h30"; 12-hour "9am", "5 pm", "12pm" (noon),
//     "12am" (midnight), "noon", "midnight". A range is "start-end" (also "–", "to", "until").
//     A meridiem on the end only applies to the start too unless that puts the start after
//     the end ("9-5pm" is 09:00-17:00, "1-3pm" is 13:00-15:00); one on the start only applies
//     to the end, and when that ends first the range is refused as ambiguous. Without am/pm
//     times are 24-hour, so "9-5" is refused (it ends before it starts). End 24:00 is allowed;
//     a window over midnight is refused (split it at midnight).
//   - structure: days then one or more ranges; items separated by ';', ',', '|' or line
//     breaks; an item of ranges only keeps the days before it ("Mon 9-11, 14-16"), an item of
//     days only joins the next days ("Tue, Thu 9-12").
//   - "none", "n/a", "-", "tbd" alone: no windows (an empty result).
// The result is sorted by day and start, with overlapping or touching windows joined. Anything
// else is refused with the reason naming the word or time that could not be read; any text
// gives an answer in one linear pass.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/result.h"

namespace flipside {

inline constexpr std::size_t kMaxAvailabilityTextBytes = 2000;

// A whole week in one text: "Mon 09:00-11:00; Wed 14:00-16:30", "Tue/Thu 9-12".
Result<std::vector<WeeklyWindow>> parse_weekly_availability(std::string_view text);

// One day's text from a column per weekday ("Monday": "09:00-11:00, 14:00-16:00"); `weekday`
// is 0 (Monday) .. 6 (Sunday). Naming a day inside it is refused.
Result<std::vector<WeeklyWindow>> parse_day_availability(std::string_view text, int weekday);

// The windows written back in the form above, days with the same hours together:
// "Mon-Fri 09:00-12:00, 13:00-17:00; Sat 10:00-12:00" (empty text for no windows). Reading it
// back with parse_weekly_availability() gives the same windows, merged.
std::string format_weekly_availability(const std::vector<WeeklyWindow>& windows);

// Sorted by day and start; windows that overlap or touch on the same day joined into one.
std::vector<WeeklyWindow> merge_weekly_windows(std::vector<WeeklyWindow> windows);

}  // namespace flipside
