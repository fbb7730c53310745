// The group re-plan (internal to src/core/scheduler*.cpp): pairs that still miss dates after
// the repair pass and share a person with two to four pairs placed in the same run are placed
// again together in every order, keeping the order that places the most sessions.
#pragma once

#include <vector>

#include "core/scheduling/detail/pair_placement.h"
#include "core/scheduling/detail/repair.h"

namespace flipside::scheduling {

// `lists` as for PairPlanner::place.
void replan_groups(Engine& engine, std::vector<PlannedPair>& planned, const std::vector<const DateList*>& lists);

}  // namespace flipside::scheduling
