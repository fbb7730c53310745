// The exact and fair solvers against exhaustive search, dense and sparse, with capacities,
// forbidden pairs and ties; slicing must not change the answer.
#include <doctest/doctest.h>

#include "core/matching/detail/assignment.h"
#include "core/matching/detail/fair.h"
#include "matching_test_support.h"

using namespace flipside;
using namespace flipside::matching;
using namespace flipside::matching_testing;

namespace {

std::vector<int> solve(const ScoreTable& table, const std::vector<int>& capacity, const std::vector<char>& enabled,
                       std::int64_t budget = INT64_MAX / 4) {
    AssignmentSolver solver(AssignmentInput{&table, capacity, enabled});
    while (!solver.step(budget)) {
    }
    return solver.mentor_of_mentee();
}

void check_valid(const ScoreTable& table, const std::vector<int>& capacity, const std::vector<char>& enabled,
                 const std::vector<int>& mentor_of) {
    std::vector<int> load(table.columns, 0);
    for (std::size_t r = 0; r < mentor_of.size(); ++r) {
        if (mentor_of[r] < 0) continue;
        CHECK(enabled[r]);
        CHECK(table.score(r, static_cast<std::size_t>(mentor_of[r])) != kForbiddenScore);
        ++load[static_cast<std::size_t>(mentor_of[r])];
    }
    for (std::size_t c = 0; c < table.columns; ++c) CHECK(load[c] <= capacity[c]);
}

}  // namespace

TEST_CASE("exact solver matches exhaustive search on small random instances") {
    SeededRandom random(20260105);
    for (int instance = 0; instance < 300; ++instance) {
        const std::size_t rows = 1 + random.below(6), columns = 1 + random.below(4);
        // Few distinct scores on purpose: many ties.
        const int max_score = instance % 3 == 0 ? 3 : 1000;
        const ScoreTable table = random_table(random, rows, columns, static_cast<int>(random.below(60)), max_score);
        std::vector<int> capacity(columns);
        for (auto& c : capacity) c = static_cast<int>(random.below(3));
        std::vector<char> enabled(rows, 1);
        if (rows > 2) enabled[random.below(static_cast<std::uint32_t>(rows))] = 0;

        const Objective best = exhaustive_best(table, capacity, enabled, more_then_total);
        for (const ScoreTable& shape : {table, as_sparse(table)}) {
            const auto answer = solve(shape, capacity, enabled);
            check_valid(table, capacity, enabled, answer);
            const Objective got = objective_of(table, answer);
            CHECK(got.matched == best.matched);
            CHECK(got.total == best.total);
        }
    }
}

TEST_CASE("exact solver gives the same answer however the work is sliced") {
    SeededRandom random(7);
    const ScoreTable table = random_table(random, 60, 40, 30, 50);
    std::vector<int> capacity(40, 2);
    const std::vector<char> enabled(60, 1);
    const auto whole = solve(table, capacity, enabled);
    CHECK(solve(table, capacity, enabled, 1) == whole);
    CHECK(solve(table, capacity, enabled, 97) == whole);
    CHECK(objective_of(table, solve(as_sparse(table), capacity, enabled, 13)).total == objective_of(table, whole).total);
}

TEST_CASE("exact solver prefers matching more mentees over a higher total") {
    // Mentee 0 could take mentor 0 for 100, but then mentee 1 (who can only take mentor 0)
    // would be left out; two pairs at 1 + 1 beat one pair at 100.
    ScoreTable table;
    table.rows = 2;
    table.columns = 2;
    table.dense = {100, 1, 1, kForbiddenScore};
    const auto answer = solve(table, {1, 1}, {1, 1});
    CHECK(answer == std::vector<int>{1, 0});
}

TEST_CASE("exact solver leaves mentees without any allowed mentor unmatched") {
    ScoreTable table;
    table.rows = 3;
    table.columns = 1;
    table.dense = {kForbiddenScore, 5, 7};
    const auto answer = solve(table, {1}, {1, 1, 1});
    CHECK(answer == std::vector<int>{-1, -1, 0});
}

TEST_CASE("fair solver matches exhaustive search: most matched, then highest lowest score, then total") {
    SeededRandom random(99);
    for (int instance = 0; instance < 200; ++instance) {
        const std::size_t rows = 1 + random.below(6), columns = 1 + random.below(4);
        const ScoreTable table = random_table(random, rows, columns, static_cast<int>(random.below(50)),
                                              instance % 2 ? 5 : 100);
        std::vector<int> capacity(columns);
        for (auto& c : capacity) c = 1 + static_cast<int>(random.below(2));
        const std::vector<char> enabled(rows, 1);
        const Objective best = exhaustive_best(table, capacity, enabled, more_then_lowest_then_total);
        for (const ScoreTable& shape : {table, as_sparse(table)}) {
            FairSolver fair(AssignmentInput{&shape, capacity, enabled});
            while (!fair.step(5)) {
            }
            const auto answer = fair.mentor_of_mentee();
            check_valid(table, capacity, enabled, answer);
            const Objective got = objective_of(table, answer);
            CHECK(got.matched == best.matched);
            CHECK(got.lowest == best.lowest);
            CHECK(got.total == best.total);
        }
    }
}

TEST_CASE("fair solver raises the lowest pair where the optimal one does not") {
    // Optimal: 10 + 0 = 10 (pairs 0-0, 1-1); fair: 4 + 4 = 8 (pairs 0-1, 1-0).
    ScoreTable table;
    table.rows = 2;
    table.columns = 2;
    table.dense = {10, 4, 4, 0};
    const auto optimal = solve(table, {1, 1}, {1, 1});
    CHECK(objective_of(table, optimal).total == 10);
    FairSolver fair(AssignmentInput{&table, {1, 1}, {1, 1}});
    while (!fair.step(1000)) {
    }
    CHECK(fair.mentor_of_mentee() == std::vector<int>{1, 0});
    CHECK(fair.threshold() == 4);
}

TEST_CASE("a larger instance: dense and sparse agree, and the sparse cut never does better") {
    SeededRandom random(3);
    const ScoreTable table = random_table(random, 300, 200, 20, 10000);
    std::vector<int> capacity(200);
    for (auto& c : capacity) c = 1 + static_cast<int>(random.below(3));
    const std::vector<char> enabled(300, 1);
    const Objective dense = objective_of(table, solve(table, capacity, enabled));
    const Objective sparse_all = objective_of(table, solve(as_sparse(table), capacity, enabled));
    CHECK(dense.matched == sparse_all.matched);
    CHECK(dense.total == sparse_all.total);
}
