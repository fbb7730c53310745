#include "core/program_statistics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace flipside {

namespace {

void add_rating(RatingSummary& summary, int rating) {
    if (rating < 1 || rating > 5) return;  // validation refuses these; never index out of range
    ++summary.distribution[static_cast<std::size_t>(rating - 1)];
    ++summary.count;
}

void finish(RatingSummary& summary) {
    if (summary.count == 0) return;
    long total = 0;
    for (int r = 1; r <= 5; ++r) total += static_cast<long>(r) * summary.distribution[static_cast<std::size_t>(r - 1)];
    summary.average = static_cast<double>(total) / summary.count;
    summary.share_high = static_cast<double>(summary.distribution[3] + summary.distribution[4]) / summary.count;
}

int cadence_period_days(const Cadence& cadence) {
    switch (cadence.kind) {
        case CadenceKind::Weekly: return std::max(1, cadence.interval) * 7;
        case CadenceKind::EveryNDays: return std::max(1, cadence.interval);
        case CadenceKind::MonthlyNthWeekday: return 31;
    }
    return 14;
}

std::string one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

}  // namespace

ProgramStatistics compute_program_statistics(const Document& document, const StatisticsOptions& options) {
    ProgramStatistics stats;
    stats.now = options.now;
    const Program* program = nullptr;
    if (options.program_id.empty()) {
        program = document.current_program();
    } else {
        for (const Program& p : document.programs)
            if (p.id == options.program_id) program = &p;
    }
    const std::int64_t today = floor_days(options.now);
    stats.today = today;
    if (program) {
        stats.program_id = program->id;
        stats.program_name = program->name;
        stats.program_start = program->start_date;
        stats.program_end = program->end_date;
        stats.cadence_days = cadence_period_days(program->cadence);
    }
    const std::int64_t start_day = days_from_civil(stats.program_start);
    const bool started = program && today >= start_day;

    // People and who is matched in this program.
    std::unordered_map<std::string, const Participant*> people;
    people.reserve(document.participants.size());
    for (const Participant& p : document.participants) people.emplace(p.id, &p);

    std::vector<const Pair*> pairs;
    std::unordered_map<std::string, std::size_t> pair_index;
    std::unordered_set<std::string> matched_ids;
    if (program) {
        for (const Pair& pair : document.pairs) {
            if (pair.program_id != program->id) continue;
            pair_index.emplace(pair.id, pairs.size());
            pairs.push_back(&pair);
            matched_ids.insert(pair.mentor_id);
            matched_ids.insert(pair.mentee_id);
        }
    }

    std::map<std::string, DepartmentCoverage> departments;
    stats.participants = static_cast<int>(document.participants.size());
    for (const Participant& p : document.participants) {
        if (!p.active) continue;
        const bool is_mentor = p.role == Role::Mentor;
        const bool matched = matched_ids.count(p.id) != 0;
        ++stats.active_participants;
        ++(is_mentor ? stats.active_mentors : stats.active_mentees);
        if (matched) {
            ++stats.matched;
        } else {
            ++stats.waiting;
            ++(is_mentor ? stats.waiting_mentors : stats.waiting_mentees);
        }
        DepartmentCoverage& d = departments[p.department];
        d.department = p.department;
        ++d.active_people;
        ++(is_mentor ? d.mentors : d.mentees);
        ++(matched ? d.matched : d.waiting);
    }
    for (auto& [name, d] : departments) {
        d.share_matched = static_cast<double>(d.matched) / d.active_people;
        stats.departments.push_back(d);
    }
    std::stable_sort(stats.departments.begin(), stats.departments.end(),
                     [](const DepartmentCoverage& a, const DepartmentCoverage& b) { return a.active_people > b.active_people; });

    // Per pair.
    std::vector<PairFigures> figures(pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const Pair& pair = *pairs[i];
        PairFigures& f = figures[i];
        f.pair_id = pair.id;
        f.mentor_id = pair.mentor_id;
        f.mentee_id = pair.mentee_id;
        if (const auto m = people.find(pair.mentor_id); m != people.end()) f.mentor_name = m->second->name;
        if (const auto m = people.find(pair.mentee_id); m != people.end()) f.mentee_name = m->second->name;
        f.state = pair.state;
        ++stats.pairs;
        switch (pair.state) {
            case PairState::Active: ++stats.pairs_active; break;
            case PairState::Hiatus: ++stats.pairs_hiatus; break;
            case PairState::Completed: ++stats.pairs_completed; break;
        }
    }
    if (program) stats.sessions_target = stats.pairs * program->target_sessions;

    // Sessions, and the week series.
    const Date first_monday = add_days(stats.program_start, -weekday_of(stats.program_start));
    const Date last_monday = add_days(stats.program_end, -weekday_of(stats.program_end));
    const std::int64_t first_week_day = days_from_civil(first_monday);
    if (program) {
        const std::int64_t weeks = std::min<std::int64_t>(
            kMaxSeriesWeeks, std::max<std::int64_t>(0, (days_from_civil(last_monday) - first_week_day) / 7 + 1));
        for (std::int64_t w = 0; w < weeks; ++w) stats.weeks.push_back(WeekFigures{add_days(first_monday, w * 7)});
    }
    for (const Session& session : document.sessions) {
        const auto found = pair_index.find(session.pair_id);
        if (found == pair_index.end()) continue;
        PairFigures& f = figures[found->second];
        const bool past = session.start < options.now;
        const bool open = session.status == SessionStatus::Planned || session.status == SessionStatus::Moved;
        if (session.status == SessionStatus::Cancelled) {
            ++stats.sessions_cancelled;
        } else {
            ++stats.sessions_scheduled;
            ++f.sessions_scheduled;
            if (past) ++stats.sessions_due;
            if (open) ++(past ? stats.sessions_overdue : stats.sessions_upcoming);
            if (open && !past && (!f.next_planned || session.start < *f.next_planned)) f.next_planned = session.start;
        }
        if (session.status == SessionStatus::Held) {
            ++stats.sessions_held;
            ++f.sessions_held;
            if (!f.last_held || session.start > *f.last_held) f.last_held = session.start;
        }
        if (session.status == SessionStatus::NoShow) {
            ++stats.sessions_no_show;
            ++f.sessions_no_show;
        }
        const std::int64_t day = floor_days(session.start);
        const std::int64_t week = floor_div(day - first_week_day, 7);
        if (week < 0 || week >= static_cast<std::int64_t>(stats.weeks.size())) {
            ++stats.sessions_outside_series;
            continue;
        }
        WeekFigures& w = stats.weeks[static_cast<std::size_t>(week)];
        switch (session.status) {
            case SessionStatus::Held: ++w.held; break;
            case SessionStatus::Planned: case SessionStatus::Moved: ++w.planned; break;
            case SessionStatus::Cancelled: ++w.cancelled; break;
            case SessionStatus::NoShow: ++w.no_show; break;
        }
    }
    stats.under_way = stats.sessions_due > 0;
    if (stats.sessions_due > 0) stats.share_held_of_due = static_cast<double>(stats.sessions_held) / stats.sessions_due;

    // Ratings.
    for (const Feedback& fb : document.feedback) {
        const auto found = pair_index.find(fb.pair_id);
        if (found == pair_index.end()) continue;
        add_rating(stats.ratings, fb.rating);
        add_rating(fb.kind == FeedbackKind::Session ? stats.session_ratings : stats.close_out_ratings, fb.rating);
        add_rating(figures[found->second].ratings, fb.rating);
    }
    finish(stats.ratings);
    finish(stats.session_ratings);
    finish(stats.close_out_ratings);

    // Cadence and risk, for active pairs.
    const int behind_after = stats.cadence_days + options.grace_days;
    const int risk_after = options.at_risk_weeks * 7;
    for (PairFigures& f : figures) {
        finish(f.ratings);
        if (program) {
            const std::int64_t since = f.last_held ? floor_days(*f.last_held) : start_day;
            f.days_since_last_held = static_cast<int>(std::max<std::int64_t>(0, today - since));
        }
        if (f.state != PairState::Active) continue;
        f.on_cadence = !started || !f.days_since_last_held || *f.days_since_last_held <= behind_after;
        if (f.on_cadence) ++stats.pairs_on_cadence;
        if (started && f.days_since_last_held && *f.days_since_last_held >= risk_after) {
            f.risk_reasons.push_back(f.last_held ? "no session held in " + std::to_string(*f.days_since_last_held) + " days"
                                                 : "no session held since the program started " +
                                                       std::to_string(*f.days_since_last_held) + " days ago");
        }
        if (f.ratings.average && *f.ratings.average < options.low_rating_below) {
            f.risk_reasons.push_back("average rating " + one_decimal(*f.ratings.average) + " from " +
                                     std::to_string(f.ratings.count) + (f.ratings.count == 1 ? " rating" : " ratings"));
        }
        if (!f.risk_reasons.empty()) stats.at_risk.push_back(f);
    }
    stats.pairs_at_risk = static_cast<int>(stats.at_risk.size());
    if (stats.pairs_active > 0)
        stats.share_on_cadence = static_cast<double>(stats.pairs_on_cadence) / stats.pairs_active;
    std::stable_sort(stats.at_risk.begin(), stats.at_risk.end(), [](const PairFigures& a, const PairFigures& b) {
        return a.days_since_last_held.value_or(0) > b.days_since_last_held.value_or(0);
    });

    // Leader board.
    std::vector<const PairFigures*> order;
    for (const PairFigures& f : figures) order.push_back(&f);
    const auto rating_key = [](const PairFigures& f) { return f.ratings.average.value_or(-1.0); };
    std::sort(order.begin(), order.end(), [&](const PairFigures* a, const PairFigures* b) {
        if (a->sessions_held != b->sessions_held) return a->sessions_held > b->sessions_held;
        if (rating_key(*a) != rating_key(*b)) return rating_key(*a) > rating_key(*b);
        return a->pair_id < b->pair_id;
    });
    const std::size_t shown = options.leader_board_size == 0 ? order.size() : std::min(order.size(), options.leader_board_size);
    for (std::size_t i = 0; i < shown; ++i) {
        int rank = static_cast<int>(i) + 1;
        if (i > 0 && order[i]->sessions_held == order[i - 1]->sessions_held &&
            rating_key(*order[i]) == rating_key(*order[i - 1]))
            rank = stats.leader_board.back().rank;
        stats.leader_board.push_back(LeaderBoardEntry{rank, *order[i]});
    }
    return stats;
}

}  // namespace flipside
