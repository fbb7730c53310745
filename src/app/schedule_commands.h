// What the Calendar's "Generate schedule" and "Move…" do, as data: the undoable edits and
// what the screen says, built here without ImGui so that tests can check them; the screen
// applies one and shows the other.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/edit.h"
#include "app/user_message.h"
#include "core/model.h"
#include "core/scheduling/scheduler.h"
#include "core/time_zone_catalog.h"

namespace flipside::app {

struct GeneratedSchedule {
    // The new sessions, appended after the document's, as one step labelled "Generate
    // schedule" (Edit > Undo takes them all back). Empty when nothing was placed.
    Edit edit;
    // "12 sessions planned; 3 of 4 pairs fully scheduled", with one detail line per pair that
    // could not be placed in full ("pair-0007: no free slot on ..."), then an error; or, when
    // every active pair already has sessions, a note that there is nothing to generate.
    UserMessage message;
    scheduling::ScheduleReport report;  // the scheduler's own account
    // The earliest start among the new sessions: the Calendar shows its month or week, not
    // the empty one it was on. Nothing when no session was placed.
    std::optional<UtcSeconds> first_new_start;
};

// Plans every active pair of `program_id` that has no session yet (see
// scheduling::schedule_unscheduled_pairs): existing sessions never move. `document` is left as it is.
GeneratedSchedule generate_schedule(const Document& document, const std::string& program_id,
                                    const TimeZoneCatalog& time_zones);

// "Move…" checks before it moves: refused with the reason in words (the time typed is no time,
// the session is already then or is gone), or the people busy then (the screen offers "Move
// anyway"), or free, and then the move is made at once.
struct MoveCheck {
    enum class Verdict { Refused, Busy, Free };
    Verdict verdict = Verdict::Refused;
    std::string refusal;                 // Refused: why, as the screen says it
    std::vector<std::string> conflicts;  // Busy: who is busy or away then (scheduling::slot_conflicts)
};

// Checks moving `session_id` to `target`, the time read from "Move to" (nothing: the text is
// no "YYYY-MM-DD HH:MM").
MoveCheck check_move(const Document& document, const std::string& session_id, const std::optional<UtcSeconds>& target,
                     const TimeZoneCatalog& time_zones);

// The move of `session_id` to `target` as one step labelled "Move session" (pinned sessions
// move too: the coordinator asked for it); empty when there is no such session.
Edit move_session_edit(const Document& document, const std::string& session_id, UtcSeconds target);

}  // namespace flipside::app
