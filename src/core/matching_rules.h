// Hard rules: what keeps a mentor and a mentee from ever being proposed as a pair.
// Capacity is not here: it is a limit on the whole proposal, enforced by the solvers.
#pragma once

#include <cstdint>
#include <string>

#include "core/matching_pool.h"

namespace flipside {

// Bits, so that an explanation can list every rule a pair breaks.
enum HardRuleBit : std::uint32_t {
    kRuleInactive = 1u << 0,          // either is inactive or unwilling this wave (or has no capacity)
    kRuleReportingLine = 1u << 1,     // one is in the other's management chain
    kRuleForbidden = 1u << 2,         // the coordinator forbade the pair
    kRuleNoCommonLanguage = 1u << 3,
    kRuleSameDepartment = 1u << 4,
    kRuleMentorNotJunior = 1u << 5,
    kRulePreviousPartner = 1u << 6,
    kRuleTooLittleOverlap = 1u << 7,
};
inline constexpr int kHardRuleCount = 8;

// A short phrase for an explanation: "in the same reporting line", ...
const char* hard_rule_phrase(std::uint32_t single_bit);

// The rules that forbid the pair (0 when it is allowed). Checks run cheapest first and stop
// at the first broken rule unless `all` is set (explanations want every one).
std::uint32_t broken_hard_rules(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, bool all = false);

// Facts shared with scoring.
bool share_any(const std::vector<int>& a, const std::vector<int>& b);
bool mentor_is_junior(const MatchingProfile& mentor, const MatchingProfile& mentee, SeniorityBasis basis);
bool were_partners(const MatchingPool& pool, std::size_t mentee, std::size_t mentor);

}  // namespace flipside
