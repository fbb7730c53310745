// What settings being changed would do to the proposal, before they are applied: while a
// weight slider is dragged the Matching screen asks for a preview of the draft, solved in
// slices by step() (one MatchingRun, restarted when the draft changes again), and shows how
// many proposed pairs would change and the new total against the proposal's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include "core/matching/run.h"
#include "core/matching/settings.h"
#include "core/model.h"
#include "core/time_zone_catalog.h"

namespace flipside::app {

struct PreviewOutcome {
    std::size_t pairs_changed = 0;  // mentees whose mentor differs from the proposal's
    std::size_t matched = 0;        // mentees paired under the draft
    long long total_score = 0;      // hundredths
};

// Mentees whose mentor differs between two proposals (paired in one only counts too).
std::size_t mentees_with_other_mentor(const matching::MatchingProposal& from, const matching::MatchingProposal& to);

class MatchingPreview {
public:
    // The draft to preview against `base` (the proposal shown), from `document`. The same
    // draft asked again keeps its run or its outcome; another one starts over. `time_zones`
    // must outlive the preview.
    void want(const Document& document, const matching::MatchingSettings& draft, const matching::MatchingProposal& base,
              const TimeZoneCatalog& time_zones);
    void clear();

    // About `budget` units of solving (MatchingRun::step). True while work remains.
    bool step(std::int64_t budget);
    bool solving() const { return run_ != nullptr; }
    double progress() const { return run_ ? run_->progress() : 1.0; }
    // For the draft last asked, once solved.
    const std::optional<PreviewOutcome>& outcome() const { return outcome_; }

private:
    std::optional<matching::MatchingSettings> draft_;
    std::optional<matching::MatchingProposal> base_;
    std::unique_ptr<matching::MatchingRun> run_;
    std::optional<PreviewOutcome> outcome_;
};

}  // namespace flipside::app
