// The scheduler's entry points (scheduler.h). The work is split by responsibility:
//   scheduler_calendar.*        people's calendars and the one check every placement passes
//   scheduler_pair_placement.*  placing one pair (anchor choice, nearest shift)
//   scheduler_repair.*          repairs between pairs placed in one run (one move, then chains)
//   scheduler_group_replan.*    groups that share a person placed again in every order
//   scheduler_reasons.*         what is busy, who is away, why a pair is not fully scheduled
#include "core/scheduling/scheduler.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "core/ids.h"
#include "core/local_time.h"
#include "core/scheduling/detail/recurrence.h"
#include "core/scheduling/detail/calendar.h"
#include "core/scheduling/detail/group_replan.h"
#include "core/scheduling/detail/pair_placement.h"
#include "core/scheduling/detail/reasons.h"
#include "core/scheduling/detail/repair.h"

namespace flipside::scheduling {


namespace {

const Program* find_program(const Document& document, const std::string& id) {
    for (const Program& program : document.programs)
        if (program.id == id) return &program;
    return nullptr;
}

// Outcome of placing one pair, turned into sessions and report lines.
// New sessions are those of `placement` from index `first_new` on.
void record(Document& document, const Pair& pair, const Placement& placement, std::size_t first_new,
            int wanted, ScheduleReport& report) {
    const Program* program = find_program(document, pair.program_id);
    for (std::size_t i = first_new; i < placement.starts.size(); ++i) {
        Session session;
        session.id = placement.ids[i];
        session.pair_id = pair.id;
        session.start = placement.starts[i];
        session.minutes = program ? program->session_minutes : 60;
        report.added_session_ids.push_back(session.id);
        document.sessions.push_back(std::move(session));
    }
    if (auto entry = unscheduled_entry(pair, placement, wanted))
        report.unscheduled.push_back(std::move(*entry));
    else
        ++report.pairs_fully_scheduled;
}

// Gives a placed pair's sessions their ids (in time order), renaming its pending bookings.
void name_sessions(Engine& engine, PlannedPair& entry, const std::string& pending,
                   const std::function<std::string()>& make_id) {
    entry.placement.ids.clear();
    for (const UtcSeconds start : entry.placement.starts) {
        entry.placement.ids.push_back(make_id());
        engine.rename(*entry.mentee, start, pending, entry.placement.ids.back());
        engine.rename(*entry.mentor, start, pending, entry.placement.ids.back());
    }
}

}  // namespace

ScheduleReport schedule_unscheduled_pairs(Document& document, const std::string& program_id,
                                          const TimeZoneCatalog& time_zones) {
    ScheduleReport report;
    const Program* found = find_program(document, program_id);
    if (!found) return report;
    const Program program = *found;  // document.sessions grows below; programs do not, but be safe

    std::unordered_set<std::string> has_sessions, used_ids;
    for (const Session& session : document.sessions) {
        has_sessions.insert(session.pair_id);
        used_ids.insert(session.id);
    }
    std::vector<const Pair*> todo;
    for (const Pair& pair : document.pairs) {
        if (pair.program_id == program_id && pair.state == PairState::Active && !has_sessions.count(pair.id))
            todo.push_back(&pair);
    }
    report.pairs_considered = static_cast<int>(todo.size());
    if (todo.empty()) return report;
    report.added_session_ids.reserve(todo.size() * static_cast<std::size_t>(std::max(0, found->target_sessions)));

    Engine engine(document, program, time_zones, {});
    // Pairs sharing someone compete for that person's time: the least flexible go first.
    std::unordered_map<std::string, int> load;
    for (const Pair* pair : todo) {
        ++load[pair->mentor_id];
        ++load[pair->mentee_id];
    }
    std::vector<std::pair<int, std::size_t>> order;
    std::vector<std::pair<Person*, Person*>> members(todo.size());  // mentor, mentee (null: a problem)
    for (std::size_t i = 0; i < todo.size(); ++i) {
        const Pair& pair = *todo[i];
        int flexibility = 1 << 30;
        Person* mentor = engine.person(pair.mentor_id);
        Person* mentee = engine.person(pair.mentee_id);
        members[i] = {mentor, mentee};
        // Bookings grow by the program's target per pair: one allocation per person, not a dozen.
        const auto wanted_here = static_cast<std::size_t>(std::max(0, program.target_sessions));
        if (mentor && mentor->bookings.capacity() < mentor->bookings.size() + wanted_here)
            engine.reserve_bookings(*mentor, wanted_here * static_cast<std::size_t>(load[pair.mentor_id]));
        if (mentee && mentee->bookings.capacity() < mentee->bookings.size() + wanted_here)
            engine.reserve_bookings(*mentee, wanted_here * static_cast<std::size_t>(load[pair.mentee_id]));
        if (mentor && mentee && (load[pair.mentor_id] > 1 || load[pair.mentee_id] > 1 ||
                                 !mentor->bookings.empty() || !mentee->bookings.empty()))
            flexibility = PairPlanner(engine, *mentor, *mentee).flexibility();
        order.emplace_back(flexibility, i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    const int wanted = program.target_sessions;
    document.sessions.reserve(document.sessions.size() + todo.size() * static_cast<std::size_t>(std::max(0, wanted)));
    // The cadence dates are the same for every pair: computed once per (weekday, phase).
    std::vector<DateList> date_lists;
    std::vector<const DateList*> date_list_pointers;
    // 1. Each pair in turn; its sessions stay booked under a pending id of its own ("\x1f" and
    //    its index here) until every pair is placed.
    std::vector<PlannedPair> planned;
    struct Outcome {
        std::size_t planned = SIZE_MAX;  // index into `planned`, or SIZE_MAX with a problem
        const Pair* pair = nullptr;
        std::string problem;
    };
    std::vector<Outcome> outcomes;
    planned.reserve(order.size());
    for (const auto& entry : order) {
        const Pair& pair = *todo[entry.second];
        const auto [mentor, mentee] = members[entry.second];
        if (!mentor || !mentee) {
            std::string problem = person_problem(engine, pair.mentor_id, "mentor", time_zones);
            if (problem.empty()) problem = person_problem(engine, pair.mentee_id, "mentee", time_zones);
            outcomes.push_back({SIZE_MAX, &pair, problem});
            continue;
        }
        PairPlanner planner(engine, *mentor, *mentee);
        planner.set_pending_id(pending_id_of(planned.size()));
        if (date_lists.empty()) {
            for (int i = 0; i < planner.list_count(); ++i)
                date_lists.push_back(make_date_list(planner.dates_for(planner.list_anchor(i), wanted), program));
            for (const DateList& list : date_lists) date_list_pointers.push_back(&list);
        }
        outcomes.push_back({planned.size(), &pair, {}});
        planned.push_back(PlannedPair{&pair, mentor, mentee, planner.place(date_list_pointers, INT64_MIN, {})});
    }
    // 2. Dates left empty because a pair placed earlier holds the only free hour: move that
    //    session elsewhere inside its own range when it can go, and take the hour.
    //    Groups that share a person and still miss dates are placed again in every order; what
    //    stays empty is then filled, where possible, by a chain of such moves.
    repair(engine, planned);
    replan_groups(engine, planned, date_list_pointers);
    repair_by_chains(engine, planned);
    // 3. Name the sessions (in time order per pair), explain what is still missing, record.
    for (std::size_t index = 0; index < planned.size(); ++index) {
        // "<pair id>-S<n>" never collides across pairs: n is all digits, so "<a>-S<n>" ==
        // "<b>-S<m>" forces a == b, and pair ids are unique.
        IdMaker session_ids = scheduled_session_ids(planned[index].pair->id);
        name_sessions(engine, planned[index], pending_id_of(index), [&] { return session_ids.next(used_ids); });
    }
    for (const Outcome& outcome : outcomes) {
        if (outcome.planned == SIZE_MAX) {
            report.unscheduled.push_back({outcome.pair->id, outcome.problem, {}});
            continue;
        }
        PlannedPair& entry = planned[outcome.planned];
        if (!entry.placement.failed_dates.empty()) {
            PairPlanner planner = planner_for(engine, planned, outcome.planned);
            explain_failures(planner, entry.placement);
        }
        record(document, *entry.pair, entry.placement, 0, wanted, report);
    }
    // Keep the document in a stable order: each pair's sessions were appended together.
    return report;
}

ScheduleReport reschedule_pair(Document& document, const std::string& pair_id, UtcSeconds now,
                               const TimeZoneCatalog& time_zones) {
    ScheduleReport report;
    const Pair* found_pair = nullptr;
    for (const Pair& pair : document.pairs)
        if (pair.id == pair_id) found_pair = &pair;
    if (!found_pair) return report;
    const Pair pair = *found_pair;
    const Program* found_program = find_program(document, pair.program_id);
    if (!found_program) return report;
    const Program program = *found_program;
    report.pairs_considered = 1;

    std::string problem = person_problem(document, pair.mentor_id, "mentor", time_zones);
    if (problem.empty()) problem = person_problem(document, pair.mentee_id, "mentee", time_zones);
    if (!problem.empty()) {
        report.unscheduled.push_back({pair.id, problem, {}});
        return report;
    }

    // Sessions that may be re-placed (reused, so their ids and calendar UIDs survive).
    std::vector<std::size_t> movable;
    std::unordered_set<std::string> ignored, used_ids;
    std::vector<UtcSeconds> kept_starts;
    for (std::size_t i = 0; i < document.sessions.size(); ++i) {
        const Session& session = document.sessions[i];
        used_ids.insert(session.id);
        if (session.pair_id != pair_id) continue;
        const bool replannable = !session.pinned && session.start >= now &&
                                 (session.status == SessionStatus::Planned || session.status == SessionStatus::Moved);
        if (replannable) {
            movable.push_back(i);
            ignored.insert(session.id);
        } else if (session.status != SessionStatus::Cancelled) {
            kept_starts.push_back(session.start);
        }
    }
    std::sort(movable.begin(), movable.end(), [&](std::size_t a, std::size_t b) {
        return document.sessions[a].start < document.sessions[b].start;
    });

    Engine engine(document, program, time_zones, ignored);
    Person& mentor = *engine.person(pair.mentor_id);
    Person& mentee = *engine.person(pair.mentee_id);
    PairPlanner planner(engine, mentor, mentee);
    const int needed = std::max(0, program.target_sessions - static_cast<int>(kept_starts.size()));
    const int period = cadence_period_days(program.cadence);
    // Cadence dates from today on (the mentee's today) that no kept session already covers.
    const std::int64_t today = floor_days(now + mentee.rules->offset_at(now));
    std::vector<std::int64_t> kept_days;
    for (const UtcSeconds kept : kept_starts) kept_days.push_back(floor_days(kept + mentee.rules->offset_at(kept)));
    std::vector<DateList> date_lists;
    std::vector<const DateList*> date_list_pointers;
    for (int i = 0; i < planner.list_count(); ++i) {
        std::vector<Date> result;
        for (const Date& date : planner.dates_for(planner.list_anchor(i), program.target_sessions + static_cast<int>(kept_days.size()) + 400)) {
            if (static_cast<int>(result.size()) >= needed) break;
            const std::int64_t day = days_from_civil(date);
            if (day < today) continue;
            bool covered = false;
            for (const std::int64_t kept : kept_days) covered = covered || std::llabs(kept - day) * 2 < period;
            if (!covered) result.push_back(date);
        }
        date_lists.push_back(make_date_list(std::move(result), program));
    }
    for (const DateList& list : date_lists) date_list_pointers.push_back(&list);
    // Old sessions are reused in order (their ids and calendar UIDs survive); old ones left
    // over are cancelled, so calendars receive a cancellation; more starts become new sessions.
    std::size_t reuse = 0;
    IdMaker session_ids = scheduled_session_ids(pair.id);
    const auto make_id = [&]() -> std::string {
        if (reuse < movable.size()) return document.sessions[movable[reuse++]].id;
        return session_ids.next(used_ids);
    };
    Placement placement;
    placement.has_common_window = true;
    if (needed > 0) placement = planner.place(date_list_pointers, now, make_id);
    const std::size_t reused = std::min(placement.starts.size(), movable.size());
    for (std::size_t i = 0; i < reused; ++i) {
        const UtcSeconds start = placement.starts[i];
        {
            Session& session = document.sessions[movable[i]];
            if (session.start != start) {
                session.history.push_back(SessionChange{session.start, session.status});
                session.start = start;
                session.status = SessionStatus::Moved;
                ++session.sequence;
                report.moved_session_ids.push_back(session.id);
            }
        }
    }
    for (std::size_t i = reused; i < movable.size(); ++i) {
        Session& session = document.sessions[movable[i]];
        session.history.push_back(SessionChange{session.start, session.status});
        session.status = SessionStatus::Cancelled;
        ++session.sequence;
        report.cancelled_session_ids.push_back(session.id);
    }
    record(document, pair, placement, reused, needed, report);
    return report;
}

Result<std::string> add_session(Document& document, const std::string& pair_id, const TimeZoneCatalog& time_zones) {
    const Pair* pair = nullptr;
    for (const Pair& candidate : document.pairs)
        if (candidate.id == pair_id) pair = &candidate;
    if (!pair) return Problem{"", "no pair " + pair_id};
    const Program* program = find_program(document, pair->program_id);
    if (!program) return Problem{"", "pair " + pair_id + " belongs to no program"};
    std::string problem = person_problem(document, pair->mentor_id, "mentor", time_zones);
    if (problem.empty()) problem = person_problem(document, pair->mentee_id, "mentee", time_zones);
    if (!problem.empty()) return Problem{"", std::move(problem)};
    const Session* last = nullptr;
    for (const Session& session : document.sessions) {
        if (session.pair_id == pair_id && session.status != SessionStatus::Cancelled &&
            (!last || session.start > last->start))
            last = &session;
    }
    if (!last) return Problem{"", "pair " + pair_id + " has no sessions yet: generate its schedule first"};
    Engine engine(document, *program, time_zones, {});
    Person& mentor = *engine.person(pair->mentor_id);
    Person& mentee = *engine.person(pair->mentee_id);
    const LocalDateTime local = mentee.rules->to_local(last->start);
    Date next;
    const Cadence& cadence = program->cadence;
    if (cadence.kind == CadenceKind::MonthlyNthWeekday) {
        int year = local.date.year, month = local.date.month;
        bool found = false;
        for (int step = 0; step < 24 && !found; ++step) {
            if (++month > 12) {
                month = 1;
                ++year;
            }
            found = nth_weekday_of_month(year, month, weekday_of(local.date), cadence.nth, next);
        }
    } else {
        next = add_days(local.date, cadence_period_days(cadence));
    }
    PairPlanner planner(engine, mentor, mentee);
    const UtcSeconds length = program->session_minutes * 60;
    const UtcSeconds nominal = planner.instant(next, local.second_of_day / 60);
    std::vector<std::string> reasons;
    const UtcSeconds radius = std::max(1, cadence_period_days(cadence) / 2) * kSecondsPerDay;
    const auto start = planner.nearest(nominal, last->start + length, radius, true, &reasons);
    if (!start) {
        std::string reason = "no free slot near " + format_iso_date(next);
        for (std::size_t i = 0; i < reasons.size(); ++i) reason += (i ? ", " : ": ") + reasons[i];
        return Problem{"", std::move(reason)};
    }
    Session session;
    session.id = scheduled_session_ids(pair_id).next(ids_of(document.sessions));
    session.pair_id = pair_id;
    session.start = *start;
    session.minutes = program->session_minutes;
    document.sessions.push_back(session);
    return session.id;
}

namespace {

struct SessionContext {
    const Session* session = nullptr;
    const Pair* pair = nullptr;
    const Program* program = nullptr;
};

SessionContext find_session(const Document& document, const std::string& session_id) {
    SessionContext context;
    for (const Session& session : document.sessions)
        if (session.id == session_id) context.session = &session;
    if (!context.session) return context;
    for (const Pair& pair : document.pairs)
        if (pair.id == context.session->pair_id) context.pair = &pair;
    if (context.pair) context.program = find_program(document, context.pair->program_id);
    return context;
}

}  // namespace

std::vector<std::string> slot_conflicts(const Document& document, const std::string& session_id,
                                        UtcSeconds start, const TimeZoneCatalog& time_zones) {
    const SessionContext context = find_session(document, session_id);
    if (!context.session) return {"no session " + session_id};
    if (!context.pair || !context.program) return {"session " + session_id + " belongs to no pair of a program"};
    std::vector<std::string> reasons;
    for (const auto& [id, role] : {std::pair<std::string, const char*>{context.pair->mentor_id, "mentor"},
                                   std::pair<std::string, const char*>{context.pair->mentee_id, "mentee"}}) {
        const std::string problem = person_problem(document, id, role, time_zones);
        if (!problem.empty()) reasons.push_back(problem);
    }
    if (!reasons.empty()) return reasons;
    Program program = *context.program;
    program.session_minutes = context.session->minutes;
    Engine engine(document, program, time_zones, {session_id});
    for (const std::string* id : {&context.pair->mentee_id, &context.pair->mentor_id}) {
        Person& person = *engine.person(*id);
        const Verdict verdict = engine.check(person, start, start + context.session->minutes * 60);
        if (verdict.block != Block::None) reasons.push_back(describe(program, person, verdict));
    }
    return reasons;
}

std::optional<UtcSeconds> nearest_free_start(const Document& document, const std::string& session_id,
                                             const TimeZoneCatalog& time_zones, int radius_days) {
    const SessionContext context = find_session(document, session_id);
    if (!context.session || !context.pair || !context.program) return std::nullopt;
    for (const std::string* id : {&context.pair->mentee_id, &context.pair->mentor_id})
        if (!person_problem(document, *id, "", time_zones).empty()) return std::nullopt;
    Program program = *context.program;
    program.session_minutes = context.session->minutes;
    Engine engine(document, program, time_zones, {session_id});
    PairPlanner planner(engine, *engine.person(context.pair->mentor_id), *engine.person(context.pair->mentee_id));
    return planner.nearest(context.session->start, INT64_MIN, static_cast<UtcSeconds>(radius_days) * kSecondsPerDay, false);
}

}  // namespace flipside::scheduling
