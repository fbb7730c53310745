// Index
// [SECTION] People: windows, absences, bookings, and the one check every placement passes
// [SECTION] Engine: the document seen as people with calendars
// [SECTION] Placing one pair (anchor choice, nearest shift)
// [SECTION] Public entry points
#include "core/scheduler.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/local_time.h"
#include "core/recurrence.h"

namespace flipside {
namespace {

constexpr int kGridSeconds = kScheduleGridMinutes * 60;
constexpr int kMaxShiftDays = 3;

//-----------------------------------------------------------------------------
// [SECTION] People
//-----------------------------------------------------------------------------

enum class Block { None, OutsideProgram, Blackout, Absent, OutsideAvailability, OffsetChange, Busy, DayLimit };

struct Booking {
    UtcSeconds start = 0;
    UtcSeconds end = 0;
    std::int64_t local_day = 0;
    std::string session_id;
};

struct Person {
    const Participant* participant = nullptr;
    ZoneRules* rules = nullptr;
    std::array<std::vector<std::pair<int, int>>, 7> windows;  // seconds of the local day, merged
    std::vector<std::pair<std::int64_t, std::int64_t>> absences;  // local day ranges, inclusive
    std::vector<Booking> bookings;  // ascending start
};

struct Verdict {
    Block block = Block::None;
    const Booking* with = nullptr;  // for Busy / DayLimit
    std::int64_t local_day = 0;
};

std::int64_t weekday_of_day(std::int64_t day) { return ((day % 7) + 7 + 3) % 7; }

std::string clock_utc(UtcSeconds instant) {
    return format_utc_timestamp(instant).substr(11, 5) + " UTC";
}

//-----------------------------------------------------------------------------
// [SECTION] Engine
//-----------------------------------------------------------------------------

class Engine {
public:
    Engine(const Document& document, const Program& program, const TimeZoneCatalog& time_zones,
           const std::unordered_set<std::string>& ignored_sessions)
        : program_(program), time_zones_(time_zones) {
        first_day_ = days_from_civil(program.start_date);
        last_day_ = days_from_civil(program.end_date);
        for (const Date& date : program.blackout_dates) blackouts_.push_back(days_from_civil(date));
        std::sort(blackouts_.begin(), blackouts_.end());
        for (const Pair& pair : document.pairs) pairs_.emplace(pair.id, &pair);
        for (const Participant& participant : document.participants)
            participants_.emplace(participant.id, &participant);
        for (const Session& session : document.sessions) {
            if (session.status == SessionStatus::Cancelled || ignored_sessions.count(session.id)) continue;
            const auto pair = pairs_.find(session.pair_id);
            if (pair == pairs_.end()) continue;
            for (const std::string* id : {&pair->second->mentor_id, &pair->second->mentee_id}) {
                if (Person* p = person(*id)) book(*p, session.start, session.start + session.minutes * 60, session.id);
            }
        }
    }

    const Program& program() const { return program_; }
    const Pair* pair(const std::string& id) const {
        const auto found = pairs_.find(id);
        return found == pairs_.end() ? nullptr : found->second;
    }

    // Null when the participant is missing or their zone is unknown.
    Person* person(const std::string& id) {
        const auto cached = people_.find(id);
        if (cached != people_.end()) return cached->second.get();
        std::unique_ptr<Person> made;
        const auto found = participants_.find(id);
        if (found != participants_.end() && time_zones_.is_known(found->second->time_zone)) {
            made = std::make_unique<Person>();
            const Participant& participant = *found->second;
            made->participant = &participant;
            auto& rules = zones_[participant.time_zone];
            if (!rules) rules = std::make_unique<ZoneRules>(time_zones_, participant.time_zone);
            made->rules = rules.get();
            for (const WeeklyWindow& window : participant.availability) {
                if (window.weekday < 0 || window.weekday > 6) continue;
                made->windows[static_cast<std::size_t>(window.weekday)].emplace_back(window.start_minute * 60,
                                                                                     window.end_minute * 60);
            }
            for (auto& day : made->windows) {
                std::sort(day.begin(), day.end());
                std::vector<std::pair<int, int>> merged;
                for (const auto& window : day) {
                    if (!merged.empty() && window.first <= merged.back().second)
                        merged.back().second = std::max(merged.back().second, window.second);
                    else
                        merged.push_back(window);
                }
                day = std::move(merged);
            }
            for (const Absence& absence : participant.absences)
                made->absences.emplace_back(days_from_civil(absence.first), days_from_civil(absence.last));
        }
        Person* result = made.get();
        people_.emplace(id, std::move(made));
        return result;
    }

    void book(Person& p, UtcSeconds start, UtcSeconds end, const std::string& session_id) {
        const std::int64_t day = floor_days(start + p.rules->offset_at(start));
        const auto at = std::upper_bound(p.bookings.begin(), p.bookings.end(), start,
                                         [](UtcSeconds s, const Booking& b) { return s < b.start; });
        p.bookings.insert(at, Booking{start, end, day, session_id});
    }

    // Availability only (windows, offset changes): no dates, no bookings.
    Verdict check_window(Person& p, UtcSeconds start, UtcSeconds end) const {
        Verdict verdict;
        const int offset = p.rules->offset_at(start);
        const std::int64_t local = start + offset;
        const std::int64_t day = floor_days(local);
        verdict.local_day = day;
        if (p.rules->offset_at(end - 1) != offset) {
            verdict.block = Block::OffsetChange;
            return verdict;
        }
        const std::int64_t from = local - day * 86400;
        const std::int64_t to = from + (end - start);
        for (const auto& window : p.windows[static_cast<std::size_t>(weekday_of_day(day))]) {
            if (window.first <= from && to <= window.second) return verdict;
        }
        verdict.block = Block::OutsideAvailability;
        return verdict;
    }

    // Everything: window, program dates, blackouts, absences, double bookings, daily limit.
    Verdict check(Person& p, UtcSeconds start, UtcSeconds end) const {
        Verdict verdict = check_window(p, start, end);
        if (verdict.block != Block::None) return verdict;
        const std::int64_t day = verdict.local_day;
        if (day < first_day_ || day > last_day_) {
            verdict.block = Block::OutsideProgram;
            return verdict;
        }
        if (std::binary_search(blackouts_.begin(), blackouts_.end(), day)) {
            verdict.block = Block::Blackout;
            return verdict;
        }
        for (const auto& absence : p.absences) {
            if (absence.first <= day && day <= absence.second) {
                verdict.block = Block::Absent;
                return verdict;
            }
        }
        auto it = std::lower_bound(p.bookings.begin(), p.bookings.end(), start - 2 * 86400,
                                   [](const Booking& b, UtcSeconds s) { return b.start < s; });
        int same_day = 0;
        const Booking* first_same_day = nullptr;
        for (; it != p.bookings.end() && it->start < end + 2 * 86400; ++it) {
            if (it->start < end && start < it->end) {
                verdict.block = Block::Busy;
                verdict.with = &*it;
                return verdict;
            }
            if (it->local_day == day) {
                if (!first_same_day) first_same_day = &*it;
                ++same_day;
            }
        }
        if (same_day >= std::max(1, program_.max_sessions_per_day)) {
            verdict.block = Block::DayLimit;
            verdict.with = first_same_day;
        }
        return verdict;
    }

    std::string describe(const Person& p, const Verdict& verdict) const {
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
                return name + " already has " + std::to_string(program_.max_sessions_per_day) +
                       " session(s) on " + date;
        }
        return {};
    }

private:
    const Program& program_;
    const TimeZoneCatalog& time_zones_;
    std::int64_t first_day_ = 0, last_day_ = 0;
    std::vector<std::int64_t> blackouts_;
    std::unordered_map<std::string, const Pair*> pairs_;
    std::unordered_map<std::string, const Participant*> participants_;
    std::map<std::string, std::unique_ptr<ZoneRules>> zones_;
    std::unordered_map<std::string, std::unique_ptr<Person>> people_;
};

//-----------------------------------------------------------------------------
// [SECTION] Placing one pair
//-----------------------------------------------------------------------------

struct Anchor {
    int weekday = 0;  // mentee's local weekday (-1: every N days, any weekday)
    int minute = 0;   // mentee's local start
};

struct Placement {
    std::vector<UtcSeconds> starts;
    std::vector<std::string> ids;  // one per start
    std::vector<Date> failed_dates;
    std::vector<std::string> failed_reasons;
    int dates_planned = 0;  // cadence dates of the chosen anchor
    bool has_common_window = false;
};

class PairPlanner {
public:
    PairPlanner(Engine& engine, Person& mentor, Person& mentee)
        : engine_(engine), mentor_(mentor), mentee_(mentee),
          length_(engine.program().session_minutes * 60) {}

    // Candidate anchors in preference order: quarter hours first, then the week from the
    // program's first weekday, then the time of day.
    std::vector<Anchor> candidates() const {
        const Program& program = engine_.program();
        const int start_weekday = weekday_of(program.start_date);
        std::vector<Anchor> result;
        const bool any_weekday = program.cadence.kind == CadenceKind::EveryNDays;
        for (int step = 0; step < (any_weekday ? 1 : 7); ++step) {
            const int weekday = any_weekday ? -1 : (start_weekday + step) % 7;
            for (int minute = 0; minute * 60 + length_ <= 86400; minute += kScheduleGridMinutes) {
                if (covered(weekday, minute)) result.push_back(Anchor{weekday, minute});
            }
        }
        std::stable_sort(result.begin(), result.end(), [](const Anchor& a, const Anchor& b) {
            return (a.minute % 15 != 0) < (b.minute % 15 != 0);
        });
        return result;
    }

    std::vector<Date> dates_for(const Anchor& anchor, int count) const {
        const Program& program = engine_.program();
        return cadence_dates(program.cadence, program.start_date, program.end_date,
                             anchor.weekday < 0 ? 0 : anchor.weekday, count);
    }

    UtcSeconds instant(const Date& date, int minute) { return mentee_.rules->to_utc(date, minute).instant; }

    bool fits(UtcSeconds start) const {
        return engine_.check(mentee_, start, start + length_).block == Block::None &&
               engine_.check(mentor_, start, start + length_).block == Block::None;
    }
    bool window_fits(UtcSeconds start) const {
        return engine_.check_window(mentee_, start, start + length_).block == Block::None &&
               engine_.check_window(mentor_, start, start + length_).block == Block::None;
    }
    // Why nothing near `nominal` works: the distinct obstacles met at starts where both are
    // otherwise available (or, when there are none, at `nominal` itself).
    std::string why_not(UtcSeconds nominal, UtcSeconds radius) const {
        std::vector<std::string> reasons;
        std::vector<std::pair<const Person*, Block>> seen;
        const auto note = [&](UtcSeconds start) {
            for (Person* p : {&mentee_, &mentor_}) {
                const Verdict verdict = engine_.check(*p, start, start + length_);
                if (verdict.block == Block::None) continue;
                if (std::find(seen.begin(), seen.end(), std::make_pair(static_cast<const Person*>(p), verdict.block)) == seen.end()) {
                    seen.emplace_back(p, verdict.block);
                    reasons.push_back(engine_.describe(*p, verdict));
                }
                return;
            }
        };
        for (UtcSeconds shift = 0; shift <= radius && reasons.size() < 3; shift += kGridSeconds) {
            for (const UtcSeconds candidate : {nominal - shift, nominal + shift})
                if (window_fits(candidate)) note(candidate);
        }
        if (reasons.empty()) note(nominal);
        std::string text;
        for (const std::string& reason : reasons) text += (text.empty() ? "" : ", ") + reason;
        return text;
    }

    // How many of `dates` work at `anchor`; stops (returning -1) after `max_failures`.
    int count_fitting(const Anchor& anchor, const std::vector<Date>& dates, int max_failures) {
        int failures = 0, fitting = 0;
        for (const Date& date : dates) {
            if (fits(instant(date, anchor.minute))) {
                ++fitting;
            } else if (++failures > max_failures) {
                return -1;
            }
        }
        return fitting;
    }

    // The free start nearest to `nominal` (ties: the earlier) after `not_before`, at most
    // `radius` seconds away.
    std::optional<UtcSeconds> nearest(UtcSeconds nominal, UtcSeconds not_before, UtcSeconds radius) const {
        for (UtcSeconds shift = kGridSeconds; shift <= radius; shift += kGridSeconds) {
            for (const UtcSeconds candidate : {nominal - shift, nominal + shift}) {
                if (candidate >= not_before && fits(candidate)) return candidate;
            }
        }
        return std::nullopt;
    }

    // Chooses the anchor for `dates_of(anchor)` and places every date; books what it places.
    template <typename DatesOf>
    Placement place(const DatesOf& dates_of, UtcSeconds not_before,
                    const std::function<std::string()>& make_id) {
        Placement placement;
        const std::vector<Anchor> anchors = candidates();
        // Cadence dates depend on the weekday only: computed once per weekday.
        std::array<std::optional<std::vector<Date>>, 8> by_weekday;
        const auto dates_for_anchor = [&](const Anchor& anchor) -> const std::vector<Date>& {
            auto& slot = by_weekday[static_cast<std::size_t>(anchor.weekday + 1)];
            if (!slot) slot = dates_of(anchor);
            return *slot;
        };
        std::size_t most_dates = 0;
        for (const Anchor& anchor : anchors) most_dates = std::max(most_dates, dates_for_anchor(anchor).size());
        std::optional<Anchor> chosen;
        for (const Anchor& anchor : anchors) {
            const auto& dates = dates_for_anchor(anchor);
            if (!dates.empty() && dates.size() == most_dates &&
                count_fitting(anchor, dates, 0) == static_cast<int>(dates.size())) {
                chosen = anchor;
                break;
            }
        }
        if (!chosen) {
            int best = 0;
            for (const Anchor& anchor : anchors) {
                const auto& dates = dates_for_anchor(anchor);
                const int n = static_cast<int>(dates.size());
                const int fitting = count_fitting(anchor, dates, n - best - 1);
                if (fitting > best) {
                    best = fitting;
                    chosen = anchor;
                }
            }
            if (!chosen && !anchors.empty()) chosen = anchors.front();
        }
        if (!chosen) return placement;  // the mentee has no window long enough

        const int period = cadence_period_days(engine_.program().cadence);
        const int radius_days = std::min(kMaxShiftDays, (period - 1) / 2);
        const UtcSeconds radius = radius_days > 0 ? radius_days * 86400 : 12 * 3600;
        UtcSeconds earliest = not_before;
        placement.dates_planned = static_cast<int>(dates_for_anchor(*chosen).size());
        for (const Date& date : dates_for_anchor(*chosen)) {
            const UtcSeconds nominal = instant(date, chosen->minute);
            std::optional<UtcSeconds> start;
            if (nominal >= earliest && fits(nominal)) start = nominal;
            else start = nearest(nominal, earliest, radius);
            if (!start) {
                placement.failed_dates.push_back(date);
                placement.failed_reasons.push_back(why_not(nominal, radius));
                continue;
            }
            placement.starts.push_back(*start);
            placement.ids.push_back(make_id());
            earliest = *start + length_;
            const std::string& id = placement.ids.back();
            engine_.book(mentee_, *start, *start + length_, id);
            engine_.book(mentor_, *start, *start + length_, id);
        }
        if (!placement.failed_dates.empty()) {
            for (const Anchor& anchor : anchors) {
                for (const Date& date : dates_for_anchor(anchor)) {
                    if (window_fits(instant(date, anchor.minute))) {
                        placement.has_common_window = true;
                        break;
                    }
                }
                if (placement.has_common_window) break;
            }
        } else {
            placement.has_common_window = true;
        }
        return placement;
    }

    // Rough count of weekly anchors both can make, from offsets at the program's start;
    // used only to schedule the least flexible pairs first.
    int flexibility() const {
        const UtcSeconds at = days_from_civil(engine_.program().start_date) * 86400;
        const int shift = mentor_.rules->offset_at(at) - mentee_.rules->offset_at(at);
        int count = 0;
        for (int weekday = 0; weekday < 7; ++weekday) {
            for (int minute = 0; minute * 60 + length_ <= 86400; minute += 15) {
                if (!covered(weekday, minute)) continue;
                std::int64_t local = weekday * 86400LL + minute * 60LL + shift;
                local = ((local % (7 * 86400)) + 7 * 86400) % (7 * 86400);
                const auto day = static_cast<std::size_t>(local / 86400);
                const std::int64_t from = local % 86400;
                for (const auto& window : mentor_.windows[day]) {
                    if (window.first <= from && from + length_ <= window.second) {
                        ++count;
                        break;
                    }
                }
            }
        }
        return count;
    }

private:
    bool covered(int weekday, int minute) const {
        const int from = minute * 60, to = from + length_;
        for (int day = (weekday < 0 ? 0 : weekday); day <= (weekday < 0 ? 6 : weekday); ++day) {
            for (const auto& window : mentee_.windows[static_cast<std::size_t>(day)]) {
                if (window.first <= from && to <= window.second) return true;
            }
        }
        return false;
    }

    Engine& engine_;
    Person& mentor_;
    Person& mentee_;
    int length_;
};

std::string next_session_id(const std::string& pair_id, std::unordered_set<std::string>& used, int& counter) {
    for (;;) {
        std::string id = pair_id + "-S" + std::to_string(++counter);
        if (used.insert(id).second) return id;
    }
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

const Program* find_program(const Document& document, const std::string& id) {
    for (const Program& program : document.programs)
        if (program.id == id) return &program;
    return nullptr;
}

std::string person_problem(const Document& document, const std::string& id, const char* role,
                           const TimeZoneCatalog& time_zones) {
    for (const Participant& participant : document.participants) {
        if (participant.id != id) continue;
        if (!time_zones.is_known(participant.time_zone))
            return std::string(role) + " " + id + " has an unknown time zone \"" + participant.time_zone + "\"";
        return {};
    }
    return std::string(role) + " " + id + " is not in the roster";
}

// Outcome of placing one pair, turned into sessions and report lines.
// New sessions are those of `placement` from index `first_new` on.
void record(Document& document, const Pair& pair, const Placement& placement, std::size_t first_new,
            int wanted, ScheduleReport& report) {
    const int available_dates = placement.dates_planned;
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
    if (!placement.has_common_window) {
        report.unscheduled.push_back(
            {pair.id, "no common window: the mentor and mentee are never both available for a whole session",
             placement.failed_dates});
        return;
    }
    std::string reason;
    if (!placement.failed_dates.empty())
        reason = "no free slot on " + join_failures(placement);
    if (available_dates < wanted) {
        if (!reason.empty()) reason += "; ";
        reason += "the program window holds only " + std::to_string(available_dates) + " of " +
                  std::to_string(wanted) + " cadence dates";
    }
    if (reason.empty()) {
        ++report.pairs_fully_scheduled;
        return;
    }
    report.unscheduled.push_back({pair.id, reason, placement.failed_dates});
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Public entry points
//-----------------------------------------------------------------------------

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

    Engine engine(document, program, time_zones, {});
    // Pairs sharing someone compete for that person's time: the least flexible go first.
    std::unordered_map<std::string, int> load;
    for (const Pair* pair : todo) {
        ++load[pair->mentor_id];
        ++load[pair->mentee_id];
    }
    std::vector<std::pair<int, std::size_t>> order;
    for (std::size_t i = 0; i < todo.size(); ++i) {
        const Pair& pair = *todo[i];
        int flexibility = 1 << 30;
        Person* mentor = engine.person(pair.mentor_id);
        Person* mentee = engine.person(pair.mentee_id);
        if (mentor && mentee && (load[pair.mentor_id] > 1 || load[pair.mentee_id] > 1 ||
                                 !mentor->bookings.empty() || !mentee->bookings.empty()))
            flexibility = PairPlanner(engine, *mentor, *mentee).flexibility();
        order.emplace_back(flexibility, i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    const int wanted = program.target_sessions;
    for (const auto& entry : order) {
        const Pair& pair = *todo[entry.second];
        std::string problem = person_problem(document, pair.mentor_id, "mentor", time_zones);
        if (problem.empty()) problem = person_problem(document, pair.mentee_id, "mentee", time_zones);
        if (!problem.empty()) {
            report.unscheduled.push_back({pair.id, problem, {}});
            continue;
        }
        PairPlanner planner(engine, *engine.person(pair.mentor_id), *engine.person(pair.mentee_id));
        const auto dates_of = [&](const Anchor& anchor) { return planner.dates_for(anchor, wanted); };
        int counter = 0;
        const Placement placement = planner.place(
            dates_of, INT64_MIN, [&] { return next_session_id(pair.id, used_ids, counter); });
        record(document, pair, placement, 0, wanted, report);
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
    const auto dates_of = [&](const Anchor& anchor) {
        std::vector<Date> result;
        for (const Date& date : planner.dates_for(anchor, program.target_sessions + static_cast<int>(kept_days.size()) + 400)) {
            if (static_cast<int>(result.size()) >= needed) break;
            const std::int64_t day = days_from_civil(date);
            if (day < today) continue;
            bool covered = false;
            for (const std::int64_t kept : kept_days) covered = covered || std::llabs(kept - day) * 2 < period;
            if (!covered) result.push_back(date);
        }
        return result;
    };
    // Old sessions are reused in order (their ids and calendar UIDs survive); old ones left
    // over are cancelled, so calendars receive a cancellation; more starts become new sessions.
    std::size_t reuse = 0;
    int counter = 0;
    const auto make_id = [&]() -> std::string {
        if (reuse < movable.size()) return document.sessions[movable[reuse++]].id;
        return next_session_id(pair.id, used_ids, counter);
    };
    Placement placement;
    placement.has_common_window = true;
    if (needed > 0) placement = planner.place(dates_of, now, make_id);
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

std::optional<std::string> add_session(Document& document, const std::string& pair_id,
                                       const TimeZoneCatalog& time_zones, std::string& reason) {
    const Pair* pair = nullptr;
    for (const Pair& candidate : document.pairs)
        if (candidate.id == pair_id) pair = &candidate;
    if (!pair) {
        reason = "no pair " + pair_id;
        return std::nullopt;
    }
    const Program* program = find_program(document, pair->program_id);
    if (!program) {
        reason = "pair " + pair_id + " belongs to no program";
        return std::nullopt;
    }
    reason = person_problem(document, pair->mentor_id, "mentor", time_zones);
    if (reason.empty()) reason = person_problem(document, pair->mentee_id, "mentee", time_zones);
    if (!reason.empty()) return std::nullopt;
    const Session* last = nullptr;
    for (const Session& session : document.sessions) {
        if (session.pair_id == pair_id && session.status != SessionStatus::Cancelled &&
            (!last || session.start > last->start))
            last = &session;
    }
    if (!last) {
        reason = "pair " + pair_id + " has no sessions yet: generate its schedule first";
        return std::nullopt;
    }
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
    std::optional<UtcSeconds> start;
    if (planner.fits(nominal)) start = nominal;
    else start = planner.nearest(nominal, last->start + length,
                                 std::min(kMaxShiftDays, (cadence_period_days(cadence) - 1) / 2) * 86400 + 12 * 3600);
    if (!start) {
        reason = "no free slot near " + format_iso_date(next) + ": " + planner.why_not(nominal, 86400);
        return std::nullopt;
    }
    std::unordered_set<std::string> used;
    for (const Session& session : document.sessions) used.insert(session.id);
    int counter = 0;
    Session session;
    session.id = next_session_id(pair_id, used, counter);
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
        if (verdict.block != Block::None) reasons.push_back(engine.describe(person, verdict));
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
    return planner.nearest(context.session->start, INT64_MIN, static_cast<UtcSeconds>(radius_days) * 86400);
}

}  // namespace flipside
