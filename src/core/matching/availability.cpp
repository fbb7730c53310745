#include "core/matching/detail/availability.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace flipside::matching {

namespace {

int wrap_week(int minute) {
    minute %= kMinutesPerWeek;
    return minute < 0 ? minute + kMinutesPerWeek : minute;
}

// A local window as one or two UTC intervals within [0, kMinutesPerWeek).
template <typename Visit>
void for_each_utc_interval(const WeeklyWindow& window, int shift_minutes, Visit visit) {
    const int length = window.end_minute - window.start_minute;
    if (length <= 0 || window.weekday < 0 || window.weekday > 6) return;
    const int start = wrap_week(window.weekday * 1440 + window.start_minute - shift_minutes);
    const int end = start + std::min(length, kMinutesPerWeek);
    if (end <= kMinutesPerWeek) {
        visit(start, end);
    } else {
        visit(start, kMinutesPerWeek);
        visit(0, end - kMinutesPerWeek);
    }
}

std::vector<std::pair<int, int>> merged_utc_intervals(const std::vector<WeeklyWindow>& windows, int shift) {
    std::vector<std::pair<int, int>> intervals;
    for (const WeeklyWindow& w : windows)
        for_each_utc_interval(w, shift, [&](int s, int e) { intervals.emplace_back(s, e); });
    std::sort(intervals.begin(), intervals.end());
    std::vector<std::pair<int, int>> merged;
    for (const auto& iv : intervals) {
        if (!merged.empty() && iv.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, iv.second);
        else
            merged.push_back(iv);
    }
    return merged;
}

}  // namespace

int utc_offset_minutes(int offset_seconds) {
    return offset_seconds >= 0 ? (offset_seconds + 30) / 60 : -((-offset_seconds + 30) / 60);
}

void AvailabilityGrid::build(const std::vector<const std::vector<WeeklyWindow>*>& windows,
                             const std::vector<int>& utc_offset_seconds) {
    // The coarsest exact slot: gcd of 60 and every boundary and offset in minutes.
    int slot = 60;
    for (std::size_t p = 0; p < windows.size(); ++p) {
        slot = std::gcd(slot, std::abs(utc_offset_minutes(utc_offset_seconds[p])) % 60);
        for (const WeeklyWindow& w : *windows[p]) {
            slot = std::gcd(slot, w.start_minute % 60 < 0 ? 1 : w.start_minute % 60);
            slot = std::gcd(slot, w.end_minute % 60 < 0 ? 1 : w.end_minute % 60);
        }
    }
    if (slot <= 0) slot = 1;
    slot_minutes_ = slot;
    const std::size_t slots_per_week = static_cast<std::size_t>(kMinutesPerWeek / slot);
    words_per_person_ = (slots_per_week + 63) / 64;
    bits_.assign(windows.size() * words_per_person_, 0);
    for (std::size_t p = 0; p < windows.size(); ++p) {
        std::uint64_t* row = &bits_[p * words_per_person_];
        const int shift = utc_offset_minutes(utc_offset_seconds[p]);
        for (const WeeklyWindow& w : *windows[p]) {
            for_each_utc_interval(w, shift, [&](int start, int end) {
                for (int s = start / slot; s < end / slot; ++s)
                    row[static_cast<std::size_t>(s) / 64] |= std::uint64_t{1} << (s % 64);
            });
        }
    }
}

int AvailabilityGrid::total_minutes(std::size_t person) const {
    int slots = 0;
    for (std::size_t w = 0; w < words_per_person_; ++w) slots += count_bits(bits_[person * words_per_person_ + w]);
    return slots * slot_minutes_;
}

void AvailabilityGrid::reorder(const std::vector<std::size_t>& order) {
    std::vector<std::uint64_t> bits(order.size() * words_per_person_);
    for (std::size_t i = 0; i < order.size(); ++i)
        std::copy_n(&bits_[order[i] * words_per_person_], words_per_person_, &bits[i * words_per_person_]);
    bits_ = std::move(bits);
}

int weekly_overlap_minutes(const std::vector<WeeklyWindow>& a, int a_offset_seconds,
                           const std::vector<WeeklyWindow>& b, int b_offset_seconds) {
    const auto x = merged_utc_intervals(a, utc_offset_minutes(a_offset_seconds));
    const auto y = merged_utc_intervals(b, utc_offset_minutes(b_offset_seconds));
    int total = 0;
    std::size_t i = 0, j = 0;
    while (i < x.size() && j < y.size()) {
        const int lo = std::max(x[i].first, y[j].first);
        const int hi = std::min(x[i].second, y[j].second);
        if (hi > lo) total += hi - lo;
        if (x[i].second < y[j].second) ++i; else ++j;
    }
    return total;
}

}  // namespace flipside::matching
