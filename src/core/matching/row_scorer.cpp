#include "core/matching/detail/row_scorer.h"

#include <algorithm>
#include <climits>

#include "core/matching/detail/score_table.h"
#include "core/matching/detail/scoring.h"

namespace flipside::matching {

namespace {

std::int32_t clamp_day(std::int64_t day) {
    return static_cast<std::int32_t>(std::clamp<std::int64_t>(day, INT32_MIN, INT32_MAX));
}

// Population count without a library call (x86-64's baseline has no instruction for it); in
// this form it also vectorises.
std::int32_t count_bits(std::uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    x += x >> 8;
    x += x >> 16;
    x += x >> 32;
    return static_cast<std::int32_t>(x & 0x7F);
}

}  // namespace

RowScorer::RowScorer(const MatchingPool& pool) : pool_(pool), mentors_(pool.mentor_count()) {
    const std::size_t n = mentors_;
    usable_.resize(n);
    department_.resize(n);
    level_.resize(n);
    hire_day_.resize(n);
    has_hire_date_.resize(n);
    line_enter_.resize(n);
    line_leave_.resize(n);
    interest_count_.resize(n);
    language_bits_.resize(n);
    has_language_.resize(n);
    interest_bits_.resize(n);
    for (std::size_t c = 0; c < n; ++c) {
        const MatchingProfile& m = pool.mentors[c];
        usable_[c] = m.active && m.capacity > 0 ? 1 : 0;
        department_[c] = m.department;
        level_[c] = m.level;
        hire_day_[c] = clamp_day(m.hire_day);
        has_hire_date_[c] = m.has_hire_date ? 1 : 0;
        line_enter_[c] = m.line_enter;
        line_leave_[c] = m.line_leave;
        interest_count_[c] = m.interest_count;
        language_bits_[c] = m.language_bits;
        has_language_[c] = m.language_bits != 0 ? 1 : 0;
        interest_bits_[c] = m.interest_bits;
    }
    availability_words_ = pool.availability.words_per_person();
    availability_.resize(availability_words_ * n);
    for (std::size_t c = 0; c < n; ++c) {
        const std::uint64_t* bits = pool.availability.person_bits(pool.mentee_count() + c);
        for (std::size_t w = 0; w < availability_words_; ++w) availability_[w * n + c] = bits[w];
    }
    proficiency_.assign(64 * n, 0);
    best_proficiency_.assign(64, 0);
    if (pool.mentor_proficiency.size() >= 64 * n) {
        for (std::size_t c = 0; c < n; ++c)
            for (std::size_t s = 0; s < 64; ++s) {
                const std::uint8_t p = pool.mentor_proficiency[c * 64 + s];
                proficiency_[s * n + c] = p;
                best_proficiency_[s] = std::max<std::int32_t>(best_proficiency_[s], p);
            }
    }
    shared_slots_.resize(n);
    shared_interests_.resize(n);
    shared_language_.resize(n);
    forbidden_.resize(n);
    taught_.resize(n);
}

void RowScorer::score_row(std::size_t mentee, std::int32_t* scores) {
    if (!pool_.mentees[mentee].active) {
        std::fill(scores, scores + mentors_, kForbiddenScore);
        return;
    }
    rules_and_fixed_points(mentee, scores);
    add_skill_points(mentee, scores);
    apply_mentee_lists(mentee, scores);
}

// Hard rules into forbidden_, and the points that need no lookup (language, other department,
// seniority) into scores; shared weekly slots and shared interests counted for the next pass.
void RowScorer::rules_and_fixed_points(std::size_t mentee, std::int32_t* scores) {
    const MatchingProfile& a = pool_.mentees[mentee];
    const MatchingRules& rules = pool_.settings.rules;
    const MatchingWeights& w = pool_.settings.weights;
    const std::size_t n = mentors_;

    // Slots both are free, word by word over the week.
    std::fill(shared_slots_.begin(), shared_slots_.end(), 0);
    const std::uint64_t* mine = pool_.availability.person_bits(mentee);
    for (std::size_t word = 0; word < availability_words_; ++word) {
        const std::uint64_t week = mine[word];
        const std::uint64_t* theirs = availability_.data() + word * n;  // empty with no mentors
        std::int32_t* slots = shared_slots_.data();
        for (std::size_t c = 0; c < n; ++c) slots[c] += count_bits(week & theirs[c]);
    }

    const std::int32_t department = a.department, level = a.level, hire = clamp_day(a.hire_day);
    const std::int32_t has_hire = a.has_hire_date ? 1 : 0, enter = a.line_enter, leave = a.line_leave;
    const std::uint64_t languages = a.language_bits, interests = a.interest_bits;
    // mentor_is_junior's basis as masks: (by level & L) | (by tenure & T) | (both & B).
    const SeniorityBasis basis = rules.seniority_basis;
    const std::int32_t use_level = basis == SeniorityBasis::Level || basis == SeniorityBasis::LevelOrTenure;
    const std::int32_t use_tenure = basis == SeniorityBasis::Tenure || basis == SeniorityBasis::LevelOrTenure;
    const std::int32_t use_both = basis == SeniorityBasis::LevelAndTenure;
    const std::int32_t check_department = rules.forbid_same_department && department >= 0;
    const std::int32_t check_junior = rules.require_junior_mentor;
    // A person who lists no language is not blocked by the language rule (no bits: none listed).
    const std::int32_t check_language = rules.require_common_language && languages != 0;
    const std::int32_t minimum_slots =
        rules.minimum_overlap_minutes > 0
            ? (rules.minimum_overlap_minutes + pool_.availability.slot_minutes() - 1) / pool_.availability.slot_minutes()
            : 0;
    const std::int32_t language_points = w.language * kScoreScale;
    const std::int32_t department_points = w.cross_department * kScoreScale;
    const std::int32_t seniority_points = w.seniority * kScoreScale;

    const std::int32_t* usable = usable_.data();
    const std::int32_t *departments = department_.data(), *levels = level_.data(), *hires = hire_day_.data();
    const std::int32_t *has_hires = has_hire_date_.data(), *enters = line_enter_.data(), *leaves = line_leave_.data();
    const std::uint64_t *language_bits = language_bits_.data(), *interest_bits = interest_bits_.data();
    const std::int32_t* slots = shared_slots_.data();
    std::int32_t *forbidden = forbidden_.data(), *common = shared_interests_.data();
    std::int32_t* shared_language = shared_language_.data();
    // The 64-bit sets first, so that the pass over the rules below runs on 32-bit lanes only.
    for (std::size_t c = 0; c < n; ++c) {
        shared_language[c] = (languages & language_bits[c]) != 0;
        common[c] = count_bits(interests & interest_bits[c]);
    }
    const std::int32_t* has_language = has_language_.data();
    for (std::size_t c = 0; c < n; ++c) {
        const std::int32_t by_level = levels[c] < level;
        const std::int32_t by_tenure = (has_hires[c] == 0) | (has_hire == 0) | (hires[c] > hire);
        const std::int32_t junior = (by_level & use_level) | (by_tenure & use_tenure) | (by_level & by_tenure & use_both);
        const std::int32_t same_line = ((enter <= enters[c]) & (enters[c] < leave)) | ((enters[c] <= enter) & (enter < leaves[c]));
        const std::int32_t share_language = shared_language[c];
        const std::int32_t other_department = (department >= 0) & (departments[c] >= 0) & (departments[c] != department);
        forbidden[c] = (usable[c] == 0) | (check_department & (departments[c] == department)) |
                       (check_junior & (junior == 0)) | same_line |
                       (check_language & has_language[c] & (share_language == 0)) | (slots[c] < minimum_slots);
        scores[c] = (share_language ? language_points : 0) + (other_department ? department_points : 0) +
                    (junior ? seniority_points : 0);
    }

    // Lookups: availability points by shared slots, interest points by (shared, shorter list).
    const std::int32_t* availability_points = pool_.availability_points.data();
    const std::int32_t* interest_points = pool_.interest_points.data();
    const std::int32_t my_interests = a.interest_count;
    const bool score_interests = w.interests != 0 && my_interests != 0;
    const std::int32_t* their_interests = interest_count_.data();
    for (std::size_t c = 0; c < n; ++c) {
        std::int32_t points = w.availability != 0 ? availability_points[slots[c]] : 0;
        if (score_interests && their_interests[c] != 0)
            points += interest_points[common[c] * 65 + std::min(my_interests, their_interests[c])];
        scores[c] += points;
    }
}

// Skills: each goal the mentor teaches counts by proficiency times the goal's rarity, one pass
// over the mentors per goal; the share of the weight is then looked up, not divided per pair.
void RowScorer::add_skill_points(std::size_t mentee, std::int32_t* scores) {
    const MatchingProfile& a = pool_.mentees[mentee];
    const int weight = pool_.settings.weights.skills;
    const int wanted = static_cast<int>(a.wanted_weight);
    if (weight == 0 || wanted <= 0 || a.goal_bits == 0) return;
    const std::size_t n = mentors_;
    std::fill(taught_.begin(), taught_.end(), 0);
    std::int32_t most = 0;
    std::int32_t* taught = taught_.data();
    for (std::uint64_t goals = a.goal_bits; goals != 0; goals &= goals - 1) {
        std::size_t skill = 0;
        while (!((goals >> skill) & 1)) ++skill;
        const std::int32_t rarity = pool_.skill_rarity[skill];
        most += best_proficiency_[skill] * rarity;
        const std::uint8_t* proficiency = proficiency_.data() + skill * n;
        for (std::size_t c = 0; c < n; ++c) taught[c] += proficiency[c] * rarity;
    }
    // As skills_points: weight * 100 * taught / wanted in 32-bit integers.
    skill_points_.resize(static_cast<std::size_t>(most) + 1);
    for (std::int32_t t = 0; t <= most; ++t) skill_points_[static_cast<std::size_t>(t)] = weight * kScoreScale * t / wanted;
    const std::int32_t* points = skill_points_.data();
    for (std::size_t c = 0; c < n; ++c) scores[c] += points[taught[c]];
}

// The mentee's own lists: earlier partners (a penalty, or forbidden), forbidden mentors; then
// every forbidden cell gets kForbiddenScore.
void RowScorer::apply_mentee_lists(std::size_t mentee, std::int32_t* scores) {
    const MatchingWeights& w = pool_.settings.weights;
    const MatchingRules& rules = pool_.settings.rules;
    std::int32_t* forbidden = forbidden_.data();
    for (const int m : pool_.previous_mentors[mentee]) {
        scores[m] -= w.previous_partner * kScoreScale;
        if (rules.forbid_previous_partners) forbidden[m] = 1;
    }
    for (const int m : pool_.forbidden_mentors[mentee]) forbidden[m] = 1;
    for (std::size_t c = 0; c < mentors_; ++c) scores[c] = forbidden[c] ? kForbiddenScore : scores[c];
}

}  // namespace flipside::matching
