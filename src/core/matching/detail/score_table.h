// The scores of every allowed (mentee, mentor) pair, dense (a full matrix) or sparse (each
// mentee's best k mentors), built in slices so a browser tab never freezes.
#pragma once

#include <climits>
#include <cstdint>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#include "core/matching/detail/candidates.h"
#include "core/matching/detail/pool.h"
#include "core/matching/detail/row_scorer.h"

namespace flipside::matching {

inline constexpr std::int32_t kForbiddenScore = INT32_MIN;  // a hard rule forbids the pair

// Leaves new cells of a vector uninitialised on resize: a dense table is written cell by cell
// right after, and zeroing tens of megabytes first would be a pass over memory of its own.
template <typename T>
struct UninitialisedAllocator : std::allocator<T> {
    template <typename U>
    struct rebind {
        using other = UninitialisedAllocator<U>;
    };
    UninitialisedAllocator() = default;
    template <typename U>
    UninitialisedAllocator(const UninitialisedAllocator<U>&) noexcept {}
    template <typename U>
    void construct(U* at) noexcept {
        ::new (static_cast<void*>(at)) U;
    }
    template <typename U, typename... Args>
    void construct(U* at, Args&&... args) {
        ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
    }
};

struct ScoreTable {
    std::size_t rows = 0;     // mentees
    std::size_t columns = 0;  // mentors
    bool sparse = false;
    std::vector<std::int32_t, UninitialisedAllocator<std::int32_t>> dense;  // rows * columns, row-major
    std::vector<std::size_t> row_begin;      // sparse: rows + 1 offsets
    std::vector<std::int32_t> entry_column;  // sparse: per row best first, ties by column
    std::vector<std::int32_t> entry_score;

    std::int32_t score(std::size_t row, std::size_t column) const;  // kForbiddenScore when absent
    std::size_t entry_count() const;                                // allowed pairs held
    // Calls visit(column, score) for each allowed pair of the row.
    template <typename Visit>
    void for_each_in_row(std::size_t row, Visit&& visit) const {
        if (sparse) {
            for (std::size_t e = row_begin[row]; e < row_begin[row + 1]; ++e)
                visit(static_cast<std::size_t>(entry_column[e]), entry_score[e]);
        } else {
            // data(), not dense[...]: with no mentors the table is empty and has no element 0.
            const std::int32_t* values = dense.data() + row * columns;
            for (std::size_t c = 0; c < columns; ++c)
                if (values[c] != kForbiddenScore) visit(c, values[c]);
        }
    }
};

class ScoreTableBuilder {
public:
    // candidates_per_mentee 0 builds the dense table; k > 0 keeps each mentee's best k.
    ScoreTableBuilder(const MatchingPool& pool, int candidates_per_mentee);
    // Scores about `budget` pairs (whole mentees at a time); true when the table is complete.
    bool step(std::int64_t budget);
    bool finished() const { return next_row_ >= pool_.mentee_count(); }
    double progress() const;
    ScoreTable take() { return std::move(table_); }

private:
    void build_row(std::size_t row);
    // step() makes each row one call through this pointer, which no optimiser sees through.
    // WebAssembly engines run a function as baseline code until a later call (there is no
    // on-stack replacement), and binaryen inlines functions that have a single caller: a direct
    // call would put a whole slice of rows into one call running as baseline code.
    void (ScoreTableBuilder::*build_row_call_)(std::size_t) = &ScoreTableBuilder::build_row;

    const MatchingPool& pool_;
    std::size_t keep_;
    std::size_t next_row_ = 0;
    ScoreTable table_;
    std::vector<std::pair<std::int32_t, std::int32_t>> scratch_;  // (score, column)
    std::unique_ptr<TopCandidateFinder> finder_;  // sparse with small vocabularies
    std::unique_ptr<RowScorer> row_scorer_;       // dense with small vocabularies
};

// The whole table at once (tests, the CLI).
ScoreTable build_score_table(const MatchingPool& pool, int candidates_per_mentee);

}  // namespace flipside::matching
