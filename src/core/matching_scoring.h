// The match score of a candidate pair and its breakdown by criterion. Scores are integers in
// hundredths of a point (kScoreScale) so that every sum is exact and identical natively and in
// WebAssembly: a criterion fully met earns its weight, e.g. 40 points = 4000.
#pragma once

#include <array>
#include <string>

#include "core/matching_pool.h"

namespace flipside {

inline constexpr int kScoreScale = 100;
using ScoreBreakdown = std::array<int, kCriterionCount>;  // indexed by Criterion

// The pair's score (the sum of the breakdown). Hard rules are not checked here.
int score_pair(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, ScoreBreakdown* breakdown = nullptr);

// Fills the pool's lookup tables; build_matching_pool calls it.
void prepare_scoring(MatchingPool& pool);

// Highest score any pair can reach with these weights.
int max_possible_score(const MatchingWeights& weights);

// "12.5", "40", "-20": hundredths shown without trailing zeros, never in exponent form.
std::string format_score(long long hundredths);

}  // namespace flipside
