// What the screens ask of the matching engine in words (core/matching/explainer.h): each pair
// in sentences, why two people are not paired and what forcing them would cost, a person's
// candidates side by side, and the nearest fix for someone left unmatched. Computed on demand
// and kept until what they explain changes: a proposal (the Matching screen hands over each
// new one with the document and revision it was computed from) or the document's revision (the
// Sessions screen and the kiosk, which explain the pairs as they stand).
//
// The answers that re-solve (the price of forcing a pair, the nearest fix) never run in the
// frame that asks: they are queued and solved in slices by step(), which the screen calls once
// per frame with a budget, so a 10,000-person program keeps drawing while they are worked out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/matching/explainer.h"
#include "core/matching/nearest_fix.h"
#include "core/matching/pair_candidates.h"
#include "core/matching/pair_words.h"
#include "core/matching/run.h"
#include "core/matching/why_not.h"
#include "core/model.h"
#include "core/time_zone_catalog.h"

namespace flipside::app {

// One "why not these two?" and how far its answer has got.
struct WhyNotQuestion {
    std::string mentor_id;
    std::string mentee_id;
    std::optional<matching::WhyNot> answer;  // empty when refused (problem says why)
    std::string problem;
    bool pricing = false;   // the price of forcing them is being solved (answer->forced empty until then)
    double progress = 0.0;  // of that solve, 0..1
};

class MatchingExplanations {
public:
    // Explains `proposal`, computed from `document` (under its current program's settings) at
    // `revision`; what was kept for anything else is dropped. `time_zones` must outlive this.
    void explain_proposal(const Document& document, std::uint64_t revision, const matching::MatchingProposal& proposal,
                          const TimeZoneCatalog& time_zones);
    // Explains the document's pairs as they stand at `revision` (no proposal: why-not and the
    // nearest fix are not offered). Nothing is dropped while the revision stays the same.
    void explain_document(const Document& document, std::uint64_t revision, const TimeZoneCatalog& time_zones);

    std::uint64_t revision() const { return revision_; }
    const matching::MatchingProposal* proposal() const { return proposal_ ? &*proposal_ : nullptr; }
    // Built on first use (it prepares every profile); nullptr without a current program.
    const matching::MatchingExplainer* explainer();

    // The pair in sentences, for the coordinator; empty when they are not a mentor and a
    // mentee of the current program.
    const std::vector<matching::PairSentence>& pair_words(const std::string& mentor_id, const std::string& mentee_id);
    // What `viewer_id` (one of the two) may read of their own pair (matching::own_pair_words).
    const std::vector<std::string>& own_pair_words(const std::string& mentor_id, const std::string& mentee_id,
                                                   const std::string& viewer_id);

    // Asks why (mentor, mentee) are not paired in the proposal; the price of forcing them is
    // solved by step(). Asking the question already asked keeps its answer.
    void ask_why_not(const std::string& mentor_id, const std::string& mentee_id);
    const std::optional<WhyNotQuestion>& why_not() const { return why_not_; }

    // The best `count` partners of a mentor or mentee, with the proposal's choice marked;
    // empty for an id on neither side.
    const std::vector<matching::PairCandidate>& candidates(const std::string& person_id, std::size_t count);

    // The nearest fix for a person the proposal leaves unmatched: nullptr until it is solved
    // (asking queues it; step() solves the queue in order).
    const matching::NearestFix* nearest_fix(const std::string& person_id);

    // About `budget` units of solving (MatchingRun::step): the why-not price first, then the
    // queued nearest fixes. True while work remains.
    bool step(std::int64_t budget);
    bool busy() const { return why_not_run_ != nullptr || !fix_queue_.empty(); }

private:
    void forget();

    std::unique_ptr<const Document> document_;
    std::uint64_t revision_ = ~std::uint64_t{0};
    std::optional<matching::MatchingProposal> proposal_;
    const TimeZoneCatalog* time_zones_ = nullptr;
    std::unique_ptr<matching::MatchingExplainer> explainer_;

    std::map<std::pair<std::string, std::string>, std::vector<matching::PairSentence>> pair_words_;
    std::map<std::string, std::vector<std::string>> own_words_;  // keyed "mentor:mentee:viewer"
    std::map<std::pair<std::string, std::size_t>, std::vector<matching::PairCandidate>> candidates_;
    std::optional<WhyNotQuestion> why_not_;
    std::unique_ptr<matching::MatchingRun> why_not_run_;  // the proposal with the asked pair locked
    std::map<std::string, matching::NearestFix> fixes_;
    std::deque<std::string> fix_queue_;                   // asked, not solved yet, in order
    std::optional<matching::NearestFixSearch> fix_search_;  // solving fix_queue_.front()
};

}  // namespace flipside::app
