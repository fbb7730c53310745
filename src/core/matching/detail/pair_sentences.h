// The sentences of pair_words.h on pool positions, and the facts they share with the hard
// rules' reasons (detail/hard_rule_reasons.h), so both say the same thing the same way.
#pragma once

#include <string>
#include <vector>

#include "core/matching/detail/pool.h"
#include "core/matching/pair_words.h"

namespace flipside::matching {

std::vector<PairSentence> pair_sentences(const MatchingPool& pool, std::size_t mentee, std::size_t mentor);
std::vector<std::string> own_pair_sentences(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, Role viewer);

// "Rhys Hughes is 7 levels junior to Γιώργος Παπαδόπουλος" or why not, under the settings'
// seniority basis.
std::string seniority_sentence(const MatchingPool& pool, std::size_t mentee, std::size_t mentor);
// "Chloé Martin speaks French, Agnieszka Nowak Polish" (mentor first).
std::string languages_spoken(const MatchingPool& pool, std::size_t mentee, std::size_t mentor);

}  // namespace flipside::matching
