#include "core/local_time.h"

#include <climits>
#include <utility>

namespace flipside {

//-----------------------------------------------------------------------------
// OffsetTimeline
//-----------------------------------------------------------------------------

int OffsetTimeline::offset_at(UtcSeconds instant) {
    const std::int64_t index = floor_days(instant);
    const Day* entry = index == last_index_ ? last_day_ : &day(index);
    last_index_ = index;
    last_day_ = entry;
    int offset = entry->start_offset;
    for (int i = 0; i < entry->change_count; ++i) {
        if (instant >= entry->change_at[i]) offset = entry->offset_after[i];
    }
    return offset;
}

const OffsetTimeline::Day& OffsetTimeline::day(std::int64_t index) {
    const auto found = days_.find(index);
    if (found != days_.end()) return found->second;
    Day entry;
    const UtcSeconds begin = index * 86400;
    constexpr int kProbes = 4;  // every six hours
    constexpr UtcSeconds kStep = 86400 / kProbes;
    entry.start_offset = source_(begin);
    int previous = entry.start_offset;
    for (int probe = 1; probe <= kProbes; ++probe) {
        const UtcSeconds at = begin + probe * kStep;
        // The probe at midnight belongs to the next day; the day ends one second before.
        const UtcSeconds sample_at = probe == kProbes ? at - 1 : at;
        const int sample = source_(sample_at);
        if (sample != previous)
            locate_changes(entry, sample_at - (probe == kProbes ? kStep - 1 : kStep), previous,
                           sample_at, sample);
        previous = sample;
    }
    // A program's year is a few hundred entries per zone: no eviction needed. References to
    // entries survive rehashing, so `last_day_` stays valid.
    return days_.emplace(index, entry).first->second;
}

// Offsets differ at `from` and `to`: find each change between them (to the second).
void OffsetTimeline::locate_changes(Day& entry, UtcSeconds from, int from_offset, UtcSeconds to,
                                    int to_offset) {
    while (from_offset != to_offset && entry.change_count < 4) {
        // Invariant: offset(low) == from_offset, offset(high) != from_offset.
        UtcSeconds low = from, high = to;
        int high_offset = to_offset;
        while (high - low > 1) {
            const UtcSeconds mid = low + (high - low) / 2;
            const int value = source_(mid);
            if (value == from_offset) {
                low = mid;
            } else {
                high = mid;
                high_offset = value;
            }
        }
        entry.change_at[entry.change_count] = high;
        entry.offset_after[entry.change_count] = high_offset;
        ++entry.change_count;
        from = high;
        from_offset = high_offset;
    }
}

//-----------------------------------------------------------------------------
// ZoneRules
//-----------------------------------------------------------------------------

ZoneRules::ZoneRules(const TimeZoneCatalog& catalog, std::string zone)
    : zone_(std::move(zone)),
      timeline_([&catalog, name = zone_](UtcSeconds instant) {
          return catalog.utc_offset_seconds(name, instant);
      }) {}

LocalDateTime ZoneRules::to_local(UtcSeconds instant) {
    const std::int64_t local = instant + offset_at(instant);
    const std::int64_t days = floor_days(local);
    return LocalDateTime{civil_from_days(days), static_cast<int>(local - days * 86400)};
}

ResolvedInstant ZoneRules::to_utc(const LocalDateTime& local) {
    const std::int64_t wall = days_from_civil(local.date) * 86400 + local.second_of_day;
    // Offsets a day either side bracket any change near this wall time (zones change by at
    // most a day's worth, and never twice within a day).
    const int before = offset_at(wall - 86400);
    const int after = offset_at(wall + 86400);
    const UtcSeconds with_before = wall - before;
    const UtcSeconds with_after = wall - after;
    const bool before_fits = offset_at(with_before) == before;
    const bool after_fits = offset_at(with_after) == after;
    ResolvedInstant result;
    if (before_fits && after_fits && with_before != with_after) {
        result.kind = LocalTimeKind::Repeated;
        result.instant = std::min(with_before, with_after);
        result.later = std::max(with_before, with_after);
        return result;
    }
    if (before_fits || after_fits) {
        result.instant = before_fits ? with_before : with_after;
        result.later = result.instant;
        return result;
    }
    // In a gap: read the wall time with the offset in force before the change.
    result.kind = LocalTimeKind::Skipped;
    result.instant = with_before;
    result.later = result.instant;
    return result;
}

}  // namespace flipside
