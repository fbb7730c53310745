#include "core/matching/detail/candidates.h"

#include <algorithm>
#include <map>

#include "core/matching/detail/rules.h"
#include "core/matching/detail/scoring.h"

namespace flipside::matching {

TopCandidateFinder::TopCandidateFinder(const MatchingPool& pool, std::size_t keep) : pool_(pool), keep_(keep) {
    std::map<std::uint64_t, std::vector<std::int32_t>> members;  // ordered: never depends on hashing
    for (std::size_t m = 0; m < pool.mentor_count(); ++m) {
        const MatchingProfile& mentor = pool.mentors[m];
        if (mentor.active && mentor.capacity > 0) members[mentor.skill_bits].push_back(static_cast<std::int32_t>(m));
    }
    for (const auto& [bits, list] : members) {
        Group group{bits, std::vector<std::uint8_t>(64, 0), static_cast<std::int32_t>(original_mentor_.size()), 0};
        for (const std::int32_t m : list) {
            original_mentor_.push_back(m);
            for (std::size_t s = 0; s < 64; ++s)
                group.best_proficiency[s] = std::max(group.best_proficiency[s], pool.mentor_proficiency[static_cast<std::size_t>(m) * 64 + s]);
        }
        group.end = static_cast<std::int32_t>(original_mentor_.size());
        groups_.push_back(std::move(group));
    }

    // The grouped copy: mentors (and everything indexed by mentor) in group order.
    grouped_ = pool;
    const std::size_t mentor_total = original_mentor_.size();
    std::vector<std::int32_t> grouped_position(pool.mentor_count(), -1);
    grouped_.mentors.clear();
    grouped_.mentor_proficiency.assign(mentor_total * 64, 0);
    std::vector<std::size_t> grid_order(pool.mentee_count() + mentor_total);
    for (std::size_t t = 0; t < pool.mentee_count(); ++t) grid_order[t] = t;
    for (std::size_t i = 0; i < mentor_total; ++i) {
        const auto m = static_cast<std::size_t>(original_mentor_[i]);
        grouped_position[m] = static_cast<std::int32_t>(i);
        grouped_.mentors.push_back(pool.mentors[m]);
        std::copy_n(&pool.mentor_proficiency[m * 64], 64, &grouped_.mentor_proficiency[i * 64]);
        grid_order[pool.mentee_count() + i] = pool.mentee_count() + m;
    }
    grouped_.availability.reorder(grid_order);
    for (auto* lists : {&grouped_.forbidden_mentors, &grouped_.previous_mentors}) {
        for (auto& list : *lists) {
            std::vector<int> moved;
            for (const int m : list)
                if (grouped_position[static_cast<std::size_t>(m)] >= 0) moved.push_back(grouped_position[static_cast<std::size_t>(m)]);
            std::sort(moved.begin(), moved.end());
            list = std::move(moved);
        }
    }
    grouped_.mentor_by_id.clear();  // positions changed; nothing here looks mentors up by id
    grouped_.locked.clear();
    group_taught_.resize(groups_.size());
    bucket_order_.resize(groups_.size());
}

// The most any mentor can add to this mentee beyond skills.
int TopCandidateFinder::rest_bound(std::size_t mentee) const {
    const MatchingWeights& w = pool_.settings.weights;
    const MatchingProfile& profile = pool_.mentees[mentee];
    const int slot = pool_.availability.slot_minutes();
    const int most_overlap = pool_.availability.total_minutes(mentee);
    int bound = std::max(0, w.language) + std::max(0, w.cross_department) + std::max(0, w.seniority);
    if (profile.interest_count > 0) bound += std::max(0, w.interests);
    bound *= kScoreScale;
    // Availability points grow with the overlap, which is at most the mentee's own free time.
    bound += pool_.availability_points[static_cast<std::size_t>(most_overlap / slot)];
    return bound;
}

std::size_t TopCandidateFinder::find(std::size_t mentee, std::vector<std::pair<std::int32_t, std::int32_t>>& best) {
    best.clear();
    const MatchingProfile& profile = pool_.mentees[mentee];
    if (!profile.active || keep_ == 0) return 0;
    const int skills_weight = pool_.settings.weights.skills;
    const int wanted = static_cast<int>(profile.wanted_weight);

    // Bound on what each group can teach, then groups sorted by it (counting sort, descending).
    int most_taught = 0;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        int taught = 0;
        for (std::uint64_t both = profile.goal_bits & groups_[g].skill_bits; both != 0; both &= both - 1) {
            const int skill = __builtin_ctzll(both);
            taught += groups_[g].best_proficiency[static_cast<std::size_t>(skill)] * pool_.skill_rarity[static_cast<std::size_t>(skill)];
        }
        group_taught_[g] = taught;
        most_taught = std::max(most_taught, taught);
    }
    bucket_begin_.assign(static_cast<std::size_t>(most_taught) + 2, 0);
    for (const std::int32_t taught : group_taught_) ++bucket_begin_[static_cast<std::size_t>(most_taught - taught) + 1];
    for (std::size_t b = 1; b < bucket_begin_.size(); ++b) bucket_begin_[b] += bucket_begin_[b - 1];
    for (std::size_t g = 0; g < groups_.size(); ++g)
        bucket_order_[static_cast<std::size_t>(bucket_begin_[static_cast<std::size_t>(most_taught - group_taught_[g])]++)] =
            static_cast<std::int32_t>(g);

    // A heap ordered by `better` keeps the worst kept candidate on top.
    const auto better = [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
    const int rest = rest_bound(mentee);
    std::size_t scored = 0;
    for (const std::int32_t g : bucket_order_) {
        const Group& group = groups_[static_cast<std::size_t>(g)];
        const int skills_bound = wanted <= 0 ? 0 : skills_weight * kScoreScale * group_taught_[static_cast<std::size_t>(g)] / wanted;
        // Only strictly below the k-th best is safe to skip: an equal score with a lower roster
        // position would still enter.
        if (best.size() == keep_ && skills_bound + rest < best.front().first) break;
        for (std::int32_t position = group.first; position < group.end; ++position) {
            if (broken_hard_rules(grouped_, mentee, static_cast<std::size_t>(position)) != 0) continue;
            const std::int32_t score = score_pair(grouped_, mentee, static_cast<std::size_t>(position));
            ++scored;
            const std::pair<std::int32_t, std::int32_t> candidate{score, original_mentor_[static_cast<std::size_t>(position)]};
            if (best.size() < keep_) {
                best.push_back(candidate);
                std::push_heap(best.begin(), best.end(), better);
            } else if (better(candidate, best.front())) {
                std::pop_heap(best.begin(), best.end(), better);
                best.back() = candidate;
                std::push_heap(best.begin(), best.end(), better);
            }
        }
    }
    std::sort(best.begin(), best.end(), better);
    return scored;
}

}  // namespace flipside::matching
