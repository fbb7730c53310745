#include "core/matching/detail/unmatched_reasons.h"

#include <array>

#include "core/matching/detail/rules.h"
#include "core/text.h"

namespace flipside::matching {

namespace {

// "no allowed mentor: 3 in the same reporting line, 12 no common language". A candidate that
// breaks several rules counts under each, so the coordinator sees what to relax.
std::string list_rules(const char* lead, const std::array<std::size_t, kHardRuleCount>& counts) {
    std::string text = lead;
    bool first = true;
    for (int bit = 0; bit < kHardRuleCount; ++bit) {
        if (counts[static_cast<std::size_t>(bit)] == 0) continue;
        text += first ? ": " : ", ";
        first = false;
        text += std::to_string(counts[static_cast<std::size_t>(bit)]) + " " + hard_rule_phrase(1u << bit);
    }
    return text;
}

void add_bits(std::array<std::size_t, kHardRuleCount>& counts, std::uint32_t broken) {
    for (int bit = 0; bit < kHardRuleCount; ++bit)
        if (broken & (1u << bit)) ++counts[static_cast<std::size_t>(bit)];
}

}  // namespace

std::string explain_unmatched_mentee(const ExplanationContext& context, std::size_t mentee) {
    const MatchingPool& pool = *context.pool;
    if (!pool.mentees[mentee].active) return "inactive or unwilling this wave";
    if (pool.mentor_count() == 0) return "no mentors in the roster";
    std::array<std::size_t, kHardRuleCount> counts{};
    std::size_t allowed = 0, with_room = 0;
    for (std::size_t mentor = 0; mentor < pool.mentor_count(); ++mentor) {
        const std::uint32_t broken = broken_hard_rules(pool, mentee, mentor, true);
        if (broken != 0) {
            add_bits(counts, broken);
            continue;
        }
        ++allowed;
        if (context.mentor_load[mentor] < pool.mentors[mentor].capacity) ++with_room;
    }
    if (allowed == 0) return list_rules("no allowed mentor", counts);
    if (with_room == 0)
        return allowed == 1 ? "the only allowed mentor is at capacity"
                            : "all " + plural(allowed, "allowed mentor", "allowed mentors") + " are at capacity" +
                                  (context.stable ? " with mentees they rank higher" : "");
    if (context.candidates_per_mentee > 0)
        return "the mentors with free places are not among this mentee's best " +
               std::to_string(context.candidates_per_mentee) + " candidates";
    return plural(with_room, "allowed mentor has", "allowed mentors have") +
           " room, but pairing them would leave a higher-value pair out";
}

std::string explain_unmatched_mentor(const ExplanationContext& context, std::size_t mentor) {
    const MatchingPool& pool = *context.pool;
    const MatchingProfile& profile = pool.mentors[mentor];
    if (!profile.active) return "inactive or unwilling this wave";
    if (profile.capacity <= 0) return "capacity is 0";
    if (pool.mentee_count() == 0) return "no mentees in the roster";
    std::array<std::size_t, kHardRuleCount> counts{};
    std::size_t allowed = 0, unmatched = 0;
    for (std::size_t mentee = 0; mentee < pool.mentee_count(); ++mentee) {
        const std::uint32_t broken = broken_hard_rules(pool, mentee, mentor, true);
        if (broken != 0) {
            add_bits(counts, broken);
            continue;
        }
        ++allowed;
        if (!context.mentee_matched[mentee]) ++unmatched;
    }
    if (allowed == 0) return list_rules("no allowed mentee", counts);
    if (unmatched == 0)
        return allowed == 1 ? "the only allowed mentee is paired with another mentor"
                            : "all " + plural(allowed, "allowed mentee", "allowed mentees") + " are paired with other mentors" +
                                  (context.stable ? " they rank higher" : "");
    if (context.candidates_per_mentee > 0)
        return "not among the best " + std::to_string(context.candidates_per_mentee) +
               " candidates of the allowed mentees still unmatched";
    return "pairing with one of the " + plural(unmatched, "allowed mentee", "allowed mentees") +
           " still unmatched would leave a higher-value pair out";
}

}  // namespace flipside::matching
