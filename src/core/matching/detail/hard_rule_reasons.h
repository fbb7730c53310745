// Every hard rule that keeps a mentor and a mentee apart, each with the data that triggers it
// in words: who reports to whom and through whom, the shared department, the languages each
// speaks, levels or hire dates, the earlier wave, the weekly time they share against the
// minimum. One reason per bit of broken_hard_rules(..., all = true), in bit order.
#pragma once

#include <vector>

#include "core/matching/detail/pool.h"
#include "core/matching/explanations.h"

namespace flipside::matching {

std::vector<RuleReason> hard_rule_reasons(const MatchingPool& pool, std::size_t mentee, std::size_t mentor);

}  // namespace flipside::matching
