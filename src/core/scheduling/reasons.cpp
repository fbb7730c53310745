// Why the scheduler could not do something, in lines a coordinator can act on (see
// scheduler_reasons.h).
#include "core/scheduling/detail/reasons.h"

namespace flipside::scheduling {
namespace {

std::string clock_utc(UtcSeconds instant) {
    return format_utc_timestamp(instant).substr(11, 5) + " UTC";
}

std::string join_failures(const Placement& placement, std::size_t limit = 5) {
    std::string text;
    for (std::size_t i = 0; i < placement.failed_dates.size() && i < limit; ++i) {
        if (i) text += "; ";
        text += format_iso_date(placement.failed_dates[i]);
        if (!placement.failed_reasons[i].empty()) text += " (" + placement.failed_reasons[i] + ")";
    }
    if (placement.failed_dates.size() > limit)
        text += "; and " + std::to_string(placement.failed_dates.size() - limit) + " more";
    return text;
}

}  // namespace

std::string describe(const Program& program, const Person& p, const Verdict& verdict) {
    const std::string& name = p.participant->name.empty() ? p.participant->id : p.participant->name;
    const std::string date = format_iso_date(civil_from_days(verdict.local_day));
    switch (verdict.block) {
        case Block::None: return {};
        case Block::OutsideProgram: return date + " is outside the program for " + name;
        case Block::Blackout: return date + " is a blackout date";
        case Block::Absent: return name + " is away on " + date;
        case Block::OutsideAvailability: return name + " is not available then (local time, " + p.participant->time_zone + ")";
        case Block::OffsetChange: return "the clocks change in " + p.participant->time_zone + " during the session";
        case Block::Busy:
            return name + " already has session " + verdict.with->session_id + " at " + clock_utc(verdict.with->start);
        case Block::DayLimit:
            return name + " already has " + std::to_string(program.max_sessions_per_day) +
                   " session(s) on " + date;
    }
    return {};
}

std::string person_problem(const Participant* participant, const std::string& id, const char* role,
                           const TimeZoneCatalog& time_zones) {
    if (!participant) return std::string(role) + " " + id + " is not in the roster";
    if (!time_zones.is_known(participant->time_zone))
        return std::string(role) + " " + id + " has an unknown time zone \"" + participant->time_zone + "\"";
    return {};
}

std::string person_problem(const Document& document, const std::string& id, const char* role,
                           const TimeZoneCatalog& time_zones) {
    for (const Participant& participant : document.participants)
        if (participant.id == id) return person_problem(&participant, id, role, time_zones);
    return person_problem(nullptr, id, role, time_zones);
}

std::string person_problem(Engine& engine, const std::string& id, const char* role,
                           const TimeZoneCatalog& time_zones) {
    const Participant* participant = engine.participant(id);
    if (participant && engine.zone_known(participant->time_zone)) return {};
    return person_problem(participant, id, role, time_zones);
}

void explain_failures(PairPlanner& planner, Placement& placement) {
    placement.failed_reasons.clear();
    for (std::size_t i = 0; i < placement.by_date.size(); ++i) {
        if (placement.by_date[i] != kNoStart) continue;
        const PairPlanner::Range range = range_for(planner, placement, i);
        std::vector<std::string> reasons;
        planner.nearest_between(nominal_for(planner, placement, i), range.lo, range.hi, true, &reasons,
                                planner.radius_days());
        std::string text;
        for (const std::string& reason : reasons) text += (text.empty() ? "" : ", ") + reason;
        placement.failed_reasons.push_back(text);
    }
}

std::optional<UnscheduledPair> unscheduled_entry(const Pair& pair, const Placement& placement, int wanted) {
    if (!placement.has_common_window)
        return UnscheduledPair{pair.id,
                               "no common window: the mentor and mentee are never both available for a whole session",
                               placement.failed_dates};
    const int available_dates = placement.dates_planned;
    std::string reason;
    if (!placement.failed_dates.empty())
        reason = "no free slot on " + join_failures(placement);
    if (available_dates < wanted) {
        if (!reason.empty()) reason += "; ";
        reason += "the program window holds only " + std::to_string(available_dates) + " of " +
                  std::to_string(wanted) + " cadence dates";
    }
    if (reason.empty()) return std::nullopt;
    return UnscheduledPair{pair.id, reason, placement.failed_dates};
}

}  // namespace flipside::scheduling
