// Stable mode: mentee-proposing deferred acceptance (Gale-Shapley) with mentor capacities.
// Each side ranks the other through Participant::preferences (best first); whoever is not
// ranked, or everyone when a person gave no ranking, follows in score order (ties by roster
// position). Only pairs allowed by the hard rules are acceptable. The result is stable: no
// mentor and mentee both prefer each other to what they got, which count_blocking_pairs checks.
#pragma once

#include <vector>

#include "core/matching/detail/pool.h"
#include "core/matching/detail/score_table.h"

namespace flipside::matching {

struct StableInput {
    const MatchingPool* pool = nullptr;
    const ScoreTable* table = nullptr;  // allowed pairs and their scores
    std::vector<int> capacity;          // per mentor, after locked pairs
    std::vector<char> row_enabled;      // per mentee
};

class StableMatcher {
public:
    explicit StableMatcher(StableInput input);
    bool step(std::int64_t budget);  // ranks mentees in slices, then proposes; true when done
    bool finished() const { return finished_; }
    double progress() const;
    std::vector<int> mentor_of_mentee() const { return mentor_of_; }

    // Pairs (mentee, mentor), both acceptable, not matched together, where the mentee prefers
    // the mentor to its partner (or has none) and the mentor prefers the mentee to its worst
    // (or has room). Zero for a stable matching.
    std::size_t count_blocking_pairs() const;

private:
    bool mentor_prefers(std::size_t mentor, std::size_t a, std::size_t b) const;  // a over b
    void rank_mentee(std::size_t mentee);
    void propose_all();

    StableInput input_;
    std::vector<std::vector<int>> mentee_list_;       // acceptable mentors, best first
    std::vector<std::vector<std::pair<int, int>>> mentor_rank_;  // explicit: (mentee, rank), sorted by mentee
    std::vector<int> mentor_of_;
    std::vector<std::vector<int>> held_;              // per mentor: mentees held
    std::size_t next_rank_ = 0;
    bool finished_ = false;
};

}  // namespace flipside::matching
