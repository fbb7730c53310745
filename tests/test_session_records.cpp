#include <doctest/doctest.h>

#include "app/session_records.h"
#include "core/civil_time.h"

using namespace flipside;
using namespace flipside::app;

namespace {

const UtcSeconds kNoon = days_from_civil(Date{2027, 1, 12}) * kSecondsPerDay + 12 * 3600;

Session planned_at(UtcSeconds start) {
    Session session;
    session.id = "ses-00001";
    session.pair_id = "pair-1";
    session.start = start;
    return session;
}

}  // namespace

TEST_CASE("held and no-show wait for the session to start; the other statuses do not") {
    const Session session = planned_at(kNoon);
    for (SessionStatus status : {SessionStatus::Held, SessionStatus::NoShow}) {
        const auto refusal = status_refusal(session, status, kNoon - 60);
        REQUIRE(refusal);
        CHECK(refusal->find("2027-01-12, in the future") != std::string::npos);
        CHECK(refusal->find(session_status_name(status)) != std::string::npos);
        CHECK_FALSE(status_refusal(session, status, kNoon));
        CHECK_FALSE(status_refusal(session, status, kNoon + 3600));
    }
    for (SessionStatus status : {SessionStatus::Planned, SessionStatus::Cancelled, SessionStatus::Moved})
        CHECK_FALSE(status_refusal(session, status, kNoon - 86400));
}

TEST_CASE("marking a session keeps the status before in its history") {
    Document d;
    d.sessions.push_back(planned_at(kNoon));
    const Edit edit = mark_session(d.sessions[0], SessionStatus::Held);
    CHECK(edit.label == "mark session held");
    apply_edit(d, edit);
    CHECK(d.sessions[0].status == SessionStatus::Held);
    REQUIRE(d.sessions[0].history.size() == 1);
    CHECK(d.sessions[0].history[0].previous_status == SessionStatus::Planned);
    CHECK(d.sessions[0].history[0].previous_start == kNoon);
}

TEST_CASE("notes save without the follow-up rows still empty, and an empty new row is no change") {
    const Session session = planned_at(kNoon);
    Session draft = session;
    draft.follow_ups.push_back(FollowUp{"", false});
    CHECK_FALSE(session_notes_changed(session, draft));
    draft.follow_ups.push_back(FollowUp{"Send the slides", false});
    draft.agenda = "Dashboards";
    CHECK(session_notes_changed(session, draft));
    const Session saved = session_notes_to_save(session, draft);
    CHECK(saved.agenda == "Dashboards");
    REQUIRE(saved.follow_ups.size() == 1);
    CHECK(saved.follow_ups[0].text == "Send the slides");
    CHECK(save_session_notes(session, draft).label == "edit session notes");
}

TEST_CASE("a session placed by hand takes the program's length, a free id, and is pinned") {
    Document d;
    Program program;
    program.id = "W1";
    program.session_minutes = 45;
    d.programs.push_back(program);
    Pair pair;
    pair.id = "pair-1";
    pair.program_id = "W1";
    d.pairs.push_back(pair);
    d.sessions.push_back(planned_at(kNoon));
    const Session session = hand_placed_session(d, pair, kNoon + 7 * 86400);
    CHECK(session.id != d.sessions[0].id);
    CHECK(session.minutes == 45);
    CHECK(session.pinned);
    CHECK(session.start == kNoon + 7 * 86400);
    CHECK(session.pair_id == "pair-1");
}
