#include "core/matching/accept.h"

#include <algorithm>
#include <set>
#include <vector>

#include "core/ids.h"

namespace flipside::matching {

namespace {

// The rule of accept.h, decided once per pair of the document.
struct Verdict {
    std::set<PairKey> proposed;             // the proposal's pairs, by people
    std::vector<bool> dropped;              // by position in document.pairs
    std::set<PairKey> kept;                 // current pairs the proposal holds
    std::set<std::string> dropped_pair_ids;
};

Verdict judge(const Document& document, const std::string& program_id, const MatchingProposal& proposal) {
    Verdict verdict;
    for (const ProposedPair& pair : proposal.pairs) verdict.proposed.insert({pair.mentor_id, pair.mentee_id});
    verdict.dropped.assign(document.pairs.size(), false);
    for (std::size_t i = 0; i < document.pairs.size(); ++i) {
        const Pair& pair = document.pairs[i];
        if (pair.program_id != program_id) continue;  // an earlier program's: never touched
        const PairKey key{pair.mentor_id, pair.mentee_id};
        if (verdict.proposed.count(key) && verdict.kept.insert(key).second) continue;
        verdict.dropped[i] = true;
        verdict.dropped_pair_ids.insert(pair.id);
    }
    return verdict;
}

}  // namespace

AcceptEffect accept_effect(const Document& document, const MatchingProposal& proposal) {
    AcceptEffect effect;
    const Program* program = document.current_program();
    if (!program) return effect;
    const Verdict verdict = judge(document, program->id, proposal);
    effect.kept = verdict.kept.size();
    effect.added = verdict.proposed.size() - verdict.kept.size();
    effect.removed = verdict.dropped_pair_ids.size();
    for (const Session& s : document.sessions) effect.removed_sessions += verdict.dropped_pair_ids.count(s.pair_id);
    for (const Feedback& f : document.feedback) effect.removed_feedback += verdict.dropped_pair_ids.count(f.pair_id);
    return effect;
}

Document accept_proposal(const Document& document, const MatchingProposal& proposal) {
    Document result = document;
    const Program* program = document.current_program();
    if (!program) return result;
    const std::string& program_id = program->id;
    const Verdict verdict = judge(document, program_id, proposal);

    result.pairs.clear();
    for (std::size_t i = 0; i < document.pairs.size(); ++i)
        if (!verdict.dropped[i]) result.pairs.push_back(document.pairs[i]);
    IdMaker pair_ids(kPairIds, highest_id_number(document.pairs, kPairIds) + 1);
    const auto taken = ids_of(document.pairs);
    for (const ProposedPair& proposed_pair : proposal.pairs) {
        const PairKey key{proposed_pair.mentor_id, proposed_pair.mentee_id};
        if (verdict.kept.count(key)) continue;
        Pair pair;
        pair.id = pair_ids.next(taken);
        pair.program_id = program_id;
        pair.mentor_id = proposed_pair.mentor_id;
        pair.mentee_id = proposed_pair.mentee_id;
        result.pairs.push_back(std::move(pair));
    }
    const std::set<std::string>& removed = verdict.dropped_pair_ids;
    if (!removed.empty()) {
        const auto dropped = [&](const std::string& pair_id) { return removed.count(pair_id) > 0; };
        result.sessions.erase(std::remove_if(result.sessions.begin(), result.sessions.end(),
                                             [&](const Session& s) { return dropped(s.pair_id); }),
                              result.sessions.end());
        result.feedback.erase(std::remove_if(result.feedback.begin(), result.feedback.end(),
                                             [&](const Feedback& f) { return dropped(f.pair_id); }),
                              result.feedback.end());
    }
    return result;
}

}  // namespace flipside::matching
