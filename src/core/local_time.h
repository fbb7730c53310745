// Local wall-clock time in an IANA zone <-> UTC instants, with daylight-saving gaps and
// overlaps given a defined answer. Rules come from a TimeZoneCatalog; nothing here reads a
// clock or a file.
//
// Gaps and overlaps (the same choice as RFC 5545 §3.3.5 and JavaScript Temporal's
// "compatible" disambiguation):
//   - a local time that does not exist (spring forward, e.g. 02:30 in New York on
//     2026-03-08) resolves to the instant it would be with the offset before the change,
//     i.e. moved forward by the length of the gap (02:30 -> 03:30 EDT); kind = Skipped.
//   - a local time that happens twice (fall back) resolves to the earlier instant;
//     kind = Repeated, and `later` holds the second one.
#pragma once

#include <climits>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include "core/civil_time.h"
#include "core/time_zone_catalog.h"

namespace flipside {

// Offsets of one zone, asked of a source and kept per UTC day. The source is probed every two
// days, eight days at a time, and each change found is located to the second by bisection (up
// to four a day). Two changes that cancel out within two days would go unseen; tzdata has
// none (the closest pairs, Ramadan suspensions of DST, are weeks apart).
// Not thread-safe: one per thread.
class OffsetTimeline {
public:
    using Source = std::function<int(UtcSeconds)>;
    explicit OffsetTimeline(Source source) : source_(std::move(source)) {}
    OffsetTimeline(const OffsetTimeline& other) : source_(other.source_), days_(other.days_) {}
    OffsetTimeline(OffsetTimeline&&) = default;
    OffsetTimeline& operator=(const OffsetTimeline&) = delete;
    OffsetTimeline& operator=(OffsetTimeline&&) = delete;

    int offset_at(UtcSeconds instant);

private:
    struct Day {
        int start_offset = 0;
        int change_count = 0;
        UtcSeconds change_at[4] = {};
        int offset_after[4] = {};
    };
    const Day& day(std::int64_t index);
    void locate_changes(Day& entry, UtcSeconds from, int from_offset, UtcSeconds to, int to_offset);
    static constexpr int kBlockDays = 8;  // days filled per miss
    static constexpr int kProbeDays = 2;  // days between probes

    Source source_;
    std::unordered_map<std::int64_t, Day> days_;
    std::int64_t last_index_ = INT64_MIN;
    const Day* last_day_ = nullptr;
};

// A local date and time of day in some zone (seconds 0..86399).
struct LocalDateTime {
    Date date;
    int second_of_day = 0;
    friend bool operator==(const LocalDateTime& a, const LocalDateTime& b) {
        return a.date == b.date && a.second_of_day == b.second_of_day;
    }
};

enum class LocalTimeKind { Unique, Skipped, Repeated };

struct ResolvedInstant {
    UtcSeconds instant = 0;       // the chosen instant (see the header comment)
    LocalTimeKind kind = LocalTimeKind::Unique;
    UtcSeconds later = 0;         // for Repeated: the second occurrence; else == instant
};

// One zone's rules with a cache. Cheap to copy before first use; keep it around afterwards.
class ZoneRules {
public:
    ZoneRules(const TimeZoneCatalog& catalog, std::string zone);

    const std::string& zone() const { return zone_; }
    int offset_at(UtcSeconds instant) { return timeline_.offset_at(instant); }
    LocalDateTime to_local(UtcSeconds instant);
    ResolvedInstant to_utc(const LocalDateTime& local);
    ResolvedInstant to_utc(const Date& date, int minute_of_day) {
        return to_utc(LocalDateTime{date, minute_of_day * 60});
    }

private:
    std::string zone_;
    OffsetTimeline timeline_;
};

}  // namespace flipside
