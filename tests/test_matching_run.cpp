// Whole runs as the Matching screen and the CLI see them: modes, locks, forbids, reasons,
// the sparse mode's gap, stable matching without blocking pairs, accepting a proposal.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "core/matching/accept.h"
#include "core/matching/detail/rules.h"
#include "core/matching/run.h"
#include "core/matching/detail/scoring.h"
#include "core/matching/detail/stable.h"
#include "matching_test_support.h"

using namespace flipside;
using namespace flipside::matching;
using namespace flipside::matching_testing;

namespace {

const ShapeOnlyTimeZoneCatalog kZones;

MatchingProposal run(const Document& d, const MatchingSettings& settings) {
    return run_matching(d, settings, kZones, default_reference_instant(d));
}

const ProposedPair* pair_of(const MatchingProposal& p, const std::string& mentee) {
    for (const ProposedPair& pair : p.pairs)
        if (pair.mentee_id == mentee) return &pair;
    return nullptr;
}

const UnmatchedParticipant* unmatched(const MatchingProposal& p, const std::string& id) {
    for (const UnmatchedParticipant& u : p.unmatched)
        if (u.id == id) return &u;
    return nullptr;
}

Document demo(int people, std::uint64_t seed) { return make_demo_program(people, seed, 1767614400); }

}  // namespace

TEST_CASE("every pair carries its breakdown and the total adds up") {
    const Document d = demo(120, 5);
    const MatchingProposal p = run(d, {});
    REQUIRE_FALSE(p.pairs.empty());
    long long total = 0;
    for (const ProposedPair& pair : p.pairs) {
        int sum = 0;
        for (int points : pair.breakdown) sum += points;
        CHECK(sum == pair.score);
        total += pair.score;
    }
    CHECK(total == p.total_score);
}

TEST_CASE("every mode respects every hard rule and capacity on a demo roster, and explains the unmatched") {
    Document d = demo(200, 17);
    MatchingSettings settings = d.current_program()->matching;
    settings.forbidden_pairs = {PairKey{d.participants[150].id, d.participants[3].id}};
    for (const MatchingMode mode : {MatchingMode::Optimal, MatchingMode::Fair, MatchingMode::Stable}) {
        settings.mode = mode;
        MatchingRun matching(d, settings, kZones, default_reference_instant(d));
        while (!matching.step(5000)) {
        }
        const MatchingProposal& p = matching.proposal();
        CHECK(check_proposal(matching.pool(), p).empty());
        for (const UnmatchedParticipant& u : p.unmatched) CHECK_FALSE(u.reason.empty());
        if (mode == MatchingMode::Stable) CHECK(p.blocking_pairs == 0);
    }
}

TEST_CASE("the same input gives the same proposal, sliced or not") {
    const Document d = demo(150, 8);
    const MatchingProposal whole = run(d, {});
    MatchingRun sliced(d, {}, kZones, default_reference_instant(d));
    int slices = 0;
    while (!sliced.step(300)) {
        ++slices;
        CHECK(sliced.progress() >= 0.0);
        CHECK(sliced.progress() <= 1.0);
    }
    CHECK(slices > 3);
    REQUIRE(sliced.proposal().pairs.size() == whole.pairs.size());
    for (std::size_t k = 0; k < whole.pairs.size(); ++k) {
        CHECK(sliced.proposal().pairs[k].mentor_id == whole.pairs[k].mentor_id);
        CHECK(sliced.proposal().pairs[k].mentee_id == whole.pairs[k].mentee_id);
    }
    CHECK(sliced.proposal().total_score == whole.total_score);
}

TEST_CASE("locked pairs stay, forbidden pairs never appear") {
    auto m1 = member("M1", Role::Mentor), m2 = member("M2", Role::Mentor), s1 = member("S1", Role::Mentee);
    m1.skills = {Skill{"Python", 5}};
    s1.learning_goals = {"Python"};
    const Document d = roster({m1, m2, s1});
    CHECK(pair_of(run(d, {}), "S1")->mentor_id == "M1");

    MatchingSettings locked;
    locked.locked_pairs = {PairKey{"M2", "S1"}};
    const MatchingProposal with_lock = run(d, locked);
    CHECK(pair_of(with_lock, "S1")->mentor_id == "M2");
    CHECK(pair_of(with_lock, "S1")->locked);
    CHECK(unmatched(with_lock, "M1") != nullptr);

    MatchingSettings forbidden;
    forbidden.forbidden_pairs = {PairKey{"M1", "S1"}};
    CHECK(pair_of(run(d, forbidden), "S1")->mentor_id == "M2");
}

TEST_CASE("a lock that breaks a hard rule is kept with a warning; impossible locks are refused") {
    auto mentor = member("M", Role::Mentor), mentee = member("S", Role::Mentee), other = member("T", Role::Mentee);
    mentor.name = "Maria Costa";
    mentee.name = "Jon Lee";
    other.name = "Ana Ruiz";
    mentor.manager_id = "S";
    MatchingSettings settings;
    settings.locked_pairs = {PairKey{"M", "S"}, PairKey{"M", "T"}, PairKey{"Nobody", "T"}};
    const MatchingProposal p = run(roster({mentor, mentee, other}), settings);
    REQUIRE(pair_of(p, "S") != nullptr);
    CHECK(pair_of(p, "S")->broken_rules == kRuleReportingLine);
    CHECK(pair_of(p, "T") == nullptr);  // M's one place is taken by the first lock
    CHECK(p.warnings.size() == 3);
    // Each warning names the people, their ids in brackets.
    const auto warned = [&](const std::string& text) {
        return std::any_of(p.warnings.begin(), p.warnings.end(), [&](const std::string& w) { return w == text; });
    };
    CHECK(warned("locked pair Maria Costa & Jon Lee (M / S) kept although: " +
                 std::string(hard_rule_phrase(kRuleReportingLine))));
    CHECK(warned("locked pair Maria Costa & Ana Ruiz (M / T) ignored: Maria Costa's capacity is already taken by locked pairs"));
    CHECK(warned("locked pair Nobody & Ana Ruiz (Nobody / T) ignored: Nobody is not a mentor"));  // no such person: the id
}

TEST_CASE("a mentee who reports to a mentor is never paired with them, however well they would score") {
    // M1 teaches what A wants, M2 what B wants: without A's manager link every mode proposes
    // A-M1 and B-M2. With it, only that reporting line keeps A and M1 apart (the mentor is
    // junior, the departments are not given, languages and hours are shared).
    auto m1 = member("M1", Role::Mentor), m2 = member("M2", Role::Mentor);
    m1.skills = {Skill{"Python", 5}};
    m2.skills = {Skill{"Excel", 5}};
    auto a = member("A", Role::Mentee), b = member("B", Role::Mentee);
    a.learning_goals = {"Python"};
    b.learning_goals = {"Excel"};
    for (const MatchingMode mode : {MatchingMode::Optimal, MatchingMode::Fair, MatchingMode::Stable}) {
        const std::string mode_name = matching_mode_name(mode);
        CAPTURE(mode_name);
        MatchingSettings settings;
        settings.mode = mode;
        const MatchingProposal free = run(roster({m1, m2, a, b}), settings);
        REQUIRE(pair_of(free, "A") != nullptr);
        REQUIRE(pair_of(free, "A")->mentor_id == "M1");
        CHECK(pair_of(free, "B")->mentor_id == "M2");
        a.manager_id = "M1";
        const Document reporting = roster({m1, m2, a, b});
        const MatchingProposal p = run(reporting, settings);
        a.manager_id.clear();
        if (mode == MatchingMode::Stable) {
            // B and M2 prefer each other, so they stay together and A has nobody left.
            CHECK(p.pairs.size() == 1);
            CHECK(pair_of(p, "B")->mentor_id == "M2");
            REQUIRE(unmatched(p, "A") != nullptr);
            CHECK(unmatched(p, "A")->reason == "the only allowed mentor is at capacity");
        } else {
            CHECK(p.pairs.size() == 2);
            REQUIRE(pair_of(p, "A") != nullptr);
            CHECK(pair_of(p, "A")->mentor_id == "M2");
            CHECK(pair_of(p, "B")->mentor_id == "M1");
        }
        const MatchingPool pool = build_matching_pool(reporting, settings, kZones, default_reference_instant(reporting));
        CHECK(broken_hard_rules(pool, 0, 0, true) == kRuleReportingLine);  // A and M1
        CHECK(build_score_table(pool, 0).score(0, 0) == kForbiddenScore);
        CHECK(check_proposal(pool, p).empty());
    }
}

TEST_CASE("unmatched people get the reason: rules that left nobody, or capacity") {
    auto mentor = member("M", Role::Mentor);
    auto boss = member("Boss", Role::Mentee), a = member("A", Role::Mentee), b = member("B", Role::Mentee);
    mentor.manager_id = "Boss";
    auto polish = member("PL", Role::Mentee);
    polish.languages = {"Polski"};
    auto away = member("Away", Role::Mentor);
    away.active = false;
    const MatchingProposal p = run(roster({mentor, away, boss, a, b, polish}), {});
    CHECK(p.pairs.size() == 1);
    CHECK(unmatched(p, "Boss")->reason == "no allowed mentor: 1 inactive or without capacity, 1 in the same reporting line");
    CHECK(unmatched(p, "PL")->reason == "no allowed mentor: 1 inactive or without capacity, 2 no common language");
    const std::string left = pair_of(p, "A") ? "B" : "A";
    CHECK(unmatched(p, left)->reason == "the only allowed mentor is at capacity");
    CHECK(unmatched(p, "Away")->reason == "inactive or unwilling this wave");
    CHECK(unmatched(p, "Away")->role == Role::Mentor);
}

TEST_CASE("a program with no mentors, or no mentees, gives no pairs and says why, in every mode") {
    const auto ids = [](const std::vector<UnmatchedParticipant>& unmatched, Role role) {
        std::vector<std::string> found;
        for (const UnmatchedParticipant& u : unmatched)
            if (u.role == role) found.push_back(u.id);
        return found;
    };
    const Document no_mentors = roster({member("A", Role::Mentee), member("B", Role::Mentee)});
    const Document no_mentees = roster({member("M", Role::Mentor), member("N", Role::Mentor)});
    const Document nobody = roster({});
    for (const MatchingMode mode : {MatchingMode::Optimal, MatchingMode::Fair, MatchingMode::Stable}) {
        for (const int candidates : {0, 3}) {
            const std::string mode_name = matching_mode_name(mode);
            CAPTURE(mode_name);
            CAPTURE(candidates);
            MatchingSettings settings;
            settings.mode = mode;
            settings.candidates_per_mentee = candidates;

            MatchingRun run_without_mentors(no_mentors, settings, kZones, default_reference_instant(no_mentors));
            while (!run_without_mentors.step(7)) {
            }
            const ScoreTable& table = run_without_mentors.table();
            CHECK(table.rows == 2);
            CHECK(table.columns == 0);
            CHECK(table.entry_count() == 0);
            for (std::size_t row = 0; row < table.rows; ++row)
                table.for_each_in_row(row, [](std::size_t, std::int32_t) { FAIL_CHECK("a cell in an empty row"); });
            const MatchingProposal& p = run_without_mentors.proposal();
            CHECK(p.pairs.empty());
            CHECK(p.total_score == 0);
            CHECK(ids(p.unmatched, Role::Mentee) == std::vector<std::string>{"A", "B"});
            CHECK(unmatched(p, "A")->reason == "no mentors in the roster");
            CHECK(unmatched(p, "B")->reason == "no mentors in the roster");
            CHECK(check_proposal(run_without_mentors.pool(), p).empty());

            const MatchingProposal q = run(no_mentees, settings);
            CHECK(q.pairs.empty());
            CHECK(ids(q.unmatched, Role::Mentor) == std::vector<std::string>{"M", "N"});
            CHECK(unmatched(q, "M")->reason == "no mentees in the roster");
            CHECK(unmatched(q, "N")->reason == "no mentees in the roster");

            const MatchingProposal r = run(nobody, settings);
            CHECK(r.pairs.empty());
            CHECK(r.unmatched.empty());
        }
    }
}

TEST_CASE("group mentoring: a mentor takes as many mentees as their capacity") {
    auto mentor = member("M", Role::Mentor);
    mentor.capacity = 3;
    const MatchingProposal p = run(roster({mentor, member("A", Role::Mentee), member("B", Role::Mentee),
                                           member("C", Role::Mentee), member("D", Role::Mentee)}), {});
    CHECK(p.pairs.size() == 3);
    CHECK(p.unmatched.size() == 1);
}

TEST_CASE("the sparse mode reports its gap to the dense solution") {
    const Document d = demo(300, 23);
    MatchingSettings settings;
    settings.candidates_per_mentee = 3;
    const MatchingProposal sparse = run(d, settings);
    const MatchingProposal dense = run(d, {});
    REQUIRE(sparse.dense_total_score.has_value());
    CHECK(*sparse.dense_total_score == dense.total_score);
    CHECK(*sparse.dense_matched == dense.pairs.size());
    CHECK(sparse.pairs.size() <= dense.pairs.size());
    if (sparse.pairs.size() == dense.pairs.size()) CHECK(sparse.total_score <= dense.total_score);
    settings.candidates_per_mentee = 1000;  // every candidate kept: no gap
    const MatchingProposal all = run(d, settings);
    CHECK(all.total_score == dense.total_score);
    CHECK(all.pairs.size() == dense.pairs.size());
}

TEST_CASE("stable mode follows rankings and leaves no blocking pair") {
    auto m1 = member("M1", Role::Mentor), m2 = member("M2", Role::Mentor);
    auto s1 = member("S1", Role::Mentee), s2 = member("S2", Role::Mentee);
    // Both mentees want M1; M1 prefers S2. Scores would say otherwise (M1 teaches S1's goal).
    m1.skills = {Skill{"Python", 5}};
    s1.learning_goals = {"Python"};
    s1.preferences = {"M1", "M2"};
    s2.preferences = {"M1"};
    m1.preferences = {"S2", "S1"};
    MatchingSettings settings;
    settings.mode = MatchingMode::Stable;
    const MatchingProposal p = run(roster({m1, m2, s1, s2}), settings);
    CHECK(pair_of(p, "S2")->mentor_id == "M1");
    CHECK(pair_of(p, "S1")->mentor_id == "M2");
    CHECK(p.blocking_pairs == 0);
}

TEST_CASE("stable mode on random rankings with capacities: never a blocking pair") {
    SeededRandom random(404);
    for (int round = 0; round < 30; ++round) {
        Document d = demo(60, 1000 + static_cast<std::uint64_t>(round));
        std::vector<std::string> mentors, mentees;
        for (const Participant& p : d.participants) (p.role == Role::Mentor ? mentors : mentees).push_back(p.id);
        for (Participant& p : d.participants) {
            const auto& other = p.role == Role::Mentor ? mentees : mentors;
            for (int k = 0; k < 4 && !other.empty(); ++k)
                p.preferences.push_back(other[random.below(static_cast<std::uint32_t>(other.size()))]);
        }
        MatchingSettings settings;
        settings.mode = MatchingMode::Stable;
        settings.rules.require_junior_mentor = round % 2 == 0;
        MatchingRun matching(d, settings, kZones, default_reference_instant(d));
        while (!matching.step(1000)) {
        }
        CHECK(matching.proposal().blocking_pairs == 0);
        CHECK(check_proposal(matching.pool(), matching.proposal()).empty());
    }
}

TEST_CASE("accepting a proposal replaces the current wave's pairs and keeps what stays") {
    auto m1 = member("M1", Role::Mentor), m2 = member("M2", Role::Mentor);
    auto s1 = member("S1", Role::Mentee), s2 = member("S2", Role::Mentee);
    Document d = roster({m1, m2, s1, s2});
    Pair kept{"pair-0007", "R1", "M1", "S1", PairState::Active, "", "notes stay"};
    Pair dropped{"pair-0008", "R1", "M2", "S1", PairState::Active, "", ""};
    d.pairs = {kept, dropped};
    Session session;
    session.id = "ses-1";
    session.pair_id = "pair-0008";
    d.sessions.push_back(session);
    MatchingProposal proposal;
    proposal.pairs = {ProposedPair{"M1", "S1"}, ProposedPair{"M2", "S2"}};
    const Document after = accept_proposal(d, proposal);
    REQUIRE(after.pairs.size() == 2);
    CHECK(after.pairs[0] == kept);
    CHECK(after.pairs[1].id == "pair-0009");
    CHECK(after.pairs[1].mentee_id == "S2");
    CHECK(after.pairs[1].program_id == "R1");
    CHECK(after.sessions.empty());
}

TEST_CASE("dense tables score every pair exactly as the pair-by-pair rules and scoring do") {
    SeededRandom random(77);
    std::map<std::string, int> sole_rule_cases;  // pairs kept apart by one situation alone
    for (int round = 0; round < 24; ++round) {
        Document d = demo(60 + 37 * round, 500 + static_cast<std::uint64_t>(round));
        MatchingSettings settings;
        MatchingWeights& w = settings.weights;
        for (int* weight : {&w.skills, &w.interests, &w.language, &w.cross_department, &w.availability,
                            &w.seniority, &w.previous_partner})
            *weight = random.chance(15) ? 0 : static_cast<int>(random.below(kMaxWeight + 1));
        MatchingRules& rules = settings.rules;
        rules.require_common_language = random.chance(50);
        rules.forbid_same_department = random.chance(30);
        rules.require_junior_mentor = random.chance(60);
        rules.seniority_basis = static_cast<SeniorityBasis>(random.below(4));
        rules.forbid_previous_partners = random.chance(40);
        rules.rare_skills_count_more = random.chance(70);
        rules.minimum_overlap_minutes = static_cast<int>(random.below(5)) * 45;  // 0, and between slots
        rules.full_overlap_minutes = 30 + static_cast<int>(random.below(300));
        add_every_hard_rule_case(d, settings, random);
        const MatchingPool pool = build_matching_pool(d, settings, kZones, default_reference_instant(d));
        REQUIRE(pool.small_vocabularies);
        const ScoreTable table = build_score_table(pool, 0);
        int mismatches = 0;
        for (std::size_t t = 0; t < pool.mentee_count(); ++t)
            for (std::size_t m = 0; m < pool.mentor_count(); ++m) {
                if (const std::string rule = sole_hard_rule(pool, t, m); !rule.empty()) ++sole_rule_cases[rule];
                const bool allowed = pool.mentees[t].active && broken_hard_rules(pool, t, m) == 0;
                const std::int32_t expected = allowed ? score_pair(pool, t, m) : kForbiddenScore;
                if (table.dense[t * table.columns + m] != expected && ++mismatches <= 5)
                    FAIL_CHECK("round " << round << ", mentee " << t << ", mentor " << m << ": table "
                                        << table.dense[t * table.columns + m] << ", pair by pair " << expected);
            }
        CHECK(mismatches == 0);
    }
    // A rule the rosters never break alone could be missing from the row scorer unnoticed.
    for (const char* situation :
         {"inactive mentee", "inactive mentor", "mentor without capacity", "the mentee reports to the mentor",
          "the mentee reports to the mentor through a middle manager", "the mentor reports to the mentee",
          "the mentor reports to the mentee through a middle manager", "same department", "no common language",
          "mentor not junior", "partners in an earlier wave", "too little shared weekly time",
          "forbidden by the coordinator"}) {
        CAPTURE(situation);
        CHECK(sole_rule_cases[situation] > 0);
    }
    CHECK(sole_rule_cases.size() == 13);
}

TEST_CASE("the sparse mode's candidates are exactly each mentee's best k by score, then roster order") {
    for (const int people : {80, 400}) {
        Document d = demo(people, 31 + static_cast<std::uint64_t>(people));
        MatchingSettings settings;
        settings.weights.interests = 30;  // another mix of criteria than the defaults
        const MatchingPool pool = build_matching_pool(d, settings, kZones, default_reference_instant(d));
        REQUIRE(pool.small_vocabularies);
        for (const int k : {1, 5, 40}) {
            const ScoreTable table = build_score_table(pool, k);
            for (std::size_t t = 0; t < pool.mentee_count(); ++t) {
                std::vector<std::pair<std::int32_t, std::int32_t>> all;
                if (pool.mentees[t].active)
                    for (std::size_t m = 0; m < pool.mentor_count(); ++m)
                        if (broken_hard_rules(pool, t, m) == 0)
                            all.emplace_back(score_pair(pool, t, m), static_cast<std::int32_t>(m));
                std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
                    return a.first != b.first ? a.first > b.first : a.second < b.second;
                });
                if (all.size() > static_cast<std::size_t>(k)) all.resize(static_cast<std::size_t>(k));
                std::vector<std::pair<std::int32_t, std::int32_t>> kept;
                for (std::size_t e = table.row_begin[t]; e < table.row_begin[t + 1]; ++e)
                    kept.emplace_back(table.entry_score[e], table.entry_column[e]);
                CHECK(kept == all);
            }
        }
    }
}
