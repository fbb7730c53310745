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

#include "core/matching_assignment.h"
#include "core/matching_fair.h"
#include "core/matching_pool.h"
#include "core/matching_score_table.h"
#include "core/matching_scoring.h"
#include "core/matching_stable.h"

namespace flipside {

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
    bool finished() const { return phase_ == MatchingPhase::Done; }
    MatchingPhase phase() const { return phase_; }
    double progress() const;  // 0..1 over the whole run

    const MatchingProposal& proposal() const { return proposal_; }
    const MatchingPool& pool() const { return pool_; }
    const ScoreTable& table() const { return table_; }

private:
    void start_solving();
    std::vector<int> solved_assignment() const;
    void start_comparing();
    void start_explaining();
    void record_pairs(const std::vector<int>& mentor_of_mentee);

    std::unique_ptr<const Document> document_;
    MatchingPool pool_;
    MatchingPhase phase_ = MatchingPhase::Scoring;
    std::unique_ptr<ScoreTableBuilder> builder_;
    ScoreTable table_;
    std::vector<int> capacity_;
    std::vector<char> row_enabled_;
    std::unique_ptr<AssignmentSolver> exact_;
    std::unique_ptr<FairSolver> fair_;
    std::unique_ptr<StableMatcher> stable_;
    std::unique_ptr<ScoreTableBuilder> dense_builder_;
    ScoreTable dense_table_;
    std::unique_ptr<AssignmentSolver> dense_solver_;
    std::vector<int> mentor_of_mentee_;
    std::size_t next_explained_ = 0;
    MatchingProposal proposal_;
};

// The whole run at once.
MatchingProposal run_matching(const Document& document, const MatchingSettings& settings,
                              const TimeZoneCatalog& time_zones, UtcSeconds reference_instant);

// Validity of a proposal against the pool's hard rules and capacities (used by tests and as
// a last check before accepting): one line per problem, empty when valid.
std::vector<std::string> check_proposal(const MatchingPool& pool, const MatchingProposal& proposal);

}  // namespace flipside
