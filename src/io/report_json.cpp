#include "io/report_json.h"

#include <cmath>

namespace flipside::io {

namespace {

using nlohmann::json;

json rounded(const std::optional<double>& value, int decimals) {
    if (!value) return nullptr;
    const double scale = std::pow(10.0, decimals);
    return std::round(*value * scale) / scale;
}

json instant(const std::optional<UtcSeconds>& value) {
    if (!value) return nullptr;
    return format_utc_timestamp(*value);
}

json ratings_json(const RatingSummary& r) {
    return json{{"count", r.count},
                {"average", rounded(r.average, 2)},
                {"share_4_or_5", rounded(r.share_high, 4)},
                {"distribution", json{{"1", r.distribution[0]}, {"2", r.distribution[1]}, {"3", r.distribution[2]},
                                      {"4", r.distribution[3]}, {"5", r.distribution[4]}}}};
}

json pair_json(const PairFigures& f) {
    return json{{"pair_id", f.pair_id},
                {"mentor_id", f.mentor_id},
                {"mentor_name", f.mentor_name},
                {"mentee_id", f.mentee_id},
                {"mentee_name", f.mentee_name},
                {"state", pair_state_name(f.state)},
                {"sessions_held", f.sessions_held},
                {"sessions_scheduled", f.sessions_scheduled},
                {"sessions_no_show", f.sessions_no_show},
                {"last_held", instant(f.last_held)},
                {"next_planned", instant(f.next_planned)},
                {"days_since_last_held", f.days_since_last_held ? json(*f.days_since_last_held) : json(nullptr)},
                {"on_cadence", f.state == PairState::Active ? json(f.on_cadence) : json(nullptr)},
                {"average_rating", rounded(f.ratings.average, 2)},
                {"ratings", f.ratings.count},
                {"risk_reasons", f.risk_reasons}};
}

}  // namespace

json program_statistics_to_json(const ProgramStatistics& s) {
    json out;
    out["program"] = s.program_id.empty() ? json(nullptr)
                                          : json{{"id", s.program_id},
                                                 {"name", s.program_name},
                                                 {"start_date", format_iso_date(s.program_start)},
                                                 {"end_date", format_iso_date(s.program_end)},
                                                 {"cadence_days", s.cadence_days}};
    out["as_of"] = format_utc_timestamp(s.now);
    out["people"] = json{{"participants", s.participants},
                         {"active", s.active_participants},
                         {"active_mentors", s.active_mentors},
                         {"active_mentees", s.active_mentees},
                         {"matched", s.matched},
                         {"waiting", s.waiting},
                         {"waiting_mentors", s.waiting_mentors},
                         {"waiting_mentees", s.waiting_mentees}};
    out["pairs"] = json{{"total", s.pairs},
                        {"active", s.pairs_active},
                        {"hiatus", s.pairs_hiatus},
                        {"completed", s.pairs_completed},
                        {"on_cadence", s.pairs_on_cadence},
                        {"share_on_cadence", rounded(s.share_on_cadence, 4)},
                        {"at_risk", s.pairs_at_risk}};
    out["sessions"] = json{{"scheduled", s.sessions_scheduled},
                           {"held", s.sessions_held},
                           {"due", s.sessions_due},
                           {"overdue", s.sessions_overdue},
                           {"upcoming", s.sessions_upcoming},
                           {"cancelled", s.sessions_cancelled},
                           {"no_show", s.sessions_no_show},
                           {"target", s.sessions_target},
                           {"share_held_of_due", rounded(s.share_held_of_due, 4)}};
    out["ratings"] = ratings_json(s.ratings);
    out["session_ratings"] = ratings_json(s.session_ratings);
    out["close_out_ratings"] = ratings_json(s.close_out_ratings);
    json departments = json::array();
    for (const DepartmentCoverage& d : s.departments)
        departments.push_back(json{{"department", d.department},
                                   {"active", d.active_people},
                                   {"mentors", d.mentors},
                                   {"mentees", d.mentees},
                                   {"matched", d.matched},
                                   {"waiting", d.waiting},
                                   {"share_matched", rounded(d.share_matched, 4)}});
    out["departments"] = std::move(departments);
    json at_risk = json::array();
    for (const PairFigures& f : s.at_risk) at_risk.push_back(pair_json(f));
    out["at_risk"] = std::move(at_risk);
    json board = json::array();
    for (const LeaderBoardEntry& e : s.leader_board) {
        json entry = pair_json(e.pair);
        entry["rank"] = e.rank;
        board.push_back(std::move(entry));
    }
    out["leader_board"] = std::move(board);
    json weeks = json::array();
    for (const WeekFigures& w : s.weeks)
        weeks.push_back(json{{"week_start", format_iso_date(w.week_start)},
                             {"held", w.held},
                             {"planned", w.planned},
                             {"cancelled", w.cancelled},
                             {"no_show", w.no_show}});
    out["sessions_per_week"] = std::move(weeks);
    out["sessions_outside_series"] = s.sessions_outside_series;
    return out;
}

std::string write_program_statistics_json(const ProgramStatistics& statistics, int indent) {
    // Names come from the roster, which is valid UTF-8; replace keeps a bad byte from throwing.
    return program_statistics_to_json(statistics).dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace flipside::io
