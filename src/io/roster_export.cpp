#include "io/roster_export.h"

#include <cstdio>
#include <unordered_map>

namespace flipside::io {

namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : "; ") + item;
    return out;
}

std::string number(const std::optional<double>& value, int decimals) {
    if (!value) return {};
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, *value);
    return text;
}

}  // namespace

std::string write_roster_csv(const Document& document, const CsvWriteOptions& options) {
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"Employee ID", "Name", "E-mail", "Role", "Department", "Job title", "Level", "Hire date",
                    "Manager e-mail", "Skills", "Learning goals", "Interests", "Languages", "Time zone", "Capacity",
                    "Active", "Background"});
    std::unordered_map<std::string, const Participant*> by_id;
    for (const Participant& p : document.participants) by_id.emplace(p.id, &p);
    for (const Participant& p : document.participants) {
        std::vector<std::string> skills;
        for (const Skill& s : p.skills) skills.push_back(s.name + " (" + std::to_string(s.proficiency) + ")");
        const auto manager = by_id.find(p.manager_id);
        rows.push_back({p.id, p.name, p.email, role_name(p.role), p.department, p.job_title, std::to_string(p.level),
                        p.hire_date ? format_iso_date(*p.hire_date) : std::string(),
                        manager == by_id.end() ? std::string() : manager->second->email, join(skills),
                        join(p.learning_goals), join(p.interests), join(p.languages), p.time_zone,
                        std::to_string(p.capacity), p.active ? "yes" : "no", p.background});
    }
    return write_csv(rows, options);
}

std::string write_pairs_csv(const Document& document, const CsvWriteOptions& options) {
    std::unordered_map<std::string, const Participant*> people;
    for (const Participant& p : document.participants) people.emplace(p.id, &p);
    std::unordered_map<std::string, const Program*> programs;
    for (const Program& p : document.programs) programs.emplace(p.id, &p);
    struct Counts {
        int held = 0;
        int scheduled = 0;
        std::optional<UtcSeconds> last_held;
        int ratings = 0;
        long rating_total = 0;
    };
    std::unordered_map<std::string, Counts> counts;
    for (const Session& s : document.sessions) {
        Counts& c = counts[s.pair_id];
        if (s.status != SessionStatus::Cancelled) ++c.scheduled;
        if (s.status == SessionStatus::Held) {
            ++c.held;
            if (!c.last_held || s.start > *c.last_held) c.last_held = s.start;
        }
    }
    for (const Feedback& f : document.feedback) {
        Counts& c = counts[f.pair_id];
        ++c.ratings;
        c.rating_total += f.rating;
    }
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"Pair ID", "Program", "Mentor", "Mentor e-mail", "Mentor department", "Mentee", "Mentee e-mail",
                    "Mentee department", "State", "End reason", "Sessions held", "Sessions scheduled",
                    "Last held (UTC)", "Average rating", "Ratings"});
    const auto person = [&](const std::string& id) -> const Participant* {
        const auto found = people.find(id);
        return found == people.end() ? nullptr : found->second;
    };
    for (const Pair& pair : document.pairs) {
        const Participant* mentor = person(pair.mentor_id);
        const Participant* mentee = person(pair.mentee_id);
        const auto program = programs.find(pair.program_id);
        const Counts& c = counts[pair.id];
        rows.push_back({pair.id, program == programs.end() ? pair.program_id : program->second->name,
                        mentor ? mentor->name : pair.mentor_id, mentor ? mentor->email : "",
                        mentor ? mentor->department : "", mentee ? mentee->name : pair.mentee_id,
                        mentee ? mentee->email : "", mentee ? mentee->department : "", pair_state_name(pair.state),
                        pair.end_reason, std::to_string(c.held), std::to_string(c.scheduled),
                        c.last_held ? format_iso_date(civil_from_days(floor_days(*c.last_held))) : "",
                        c.ratings ? number(static_cast<double>(c.rating_total) / c.ratings, 2) : "",
                        std::to_string(c.ratings)});
    }
    return write_csv(rows, options);
}

std::string write_program_statistics_csv(const ProgramStatistics& s, const CsvWriteOptions& options) {
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"section", "item", "measure", "value"});
    const auto add = [&](const char* section, const std::string& item, const char* measure, const std::string& value) {
        rows.push_back({section, item, measure, value});
    };
    const auto count = [&](const char* section, const char* measure, int value) { add(section, "", measure, std::to_string(value)); };
    add("program", s.program_id, "name", s.program_name);
    add("program", s.program_id, "as_of", format_utc_timestamp(s.now));
    count("people", "active", s.active_participants);
    count("people", "matched", s.matched);
    count("people", "waiting", s.waiting);
    count("people", "waiting_mentors", s.waiting_mentors);
    count("people", "waiting_mentees", s.waiting_mentees);
    count("pairs", "total", s.pairs);
    count("pairs", "active", s.pairs_active);
    count("pairs", "hiatus", s.pairs_hiatus);
    count("pairs", "completed", s.pairs_completed);
    count("pairs", "on_cadence", s.pairs_on_cadence);
    add("pairs", "", "share_on_cadence", number(s.share_on_cadence, 4));
    count("pairs", "at_risk", s.pairs_at_risk);
    count("sessions", "scheduled", s.sessions_scheduled);
    count("sessions", "held", s.sessions_held);
    count("sessions", "due", s.sessions_due);
    count("sessions", "overdue", s.sessions_overdue);
    count("sessions", "upcoming", s.sessions_upcoming);
    count("sessions", "cancelled", s.sessions_cancelled);
    count("sessions", "no_show", s.sessions_no_show);
    count("sessions", "target", s.sessions_target);
    add("sessions", "", "share_held_of_due", number(s.share_held_of_due, 4));
    const auto ratings = [&](const char* section, const RatingSummary& r) {
        count(section, "count", r.count);
        add(section, "", "average", number(r.average, 2));
        add(section, "", "share_4_or_5", number(r.share_high, 4));
        for (int value = 1; value <= 5; ++value)
            add(section, std::to_string(value), "ratings", std::to_string(r.distribution[static_cast<std::size_t>(value - 1)]));
    };
    ratings("ratings", s.ratings);
    ratings("session_ratings", s.session_ratings);
    ratings("close_out_ratings", s.close_out_ratings);
    for (const DepartmentCoverage& d : s.departments) {
        add("department", d.department, "active", std::to_string(d.active_people));
        add("department", d.department, "matched", std::to_string(d.matched));
        add("department", d.department, "waiting", std::to_string(d.waiting));
        add("department", d.department, "share_matched", number(d.share_matched, 4));
    }
    for (const PairFigures& f : s.at_risk) {
        std::string reasons;
        for (const std::string& r : f.risk_reasons) reasons += (reasons.empty() ? "" : "; ") + r;
        add("at_risk", f.pair_id, "pair", f.mentor_name + " & " + f.mentee_name);
        add("at_risk", f.pair_id, "reasons", reasons);
    }
    for (const LeaderBoardEntry& e : s.leader_board) {
        add("leader_board", e.pair.pair_id, "rank", std::to_string(e.rank));
        add("leader_board", e.pair.pair_id, "pair", e.pair.mentor_name + " & " + e.pair.mentee_name);
        add("leader_board", e.pair.pair_id, "sessions_held", std::to_string(e.pair.sessions_held));
        add("leader_board", e.pair.pair_id, "average_rating", number(e.pair.ratings.average, 2));
    }
    for (const WeekFigures& w : s.weeks) {
        const std::string week = format_iso_date(w.week_start);
        add("week", week, "held", std::to_string(w.held));
        add("week", week, "planned", std::to_string(w.planned));
        add("week", week, "cancelled", std::to_string(w.cancelled));
        add("week", week, "no_show", std::to_string(w.no_show));
    }
    return write_csv(rows, options);
}

}  // namespace flipside::io
