// Shared by the test_matching_*.cpp files: tiny rosters and an exhaustive reference solver.
#pragma once

#include <algorithm>
#include <climits>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/demo_program.h"
#include "core/matching/detail/score_table.h"
#include "core/model.h"

namespace flipside::matching_testing {
using namespace flipside::matching;

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
