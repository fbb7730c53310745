// Each mentee's best k mentors without scoring every pair, which is what makes 50,000 people
// tractable: mentors are grouped by the set of skills they teach, each group gets an upper
// bound (its best proficiencies on the mentee's goals plus the most the other criteria could
// add), and groups are visited best bound first until no group left can beat the k-th best
// found. The result is exactly the top k by (score, then roster position); only the work shrinks.
// Needs the pool's small vocabularies (skills as 64-bit sets).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/matching/detail/pool.h"

namespace flipside::matching {

class TopCandidateFinder {
public:
    TopCandidateFinder(const MatchingPool& pool, std::size_t keep);
    // (score, mentor) of the mentee's best `keep` allowed mentors, best first, ties by mentor.
    // Returns the number of pairs fully scored.
    std::size_t find(std::size_t mentee, std::vector<std::pair<std::int32_t, std::int32_t>>& best);

private:
    struct Group {
        std::uint64_t skill_bits = 0;
        std::vector<std::uint8_t> best_proficiency;  // 64 entries
        std::int32_t first = 0, end = 0;             // members: grouped_ mentor positions [first, end)
    };
    int rest_bound(std::size_t mentee) const;

    const MatchingPool& pool_;
    // A copy of the pool with the mentors laid out group by group, so that scoring a group
    // reads memory in order; scores are computed by the same functions as everywhere else.
    MatchingPool grouped_;
    std::vector<std::int32_t> original_mentor_;  // grouped_ position -> pool_ position
    std::size_t keep_;
    std::vector<Group> groups_;
    std::vector<std::int32_t> bucket_begin_;   // scratch: counting sort of groups by bound
    std::vector<std::int32_t> bucket_order_;
    std::vector<std::int32_t> group_taught_;
};

}  // namespace flipside::matching
