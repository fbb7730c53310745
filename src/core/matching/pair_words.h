// A (mentor, mentee) pair in words, beside the numbers: which of the mentor's skills meet which
// of the mentee's goals, shared interests, the weekly hours they share in both people's zones,
// departments, seniority, languages, an earlier partnership. Written from the profiles the
// score is computed from (MatchingExplainer), one sentence per criterion the breakdown scores
// (a weight of 0 is not scored and not said; an earlier partnership only when it applies), and
// none says what the breakdown contradicts: a criterion that earns points is said in its
// favour, one that earns none says what is missing.
#pragma once

#include <string>
#include <vector>

#include "core/matching/explainer.h"
#include "core/matching/scores.h"
#include "core/result.h"

namespace flipside::matching {

struct PairSentence {
    Criterion criterion = Criterion::Skills;
    int points = 0;    // this criterion's part of the score, hundredths (the breakdown's entry)
    std::string text;  // "Rhys Hughes teaches Python (4/5) and Power BI (5/5), two of …'s three goals."
};

// The coordinator's view, in criterion order. Refused when the ids are not a mentor and a
// mentee of the program. Hard rules are not checked (why_not.h says which forbid the pair).
Result<std::vector<PairSentence>> pair_words(const MatchingExplainer& explainer, const std::string& mentor_id,
                                             const std::string& mentee_id);

// What one of the two may see of their own pair (`viewer_id` is the mentor or the mentee): only
// facts the two share (skills that meet goals, shared interests, shared hours in the viewer's
// zone first, common languages), said to the viewer ("You both like jazz."); nothing about
// scores, levels, other people or what one of them lacks.
Result<std::vector<std::string>> own_pair_words(const MatchingExplainer& explainer, const std::string& mentor_id,
                                                const std::string& mentee_id, const std::string& viewer_id);

}  // namespace flipside::matching
