// The group re-plan (see scheduler_group_replan.h): the least flexible first is a guess, not a
// rule, so a group that still misses dates tries every order, with repairs inside the group;
// the order placing the most sessions wins (ties: the first plan).
#include "core/scheduling/detail/group_replan.h"

#include <algorithm>
#include <unordered_map>

namespace flipside::scheduling {

void replan_groups(Engine& engine, std::vector<PlannedPair>& planned, const std::vector<const DateList*>& lists) {
    std::unordered_map<const Person*, std::vector<std::size_t>> by_person;
    for (std::size_t p = 0; p < planned.size(); ++p) {
        by_person[planned[p].mentor].push_back(p);
        if (planned[p].mentee != planned[p].mentor) by_person[planned[p].mentee].push_back(p);
    }
    std::vector<char> done(planned.size(), 0), movable(planned.size(), 0);
    const UtcSeconds length = engine.program().session_minutes * 60;
    const auto unbook = [&](std::size_t p) {
        for (const UtcSeconds start : planned[p].placement.by_date) {
            if (start == kNoStart) continue;
            engine.unbook(*planned[p].mentee, start, pending_id_of(p));
            engine.unbook(*planned[p].mentor, start, pending_id_of(p));
        }
    };
    const auto book = [&](std::size_t p) {
        for (const UtcSeconds start : planned[p].placement.by_date) {
            if (start == kNoStart) continue;
            engine.book(*planned[p].mentee, start, start + length, pending_id_of(p));
            engine.book(*planned[p].mentor, start, start + length, pending_id_of(p));
        }
    };
    for (std::size_t p = 0; p < planned.size(); ++p) {
        if (done[p] || planned[p].placement.failed_dates.empty() || planned[p].placement.dates.empty()) continue;
        std::vector<std::size_t> group = by_person[planned[p].mentor];
        for (const std::size_t q : by_person[planned[p].mentee]) group.push_back(q);
        std::sort(group.begin(), group.end());
        group.erase(std::unique(group.begin(), group.end()), group.end());
        for (const std::size_t q : group) done[q] = 1;
        if (group.size() < 2 || group.size() > 4) continue;
        const auto placed = [&] {
            std::size_t total = 0;
            for (const std::size_t q : group) total += planned[q].placement.starts.size();
            return total;
        };
        std::size_t best_total = placed();
        std::vector<Placement> best;
        for (const std::size_t q : group) best.push_back(planned[q].placement);
        for (const std::size_t q : group) movable[q] = 1;
        std::vector<std::size_t> order = group;
        while (std::next_permutation(order.begin(), order.end())) {  // the first order is the plan we have
            for (const std::size_t q : group) unbook(q);
            for (const std::size_t q : order) planned[q].placement = planner_for(engine, planned, q).place(lists, INT64_MIN, {});
            for (const std::size_t q : order)
                for (std::size_t i = 0; i < planned[q].placement.by_date.size(); ++i)
                    if (planned[q].placement.by_date[i] == kNoStart) repair_date(engine, planned, q, i, &movable);
            for (const std::size_t q : group) sync(planned[q].placement);
            if (placed() > best_total) {
                best_total = placed();
                best.clear();
                for (const std::size_t q : group) best.push_back(planned[q].placement);
            }
        }
        for (const std::size_t q : group) unbook(q);
        for (std::size_t k = 0; k < group.size(); ++k) planned[group[k]].placement = best[k];
        for (const std::size_t q : group) book(q);
        for (const std::size_t q : group) movable[q] = 0;
    }
}

}  // namespace flipside::scheduling
