#include "core/matching/detail/stable.h"

#include <algorithm>
#include <climits>

namespace flipside::matching {

StableMatcher::StableMatcher(StableInput input) : input_(std::move(input)) {
    const MatchingPool& pool = *input_.pool;
    mentee_list_.assign(pool.mentee_count(), {});
    mentor_of_.assign(pool.mentee_count(), -1);
    held_.assign(pool.mentor_count(), {});
    input_.capacity.resize(pool.mentor_count(), 0);
    input_.row_enabled.resize(pool.mentee_count(), 0);
    mentor_rank_.assign(pool.mentor_count(), {});
    for (std::size_t m = 0; m < pool.mentor_count(); ++m) {
        const auto& ranking = pool.mentor_participant(m).preferences;
        auto& ranks = mentor_rank_[m];
        for (std::size_t k = 0; k < ranking.size(); ++k) {
            const int mentee = pool.mentee_position(ranking[k]);
            if (mentee >= 0) ranks.emplace_back(mentee, static_cast<int>(k));
        }
        // First mention wins when a ranking names someone twice.
        std::stable_sort(ranks.begin(), ranks.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        ranks.erase(std::unique(ranks.begin(), ranks.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                    ranks.end());
    }
}

bool StableMatcher::mentor_prefers(std::size_t mentor, std::size_t a, std::size_t b) const {
    const auto& ranks = mentor_rank_[mentor];
    const auto rank_of = [&](std::size_t mentee) {
        const auto found = std::lower_bound(ranks.begin(), ranks.end(), std::make_pair(static_cast<int>(mentee), INT_MIN));
        return found != ranks.end() && found->first == static_cast<int>(mentee) ? found->second : INT_MAX;
    };
    const int rank_a = rank_of(a), rank_b = rank_of(b);
    if (rank_a != rank_b) return rank_a < rank_b;
    const std::int32_t score_a = input_.table->score(a, mentor), score_b = input_.table->score(b, mentor);
    if (score_a != score_b) return score_a > score_b;
    return a < b;
}

void StableMatcher::rank_mentee(std::size_t mentee) {
    if (!input_.row_enabled[mentee]) return;
    const MatchingPool& pool = *input_.pool;
    std::vector<std::pair<std::int32_t, int>> by_score;  // (score, mentor)
    input_.table->for_each_in_row(mentee, [&](std::size_t mentor, std::int32_t score) {
        if (input_.capacity[mentor] > 0) by_score.emplace_back(score, static_cast<int>(mentor));
    });
    std::sort(by_score.begin(), by_score.end(),
              [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    std::vector<int>& list = mentee_list_[mentee];
    std::vector<char> listed(pool.mentor_count(), 0);
    std::vector<char> acceptable(pool.mentor_count(), 0);
    for (const auto& entry : by_score) acceptable[static_cast<std::size_t>(entry.second)] = 1;
    for (const std::string& id : pool.mentee_participant(mentee).preferences) {
        const int mentor = pool.mentor_position(id);
        if (mentor < 0 || !acceptable[static_cast<std::size_t>(mentor)] || listed[static_cast<std::size_t>(mentor)]) continue;
        listed[static_cast<std::size_t>(mentor)] = 1;
        list.push_back(mentor);
    }
    for (const auto& entry : by_score)
        if (!listed[static_cast<std::size_t>(entry.second)]) list.push_back(entry.second);
}

void StableMatcher::propose_all() {
    const std::size_t mentees = mentee_list_.size();
    std::vector<std::size_t> next_choice(mentees, 0);
    std::vector<int> free_mentees;
    for (std::size_t t = mentees; t-- > 0;)  // a stack, so mentees propose in roster order
        if (input_.row_enabled[t]) free_mentees.push_back(static_cast<int>(t));
    while (!free_mentees.empty()) {
        const auto mentee = static_cast<std::size_t>(free_mentees.back());
        const auto& list = mentee_list_[mentee];
        if (next_choice[mentee] >= list.size()) {
            free_mentees.pop_back();  // rejected by every acceptable mentor
            continue;
        }
        const auto mentor = static_cast<std::size_t>(list[next_choice[mentee]++]);
        auto& held = held_[mentor];
        if (static_cast<int>(held.size()) < input_.capacity[mentor]) {
            held.push_back(static_cast<int>(mentee));
            mentor_of_[mentee] = static_cast<int>(mentor);
            free_mentees.pop_back();
            continue;
        }
        // Full: the mentor keeps the better of its worst held mentee and the newcomer.
        auto worst = held.begin();
        for (auto it = held.begin() + 1; it != held.end(); ++it)
            if (mentor_prefers(mentor, static_cast<std::size_t>(*worst), static_cast<std::size_t>(*it))) worst = it;
        if (mentor_prefers(mentor, mentee, static_cast<std::size_t>(*worst))) {
            const int rejected = *worst;
            *worst = static_cast<int>(mentee);
            mentor_of_[mentee] = static_cast<int>(mentor);
            mentor_of_[static_cast<std::size_t>(rejected)] = -1;
            free_mentees.back() = rejected;
        }
    }
}

bool StableMatcher::step(std::int64_t budget) {
    if (finished_) return true;
    std::int64_t done = 0;
    while (next_rank_ < mentee_list_.size() && done < budget) {
        rank_mentee(next_rank_++);
        done += static_cast<std::int64_t>(input_.table->sparse ? 64 : input_.table->columns);
    }
    if (next_rank_ < mentee_list_.size()) return false;
    propose_all();  // linear in the lists' total length: fast enough to run in one slice
    finished_ = true;
    return true;
}

double StableMatcher::progress() const {
    if (finished_) return 1.0;
    return mentee_list_.empty() ? 0.0 : 0.95 * static_cast<double>(next_rank_) / static_cast<double>(mentee_list_.size());
}

std::size_t StableMatcher::count_blocking_pairs() const {
    std::size_t blocking = 0;
    for (std::size_t mentee = 0; mentee < mentee_list_.size(); ++mentee) {
        if (!input_.row_enabled[mentee]) continue;
        for (const int choice : mentee_list_[mentee]) {
            if (choice == mentor_of_[mentee]) break;  // the rest are liked less than the partner
            const auto mentor = static_cast<std::size_t>(choice);
            const auto& held = held_[mentor];
            bool mentor_would = static_cast<int>(held.size()) < input_.capacity[mentor];
            for (const int other : held)
                if (mentor_prefers(mentor, mentee, static_cast<std::size_t>(other))) mentor_would = true;
            if (mentor_would) ++blocking;
        }
    }
    return blocking;
}

}  // namespace flipside::matching
