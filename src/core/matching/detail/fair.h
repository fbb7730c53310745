// Fair mode: as many mentees matched as in the optimal mode, then the highest possible lowest
// pair score (nobody left with a poor partner so others get great ones), then the highest
// total. Found by binary search over the distinct scores: the largest threshold at which
// the exact solver still matches as many mentees, followed by that solve's answer.
#pragma once

#include <memory>
#include <vector>

#include "core/matching/detail/assignment.h"

namespace flipside::matching {

class FairSolver {
public:
    explicit FairSolver(AssignmentInput input);
    bool step(std::int64_t budget);  // true when finished
    bool finished() const { return finished_; }
    double progress() const;

    std::vector<int> mentor_of_mentee() const { return best_assignment_; }
    std::int32_t threshold() const { return threshold_; }  // lowest score allowed in the answer

private:
    void start_solve(std::size_t threshold_index);
    void on_solved();

    AssignmentInput input_;
    std::vector<std::int32_t> distinct_scores_;
    std::unique_ptr<AssignmentSolver> solver_;
    std::size_t target_matched_ = 0;
    bool target_known_ = false;
    std::size_t low_ = 0, high_ = 0;  // search range over distinct_scores_ indices
    std::size_t trying_ = 0;
    std::vector<int> best_assignment_;
    std::int32_t threshold_ = INT32_MIN + 1;
    int solves_done_ = 0, solves_expected_ = 1;
    bool finished_ = false;
};

}  // namespace flipside::matching
