// Why the scheduler could not do something, in lines a coordinator can act on (internal to
// src/core/scheduler*.cpp): who is busy or away at a start, a participant the scheduler cannot
// use, and what a pair's placement still misses.
#pragma once

#include <optional>
#include <string>

#include "core/scheduling/detail/calendar.h"
#include "core/scheduling/detail/pair_placement.h"

namespace flipside::scheduling {

// "Ana Ruiz already has session R3-S4 at 14:00 UTC", "2026-12-25 is a blackout date", ...;
// empty when `verdict` blocks nothing.
std::string describe(const Program& program, const Person& person, const Verdict& verdict);

// "mentor M1 is not in the roster", "... has an unknown time zone ..."; empty when usable.
std::string person_problem(const Participant* participant, const std::string& id, const char* role,
                           const TimeZoneCatalog& time_zones);
std::string person_problem(const Document& document, const std::string& id, const char* role,
                           const TimeZoneCatalog& time_zones);
std::string person_problem(Engine& engine, const std::string& id, const char* role,
                           const TimeZoneCatalog& time_zones);

// Why each date of `placement` still empty could not be placed (failed_reasons), once every
// session has its name.
void explain_failures(PairPlanner& planner, Placement& placement);

// The report line for a placed pair, or nothing when it got all `wanted` sessions.
std::optional<UnscheduledPair> unscheduled_entry(const Pair& pair, const Placement& placement, int wanted);

}  // namespace flipside::scheduling
