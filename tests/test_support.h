// Shared by the test files: fixtures from tests/data and a small valid document.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "core/model.h"

namespace flipside::testing {

inline std::string read_fixture(const std::string& name) {
    std::ifstream file(std::string(FLIPSIDE_SOURCE_DIR) + "/tests/data/" + name, std::ios::binary);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

inline Participant person(const std::string& id, Role role, const std::string& name) {
    Participant p;
    p.id = id;
    p.name = name;
    p.email = id + "@example.com";
    p.role = role;
    p.level = role == Role::Mentor ? 2 : 10;
    p.time_zone = "Europe/London";
    p.availability = {WeeklyWindow{1, 9 * 60, 11 * 60}};
    return p;
}

// Two programs, four people, one pair with a session and its feedback.
inline Document small_document() {
    Document d;
    Program program;
    program.id = "R1";
    program.name = "Wave 1";
    d.programs.push_back(program);
    d.participants = {person("P1", Role::Mentor, "Zoë Åkesson"), person("P2", Role::Mentee, "Łukasz Wróbel"),
                      person("P3", Role::Mentor, "Ольга Смирнова"), person("P4", Role::Mentee, "Nguyễn Thị Hương")};
    d.participants[0].manager_id = "P4";
    d.participants[0].skills = {Skill{"Generative AI", 5}};
    d.participants[0].hire_date = Date{2024, 9, 1};
    d.participants[1].learning_goals = {"Generative AI"};
    Pair pair;
    pair.id = "pair-1";
    pair.program_id = "R1";
    pair.mentor_id = "P1";
    pair.mentee_id = "P2";
    d.pairs.push_back(pair);
    Session session;
    session.id = "ses-1";
    session.pair_id = "pair-1";
    session.start = 1795392000 + 9 * 3600;
    session.status = SessionStatus::Held;
    session.follow_ups = {FollowUp{"Try the prompt library", true}};
    session.history = {SessionChange{1795392000, SessionStatus::Planned}};
    d.sessions.push_back(session);
    Feedback fb;
    fb.id = "fb-1";
    fb.pair_id = "pair-1";
    fb.session_id = "ses-1";
    fb.author_id = "P2";
    fb.rating = 5;
    fb.comment = "Great \"first\" session\nwith a line break";
    d.feedback.push_back(fb);
    return d;
}

}  // namespace flipside::testing
