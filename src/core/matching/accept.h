// Accepting a proposal: it becomes the current program's pairs.
#pragma once

#include "core/model.h"
#include "core/matching/run.h"

namespace flipside::matching {

// The document with the current program's pairs replaced by the proposal's. A pair that is
// already there (same mentor and mentee) keeps its id, state, notes and sessions; pairs of
// the current program that the proposal drops are removed with their sessions and feedback.
// Earlier programs are untouched. New pairs get ids "pair-NNNN" not used before.
Document accept_proposal(const Document& document, const MatchingProposal& proposal);

}  // namespace flipside::matching
