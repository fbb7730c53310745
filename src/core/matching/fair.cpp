#include "core/matching/detail/fair.h"

#include <algorithm>
#include <cmath>

namespace flipside::matching {

FairSolver::FairSolver(AssignmentInput input) : input_(std::move(input)) {
    const ScoreTable& table = *input_.table;
    for (std::size_t r = 0; r < table.rows; ++r) {
        if (r < input_.row_enabled.size() && !input_.row_enabled[r]) continue;
        table.for_each_in_row(r, [&](std::size_t, std::int32_t score) { distinct_scores_.push_back(score); });
    }
    std::sort(distinct_scores_.begin(), distinct_scores_.end());
    distinct_scores_.erase(std::unique(distinct_scores_.begin(), distinct_scores_.end()), distinct_scores_.end());
    if (distinct_scores_.empty()) distinct_scores_.push_back(INT32_MIN + 1);
    solves_expected_ = 2 + static_cast<int>(std::ceil(std::log2(static_cast<double>(distinct_scores_.size()) + 1.0)));
    // First solve without a threshold: how many mentees can be matched at all.
    start_solve(0);
}

void FairSolver::start_solve(std::size_t threshold_index) {
    trying_ = threshold_index;
    AssignmentInput attempt = input_;
    attempt.minimum_score = distinct_scores_[threshold_index];
    solver_ = std::make_unique<AssignmentSolver>(std::move(attempt));
}

void FairSolver::on_solved() {
    ++solves_done_;
    const std::size_t matched = solver_->matched_count();
    if (!target_known_) {
        target_known_ = true;
        target_matched_ = matched;
        best_assignment_ = solver_->mentor_of_mentee();
        threshold_ = distinct_scores_[0];
        low_ = 0;                           // known feasible
        high_ = distinct_scores_.size();    // first known infeasible (one past the end)
    } else if (matched == target_matched_) {
        low_ = trying_;
        best_assignment_ = solver_->mentor_of_mentee();
        threshold_ = distinct_scores_[trying_];
    } else {
        high_ = trying_;
    }
    if (high_ - low_ <= 1) {
        finished_ = true;
        solver_.reset();
        return;
    }
    start_solve(low_ + (high_ - low_) / 2);
}

bool FairSolver::step(std::int64_t budget) {
    if (finished_) return true;
    if (solver_->step(budget)) on_solved();
    return finished_;
}

double FairSolver::progress() const {
    if (finished_) return 1.0;
    const double within = solver_ ? solver_->progress() : 0.0;
    return std::min(0.99, (solves_done_ + within) / solves_expected_);
}

}  // namespace flipside::matching
