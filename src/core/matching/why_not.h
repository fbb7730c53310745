// "Why were these two not paired?" for any mentor and mentee of the current program: every hard
// rule that forbids them, with the data that triggers it; else their score, breakdown and words,
// and what forcing them would cost, computed exactly by re-solving: the engine runs again with
// the pair locked (ahead of any other lock on that mentee), under the same settings and mode,
// and the two proposals are compared. A pair a hard rule forbids gets no forcing price (a lock
// of a pair the coordinator forbade is refused by the engine, and a locked pair that breaks
// another rule is a coordinator's override the price would hide).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/matching/explainer.h"
#include "core/matching/explanations.h"
#include "core/matching/pair_words.h"
#include "core/matching/run.h"
#include "core/result.h"

namespace flipside::matching {

// A mentee whose mentor differs between two proposals (nullopt: none).
struct MentorChange {
    std::string mentee_id;
    std::optional<std::string> from_mentor_id;
    std::optional<std::string> to_mentor_id;
};

// Proposal `to` against proposal `from`: mentees whose mentor differs, in roster order, and the
// people (mentees, then mentors, roster order) paired in `from` and left without a partner in `to`.
struct ProposalDifference {
    std::vector<MentorChange> changes;
    std::vector<std::string> left_unpaired;
};
ProposalDifference compare_proposals(const MatchingExplainer& explainer, const MatchingProposal& from,
                                     const MatchingProposal& to);

struct ForcedPairing {
    long long total_score = 0;  // hundredths: the best total with the pair fixed
    std::size_t matched = 0;    // mentees paired then
    ProposalDifference difference;  // against the base proposal
    MatchingProposal proposal;      // the proposal with the pair locked (Lock then makes it so)
};

struct WhyNot {
    bool allowed = false;
    std::vector<RuleReason> reasons;  // every rule that forbids the pair; empty when allowed
    // When allowed:
    int score = 0;                    // hundredths
    ScoreBreakdown breakdown{};
    std::vector<PairSentence> words;
    // The base proposal's objective (most mentees paired, then the highest total).
    long long best_total = 0;
    std::size_t best_matched = 0;
    bool in_proposal = false;              // the base proposal already pairs them
    std::optional<ForcedPairing> forced;   // when allowed
};

// `base` is the proposal under the explainer's settings when the caller has one (the Matching
// screen's current proposal), else it is solved here. Refused for ids that are not a mentor and
// a mentee of the current program.
Result<WhyNot> why_not(const MatchingExplainer& explainer, const std::string& mentor_id, const std::string& mentee_id,
                       const MatchingProposal* base = nullptr);

// The same answer in two steps, for a screen that re-solves in slices (a MatchingRun under
// settings_with_pair_locked(), stepped once per frame): everything but `forced`, at once, and
// then the price from the proposal that run gives.
Result<WhyNot> why_not_before_forcing(const MatchingExplainer& explainer, const std::string& mentor_id,
                                      const std::string& mentee_id, const MatchingProposal& base);
ForcedPairing forced_pairing(const MatchingExplainer& explainer, const MatchingProposal& base,
                             MatchingProposal forced_proposal);

// The explainer's settings with (mentor, mentee) locked ahead of every other lock, and any
// other lock of that mentee dropped.
MatchingSettings settings_with_pair_locked(const MatchingSettings& settings, const std::string& mentor_id,
                                           const std::string& mentee_id);

}  // namespace flipside::matching
