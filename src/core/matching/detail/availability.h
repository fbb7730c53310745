// Weekly availability of many people laid on one UTC week, so that the time two people are
// both free is a popcount of two bitsets. The slot length is the largest that divides every
// window boundary and every UTC offset (up to an hour), so the overlap is exact in minutes.
#pragma once

#include <cstdint>
#include <vector>

#include "core/model.h"

namespace flipside::matching {

class AvailabilityGrid {
public:
    // One entry per person: their weekly windows (local time) and their UTC offset in seconds
    // at the reference instant. Offsets are taken at one instant because the core has no clock
    // and a weekly pattern has no date; callers pass e.g. the program's start.
    void build(const std::vector<const std::vector<WeeklyWindow>*>& windows,
               const std::vector<int>& utc_offset_seconds);

    // Minutes per week both people are free.
    int overlap_minutes(std::size_t a, std::size_t b) const {
        const std::uint64_t* x = &bits_[a * words_per_person_];
        const std::uint64_t* y = &bits_[b * words_per_person_];
        int slots = 0;
        for (std::size_t w = 0; w < words_per_person_; ++w) slots += count_bits(x[w] & y[w]);
        return slots * slot_minutes_;
    }
    int total_minutes(std::size_t person) const;
    // Rows rearranged: new row i is old row order[i] (to lay people out in the order they are read).
    void reorder(const std::vector<std::size_t>& order);
    int slot_minutes() const { return slot_minutes_; }
    // One person's week as words_per_person() 64-bit words of slots, for column-wise passes.
    std::size_t words_per_person() const { return words_per_person_; }
    const std::uint64_t* person_bits(std::size_t person) const { return bits_.data() + person * words_per_person_; }
    std::size_t person_count() const { return words_per_person_ == 0 ? 0 : bits_.size() / words_per_person_; }

    static int count_bits(std::uint64_t x) {
#if defined(__POPCNT__) || defined(__wasm__)
        return __builtin_popcountll(x);  // one instruction on these targets
#else  // without the instruction the builtin is a library call: this is faster
        x = x - ((x >> 1) & 0x5555555555555555ULL);
        x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
        x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
        return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
#endif
    }

private:
    int slot_minutes_ = 60;
    std::size_t words_per_person_ = 0;
    std::vector<std::uint64_t> bits_;
};

// A UTC offset in seconds as whole minutes, the way the grid lays people out (offsets with
// seconds, historical local mean time, are rounded to the minute).
int utc_offset_minutes(int offset_seconds);

// Weekly minutes two sets of local windows share, each shifted by its own UTC offset
// (seconds). A direct interval computation, used to check the grid and for one-off pairs.
int weekly_overlap_minutes(const std::vector<WeeklyWindow>& a, int a_offset_seconds,
                           const std::vector<WeeklyWindow>& b, int b_offset_seconds);

}  // namespace flipside::matching
