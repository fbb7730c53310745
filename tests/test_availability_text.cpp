#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/availability_text.h"

using namespace flipside;

namespace {

using Windows = std::vector<WeeklyWindow>;

constexpr int h(int hour, int minute = 0) { return hour * 60 + minute; }

Windows week(const std::string& text) {
    const Result<Windows> read = parse_weekly_availability(text);
    INFO(text << ": " << read.message());
    REQUIRE(read.ok());
    return *read;
}

std::string refusal(const std::string& text) {
    const Result<Windows> read = parse_weekly_availability(text);
    INFO(text);
    REQUIRE_FALSE(read.ok());
    return read.message();
}

Windows every(unsigned days, int from, int to) {
    Windows out;
    for (int day = 0; day < 7; ++day)
        if (days & (1u << day)) out.push_back({day, from, to});
    return out;
}

}  // namespace

TEST_CASE("days with 24-hour ranges, the way forms write them") {
    CHECK(week("Mon 09:00-11:00; Wed 14:00-16:30") == Windows{{0, h(9), h(11)}, {2, h(14), h(16, 30)}});
    CHECK(week("Tue/Thu 9-12") == Windows{{1, h(9), h(12)}, {3, h(9), h(12)}});
    CHECK(week("weekdays 10-12") == every(0x1F, h(10), h(12)));
    CHECK(week("Mon-Fri 9:00-17:00") == every(0x1F, h(9), h(17)));
    CHECK(week("Monday to Friday 9.30 - 17.00") == every(0x1F, h(9, 30), h(17)));
    CHECK(week("mon–fri 08:00–12:00") == every(0x1F, h(8), h(12)));  // en dashes
    CHECK(week("Fri-Mon 10-11") == every(0x10 | 0x20 | 0x40 | 0x01, h(10), h(11)));  // over the weekend
    CHECK(week("weekends 10-14") == every(0x60, h(10), h(14)));
    CHECK(week("daily 7-8") == every(0x7F, h(7), h(8)));
    CHECK(week("every day 7-8") == every(0x7F, h(7), h(8)));
    CHECK(week("every Monday from 9 to 11") == Windows{{0, h(9), h(11)}});
    CHECK(week("Mondays 9-10") == Windows{{0, h(9), h(10)}});
    CHECK(week("MON & WED 14h-16h30") == Windows{{0, h(14), h(16, 30)}, {2, h(14), h(16, 30)}});
    CHECK(week("Mon and Wed 8-9") == Windows{{0, h(8), h(9)}, {2, h(8), h(9)}});
}

TEST_CASE("German and French day names read as well") {
    CHECK(week("Mo-Fr 9-17") == every(0x1F, h(9), h(17)));
    CHECK(week("Di/Do 14-16") == Windows{{1, h(14), h(16)}, {3, h(14), h(16)}});
    CHECK(week("lundi 9h-12h; jeudi 14h-18h") == Windows{{0, h(9), h(12)}, {3, h(14), h(18)}});
    CHECK(week("So 10-12") == Windows{{6, h(10), h(12)}});
}

TEST_CASE("several ranges for the same days, and days listed before their hours") {
    CHECK(week("Mon 09:00-11:00, 14:00-16:00") == Windows{{0, h(9), h(11)}, {0, h(14), h(16)}});
    CHECK(week("Mon 9-11 14-16") == Windows{{0, h(9), h(11)}, {0, h(14), h(16)}});
    CHECK(week("Tue, Thu 9-12") == Windows{{1, h(9), h(12)}, {3, h(9), h(12)}});
    CHECK(week("Mon 9-11\nTue 10-12") == Windows{{0, h(9), h(11)}, {1, h(10), h(12)}});
    // A new day after hours starts afresh: Wednesday does not keep Monday.
    CHECK(week("Mon 9-10, Wed 11-12") == Windows{{0, h(9), h(10)}, {2, h(11), h(12)}});
}

TEST_CASE("12-hour times where they are unambiguous") {
    CHECK(week("Mon-Fri 9am-5pm") == every(0x1F, h(9), h(17)));
    CHECK(week("Tue 9 am - 5 pm") == Windows{{1, h(9), h(17)}});
    CHECK(week("Tue 9-5pm") == Windows{{1, h(9), h(17)}});    // the start takes am: 9pm would be after 5pm
    CHECK(week("Tue 1-3pm") == Windows{{1, h(13), h(15)}});   // the start takes pm
    CHECK(week("Tue 11-1pm") == Windows{{1, h(11), h(13)}});
    CHECK(week("Tue 10-12pm") == Windows{{1, h(10), h(12)}});  // 12pm is noon
    CHECK(week("Tue 9:30am-11") == Windows{{1, h(9, 30), h(11)}});
    CHECK(week("Tue 8pm-12am") == Windows{{1, h(20), h(24)}});  // 12am at the end is midnight
    CHECK(week("Tue 2 p.m. - 4 p.m.") == Windows{{1, h(14), h(16)}});
    CHECK(week("Wed noon-2pm") == Windows{{2, h(12), h(14)}});
    CHECK(week("Wed 18-midnight") == Windows{{2, h(18), h(24)}});
    CHECK(refusal("Tue 9am-5").find("ambiguous") != std::string::npos);
    CHECK(refusal("Tue 13pm-14pm").find("12-hour") != std::string::npos);
}

TEST_CASE("overlapping and touching windows are joined, and the result is sorted") {
    CHECK(week("Wed 14-16; Mon 9-12") == Windows{{0, h(9), h(12)}, {2, h(14), h(16)}});
    CHECK(week("weekdays 9-12; Mon 11-13") ==
          Windows{{0, h(9), h(13)}, {1, h(9), h(12)}, {2, h(9), h(12)}, {3, h(9), h(12)}, {4, h(9), h(12)}});
    CHECK(week("Mon 9-10, 10-11") == Windows{{0, h(9), h(11)}});
    CHECK(merge_weekly_windows({{3, h(10), h(11)}, {3, h(9), h(10, 30)}, {1, h(8), h(9)}}) ==
          Windows{{1, h(8), h(9)}, {3, h(9), h(11)}});
}

TEST_CASE("nothing written, or written as none, is no windows") {
    CHECK(week("").empty());
    CHECK(week("   ").empty());
    CHECK(week("none").empty());
    CHECK(week("N/A").empty());
    CHECK(week("-").empty());
}

TEST_CASE("what cannot be read is refused, naming the word or time and why") {
    CHECK(refusal("Mun 9-12").find("\"mun\" is not a weekday or a time") != std::string::npos);
    CHECK(refusal("9-12").find("no weekday before \"9\"") != std::string::npos);
    CHECK(refusal("Mon 9-12; Wed").find("no times after \"wed\"") != std::string::npos);
    CHECK(refusal("Mon 9").find("\"9\" has no end time") != std::string::npos);
    CHECK(refusal("Mon 9-5").find("ends at or before it starts (09:00 to 05:00)") != std::string::npos);
    CHECK(refusal("Mon 22-02").find("split a window over midnight") != std::string::npos);
    CHECK(refusal("Mon 25-26").find("\"25\" is not a time of day") != std::string::npos);
    CHECK(refusal("Mon 9:75-10").find("\"9:75\" is not a time") != std::string::npos);
    CHECK(refusal("Mon 9:3-10").find("is not a time") != std::string::npos);
    CHECK(refusal("Mon 0900-1000").find("is not a time") != std::string::npos);
    CHECK(refusal("Mon 9-12 @ home").find("unexpected \"@\"") != std::string::npos);
    CHECK(refusal("Mon - 9-12").find("out of place") != std::string::npos);
    CHECK(refusal("Mon-weekdays 9-12").find("not a range of days") != std::string::npos);
    CHECK(refusal(std::string(kMaxAvailabilityTextBytes + 1, 'x')).find("longer than") != std::string::npos);
}

TEST_CASE("a column per weekday takes times only") {
    const Result<Windows> monday = parse_day_availability("09:00-11:00, 14:00-16:00", 0);
    REQUIRE(monday.ok());
    CHECK(*monday == Windows{{0, h(9), h(11)}, {0, h(14), h(16)}});
    const Result<Windows> friday = parse_day_availability("9am-1pm", 4);
    REQUIRE(friday.ok());
    CHECK(*friday == Windows{{4, h(9), h(13)}});
    const Result<Windows> none = parse_day_availability("n/a", 2);
    REQUIRE(none.ok());
    CHECK(none->empty());
    const Result<Windows> named = parse_day_availability("Tue 9-12", 0);
    REQUIRE_FALSE(named.ok());
    CHECK(named.message().find("this column is for one weekday") != std::string::npos);
    CHECK_FALSE(parse_day_availability("9-12", 7).ok());
}

TEST_CASE("any bytes give an answer: no crash, no hang") {
    const std::string awkward[] = {"\xFF\xFE", "Mon 9-", "Mon -", "-9", "::", "Mon 9-12-14", "am pm", "/ & /",
                                   std::string(1000, '-'), std::string(500, '9'), "Mon 9h", "Mon 9hh-10",
                                   "Mon 12am-12pm", "Mon 24-24", "Mon 0-24"};
    for (const std::string& text : awkward) {
        const Result<Windows> read = parse_weekly_availability(text);
        if (read.ok())
            for (const WeeklyWindow& w : *read) {
                CHECK(w.start_minute >= 0);
                CHECK(w.end_minute <= 24 * 60);
                CHECK(w.start_minute < w.end_minute);
            }
    }
    CHECK(week("Mon 0-24") == Windows{{0, 0, h(24)}});
    CHECK(week("Mon 12am-12pm") == Windows{{0, 0, h(12)}});
}

TEST_CASE("windows are written back with days of the same hours together, and read back the same") {
    const Windows office = week("Mon-Fri 09:00-12:00, 13:00-17:00");
    CHECK(format_weekly_availability(office) == "Mon-Fri 09:00-12:00, 13:00-17:00");
    const Windows mixed = week("Mon 9-12; Wed 9-12; Tue 14-16:30; Sun 0-24");
    CHECK(format_weekly_availability(mixed) == "Mon/Wed 09:00-12:00; Tue 14:00-16:30; Sun 00:00-24:00");
    CHECK(week(format_weekly_availability(mixed)) == mixed);
    CHECK(format_weekly_availability({}).empty());
}
