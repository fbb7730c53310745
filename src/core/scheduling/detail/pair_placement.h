// Placing one pair's sessions (internal to src/core/scheduler*.cpp): the choice of the pair's
// anchor (mentee-local weekday, phase and time that works on the most cadence dates) and each
// session at the anchor or at the free start nearest to it within half the cadence period,
// in order. See scheduler.h for the rules and the whole method.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/scheduling/detail/recurrence.h"
#include "core/scheduling/detail/calendar.h"

namespace flipside::scheduling {

struct Anchor {
    int weekday = 0;  // mentee's local weekday (-1: every N days, any weekday)
    int phase = 0;    // which week of an every-N-weeks cycle the pair starts in
    int minute = 0;   // mentee's local start
};

inline constexpr UtcSeconds kNoStart = INT64_MIN;

struct Placement {
    Anchor anchor;
    std::vector<Date> dates;            // the chosen anchor's cadence dates
    std::vector<UtcSeconds> by_date;    // one per date: its session's start, or kNoStart
    std::vector<UtcSeconds> starts;
    std::vector<std::string> ids;  // one per start
    std::vector<Date> failed_dates;
    std::vector<std::string> failed_reasons;
    int dates_planned = 0;  // cadence dates of the chosen anchor
    bool has_common_window = false;
};

// Cadence dates of one (weekday, phase), with what scoring needs precomputed.
struct DateList {
    std::vector<Date> dates;
    std::vector<std::int64_t> days;  // days_from_civil
    std::vector<int> weekdays;
    std::vector<bool> blackout;      // a program blackout: no anchor can use it
};

DateList make_date_list(std::vector<Date> dates, const Program& program);

class PairPlanner {
public:
    PairPlanner(Engine& engine, Person& mentor, Person& mentee)
        : engine_(engine), mentor_(mentor), mentee_(mentee),
          length_(engine.program().session_minutes * 60) {}

    int phases() const {
        const Cadence& cadence = engine_.program().cadence;
        return cadence.kind == CadenceKind::Weekly ? std::clamp(cadence.interval, 1, 4) : 1;
    }

    std::vector<Date> dates_for(const Anchor& anchor, int count) const;

    UtcSeconds instant(const Date& date, int minute) { return mentee_.rules->to_utc(date, minute).instant; }

    bool fits(UtcSeconds start) const {
        return engine_.check(mentee_, start, start + length_).block == Block::None &&
               engine_.check(mentor_, start, start + length_).block == Block::None;
    }

    // How many of `list`'s dates work at `anchor`; stops (returning -1) after `max_failures`.
    int count_fitting(const Anchor& anchor, const DateList& list, int max_failures);

    // The free start nearest to `nominal` (ties: the earlier) at or after `not_before` and at
    // most `radius` away, on the mentee's five-minute grid. Only starts inside both people's
    // windows are tried. `reasons` collects why the starts tried did not work.
    std::optional<UtcSeconds> nearest(UtcSeconds nominal, UtcSeconds not_before, UtcSeconds radius,
                                      bool allow_nominal, std::vector<std::string>* reasons = nullptr) const {
        return nearest_between(nominal, std::max(nominal - radius, not_before), nominal + radius, allow_nominal,
                               reasons, radius / kSecondsPerDay);
    }

    // Every start in [lo, hi] on the mentee's grid inside both people's windows, nearest to
    // `nominal` first (ties: the earlier); `nominal` itself only when allowed.
    void candidate_starts(UtcSeconds nominal, UtcSeconds lo, UtcSeconds hi, bool allow_nominal,
                          std::vector<std::int64_t>& steps) const;

    // The free start in [lo, hi] nearest to `nominal` (see candidate_starts).
    std::optional<UtcSeconds> nearest_between(UtcSeconds nominal, UtcSeconds lo, UtcSeconds hi, bool allow_nominal,
                                              std::vector<std::string>* reasons, std::int64_t radius_days) const;

    // Every (weekday, phase) the cadence allows, in list order (see place()).
    int list_count() const {
        return (engine_.program().cadence.kind == CadenceKind::EveryNDays ? 1 : 7) * phases();
    }
    Anchor list_anchor(int index) const {
        const bool any_weekday = engine_.program().cadence.kind == CadenceKind::EveryNDays;
        return Anchor{any_weekday ? -1 : index / phases(), index % phases(), 0};
    }

    // Chooses the anchor and places every date of it; books what it places. `lists[i]` holds
    // the cadence dates of list_anchor(i).
    // With `make_id` empty, the placed sessions stay booked under pending_id() and get no ids
    // (the caller names them later, see schedule_unscheduled_pairs).
    Placement place(const std::vector<const DateList*>& lists, UtcSeconds not_before,
                    const std::function<std::string()>& make_id);

    struct Attempt {
        Anchor anchor;
        std::vector<UtcSeconds> by_date;  // one per date, kNoStart when it failed
        std::vector<UtcSeconds> starts;
        std::vector<Date> failed_dates;
        std::vector<std::string> failed_reasons;
    };

    // How far a session may move from its cadence date, in the mentee's local days: half the
    // period (a fortnightly session anywhere from the week before to the week after).
    int radius_days() const {
        const int period = cadence_period_days(engine_.program().cadence);
        return period >= 2 ? period / 2 : 0;
    }
    UtcSeconds day_start(std::int64_t day) const {
        return mentee_.rules->to_utc(day, civil_from_days(day), 0).instant;
    }

    // Starts allowed for cadence date `day`: within radius_days() of it, after `not_before`,
    // on a later mentee-local day than `previous_day` and an earlier one than `next_day` (the
    // pair's neighbouring sessions, INT64_MIN / INT64_MAX when none). `inner_hi` excludes the
    // last day when the next date's range shares it (an even period), so that day is taken only
    // when nothing else is free.
    struct Range {
        UtcSeconds lo, hi, inner_hi;
    };
    Range date_range(std::int64_t day, UtcSeconds not_before, std::int64_t previous_day, std::int64_t next_day) const;

    // `nominal` when it is free and in range, else the free start nearest to it (the range's
    // last day only when nothing else is free).
    std::optional<UtcSeconds> place_in(UtcSeconds nominal, const Range& range, std::vector<std::string>* reasons) const;

    std::int64_t mentee_day(UtcSeconds start) const { return floor_days(start + mentee_.rules->offset_at(start)); }

    // Places `dates` at `anchor` or nearby, booking as it goes (so the pair's own sessions
    // count towards the daily limit); at most one session of the pair per mentee-local day.
    Attempt attempt(const Anchor& anchor, const std::vector<Date>& dates, UtcSeconds not_before);

    void unbook(const Attempt& attempt);
    void rebook(const Attempt& attempt);

    // Bookings being placed carry this id until they are named (one per pair being placed,
    // so a repair can tell whose session is in the way).
    void set_pending_id(std::string id) { pending_ = std::move(id); }
    const std::string& pending_id() const { return pending_; }
    static inline const std::string kPending = "(being placed)";

    // Rough count of weekly anchors both can make, from offsets at the program's start;
    // used only to schedule the least flexible pairs first.
    int flexibility() const;

private:
    void note_reason(UtcSeconds start, std::vector<std::pair<const Person*, Block>>& seen,
                     std::vector<std::string>& reasons) const;

    // The pair's stretches of constant offsets over the program: (mentee offset, mentor offset).
    std::vector<std::pair<int, int>> pair_segments();
    std::size_t segment_of(UtcSeconds at) const;

    // Start minutes (mentee-local minute of the week, inclusive ranges) at which a session
    // fits both weekly patterns, given both offsets.
    std::vector<std::pair<int, int>> feasible_starts(int mentee_offset, int mentor_offset) const;

    Engine& engine_;
    Person& mentor_;
    Person& mentee_;
    int length_;
    std::string pending_ = kPending;
    std::vector<UtcSeconds> segment_starts_;
};

// Where date `i` of a placement may go, given the pair's sessions on either side of it.
PairPlanner::Range range_for(const PairPlanner& planner, const Placement& placement, std::size_t i);

// Date `i`'s start at the placement's anchor.
UtcSeconds nominal_for(PairPlanner& planner, const Placement& placement, std::size_t i);

}  // namespace flipside::scheduling
