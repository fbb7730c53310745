// Changing one session: move it, cancel it, mark it held or a no-show. A move keeps where the
// session was in its history and raises its SEQUENCE so calendars replace the old event.
// Conflict checks are the caller's choice (scheduler.h: slot_conflicts) so that a coordinator
// can still force a move after seeing who is busy.
#pragma once

#include <string>

#include "core/model.h"

namespace flipside {

enum class SessionEditResult { Done, Unchanged, NoSuchSession, Pinned };

// Moves `session_id` to `new_start`: history gets {old start, old status}, status becomes
// Moved, sequence + 1. Pinned sessions refuse unless `even_if_pinned`.
SessionEditResult move_session(Document& document, const std::string& session_id, UtcSeconds new_start,
                               bool even_if_pinned = false);

// Planned/Moved -> Cancelled (sequence + 1, history kept); Cancelled -> Planned (sequence + 1).
SessionEditResult set_session_status(Document& document, const std::string& session_id, SessionStatus status);

SessionEditResult set_session_pinned(Document& document, const std::string& session_id, bool pinned);

}  // namespace flipside
