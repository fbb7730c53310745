// Hard rules: what keeps a mentor and a mentee from ever being proposed as a pair.
// Capacity is not here: it is a limit on the whole proposal, enforced by the solvers.
#pragma once

#include <cstdint>
#include <string>

#include "core/matching/detail/pool.h"
#include "core/matching/explanations.h"

namespace flipside::matching {

// The rules that forbid the pair (0 when it is allowed). Checks run cheapest first and stop
// at the first broken rule unless `all` is set (explanations want every one).
std::uint32_t broken_hard_rules(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, bool all = false);

// Facts shared with scoring.
bool share_any(const std::vector<int>& a, const std::vector<int>& b);
bool mentor_is_junior(const MatchingProfile& mentor, const MatchingProfile& mentee, SeniorityBasis basis);
bool were_partners(const MatchingPool& pool, std::size_t mentee, std::size_t mentor);

}  // namespace flipside::matching
