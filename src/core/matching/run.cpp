#include "core/matching/run.h"

#include <algorithm>

#include "core/matching/detail/assignment.h"
#include "core/matching/detail/fair.h"
#include "core/matching/detail/pool.h"
#include "core/matching/detail/rules.h"
#include "core/matching/detail/score_table.h"
#include "core/matching/detail/scoring.h"
#include "core/matching/detail/stable.h"
#include "core/matching/detail/unmatched_reasons.h"

namespace flipside::matching {

const char* matching_phase_label(MatchingPhase phase) {
    switch (phase) {
        case MatchingPhase::Scoring: return "Scoring candidates";
        case MatchingPhase::Solving: return "Solving";
        case MatchingPhase::Comparing: return "Comparing with the dense solution";
        case MatchingPhase::Explaining: return "Explaining who is unmatched";
        case MatchingPhase::Done: return "Done";
    }
    return "";
}

class MatchingRun::State {
public:
    State(const Document& document, const MatchingSettings& settings, const TimeZoneCatalog& time_zones,
          UtcSeconds reference_instant);
    bool step(std::int64_t budget);
    double progress() const;

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

private:
    void start_solving();
    std::vector<int> solved_assignment() const;
    void start_comparing();
    void start_explaining();
    void record_pairs(const std::vector<int>& mentor_of_mentee);
};

MatchingRun::MatchingRun(const Document& document, const MatchingSettings& settings,
                         const TimeZoneCatalog& time_zones, UtcSeconds reference_instant)
    : state_(std::make_unique<State>(document, settings, time_zones, reference_instant)) {}
MatchingRun::~MatchingRun() = default;
bool MatchingRun::step(std::int64_t budget) { return state_->step(budget); }
MatchingPhase MatchingRun::phase() const { return state_->phase_; }
double MatchingRun::progress() const { return state_->progress(); }
const MatchingProposal& MatchingRun::proposal() const { return state_->proposal_; }
const MatchingPool& MatchingRun::pool() const { return state_->pool_; }
const ScoreTable& MatchingRun::table() const { return state_->table_; }

MatchingRun::State::State(const Document& document, const MatchingSettings& settings,
                          const TimeZoneCatalog& time_zones, UtcSeconds reference_instant)
    : document_(std::make_unique<const Document>(document)),
      pool_(build_matching_pool(*document_, settings, time_zones, reference_instant)) {
    proposal_.mode = settings.mode;
    proposal_.candidates_per_mentee = std::max(0, settings.candidates_per_mentee);
    proposal_.warnings = pool_.warnings;
    builder_ = std::make_unique<ScoreTableBuilder>(pool_, proposal_.candidates_per_mentee);

    // Locked pairs take their places before anything is solved.
    capacity_.resize(pool_.mentor_count());
    for (std::size_t m = 0; m < pool_.mentor_count(); ++m)
        capacity_[m] = pool_.mentors[m].active ? pool_.mentors[m].capacity : 0;
    row_enabled_.resize(pool_.mentee_count());
    for (std::size_t t = 0; t < pool_.mentee_count(); ++t) row_enabled_[t] = pool_.mentees[t].active ? 1 : 0;
    for (const LockedPair& lock : pool_.locked) {
        row_enabled_[static_cast<std::size_t>(lock.mentee)] = 0;
        capacity_[static_cast<std::size_t>(lock.mentor)] =
            std::max(0, capacity_[static_cast<std::size_t>(lock.mentor)] - 1);
    }
}

double MatchingRun::State::progress() const {
    switch (phase_) {
        case MatchingPhase::Scoring: return 0.4 * builder_->progress();
        case MatchingPhase::Solving: {
            const double solved = exact_ ? exact_->progress() : fair_ ? fair_->progress() : stable_ ? stable_->progress() : 0.0;
            return 0.4 + 0.45 * solved;
        }
        case MatchingPhase::Comparing:
            return 0.85 + 0.07 * (dense_solver_ ? 0.5 + 0.5 * dense_solver_->progress()
                                                : dense_builder_ ? 0.5 * dense_builder_->progress() : 0.0);
        case MatchingPhase::Explaining: {
            const std::size_t total = proposal_.unmatched.size();
            return 0.92 + 0.08 * (total == 0 ? 1.0 : static_cast<double>(next_explained_) / static_cast<double>(total));
        }
        case MatchingPhase::Done: return 1.0;
    }
    return 0.0;
}

bool MatchingRun::State::step(std::int64_t budget) {
    // Phases hand over within one call when a slice finishes early, so a small run is done in one step.
    while (phase_ != MatchingPhase::Done) {
        switch (phase_) {
            case MatchingPhase::Scoring:
                if (!builder_->step(budget)) return false;
                table_ = builder_->take();
                builder_.reset();
                start_solving();
                break;
            case MatchingPhase::Solving: {
                const bool done = exact_ ? exact_->step(budget) : fair_ ? fair_->step(budget) : stable_->step(budget);
                if (!done) return false;
                record_pairs(solved_assignment());
                if (stable_) proposal_.blocking_pairs = stable_->count_blocking_pairs();
                start_comparing();
                break;
            }
            case MatchingPhase::Comparing:
                if (dense_builder_) {
                    if (!dense_builder_->step(budget)) return false;
                    dense_table_ = dense_builder_->take();
                    dense_builder_.reset();
                    dense_solver_ = std::make_unique<AssignmentSolver>(AssignmentInput{&dense_table_, capacity_, row_enabled_});
                }
                if (dense_solver_) {
                    if (!dense_solver_->step(budget)) return false;
                    long long locked_total = 0;
                    for (const ProposedPair& pair : proposal_.pairs)
                        if (pair.locked) locked_total += pair.score;
                    proposal_.dense_total_score = dense_solver_->total_score() + locked_total;
                    proposal_.dense_matched = dense_solver_->matched_count() + pool_.locked.size();
                    dense_solver_.reset();
                    dense_table_ = ScoreTable{};
                }
                start_explaining();
                break;
            case MatchingPhase::Explaining: {
                ExplanationContext context{&pool_, {}, {}, proposal_.candidates_per_mentee, stable_ != nullptr};
                context.mentor_load.assign(pool_.mentor_count(), 0);
                context.mentee_matched.assign(pool_.mentee_count(), 0);
                for (const ProposedPair& pair : proposal_.pairs) {
                    ++context.mentor_load[static_cast<std::size_t>(pool_.mentor_position(pair.mentor_id))];
                    context.mentee_matched[static_cast<std::size_t>(pool_.mentee_position(pair.mentee_id))] = 1;
                }
                std::int64_t done = 0;
                while (next_explained_ < proposal_.unmatched.size() && done < budget) {
                    UnmatchedParticipant& person = proposal_.unmatched[next_explained_++];
                    if (person.role == Role::Mentee) {
                        person.reason = explain_unmatched_mentee(context, static_cast<std::size_t>(pool_.mentee_position(person.id)));
                        done += static_cast<std::int64_t>(pool_.mentor_count()) + 1;
                    } else {
                        person.reason = explain_unmatched_mentor(context, static_cast<std::size_t>(pool_.mentor_position(person.id)));
                        done += static_cast<std::int64_t>(pool_.mentee_count()) + 1;
                    }
                }
                if (next_explained_ < proposal_.unmatched.size()) return false;
                phase_ = MatchingPhase::Done;
                break;
            }
            case MatchingPhase::Done: break;
        }
    }
    return true;
}

void MatchingRun::State::start_solving() {
    phase_ = MatchingPhase::Solving;
    switch (proposal_.mode) {
        case MatchingMode::Optimal:
            exact_ = std::make_unique<AssignmentSolver>(AssignmentInput{&table_, capacity_, row_enabled_});
            break;
        case MatchingMode::Fair:
            fair_ = std::make_unique<FairSolver>(AssignmentInput{&table_, capacity_, row_enabled_});
            break;
        case MatchingMode::Stable:
            stable_ = std::make_unique<StableMatcher>(StableInput{&pool_, &table_, capacity_, row_enabled_});
            break;
    }
}

std::vector<int> MatchingRun::State::solved_assignment() const {
    if (exact_) return exact_->mentor_of_mentee();
    if (fair_) return fair_->mentor_of_mentee();
    return stable_->mentor_of_mentee();
}

void MatchingRun::State::start_comparing() {
    phase_ = MatchingPhase::Comparing;
    // The gap to dense is only meaningful for the optimal mode's objective.
    if (proposal_.candidates_per_mentee > 0 && proposal_.mode == MatchingMode::Optimal &&
        pool_.mentee_count() * pool_.mentor_count() <= kDenseComparisonCells)
        dense_builder_ = std::make_unique<ScoreTableBuilder>(pool_, 0);
}

void MatchingRun::State::record_pairs(const std::vector<int>& mentor_of_mentee) {
    mentor_of_mentee_ = mentor_of_mentee;
    for (const LockedPair& lock : pool_.locked)
        mentor_of_mentee_[static_cast<std::size_t>(lock.mentee)] = lock.mentor;
    std::vector<char> locked(pool_.mentee_count(), 0);
    for (const LockedPair& lock : pool_.locked) locked[static_cast<std::size_t>(lock.mentee)] = 1;
    std::vector<int> load(pool_.mentor_count(), 0);
    for (std::size_t t = 0; t < mentor_of_mentee_.size(); ++t) {
        const int m = mentor_of_mentee_[t];
        if (m < 0) {
            proposal_.unmatched.push_back({pool_.mentee_participant(t).id, Role::Mentee, ""});
            continue;
        }
        ++load[static_cast<std::size_t>(m)];
        ProposedPair pair;
        pair.mentee_id = pool_.mentee_participant(t).id;
        pair.mentor_id = pool_.mentor_participant(static_cast<std::size_t>(m)).id;
        pair.score = score_pair(pool_, t, static_cast<std::size_t>(m), &pair.breakdown);
        pair.locked = locked[t] != 0;
        if (pair.locked) {
            pair.broken_rules = broken_hard_rules(pool_, t, static_cast<std::size_t>(m), true);
            if (pair.broken_rules != 0) {
                std::string rules;
                for (int bit = 0; bit < 32; ++bit)
                    if (pair.broken_rules & (1u << bit)) rules += std::string(rules.empty() ? "" : ", ") + hard_rule_phrase(1u << bit);
                const Participant& mentor = pool_.mentor_participant(static_cast<std::size_t>(m));
                const Participant& mentee = pool_.mentee_participant(t);
                proposal_.warnings.push_back("locked pair " + mentor.name + " & " + mentee.name + " (" + pair.mentor_id +
                                             " / " + pair.mentee_id + ") kept although: " + rules);
            }
        }
        proposal_.total_score += pair.score;
        proposal_.pairs.push_back(std::move(pair));
    }
    for (std::size_t m = 0; m < pool_.mentor_count(); ++m)
        if (load[m] == 0) proposal_.unmatched.push_back({pool_.mentor_participant(m).id, Role::Mentor, ""});
    if (!proposal_.pairs.empty()) {
        proposal_.lowest_score = proposal_.pairs.front().score;
        for (const ProposedPair& pair : proposal_.pairs) proposal_.lowest_score = std::min(proposal_.lowest_score, pair.score);
    }
}

void MatchingRun::State::start_explaining() { phase_ = MatchingPhase::Explaining; }

MatchingProposal run_matching(const Document& document, const MatchingSettings& settings,
                              const TimeZoneCatalog& time_zones, UtcSeconds reference_instant) {
    MatchingRun run(document, settings, time_zones, reference_instant);
    while (!run.step(INT64_MAX / 4)) {
    }
    return run.proposal();
}

std::vector<std::string> check_proposal(const MatchingPool& pool, const MatchingProposal& proposal) {
    std::vector<std::string> problems;
    std::vector<int> load(pool.mentor_count(), 0);
    std::vector<char> seen(pool.mentee_count(), 0);
    for (const ProposedPair& pair : proposal.pairs) {
        const int mentee = pool.mentee_position(pair.mentee_id), mentor = pool.mentor_position(pair.mentor_id);
        if (mentee < 0 || mentor < 0) {
            problems.push_back(pair.mentor_id + " / " + pair.mentee_id + ": not a mentor and a mentee");
            continue;
        }
        if (seen[static_cast<std::size_t>(mentee)]++) problems.push_back(pair.mentee_id + " is paired twice");
        if (++load[static_cast<std::size_t>(mentor)] > pool.mentors[static_cast<std::size_t>(mentor)].capacity)
            problems.push_back(pair.mentor_id + " is over capacity");
        const std::uint32_t broken = broken_hard_rules(pool, static_cast<std::size_t>(mentee), static_cast<std::size_t>(mentor), true);
        if (broken != 0 && !pair.locked)
            problems.push_back(pair.mentor_id + " / " + pair.mentee_id + " breaks a hard rule");
        if ((broken & kRuleForbidden) != 0)
            problems.push_back(pair.mentor_id + " / " + pair.mentee_id + " is forbidden");
    }
    for (const LockedPair& lock : pool.locked) {
        const std::string& mentee_id = pool.mentee_participant(static_cast<std::size_t>(lock.mentee)).id;
        const std::string& mentor_id = pool.mentor_participant(static_cast<std::size_t>(lock.mentor)).id;
        const bool present = std::any_of(proposal.pairs.begin(), proposal.pairs.end(), [&](const ProposedPair& p) {
            return p.mentee_id == mentee_id && p.mentor_id == mentor_id;
        });
        if (!present) problems.push_back("locked pair " + mentor_id + " / " + mentee_id + " is missing");
    }
    return problems;
}

}  // namespace flipside::matching
