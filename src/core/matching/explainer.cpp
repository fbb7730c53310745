#include "core/matching/explainer.h"

#include "core/matching/detail/pool.h"

namespace flipside::matching {

MatchingExplainer::MatchingExplainer(const Document& document, const MatchingSettings& settings,
                                     const TimeZoneCatalog& time_zones, UtcSeconds reference_instant)
    : document_(std::make_unique<const Document>(document)),
      settings_(settings),
      time_zones_(time_zones),
      reference_instant_(reference_instant),
      pool_(std::make_unique<MatchingPool>(build_matching_pool(*document_, settings, time_zones, reference_instant))) {}

MatchingExplainer::~MatchingExplainer() = default;

bool MatchingExplainer::is_mentor(const std::string& participant_id) const {
    return pool_->mentor_position(participant_id) >= 0;
}
bool MatchingExplainer::is_mentee(const std::string& participant_id) const {
    return pool_->mentee_position(participant_id) >= 0;
}

}  // namespace flipside::matching
