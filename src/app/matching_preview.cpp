#include "app/matching_preview.h"

#include <string>
#include <unordered_map>

#include "core/matching/scores.h"

namespace flipside::app {

std::size_t mentees_with_other_mentor(const matching::MatchingProposal& from, const matching::MatchingProposal& to) {
    std::unordered_map<std::string, const std::string*> before;
    for (const matching::ProposedPair& pair : from.pairs) before[pair.mentee_id] = &pair.mentor_id;
    std::size_t changed = 0;
    for (const matching::ProposedPair& pair : to.pairs) {
        const auto found = before.find(pair.mentee_id);
        if (found == before.end()) {
            ++changed;
            continue;
        }
        if (*found->second != pair.mentor_id) ++changed;
        before.erase(found);
    }
    return changed + before.size();  // those left are paired before only
}

void MatchingPreview::want(const Document& document, const matching::MatchingSettings& draft,
                           const matching::MatchingProposal& base, const TimeZoneCatalog& time_zones) {
    if (draft_ && *draft_ == draft) return;
    draft_ = draft;
    base_ = base;
    outcome_.reset();
    run_ = std::make_unique<matching::MatchingRun>(document, draft, time_zones, matching::default_reference_instant(document));
}

void MatchingPreview::clear() {
    draft_.reset();
    base_.reset();
    run_.reset();
    outcome_.reset();
}

bool MatchingPreview::step(std::int64_t budget) {
    if (!run_) return false;
    if (!run_->step(budget)) return true;
    const matching::MatchingProposal& solved = run_->proposal();
    outcome_ = PreviewOutcome{mentees_with_other_mentor(*base_, solved), solved.pairs.size(), solved.total_score};
    run_.reset();
    return false;
}

}  // namespace flipside::app
