#include "app/schedule_commands.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "app/profile_gap_cause.h"
#include "core/display_names.h"

namespace flipside::app {

GeneratedSchedule generate_schedule(const Document& document, const std::string& program_id,
                                    const TimeZoneCatalog& time_zones) {
    GeneratedSchedule result;
    Document next = document;
    const std::size_t before = next.sessions.size();
    result.report = scheduling::schedule_unscheduled_pairs(next, program_id, time_zones);
    const scheduling::ScheduleReport& report = result.report;

    result.edit.label = "Generate schedule";
    for (std::size_t i = before; i < next.sessions.size(); ++i) {
        const UtcSeconds start = next.sessions[i].start;
        if (!result.first_new_start || start < *result.first_new_start) result.first_new_start = start;
        result.edit.sessions.push_back(RecordChange<Session>{std::nullopt, std::move(next.sessions[i]), kAppend});
    }

    UserMessage& message = result.message;
    if (report.pairs_considered == 0) {
        message.kind = MessageKind::Info;
        message.text = "Every active pair already has sessions: nothing to generate.";
        return result;
    }
    for (const scheduling::UnscheduledPair& u : report.unscheduled) message.details.push_back(pair_names_with_id(document, u.pair_id) + ": " + u.reason);
    message.kind = message.details.empty() ? MessageKind::Info : MessageKind::Error;
    message.text = std::to_string(report.added_session_ids.size()) + " sessions planned; " +
                   std::to_string(report.pairs_fully_scheduled) + " of " + std::to_string(report.pairs_considered) +
                   " pairs fully scheduled";
    // The shared cause first, once, before each pair's own reason.
    if (!message.details.empty())
        if (const std::optional<GapCause> cause = scheduling_gap_cause(document, program_id))
            message.text += ". " + cause->text;
    return result;
}

namespace {

const Session* find_session(const Document& document, const std::string& session_id) {
    const auto found = std::find_if(document.sessions.rbegin(), document.sessions.rend(),
                                    [&](const Session& s) { return s.id == session_id; });  // the last of equal ids
    return found == document.sessions.rend() ? nullptr : &*found;
}

}  // namespace

MoveCheck check_move(const Document& document, const std::string& session_id, const std::optional<UtcSeconds>& target,
                     const TimeZoneCatalog& time_zones) {
    MoveCheck check;
    const Session* session = find_session(document, session_id);
    if (!session) {
        check.refusal = "This session is no longer in the calendar: nothing to move.";
    } else if (!target) {
        check.refusal = "Not moved: type the new time as YYYY-MM-DD HH:MM (for example 2027-01-11 14:30), "
                        "or press Nearest free time.";
    } else if (*target == session->start) {
        check.refusal = "Not moved: the session is already at that time. Type another time, or press Nearest free time.";
    } else {
        check.conflicts = scheduling::slot_conflicts(document, session_id, *target, time_zones);
        check.verdict = check.conflicts.empty() ? MoveCheck::Verdict::Free : MoveCheck::Verdict::Busy;
    }
    return check;
}

Edit move_session_edit(const Document& document, const std::string& session_id, UtcSeconds target) {
    const Session* session = find_session(document, session_id);
    if (!session) return {};
    Document scratch;
    scratch.sessions.push_back(*session);
    if (scheduling::move_session(scratch, session_id, target, true) != scheduling::SessionEditResult::Done) return {};
    return update_session(*session, scratch.sessions.front(), "Move session");
}

}  // namespace flipside::app
