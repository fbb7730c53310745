// What the Sessions screen records about a pair's sessions, as edits: a status (held and no-show
// say what happened, so only once the session has started), the agenda, notes and follow-ups
// saved as they are typed, and a session added by hand.
#pragma once

#include <optional>
#include <string>

#include "app/edit.h"
#include "core/model.h"

namespace flipside::app {

// Held and no-show record what happened.
bool records_what_happened(SessionStatus status);

// Why `session` may not be marked `status` at `now`, in words, or nothing when it may.
std::optional<std::string> status_refusal(const Session& session, SessionStatus status, UtcSeconds now);

// The status change, the session's history keeping the status it had ("mark session held").
Edit mark_session(const Session& session, SessionStatus status);

// The agenda, notes and follow-ups of `draft` as they would be saved (follow-ups without text
// dropped), and whether that differs from `session`: a follow-up row just added and still
// empty is no change yet.
Session session_notes_to_save(const Session& session, const Session& draft);
bool session_notes_changed(const Session& session, const Session& draft);
Edit save_session_notes(const Session& session, const Session& draft);  // "edit session notes"

// A session of `pair` placed by hand at `start`: the program's session length, pinned so the
// scheduler leaves it where it is, and an id no session has.
Session hand_placed_session(const Document& document, const Pair& pair, UtcSeconds start);

}  // namespace flipside::app
