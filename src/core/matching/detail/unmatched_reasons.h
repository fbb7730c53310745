// Why a person was left without a partner, in words a coordinator can act on: which hard
// rules left nobody, or that everyone allowed was taken.
#pragma once

#include <string>
#include <vector>

#include "core/matching/detail/pool.h"

namespace flipside::matching {

struct ExplanationContext {
    const MatchingPool* pool = nullptr;
    std::vector<int> mentor_load;    // mentees given to each mentor (locked ones included)
    std::vector<char> mentee_matched;
    int candidates_per_mentee = 0;   // > 0 in the sparse mode
    bool stable = false;
};

std::string explain_unmatched_mentee(const ExplanationContext& context, std::size_t mentee);
std::string explain_unmatched_mentor(const ExplanationContext& context, std::size_t mentor);

}  // namespace flipside::matching
