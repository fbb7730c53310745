#include "core/local_time.h"

#include <climits>
#include <utility>
#include <vector>

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
    // Days are filled a block at a time: the source is probed every kProbeDays days and each
    // change found is bisected to the second. A year is ~230 calls per zone (was ~1,900 with
    // four probes a day), which matters when each call is an Intl.DateTimeFormat round trip.
    const std::int64_t block = floor_div(index, kBlockDays);
    const UtcSeconds begin = block * kBlockDays * kSecondsPerDay;
    const UtcSeconds end = begin + kBlockDays * kSecondsPerDay;  // exclusive
    struct Change {
        UtcSeconds at;
        int offset;
    };
    std::vector<Change> changes;
    const int first_offset = source_(begin);
    int previous = first_offset;
    UtcSeconds previous_at = begin;
    for (int probe = 1; probe * kProbeDays <= kBlockDays; ++probe) {
        const UtcSeconds sample_at = std::min<UtcSeconds>(begin + probe * kProbeDays * kSecondsPerDay, end - 1);
        const int sample = source_(sample_at);
        if (sample != previous) {
            Day scratch;
            locate_changes(scratch, previous_at, previous, sample_at, sample);
            for (int k = 0; k < scratch.change_count; ++k) changes.push_back({scratch.change_at[k], scratch.offset_after[k]});
        }
        previous = sample;
        previous_at = sample_at;
    }
    // Spread over the block's days. A program's year is a few hundred entries per zone: no
    // eviction needed. References to entries survive rehashing, so `last_day_` stays valid.
    int offset = first_offset;
    std::size_t next = 0;
    const Day* result = nullptr;
    for (std::int64_t d = block * kBlockDays; d < (block + 1) * kBlockDays; ++d) {
        Day entry;
        const UtcSeconds day_begin = d * kSecondsPerDay, day_end = day_begin + kSecondsPerDay;
        while (next < changes.size() && changes[next].at <= day_begin) offset = changes[next++].offset;
        entry.start_offset = offset;
        while (next < changes.size() && changes[next].at < day_end) {
            if (entry.change_count < 4) {
                entry.change_at[entry.change_count] = changes[next].at;
                entry.offset_after[entry.change_count] = changes[next].offset;
                ++entry.change_count;
            }
            offset = changes[next++].offset;
        }
        const Day& stored = days_.emplace(d, entry).first->second;
        if (d == index) result = &stored;
    }
    return *result;
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
    return LocalDateTime{civil_from_days(days), static_cast<int>(local - days * kSecondsPerDay)};
}

ResolvedInstant ZoneRules::to_utc(const LocalDateTime& local) {
    const std::int64_t wall = days_from_civil(local.date) * kSecondsPerDay + local.second_of_day;
    // Offsets a day either side bracket any change near this wall time (zones change by at
    // most a day's worth, and never twice within a day).
    const int before = offset_at(wall - kSecondsPerDay);
    const int after = offset_at(wall + kSecondsPerDay);
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
