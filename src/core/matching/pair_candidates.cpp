#include "core/matching/pair_candidates.h"

#include <algorithm>

#include "core/matching/detail/hard_rule_reasons.h"
#include "core/matching/detail/pair_sentences.h"
#include "core/matching/detail/pool.h"
#include "core/matching/detail/rules.h"
#include "core/matching/detail/scoring.h"

namespace flipside::matching {

Result<std::vector<PairCandidate>> pair_candidates(const MatchingExplainer& explainer, const std::string& person_id,
                                                   std::size_t count, const MatchingProposal* proposal,
                                                   bool include_forbidden) {
    const MatchingPool& pool = explainer.pool();
    const int as_mentee = pool.mentee_position(person_id), as_mentor = pool.mentor_position(person_id);
    if (as_mentee < 0 && as_mentor < 0) return Problem{"", "no mentor or mentee with id \"" + person_id + "\" in the current program"};
    const bool for_mentee = as_mentee >= 0;
    const std::size_t partners = for_mentee ? pool.mentor_count() : pool.mentee_count();
    const auto positions = [&](std::size_t partner) {
        return for_mentee ? PairPositions{static_cast<std::size_t>(as_mentee), partner}
                          : PairPositions{partner, static_cast<std::size_t>(as_mentor)};
    };
    const auto partner_id = [&](std::size_t partner) -> const std::string& {
        return for_mentee ? pool.mentor_participant(partner).id : pool.mentee_participant(partner).id;
    };
    std::vector<char> chosen(partners, 0);
    if (proposal)
        for (const ProposedPair& pair : proposal->pairs) {
            if (for_mentee && pair.mentee_id == person_id) {
                const int m = pool.mentor_position(pair.mentor_id);
                if (m >= 0) chosen[static_cast<std::size_t>(m)] = 1;
            } else if (!for_mentee && pair.mentor_id == person_id) {
                const int t = pool.mentee_position(pair.mentee_id);
                if (t >= 0) chosen[static_cast<std::size_t>(t)] = 1;
            }
        }

    std::vector<std::pair<int, std::size_t>> ranked;  // (score, partner)
    for (std::size_t partner = 0; partner < partners; ++partner) {
        const PairPositions at = positions(partner);
        if (!include_forbidden && !chosen[partner] && broken_hard_rules(pool, at.mentee, at.mentor) != 0) continue;
        ranked.emplace_back(score_pair(pool, at.mentee, at.mentor), partner);
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    std::vector<PairCandidate> candidates;
    for (std::size_t k = 0; k < ranked.size(); ++k) {
        const std::size_t partner = ranked[k].second;
        if (k >= count && !chosen[partner]) continue;
        const PairPositions at = positions(partner);
        PairCandidate candidate;
        candidate.partner_id = partner_id(partner);
        candidate.score = score_pair(pool, at.mentee, at.mentor, &candidate.breakdown);
        candidate.words = pair_sentences(pool, at.mentee, at.mentor);
        candidate.forbidden_by = hard_rule_reasons(pool, at.mentee, at.mentor);
        candidate.chosen = chosen[partner] != 0;
        candidates.push_back(std::move(candidate));
    }
    return candidates;
}

}  // namespace flipside::matching
