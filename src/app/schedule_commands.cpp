#include "app/schedule_commands.h"

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
    for (std::size_t i = before; i < next.sessions.size(); ++i)
        result.edit.sessions.push_back(RecordChange<Session>{std::nullopt, std::move(next.sessions[i]), kAppend});

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

}  // namespace flipside::app
