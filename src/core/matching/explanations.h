// Why the pairing engine decided what it did, in words a coordinator can use: the hard rules
// that keep a mentor and a mentee apart. (The reasons for people left unmatched come with
// each proposal: MatchingProposal::unmatched.)
#pragma once

#include <cstdint>
#include <string>

namespace flipside::matching {

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

// One rule that keeps a mentor and a mentee apart, with the data that triggers it in words:
// "Chloé Martin reports to Agnieszka Nowak through Ethan Brown", "Both in Finance".
struct RuleReason {
    HardRuleBit rule = kRuleInactive;
    std::string text;
};

// The setting that switches a rule, as the Matching screen labels it ("A common language is
// required"); nullptr for rules that are always hard (reporting lines, inactive, forbidden).
const char* hard_rule_setting_label(std::uint32_t single_bit);

}  // namespace flipside::matching
