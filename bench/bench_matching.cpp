// Pairing benchmark: one case per run, one JSON line of figures on stdout, so that
// bench/compare_matching.py can run it natively and as WebAssembly under node, time SciPy on
// the very same matrix, and print the ratios. Standard library and core only (builds with em++).
//
//   bench_matching --case uniform|roster|sparse --size N [--k K] [--seed S] [--dump file.bin]
//                  [--slice CELLS] [--repeat R]
//
// uniform: an N x N matrix of random integer scores 0..100.00 (no scoring step).
// roster:  a realistic demo roster with N mentees (about 1.2 N mentors), scored and solved dense.
// sparse:  a demo roster of N participants, each mentee keeping its best K mentors.
// --dump writes the solved matrix (int32 rows, cols, then per mentor capacity, then scores,
// INT32_MIN = forbidden) for the SciPy side.
//
// Scoring and solving run in slices of --slice cells (default 2,000,000, the app's work per
// frame), as in the browser. This matters for WebAssembly: engines start every function as
// baseline code and switch to optimised code at its next call (there is no on-stack
// replacement), and the optimiser (binaryen) inlines every function with a single caller, so
// the whole solve would otherwise sit in main() and run as baseline code from start to end.
// Each slice is therefore one call through a pointer the optimiser cannot see through, as the
// browser's frame callback is.
//
// --repeat R runs the whole case R times in one process and prints one line per run: the first
// is what a user meets on a cold start, the later ones show the engine's optimised code.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/demo_program.h"
#include "core/matching/detail/assignment.h"
#include "core/matching/detail/pool.h"
#include "core/matching/detail/score_table.h"
#include "core/matching/scores.h"
#include "core/time_zone_catalog.h"

using namespace flipside;
using namespace flipside::matching;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Whole-hour offsets by region so availability really crosses time zones.
class BenchZones final : public TimeZoneCatalog {
public:
    bool is_known(const std::string&) const override { return true; }
    int utc_offset_seconds(const std::string& name, UtcSeconds) const override {
        if (name.rfind("Europe/", 0) == 0) return 3600;
        if (name.rfind("America/", 0) == 0) return -5 * 3600;
        if (name.rfind("Asia/", 0) == 0) return 8 * 3600;
        return 0;
    }
};

void dump(const std::string& path, const ScoreTable& table, const std::vector<int>& capacity) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        std::exit(1);
    }
    const std::int32_t header[2] = {static_cast<std::int32_t>(table.rows), static_cast<std::int32_t>(table.columns)};
    std::fwrite(header, sizeof header, 1, file);
    std::fwrite(capacity.data(), sizeof(int), capacity.size(), file);
    std::fwrite(table.dense.data(), sizeof(std::int32_t), table.dense.size(), file);
    std::fclose(file);
}

bool score_slice(ScoreTableBuilder* builder, std::int64_t budget) { return builder->step(budget); }
bool solve_slice(AssignmentSolver* solver, std::int64_t budget) { return solver->step(budget); }
bool (*volatile score_slice_call)(ScoreTableBuilder*, std::int64_t) = score_slice;
bool (*volatile solve_slice_call)(AssignmentSolver*, std::int64_t) = solve_slice;

}  // namespace

int main(int argc, char** argv) {
    std::string kind = "uniform", dump_path;
    int size = 500, k = 20;
    std::int64_t slice = 2'000'000;
    std::uint64_t seed = 1;
    int repeat = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--case") kind = value;
        else if (key == "--size") size = std::atoi(value.c_str());
        else if (key == "--k") k = std::atoi(value.c_str());
        else if (key == "--seed") seed = std::strtoull(value.c_str(), nullptr, 10);
        else if (key == "--dump") dump_path = value;
        else if (key == "--slice") slice = std::strtoll(value.c_str(), nullptr, 10);
        else if (key == "--repeat") repeat = std::max(1, std::atoi(value.c_str()));
        else {
            std::fprintf(stderr, "unknown option %s\n", key.c_str());
            return 2;
        }
    }
    for (int run = 0; run < repeat; ++run) {
        ScoreTable table;
        std::vector<int> capacity;
        std::vector<char> enabled;
        double score_seconds = 0, pool_seconds = 0;  // score_seconds includes pool_seconds
        const BenchZones zones;
        if (kind == "uniform") {
            SeededRandom random(seed);
            table.rows = table.columns = static_cast<std::size_t>(size);
            table.dense.resize(table.rows * table.columns);
            for (auto& cell : table.dense) cell = static_cast<std::int32_t>(random.below(10001));
            capacity.assign(table.columns, 1);
            enabled.assign(table.rows, 1);
        } else {
            // The demo roster is 45 % mentees: size it so "roster N" has N mentees.
            const int people = kind == "sparse" ? size : size * 100 / 45 + 1;
            const Document document = make_demo_program(people, seed, 1767614400);
            MatchingSettings settings = document.current_program()->matching;
            settings.candidates_per_mentee = kind == "sparse" ? k : 0;
            const auto start = std::chrono::steady_clock::now();
            const MatchingPool pool = build_matching_pool(document, settings, zones, default_reference_instant(document));
            pool_seconds = seconds_since(start);
            ScoreTableBuilder builder(pool, settings.candidates_per_mentee);
            while (!score_slice_call(&builder, slice)) {
            }
            table = builder.take();
            score_seconds = seconds_since(start);
            for (const auto& mentor : pool.mentors) capacity.push_back(mentor.active ? mentor.capacity : 0);
            for (const auto& mentee : pool.mentees) enabled.push_back(mentee.active ? 1 : 0);
        }
        if (run == 0 && !dump_path.empty() && !table.sparse) dump(dump_path, table, capacity);

        const auto start = std::chrono::steady_clock::now();
        AssignmentSolver solver(AssignmentInput{&table, capacity, enabled});
        while (!solve_slice_call(&solver, slice)) {
        }
        const double solve_seconds = seconds_since(start);
        // A fingerprint of the pairs themselves (not only the objective): native and
        // WebAssembly must agree pair for pair, ties included.
        std::uint64_t pairs_hash = 14695981039346656037ULL;
        for (const int mentor : solver.mentor_of_mentee())
            pairs_hash = (pairs_hash ^ static_cast<std::uint32_t>(mentor)) * 1099511628211ULL;
        std::printf("{\"run\":%d,\"case\":\"%s\",\"size\":%d,\"rows\":%zu,\"columns\":%zu,\"entries\":%zu,\"score_seconds\":%.4f,"
                    "\"pool_seconds\":%.4f,\"solve_seconds\":%.4f,\"matched\":%zu,\"total\":%lld,"
                    "\"pairs\":\"%016llx\"}\n",
                    run, kind.c_str(), size, table.rows, table.columns, table.sparse ? table.entry_count() : table.dense.size(),
                    score_seconds, pool_seconds, solve_seconds, solver.matched_count(), static_cast<long long>(solver.total_score()),
                    static_cast<unsigned long long>(pairs_hash));
        std::fflush(stdout);
    }
    return 0;
}
