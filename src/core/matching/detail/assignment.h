// The exact solver: mentees (rows) to mentors (columns) with mentor capacities, matching as
// many mentees as possible first and then maximising the total score.
//
// Method: Jonker-Volgenant. Augmenting row reduction (two passes, as in LAPJV) first settles
// most rows cheaply by lowering slot potentials; the rows it leaves free are then placed by
// successive shortest augmenting paths with dual potentials (the Crouse variant SciPy's
// linear_sum_assignment uses), on integer costs
//     cost(mentee, mentor) = best score - score      (>= 0)
// with each mentor expanded into one slot per unit of capacity, and one extra always-free
// "unmatched" column per row whose cost is larger than any total score difference, so that
// leaving a mentee out is only ever chosen when no matching covers them. Integer costs make
// the result, ties included, identical natively and in WebAssembly.
//
// Slot potentials only ever decrease from 0 and a free slot keeps 0, which is what makes the
// result optimal for rectangular problems too (more slots than mentees).
//
// The work is sliced: step(budget) reduces rows or augments whole paths until about `budget`
// cells have been looked at, so a browser tab can draw frames between slices. The answer does
// not depend on the budget.
#pragma once

#include <climits>
#include <cstdint>
#include <vector>

#include "core/matching/detail/score_table.h"

namespace flipside::matching {

struct AssignmentInput {
    const ScoreTable* table = nullptr;   // must outlive the solver
    std::vector<int> capacity;           // per mentor, after locked pairs
    std::vector<char> row_enabled;       // per mentee; 0 for locked or inactive mentees
    std::int32_t minimum_score = INT32_MIN + 1;  // pairs scoring less are left out (fair mode)
};

class AssignmentSolver {
public:
    explicit AssignmentSolver(AssignmentInput input);

    bool step(std::int64_t budget);  // true when finished
    bool finished() const { return phase_ == Phase::Done; }
    double progress() const;

    // Per mentee: the mentor position, or -1 (unmatched, disabled, or not yet solved).
    std::vector<int> mentor_of_mentee() const;
    std::size_t matched_count() const;
    std::int64_t total_score() const;
    std::int64_t work_done() const { return work_; }

private:
    enum class Phase { RowReduction, Augmenting, Done };
    void start_reduction_pass();
    void reduce_one_row();
    void end_reduction();
    void assign(int row, int slot);
    void augment_dense(int start_row);
    template <typename T>
    void augment_dense_as(int start_row, std::vector<T>& scan_v, std::vector<T>& dist, std::vector<T>& block_lows);
    template <typename T>
    T scan_dense_row(int row, std::int64_t min_value, const T* scan_v, T* d, T* block_low, T infinity);
    void copy_potential(std::size_t slot);
    void augment_sparse(int start_row);
    std::size_t dense_predecessor(std::size_t slot_index) const;
    void dense_path(std::size_t row_index, int target);
    void sparse_path(int target, int row, int start_row);
    void finish_augmentation(int start_row, std::int64_t min_value);
    // step() calls each row's work through these pointers, which no optimiser sees through, so
    // that each row is its own call (see ScoreTableBuilder::build_row_call_ for why).
    void (AssignmentSolver::*reduce_row_call_)() = &AssignmentSolver::reduce_one_row;
    void (AssignmentSolver::*augment_call_)(int) = &AssignmentSolver::augment_dense;

    AssignmentInput input_;
    std::vector<int> rows_;          // enabled rows in order
    Phase phase_ = Phase::RowReduction;
    bool identity_slots_ = false;    // every slot is its own mentor (all capacities 1)
    // Augmenting row reduction: free rows, processed from `reduce_at_`; rows displaced without
    // lowering a potential are queued at the front for the next pass (LAPJV's bookkeeping).
    std::vector<int> free_rows_;
    std::size_t reduce_at_ = 0, reduce_end_ = 0, next_free_ = 0;
    std::int64_t reduce_count_ = 0;
    int reduction_pass_ = 0;
    std::size_t next_row_ = 0;       // augmenting: index into free_rows_
    std::int64_t work_ = 0;
    std::int64_t max_score_ = 0;
    std::int64_t unmatched_cost_ = 0;

    std::vector<int> slot_mentor_;
    std::vector<int> mentor_first_slot_;
    std::vector<int> slot_row_;      // -1 free
    std::vector<int> row_slot_;      // -1 not yet assigned, kUnmatched left out
    std::vector<std::int64_t> u_;    // row potentials
    std::vector<std::int64_t> v_;    // slot potentials

    // Scratch for one augmentation.
    std::vector<std::int64_t> dist_;
    std::vector<int> pred_;
    std::vector<int> scanned_rows_;
    std::vector<std::int64_t> reached_at_;   // per scanned row: distance of the slot it was reached by
    std::vector<int> scanned_slots_;
    std::vector<std::int64_t> scanned_dist_;  // per scanned slot: its final distance
    std::vector<std::int32_t> slot_scores_;  // dense with capacities: one row's scores by slot
    // Dense search: a copy of v per slot (scanned slots get a very low one) and the distances,
    // as 32-bit integers when value_bound_ allows (narrow_), else 64-bit.
    std::int64_t value_bound_ = 0;
    bool narrow_ = false;
    std::vector<std::int32_t> scan_v32_, dist32_, block_low32_;
    std::vector<std::int64_t> scan_v64_;
    std::vector<std::int64_t> block_low_;    // dense: per block of slots, the lowest distance
    std::vector<std::pair<int, int>> path_;  // (row, slot it moves to), from the end of the path
    std::vector<std::uint32_t> stamp_;      // sparse: dist_ valid when == epoch_
    std::vector<std::uint32_t> scanned_;    // sparse: slot scanned when == epoch_
    std::uint32_t epoch_ = 0;
    std::vector<std::pair<std::int64_t, int>> heap_;
};

}  // namespace flipside::matching
