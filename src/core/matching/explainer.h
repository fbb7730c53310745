// The engine's view of one program, kept to answer a coordinator's questions about pairs: each
// pair in words (pair_words.h), why two people are not paired and what forcing them would cost
// (why_not.h), a person's candidates side by side (pair_candidates.h), and the nearest fix for
// someone left unmatched (nearest_fix.h). Built once per document revision and settings (the
// Matching screen keeps one beside its proposal); every answer is read from the same prepared
// profiles the scores come from, so words and numbers never disagree.
#pragma once

#include <memory>
#include <string>

#include "core/matching/settings.h"
#include "core/model.h"
#include "core/time_zone_catalog.h"

namespace flipside::matching {

struct MatchingPool;  // detail/pool.h

class MatchingExplainer {
public:
    // The document is copied; `time_zones` must outlive the explainer (answers that re-solve
    // build pools of their own with it).
    MatchingExplainer(const Document& document, const MatchingSettings& settings, const TimeZoneCatalog& time_zones,
                      UtcSeconds reference_instant);
    MatchingExplainer(const MatchingExplainer&) = delete;
    MatchingExplainer& operator=(const MatchingExplainer&) = delete;
    ~MatchingExplainer();

    bool is_mentor(const std::string& participant_id) const;
    bool is_mentee(const std::string& participant_id) const;

    const Document& document() const { return *document_; }
    const MatchingSettings& settings() const { return settings_; }
    const TimeZoneCatalog& time_zones() const { return time_zones_; }
    UtcSeconds reference_instant() const { return reference_instant_; }
    const MatchingPool& pool() const { return *pool_; }  // for the explanation files and tests

private:
    std::unique_ptr<const Document> document_;
    MatchingSettings settings_;
    const TimeZoneCatalog& time_zones_;
    UtcSeconds reference_instant_;
    std::unique_ptr<MatchingPool> pool_;
};

}  // namespace flipside::matching
