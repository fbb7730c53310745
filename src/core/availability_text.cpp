#include "core/availability_text.h"

#include <algorithm>
#include <optional>
#include <string>

#include "core/text.h"

namespace flipside {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr unsigned kAllDays = 0x7F;
constexpr unsigned kWeekdays = 0x1F;
constexpr unsigned kWeekend = 0x60;

// One piece of the text. Times carry their hour and minute as written; meridiem words are
// their own tokens so "9 am" and "9am" read the same.
struct Token {
    enum Kind { Days, Time, Meridiem, Range, Joiner, Separator } kind = Separator;
    unsigned days = 0;       // Days: a bit per weekday, Monday = bit 0
    bool day_range_end = false;  // Days: a single day that may end or start a range
    int weekday = -1;        // Days: the one day, when the word names one
    int hour = 0, minute = 0;  // Time
    bool pm = false;         // Meridiem
    std::string text;        // as written, for messages
};

Token token_of(Token::Kind kind) {
    Token token;
    token.kind = kind;
    return token;
}

int weekday_from_word(const std::string& word) {
    static const char* const kNames[7][9] = {
        {"monday", "mon", "mo", "montag", "lundi", "lun", nullptr},
        {"tuesday", "tues", "tue", "tu", "dienstag", "di", "mardi", "mar", nullptr},
        {"wednesday", "wed", "we", "mittwoch", "mi", "mercredi", "mer", nullptr},
        {"thursday", "thurs", "thur", "thu", "th", "donnerstag", "do", "jeudi", "jeu"},
        {"friday", "fri", "fr", "freitag", "vendredi", "ven", nullptr},
        {"saturday", "sat", "sa", "samstag", "samedi", "sam", nullptr},
        {"sunday", "sun", "su", "sonntag", "so", "dimanche", "dim", nullptr},
    };
    for (int day = 0; day < 7; ++day)
        for (const char* name : kNames[day])
            if (name && word == name) return day;
    // "Mondays", "tuesdays": the plural of a full English name.
    if (word.size() > 6 && word.back() == 's') {
        const std::string singular = word.substr(0, word.size() - 1);
        for (int day = 0; day < 7; ++day)
            if (singular == kNames[day][0]) return day;
    }
    return -1;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Folds case, writes dashes and phrases in one spelling, so the lexer sees one form of each.
std::string normalise(std::string_view raw) {
    std::string text = fold_ascii(raw);
    const auto replace_all = [&](const std::string& from, const std::string& to) {
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    };
    replace_all("\xE2\x80\x93", "-");  // en dash
    replace_all("\xE2\x80\x94", "-");  // em dash
    replace_all("\xC2\xA0", " ");      // no-break space
    replace_all("a.m.", "am");
    replace_all("p.m.", "pm");
    replace_all("every day", "daily");
    replace_all("all week", "daily");
    replace_all("business days", "weekdays");
    replace_all("working days", "weekdays");
    return text;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

Result<std::vector<Token>> lex(const std::string& text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else if (c == ';' || c == ',' || c == '|' || c == '\n') {
            tokens.push_back(token_of(Token::Separator));
            ++i;
        } else if (c == '-') {
            tokens.push_back(token_of(Token::Range));
            ++i;
        } else if (c == '/' || c == '&' || c == '+') {
            tokens.push_back(token_of(Token::Joiner));
            ++i;
        } else if (is_digit(c)) {
            const std::size_t start = i;
            int hour = 0;
            std::size_t digits = 0;
            while (i < text.size() && is_digit(text[i]) && digits < 3) hour = hour * 10 + (text[i++] - '0'), ++digits;
            int minute = 0;
            // "9:30", "9.30", "14h30", "14h": the minutes need exactly two digits.
            if (i < text.size() && (text[i] == ':' || text[i] == '.' || text[i] == 'h')) {
                const char mark = text[i];
                if (i + 2 < text.size() && is_digit(text[i + 1]) && is_digit(text[i + 2])) {
                    minute = (text[i + 1] - '0') * 10 + (text[i + 2] - '0');
                    i += 3;
                } else if (mark == 'h') {
                    ++i;
                } else {
                    return Problem{"", quoted(text.substr(start, i + 1 - start)) + " is not a time (write 9:30)"};
                }
            }
            if (i < text.size() && is_digit(text[i]))
                return Problem{"", quoted(text.substr(start, i + 1 - start)) + " is not a time"};
            Token token = token_of(Token::Time);
            token.hour = hour;
            token.minute = minute;
            token.text = text.substr(start, i - start);
            if (digits > 2 || minute > 59) return Problem{"", quoted(token.text) + " is not a time"};
            tokens.push_back(std::move(token));
        } else if (is_letter(c)) {
            const std::size_t start = i;
            while (i < text.size() && (is_letter(text[i]) || text[i] == '.')) ++i;
            std::string word = text.substr(start, i - start);
            while (!word.empty() && word.back() == '.') word.pop_back();  // "Mon.", "Tue."
            Token token;
            token.text = word;
            if (const int day = weekday_from_word(word); day >= 0) {
                token.kind = Token::Days;
                token.days = 1u << day;
                token.weekday = day;
            } else if (word == "weekdays" || word == "weekday" || word == "workdays" || word == "werktags") {
                token.kind = Token::Days;
                token.days = kWeekdays;
            } else if (word == "weekends" || word == "weekend") {
                token.kind = Token::Days;
                token.days = kWeekend;
            } else if (word == "daily" || word == "everyday") {
                token.kind = Token::Days;
                token.days = kAllDays;
            } else if (word == "am" || word == "pm") {
                token.kind = Token::Meridiem;
                token.pm = word == "pm";
            } else if (word == "to" || word == "until" || word == "till" || word == "through" || word == "thru" ||
                       word == "bis") {
                token.kind = Token::Range;
            } else if (word == "and" || word == "und" || word == "et") {
                token.kind = Token::Joiner;
            } else if (word == "noon" || word == "midday") {
                token.kind = Token::Time;
                token.hour = 12;
            } else if (word == "midnight") {
                token.kind = Token::Time;
                token.hour = 24;
            } else if (word == "on" || word == "from" || word == "every" || word == "at" || word == "von") {
                continue;  // filler: "every Monday from 9 to 11"
            } else {
                return Problem{"", quoted(word) + " is not a weekday or a time"};
            }
            tokens.push_back(std::move(token));
        } else {
            return Problem{"", std::string("unexpected ") + quoted(std::string(1, c)) + " (write it as Mon 09:00-11:00)"};
        }
    }
    return tokens;
}

std::string clock(int minutes) {
    const int h = minutes / 60, m = minutes % 60;
    return std::string(1, static_cast<char>('0' + h / 10)) + static_cast<char>('0' + h % 10) + ":" +
           static_cast<char>('0' + m / 10) + static_cast<char>('0' + m % 10);
}

// A time as minutes of the day; `end` lets "12am" and "midnight" mean the end of the day.
std::optional<int> to_minutes(const Token& time, std::optional<bool> pm, bool end) {
    int hour = time.hour;
    if (pm) {
        if (hour < 1 || hour > 12) return std::nullopt;
        if (hour == 12) hour = *pm ? 12 : (end ? 24 : 0);
        else if (*pm) hour += 12;
    }
    if (hour == 24 && time.minute == 0 && end) return kMinutesPerDay;
    if (hour > 23) return std::nullopt;
    return hour * 60 + time.minute;
}

class Reader {
public:
    Reader(std::vector<Token> tokens, int fixed_weekday) : tokens_(std::move(tokens)), fixed_(fixed_weekday) {}

    Result<std::vector<WeeklyWindow>> read() {
        if (fixed_ >= 0) days_ = 1u << fixed_;
        while (at_ < tokens_.size()) {
            const Token& token = tokens_[at_];
            if (token.kind == Token::Separator || token.kind == Token::Joiner) {
                ++at_;
            } else if (token.kind == Token::Days) {
                if (fixed_ >= 0)
                    return Problem{"", quoted(token.text) + ": this column is for one weekday; write only times (09:00-11:00)"};
                Result<unsigned> days = read_days();
                if (!days) return days.problems();
                // Days after days with no times between ("Tue, Thu 9-12") add to them.
                days_ = times_since_days_ ? *days : (days_ | *days);
                days_text_ = tokens_[at_ - 1].text;
                times_since_days_ = false;
            } else if (token.kind == Token::Time) {
                if (days_ == 0) return Problem{"", "no weekday before " + quoted(token.text) + " (write Mon 09:00-11:00)"};
                if (Result<void> range = read_range(); !range) return range.problems();
                times_since_days_ = true;
            } else {
                return Problem{"", quoted(token.kind == Token::Range ? "-" : token.text) + " is out of place (write Mon 09:00-11:00)"};
            }
        }
        if (fixed_ < 0 && days_ != 0 && !times_since_days_)
            return Problem{"", "no times after " + quoted(days_text_) + " (write Mon 09:00-11:00)"};
        return merge_weekly_windows(std::move(windows_));
    }

private:
    // day ( (- | to) day )? ( (/ | & | and) day-term )*
    Result<unsigned> read_days() {
        unsigned days = 0;
        for (;;) {
            const Token& first = tokens_[at_++];
            unsigned term = first.days;
            if (first.weekday >= 0 && at_ + 1 < tokens_.size() && tokens_[at_].kind == Token::Range &&
                tokens_[at_ + 1].kind == Token::Days) {
                const Token& last = tokens_[at_ + 1];
                if (last.weekday < 0) return Problem{"", quoted(first.text + "-" + last.text) + " is not a range of days"};
                for (int day = first.weekday;; day = (day + 1) % 7) {
                    term |= 1u << day;
                    if (day == last.weekday) break;
                }
                at_ += 2;
            }
            days |= term;
            if (at_ + 1 < tokens_.size() && tokens_[at_].kind == Token::Joiner && tokens_[at_ + 1].kind == Token::Days) {
                ++at_;
                continue;
            }
            return days;
        }
    }

    Result<void> read_range() {
        const Token& start = tokens_[at_++];
        std::optional<bool> start_pm;
        if (at_ < tokens_.size() && tokens_[at_].kind == Token::Meridiem) start_pm = tokens_[at_++].pm;
        if (at_ + 1 >= tokens_.size() || tokens_[at_].kind != Token::Range || tokens_[at_ + 1].kind != Token::Time)
            return Problem{"", quoted(start.text) + " has no end time (write " + start.text + "-12)"};
        const Token& end = tokens_[at_ + 1];
        at_ += 2;
        std::optional<bool> end_pm;
        if (at_ < tokens_.size() && tokens_[at_].kind == Token::Meridiem) end_pm = tokens_[at_++].pm;
        const std::string written = start.text + (start_pm ? (*start_pm ? "pm" : "am") : "") + "-" + end.text +
                                    (end_pm ? (*end_pm ? "pm" : "am") : "");

        std::optional<int> from, to;
        if (end_pm && !start_pm && start.hour <= 12) {
            to = to_minutes(end, end_pm, true);
            from = to_minutes(start, end_pm, false);
            if (from && to && *from >= *to) from = to_minutes(start, false, false);
        } else if (start_pm && !end_pm) {
            from = to_minutes(start, start_pm, false);
            to = to_minutes(end, start_pm, true);
            if (from && to && *to <= *from)
                return Problem{"", quoted(written) + " is ambiguous: write am or pm on both times"};
        } else {
            from = to_minutes(start, start_pm, false);
            to = to_minutes(end, end_pm, true);
        }
        if (!from) return Problem{"", quoted(start.text) + (start_pm || end_pm ? " is not a 12-hour time" : " is not a time of day")};
        if (!to) return Problem{"", quoted(end.text) + (start_pm || end_pm ? " is not a 12-hour time" : " is not a time of day")};
        if (*to <= *from)
            return Problem{"", quoted(written) + " ends at or before it starts (" + clock(*from) + " to " + clock(*to) +
                                   "): use 24-hour times (9-17) or am/pm (9am-5pm), and split a window over midnight"};
        for (int day = 0; day < 7; ++day)
            if (days_ & (1u << day)) windows_.push_back(WeeklyWindow{day, *from, *to});
        return {};
    }

    std::vector<Token> tokens_;
    int fixed_ = -1;
    std::size_t at_ = 0;
    unsigned days_ = 0;
    std::string days_text_;
    bool times_since_days_ = false;
    std::vector<WeeklyWindow> windows_;
};

bool means_none(const std::string& text) {
    const std::string t = trim_space(fold_ascii(text));
    return t == "none" || t == "n/a" || t == "na" || t == "-" || t == "tbd" || t == "--";
}

Result<std::vector<WeeklyWindow>> parse(std::string_view raw, int weekday) {
    if (raw.size() > kMaxAvailabilityTextBytes)
        return Problem{"", "longer than " + std::to_string(kMaxAvailabilityTextBytes) + " bytes"};
    const std::string text = normalise(raw);
    if (trim_space(text).empty() || means_none(text)) return std::vector<WeeklyWindow>{};
    Result<std::vector<Token>> tokens = lex(text);
    if (!tokens) return tokens.problems();
    return Reader(std::move(*tokens), weekday).read();
}

}  // namespace

Result<std::vector<WeeklyWindow>> parse_weekly_availability(std::string_view text) { return parse(text, -1); }

Result<std::vector<WeeklyWindow>> parse_day_availability(std::string_view text, int weekday) {
    if (weekday < 0 || weekday > 6) return Problem{"", "weekday " + std::to_string(weekday) + " is not Monday–Sunday"};
    return parse(text, weekday);
}

std::string format_weekly_availability(const std::vector<WeeklyWindow>& windows) {
    static const char* const kShort[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    const std::vector<WeeklyWindow> merged = merge_weekly_windows(windows);
    std::string hours[7];
    for (const WeeklyWindow& w : merged)
        if (w.weekday >= 0 && w.weekday < 7)
            hours[w.weekday] += (hours[w.weekday].empty() ? "" : ", ") + clock(w.start_minute) + "-" + clock(w.end_minute);
    std::string out;
    bool written[7] = {};
    for (int day = 0; day < 7; ++day) {
        if (hours[day].empty() || written[day]) continue;
        // Every day with the same hours, as runs: "Mon-Wed/Fri".
        std::string days;
        for (int d = day; d < 7;) {
            if (hours[d] != hours[day] || written[d]) {
                ++d;
                continue;
            }
            int last = d;
            while (last + 1 < 7 && hours[last + 1] == hours[day]) ++last;
            days += std::string(days.empty() ? "" : "/") + kShort[d] + (last > d ? std::string("-") + kShort[last] : "");
            for (int k = d; k <= last; ++k) written[k] = true;
            d = last + 1;
        }
        out += (out.empty() ? "" : "; ") + days + " " + hours[day];
    }
    return out;
}

std::vector<WeeklyWindow> merge_weekly_windows(std::vector<WeeklyWindow> windows) {
    std::sort(windows.begin(), windows.end(), [](const WeeklyWindow& a, const WeeklyWindow& b) {
        return a.weekday != b.weekday ? a.weekday < b.weekday : a.start_minute < b.start_minute;
    });
    std::vector<WeeklyWindow> merged;
    for (const WeeklyWindow& w : windows) {
        if (!merged.empty() && merged.back().weekday == w.weekday && w.start_minute <= merged.back().end_minute)
            merged.back().end_minute = std::max(merged.back().end_minute, w.end_minute);
        else
            merged.push_back(w);
    }
    return merged;
}

}  // namespace flipside
