// One mentee against every mentor at once: the same scores (and the same hard-rule verdicts) as
// score_pair and broken_hard_rules give pair by pair, computed over mentor fields laid out as
// arrays, a few passes per mentee with no data-dependent branches, so that compilers vectorise
// them (SSE2 natively, WebAssembly SIMD in the browser). Dense score tables are built with it;
// explanations and the sparse candidate search keep the pair-by-pair functions, and tests hold
// the two equal. Needs the pool's small vocabularies (skills, interests, languages as bits).
#pragma once

#include <cstdint>
#include <vector>

#include "core/matching/detail/pool.h"

namespace flipside::matching {

class RowScorer {
public:
    explicit RowScorer(const MatchingPool& pool);
    // Writes pool.mentor_count() values: each mentor's score, or kForbiddenScore.
    void score_row(std::size_t mentee, std::int32_t* scores);

private:
    void rules_and_fixed_points(std::size_t mentee, std::int32_t* scores);
    void add_skill_points(std::size_t mentee, std::int32_t* scores);
    void apply_mentee_lists(std::size_t mentee, std::int32_t* scores);

    const MatchingPool& pool_;
    std::size_t mentors_ = 0;
    // Per mentor, in pool order.
    std::vector<std::int32_t> usable_;  // active with capacity: 1, else 0
    std::vector<std::int32_t> department_, level_, hire_day_, has_hire_date_;
    std::vector<std::int32_t> line_enter_, line_leave_, interest_count_, has_language_;
    std::vector<std::uint64_t> language_bits_, interest_bits_;
    std::vector<std::uint64_t> availability_;  // word w of every mentor, then word w + 1, ...
    std::size_t availability_words_ = 0;
    std::vector<std::uint8_t> proficiency_;    // skill s of every mentor at [s * mentors_]
    std::vector<std::int32_t> best_proficiency_;  // per skill, over all mentors
    // Per row scratch.
    std::vector<std::int32_t> shared_slots_, shared_interests_, shared_language_, forbidden_, taught_, skill_points_;
};

}  // namespace flipside::matching
