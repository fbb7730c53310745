// "Generate schedule" without ImGui: the new sessions are the edit, the message says what was
// planned and names each pair that could not be placed, and Edit > Undo brings the document back.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "app/app.h"
#include "app/schedule_commands.h"
#include "platform/interface/time_zones.h"
#include "platform/memory_platform.h"
#include "schedule_fixtures.h"

using namespace flipside;
using namespace flipside::schedule_fixtures;

namespace {

const TimeZoneCatalog& zones() { return platform::system_time_zones(); }

// Eight weekly sessions between 2 March and 24 April 2026. pair-1 shares Monday mornings;
// pair-2's people are free on different days, so they never share an hour.
Document wave() {
    Document d;
    d.programs = {weekly_program(Date{2026, 3, 2}, Date{2026, 4, 24}, 8)};
    const WeeklyWindow monday_morning{0, 9 * 60, 12 * 60};
    d.participants = {person_in_zone("M1", Role::Mentor, "Europe/London", {monday_morning}),
                      person_in_zone("S1", Role::Mentee, "Europe/London", {monday_morning}),
                      person_in_zone("M2", Role::Mentor, "Europe/London", {WeeklyWindow{2, 9 * 60, 10 * 60}}),
                      person_in_zone("S2", Role::Mentee, "Europe/London", {WeeklyWindow{4, 15 * 60, 16 * 60}})};
    d.pairs = {wave_pair("pair-1", "M1", "S1"), wave_pair("pair-2", "M2", "S2")};
    return d;
}

}  // namespace

TEST_CASE("generate schedule: the new sessions are the edit, the document passed in stays as it was") {
    Document d = wave();
    d.pairs.pop_back();  // only the pair that can meet
    const Document before = d;
    const app::GeneratedSchedule generated = app::generate_schedule(d, "W1", zones());
    CHECK(d == before);
    CHECK(generated.edit.label == "Generate schedule");
    REQUIRE(generated.edit.sessions.size() == 8);
    CHECK(generated.report.added_session_ids.size() == 8);
    std::set<std::string> added(generated.report.added_session_ids.begin(), generated.report.added_session_ids.end());
    for (const app::RecordChange<Session>& change : generated.edit.sessions) {
        CHECK_FALSE(change.before.has_value());
        REQUIRE(change.after.has_value());
        CHECK(change.position == app::kAppend);
        CHECK(change.after->pair_id == "pair-1");
        CHECK(added.count(change.after->id) == 1);
    }
    CHECK(generated.edit.programs.empty());
    CHECK(generated.edit.pairs.empty());
    CHECK(generated.message.kind == app::MessageKind::Info);
    CHECK(generated.message.text == "8 sessions planned; 1 of 1 pairs fully scheduled");
    CHECK(generated.message.details.empty());

    // Applied, the edit gives what the scheduler gives on the document itself.
    Document applied = d;
    app::apply_edit(applied, generated.edit);
    Document scheduled = d;
    scheduling::schedule_unscheduled_pairs(scheduled, "W1", zones());
    CHECK(applied == scheduled);
}

TEST_CASE("generate schedule: people without availability are the cause, said once before the pairs") {
    Document d = wave();
    d.participants[3].availability.clear();
    const app::GeneratedSchedule generated = app::generate_schedule(d, "W1", zones());
    CHECK(generated.message.text ==
          "8 sessions planned; 1 of 2 pairs fully scheduled. 1 of the 4 people in this wave's active pairs has no "
          "availability: paint it in People, select them there and apply office hours, or invite them to fill it in.");
    REQUIRE(generated.message.details.size() == 1);
    CHECK(generated.message.details.front().rfind("Person M2 & Person S2 (pair-2): ", 0) == 0);
}

TEST_CASE("generate schedule: a pair that cannot be placed is named in the message, which is an error") {
    const app::GeneratedSchedule generated = app::generate_schedule(wave(), "W1", zones());
    CHECK(generated.message.kind == app::MessageKind::Error);
    CHECK(generated.message.text == "8 sessions planned; 1 of 2 pairs fully scheduled");
    REQUIRE(generated.report.unscheduled.size() == 1);
    const scheduling::UnscheduledPair& unplaced = generated.report.unscheduled.front();
    CHECK(unplaced.pair_id == "pair-2");
    REQUIRE(generated.message.details.size() == 1);
    // People read names, the id in brackets.
    CHECK(generated.message.details.front() == "Person M2 & Person S2 (pair-2): " + unplaced.reason);
    CHECK_FALSE(unplaced.reason.empty());
    CHECK(std::all_of(generated.edit.sessions.begin(), generated.edit.sessions.end(),
                      [](const app::RecordChange<Session>& c) { return c.after && c.after->pair_id == "pair-1"; }));
}

TEST_CASE("generate schedule: when every active pair has sessions there is nothing to generate") {
    Document d = wave();
    app::apply_edit(d, app::generate_schedule(d, "W1", zones()).edit);
    Session one;
    one.id = "ses-manual";
    one.pair_id = "pair-2";
    d.sessions.push_back(one);
    const app::GeneratedSchedule again = app::generate_schedule(d, "W1", zones());
    CHECK(again.edit.empty());
    CHECK(again.message.kind == app::MessageKind::Info);
    CHECK(again.message.text == "Every active pair already has sessions: nothing to generate.");
    CHECK(again.message.details.empty());
}

TEST_CASE("generate schedule through the app: one undoable step, and undo brings the document back") {
    platform::MemoryPlatform memory(zones());
    app::App app(memory.platform);
    app.apply(app::replace_document(app.document(), wave(), "a wave to schedule"));
    const Document before = app.document();
    const std::uint64_t revision = app.revision();

    app::GeneratedSchedule generated = app::generate_schedule(app.document(), "W1", zones());
    const std::size_t added = generated.edit.sessions.size();
    REQUIRE(added > 0);
    app.apply(std::move(generated.edit));
    app.post(std::move(generated.message));
    CHECK(app.document().sessions.size() == before.sessions.size() + added);
    CHECK(app.revision() > revision);
    CHECK(app.undo_label() == "Generate schedule");
    REQUIRE_FALSE(app.messages().empty());
    CHECK(app.messages().back().text == "8 sessions planned; 1 of 2 pairs fully scheduled");
    CHECK(app.messages().back().details.size() == 1);

    app.undo();
    CHECK(app.document() == before);
    app.redo();
    CHECK(app.document().sessions.size() == before.sessions.size() + added);
}

TEST_CASE("generate schedule: the earliest new start is where the Calendar goes") {
    Document d = wave();
    d.pairs.pop_back();
    const app::GeneratedSchedule generated = app::generate_schedule(d, "W1", zones());
    REQUIRE(generated.first_new_start.has_value());
    UtcSeconds earliest = generated.edit.sessions.front().after->start;
    for (const app::RecordChange<Session>& change : generated.edit.sessions) earliest = std::min(earliest, change.after->start);
    CHECK(*generated.first_new_start == earliest);
    app::apply_edit(d, generated.edit);
    CHECK_FALSE(app::generate_schedule(d, "W1", zones()).first_new_start.has_value());  // nothing new
}

TEST_CASE("move: checked first; refused in words, busy people named, a free time moves in one step") {
    Document d = wave();
    d.pairs.pop_back();
    app::apply_edit(d, app::generate_schedule(d, "W1", zones()).edit);
    const Session first = d.sessions.front();
    using Verdict = app::MoveCheck::Verdict;

    const app::MoveCheck unreadable = app::check_move(d, first.id, std::nullopt, zones());
    CHECK(unreadable.verdict == Verdict::Refused);
    CHECK(unreadable.refusal.find("YYYY-MM-DD HH:MM") != std::string::npos);
    const app::MoveCheck same = app::check_move(d, first.id, first.start, zones());
    CHECK(same.verdict == Verdict::Refused);
    CHECK(same.refusal.find("already at that time") != std::string::npos);
    CHECK(app::check_move(d, "no-such-session", first.start + 3600, zones()).verdict == Verdict::Refused);

    const app::MoveCheck tuesday = app::check_move(d, first.id, first.start + 86400, zones());  // nobody is free then
    CHECK(tuesday.verdict == Verdict::Busy);
    CHECK_FALSE(tuesday.conflicts.empty());

    UtcSeconds free_start = first.start;  // another hour of the same Monday morning
    for (const UtcSeconds candidate : {first.start - 3600, first.start + 3600, first.start + 7200})
        if (app::check_move(d, first.id, candidate, zones()).verdict == Verdict::Free) free_start = candidate;
    REQUIRE(free_start != first.start);
    const app::Edit move = app::move_session_edit(d, first.id, free_start);
    CHECK(move.label == "Move session");
    app::apply_edit(d, move);
    const auto moved = std::find_if(d.sessions.begin(), d.sessions.end(), [&](const Session& s) { return s.id == first.id; });
    REQUIRE(moved != d.sessions.end());
    CHECK(moved->start == free_start);
    CHECK(moved->status == SessionStatus::Moved);
    CHECK(app::move_session_edit(d, "no-such-session", free_start).empty());
}
