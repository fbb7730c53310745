#include "core/scheduling/scheduler.h"

namespace flipside::scheduling {
namespace {

Session* find(Document& document, const std::string& id) {
    for (Session& session : document.sessions)
        if (session.id == id) return &session;
    return nullptr;
}

// Whether calendars must be told (the event's time or existence changes).
bool changes_calendar(SessionStatus from, SessionStatus to) {
    return (from == SessionStatus::Cancelled) != (to == SessionStatus::Cancelled);
}

}  // namespace

SessionEditResult move_session(Document& document, const std::string& session_id, UtcSeconds new_start,
                               bool even_if_pinned) {
    Session* session = find(document, session_id);
    if (!session) return SessionEditResult::NoSuchSession;
    if (session->pinned && !even_if_pinned) return SessionEditResult::Pinned;
    if (session->start == new_start) return SessionEditResult::Unchanged;
    session->history.push_back(SessionChange{session->start, session->status});
    session->start = new_start;
    session->status = SessionStatus::Moved;
    ++session->sequence;
    return SessionEditResult::Done;
}

SessionEditResult set_session_status(Document& document, const std::string& session_id, SessionStatus status) {
    Session* session = find(document, session_id);
    if (!session) return SessionEditResult::NoSuchSession;
    if (session->status == status) return SessionEditResult::Unchanged;
    if (changes_calendar(session->status, status)) {
        session->history.push_back(SessionChange{session->start, session->status});
        ++session->sequence;
    }
    session->status = status;
    return SessionEditResult::Done;
}

SessionEditResult set_session_pinned(Document& document, const std::string& session_id, bool pinned) {
    Session* session = find(document, session_id);
    if (!session) return SessionEditResult::NoSuchSession;
    if (session->pinned == pinned) return SessionEditResult::Unchanged;
    session->pinned = pinned;
    return SessionEditResult::Done;
}

}  // namespace flipside::scheduling
