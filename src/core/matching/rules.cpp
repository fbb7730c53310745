#include "core/matching/detail/rules.h"

#include <algorithm>

namespace flipside::matching {

const char* hard_rule_phrase(std::uint32_t single_bit) {
    switch (single_bit) {
        case kRuleInactive: return "inactive or without capacity";
        case kRuleReportingLine: return "in the same reporting line";
        case kRuleForbidden: return "forbidden by the coordinator";
        case kRuleNoCommonLanguage: return "no common language";
        case kRuleSameDepartment: return "same department";
        case kRuleMentorNotJunior: return "mentor not junior";
        case kRulePreviousPartner: return "partners in an earlier wave";
        case kRuleTooLittleOverlap: return "too little shared weekly time";
        default: return "hard rule";
    }
}

const char* hard_rule_setting_label(std::uint32_t single_bit) {
    switch (single_bit) {
        case kRuleNoCommonLanguage: return "A common language is required";
        case kRuleSameDepartment: return "Never pair within one department";
        case kRuleMentorNotJunior: return "The mentor must be junior";
        case kRulePreviousPartner: return "Never pair earlier partners again";
        case kRuleTooLittleOverlap: return "Minimum shared hours a week";
        default: return nullptr;
    }
}

bool share_any(const std::vector<int>& a, const std::vector<int>& b) {
    auto i = a.begin(), j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i == *j) return true;
        if (*i < *j) ++i; else ++j;
    }
    return false;
}

bool mentor_is_junior(const MatchingProfile& mentor, const MatchingProfile& mentee, SeniorityBasis basis) {
    const bool by_level = mentor.level < mentee.level;
    // Unknown hire dates give the benefit of the doubt rather than blocking a pair on missing data.
    const bool by_tenure = !mentor.has_hire_date || !mentee.has_hire_date || mentor.hire_day > mentee.hire_day;
    switch (basis) {
        case SeniorityBasis::Level: return by_level;
        case SeniorityBasis::Tenure: return by_tenure;
        case SeniorityBasis::LevelOrTenure: return by_level || by_tenure;
        case SeniorityBasis::LevelAndTenure: return by_level && by_tenure;
    }
    return by_level;
}

bool were_partners(const MatchingPool& pool, std::size_t mentee, std::size_t mentor) {
    const auto& list = pool.previous_mentors[mentee];
    return !list.empty() && std::binary_search(list.begin(), list.end(), static_cast<int>(mentor));
}

std::uint32_t broken_hard_rules(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, bool all) {
    const MatchingProfile& a = pool.mentees[mentee];
    const MatchingProfile& b = pool.mentors[mentor];
    const MatchingRules& rules = pool.settings.rules;
    std::uint32_t broken = 0;
    const auto hit = [&](std::uint32_t bit) {
        broken |= bit;
        return !all;
    };
    if ((!a.active || !b.active || b.capacity <= 0) && hit(kRuleInactive)) return broken;
    if (rules.forbid_same_department && a.department >= 0 && a.department == b.department &&
        hit(kRuleSameDepartment))
        return broken;
    if (rules.require_junior_mentor && !mentor_is_junior(b, a, rules.seniority_basis) && hit(kRuleMentorNotJunior))
        return broken;
    if (ReportingLines::same_line(a.line_enter, a.line_leave, b.line_enter, b.line_leave) && hit(kRuleReportingLine))
        return broken;
    // A person who lists no language is not blocked by the language rule: nothing is known.
    if (rules.require_common_language && !a.languages.empty() && !b.languages.empty() &&
        !(pool.small_vocabularies ? (a.language_bits & b.language_bits) != 0 : share_any(a.languages, b.languages)) &&
        hit(kRuleNoCommonLanguage))
        return broken;
    const auto& forbidden = pool.forbidden_mentors[mentee];
    if (!forbidden.empty() && std::binary_search(forbidden.begin(), forbidden.end(), static_cast<int>(mentor)) &&
        hit(kRuleForbidden))
        return broken;
    if (rules.forbid_previous_partners && were_partners(pool, mentee, mentor) && hit(kRulePreviousPartner))
        return broken;
    if (rules.minimum_overlap_minutes > 0 && pool.overlap_minutes(mentee, mentor) < rules.minimum_overlap_minutes &&
        hit(kRuleTooLittleOverlap))
        return broken;
    return broken;
}

}  // namespace flipside::matching
