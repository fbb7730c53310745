#include "core/matching_assignment.h"

#include <algorithm>
#include <functional>
#include <numeric>

namespace flipside {

namespace {
constexpr std::int64_t kInfinity = INT64_MAX / 4;
constexpr int kUnmatched = -2;  // row_slot_ value: the row's own "unmatched" column
constexpr int kNone = -1;
}  // namespace

AssignmentSolver::AssignmentSolver(AssignmentInput input) : input_(std::move(input)) {
    const ScoreTable& table = *input_.table;
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

    // Costs are measured from the best and worst usable scores.
    std::int64_t best = INT64_MIN, worst = INT64_MAX;
    for (std::size_t r = 0; r < table.rows; ++r) {
        if (!input_.row_enabled[r]) continue;
        rows_.push_back(static_cast<int>(r));
        table.for_each_in_row(r, [&](std::size_t, std::int32_t score) {
            if (score < input_.minimum_score) return;
            best = std::max<std::int64_t>(best, score);
            worst = std::min<std::int64_t>(worst, score);
        });
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
    }
}

double AssignmentSolver::progress() const {
    return rows_.empty() ? 1.0 : static_cast<double>(next_row_) / static_cast<double>(rows_.size());
}

// Each row first takes its cheapest mentor if a slot is free there (potentials u = row
// minimum, v = 0 are feasible and those edges tight); on rosters most rows settle here.
void AssignmentSolver::initialise() {
    const ScoreTable& table = *input_.table;
    std::vector<int> used(table.columns, 0);
    for (const int row : rows_) {
        std::int64_t cheapest = unmatched_cost_;
        int cheapest_mentor = kNone;
        table.for_each_in_row(static_cast<std::size_t>(row), [&](std::size_t mentor, std::int32_t score) {
            if (score < input_.minimum_score || input_.capacity[mentor] <= 0) return;
            const std::int64_t cost = max_score_ - score;
            if (cost < cheapest || (cost == cheapest && cheapest_mentor != kNone && static_cast<int>(mentor) < cheapest_mentor)) {
                cheapest = cost;
                cheapest_mentor = static_cast<int>(mentor);
            }
        });
        work_ += static_cast<std::int64_t>(table.sparse ? 8 : table.columns);
        u_[static_cast<std::size_t>(row)] = cheapest;
        if (cheapest_mentor == kNone) {
            row_slot_[static_cast<std::size_t>(row)] = kUnmatched;  // tight: u = unmatched cost
        } else if (used[static_cast<std::size_t>(cheapest_mentor)] < input_.capacity[static_cast<std::size_t>(cheapest_mentor)]) {
            const int slot = mentor_first_slot_[static_cast<std::size_t>(cheapest_mentor)] + used[static_cast<std::size_t>(cheapest_mentor)]++;
            slot_row_[static_cast<std::size_t>(slot)] = row;
            row_slot_[static_cast<std::size_t>(row)] = slot;
        }
    }
    initialised_ = true;
}

bool AssignmentSolver::step(std::int64_t budget) {
    const std::int64_t stop_at = work_ + std::max<std::int64_t>(budget, 1);
    if (!initialised_) {
        initialise();
        if (work_ >= stop_at) return finished();
    }
    while (!finished() && work_ < stop_at) {
        const int row = rows_[next_row_++];
        if (row_slot_[static_cast<std::size_t>(row)] != kNone) continue;  // settled by initialise()
        if (input_.table->sparse) augment_sparse(row); else augment_dense(row);
    }
    return finished();
}

// Dijkstra over slots with a linear scan for the minimum: best for a full matrix.
void AssignmentSolver::augment_dense(int start_row) {
    const ScoreTable& table = *input_.table;
    const std::size_t slots = slot_mentor_.size();
    remaining_.resize(slots);
    std::iota(remaining_.begin(), remaining_.end(), 0);
    std::fill(dist_.begin(), dist_.end(), kInfinity);
    scanned_rows_.clear();
    scanned_slots_.clear();
    std::size_t remaining_count = slots;
    std::int64_t min_value = 0, dist_unmatched = kInfinity;
    int unmatched_pred = kNone, row = start_row, sink = kNone;
    const int* slot_mentor = slot_mentor_.data();
    const std::int32_t minimum = input_.minimum_score;
    for (;;) {
        scanned_rows_.push_back(row);
        const std::int64_t base = min_value - u_[static_cast<std::size_t>(row)] + max_score_;
        const std::int32_t* scores = table.dense.data() + static_cast<std::size_t>(row) * table.columns;
        std::int64_t lowest = kInfinity;
        std::size_t lowest_at = remaining_count;
        for (std::size_t k = 0; k < remaining_count; ++k) {
            const int slot = remaining_[k];
            const std::int32_t score = scores[slot_mentor[slot]];
            std::int64_t d = dist_[static_cast<std::size_t>(slot)];
            if (score >= minimum) {
                const std::int64_t reduced = base - score - v_[static_cast<std::size_t>(slot)];
                if (reduced < d) {
                    d = reduced;
                    dist_[static_cast<std::size_t>(slot)] = reduced;
                    pred_[static_cast<std::size_t>(slot)] = row;
                }
            }
            // Among equals prefer a free slot: the path ends sooner.
            if (d < lowest || (d == lowest && slot_row_[static_cast<std::size_t>(slot)] == kNone)) {
                lowest = d;
                lowest_at = k;
            }
        }
        work_ += static_cast<std::int64_t>(remaining_count) + 1;
        const std::int64_t unmatched = min_value - u_[static_cast<std::size_t>(row)] + unmatched_cost_;
        if (unmatched < dist_unmatched) {
            dist_unmatched = unmatched;
            unmatched_pred = row;
        }
        const bool lowest_is_free = lowest_at < remaining_count && slot_row_[static_cast<std::size_t>(remaining_[lowest_at])] == kNone;
        if (dist_unmatched < lowest || (dist_unmatched == lowest && !lowest_is_free)) {
            finish_augmentation(start_row, dist_unmatched, kUnmatched, unmatched_pred);
            return;
        }
        min_value = lowest;
        const int slot = remaining_[lowest_at];
        remaining_[lowest_at] = remaining_[--remaining_count];
        scanned_slots_.push_back(slot);
        if (slot_row_[static_cast<std::size_t>(slot)] == kNone) {
            sink = slot;
            break;
        }
        row = slot_row_[static_cast<std::size_t>(slot)];
    }
    finish_augmentation(start_row, min_value, sink, pred_[static_cast<std::size_t>(sink)]);
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
    scanned_slots_.clear();
    const auto later = std::greater<std::pair<std::int64_t, int>>();
    std::int64_t min_value = 0, dist_unmatched = kInfinity;
    int unmatched_pred = kNone, row = start_row;
    for (;;) {
        scanned_rows_.push_back(row);
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
            finish_augmentation(start_row, dist_unmatched, kUnmatched, unmatched_pred);
            return;
        }
        const int slot = heap_.front().second;
        std::pop_heap(heap_.begin(), heap_.end(), later);
        heap_.pop_back();
        min_value = lowest;
        scanned_[static_cast<std::size_t>(slot)] = epoch_;
        scanned_slots_.push_back(slot);
        if (slot_row_[static_cast<std::size_t>(slot)] == kNone) {
            finish_augmentation(start_row, min_value, slot, pred_[static_cast<std::size_t>(slot)]);
            return;
        }
        row = slot_row_[static_cast<std::size_t>(slot)];
    }
}

// Updates potentials so every edge keeps a non-negative reduced cost and the new path is
// tight, then flips the path: each row on it moves to the slot it was reached through.
void AssignmentSolver::finish_augmentation(int start_row, std::int64_t min_value, int sink_slot, int sink_pred) {
    u_[static_cast<std::size_t>(start_row)] += min_value;
    for (std::size_t k = 1; k < scanned_rows_.size(); ++k) {
        const auto r = static_cast<std::size_t>(scanned_rows_[k]);
        u_[r] += min_value - dist_[static_cast<std::size_t>(row_slot_[r])];
    }
    for (const int slot : scanned_slots_) v_[static_cast<std::size_t>(slot)] -= min_value - dist_[static_cast<std::size_t>(slot)];

    int target = sink_slot;
    int row = sink_pred;
    for (;;) {
        const int previous = row_slot_[static_cast<std::size_t>(row)];
        row_slot_[static_cast<std::size_t>(row)] = target;
        if (target != kUnmatched) slot_row_[static_cast<std::size_t>(target)] = row;
        if (row == start_row) break;
        target = previous;
        row = pred_[static_cast<std::size_t>(previous)];
    }
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

}  // namespace flipside
