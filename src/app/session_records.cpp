#include "app/session_records.h"

#include "core/civil_time.h"
#include "core/ids.h"

namespace flipside::app {

bool records_what_happened(SessionStatus status) {
    return status == SessionStatus::Held || status == SessionStatus::NoShow;
}

std::optional<std::string> status_refusal(const Session& session, SessionStatus status, UtcSeconds now) {
    if (!records_what_happened(status) || session.start <= now) return std::nullopt;
    return std::string("this session starts on ") + format_iso_date(civil_from_days(floor_days(session.start))) +
           ", in the future: it can be marked " + session_status_name(status) + " once it has started";
}

Edit mark_session(const Session& session, SessionStatus status) {
    Session after = session;
    after.history.push_back(SessionChange{session.start, session.status});
    after.status = status;
    return update_session(session, after, std::string("mark session ") + session_status_name(status));
}

Session session_notes_to_save(const Session& session, const Session& draft) {
    Session after = session;
    after.agenda = draft.agenda;
    after.notes = draft.notes;
    after.follow_ups.clear();
    for (const FollowUp& follow_up : draft.follow_ups)
        if (!follow_up.text.empty()) after.follow_ups.push_back(follow_up);
    return after;
}

bool session_notes_changed(const Session& session, const Session& draft) {
    return session_notes_to_save(session, draft) != session;
}

Edit save_session_notes(const Session& session, const Session& draft) {
    return update_session(session, session_notes_to_save(session, draft), "edit session notes");
}

Session hand_placed_session(const Document& document, const Pair& pair, UtcSeconds start) {
    Session session;
    session.id = unused_id(document.sessions, kSessionIds);
    session.pair_id = pair.id;
    session.start = start;
    for (const Program& program : document.programs)
        if (program.id == pair.program_id) session.minutes = program.session_minutes;
    session.pinned = true;
    return session;
}

}  // namespace flipside::app
