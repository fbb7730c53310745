// The match score of a candidate pair and its breakdown by criterion. Scores are integers in
// hundredths of a point (kScoreScale) so that every sum is exact and identical natively and in
// WebAssembly: a criterion fully met earns its weight, e.g. 40 points = 4000.
#pragma once

#include <array>
#include <string>

#include "core/matching/detail/pool.h"
#include "core/matching/scores.h"

namespace flipside::matching {

// The pair's score (the sum of the breakdown). Hard rules are not checked here.
int score_pair(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, ScoreBreakdown* breakdown = nullptr);

// Fills the pool's lookup tables; build_matching_pool calls it.
void prepare_scoring(MatchingPool& pool);

}  // namespace flipside::matching
