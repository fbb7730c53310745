#include "core/matching/detail/phrases.h"

#include "core/civil_time.h"

namespace flipside::matching {

namespace {
const char* const kDayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
}  // namespace

std::string count_word(std::size_t count) {
    static const char* const kWords[] = {"no",    "one",   "two",  "three",  "four",  "five", "six",
                                         "seven", "eight", "nine", "ten",    "eleven", "twelve"};
    return count <= 12 ? kWords[count] : std::to_string(count);
}

std::string join_with_and(const std::vector<std::string>& items) {
    std::string text;
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (k > 0) text += k + 1 == items.size() ? " and " : ", ";
        text += items[k];
    }
    return text;
}

std::string duration_text(int minutes) {
    const int hours = minutes / 60, rest = minutes % 60;
    std::string text;
    if (hours > 0) text = std::to_string(hours) + (hours == 1 ? " hour" : " hours");
    if (rest > 0 || hours == 0) text += (text.empty() ? "" : " ") + std::to_string(rest) + (rest == 1 ? " minute" : " minutes");
    return text;
}

std::string zone_city(const std::string& time_zone) {
    std::string city = time_zone.substr(time_zone.rfind('/') == std::string::npos ? 0 : time_zone.rfind('/') + 1);
    for (char& c : city)
        if (c == '_') c = ' ';
    return city.empty() ? time_zone : city;
}

std::string display_name(const Participant& participant) {
    return participant.name.empty() ? participant.id : participant.name;
}

std::string local_span(int utc_start, int length, int offset_minutes) {
    const auto wrap = [](int minute) { return ((minute % kMinutesPerWeek) + kMinutesPerWeek) % kMinutesPerWeek; };
    const int start = wrap(utc_start + offset_minutes);
    const int end = start + length;  // may run past the week's end
    const int start_day = start / 1440, end_day = (end - 1) / 1440;
    std::string text = std::string(kDayNames[start_day]) + " " + format_clock_minutes(start % 1440) + "–";
    if (end_day != start_day) return text + kDayNames[(end / 1440) % 7] + " " + format_clock_minutes(end % 1440);
    return text + format_clock_minutes(end - start_day * 1440);
}

std::vector<std::string> names_of(const std::vector<int>& ids, const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (const int id : ids) out.push_back(names[static_cast<std::size_t>(id)]);
    return out;
}

}  // namespace flipside::matching
