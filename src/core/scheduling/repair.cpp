// The repair pass between pairs placed in one run (see scheduler_repair.h).
#include "core/scheduling/detail/repair.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <optional>
#include <utility>

namespace flipside::scheduling {

std::string pending_id_of(std::size_t index) { return "\x1f" + std::to_string(index); }

PairPlanner planner_for(Engine& engine, const std::vector<PlannedPair>& planned, std::size_t index) {
    PairPlanner planner(engine, *planned[index].mentor, *planned[index].mentee);
    planner.set_pending_id(pending_id_of(index));
    return planner;
}

void sync(Placement& placement) {
    placement.starts.clear();
    placement.failed_dates.clear();
    for (std::size_t i = 0; i < placement.by_date.size(); ++i) {
        if (placement.by_date[i] == kNoStart) placement.failed_dates.push_back(placement.dates[i]);
        else placement.starts.push_back(placement.by_date[i]);
    }
    placement.failed_reasons.assign(placement.failed_dates.size(), std::string());
}

namespace {

UtcSeconds session_length(const Engine& engine) { return engine.program().session_minutes * 60; }

// A date of a pair being placed: (index into `planned`, index into its placement's dates).
using DateRef = std::pair<std::size_t, std::size_t>;

void book_date(Engine& engine, std::vector<PlannedPair>& planned, DateRef date, UtcSeconds start) {
    PlannedPair& entry = planned[date.first];
    const std::string id = pending_id_of(date.first);
    engine.book(*entry.mentee, start, start + session_length(engine), id);
    engine.book(*entry.mentor, start, start + session_length(engine), id);
    entry.placement.by_date[date.second] = start;
}

void unbook_date(Engine& engine, std::vector<PlannedPair>& planned, DateRef date) {
    PlannedPair& entry = planned[date.first];
    const std::string id = pending_id_of(date.first);
    engine.unbook(*entry.mentee, entry.placement.by_date[date.second], id);
    engine.unbook(*entry.mentor, entry.placement.by_date[date.second], id);
    entry.placement.by_date[date.second] = kNoStart;
}

// The one session of another pair being placed (marked in `movable`, when given) that keeps
// pair `p` from a start, given both members' verdicts there; nothing when anything else is in
// the way, or both members are blocked.
std::optional<DateRef> pending_blocker(const std::vector<PlannedPair>& planned, std::size_t p, const Verdict& mentee,
                                       const Verdict& mentor, const std::vector<char>* movable) {
    if (mentee.block != Block::None && mentor.block != Block::None) return std::nullopt;
    const Verdict& verdict = mentee.block != Block::None ? mentee : mentor;
    if ((verdict.block != Block::Busy && verdict.block != Block::DayLimit) || !verdict.with) return std::nullopt;
    const std::string& holder = verdict.with->session_id;
    if (holder.size() < 2 || holder[0] != '\x1f') return std::nullopt;
    const auto q = static_cast<std::size_t>(std::strtoull(holder.c_str() + 1, nullptr, 10));
    if (q == p || q >= planned.size() || (movable && !(*movable)[q])) return std::nullopt;
    const std::vector<UtcSeconds>& dates = planned[q].placement.by_date;
    const auto found = std::find(dates.begin(), dates.end(), verdict.with->start);
    if (found == dates.end()) return std::nullopt;
    return DateRef{q, static_cast<std::size_t>(found - dates.begin())};
}

// The free start PairPlanner::place_in would choose, from the candidates `steps` of the whole
// range (nearest first): the nominal start, else the nearest free one before the range's
// last day, else the nearest free one.
std::optional<UtcSeconds> first_free(const PairPlanner& planner, UtcSeconds nominal, const PairPlanner::Range& range,
                                     const std::vector<std::int64_t>& steps) {
    if (range.lo <= nominal && nominal <= range.hi && planner.fits(nominal)) return nominal;
    for (const bool inner : {true, false})
        for (const std::int64_t k : steps) {
            const UtcSeconds start = nominal + k * kGridSeconds;
            if ((start <= range.inner_hi) == inner && planner.fits(start)) return start;
        }
    return std::nullopt;
}

// One search for a chain of moves that fills a date (see place_by_chain).
struct ChainSearch {
    Engine& engine;
    std::vector<PlannedPair>& planned;
    const std::vector<char>* movable;
    int budget;            // starts left to examine
    bool once;             // a session is tried once per search, even when it could not move
    std::vector<DateRef> in_chain;                    // not to be moved (again)
    std::vector<std::pair<DateRef, UtcSeconds>> log;  // the chain found: each moved date, its start before
};

bool place_by_chain(ChainSearch& search, DateRef date, int moves, bool first);

// Puts `date` at `start`, where `blocker` is in the way, and moves the blocker on (with
// `moves` - 1 further moves at most); everything is put back when that fails.
bool take_from(ChainSearch& search, DateRef date, UtcSeconds start, DateRef blocker, int moves) {
    Engine& engine = search.engine;
    std::vector<PlannedPair>& planned = search.planned;
    const UtcSeconds old = planned[blocker.first].placement.by_date[blocker.second];
    unbook_date(engine, planned, blocker);
    if (planner_for(engine, planned, date.first).fits(start)) {
        book_date(engine, planned, date, start);
        search.in_chain.push_back(blocker);
        if (place_by_chain(search, blocker, moves - 1, false)) {
            search.log.emplace_back(blocker, old);
            return true;
        }
        if (!search.once) search.in_chain.pop_back();
        unbook_date(engine, planned, date);
    }
    book_date(engine, planned, blocker, old);
    return false;
}

// Places empty date `date` inside its range. The date being filled (`first`) takes the first
// free start, nearest first; a moved session takes the start PairPlanner::place_in would. Failing
// that, with `moves` left, it takes the nearest start whose only obstacle is a session of
// another pair being placed, which moves on the same way (inside its own range, so it keeps its
// pair's order).
bool place_by_chain(ChainSearch& search, DateRef date, int moves, bool first) {
    Engine& engine = search.engine;
    std::vector<PlannedPair>& planned = search.planned;
    PlannedPair& entry = planned[date.first];
    PairPlanner planner = planner_for(engine, planned, date.first);
    const PairPlanner::Range range = range_for(planner, entry.placement, date.second);
    const UtcSeconds nominal = nominal_for(planner, entry.placement, date.second);
    std::vector<std::int64_t> steps;
    planner.candidate_starts(nominal, range.lo, range.hi, true, steps);
    if (!first) {
        if (const auto free = first_free(planner, nominal, range, steps)) {
            book_date(engine, planned, date, *free);
            return true;
        }
        if (moves <= 0) return false;
    }
    const UtcSeconds length = session_length(engine);
    for (const std::int64_t k : steps) {
        if (search.budget-- <= 0) return false;
        const UtcSeconds start = nominal + k * kGridSeconds;
        const Verdict mentee = engine.check(*entry.mentee, start, start + length);
        const Verdict mentor = engine.check(*entry.mentor, start, start + length);
        if (first && mentee.block == Block::None && mentor.block == Block::None) {
            book_date(engine, planned, date, start);
            return true;
        }
        if (moves <= 0) continue;
        const auto blocker = pending_blocker(planned, date.first, mentee, mentor, search.movable);
        if (!blocker || std::find(search.in_chain.begin(), search.in_chain.end(), *blocker) != search.in_chain.end())
            continue;
        if (take_from(search, date, start, *blocker, moves)) return true;
    }
    return false;
}

// Puts back what a chain moved, and empties the date it filled.
void undo(Engine& engine, std::vector<PlannedPair>& planned, DateRef filled, const ChainSearch& search) {
    unbook_date(engine, planned, filled);
    for (const auto& [date, old] : search.log) {
        unbook_date(engine, planned, date);
        book_date(engine, planned, date, old);
    }
}

// Longer chains are looked for only after the repair pass and the group re-plan, for the
// dates those leave empty; the budget bounds each date's search.
constexpr int kLongestChain = 24;
constexpr int kChainBudget = 4000;

// Whether every empty date of pair `p` has some start inside both people's windows in its range
// (no chain can fill one that has none).
bool every_empty_date_has_a_window(Engine& engine, const std::vector<PlannedPair>& planned, std::size_t p) {
    PairPlanner planner = planner_for(engine, planned, p);
    const Placement& placement = planned[p].placement;
    std::vector<std::int64_t> steps;
    for (std::size_t i = 0; i < placement.by_date.size(); ++i) {
        if (placement.by_date[i] != kNoStart) continue;
        const PairPlanner::Range range = range_for(planner, placement, i);
        planner.candidate_starts(nominal_for(planner, placement, i), range.lo, range.hi, true, steps);
        if (steps.empty()) return false;
    }
    return true;
}

}  // namespace

bool repair_date(Engine& engine, std::vector<PlannedPair>& planned, std::size_t p, std::size_t i,
                 const std::vector<char>* movable) {
    ChainSearch search{engine, planned, movable, INT_MAX, false, {{p, i}}, {}};
    return place_by_chain(search, {p, i}, 1, true);
}

bool repair_date_by_chain(Engine& engine, std::vector<PlannedPair>& planned, std::size_t p, std::size_t i) {
    // Is there a chain at all? Depth first, each session tried once: linear in what it reaches.
    const auto search_once = [&](int moves) {
        ChainSearch search{engine, planned, nullptr, kChainBudget, true, {{p, i}}, {}};
        const bool found = place_by_chain(search, {p, i}, moves, true);
        return std::make_pair(found, search);
    };
    auto [found, probe] = search_once(kLongestChain);
    if (!found || probe.log.size() <= 1) return found;
    // The fewest moves: undone, and searched again with growing limits (rare: few dates get here).
    undo(engine, planned, {p, i}, probe);
    for (int moves = 1; moves < static_cast<int>(probe.log.size()); ++moves)
        if (search_once(moves).first) return true;
    return search_once(kLongestChain).first;  // the probe's chain again
}

void repair(Engine& engine, std::vector<PlannedPair>& planned) {
    for (int pass = 0; pass < 2; ++pass) {
        bool changed = false;
        for (std::size_t p = 0; p < planned.size(); ++p) {
            if (planned[p].placement.starts.size() == planned[p].placement.dates.size()) continue;
            for (std::size_t i = 0; i < planned[p].placement.by_date.size(); ++i)
                if (planned[p].placement.by_date[i] == kNoStart && repair_date(engine, planned, p, i)) changed = true;
        }
        for (PlannedPair& entry : planned) sync(entry.placement);
        if (!changed) break;
    }
}

void repair_by_chains(Engine& engine, std::vector<PlannedPair>& planned) {
    // Only pairs that can still be full: a pair stops at its first date no chain fills.
    for (std::size_t p = 0; p < planned.size(); ++p) {
        if (planned[p].placement.failed_dates.empty() || !every_empty_date_has_a_window(engine, planned, p)) continue;
        for (std::size_t i = 0; i < planned[p].placement.by_date.size(); ++i)
            if (planned[p].placement.by_date[i] == kNoStart && !repair_date_by_chain(engine, planned, p, i)) break;
    }
    for (PlannedPair& entry : planned) sync(entry.placement);
}

}  // namespace flipside::scheduling
