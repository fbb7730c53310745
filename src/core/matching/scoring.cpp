#include "core/matching/detail/scoring.h"

#include <algorithm>
#include <cstdlib>

#include "core/matching/detail/rules.h"

namespace flipside::matching {

namespace {

// weight * numerator / denominator in hundredths, rounded down: integer-only on purpose.
int portion(int weight, long long numerator, long long denominator) {
    if (denominator <= 0 || numerator <= 0 || weight == 0) return 0;
    return static_cast<int>(static_cast<long long>(weight) * kScoreScale * numerator / denominator);
}

int lowest_bit(std::uint64_t bits) {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctzll(bits);
#else
    int index = 0;
    while (!(bits & 1)) bits >>= 1, ++index;
    return index;
#endif
}

// Skills: each goal the mentor can teach counts by proficiency (out of 5), rare goals counting
// more; the whole weight is earned when every goal is taught at expert level.
int skills_points(const MatchingPool& pool, const MatchingProfile& mentee, const MatchingProfile& mentor,
                  std::size_t mentor_position, int weight) {
    if (pool.small_vocabularies) {
        long long taught = 0;
        const std::uint8_t* proficiency = &pool.mentor_proficiency[mentor_position * 64];
        for (std::uint64_t both = mentee.goal_bits & mentor.skill_bits; both != 0; both &= both - 1) {
            const int skill = lowest_bit(both);
            taught += static_cast<long long>(proficiency[skill]) * pool.skill_rarity[static_cast<std::size_t>(skill)];
        }
        // 32-bit division on purpose: it is the cost of a pair. weight*100*taught < 2^31 here.
        const int wanted = static_cast<int>(mentee.wanted_weight);
        return wanted <= 0 ? 0 : weight * kScoreScale * static_cast<int>(taught) / wanted;
    }
    long long taught = 0, wanted = 0;
    auto skill = mentor.skills.begin();
    for (const int goal : mentee.goals) {
        const int rarity = pool.skill_rarity[static_cast<std::size_t>(goal)];
        wanted += 5LL * rarity;
        while (skill != mentor.skills.end() && skill->first < goal) ++skill;
        if (skill != mentor.skills.end() && skill->first == goal) taught += static_cast<long long>(skill->second) * rarity;
    }
    return portion(weight, taught, wanted);
}

int common_count(const std::vector<int>& a, const std::vector<int>& b) {
    int common = 0;
    auto i = a.begin(), j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i == *j) { ++common; ++i; ++j; }
        else if (*i < *j) ++i;
        else ++j;
    }
    return common;
}

}  // namespace

int score_pair(const MatchingPool& pool, std::size_t mentee_position, std::size_t mentor_position,
               ScoreBreakdown* breakdown) {
    const MatchingProfile& mentee = pool.mentees[mentee_position];
    const MatchingProfile& mentor = pool.mentors[mentor_position];
    const MatchingWeights& w = pool.settings.weights;
    const MatchingRules& rules = pool.settings.rules;
    ScoreBreakdown points{};

    if (w.skills != 0)
        points[static_cast<std::size_t>(Criterion::Skills)] = skills_points(pool, mentee, mentor, mentor_position, w.skills);
    // Interests: shared / the shorter list, so a person with two interests is not penalised.
    if (w.interests != 0 && mentee.interest_count != 0 && mentor.interest_count != 0) {
        const long long shorter = std::min(mentee.interest_count, mentor.interest_count);
        points[static_cast<std::size_t>(Criterion::Interests)] =
            pool.small_vocabularies
                ? pool.interest_points[static_cast<std::size_t>(
                      AvailabilityGrid::count_bits(mentee.interest_bits & mentor.interest_bits) * 65 + shorter)]
                : portion(w.interests, common_count(mentee.interests, mentor.interests), shorter);
    }
    if (pool.small_vocabularies ? (mentee.language_bits & mentor.language_bits) != 0
                                : share_any(mentee.languages, mentor.languages))
        points[static_cast<std::size_t>(Criterion::Language)] = w.language * kScoreScale;
    if (mentee.department >= 0 && mentor.department >= 0 && mentee.department != mentor.department)
        points[static_cast<std::size_t>(Criterion::CrossDepartment)] = w.cross_department * kScoreScale;
    if (w.availability != 0)
        points[static_cast<std::size_t>(Criterion::Availability)] = pool.availability_points[static_cast<std::size_t>(
            pool.overlap_minutes(mentee_position, mentor_position) / pool.availability.slot_minutes())];
    if (mentor_is_junior(mentor, mentee, rules.seniority_basis))
        points[static_cast<std::size_t>(Criterion::Seniority)] = w.seniority * kScoreScale;
    if (w.previous_partner != 0 && were_partners(pool, mentee_position, mentor_position))
        points[static_cast<std::size_t>(Criterion::PreviousPartner)] = -w.previous_partner * kScoreScale;

    int total = 0;
    for (const int p : points) total += p;
    if (breakdown) *breakdown = points;
    return total;
}

void prepare_scoring(MatchingPool& pool) {
    const MatchingWeights& w = pool.settings.weights;
    const int full = pool.settings.rules.full_overlap_minutes;
    const int slot = pool.availability.slot_minutes();
    pool.availability_points.assign(static_cast<std::size_t>(kMinutesPerWeek / slot) + 1, 0);
    for (std::size_t slots = 0; slots < pool.availability_points.size(); ++slots) {
        const int overlap = static_cast<int>(slots) * slot;
        pool.availability_points[slots] = full <= 0 ? (overlap > 0 ? w.availability * kScoreScale : 0)
                                                    : portion(w.availability, std::min(overlap, full), full);
    }
    pool.interest_points.assign(65 * 65, 0);
    for (int common = 0; common <= 64; ++common)
        for (int shorter = 1; shorter <= 64; ++shorter)
            pool.interest_points[static_cast<std::size_t>(common * 65 + shorter)] = portion(w.interests, common, shorter);
}

int max_possible_score(const MatchingWeights& weights) {
    int total = 0;
    for (std::size_t c = 0; c < kCriterionCount; ++c) {
        const auto criterion = static_cast<Criterion>(c);
        if (criterion != Criterion::PreviousPartner) total += std::max(0, weights.of(criterion));
    }
    return total * kScoreScale;
}

std::string format_score(long long hundredths) {
    const bool negative = hundredths < 0;
    const unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(hundredths)
                                                  : static_cast<unsigned long long>(hundredths);
    std::string text = (negative ? "-" : "") + std::to_string(magnitude / kScoreScale);
    const unsigned long long cents = magnitude % kScoreScale;
    if (cents != 0) {
        text += '.';
        text += static_cast<char>('0' + cents / 10);
        if (cents % 10 != 0) text += static_cast<char>('0' + cents % 10);
    }
    return text;
}

}  // namespace flipside::matching
