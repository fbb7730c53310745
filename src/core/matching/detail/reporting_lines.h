// Reporting lines from the roster's manager links: who is anywhere above whom. A pair inside
// one reporting line is never proposed (a mentor cannot speak freely to their own boss's boss).
#pragma once

#include <cstddef>
#include <vector>

#include "core/model.h"

namespace flipside::matching {

class ReportingLines {
public:
    // Links through manager_id; ids not in the roster end a chain. A cycle (bad data that
    // validation reports) is cut at its first member in roster order, so every member of the
    // cycle still counts as in the others' line.
    explicit ReportingLines(const std::vector<Participant>& participants);

    // True when `above` is `below`'s manager, or their manager's manager, and so on.
    bool is_above(std::size_t above, std::size_t below) const {
        return above != below && enter_[above] <= enter_[below] && enter_[below] < leave_[above];
    }
    // True when either is above the other (or they are the same person).
    bool same_line(std::size_t a, std::size_t b) const { return a == b || is_above(a, b) || is_above(b, a); }
    // The visit interval itself, for callers that keep it next to other per-person data.
    int enter(std::size_t person) const { return enter_[person]; }
    int leave(std::size_t person) const { return leave_[person]; }
    // same_line() from two people's intervals.
    static bool same_line(int enter_a, int leave_a, int enter_b, int leave_b) {
        return (enter_a <= enter_b && enter_b < leave_a) || (enter_b <= enter_a && enter_a < leave_b);
    }

private:
    // Depth-first visit times over the management forest: x is above y exactly when y's
    // visit falls inside x's, which makes the check constant time for 10,000s of people.
    std::vector<int> enter_;
    std::vector<int> leave_;
};

}  // namespace flipside::matching
