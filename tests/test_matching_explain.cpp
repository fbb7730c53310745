// Explanations as a coordinator reads them (explain): each pair in words agreeing with its
// breakdown, why-not naming every rule with its data, the price of forcing a pair against an
// exhaustive search, candidates side by side and the nearest fix for someone unmatched.
#include <doctest/doctest.h>

#include <map>

#include "core/matching/detail/availability.h"
#include "core/matching/detail/pair_sentences.h"
#include "core/matching/detail/pool.h"
#include "core/matching/detail/scoring.h"
#include "core/matching/explainer.h"
#include "core/matching/nearest_fix.h"
#include "core/matching/pair_candidates.h"
#include "core/matching/why_not.h"
#include "core/text.h"
#include "matching_test_support.h"

using namespace flipside;
using namespace flipside::matching;
using namespace flipside::matching_testing;

namespace {

const FixedOffsets kZones;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> folded(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (const std::string& n : names)
        if (!trim_space(n).empty()) out.push_back(fold_ascii(trim_space(n)));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::size_t common(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> both;
    const auto x = folded(a), y = folded(b);
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(both));
    return both.size();
}

const std::string* sentence_of(const std::vector<PairSentence>& sentences, Criterion criterion) {
    const std::string* found = nullptr;
    for (const PairSentence& s : sentences)
        if (s.criterion == criterion) {
            REQUIRE(found == nullptr);  // one sentence per criterion
            found = &s.text;
        }
    return found;
}

Participant person(const std::string& id, const std::string& name, Role role, int level) {
    Participant p = member(id, role, level);
    p.name = name;
    return p;
}

WhyNot explain(const Document& d, const MatchingSettings& settings, const std::string& mentor, const std::string& mentee) {
    const MatchingExplainer explainer(d, settings, kZones, default_reference_instant(d));
    auto answer = why_not(explainer, mentor, mentee);
    REQUIRE(answer.ok());
    return *answer;
}

}  // namespace

TEST_CASE("explain: the words of every pair agree with its breakdown on random rosters, every rule mode and both roles") {
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        SeededRandom random(seed * 7919);
        Document d = make_demo_program(50, seed, 1767614400);
        MatchingSettings settings = d.current_program()->matching;
        add_every_hard_rule_case(d, settings, random);
        for (std::size_t c = 0; c < kCriterionCount; ++c)
            settings.weights.set(static_cast<Criterion>(c), random.chance(20) ? 0 : static_cast<int>(random.below(101)));
        settings.rules.seniority_basis = static_cast<SeniorityBasis>(seed % 4);
        settings.rules.rare_skills_count_more = seed % 3 != 0;
        settings.rules.full_overlap_minutes = seed % 5 == 0 ? 0 : 120;
        const MatchingExplainer explainer(d, settings, kZones, default_reference_instant(d));
        const MatchingPool& pool = explainer.pool();
        const UtcSeconds instant = default_reference_instant(d);
        for (std::size_t t = 0; t < pool.mentee_count(); ++t) {
            for (std::size_t m = 0; m < pool.mentor_count(); ++m) {
                const Participant& mentee = pool.mentee_participant(t);
                const Participant& mentor = pool.mentor_participant(m);
                ScoreBreakdown breakdown{};
                score_pair(pool, t, m, &breakdown);
                const auto points = [&](Criterion c) { return breakdown[static_cast<std::size_t>(c)]; };
                const std::vector<PairSentence> words = pair_sentences(pool, t, m);
                for (const PairSentence& s : words) {
                    CHECK(s.points == points(s.criterion));
                    CHECK_FALSE(has(s.text, mentee.id + " "));  // names, never ids
                    CHECK_FALSE(has(s.text, mentor.id + " "));
                }
                for (std::size_t c = 0; c < kCriterionCount; ++c) {
                    const auto criterion = static_cast<Criterion>(c);
                    const std::string* text = sentence_of(words, criterion);
                    if (settings.weights.of(criterion) == 0) {
                        CHECK(text == nullptr);
                        continue;
                    }
                    if (criterion == Criterion::PreviousPartner) {
                        CHECK((text != nullptr) == (points(criterion) != 0));
                        continue;
                    }
                    REQUIRE(text != nullptr);
                    // Each fact checked from the roster itself, not from the pool the words came from.
                    std::vector<std::string> skill_names;
                    for (const Skill& s : mentor.skills) skill_names.push_back(s.name);
                    switch (criterion) {
                        case Criterion::Skills: {
                            const std::size_t taught = common(skill_names, mentee.learning_goals);
                            CHECK(has(*text, "teaches none") == (taught == 0 && !folded(mentee.learning_goals).empty()));
                            if (points(criterion) > 0) CHECK(taught > 0);
                            if (taught > 0) CHECK(has(*text, "/5)"));
                            break;
                        }
                        case Criterion::Interests:
                            CHECK(has(*text, "Both like") == (common(mentor.interests, mentee.interests) > 0));
                            CHECK(has(*text, "Both like") == (points(criterion) > 0));
                            break;
                        case Criterion::Language:
                            CHECK(has(*text, "Both speak") == (common(mentor.languages, mentee.languages) > 0));
                            CHECK(has(*text, "Both speak") == (points(criterion) > 0));
                            break;
                        case Criterion::CrossDepartment:
                            CHECK(has(*text, "Different departments") == (points(criterion) > 0));
                            CHECK(has(*text, "Both in") == (!trim_space(mentor.department).empty() &&
                                                            fold_ascii(trim_space(mentor.department)) == fold_ascii(trim_space(mentee.department))));
                            break;
                        case Criterion::Availability: {
                            const int shared = weekly_overlap_minutes(mentee.availability, kZones.utc_offset_seconds(mentee.time_zone, instant),
                                                                      mentor.availability, kZones.utc_offset_seconds(mentor.time_zone, instant));
                            CHECK(has(*text, "They share") == (shared > 0));
                            if (points(criterion) > 0) CHECK(shared > 0);
                            break;
                        }
                        case Criterion::Seniority: {
                            const bool said_not = has(*text, "senior to") || has(*text, "are both level") || has(*text, "did not join after");
                            CHECK(said_not == (points(criterion) == 0));
                            break;
                        }
                        default: break;
                    }
                }
                for (const Role viewer : {Role::Mentor, Role::Mentee}) {
                    const std::vector<std::string> own = own_pair_sentences(pool, t, m, viewer);
                    std::size_t expected = 0;
                    std::vector<std::string> skill_names;
                    for (const Skill& s : mentor.skills) skill_names.push_back(s.name);
                    expected += common(skill_names, mentee.learning_goals) > 0;
                    expected += common(mentor.interests, mentee.interests) > 0;
                    expected += pool.overlap_minutes(t, m) > 0;
                    expected += common(mentor.languages, mentee.languages) > 0;
                    CHECK(own.size() == expected);
                    for (const std::string& s : own) {
                        CHECK((has(s, "You") || has(s, "your")));
                        CHECK_FALSE(has(s, "level"));
                        CHECK_FALSE(has(s, "few mentors"));
                        CHECK_FALSE(has(s, "No "));
                    }
                }
            }
        }
    }
}

TEST_CASE("explain: the shared hours are said in both people's zones, the longest span first") {
    Participant mentor = person("M1", "Rhys Hughes", Role::Mentor, 2);
    Participant mentee = person("S1", "Γιώργος Παπαδόπουλος", Role::Mentee, 9);
    mentor.time_zone = "Europe/London";
    mentee.time_zone = "Asia/Singapore";
    mentor.availability = {WeeklyWindow{1, 9 * 60, 11 * 60 + 30}, WeeklyWindow{3, 8 * 60, 10 * 60}};
    mentee.availability = {WeeklyWindow{1, 16 * 60, 20 * 60}, WeeklyWindow{3, 16 * 60, 18 * 60}};
    mentor.skills = {Skill{"Python", 4}, Skill{"Power BI", 5}};
    mentee.learning_goals = {"python", "Power BI", "SQL"};
    mentor.interests = {"Jazz", "Chess"};
    mentee.interests = {"jazz"};
    mentor.department = "IT";
    mentee.department = "Finance";
    const Document d = roster({mentor, mentee});
    MatchingSettings settings;
    settings.rules.rare_skills_count_more = false;
    const MatchingExplainer explainer(d, settings, kZones, default_reference_instant(d));
    const auto words = pair_words(explainer, "M1", "S1");
    REQUIRE(words.ok());
    std::map<Criterion, std::string> by;
    for (const PairSentence& s : *words) by[s.criterion] = s.text;
    CHECK(by[Criterion::Skills] == "Rhys Hughes teaches Python (4/5) and Power BI (5/5), two of Γιώργος Παπαδόπουλος's three goals.");
    CHECK(by[Criterion::Interests] == "Both like Jazz.");
    CHECK(by[Criterion::Availability] ==
          "They share Tuesday 09:00–11:30 London = Tuesday 17:00–19:30 Singapore and two more hours a week.");
    CHECK(by[Criterion::CrossDepartment] == "Different departments (IT, Finance).");
    CHECK(by[Criterion::Seniority] == "Rhys Hughes is seven levels junior to Γιώργος Παπαδόπουλος.");
    CHECK(by[Criterion::Language] == "Both speak English.");
    const auto own = own_pair_words(explainer, "M1", "S1", "S1");
    REQUIRE(own.ok());
    CHECK(own->at(0) == "Rhys Hughes teaches Python (4/5) and Power BI (5/5), two of your three goals.");
    CHECK(own->at(2) == "You share Tuesday 17:00–19:30 Singapore = Tuesday 09:00–11:30 London and two more hours a week.");
    CHECK_FALSE(own_pair_words(explainer, "M1", "S1", "someone-else").ok());
    CHECK_FALSE(pair_words(explainer, "S1", "M1").ok());
}

TEST_CASE("explain: why not names each hard rule with the data that triggers it") {
    const Participant chloe = person("C", "Chloé Martin", Role::Mentor, 2);
    const Participant agnieszka = person("A", "Agnieszka Nowak", Role::Mentee, 9);
    const auto reasons_of = [](const Document& d, const MatchingSettings& settings) {
        const WhyNot answer = explain(d, settings, "C", "A");
        CHECK_FALSE(answer.allowed);
        CHECK_FALSE(answer.forced);
        return answer.reasons;
    };
    SUBCASE("reporting line, through a middle manager") {
        Participant mentor = chloe, ethan = person("E", "Ethan Brown", Role::Mentee, 12);
        mentor.manager_id = "E";
        ethan.manager_id = "A";
        const auto reasons = reasons_of(roster({mentor, agnieszka, ethan}), {});
        REQUIRE(reasons.size() == 1);
        CHECK(reasons[0].rule == kRuleReportingLine);
        CHECK(reasons[0].text == "Chloé Martin reports to Agnieszka Nowak through Ethan Brown");
    }
    SUBCASE("same department, languages, seniority, overlap: every one at once") {
        Participant mentor = chloe, mentee = agnieszka;
        mentor.department = mentee.department = "Finance";
        mentor.languages = {"French"};
        mentee.languages = {"Polish"};
        mentor.level = 8;
        mentee.level = 6;
        mentor.availability = {WeeklyWindow{0, 9 * 60, 9 * 60 + 30}};
        MatchingSettings settings;
        settings.rules.forbid_same_department = true;
        const auto reasons = reasons_of(roster({mentor, mentee}), settings);
        REQUIRE(reasons.size() == 4);
        CHECK(reasons[0].rule == kRuleNoCommonLanguage);
        CHECK(reasons[0].text == "No common language: Chloé Martin speaks French, Agnieszka Nowak Polish");
        CHECK(reasons[1].rule == kRuleSameDepartment);
        CHECK(reasons[1].text == "Both in Finance");
        CHECK(reasons[2].rule == kRuleMentorNotJunior);
        CHECK(reasons[2].text == "Chloé Martin (level 8) is senior to Agnieszka Nowak (level 6)");
        CHECK(reasons[3].rule == kRuleTooLittleOverlap);
        CHECK(reasons[3].text == "Only 30 minutes a week in common, 1 hour needed");
    }
    SUBCASE("forbidden, inactive, earlier partners") {
        Participant mentee = agnieszka;
        mentee.active = false;
        Document d = roster({chloe, mentee});
        Pair earlier;
        earlier.id = "old";
        earlier.program_id = "R0";
        earlier.mentor_id = "C";
        earlier.mentee_id = "A";
        d.pairs.push_back(earlier);
        MatchingSettings settings;
        settings.forbidden_pairs = {PairKey{"C", "A"}};
        settings.rules.forbid_previous_partners = true;
        const auto reasons = reasons_of(d, settings);
        REQUIRE(reasons.size() == 3);
        CHECK(reasons[0].text == "Agnieszka Nowak is inactive this wave");
        CHECK(reasons[1].rule == kRuleForbidden);
        CHECK(reasons[2].rule == kRulePreviousPartner);
    }
    SUBCASE("unknown ids are refused, naming the id") {
        const Document d = roster({chloe, agnieszka});
        const MatchingExplainer explainer(d, {}, kZones, default_reference_instant(d));
        const auto answer = why_not(explainer, "A", "C");
        REQUIRE_FALSE(answer.ok());
        CHECK(has(answer.message(), "no mentor with id \"A\""));
    }
}

TEST_CASE("explain: on random rosters the reasons are exactly the broken rules, the sole rule named") {
    SeededRandom random(77);
    Document d = make_demo_program(60, 3, 1767614400);
    MatchingSettings settings = d.current_program()->matching;
    add_every_hard_rule_case(d, settings, random);
    settings.rules.forbid_same_department = true;
    settings.rules.forbid_previous_partners = true;
    const MatchingExplainer explainer(d, settings, kZones, default_reference_instant(d));
    const MatchingProposal base = run_matching(d, settings, kZones, default_reference_instant(d));
    const MatchingPool& pool = explainer.pool();
    std::size_t sole = 0;
    for (std::size_t t = 0; t < pool.mentee_count(); ++t)
        for (std::size_t m = 0; m < pool.mentor_count(); ++m) {
            const std::uint32_t broken = broken_hard_rules(pool, t, m, true);
            if (broken == 0) continue;  // allowed pairs re-solve: the brute-force case covers them
            const auto answer = why_not(explainer, pool.mentor_participant(m).id, pool.mentee_participant(t).id, &base);
            REQUIRE(answer.ok());
            std::uint32_t said = 0;
            for (const RuleReason& r : answer->reasons) {
                said |= r.rule;
                CHECK_FALSE(r.text.empty());
            }
            CHECK(said == broken);
            if (sole_hard_rule(pool, t, m) == "the mentee reports to the mentor through a middle manager") {
                CHECK(has(answer->reasons[0].text, pool.mentee_participant(t).name + " reports to "));
                CHECK(has(answer->reasons[0].text, " through "));
                ++sole;
            }
        }
    CHECK(sole > 0);
}

TEST_CASE("explain: forcing a pair costs exactly what an exhaustive search with the pair fixed says") {
    std::size_t forced_checked = 0;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        SeededRandom random(seed);
        Document d = make_demo_program(7 + static_cast<int>(seed % 5), seed * 31, 1767614400);
        for (Participant& p : d.participants)
            if (p.role == Role::Mentor) p.capacity = static_cast<int>(random.below(3));
        const MatchingSettings settings = d.current_program()->matching;
        const MatchingExplainer explainer(d, settings, kZones, default_reference_instant(d));
        const MatchingPool& pool = explainer.pool();
        const ScoreTable table = build_score_table(pool, 0);
        std::vector<int> capacity;
        for (const MatchingProfile& m : pool.mentors) capacity.push_back(m.active ? m.capacity : 0);
        std::vector<char> enabled(pool.mentee_count(), 1);
        const Objective best = exhaustive_best(table, capacity, enabled, more_then_total);
        const MatchingProposal base = run_matching(d, settings, kZones, default_reference_instant(d));
        CHECK(base.total_score == best.total);
        for (std::size_t t = 0; t < pool.mentee_count(); ++t)
            for (std::size_t m = 0; m < pool.mentor_count(); ++m) {
                const auto answer = why_not(explainer, pool.mentor_participant(m).id, pool.mentee_participant(t).id, &base);
                REQUIRE(answer.ok());
                CHECK(answer->best_total == best.total);
                CHECK(answer->allowed == (table.score(t, m) != kForbiddenScore));
                if (!answer->allowed) continue;
                std::vector<int> rest_capacity = capacity;
                std::vector<char> rest_enabled = enabled;
                --rest_capacity[m];
                rest_enabled[t] = 0;
                const Objective rest = exhaustive_best(table, rest_capacity, rest_enabled, more_then_total);
                REQUIRE(answer->forced);
                CHECK(answer->forced->total_score == rest.total + table.score(t, m));
                CHECK(answer->forced->matched == rest.matched + 1);
                CHECK(answer->score == table.score(t, m));
                // The changes turn the base proposal into the forced one.
                std::map<std::string, std::string> mentor_of;
                for (const ProposedPair& p : base.pairs) mentor_of[p.mentee_id] = p.mentor_id;
                for (const MentorChange& change : answer->forced->difference.changes) {
                    CHECK(mentor_of.count(change.mentee_id) == (change.from_mentor_id ? 1u : 0u));
                    if (change.to_mentor_id) mentor_of[change.mentee_id] = *change.to_mentor_id;
                    else mentor_of.erase(change.mentee_id);
                }
                std::map<std::string, std::string> forced_of;
                for (const ProposedPair& p : answer->forced->proposal.pairs) forced_of[p.mentee_id] = p.mentor_id;
                CHECK(mentor_of == forced_of);
                CHECK(forced_of[pool.mentee_participant(t).id] == pool.mentor_participant(m).id);
                ++forced_checked;
            }
    }
    CHECK(forced_checked > 100);
}

TEST_CASE("explain: candidates side by side, best first, the proposal's choice marked, forbidden ones with their reason") {
    Participant m1 = person("M1", "Ana Silva", Role::Mentor, 2), m2 = person("M2", "Ben Okafor", Role::Mentor, 2),
                m3 = person("M3", "Chloé Martin", Role::Mentor, 2);
    Participant s1 = person("S1", "Agnieszka Nowak", Role::Mentee, 9);
    m1.skills = {Skill{"Python", 5}};
    m2.skills = {Skill{"Python", 3}};
    m3.skills = {Skill{"Python", 5}, Skill{"SQL", 5}};
    m3.languages = {"French"};
    s1.learning_goals = {"Python", "SQL"};
    const Document d = roster({m1, m2, m3, s1});
    const MatchingExplainer explainer(d, {}, kZones, default_reference_instant(d));
    const MatchingProposal base = run_matching(d, {}, kZones, default_reference_instant(d));
    const auto list = pair_candidates(explainer, "S1", 2, &base);
    REQUIRE(list.ok());
    REQUIRE(list->size() == 2);
    CHECK(list->at(0).partner_id == "M3");
    CHECK(list->at(0).forbidden_by.at(0).rule == kRuleNoCommonLanguage);
    CHECK_FALSE(list->at(0).chosen);
    CHECK(list->at(1).partner_id == "M1");
    CHECK(list->at(1).chosen);
    CHECK(list->at(1).score > list->at(0).score - 1000000);
    const auto allowed = pair_candidates(explainer, "S1", 1, &base, false);
    REQUIRE(allowed.ok());
    REQUIRE(allowed->size() == 1);
    CHECK(allowed->at(0).partner_id == "M1");
    const auto of_mentor = pair_candidates(explainer, "M2", 5, &base);
    REQUIRE(of_mentor.ok());
    CHECK(of_mentor->size() == 1);
    CHECK_FALSE(pair_candidates(explainer, "nobody", 3, &base).ok());
}

TEST_CASE("explain: the nearest fix for an unmatched person is computed by re-solving") {
    SUBCASE("a rule that leaves nobody: turning it off pairs them") {
        Participant mentor = person("M1", "Rhys Hughes", Role::Mentor, 2), mentee = person("S1", "Γιώργος Παπαδόπουλος", Role::Mentee, 9);
        mentee.languages = {"Greek"};
        const Document d = roster({mentor, mentee});
        const MatchingExplainer explainer(d, {}, kZones, default_reference_instant(d));
        const MatchingProposal base = run_matching(d, {}, kZones, default_reference_instant(d));
        REQUIRE(base.pairs.empty());
        const auto fix = nearest_fix(explainer, "S1", base);
        REQUIRE(fix.ok());
        REQUIRE(fix->nearest);
        const FixOption& option = fix->options[*fix->nearest];
        CHECK(option.kind == FixKind::RuleOff);
        CHECK(option.rule == kRuleNoCommonLanguage);
        CHECK(option.paired_with == std::optional<std::string>("M1"));
        CHECK(has(fix->text, "with *A common language is required* off, 1 mentor qualifies, best Rhys Hughes "));
        CHECK(has(fix->text, fix->reason));
    }
    SUBCASE("a full mentor: one more place pairs them without changing anyone else") {
        Participant mentor = person("M1", "Rhys Hughes", Role::Mentor, 2);
        Participant a = person("S1", "Ana", Role::Mentee, 9), b = person("S2", "Bo", Role::Mentee, 9);
        a.interests = mentor.interests = {"Jazz"};
        const Document d = roster({mentor, a, b});
        const MatchingExplainer explainer(d, {}, kZones, default_reference_instant(d));
        const MatchingProposal base = run_matching(d, {}, kZones, default_reference_instant(d));
        REQUIRE(base.pairs.size() == 1);
        CHECK(base.pairs[0].mentee_id == "S1");
        const auto fix = nearest_fix(explainer, "S2", base);
        REQUIRE(fix.ok());
        REQUIRE(fix->nearest);
        const FixOption& option = fix->options[*fix->nearest];
        CHECK(option.kind == FixKind::MoreCapacity);
        CHECK(option.new_capacity == 2);
        CHECK(option.other_pairs_changed == 0);
        CHECK(option.paired_with == std::optional<std::string>("M1"));
        bool lock_tried = false;
        for (const FixOption& o : fix->options)
            if (o.kind == FixKind::LockBest) lock_tried = o.other_pairs_changed == 1;
        CHECK(lock_tried);
        const auto paired = nearest_fix(explainer, "S1", base);
        REQUIRE(paired.ok());
        CHECK(paired->reason == "paired with Rhys Hughes");
        CHECK(paired->options.empty());
    }
}
