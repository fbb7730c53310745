#include "core/matching/detail/hard_rule_reasons.h"

#include <unordered_map>

#include "core/matching/detail/pair_sentences.h"
#include "core/matching/detail/phrases.h"
#include "core/matching/detail/rules.h"

namespace flipside::matching {

namespace {

// "Chloé Martin reports to Agnieszka Nowak through Ethan Brown": the manager links from the
// one below up to the one above.
std::string reporting_line_text(const MatchingPool& pool, std::size_t below, std::size_t above) {
    const std::vector<Participant>& people = pool.document->participants;
    std::unordered_map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < people.size(); ++i) index_of.emplace(people[i].id, i);
    std::vector<std::string> middle;
    std::size_t at = below;
    for (std::size_t steps = 0; steps <= people.size(); ++steps) {
        const auto manager = index_of.find(people[at].manager_id);
        if (people[at].manager_id.empty() || manager == index_of.end()) break;
        at = manager->second;
        if (at == above) {
            std::string text = display_name(people[below]) + " reports to " + display_name(people[above]);
            return middle.empty() ? text : text + " through " + join_with_and(middle);
        }
        middle.push_back(display_name(people[at]));
    }
    // A cycle in the manager links (bad data that validation reports) joins them another way.
    return display_name(people[below]) + " and " + display_name(people[above]) + " are in one reporting line";
}

std::string reason_text(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, std::uint32_t rule) {
    const MatchingProfile& a = pool.mentees[mentee];
    const MatchingProfile& b = pool.mentors[mentor];
    const Participant& mentee_person = pool.mentee_participant(mentee);
    const Participant& mentor_person = pool.mentor_participant(mentor);
    switch (rule) {
        case kRuleInactive: {
            std::vector<std::string> why;
            if (!b.active) why.push_back(display_name(mentor_person) + " is inactive this wave");
            else if (b.capacity <= 0) why.push_back(display_name(mentor_person) + " takes no mentees (capacity 0)");
            if (!a.active) why.push_back(display_name(mentee_person) + " is inactive this wave");
            return join_with_and(why);
        }
        case kRuleReportingLine: {
            const std::size_t x = a.participant, y = b.participant;
            return pool.reporting_lines.is_above(y, x) ? reporting_line_text(pool, x, y) : reporting_line_text(pool, y, x);
        }
        case kRuleForbidden: return "The coordinator forbade this pair";
        case kRuleNoCommonLanguage: return "No common language: " + languages_spoken(pool, mentee, mentor);
        case kRuleSameDepartment: return "Both in " + pool.department_names[static_cast<std::size_t>(a.department)];
        case kRuleMentorNotJunior: return seniority_sentence(pool, mentee, mentor);
        case kRulePreviousPartner: return "Partners in an earlier wave, and earlier partners are never paired again";
        case kRuleTooLittleOverlap: {
            const int shared = pool.overlap_minutes(mentee, mentor);
            const int needed = pool.settings.rules.minimum_overlap_minutes;
            std::string text = shared == 0 ? "No weekly time in common, " + duration_text(needed) + " needed"
                                           : "Only " + duration_text(shared) + " a week in common, " + duration_text(needed) + " needed";
            std::vector<std::string> without;
            if (pool.availability.total_minutes(pool.mentee_count() + mentor) == 0) without.push_back(display_name(mentor_person));
            if (pool.availability.total_minutes(mentee) == 0) without.push_back(display_name(mentee_person));
            if (!without.empty())
                text += " (" + join_with_and(without) + (without.size() == 1 ? " has" : " have") + " given no weekly hours)";
            return text;
        }
        default: return hard_rule_phrase(rule);
    }
}

}  // namespace

std::vector<RuleReason> hard_rule_reasons(const MatchingPool& pool, std::size_t mentee, std::size_t mentor) {
    const std::uint32_t broken = broken_hard_rules(pool, mentee, mentor, true);
    std::vector<RuleReason> reasons;
    for (int bit = 0; bit < kHardRuleCount; ++bit) {
        const std::uint32_t rule = 1u << bit;
        if (broken & rule) reasons.push_back({static_cast<HardRuleBit>(rule), reason_text(pool, mentee, mentor, rule)});
    }
    return reasons;
}

}  // namespace flipside::matching
