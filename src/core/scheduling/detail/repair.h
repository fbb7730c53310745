// Repairs between pairs placed in one run that share a person (internal to
// src/core/scheduler*.cpp): a date left empty only because another new session holds the
// hour is filled by moving that session inside its own range (repair), or, last, by a chain
// of such moves (repair_by_chains). Also what the re-plan of groups and the entry point share
// about the pairs being placed: their placements and the pending booking ids ("\x1f" and the
// pair's index) that tell whose session is in the way.
#pragma once

#include <string>
#include <vector>

#include "core/scheduling/detail/calendar.h"
#include "core/scheduling/detail/pair_placement.h"

namespace flipside::scheduling {

struct PlannedPair {
    const Pair* pair = nullptr;
    Person* mentor = nullptr;
    Person* mentee = nullptr;
    Placement placement;
};

// The id the sessions of planned pair `index` are booked under until they are named.
std::string pending_id_of(std::size_t index);

// A planner for planned pair `index`, booking under its pending id.
PairPlanner planner_for(Engine& engine, const std::vector<PlannedPair>& planned, std::size_t index);

// Makes starts and failed dates follow by_date again (failed reasons are cleared).
void sync(Placement& placement);

// Fills date `i` of pair `p`: at a free start, or at one where the only obstacle is one
// session of another pair being placed (one marked in `movable`, when given) that can itself
// move inside its own range (it keeps its order among its pair's sessions). Starts nearest
// the anchor are tried first.
bool repair_date(Engine& engine, std::vector<PlannedPair>& planned, std::size_t p, std::size_t i,
                 const std::vector<char>* movable = nullptr);

// Up to two passes of repair_date over every empty date of every planned pair.
void repair(Engine& engine, std::vector<PlannedPair>& planned);

// Fills date `i` of pair `p` through a chain of moves: it takes a start held by another
// pair's session, which takes one held by a third (or the first pair's sibling again), and so
// on until one moves to a free start; every moved session stays inside its own range, in its
// pair's order. Shorter chains are preferred (up to 24 moves and a budget of starts examined;
// nearest starts first). Only sessions being placed in this run move.
bool repair_date_by_chain(Engine& engine, std::vector<PlannedPair>& planned, std::size_t p, std::size_t i);

// repair_date_by_chain for the dates still empty of pairs that could still be full (each has a
// common window in range); a pair stops at its first date no chain fills.
void repair_by_chains(Engine& engine, std::vector<PlannedPair>& planned);

}  // namespace flipside::scheduling
