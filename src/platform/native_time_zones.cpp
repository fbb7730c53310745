// Time zone rules from the system zoneinfo (TZif files, RFC 8536) for the native build.
//
// Index
// [SECTION] POSIX TZ rule (the footer that covers instants beyond the transition table)
// [SECTION] TZif reader
// [SECTION] Catalog (one parsed zone per name, cached)
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "platform/interface/time_zones.h"

namespace flipside::platform {
namespace {

constexpr const char* kZoneinfoDir = "/usr/share/zoneinfo/";

//-----------------------------------------------------------------------------
// [SECTION] POSIX TZ rule
//-----------------------------------------------------------------------------

// One end of daylight saving time: "Mm.w.d/time", "Jn/time" or "n/time".
struct RuleDate {
    enum class Kind { JulianNoLeap, ZeroBasedDay, MonthWeekDay } kind = Kind::MonthWeekDay;
    int day = 0;              // Jn: 1..365; n: 0..365; M: weekday 0 (Sunday)..6
    int month = 0;            // M only: 1..12
    int week = 0;             // M only: 1..5 (5 = last)
    int seconds = 2 * 3600;   // local time of the change; may be negative or beyond 24h
};

// "EST5EDT,M3.2.0,M11.1.0" and the like. Offsets are stored as seconds east of UTC.
struct PosixRule {
    int std_offset = 0;
    bool has_dst = false;
    int dst_offset = 0;
    RuleDate dst_start;  // in standard time
    RuleDate dst_end;    // in daylight time
};

class PosixParser {
public:
    explicit PosixParser(const std::string& text) : text_(text) {}

    std::optional<PosixRule> parse() {
        PosixRule rule;
        if (!skip_name()) return std::nullopt;
        const auto std_west = parse_offset();
        if (!std_west) return std::nullopt;
        rule.std_offset = -*std_west;
        if (at_end()) return rule;
        if (!skip_name()) return std::nullopt;
        rule.has_dst = true;
        rule.dst_offset = rule.std_offset + 3600;
        if (!at_end() && peek() != ',') {
            const auto dst_west = parse_offset();
            if (!dst_west) return std::nullopt;
            rule.dst_offset = -*dst_west;
        }
        if (at_end()) {
            // No rule given: POSIX leaves it to the implementation; use the US rule.
            rule.dst_start = RuleDate{RuleDate::Kind::MonthWeekDay, 0, 3, 2, 7200};
            rule.dst_end = RuleDate{RuleDate::Kind::MonthWeekDay, 0, 11, 1, 7200};
            return rule;
        }
        if (!consume(',')) return std::nullopt;
        const auto start = parse_rule_date();
        if (!start || !consume(',')) return std::nullopt;
        const auto end = parse_rule_date();
        if (!end || !at_end()) return std::nullopt;
        rule.dst_start = *start;
        rule.dst_end = *end;
        return rule;
    }

private:
    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }
    bool consume(char c) {
        if (peek() != c) return false;
        ++pos_;
        return true;
    }

    bool skip_name() {
        if (consume('<')) {
            const auto close = text_.find('>', pos_);
            if (close == std::string::npos) return false;
            pos_ = close + 1;
            return true;
        }
        const std::size_t begin = pos_;
        while (!at_end() && ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z')))
            ++pos_;
        return pos_ - begin >= 3;
    }

    std::optional<int> parse_number() {
        if (at_end() || peek() < '0' || peek() > '9') return std::nullopt;
        int value = 0;
        while (!at_end() && peek() >= '0' && peek() <= '9') {
            value = value * 10 + (peek() - '0');
            if (value > 100000) return std::nullopt;
            ++pos_;
        }
        return value;
    }

    // [+|-]hh[:mm[:ss]] as seconds; hours up to 167 (RFC 8536 extension).
    std::optional<int> parse_time() {
        int sign = 1;
        if (consume('-')) sign = -1;
        else consume('+');
        const auto hours = parse_number();
        if (!hours || *hours > 167) return std::nullopt;
        int seconds = *hours * 3600;
        if (consume(':')) {
            const auto minutes = parse_number();
            if (!minutes || *minutes > 59) return std::nullopt;
            seconds += *minutes * 60;
            if (consume(':')) {
                const auto secs = parse_number();
                if (!secs || *secs > 59) return std::nullopt;
                seconds += *secs;
            }
        }
        return sign * seconds;
    }

    std::optional<int> parse_offset() { return parse_time(); }

    std::optional<RuleDate> parse_rule_date() {
        RuleDate date;
        if (consume('M')) {
            date.kind = RuleDate::Kind::MonthWeekDay;
            const auto month = parse_number();
            if (!month || *month < 1 || *month > 12 || !consume('.')) return std::nullopt;
            const auto week = parse_number();
            if (!week || *week < 1 || *week > 5 || !consume('.')) return std::nullopt;
            const auto weekday = parse_number();
            if (!weekday || *weekday > 6) return std::nullopt;
            date.month = *month;
            date.week = *week;
            date.day = *weekday;
        } else if (consume('J')) {
            date.kind = RuleDate::Kind::JulianNoLeap;
            const auto day = parse_number();
            if (!day || *day < 1 || *day > 365) return std::nullopt;
            date.day = *day;
        } else {
            date.kind = RuleDate::Kind::ZeroBasedDay;
            const auto day = parse_number();
            if (!day || *day > 365) return std::nullopt;
            date.day = *day;
        }
        if (consume('/')) {
            const auto time = parse_time();
            if (!time) return std::nullopt;
            date.seconds = *time;
        }
        return date;
    }

    const std::string& text_;
    std::size_t pos_ = 0;
};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Local seconds since the epoch (as if local time were UTC) at which `date` happens in `year`.
std::int64_t local_rule_instant(const RuleDate& date, int year) {
    const std::int64_t jan1 = days_from_civil(Date{year, 1, 1});
    std::int64_t day = 0;
    switch (date.kind) {
        case RuleDate::Kind::JulianNoLeap:
            // Day 1..365, February 29 never counted.
            day = jan1 + date.day - 1 + ((is_leap(year) && date.day >= 60) ? 1 : 0);
            break;
        case RuleDate::Kind::ZeroBasedDay:
            day = jan1 + date.day;
            break;
        case RuleDate::Kind::MonthWeekDay: {
            const std::int64_t first = days_from_civil(Date{year, date.month, 1});
            // weekday_of: 0 = Monday; POSIX: 0 = Sunday.
            const int first_weekday_sunday_based = (weekday_of(Date{year, date.month, 1}) + 1) % 7;
            std::int64_t d = first + (date.day - first_weekday_sunday_based + 7) % 7;
            d += 7 * (date.week - 1);
            const std::int64_t last = first + days_in_month(year, date.month) - 1;
            while (d > last) d -= 7;
            day = d;
            break;
        }
    }
    return day * kSecondsPerDay + date.seconds;
}

int posix_offset_at(const PosixRule& rule, UtcSeconds instant) {
    if (!rule.has_dst) return rule.std_offset;
    // The year as seen in standard time; check the neighbouring years too so that rules
    // whose changes fall near New Year (or southern-hemisphere rules) come out right.
    const std::int64_t local = instant + rule.std_offset;
    const int year = civil_from_days(floor_days(local)).year;
    // DST is in effect between start (given in standard time) and end (given in daylight time).
    // Walk the changes of three years in order and take the last one at or before `instant`.
    struct Change {
        UtcSeconds at;
        int offset;
    };
    std::vector<Change> changes;
    changes.reserve(6);
    for (int y = year - 1; y <= year + 1; ++y) {
        changes.push_back({local_rule_instant(rule.dst_start, y) - rule.std_offset, rule.dst_offset});
        changes.push_back({local_rule_instant(rule.dst_end, y) - rule.dst_offset, rule.std_offset});
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const Change& a, const Change& b) { return a.at < b.at; });
    int offset = changes.front().offset == rule.dst_offset ? rule.std_offset : rule.dst_offset;
    for (const Change& change : changes) {
        if (change.at <= instant) offset = change.offset;
    }
    return offset;
}

//-----------------------------------------------------------------------------
// [SECTION] TZif reader
//-----------------------------------------------------------------------------

struct Zone {
    std::vector<UtcSeconds> transitions;     // ascending
    std::vector<int> transition_offsets;     // offset in effect from transitions[i]
    int initial_offset = 0;                  // before the first transition
    std::optional<PosixRule> footer;         // beyond the last transition

    int offset_at(UtcSeconds instant) const {
        if (transitions.empty() || instant < transitions.front()) {
            if (transitions.empty() && footer) return posix_offset_at(*footer, instant);
            return initial_offset;
        }
        if (instant >= transitions.back() && footer) return posix_offset_at(*footer, instant);
        const auto it = std::upper_bound(transitions.begin(), transitions.end(), instant);
        return transition_offsets[static_cast<std::size_t>(it - transitions.begin()) - 1];
    }
};

class ByteReader {
public:
    explicit ByteReader(const std::string& bytes) : bytes_(bytes) {}
    bool has(std::size_t count) const { return pos_ + count <= bytes_.size(); }
    std::size_t position() const { return pos_; }
    void skip(std::size_t count) { pos_ += count; }
    std::uint8_t u8() { return static_cast<std::uint8_t>(bytes_[pos_++]); }
    std::int64_t be(int width) {
        std::uint64_t value = 0;
        for (int i = 0; i < width; ++i) value = (value << 8) | u8();
        if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
        return static_cast<std::int64_t>(value);
    }

private:
    const std::string& bytes_;
    std::size_t pos_ = 0;
};

struct Header {
    int version = 0;
    std::int64_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
};

std::optional<Header> read_header(ByteReader& in) {
    if (!in.has(44)) return std::nullopt;
    const char magic[4] = {static_cast<char>(in.u8()), static_cast<char>(in.u8()),
                           static_cast<char>(in.u8()), static_cast<char>(in.u8())};
    if (std::string(magic, 4) != "TZif") return std::nullopt;
    Header header;
    const std::uint8_t version = in.u8();
    header.version = version == 0 ? 1 : version - '0';
    in.skip(15);
    header.isutcnt = in.be(4);
    header.isstdcnt = in.be(4);
    header.leapcnt = in.be(4);
    header.timecnt = in.be(4);
    header.typecnt = in.be(4);
    header.charcnt = in.be(4);
    if (header.isutcnt < 0 || header.isstdcnt < 0 || header.leapcnt < 0 || header.timecnt < 0 ||
        header.typecnt <= 0 || header.charcnt < 0 || header.typecnt > 256)
        return std::nullopt;
    return header;
}

std::size_t data_block_size(const Header& h, int time_size) {
    return static_cast<std::size_t>(h.timecnt * time_size + h.timecnt + h.typecnt * 6 + h.charcnt +
                                    h.leapcnt * (time_size + 4) + h.isstdcnt + h.isutcnt);
}

std::optional<Zone> parse_tzif(const std::string& bytes) {
    ByteReader in(bytes);
    auto header = read_header(in);
    if (!header) return std::nullopt;
    int time_size = 4;
    if (header->version >= 2) {
        // Skip the 32-bit block; the 64-bit block and the footer follow.
        if (!in.has(data_block_size(*header, 4))) return std::nullopt;
        in.skip(data_block_size(*header, 4));
        header = read_header(in);
        if (!header) return std::nullopt;
        time_size = 8;
    }
    if (!in.has(data_block_size(*header, time_size))) return std::nullopt;

    Zone zone;
    std::vector<UtcSeconds> times(static_cast<std::size_t>(header->timecnt));
    for (auto& t : times) t = in.be(time_size);
    std::vector<int> indices(static_cast<std::size_t>(header->timecnt));
    for (auto& index : indices) index = in.u8();
    std::vector<int> type_offsets(static_cast<std::size_t>(header->typecnt));
    for (auto& offset : type_offsets) {
        offset = static_cast<int>(in.be(4));
        in.skip(2);  // isdst, abbreviation index
    }
    in.skip(static_cast<std::size_t>(header->charcnt + header->leapcnt * (time_size + 4) +
                                     header->isstdcnt + header->isutcnt));
    for (std::size_t i = 0; i < times.size(); ++i) {
        if (indices[i] >= header->typecnt) return std::nullopt;
        if (i > 0 && times[i] <= times[i - 1]) return std::nullopt;
        zone.transitions.push_back(times[i]);
        zone.transition_offsets.push_back(type_offsets[static_cast<std::size_t>(indices[i])]);
    }
    // RFC 8536: local time type 0 applies before the first transition.
    zone.initial_offset = type_offsets[0];

    if (header->version >= 2 && in.has(1) && bytes[in.position()] == '\n') {
        const std::size_t begin = in.position() + 1;
        const std::size_t end = bytes.find('\n', begin);
        if (end != std::string::npos && end > begin) {
            const std::string footer = bytes.substr(begin, end - begin);
            zone.footer = PosixParser(footer).parse();
        }
    }
    return zone;
}

//-----------------------------------------------------------------------------
// [SECTION] Catalog
//-----------------------------------------------------------------------------

class ZoneinfoCatalog final : public TimeZoneCatalog {
public:
    bool is_known(const std::string& name) const override { return zone(name) != nullptr; }

    int utc_offset_seconds(const std::string& name, UtcSeconds instant) const override {
        const Zone* found = zone(name);
        return found ? found->offset_at(instant) : 0;
    }

private:
    // Parsed once per name (a miss is cached too); the map only grows, so pointers stay valid.
    const Zone* zone(const std::string& name) const {
        std::lock_guard<std::mutex> lock(mutex_);
        const auto cached = zones_.find(name);
        if (cached != zones_.end()) return cached->second.get();
        std::unique_ptr<Zone> loaded;
        if (name == "UTC") {
            loaded = std::make_unique<Zone>();
        } else if (shape_.is_known(name) && name.find("..") == std::string::npos) {
            std::ifstream file(kZoneinfoDir + name, std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(file)),
                                    std::istreambuf_iterator<char>());
            if (auto parsed = parse_tzif(bytes)) loaded = std::make_unique<Zone>(std::move(*parsed));
        }
        const Zone* result = loaded.get();
        zones_.emplace(name, std::move(loaded));
        return result;
    }

    ShapeOnlyTimeZoneCatalog shape_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<Zone>> zones_;
};

}  // namespace

const TimeZoneCatalog& system_time_zones() {
    static const ZoneinfoCatalog catalog;
    return catalog;
}

}  // namespace flipside::platform
