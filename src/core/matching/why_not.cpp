#include "core/matching/why_not.h"

#include <unordered_map>

#include "core/matching/detail/hard_rule_reasons.h"
#include "core/matching/detail/pair_sentences.h"
#include "core/matching/detail/pool.h"
#include "core/matching/detail/scoring.h"

namespace flipside::matching {

MatchingSettings settings_with_pair_locked(const MatchingSettings& settings, const std::string& mentor_id,
                                           const std::string& mentee_id) {
    MatchingSettings forced = settings;
    forced.locked_pairs = {PairKey{mentor_id, mentee_id}};
    for (const PairKey& lock : settings.locked_pairs)
        if (lock.mentee_id != mentee_id) forced.locked_pairs.push_back(lock);
    return forced;
}

ProposalDifference compare_proposals(const MatchingExplainer& explainer, const MatchingProposal& from,
                                     const MatchingProposal& to) {
    const MatchingPool& pool = explainer.pool();
    const auto mentors_of = [&](const MatchingProposal& proposal) {
        std::vector<int> mentor_of(pool.mentee_count(), -1);
        for (const ProposedPair& pair : proposal.pairs) {
            const int mentee = pool.mentee_position(pair.mentee_id);
            if (mentee >= 0) mentor_of[static_cast<std::size_t>(mentee)] = pool.mentor_position(pair.mentor_id);
        }
        return mentor_of;
    };
    const std::vector<int> before = mentors_of(from), after = mentors_of(to);
    const auto id_of = [&](int mentor) -> std::optional<std::string> {
        if (mentor < 0) return std::nullopt;
        return pool.mentor_participant(static_cast<std::size_t>(mentor)).id;
    };
    ProposalDifference difference;
    std::vector<int> load_before(pool.mentor_count(), 0), load_after(pool.mentor_count(), 0);
    for (std::size_t t = 0; t < pool.mentee_count(); ++t) {
        if (before[t] >= 0) ++load_before[static_cast<std::size_t>(before[t])];
        if (after[t] >= 0) ++load_after[static_cast<std::size_t>(after[t])];
        if (before[t] == after[t]) continue;
        difference.changes.push_back({pool.mentee_participant(t).id, id_of(before[t]), id_of(after[t])});
        if (after[t] < 0) difference.left_unpaired.push_back(pool.mentee_participant(t).id);
    }
    for (std::size_t m = 0; m < pool.mentor_count(); ++m)
        if (load_before[m] > 0 && load_after[m] == 0) difference.left_unpaired.push_back(pool.mentor_participant(m).id);
    return difference;
}

Result<WhyNot> why_not_before_forcing(const MatchingExplainer& explainer, const std::string& mentor_id,
                                      const std::string& mentee_id, const MatchingProposal& base) {
    const MatchingPool& pool = explainer.pool();
    const auto at = find_pair(pool, mentor_id, mentee_id);
    if (!at) return at.problems();
    WhyNot answer;
    answer.reasons = hard_rule_reasons(pool, at->mentee, at->mentor);
    answer.allowed = answer.reasons.empty();
    answer.best_total = base.total_score;
    answer.best_matched = base.pairs.size();
    for (const ProposedPair& pair : base.pairs)
        answer.in_proposal = answer.in_proposal || (pair.mentor_id == mentor_id && pair.mentee_id == mentee_id);
    if (!answer.allowed) return answer;
    answer.score = score_pair(pool, at->mentee, at->mentor, &answer.breakdown);
    answer.words = pair_sentences(pool, at->mentee, at->mentor);
    return answer;
}

ForcedPairing forced_pairing(const MatchingExplainer& explainer, const MatchingProposal& base,
                             MatchingProposal forced_proposal) {
    ForcedPairing forced;
    forced.proposal = std::move(forced_proposal);
    forced.total_score = forced.proposal.total_score;
    forced.matched = forced.proposal.pairs.size();
    forced.difference = compare_proposals(explainer, base, forced.proposal);
    return forced;
}

Result<WhyNot> why_not(const MatchingExplainer& explainer, const std::string& mentor_id, const std::string& mentee_id,
                       const MatchingProposal* base) {
    if (!find_pair(explainer.pool(), mentor_id, mentee_id)) return why_not_before_forcing(explainer, mentor_id, mentee_id, {});
    MatchingProposal solved;
    if (!base) {
        solved = run_matching(explainer.document(), explainer.settings(), explainer.time_zones(), explainer.reference_instant());
        base = &solved;
    }
    auto answer = why_not_before_forcing(explainer, mentor_id, mentee_id, *base);
    if (!answer || !answer->allowed) return answer;
    answer->forced = forced_pairing(explainer, *base,
                                    run_matching(explainer.document(),
                                                 settings_with_pair_locked(explainer.settings(), mentor_id, mentee_id),
                                                 explainer.time_zones(), explainer.reference_instant()));
    return answer;
}

}  // namespace flipside::matching
