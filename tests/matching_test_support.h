// Shared by the test_matching_*.cpp files: tiny rosters and an exhaustive reference solver.
#pragma once

#include <algorithm>
#include <climits>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/demo_program.h"
#include "core/matching/detail/rules.h"
#include "core/matching/detail/score_table.h"
#include "core/model.h"
#include "core/time_zone_catalog.h"

namespace flipside::matching_testing {
using namespace flipside::matching;

// Fixed offsets by zone name, standing in for real rules.
class FixedOffsets final : public TimeZoneCatalog {
public:
    bool is_known(const std::string&) const override { return true; }
    int utc_offset_seconds(const std::string& name, UtcSeconds) const override {
        static const std::map<std::string, int> offsets = {{"UTC", 0},
                                                           {"Europe/Berlin", 3600},
                                                           {"Europe/London", 0},
                                                           {"Asia/Kolkata", 19800},
                                                           {"Asia/Singapore", 28800},
                                                           {"America/New_York", -18000}};
        const auto found = offsets.find(name);
        return found == offsets.end() ? 0 : found->second;
    }
};

inline Participant member(const std::string& id, Role role, int level = 0) {
    Participant p;
    p.id = id;
    p.name = id;
    p.email = id + "@example.com";
    p.role = role;
    p.level = level > 0 ? level : (role == Role::Mentor ? 2 : 9);
    p.time_zone = "UTC";
    p.languages = {"English"};
    p.availability = {WeeklyWindow{0, 9 * 60, 12 * 60}};
    return p;
}

inline Document roster(const std::vector<Participant>& people) {
    Document d;
    Program program;
    program.id = "R1";
    program.name = "Wave 1";
    d.programs.push_back(program);
    d.participants = people;
    return d;
}

// Reworks a (demo) roster and the settings' pair lists so that a comparison over them meets
// every hard-rule situation, each now and then as the only rule that keeps a pair apart:
// reporting lines both ways (the mentor in the mentee's chain and the mentee in the mentor's,
// directly and through a middle manager), the same department (and none given), no common
// language (and none listed), mentors not junior by level or by tenure (and tenure unknown),
// earlier partners, too little shared weekly time (and none), inactive people, mentors without
// capacity, pairs the coordinator forbade. Which rules are switched on stays the caller's.
inline void add_every_hard_rule_case(Document& d, MatchingSettings& settings, SeededRandom& random) {
    std::vector<Participant*> everyone, mentors, mentees;
    for (Participant& p : d.participants) {
        everyone.push_back(&p);
        (p.role == Role::Mentor ? mentors : mentees).push_back(&p);
    }
    if (mentors.empty() || mentees.empty()) return;
    const auto pick = [&random](const std::vector<Participant*>& from) {
        return from[random.below(static_cast<std::uint32_t>(from.size()))];
    };
    // The demo's managers are all mentees, so no mentee ever reports to a mentor there.
    for (std::size_t k = 0; k < 4 + everyone.size() / 8; ++k) {
        Participant* mentee = pick(mentees);
        Participant* mentor = pick(mentors);
        Participant* middle = pick(everyone);
        switch (k % 4) {
            case 0: mentee->manager_id = mentor->id; break;
            case 1: mentee->manager_id = middle->id, middle->manager_id = mentor->id; break;
            case 2: mentor->manager_id = mentee->id; break;
            default: mentor->manager_id = middle->id, middle->manager_id = mentee->id; break;
        }
    }
    static const char* const kLanguages[] = {"English", "Deutsch", "Polski", "Español"};
    for (Participant* p : everyone) {
        if (random.chance(25)) p->level = kMinLevel + static_cast<int>(random.below(kMaxLevel));
        if (random.chance(30))
            p->hire_date = Date{2000 + static_cast<int>(random.below(26)), 1 + static_cast<int>(random.below(12)),
                                1 + static_cast<int>(random.below(28))};
        else if (random.chance(10))
            p->hire_date.reset();
        if (random.chance(15)) p->languages = {kLanguages[random.below(4)]};
        else if (random.chance(4)) p->languages.clear();
        if (random.chance(5)) p->department.clear();
        if (random.chance(4)) p->availability.clear();
        if (random.chance(5)) p->active = false;
        if (p->role == Role::Mentor && random.chance(5)) p->capacity = 0;
    }
    // Earlier partners and forbidden pairs from the roster itself.
    for (int f = 0; f < 20; ++f) {
        const Participant* mentor = pick(mentors);
        const Participant* mentee = pick(mentees);
        if (f % 2 == 0) {
            settings.forbidden_pairs.push_back(PairKey{mentor->id, mentee->id});
        } else {
            Pair earlier;
            earlier.id = "EARLIER" + std::to_string(f);
            earlier.program_id = "EARLIER-WAVE";
            earlier.mentor_id = mentor->id;
            earlier.mentee_id = mentee->id;
            d.pairs.push_back(earlier);
        }
    }
}

// The one situation that keeps a pair apart, named as hard_rule_phrase does, with the reporting
// line told apart by direction and by whether a middle manager links the two; "" when the pair
// is allowed or more than one rule forbids it.
inline std::string sole_hard_rule(const MatchingPool& pool, std::size_t mentee, std::size_t mentor) {
    const std::uint32_t broken = broken_hard_rules(pool, mentee, mentor, true);
    if (broken == 0 || (broken & (broken - 1)) != 0) return "";
    const MatchingProfile& a = pool.mentees[mentee];
    const MatchingProfile& b = pool.mentors[mentor];
    if (broken == kRuleInactive) return !a.active ? "inactive mentee" : !b.active ? "inactive mentor" : "mentor without capacity";
    if (broken != kRuleReportingLine) return hard_rule_phrase(broken);
    const Participant& mentee_person = pool.mentee_participant(mentee);
    const Participant& mentor_person = pool.mentor_participant(mentor);
    if (b.line_enter <= a.line_enter && a.line_enter < b.line_leave)
        return mentee_person.manager_id == mentor_person.id ? "the mentee reports to the mentor"
                                                            : "the mentee reports to the mentor through a middle manager";
    return mentor_person.manager_id == mentee_person.id ? "the mentor reports to the mentee"
                                                        : "the mentor reports to the mentee through a middle manager";
}

// A random dense table: `forbid_percent` of the cells forbidden, scores in [0, max_score].
inline ScoreTable random_table(SeededRandom& random, std::size_t rows, std::size_t columns, int forbid_percent,
                               int max_score) {
    ScoreTable table;
    table.rows = rows;
    table.columns = columns;
    table.dense.resize(rows * columns);
    for (auto& cell : table.dense)
        cell = random.chance(forbid_percent) ? kForbiddenScore
                                             : static_cast<std::int32_t>(random.below(static_cast<std::uint32_t>(max_score) + 1));
    return table;
}

// The same table held sparse with every allowed entry (k = all).
inline ScoreTable as_sparse(const ScoreTable& dense) {
    ScoreTable table;
    table.rows = dense.rows;
    table.columns = dense.columns;
    table.sparse = true;
    table.row_begin.push_back(0);
    for (std::size_t r = 0; r < dense.rows; ++r) {
        dense.for_each_in_row(r, [&](std::size_t c, std::int32_t s) {
            table.entry_column.push_back(static_cast<std::int32_t>(c));
            table.entry_score.push_back(s);
        });
        table.row_begin.push_back(table.entry_column.size());
    }
    return table;
}

struct Objective {
    std::size_t matched = 0;
    long long lowest = LLONG_MAX;  // only used by the fair comparison
    long long total = 0;
};

inline Objective objective_of(const ScoreTable& table, const std::vector<int>& mentor_of) {
    Objective o;
    for (std::size_t r = 0; r < mentor_of.size(); ++r) {
        if (mentor_of[r] < 0) continue;
        const long long s = table.score(r, static_cast<std::size_t>(mentor_of[r]));
        ++o.matched;
        o.total += s;
        o.lowest = std::min(o.lowest, s);
    }
    return o;
}

// Tries every assignment; `better(a, b)` says whether a beats b.
inline Objective exhaustive_best(const ScoreTable& table, const std::vector<int>& capacity,
                                 const std::vector<char>& enabled,
                                 const std::function<bool(const Objective&, const Objective&)>& better) {
    std::vector<int> load(table.columns, 0), choice(table.rows, -1);
    Objective best;
    bool have = false;
    std::function<void(std::size_t)> visit = [&](std::size_t row) {
        if (row == table.rows) {
            const Objective o = objective_of(table, choice);
            if (!have || better(o, best)) best = o, have = true;
            return;
        }
        choice[row] = -1;
        visit(row + 1);
        if (!enabled[row]) return;
        for (std::size_t c = 0; c < table.columns; ++c) {
            if (table.score(row, c) == kForbiddenScore || load[c] >= capacity[c]) continue;
            ++load[c];
            choice[row] = static_cast<int>(c);
            visit(row + 1);
            --load[c];
        }
        choice[row] = -1;
    };
    visit(0);
    return best;
}

inline bool more_then_total(const Objective& a, const Objective& b) {
    return a.matched != b.matched ? a.matched > b.matched : a.total > b.total;
}
inline bool more_then_lowest_then_total(const Objective& a, const Objective& b) {
    if (a.matched != b.matched) return a.matched > b.matched;
    if (a.lowest != b.lowest) return a.lowest > b.lowest;
    return a.total > b.total;
}

}  // namespace flipside::matching_testing
