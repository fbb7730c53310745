#include "core/matching/detail/reporting_lines.h"

#include <string>
#include <unordered_map>

namespace flipside::matching {

ReportingLines::ReportingLines(const std::vector<Participant>& participants) {
    const std::size_t count = participants.size();
    std::unordered_map<std::string, std::size_t> index_of;
    index_of.reserve(count);
    for (std::size_t i = 0; i < count; ++i) index_of.emplace(participants[i].id, i);

    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> manager(count, kNone);
    for (std::size_t i = 0; i < count; ++i) {
        const auto found = index_of.find(participants[i].manager_id);
        if (!participants[i].manager_id.empty() && found != index_of.end() && found->second != i)
            manager[i] = found->second;
    }
    // Cut cycles: walk each chain, colouring nodes by the walk that reached them.
    std::vector<std::size_t> walk_of(count, kNone);
    for (std::size_t start = 0; start < count; ++start) {
        std::size_t node = start;
        while (node != kNone && walk_of[node] == kNone) {
            walk_of[node] = start;
            node = manager[node];
        }
        if (node != kNone && walk_of[node] == start) {
            // `node` is on a cycle found by this walk: cut at the member earliest in the roster.
            std::size_t first = node;
            for (std::size_t m = manager[node]; m != node; m = manager[m]) first = std::min(first, m);
            manager[first] = kNone;
        }
    }
    // Children lists in roster order, then an iterative depth-first visit (no recursion:
    // management chains can be long and WebAssembly stacks are small).
    std::vector<std::size_t> child_begin(count + 1, 0);
    for (std::size_t i = 0; i < count; ++i)
        if (manager[i] != kNone) ++child_begin[manager[i] + 1];
    for (std::size_t i = 0; i < count; ++i) child_begin[i + 1] += child_begin[i];
    std::vector<std::size_t> children(child_begin[count]);
    std::vector<std::size_t> fill(child_begin.begin(), child_begin.end() - 1);
    for (std::size_t i = 0; i < count; ++i)
        if (manager[i] != kNone) children[fill[manager[i]]++] = i;

    enter_.assign(count, 0);
    leave_.assign(count, 0);
    int clock = 0;
    std::vector<std::pair<std::size_t, std::size_t>> stack;  // node, next child position
    for (std::size_t root = 0; root < count; ++root) {
        if (manager[root] != kNone) continue;
        enter_[root] = clock++;
        stack.emplace_back(root, child_begin[root]);
        while (!stack.empty()) {
            auto& [node, next] = stack.back();
            if (next < child_begin[node + 1]) {
                const std::size_t child = children[next++];
                enter_[child] = clock++;
                stack.emplace_back(child, child_begin[child]);
            } else {
                leave_[node] = clock;
                stack.pop_back();
            }
        }
    }
}

}  // namespace flipside::matching
