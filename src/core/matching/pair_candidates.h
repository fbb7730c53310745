// A mentee's (or a mentor's) candidates side by side: the best partners by score with their
// breakdowns and words, whether a hard rule forbids each and why, and which the proposal chose.
// The screen sorts the columns by any criterion from the breakdowns.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/matching/explainer.h"
#include "core/matching/explanations.h"
#include "core/matching/pair_words.h"
#include "core/matching/run.h"
#include "core/result.h"

namespace flipside::matching {

struct PairCandidate {
    std::string partner_id;
    int score = 0;  // hundredths
    ScoreBreakdown breakdown{};
    std::vector<PairSentence> words;
    std::vector<RuleReason> forbidden_by;  // empty: allowed
    bool chosen = false;                   // the proposal pairs them
};

// The `count` best partners of `person_id` (a mentor or a mentee) by score, ties in roster
// order; forbidden ones among them only with `include_forbidden`. Partners the proposal chose
// come after them when they are not among the best. Refused for an id that is on neither side.
Result<std::vector<PairCandidate>> pair_candidates(const MatchingExplainer& explainer, const std::string& person_id,
                                                   std::size_t count, const MatchingProposal* proposal,
                                                   bool include_forbidden = true);

}  // namespace flipside::matching
