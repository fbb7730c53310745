// Accepting a proposal: it becomes the current program's pairs.
#pragma once

#include <cstddef>

#include "core/model.h"
#include "core/matching/run.h"

namespace flipside::matching {

// Which of the current program's pairs a proposal keeps: a pair stays when the proposal holds
// its mentor and mentee (of two such pairs with the same people, the first); every other pair
// of the current program is dropped, with its sessions and feedback. Pairs of earlier programs
// are never looked at. accept_effect() and accept_proposal() share this one rule.

// What accepting `proposal` would do to the current program, counted before doing it (the
// Matching screen says this beside Accept, and asks first when pairs would go).
struct AcceptEffect {
    std::size_t kept = 0;     // current pairs the proposal holds
    std::size_t added = 0;    // proposed pairs that are not current pairs yet
    std::size_t removed = 0;  // current pairs the proposal drops
    std::size_t removed_sessions = 0, removed_feedback = 0;  // theirs, removed with them

    friend bool operator==(const AcceptEffect& a, const AcceptEffect& b) {
        return a.kept == b.kept && a.added == b.added && a.removed == b.removed &&
               a.removed_sessions == b.removed_sessions && a.removed_feedback == b.removed_feedback;
    }
};
AcceptEffect accept_effect(const Document& document, const MatchingProposal& proposal);

// The document with the current program's pairs replaced by the proposal's. A pair that is
// kept (see above) keeps its id, state, notes and sessions; the pairs dropped are removed with
// their sessions and feedback. Earlier programs are untouched. New pairs get ids "pair-NNNN"
// not used before.
Document accept_proposal(const Document& document, const MatchingProposal& proposal);

}  // namespace flipside::matching
