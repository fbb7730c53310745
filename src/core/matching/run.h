// One pairing run from start to proposal, in slices: prepare the pool, score candidates,
// solve in the chosen mode, compare with the dense solution when the sparse mode was used
// and the dense one fits, and explain everyone left unmatched. The Matching screen calls
// step() once per frame with a small budget; the CLI and tests call run_matching().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/matching/scores.h"
#include "core/matching/settings.h"
#include "core/model.h"
#include "core/time_zone_catalog.h"

namespace flipside::matching {

struct MatchingPool;  // detail/pool.h
struct ScoreTable;   // detail/score_table.h

struct ProposedPair {
    std::string mentor_id;
    std::string mentee_id;
    int score = 0;               // hundredths of a point
    ScoreBreakdown breakdown{};  // by Criterion, sums to score
    bool locked = false;
    std::uint32_t broken_rules = 0;  // a locked pair the coordinator kept despite these rules
};

struct UnmatchedParticipant {
    std::string id;
    Role role = Role::Mentee;
    std::string reason;
};

struct MatchingProposal {
    MatchingMode mode = MatchingMode::Optimal;
    int candidates_per_mentee = 0;                 // > 0: the sparse mode was used
    std::vector<ProposedPair> pairs;               // in mentee roster order
    std::vector<UnmatchedParticipant> unmatched;   // mentees, then mentors, roster order
    long long total_score = 0;                     // hundredths
    int lowest_score = 0;                          // hundredths; 0 without pairs
    std::size_t blocking_pairs = 0;                // stable mode
    std::optional<long long> dense_total_score;    // sparse mode, when the dense problem fits
    std::optional<std::size_t> dense_matched;
    std::vector<std::string> warnings;
};

enum class MatchingPhase { Scoring, Solving, Comparing, Explaining, Done };
const char* matching_phase_label(MatchingPhase phase);  // "Scoring candidates", ...

// Largest mentee x mentor count for which the sparse mode also solves the dense problem to
// report the gap (the dense table holds 4 bytes per cell).
inline constexpr std::size_t kDenseComparisonCells = 25'000'000;

class MatchingRun {
public:
    // The document is copied: the screen may keep editing while a run goes on.
    MatchingRun(const Document& document, const MatchingSettings& settings, const TimeZoneCatalog& time_zones,
                UtcSeconds reference_instant);
    MatchingRun(const MatchingRun&) = delete;
    MatchingRun& operator=(const MatchingRun&) = delete;

    // About `budget` units of work (one unit ~ one candidate pair looked at). True when done.
    bool step(std::int64_t budget);
    bool finished() const { return phase() == MatchingPhase::Done; }
    MatchingPhase phase() const;
    double progress() const;  // 0..1 over the whole run

    const MatchingProposal& proposal() const;
    // The engine's view of the people and the scores (detail/ headers): for white-box tests.
    const MatchingPool& pool() const;
    const ScoreTable& table() const;

    ~MatchingRun();

private:
    class State;  // the phases' solvers and tables (run.cpp)
    std::unique_ptr<State> state_;
};

// The whole run at once.
MatchingProposal run_matching(const Document& document, const MatchingSettings& settings,
                              const TimeZoneCatalog& time_zones, UtcSeconds reference_instant);

// Validity of a proposal against the pool's hard rules and capacities (used by tests and as
// a last check before accepting): one line per problem, empty when valid.
std::vector<std::string> check_proposal(const MatchingPool& pool, const MatchingProposal& proposal);

}  // namespace flipside::matching
