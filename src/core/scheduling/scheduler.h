// The cohort scheduler: places every session of every active pair inside the weekly
// availability of both members (each in their own zone), never double-books anyone, and
// reports what it could not place. Deterministic: the same document gives the same plan.
//
// Rules every placed session obeys (tests/schedule_checker.h checks them independently):
//   - for each member, the session lies inside one availability window of their local day
//     (adjacent windows count as one), on a local date inside the program window that is
//     neither a blackout date nor one of their absences, and no UTC offset change of their
//     zone falls inside it;
//   - it overlaps no other non-cancelled session of either member (in any program);
//   - no member has more than program.max_sessions_per_day non-cancelled sessions on one of
//     their local dates; a pair meets at most once per (mentee-local) day;
//   - starts are on a five-minute grid of the mentee's local time.
// How it places a pair: it picks the pair's anchor, a weekday, a phase (which week of an
// every-N-weeks cycle) and a time in the mentee's zone (the senior side owns the
// relationship), that works on the most cadence dates: every anchor is scored against the
// pair's weekly common windows of each stretch of constant UTC offsets, and the best few per
// weekday and phase are counted exactly against bookings, blackouts and absences. Each
// session then goes at the anchor or, when that date fails (blackout, absence, a partner's
// daylight-saving change, a double booking), at the free start nearest to it in time (ties:
// the earlier) on a mentee-local day within half the cadence period, between the pair's
// neighbouring sessions, so sessions keep their order. When dates stay empty, the other
// anchors are tried and the one placing the most sessions wins.
// Pairs that share a person go least flexible first; afterwards (schedule_unscheduled_pairs) a
// date left empty only because another new session holds the hour is filled by moving that
// session inside its own range, and groups of two to four pairs sharing a person that still
// miss dates are placed again in every order, keeping the order that places the most; a date
// still empty is then filled, where possible, by a chain of such moves (one session takes
// another's start, that one a third's, ... until one reaches a free start; fewest moves first).
// Existing sessions never move: they only block time. Pinned sessions are never removed.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "core/time_zone_catalog.h"

namespace flipside::scheduling {

inline constexpr int kScheduleGridMinutes = 5;

struct UnscheduledPair {
    std::string pair_id;
    std::string reason;              // one line a coordinator can act on
    std::vector<Date> failed_dates;  // cadence dates (mentee's local dates) left without a session
};

struct ScheduleReport {
    std::vector<std::string> added_session_ids;
    std::vector<std::string> moved_session_ids;      // reschedule_pair: same id, new start
    std::vector<std::string> cancelled_session_ids;  // reschedule_pair: no longer needed
    std::vector<UnscheduledPair> unscheduled;
    int pairs_considered = 0;
    int pairs_fully_scheduled = 0;
};

// Schedules every active pair of `program_id` that has no session yet; sessions are appended
// to document.sessions. Other sessions are left exactly as they are.
ScheduleReport schedule_unscheduled_pairs(Document& document, const std::string& program_id,
                                          const TimeZoneCatalog& time_zones);

// Re-plans one pair from `now` on: its planned or moved sessions that start at or after
// `now` and are not pinned are removed, and sessions are placed for the cadence dates still
// uncovered, up to the program's target. Everything else stays where it is.
ScheduleReport reschedule_pair(Document& document, const std::string& pair_id, UtcSeconds now,
                               const TimeZoneCatalog& time_zones);

// Adds one session to a pair: the next cadence date after its last session, at the same
// local time for the mentee (or the nearest free start). Returns the new id, or why not (one
// line a coordinator can act on).
Result<std::string> add_session(Document& document, const std::string& pair_id, const TimeZoneCatalog& time_zones);

// Why `session_id` could not take place at `start` (same length): one line per reason, each
// naming who is busy or away ("Ana Ruiz already has session R3-S4 at 14:00 UTC"). Empty when
// the slot is free. The session itself is ignored when looking for double bookings.
std::vector<std::string> slot_conflicts(const Document& document, const std::string& session_id,
                                        UtcSeconds start, const TimeZoneCatalog& time_zones);

// The free start nearest to `session_id`'s current start, other than that start itself
// (ties: the earlier), within `radius_days`.
std::optional<UtcSeconds> nearest_free_start(const Document& document,
                                             const std::string& session_id,
                                             const TimeZoneCatalog& time_zones,
                                             int radius_days = 3);

//-----------------------------------------------------------------------------
// Changing one session: move it, cancel it, mark it held or a no-show. A move keeps where the
// session was in its history and raises its SEQUENCE so calendars replace the old event.
// Conflict checks are the caller's choice (slot_conflicts above) so that a coordinator can
// still force a move after seeing who is busy.
//-----------------------------------------------------------------------------
enum class SessionEditResult { Done, Unchanged, NoSuchSession, Pinned };

// Moves `session_id` to `new_start`: history gets {old start, old status}, status becomes
// Moved, sequence + 1. Pinned sessions refuse unless `even_if_pinned`.
SessionEditResult move_session(Document& document, const std::string& session_id, UtcSeconds new_start,
                               bool even_if_pinned = false);

// Planned/Moved -> Cancelled (sequence + 1, history kept); Cancelled -> Planned (sequence + 1).
SessionEditResult set_session_status(Document& document, const std::string& session_id, SessionStatus status);

SessionEditResult set_session_pinned(Document& document, const std::string& session_id, bool pinned);

}  // namespace flipside::scheduling
