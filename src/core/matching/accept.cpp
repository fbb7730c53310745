#include "core/matching/accept.h"

#include <algorithm>
#include <set>

#include "core/ids.h"

namespace flipside::matching {

Document accept_proposal(const Document& document, const MatchingProposal& proposal) {
    Document result = document;
    const Program* program = document.current_program();
    if (!program) return result;
    const std::string& program_id = program->id;

    std::set<PairKey> proposed;
    for (const ProposedPair& pair : proposal.pairs) proposed.insert({pair.mentor_id, pair.mentee_id});

    std::set<std::string> removed_pair_ids;
    std::set<PairKey> kept;
    result.pairs.clear();
    for (const Pair& pair : document.pairs) {
        if (pair.program_id != program_id) {
            result.pairs.push_back(pair);
            continue;
        }
        const PairKey key{pair.mentor_id, pair.mentee_id};
        if (proposed.count(key) && !kept.count(key)) {
            kept.insert(key);
            result.pairs.push_back(pair);
        } else {
            removed_pair_ids.insert(pair.id);
        }
    }
    IdMaker pair_ids(kPairIds, highest_id_number(document.pairs, kPairIds) + 1);
    const auto taken = ids_of(document.pairs);
    for (const ProposedPair& proposed_pair : proposal.pairs) {
        const PairKey key{proposed_pair.mentor_id, proposed_pair.mentee_id};
        if (kept.count(key)) continue;
        Pair pair;
        pair.id = pair_ids.next(taken);
        pair.program_id = program_id;
        pair.mentor_id = proposed_pair.mentor_id;
        pair.mentee_id = proposed_pair.mentee_id;
        result.pairs.push_back(std::move(pair));
    }
    if (!removed_pair_ids.empty()) {
        const auto dropped = [&](const std::string& pair_id) { return removed_pair_ids.count(pair_id) > 0; };
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
