#include "core/matching/detail/assignment.h"

#include <algorithm>
#include <functional>
#include <type_traits>

namespace flipside::matching {

namespace {
constexpr std::int64_t kInfinity = INT64_MAX / 4;
constexpr std::int64_t kNarrowInfinity = std::int64_t{1} << 30;  // the 32-bit dense search's infinity
constexpr int kUnmatched = -2;  // row_slot_ value: the row's own "unmatched" column
constexpr int kNone = -1;
constexpr std::size_t kBlock = 256;  // dense scan: minimum kept per block, located afterwards
}  // namespace

AssignmentSolver::AssignmentSolver(AssignmentInput input) : input_(std::move(input)) {
    const ScoreTable& table = *input_.table;
    if (table.sparse) augment_call_ = &AssignmentSolver::augment_sparse;
    const std::size_t mentors = table.columns;
    input_.capacity.resize(mentors, 0);
    input_.row_enabled.resize(table.rows, 0);
    mentor_first_slot_.assign(mentors + 1, 0);
    for (std::size_t m = 0; m < mentors; ++m)
        mentor_first_slot_[m + 1] = mentor_first_slot_[m] + std::max(0, input_.capacity[m]);
    slot_mentor_.resize(static_cast<std::size_t>(mentor_first_slot_[mentors]));
    for (std::size_t m = 0; m < mentors; ++m)
        std::fill(slot_mentor_.begin() + mentor_first_slot_[m], slot_mentor_.begin() + mentor_first_slot_[m + 1],
                  static_cast<int>(m));
    identity_slots_ = std::all_of(input_.capacity.begin(), input_.capacity.end(), [](int c) { return c == 1; });

    // Costs are measured from the best and worst usable scores.
    std::int64_t best = INT64_MIN, worst = INT64_MAX;
    const std::int32_t minimum = input_.minimum_score;  // above kForbiddenScore
    for (std::size_t r = 0; r < table.rows; ++r) {
        if (!input_.row_enabled[r]) continue;
        rows_.push_back(static_cast<int>(r));
        if (table.sparse) {
            table.for_each_in_row(r, [&](std::size_t, std::int32_t score) {
                if (score < minimum) return;
                best = std::max<std::int64_t>(best, score);
                worst = std::min<std::int64_t>(worst, score);
            });
            continue;
        }
        // Dense: branch-free, so it vectorises (forbidden cells are below `minimum`).
        const std::int32_t* values = table.dense.data() + r * table.columns;
        std::int32_t row_best = INT32_MIN, row_worst = INT32_MAX;
        for (std::size_t c = 0; c < table.columns; ++c) {
            const bool usable = values[c] >= minimum;
            row_best = std::max(row_best, usable ? values[c] : INT32_MIN);
            row_worst = std::min(row_worst, usable ? values[c] : INT32_MAX);
        }
        if (row_best >= minimum) {  // at least one usable cell
            best = std::max<std::int64_t>(best, row_best);
            worst = std::min<std::int64_t>(worst, row_worst);
        }
    }
    if (best == INT64_MIN) best = worst = 0;
    max_score_ = best;
    // Larger than any difference in total cost between two assignments of the same size, so
    // one more matched mentee always outweighs any score.
    unmatched_cost_ = (static_cast<std::int64_t>(rows_.size()) + 1) * (best - worst + 1);

    const std::size_t slots = slot_mentor_.size();
    slot_row_.assign(slots, kNone);
    row_slot_.assign(table.rows, kNone);
    u_.assign(table.rows, 0);
    v_.assign(slots, 0);
    dist_.assign(slots, kInfinity);
    pred_.assign(slots, kNone);
    if (table.sparse) {
        stamp_.assign(slots, 0);
        scanned_.assign(slots, 0);
    } else {
        if (!identity_slots_) slot_scores_.assign(slots, kForbiddenScore);
        const std::size_t blocks = (slots + kBlock - 1) / kBlock;
        // Every distance, potential and cost a dense search meets lies within +-value_bound_
        // (u in [0, U], v in [-U, 0], distances up to U, costs up to best - worst). The 32-bit
        // search needs infinity + 4 * bound below 2^31.
        value_bound_ = unmatched_cost_ + (best - worst) + 1;
        narrow_ = value_bound_ < (std::int64_t{1} << 27);
        if (narrow_) {
            scan_v32_.assign(slots, 0);
            dist32_.assign(slots, 0);
            block_low32_.assign(blocks, 0);
            dist_.clear();
        } else {
            scan_v64_.assign(slots, 0);
            block_low_.assign(blocks, kInfinity);
        }
    }
    free_rows_ = rows_;
    reduce_end_ = free_rows_.size();
    if (rows_.empty()) phase_ = Phase::Done;
}

double AssignmentSolver::progress() const {
    switch (phase_) {
        case Phase::RowReduction:
            return 0.1 * (reduction_pass_ + (reduce_end_ == 0 ? 1.0 : static_cast<double>(reduce_at_) / static_cast<double>(reduce_end_)));
        case Phase::Augmenting:
            return 0.2 + 0.8 * (free_rows_.empty() ? 1.0 : static_cast<double>(next_row_) / static_cast<double>(free_rows_.size()));
        case Phase::Done: break;
    }
    return 1.0;
}

void AssignmentSolver::copy_potential(std::size_t slot) {
    if (narrow_) scan_v32_[slot] = static_cast<std::int32_t>(v_[slot]);
    else scan_v64_[slot] = v_[slot];
}

void AssignmentSolver::assign(int row, int slot) {
    row_slot_[static_cast<std::size_t>(row)] = slot;
    if (slot < 0) return;
    slot_row_[static_cast<std::size_t>(slot)] = row;
}

// One step of augmenting row reduction (Jonker & Volgenant 1987, as in LAPJV): the free row
// takes the slot where cost - v is lowest; that slot's potential drops by the gap to the
// second lowest, so the row's edge stays among its cheapest, and the row it displaces (if
// any) is reduced next. Every assigned row keeps a slot of lowest cost - v, so u = cost - v
// makes all reduced costs non-negative and the assigned edges tight. The row's own
// "unmatched" column (cost unmatched_cost_, potential 0) takes part but is never lowered.
void AssignmentSolver::reduce_one_row() {
    const ScoreTable& table = *input_.table;
    const int row = free_rows_[reduce_at_++];
    ++reduce_count_;
    std::int64_t v1 = kInfinity, v2 = kInfinity;
    int j1 = kNone, j2 = kNone;
    const std::int64_t* v = v_.data();
    const auto consider = [&](int slot, std::int64_t value) {
        if (value < v2) {
            if (value >= v1) {
                v2 = value;
                j2 = slot;
            } else {
                v2 = v1;
                j2 = j1;
                v1 = value;
                j1 = slot;
            }
        }
    };
    const std::int32_t minimum = input_.minimum_score;
    if (table.sparse) {
        const std::size_t begin = table.row_begin[static_cast<std::size_t>(row)];
        const std::size_t end = table.row_begin[static_cast<std::size_t>(row) + 1];
        for (std::size_t e = begin; e < end; ++e) {
            const std::int32_t score = table.entry_score[e];
            if (score < minimum) continue;
            const auto mentor = static_cast<std::size_t>(table.entry_column[e]);
            const std::int64_t cost = max_score_ - score;
            for (int slot = mentor_first_slot_[mentor]; slot < mentor_first_slot_[mentor + 1]; ++slot)
                consider(slot, cost - v[slot]);
        }
        work_ += static_cast<std::int64_t>(end - begin) + 1;
    } else {
        const std::int32_t* scores = table.dense.data() + static_cast<std::size_t>(row) * table.columns;
        if (identity_slots_) {
            for (std::size_t j = 0; j < table.columns; ++j)
                if (scores[j] >= minimum) consider(static_cast<int>(j), max_score_ - scores[j] - v[j]);
        } else {
            for (std::size_t m = 0; m < table.columns; ++m) {
                if (scores[m] < minimum) continue;
                const std::int64_t cost = max_score_ - scores[m];
                for (int slot = mentor_first_slot_[m]; slot < mentor_first_slot_[m + 1]; ++slot)
                    consider(slot, cost - v[slot]);
            }
        }
        work_ += static_cast<std::int64_t>(table.columns) + 1;
    }
    // The unmatched column last, so that a real slot wins a tie.
    if (unmatched_cost_ < v1) {
        v2 = v1;
        j2 = j1;
        v1 = unmatched_cost_;
        j1 = kUnmatched;
    } else if (unmatched_cost_ < v2) {
        v2 = unmatched_cost_;
        j2 = kUnmatched;
    }
    if (j1 == kUnmatched) {  // nothing is cheaper than staying unmatched: final for this row
        assign(row, kUnmatched);
        return;
    }
    int displaced = slot_row_[static_cast<std::size_t>(j1)];
    const std::int64_t gap = v2 - v1;  // finite: the unmatched column is always a candidate
    // LAPJV's guard against cycling on ties: past it, rows are only passed on.
    const bool within = reduce_count_ < static_cast<std::int64_t>(reduce_at_) * static_cast<std::int64_t>(slot_row_.size() + 1);
    if (within && gap > 0) {
        v_[static_cast<std::size_t>(j1)] -= gap;
        if (!table.sparse) copy_potential(static_cast<std::size_t>(j1));
        if (displaced != kNone) {
            row_slot_[static_cast<std::size_t>(displaced)] = kNone;
            free_rows_[--reduce_at_] = displaced;  // reduced next, in this pass
        }
    } else {
        if (within && displaced != kNone && j2 >= 0) {  // a tie: take the second slot instead
            j1 = j2;
            displaced = slot_row_[static_cast<std::size_t>(j2)];
        }
        if (displaced != kNone) {
            row_slot_[static_cast<std::size_t>(displaced)] = kNone;
            free_rows_[next_free_++] = displaced;  // left for the next pass
        }
    }
    assign(row, j1);
}

void AssignmentSolver::start_reduction_pass() {
    ++reduction_pass_;
    reduce_end_ = next_free_;
    reduce_at_ = 0;
    next_free_ = 0;
    reduce_count_ = 0;
}

// Row potentials from the slot potentials (u = cost - v on the assigned edge); the rows still
// free are left to the shortest augmenting paths.
void AssignmentSolver::end_reduction() {
    const ScoreTable& table = *input_.table;
    for (const int row : rows_) {
        const auto r = static_cast<std::size_t>(row);
        const int slot = row_slot_[r];
        if (slot == kUnmatched) u_[r] = unmatched_cost_;
        else if (slot >= 0) u_[r] = max_score_ - table.score(r, static_cast<std::size_t>(slot_mentor_[static_cast<std::size_t>(slot)])) - v_[static_cast<std::size_t>(slot)];
        else u_[r] = 0;
    }
    free_rows_.resize(next_free_);
    next_row_ = 0;
    phase_ = free_rows_.empty() ? Phase::Done : Phase::Augmenting;
}

bool AssignmentSolver::step(std::int64_t budget) {
    const std::int64_t stop_at = work_ + std::max<std::int64_t>(budget, 1);
    while (phase_ != Phase::Done && work_ < stop_at) {
        if (phase_ == Phase::RowReduction) {
            if (reduce_at_ < reduce_end_) {
                (this->*reduce_row_call_)();
            } else if (reduction_pass_ == 0) {
                start_reduction_pass();
            } else {
                end_reduction();
            }
            continue;
        }
        if (next_row_ >= free_rows_.size()) {
            phase_ = Phase::Done;
            break;
        }
        const int row = free_rows_[next_row_++];
        if (row_slot_[static_cast<std::size_t>(row)] != kNone) continue;
        (this->*augment_call_)(row);
    }
    return finished();
}

namespace {

// One row of the dense search: d[j] = min(d[j], base - score[j] - v[j]) over every slot, for
// allowed scores only, with the lowest value per block of slots. Nothing but minimums, so it
// vectorises (SSE2, WebAssembly SIMD); the arithmetic wraps on purpose in lanes whose score is
// forbidden, whose result is thrown away.
template <typename T>
T scan_row(const std::int32_t* scores, std::int32_t minimum, T base, const T* v, T* d, T* block_low,
           std::size_t slots, T infinity) {
    using Unsigned = std::make_unsigned_t<T>;
    T lowest = infinity;
    const std::size_t blocks = (slots + kBlock - 1) / kBlock;
    for (std::size_t b = 0; b < blocks; ++b) {
        const std::size_t begin = b * kBlock, end = std::min(slots, begin + kBlock);
        T low = infinity;
        for (std::size_t j = begin; j < end; ++j) {
            const std::int32_t score = scores[j];
            const T wrapped = static_cast<T>(static_cast<Unsigned>(base) - static_cast<Unsigned>(static_cast<T>(score)) -
                                             static_cast<Unsigned>(v[j]));
            const T reduced = score >= minimum ? wrapped : infinity;
            const T now = d[j] < reduced ? d[j] : reduced;
            d[j] = now;
            low = low < now ? low : now;
        }
        block_low[b] = low;
        lowest = lowest < low ? lowest : low;
    }
    return lowest;
}

}  // namespace

// Dijkstra over slots with a linear scan for the minimum: best for a full matrix. The scan
// runs over every slot in order and is nothing but minimums (scanned slots are kept out by
// giving them a very low potential in the scan's copy of v, and predecessors are recovered
// afterwards for the few slots on the path), so compilers vectorise it. When every value the
// search can meet fits, it runs on 32-bit integers: twice the lanes. The minimum is kept per
// block of slots and located afterwards: among equal distances the first free slot wins (the
// path ends there), otherwise the first slot.
void AssignmentSolver::augment_dense(int start_row) {
    if (narrow_) augment_dense_as<std::int32_t>(start_row, scan_v32_, dist32_, block_low32_);
    else augment_dense_as<std::int64_t>(start_row, scan_v64_, dist_, block_low_);
}

template <typename T>
void AssignmentSolver::augment_dense_as(int start_row, std::vector<T>& scan_v, std::vector<T>& dist, std::vector<T>& block_lows) {
    const std::size_t slots = slot_mentor_.size();
    const std::size_t blocks = block_lows.size();
    const T infinity = narrow_ ? static_cast<T>(kNarrowInfinity) : static_cast<T>(kInfinity);
    // base - score - v for a scanned slot: at least `infinity`, whatever the row.
    const T scanned_v = static_cast<T>(-(static_cast<std::int64_t>(infinity) + 2 * value_bound_));
    std::fill(dist.begin(), dist.end(), infinity);
    scanned_rows_.clear();
    reached_at_.clear();
    scanned_slots_.clear();
    scanned_dist_.clear();
    std::int64_t min_value = 0, dist_unmatched = kInfinity;
    std::size_t unmatched_at = 0;  // index in scanned_rows_ of the row the unmatched column is reached from
    int row = start_row;
    T* d = dist.data();
    T* block_low = block_lows.data();
    // Two call sites on purpose (the start row, then each row reached): binaryen inlines a
    // function with a single caller, and the WebAssembly engine optimises a small hot
    // function much sooner than a large one.
    T low = scan_dense_row<T>(row, min_value, scan_v.data(), d, block_low, infinity);
    for (;;) {
        const std::int64_t lowest = low == infinity ? kInfinity : static_cast<std::int64_t>(low);
        const std::int64_t unmatched = min_value - u_[static_cast<std::size_t>(row)] + unmatched_cost_;
        if (unmatched < dist_unmatched) {
            dist_unmatched = unmatched;
            unmatched_at = scanned_rows_.size() - 1;
        }
        // Locate the slot: the first free one at the lowest distance, else the first one.
        std::size_t slot = slots;
        if (low != infinity) {
            for (std::size_t b = 0; b < blocks; ++b) {
                if (block_low[b] != low) continue;
                const std::size_t end = std::min(slots, (b + 1) * kBlock);
                for (std::size_t j = b * kBlock; j < end; ++j) {
                    if (d[j] != low) continue;
                    if (slot == slots) slot = j;
                    if (slot_row_[j] == kNone) {
                        slot = j;
                        break;
                    }
                }
                if (slot != slots && slot_row_[slot] == kNone) break;
            }
        }
        const bool lowest_is_free = slot != slots && slot_row_[slot] == kNone;
        if (dist_unmatched < lowest || (dist_unmatched == lowest && !lowest_is_free)) {
            dense_path(unmatched_at, kUnmatched);
            finish_augmentation(start_row, dist_unmatched);
            return;
        }
        min_value = lowest;
        scanned_slots_.push_back(static_cast<int>(slot));
        scanned_dist_.push_back(lowest);
        d[slot] = infinity;
        scan_v[slot] = scanned_v;
        if (lowest_is_free) {
            dense_path(dense_predecessor(scanned_slots_.size() - 1), static_cast<int>(slot));
            finish_augmentation(start_row, min_value);
            return;
        }
        row = slot_row_[slot];
        low = scan_dense_row<T>(row, min_value, scan_v.data(), d, block_low, infinity);
    }
}

// Scans one row of the dense search (see scan_row), gathering its scores by slot first when
// mentors have several slots.
template <typename T>
T AssignmentSolver::scan_dense_row(int row, std::int64_t min_value, const T* scan_v, T* d, T* block_low, T infinity) {
    const ScoreTable& table = *input_.table;
    const std::size_t slots = slot_mentor_.size();
    scanned_rows_.push_back(row);
    reached_at_.push_back(min_value);
    const std::int64_t base = min_value - u_[static_cast<std::size_t>(row)] + max_score_;
    const std::int32_t* scores = table.dense.data() + static_cast<std::size_t>(row) * table.columns;
    if (!identity_slots_) {
        std::int32_t* gathered = slot_scores_.data();
        const int* slot_mentor = slot_mentor_.data();
        for (std::size_t j = 0; j < slots; ++j) gathered[j] = scores[slot_mentor[j]];
        scores = gathered;
    }
    work_ += static_cast<std::int64_t>(slots) + 1;
    return scan_row<T>(scores, input_.minimum_score, static_cast<T>(base), scan_v, d, block_low, slots, infinity);
}

// The index (in scanned_rows_) of the row a scanned slot was reached from: the first row,
// among those scanned before the slot was taken, whose edge gives the slot its distance (the
// row a strict "improves" test during the scan would have recorded).
std::size_t AssignmentSolver::dense_predecessor(std::size_t slot_index) const {
    const ScoreTable& table = *input_.table;
    const auto slot = static_cast<std::size_t>(scanned_slots_[slot_index]);
    const std::size_t mentor = static_cast<std::size_t>(slot_mentor_[slot]);
    const std::int64_t v = v_[slot];
    const std::int64_t target = scanned_dist_[slot_index];
    for (std::size_t k = 0; k <= slot_index; ++k) {
        const auto row = static_cast<std::size_t>(scanned_rows_[k]);
        const std::int32_t score = table.dense[row * table.columns + mentor];
        if (score >= input_.minimum_score && reached_at_[k] - u_[row] + max_score_ - score - v == target) return k;
    }
    return 0;  // unreachable: the slot's distance came from one of these rows
}

// The rows on the path, from the end: the row at `row_index` takes `target`, the row that was
// reached through its old slot takes that slot, and so on back to the starting row.
void AssignmentSolver::dense_path(std::size_t row_index, int target) {
    path_.clear();
    for (;;) {
        path_.emplace_back(scanned_rows_[row_index], target);
        if (row_index == 0) break;
        // Row k (k >= 1) was reached through the slot taken just before it was scanned.
        target = scanned_slots_[row_index - 1];
        row_index = dense_predecessor(row_index - 1);
    }
}

// Dijkstra with a binary heap, touching only the candidates each mentee keeps.
void AssignmentSolver::augment_sparse(int start_row) {
    const ScoreTable& table = *input_.table;
    if (++epoch_ == 0) {  // wrapped: clear the stamps once
        std::fill(stamp_.begin(), stamp_.end(), 0);
        std::fill(scanned_.begin(), scanned_.end(), 0);
        epoch_ = 1;
    }
    heap_.clear();
    scanned_rows_.clear();
    reached_at_.clear();
    scanned_slots_.clear();
    scanned_dist_.clear();
    const auto later = std::greater<std::pair<std::int64_t, int>>();
    std::int64_t min_value = 0, dist_unmatched = kInfinity;
    int unmatched_pred = kNone, row = start_row;
    for (;;) {
        scanned_rows_.push_back(row);
        reached_at_.push_back(min_value);
        const std::int64_t base = min_value - u_[static_cast<std::size_t>(row)] + max_score_;
        const std::size_t begin = table.row_begin[static_cast<std::size_t>(row)];
        const std::size_t end = table.row_begin[static_cast<std::size_t>(row) + 1];
        for (std::size_t e = begin; e < end; ++e) {
            const std::int32_t score = table.entry_score[e];
            if (score < input_.minimum_score) continue;
            const auto mentor = static_cast<std::size_t>(table.entry_column[e]);
            for (int slot = mentor_first_slot_[mentor]; slot < mentor_first_slot_[mentor + 1]; ++slot) {
                const auto s = static_cast<std::size_t>(slot);
                if (scanned_[s] == epoch_) continue;
                if (stamp_[s] != epoch_) {
                    stamp_[s] = epoch_;
                    dist_[s] = kInfinity;
                }
                const std::int64_t reduced = base - score - v_[s];
                if (reduced < dist_[s]) {
                    dist_[s] = reduced;
                    pred_[s] = row;
                    heap_.emplace_back(reduced, slot);
                    std::push_heap(heap_.begin(), heap_.end(), later);
                }
            }
            work_ += 1;
        }
        work_ += 1;
        const std::int64_t unmatched = min_value - u_[static_cast<std::size_t>(row)] + unmatched_cost_;
        if (unmatched < dist_unmatched) {
            dist_unmatched = unmatched;
            unmatched_pred = row;
        }
        while (!heap_.empty()) {
            const auto [d, slot] = heap_.front();
            if (scanned_[static_cast<std::size_t>(slot)] != epoch_ && d == dist_[static_cast<std::size_t>(slot)]) break;
            std::pop_heap(heap_.begin(), heap_.end(), later);
            heap_.pop_back();
        }
        const std::int64_t lowest = heap_.empty() ? kInfinity : heap_.front().first;
        const bool lowest_is_free = !heap_.empty() && slot_row_[static_cast<std::size_t>(heap_.front().second)] == kNone;
        if (dist_unmatched < lowest || (dist_unmatched == lowest && !lowest_is_free)) {
            sparse_path(kUnmatched, unmatched_pred, start_row);
            finish_augmentation(start_row, dist_unmatched);
            return;
        }
        const int slot = heap_.front().second;
        std::pop_heap(heap_.begin(), heap_.end(), later);
        heap_.pop_back();
        min_value = lowest;
        scanned_[static_cast<std::size_t>(slot)] = epoch_;
        scanned_slots_.push_back(slot);
        scanned_dist_.push_back(min_value);
        if (slot_row_[static_cast<std::size_t>(slot)] == kNone) {
            sparse_path(slot, pred_[static_cast<std::size_t>(slot)], start_row);
            finish_augmentation(start_row, min_value);
            return;
        }
        row = slot_row_[static_cast<std::size_t>(slot)];
    }
}

void AssignmentSolver::sparse_path(int target, int row, int start_row) {
    path_.clear();
    for (;;) {
        path_.emplace_back(row, target);
        if (row == start_row) break;
        target = row_slot_[static_cast<std::size_t>(row)];
        row = pred_[static_cast<std::size_t>(target)];
    }
}

// Updates potentials so every edge keeps a non-negative reduced cost and the new path is
// tight, then flips the path: each row on it moves to the slot it was reached through.
void AssignmentSolver::finish_augmentation(int start_row, std::int64_t min_value) {
    u_[static_cast<std::size_t>(start_row)] += min_value;
    for (std::size_t k = 1; k < scanned_rows_.size(); ++k)
        u_[static_cast<std::size_t>(scanned_rows_[k])] += min_value - reached_at_[k];
    for (std::size_t k = 0; k < scanned_slots_.size(); ++k) {
        const auto slot = static_cast<std::size_t>(scanned_slots_[k]);
        v_[slot] -= min_value - scanned_dist_[k];
        if (!input_.table->sparse) copy_potential(slot);
    }
    for (const auto& [row, slot] : path_) assign(row, slot);
}

std::vector<int> AssignmentSolver::mentor_of_mentee() const {
    std::vector<int> mentor(input_.table->rows, -1);
    for (std::size_t r = 0; r < row_slot_.size(); ++r)
        if (row_slot_[r] >= 0) mentor[r] = slot_mentor_[static_cast<std::size_t>(row_slot_[r])];
    return mentor;
}

std::size_t AssignmentSolver::matched_count() const {
    return static_cast<std::size_t>(std::count_if(row_slot_.begin(), row_slot_.end(), [](int s) { return s >= 0; }));
}

std::int64_t AssignmentSolver::total_score() const {
    std::int64_t total = 0;
    for (std::size_t r = 0; r < row_slot_.size(); ++r)
        if (row_slot_[r] >= 0) total += input_.table->score(r, static_cast<std::size_t>(slot_mentor_[static_cast<std::size_t>(row_slot_[r])]));
    return total;
}

}  // namespace flipside::matching
