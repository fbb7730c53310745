// Hard rules, scoring and availability across time zones: what a coordinator would see in
// the breakdown and in the reasons.
#include <doctest/doctest.h>

#include <map>

#include "core/matching/detail/availability.h"
#include "core/matching/detail/pool.h"
#include "core/matching/detail/reporting_lines.h"
#include "core/matching/detail/rules.h"
#include "core/matching/detail/scoring.h"
#include "matching_test_support.h"

using namespace flipside;
using namespace flipside::matching;
using namespace flipside::matching_testing;

namespace {

MatchingPool pool_of(const Document& d, const MatchingSettings& settings = {}) {
    static const FixedOffsets zones;
    return build_matching_pool(d, settings, zones, default_reference_instant(d));
}

std::uint32_t rules_of(const Document& d, const MatchingSettings& settings = {}) {
    const MatchingPool pool = pool_of(d, settings);
    return broken_hard_rules(pool, 0, 0, true);
}

}  // namespace

TEST_CASE("a plain pair is allowed") {
    CHECK(rules_of(roster({member("M", Role::Mentor), member("S", Role::Mentee)})) == 0);
}

TEST_CASE("inactive people and mentors without capacity are never paired") {
    auto mentor = member("M", Role::Mentor);
    mentor.active = false;
    CHECK(rules_of(roster({mentor, member("S", Role::Mentee)})) == kRuleInactive);
    mentor.active = true;
    mentor.capacity = 0;
    CHECK(rules_of(roster({mentor, member("S", Role::Mentee)})) == kRuleInactive);
}

TEST_CASE("reporting line: the mentor anywhere in the mentee's chain, or the other way round") {
    auto mentor = member("M", Role::Mentor), mentee = member("S", Role::Mentee), boss = member("B", Role::Mentee, 12);
    mentor.manager_id = "B";
    boss.manager_id = "S";  // S is the mentor's manager's manager
    CHECK(rules_of(roster({mentee, mentor, boss})) == kRuleReportingLine);
    mentor.manager_id.clear();
    boss.manager_id.clear();
    mentee.manager_id = "X";  // unknown manager ids end the chain
    CHECK(rules_of(roster({mentee, mentor, boss})) == 0);
    // The mentee reporting to the mentor (a junior's odd data) is just as forbidden.
    mentee.manager_id = "M";
    CHECK(rules_of(roster({mentee, mentor})) == kRuleReportingLine);
}

TEST_CASE("reporting lines survive a manager cycle") {
    std::vector<Participant> people = {member("A", Role::Mentee), member("B", Role::Mentee), member("C", Role::Mentor)};
    people[0].manager_id = "B";
    people[1].manager_id = "C";
    people[2].manager_id = "A";
    const ReportingLines lines(people);
    CHECK(lines.same_line(0, 1));
    CHECK(lines.same_line(1, 2));
    CHECK(lines.same_line(0, 2));
}

TEST_CASE("siblings under one manager are not in each other's line") {
    std::vector<Participant> people = {member("Boss", Role::Mentee), member("A", Role::Mentee), member("B", Role::Mentor)};
    people[1].manager_id = "Boss";
    people[2].manager_id = "Boss";
    const ReportingLines lines(people);
    CHECK_FALSE(lines.same_line(1, 2));
    CHECK(lines.is_above(0, 2));
    CHECK_FALSE(lines.is_above(2, 0));
}

TEST_CASE("language: none in common is a hard rule by default, a score otherwise") {
    auto mentor = member("M", Role::Mentor), mentee = member("S", Role::Mentee);
    mentor.languages = {"Deutsch"};
    CHECK(rules_of(roster({mentor, mentee})) == kRuleNoCommonLanguage);
    MatchingSettings soft;
    soft.rules.require_common_language = false;
    CHECK(rules_of(roster({mentor, mentee}), soft) == 0);
    mentor.languages = {" english "};  // case and spaces do not matter
    ScoreBreakdown breakdown{};
    const MatchingPool pool = pool_of(roster({mentor, mentee}));
    score_pair(pool, 0, 0, &breakdown);
    CHECK(breakdown[static_cast<std::size_t>(Criterion::Language)] == 5 * kScoreScale);
}

TEST_CASE("same department: scored lower, or forbidden by the setting") {
    auto mentor = member("M", Role::Mentor), mentee = member("S", Role::Mentee);
    mentor.department = mentee.department = "Finance";
    MatchingSettings settings;
    CHECK(rules_of(roster({mentor, mentee}), settings) == 0);
    ScoreBreakdown same{}, cross{};
    score_pair(pool_of(roster({mentor, mentee})), 0, 0, &same);
    CHECK(same[static_cast<std::size_t>(Criterion::CrossDepartment)] == 0);
    settings.rules.forbid_same_department = true;
    CHECK(rules_of(roster({mentor, mentee}), settings) == kRuleSameDepartment);
    mentor.department = "IT";
    CHECK(rules_of(roster({mentor, mentee}), settings) == 0);
    score_pair(pool_of(roster({mentor, mentee})), 0, 0, &cross);
    CHECK(cross[static_cast<std::size_t>(Criterion::CrossDepartment)] == 10 * kScoreScale);
}

TEST_CASE("reverse direction: the mentor must be junior by level and/or tenure") {
    auto mentor = member("M", Role::Mentor, 5), mentee = member("S", Role::Mentee, 5);
    CHECK(rules_of(roster({mentor, mentee})) == kRuleMentorNotJunior);
    MatchingSettings soft;
    soft.rules.require_junior_mentor = false;
    CHECK(rules_of(roster({mentor, mentee}), soft) == 0);
    ScoreBreakdown breakdown{};
    score_pair(pool_of(roster({mentor, mentee}), soft), 0, 0, &breakdown);
    CHECK(breakdown[static_cast<std::size_t>(Criterion::Seniority)] == 0);

    MatchingSettings tenure;
    tenure.rules.seniority_basis = SeniorityBasis::Tenure;
    mentor.hire_date = Date{2024, 1, 1};
    mentee.hire_date = Date{2010, 1, 1};
    CHECK(rules_of(roster({mentor, mentee}), tenure) == 0);
    mentor.hire_date = Date{2001, 1, 1};
    CHECK(rules_of(roster({mentor, mentee}), tenure) == kRuleMentorNotJunior);
    tenure.rules.seniority_basis = SeniorityBasis::LevelOrTenure;
    mentor.level = 2;
    CHECK(rules_of(roster({mentor, mentee}), tenure) == 0);
    tenure.rules.seniority_basis = SeniorityBasis::LevelAndTenure;
    CHECK(rules_of(roster({mentor, mentee}), tenure) == kRuleMentorNotJunior);
}

TEST_CASE("forbidden pairs and earlier partners") {
    auto d = roster({member("M", Role::Mentor), member("S", Role::Mentee)});
    MatchingSettings settings;
    settings.forbidden_pairs = {PairKey{"M", "S"}};
    CHECK(rules_of(d, settings) == kRuleForbidden);

    Program earlier;
    earlier.id = "R0";
    d.programs.insert(d.programs.begin(), earlier);
    Pair before;
    before.id = "pair-1";
    before.program_id = "R0";
    before.mentor_id = "M";
    before.mentee_id = "S";
    d.pairs.push_back(before);
    CHECK(rules_of(d) == 0);  // soft by default: a penalty
    ScoreBreakdown breakdown{};
    score_pair(pool_of(d), 0, 0, &breakdown);
    CHECK(breakdown[static_cast<std::size_t>(Criterion::PreviousPartner)] == -20 * kScoreScale);
    MatchingSettings hard;
    hard.rules.forbid_previous_partners = true;
    CHECK(rules_of(d, hard) == kRulePreviousPartner);
    // A pair of the current program is not an "earlier" partner.
    d.pairs[0].program_id = "R1";
    CHECK(rules_of(d, hard) == 0);
}

TEST_CASE("every broken rule is listed for explanations") {
    auto mentor = member("M", Role::Mentor, 9), mentee = member("S", Role::Mentee, 9);
    mentor.languages = {"Polski"};
    mentor.manager_id = "S";
    const std::uint32_t broken = rules_of(roster({mentor, mentee}));
    CHECK(broken == (kRuleNoCommonLanguage | kRuleMentorNotJunior | kRuleReportingLine));
}

TEST_CASE("availability overlap is computed across time zones") {
    // 09:00-12:00 Monday in Berlin (UTC+1) is 08:00-11:00 UTC; 10:00-13:00 UTC overlaps one hour.
    const std::vector<WeeklyWindow> berlin = {{0, 9 * 60, 12 * 60}};
    const std::vector<WeeklyWindow> utc = {{0, 10 * 60, 13 * 60}};
    CHECK(weekly_overlap_minutes(berlin, 3600, utc, 0) == 60);
    // Kolkata (UTC+5:30) Monday 14:00-15:00 is 08:30-09:30 UTC: the grid must be exact to the half hour.
    const std::vector<WeeklyWindow> kolkata = {{0, 14 * 60, 15 * 60}};
    CHECK(weekly_overlap_minutes(kolkata, 19800, berlin, 3600) == 60);
    // Wrapping round the week: Monday 00:00-02:00 in Berlin is Sunday 23:00 - Monday 01:00 UTC.
    const std::vector<WeeklyWindow> early = {{0, 0, 120}};
    const std::vector<WeeklyWindow> sunday_late = {{6, 23 * 60, 24 * 60}};
    CHECK(weekly_overlap_minutes(early, 3600, sunday_late, 0) == 60);

    AvailabilityGrid grid;
    grid.build({&berlin, &utc, &kolkata, &early, &sunday_late}, {3600, 0, 19800, 3600, 0});
    CHECK(grid.slot_minutes() == 30);
    CHECK(grid.overlap_minutes(0, 1) == 60);
    CHECK(grid.overlap_minutes(2, 0) == 60);
    CHECK(grid.overlap_minutes(3, 4) == 60);
    CHECK(grid.total_minutes(0) == 180);
}

TEST_CASE("the availability grid agrees with the interval computation on random windows") {
    SeededRandom random(11);
    const int offsets[] = {0, 3600, -18000, 19800, 20700, 45900, -34200};
    for (int round = 0; round < 200; ++round) {
        std::vector<WeeklyWindow> a, b;
        for (auto* windows : {&a, &b}) {
            const int count = 1 + static_cast<int>(random.below(4));
            for (int k = 0; k < count; ++k) {
                const int start = static_cast<int>(random.below(1430)) + (round % 5 == 0 ? 0 : 0);
                const int end = start + 1 + static_cast<int>(random.below(static_cast<std::uint32_t>(1440 - start)));
                windows->push_back({static_cast<int>(random.below(7)), start, end});
            }
        }
        const int oa = offsets[random.below(7)], ob = offsets[random.below(7)];
        AvailabilityGrid grid;
        grid.build({&a, &b}, {oa, ob});
        CHECK(grid.overlap_minutes(0, 1) == weekly_overlap_minutes(a, oa, b, ob));
    }
}

TEST_CASE("the pool uses the catalog's offsets at the reference instant") {
    auto mentor = member("M", Role::Mentor), mentee = member("S", Role::Mentee);
    mentor.time_zone = "Europe/Berlin";     // 09:00-12:00 Berlin = 08:00-11:00 UTC
    mentee.time_zone = "America/New_York";  // 09:00-12:00 New York = 14:00-17:00 UTC
    MatchingPool pool = pool_of(roster({mentor, mentee}));
    CHECK(pool.overlap_minutes(0, 0) == 0);
    mentee.availability = {{0, 4 * 60, 7 * 60}};  // 09:00-12:00 UTC
    pool = pool_of(roster({mentor, mentee}));
    CHECK(pool.overlap_minutes(0, 0) == 120);
    MatchingSettings settings;
    settings.rules.minimum_overlap_minutes = 150;
    CHECK(broken_hard_rules(pool_of(roster({mentor, mentee}), settings), 0, 0) == kRuleTooLittleOverlap);
}

TEST_CASE("score breakdown: skills by proficiency, rare goals counting more, interests, availability") {
    auto mentor = member("M", Role::Mentor), other = member("O", Role::Mentor), mentee = member("S", Role::Mentee);
    mentor.skills = {Skill{"Python", 5}, Skill{"TikTok", 3}};
    other.skills = {Skill{"Python", 4}};
    mentee.learning_goals = {"python", "TikTok", "Power BI"};
    mentor.interests = {"Chess", "Jazz"};
    mentee.interests = {"Jazz", "Sailing", "Chess", "Cooking"};
    mentor.department = "IT";
    mentee.department = "Finance";
    MatchingSettings settings;
    settings.rules.rare_skills_count_more = false;
    ScoreBreakdown b{};
    const int total = score_pair(pool_of(roster({mentor, other, mentee}), settings), 0, 0, &b);
    // Skills: (5 + 3) / (3 goals * 5) of 40 points = 21.33.
    CHECK(b[static_cast<std::size_t>(Criterion::Skills)] == 40 * kScoreScale * 8 / 15);
    CHECK(b[static_cast<std::size_t>(Criterion::Interests)] == 10 * kScoreScale);  // both of the mentor's two
    CHECK(b[static_cast<std::size_t>(Criterion::Availability)] == 15 * kScoreScale);  // 3 h shared >= 2 h
    CHECK(b[static_cast<std::size_t>(Criterion::Seniority)] == 10 * kScoreScale);
    int sum = 0;
    for (int p : b) sum += p;
    CHECK(total == sum);
    CHECK(total <= max_possible_score(settings.weights));

    // With rarity: TikTok is taught by 1 of 2 mentors (not rare), Python by 2: unchanged here;
    // among 20 mentors a goal only one can teach counts triple.
    std::vector<Participant> many = {mentor, mentee};
    for (int k = 0; k < 19; ++k) {
        auto extra = member("X" + std::to_string(k), Role::Mentor);
        extra.skills = {Skill{"Python", 3}};
        many.push_back(extra);
    }
    const MatchingPool rare_pool = pool_of(roster(many));
    score_pair(rare_pool, 0, 0, &b);
    // Python: 20 teachers (weight 1), TikTok: 1 of 20 (weight 3), Power BI: none (weight 3).
    CHECK(b[static_cast<std::size_t>(Criterion::Skills)] == 40 * kScoreScale * (5 * 1 + 3 * 3) / (5 * (1 + 3 + 3)));
}

TEST_CASE("weights are the coordinator's: zero weights score nothing") {
    MatchingSettings settings;
    for (std::size_t c = 0; c < kCriterionCount; ++c) settings.weights.set(static_cast<Criterion>(c), 0);
    CHECK(max_possible_score(settings.weights) == 0);
    CHECK(score_pair(pool_of(roster({member("M", Role::Mentor), member("S", Role::Mentee)}), settings), 0, 0) == 0);
    settings.weights.set(Criterion::Seniority, 30);
    CHECK(settings.weights.of(Criterion::Seniority) == 30);
    CHECK(score_pair(pool_of(roster({member("M", Role::Mentor), member("S", Role::Mentee)}), settings), 0, 0) == 3000);
}

TEST_CASE("scores print without floating-point noise") {
    CHECK(format_score(0) == "0");
    CHECK(format_score(2133) == "21.33");
    CHECK(format_score(2130) == "21.3");
    CHECK(format_score(-2000) == "-20");
    CHECK(format_score(-5) == "-0.05");
}

TEST_CASE("settings names round-trip") {
    for (std::size_t c = 0; c < kCriterionCount; ++c)
        CHECK(parse_criterion(criterion_name(static_cast<Criterion>(c))) == static_cast<Criterion>(c));
    CHECK(parse_matching_mode("fair") == MatchingMode::Fair);
    CHECK_FALSE(parse_matching_mode("best").has_value());
    CHECK(parse_seniority_basis("level-or-tenure") == SeniorityBasis::LevelOrTenure);
    // Every value by name and back: the tables hold values, not positions.
    for (const MatchingMode mode : {MatchingMode::Optimal, MatchingMode::Fair, MatchingMode::Stable})
        CHECK(parse_matching_mode(matching_mode_name(mode)) == mode);
    CHECK(std::string(matching_mode_name(MatchingMode::Stable)) == "stable");
    for (const SeniorityBasis basis : {SeniorityBasis::Level, SeniorityBasis::Tenure, SeniorityBasis::LevelOrTenure,
                                       SeniorityBasis::LevelAndTenure})
        CHECK(parse_seniority_basis(seniority_basis_name(basis)) == basis);
    CHECK(std::string(seniority_basis_name(SeniorityBasis::LevelAndTenure)) == "level-and-tenure");
    CHECK(std::string(criterion_name(Criterion::CrossDepartment)) == "cross_department");
    CHECK_FALSE(parse_criterion("Skills").has_value());
}
