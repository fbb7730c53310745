// Small builders for the scheduling tests (the scheduler's own, and Generate schedule's in app):
// a person with weekly windows in one zone, a weekly program "W1", and a pair of it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/model.h"

namespace flipside::schedule_fixtures {

inline Participant person_in_zone(const std::string& id, Role role, const std::string& zone,
                                  std::vector<WeeklyWindow> windows) {
    Participant p;
    p.id = id;
    p.name = "Person " + id;
    p.email = id + "@example.com";
    p.role = role;
    p.time_zone = zone;
    p.availability = std::move(windows);
    return p;
}

// "Wave 1" (id W1): weekly, one-hour sessions, `sessions` of them between `start` and `end`.
inline Program weekly_program(Date start, Date end, int sessions) {
    Program program;
    program.id = "W1";
    program.name = "Wave 1";
    program.start_date = start;
    program.end_date = end;
    program.cadence = Cadence{CadenceKind::Weekly, 1, 1};
    program.session_minutes = 60;
    program.target_sessions = sessions;
    return program;
}

// A pair of program W1.
inline Pair wave_pair(const std::string& id, const std::string& mentor, const std::string& mentee) {
    Pair p;
    p.id = id;
    p.program_id = "W1";
    p.mentor_id = mentor;
    p.mentee_id = mentee;
    return p;
}

}  // namespace flipside::schedule_fixtures
