// The figures the dashboard shows and `flipside report` prints, for one program (wave).
// Pure function of the document and "now" (passed in; the core never reads a clock).
//
// Definitions, exactly (the dashboard's tooltips quote them):
//   - A program's pairs are those with its program_id; its sessions and feedback are theirs.
//   - Matched: an active participant in at least one of the program's pairs (any state).
//     Waiting: an active participant in none. Inactive participants are neither.
//   - Scheduled sessions: every status except cancelled (planned, moved, held, no-show).
//     Due: scheduled and starting before now. Overdue: planned or moved, yet before now
//     (nobody recorded what happened). Target: pairs × the program's target_sessions.
//   - Cadence period: weekly cadence: interval × 7 days; every N days: N; monthly: 31 days.
//     A pair is behind when more than (period + grace_days) days have passed since its last
//     held session, or since the program's start when it has held none. On cadence: active
//     pairs not behind. Before the program starts every active pair is on cadence.
//   - At risk (active pairs): no held session for at_risk_weeks weeks (counted the same way,
//     from the program start when none, and only once the program has run that long), or an
//     average feedback rating below low_rating_below (with at least one rating).
//   - Ratings: every feedback of the program's pairs, session and close-out alike, and each
//     kind apart. "High" means 4 or 5.
//   - Weeks run Monday to Sunday in UTC, from the program's start week to its end week (at
//     most kMaxSeriesWeeks); sessions outside that range are counted in sessions_outside_series.
//   - Leader board: pairs by sessions held, then average rating (unrated last), then pair id;
//     rank is shared on equal sessions held and rating ("1, 1, 3").
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace flipside {

inline constexpr int kMaxSeriesWeeks = 520;

struct StatisticsOptions {
    UtcSeconds now = 0;
    std::string program_id;       // empty: the current (last) program
    int at_risk_weeks = 4;        // no held session for this many weeks
    double low_rating_below = 3.0;
    int grace_days = 7;           // added to the cadence period before a pair counts as behind
    std::size_t leader_board_size = 10;  // 0: every pair
};

struct RatingSummary {
    int count = 0;
    std::optional<double> average;        // none when count is 0
    std::optional<double> share_high;     // share of ratings 4 or 5, 0..1
    std::array<int, 5> distribution{};    // ratings 1..5
};

struct DepartmentCoverage {
    std::string department;  // "" for people without one
    int active_people = 0;
    int mentors = 0;
    int mentees = 0;
    int matched = 0;
    int waiting = 0;
    std::optional<double> share_matched;  // matched / active_people
};

struct PairFigures {
    std::string pair_id;
    std::string mentor_id;
    std::string mentee_id;
    std::string mentor_name;
    std::string mentee_name;
    PairState state = PairState::Active;
    int sessions_held = 0;
    int sessions_scheduled = 0;
    int sessions_no_show = 0;
    std::optional<UtcSeconds> last_held;
    std::optional<UtcSeconds> next_planned;  // first planned or moved session from now on
    std::optional<int> days_since_last_held; // from the last held session, or the program start when none
    RatingSummary ratings;
    bool on_cadence = true;                  // meaningful for active pairs
    std::vector<std::string> risk_reasons;   // empty: not at risk
};

struct LeaderBoardEntry {
    int rank = 0;
    PairFigures pair;
};

struct WeekFigures {
    Date week_start;  // a Monday
    int held = 0;
    int planned = 0;   // planned or moved (not yet recorded)
    int cancelled = 0;
    int no_show = 0;
};

struct ProgramStatistics {
    std::string program_id;  // empty when the document has no program
    std::string program_name;
    Date program_start;
    Date program_end;
    UtcSeconds now = 0;
    std::int64_t today = 0;  // the UTC day of `now`, days since 1970-01-01 (rounded down: 1969 is day < 0)
    int cadence_days = 14;

    // People (participants of the whole roster).
    int participants = 0;
    int active_participants = 0;
    int active_mentors = 0;
    int active_mentees = 0;
    int matched = 0;
    int waiting = 0;
    int waiting_mentors = 0;
    int waiting_mentees = 0;

    // Pairs.
    int pairs = 0;
    int pairs_active = 0;
    int pairs_hiatus = 0;
    int pairs_completed = 0;
    int pairs_on_cadence = 0;                  // active pairs not behind
    std::optional<double> share_on_cadence;    // of active pairs
    int pairs_at_risk = 0;

    // Sessions.
    int sessions_scheduled = 0;
    int sessions_held = 0;
    int sessions_due = 0;
    int sessions_overdue = 0;
    int sessions_upcoming = 0;
    int sessions_cancelled = 0;
    int sessions_no_show = 0;
    int sessions_target = 0;
    std::optional<double> share_held_of_due;   // held / due
    // A session of the wave has come due (started before now). Before that the figures of
    // sessions held and pairs on cadence say nothing yet: the dashboard shows "not started".
    bool under_way = false;

    RatingSummary ratings;            // all feedback
    RatingSummary session_ratings;    // feedback on sessions
    RatingSummary close_out_ratings;  // close-out ratings when a pair ends

    std::vector<DepartmentCoverage> departments;  // most active people first, then by name
    std::vector<PairFigures> at_risk;             // most days without a held session first
    std::vector<LeaderBoardEntry> leader_board;
    std::vector<WeekFigures> weeks;
    int sessions_outside_series = 0;
};

ProgramStatistics compute_program_statistics(const Document& document, const StatisticsOptions& options);

}  // namespace flipside
