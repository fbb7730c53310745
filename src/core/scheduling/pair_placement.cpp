// Placing one pair's sessions: anchor scoring, the exact count of the best anchors, each date
// at the anchor or the nearest free start (see scheduler_pair_placement.h).
#include "core/scheduling/detail/pair_placement.h"

#include <cstdlib>

#include "core/scheduling/detail/reasons.h"

namespace flipside::scheduling {
namespace {

constexpr int kMinutesPerWeek = 7 * 1440;
constexpr int kSlotsPerDay = 1440 / kScheduleGridMinutes;

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }
int floor_div_int(int a, int b) { return static_cast<int>(floor_div(a, b)); }
int ceil_div_int(int a, int b) { return static_cast<int>(ceil_div(a, b)); }

// A person's windows as UTC intervals on the local days touching [from, to), ascending.
void windows_between(Person& p, UtcSeconds from, UtcSeconds to,
                     std::vector<std::pair<UtcSeconds, UtcSeconds>>& spans) {
    spans.clear();
    const std::int64_t first = floor_days(from + p.rules->offset_at(from)) - 1;
    const std::int64_t last = floor_days(to + p.rules->offset_at(to)) + 1;
    for (std::int64_t day = first; day <= last; ++day) {
        for (const auto& window : p.windows[static_cast<std::size_t>(weekday_of_day(day))]) {
            const UtcSeconds wall_from = day * kSecondsPerDay + window.first, wall_to = day * kSecondsPerDay + window.second;
            const UtcSeconds start = wall_from - p.rules->offset_at(wall_from - p.rules->offset_at(wall_from));
            const UtcSeconds end = wall_to - p.rules->offset_at(wall_to - p.rules->offset_at(wall_to));
            if (end > start) spans.emplace_back(start, end);
        }
    }
    std::sort(spans.begin(), spans.end());
}

// Both lists ascending by start, each without overlaps within itself.
void intersect(const std::vector<std::pair<UtcSeconds, UtcSeconds>>& a,
               const std::vector<std::pair<UtcSeconds, UtcSeconds>>& b,
               std::vector<std::pair<UtcSeconds, UtcSeconds>>& out) {
    out.clear();
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const UtcSeconds from = std::max(a[i].first, b[j].first), to = std::min(a[i].second, b[j].second);
        if (to > from) out.emplace_back(from, to);
        (a[i].second < b[j].second ? i : j) += 1;
    }
}

}  // namespace

DateList make_date_list(std::vector<Date> dates, const Program& program) {
    DateList list;
    list.dates = std::move(dates);
    for (const Date& date : list.dates) {
        list.days.push_back(days_from_civil(date));
        list.weekdays.push_back(weekday_of(date));
        list.blackout.push_back(std::find(program.blackout_dates.begin(), program.blackout_dates.end(), date) !=
                                program.blackout_dates.end());
    }
    return list;
}

std::vector<Date> PairPlanner::dates_for(const Anchor& anchor, int count) const {
    const Program& program = engine_.program();
    return cadence_dates(program.cadence, add_days(program.start_date, 7 * anchor.phase), program.end_date,
                         anchor.weekday < 0 ? 0 : anchor.weekday, count);
}

int PairPlanner::count_fitting(const Anchor& anchor, const DateList& list, int max_failures) {
    int failures = 0, fitting = 0;
    for (std::size_t i = 0; i < list.dates.size(); ++i) {
        if (fits(mentee_.rules->to_utc(list.days[i], list.dates[i], anchor.minute).instant)) {
            ++fitting;
        } else if (++failures > max_failures) {
            return -1;
        }
    }
    return fitting;
}

void PairPlanner::candidate_starts(UtcSeconds nominal, UtcSeconds lo, UtcSeconds hi, bool allow_nominal,
                                   std::vector<std::int64_t>& steps) const {
    steps.clear();
    if (lo > hi) return;
    thread_local std::vector<std::pair<UtcSeconds, UtcSeconds>> mentee_spans, mentor_spans, common;
    windows_between(mentee_, lo - kSecondsPerDay, hi + length_ + kSecondsPerDay, mentee_spans);
    windows_between(mentor_, lo - kSecondsPerDay, hi + length_ + kSecondsPerDay, mentor_spans);
    intersect(mentee_spans, mentor_spans, common);
    for (const auto& span : common) {
        const UtcSeconds first = std::max(span.first, lo), last = std::min(span.second - length_, hi);
        if (first > last) continue;
        const std::int64_t k_first = ceil_div(first - nominal, kGridSeconds);
        const std::int64_t k_last = floor_div(last - nominal, kGridSeconds);
        for (std::int64_t k = k_first; k <= k_last; ++k)
            if (k != 0 || allow_nominal) steps.push_back(k);
    }
    std::sort(steps.begin(), steps.end(), [](std::int64_t a, std::int64_t b) {
        return std::llabs(a) != std::llabs(b) ? std::llabs(a) < std::llabs(b) : a < b;
    });
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
}

std::optional<UtcSeconds> PairPlanner::nearest_between(UtcSeconds nominal, UtcSeconds lo, UtcSeconds hi,
                                                       bool allow_nominal, std::vector<std::string>* reasons,
                                                       std::int64_t radius_days) const {
    if (lo > hi) return std::nullopt;
    // Scratch space reused across calls (the scheduler calls this for every shifted date).
    thread_local std::vector<std::int64_t> steps;  // multiples of the grid from `nominal`
    candidate_starts(nominal, lo, hi, allow_nominal, steps);
    std::vector<std::pair<const Person*, Block>> seen;
    for (const std::int64_t k : steps) {
        const UtcSeconds start = nominal + k * kGridSeconds;
        if (fits(start)) return start;
        if (reasons && reasons->size() < 3) note_reason(start, seen, *reasons);
    }
    if (reasons && reasons->empty()) {
        note_reason(nominal, seen, *reasons);
        if (steps.empty())
            reasons->push_back("no common window within " + std::to_string(radius_days) + " days");
    }
    return std::nullopt;
}

Placement PairPlanner::place(const std::vector<const DateList*>& lists, UtcSeconds not_before,
                             const std::function<std::string()>& make_id) {
    Placement placement;
    const Program& program = engine_.program();
    const int phase_count = phases();
    const auto list_of = [&](const Anchor& a) -> const std::vector<Date>& {
        return lists[static_cast<std::size_t>((a.weekday < 0 ? 0 : a.weekday) * phase_count + a.phase)]->dates;
    };

    // 1. Score every anchor against the weekly common windows of each offset segment.
    const auto segments = pair_segments();
    std::vector<std::vector<std::pair<int, int>>> feasible(segments.size());  // local minute-of-week start ranges
    for (std::size_t s = 0; s < segments.size(); ++s) {
        feasible[s] = feasible_starts(segments[s].first, segments[s].second);
        placement.has_common_window = placement.has_common_window || !feasible[s].empty();
    }
    // Reused between pairs: only the rows a pair touches are cleared afterwards.
    thread_local std::vector<int> score;
    if (score.size() < lists.size() * kSlotsPerDay) score.assign(lists.size() * kSlotsPerDay, 0);
    std::vector<std::pair<int, int>> touched(lists.size(), {kSlotsPerDay, -1});  // slot range per row
    std::vector<int> groups(segments.size() * 7);
    for (std::size_t l = 0; l < lists.size(); ++l) {
        // Dates grouped by (segment, weekday): each group is counted once. Blackout dates
        // cannot count for any anchor.
        std::fill(groups.begin(), groups.end(), 0);
        const DateList& list = *lists[l];
        for (std::size_t i = 0; i < list.days.size(); ++i)
            if (!list.blackout[i])
                ++groups[segment_of(list.days[i] * kSecondsPerDay + 43200) * 7 + static_cast<std::size_t>(list.weekdays[i])];
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const int count = groups[g];
            if (count == 0) continue;
            const int day_from = static_cast<int>(g % 7) * 1440, day_to = day_from + 1440 - length_ / 60;
            for (const auto& range : feasible[g / 7]) {
                const int from = std::max(range.first, day_from), to = std::min(range.second, day_to);
                const int first_slot = ceil_div_int(from - day_from, kScheduleGridMinutes);
                const int last_slot = floor_div_int(to - day_from, kScheduleGridMinutes);
                if (first_slot > last_slot) continue;
                touched[l].first = std::min(touched[l].first, first_slot);
                touched[l].second = std::max(touched[l].second, last_slot);
                for (int slot = first_slot; slot <= last_slot; ++slot)
                    score[l * kSlotsPerDay + static_cast<std::size_t>(slot)] += count;
            }
        }
    }
    // Candidates as one sortable key: higher score first, then quarter hours, the week from
    // the program's first weekday, the phase, the time of day.
    // Only the best three of each row can be tried (see below), so only those are kept.
    std::vector<std::uint64_t> candidates;
    const int start_weekday = weekday_of(program.start_date);
    for (std::size_t l = 0; l < lists.size(); ++l) {
        if (touched[l].second < 0) continue;
        const int w = static_cast<int>(l) / phase_count, p = static_cast<int>(l) % phase_count;
        int* row = &score[l * kSlotsPerDay];
        std::uint64_t top[3] = {UINT64_MAX, UINT64_MAX, UINT64_MAX};
        for (int slot = touched[l].first; slot <= touched[l].second; ++slot) {
            const int value = row[slot];
            row[slot] = 0;
            if (value <= 0) continue;
            const int minute = slot * kScheduleGridMinutes;
            const std::uint64_t rank = static_cast<std::uint64_t>(
                (((minute % 15 != 0) * 8 + (w - start_weekday + 7) % 7) * 8 + p) * kSlotsPerDay + slot);
            std::uint64_t key = (static_cast<std::uint64_t>(0xFFFFF - value) << 32) | (rank << 8) | l;
            for (auto& kept : top)
                if (key < kept) std::swap(key, kept);
        }
        for (const std::uint64_t key : top)
            if (key != UINT64_MAX) candidates.push_back(key);
    }
    std::sort(candidates.begin(), candidates.end());
    const auto decode = [&](std::uint64_t key, int& value) {
        value = 0xFFFFF - static_cast<int>(key >> 32);
        const auto l = static_cast<int>(key & 0xFF);
        const int slot = static_cast<int>((key >> 8) & 0xFFFFFF) % kSlotsPerDay;
        Anchor anchor = list_anchor(l);
        anchor.minute = slot * kScheduleGridMinutes;
        return anchor;
    };

    // 2. The exact count (bookings, blackouts, absences) for the best-scored anchors, at
    //    most three per (weekday, phase) so that other weekdays get their turn.
    struct Evaluated {
        int fitting;
        std::uint64_t key;
        Anchor anchor;
    };
    std::vector<Evaluated> evaluated;
    std::vector<int> tries_per_list(lists.size(), 0);
    int best = -1, tried = 0;
    for (const std::uint64_t key : candidates) {
        int value = 0;
        const Anchor anchor = decode(key, value);
        if (value < best || tried >= 16) break;
        int& list_tries = tries_per_list[key & 0xFF];
        if (list_tries >= 3) continue;
        ++list_tries;
        ++tried;
        const DateList& dates = *lists[key & 0xFF];
        // Ties are kept: an anchor as regular as the best may place more after shifts.
        const int fitting = count_fitting(anchor, dates, static_cast<int>(dates.dates.size()) - std::max(best, 0));
        if (fitting < 0) continue;
        evaluated.push_back({fitting, key, anchor});
        if (fitting > best) {
            best = fitting;
            if (fitting == value) break;  // nothing scored lower can beat it
        }
    }
    // Best first: most dates at the anchor, then the preference order of the keys.
    std::stable_sort(evaluated.begin(), evaluated.end(), [](const Evaluated& x, const Evaluated& y) {
        return x.fitting != y.fitting ? x.fitting > y.fitting
                                      : (x.key & 0xFFFFFFFF) < (y.key & 0xFFFFFFFF);
    });
    int ignored = 0;
    if (evaluated.empty() && !candidates.empty()) evaluated.push_back({0, candidates.front(), decode(candidates.front(), ignored)});
    if (evaluated.empty()) return placement;  // no common window at all

    // 3. Each date at the anchor, or at the nearest free start. When dates stay empty, up
    //    to three other anchors (other weekdays or phases) are tried and the one placing
    //    the most sessions wins.
    Attempt chosen = attempt(evaluated.front().anchor, list_of(evaluated.front().anchor), not_before);
    std::vector<std::size_t> lists_tried{static_cast<std::size_t>(evaluated.front().key & 0xFF)};
    const auto try_other = [&](const Anchor& anchor, std::size_t list) {
        if (std::find(lists_tried.begin(), lists_tried.end(), list) != lists_tried.end()) return;
        lists_tried.push_back(list);
        unbook(chosen);
        Attempt other = attempt(anchor, list_of(anchor), not_before);
        if (other.starts.size() > chosen.starts.size()) {
            std::swap(chosen, other);
        } else {
            unbook(other);
            rebook(chosen);
        }
    };
    for (std::size_t i = 1; i < evaluated.size() && !chosen.failed_dates.empty() && lists_tried.size() < 4; ++i)
        try_other(evaluated[i].anchor, static_cast<std::size_t>(evaluated[i].key & 0xFF));
    // Still short: every other weekday and phase with any common window, best-scored first
    // (rare: only pairs that lose dates get here).
    for (std::size_t i = 0; i < candidates.size() && !chosen.failed_dates.empty(); ++i) {
        int value = 0;
        try_other(decode(candidates[i], value), static_cast<std::size_t>(candidates[i] & 0xFF));
    }
    placement.anchor = chosen.anchor;
    placement.dates = list_of(chosen.anchor);
    placement.by_date = chosen.by_date;
    placement.dates_planned = static_cast<int>(placement.dates.size());
    placement.starts = chosen.starts;
    placement.failed_dates = chosen.failed_dates;
    placement.failed_reasons = chosen.failed_reasons;
    if (!make_id) return placement;
    for (const UtcSeconds start : placement.starts) {  // the pending bookings get their ids
        placement.ids.push_back(make_id());
        engine_.rename(mentee_, start, pending_, placement.ids.back());
        engine_.rename(mentor_, start, pending_, placement.ids.back());
    }
    return placement;
}

PairPlanner::Range PairPlanner::date_range(std::int64_t day, UtcSeconds not_before, std::int64_t previous_day,
                                           std::int64_t next_day) const {
    const int r = radius_days();
    const int period = cadence_period_days(engine_.program().cadence);
    Range range;
    range.lo = std::max(not_before, day_start(std::max(day - r, previous_day == INT64_MIN ? day - r : previous_day + 1)));
    const std::int64_t last = std::min<std::int64_t>(day + r, next_day == INT64_MAX ? day + r : next_day - 1);
    range.hi = day_start(last + 1) - 1;
    range.inner_hi = r > 0 && 2 * r >= period && last == day + r ? day_start(last) - 1 : range.hi;
    return range;
}

std::optional<UtcSeconds> PairPlanner::place_in(UtcSeconds nominal, const Range& range,
                                                std::vector<std::string>* reasons) const {
    if (range.lo <= nominal && nominal <= range.hi && fits(nominal)) return nominal;
    auto start = nearest_between(nominal, range.lo, range.inner_hi, true, nullptr, radius_days());
    if (!start) start = nearest_between(nominal, range.lo, range.hi, true, reasons, radius_days());
    return start;
}

PairPlanner::Attempt PairPlanner::attempt(const Anchor& anchor, const std::vector<Date>& dates,
                                          UtcSeconds not_before) {
    Attempt result;
    result.anchor = anchor;
    std::int64_t previous_day = INT64_MIN;
    for (const Date& date : dates) {
        const std::int64_t day = days_from_civil(date);
        const UtcSeconds nominal = mentee_.rules->to_utc(day, date, anchor.minute).instant;
        std::vector<std::string> reasons;
        const auto start = place_in(nominal, date_range(day, not_before, previous_day, INT64_MAX), &reasons);
        if (!start) {
            result.by_date.push_back(kNoStart);
            result.failed_dates.push_back(date);
            std::string text;
            for (const std::string& reason : reasons) text += (text.empty() ? "" : ", ") + reason;
            result.failed_reasons.push_back(text);
            continue;
        }
        result.by_date.push_back(*start);
        result.starts.push_back(*start);
        engine_.book(mentee_, *start, *start + length_, pending_);
        engine_.book(mentor_, *start, *start + length_, pending_);
        previous_day = mentee_day(*start);  // the next session starts on a later local day
    }
    return result;
}

void PairPlanner::unbook(const Attempt& attempt) {
    for (const UtcSeconds start : attempt.starts) {
        engine_.unbook(mentee_, start, pending_);
        engine_.unbook(mentor_, start, pending_);
    }
}

void PairPlanner::rebook(const Attempt& attempt) {
    for (const UtcSeconds start : attempt.starts) {
        engine_.book(mentee_, start, start + length_, pending_);
        engine_.book(mentor_, start, start + length_, pending_);
    }
}

int PairPlanner::flexibility() const {
    const UtcSeconds at = days_from_civil(engine_.program().start_date) * kSecondsPerDay;
    int count = 0;
    for (const auto& range : feasible_starts(mentee_.rules->offset_at(at), mentor_.rules->offset_at(at)))
        count += (range.second - range.first) / kScheduleGridMinutes + 1;
    return count;
}

void PairPlanner::note_reason(UtcSeconds start, std::vector<std::pair<const Person*, Block>>& seen,
                              std::vector<std::string>& reasons) const {
    for (Person* p : {&mentee_, &mentor_}) {
        const Verdict verdict = engine_.check(*p, start, start + length_);
        if (verdict.block == Block::None) continue;
        const auto key = std::make_pair(static_cast<const Person*>(p), verdict.block);
        if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
            seen.push_back(key);
            reasons.push_back(describe(engine_.program(), *p, verdict));
        }
        return;
    }
}

std::vector<std::pair<int, int>> PairPlanner::pair_segments() {
    segment_starts_.clear();
    std::vector<std::pair<int, int>> result;
    const UtcSeconds from = (days_from_civil(engine_.program().start_date) - 2) * kSecondsPerDay;
    const UtcSeconds to = (days_from_civil(engine_.program().end_date) + 3) * kSecondsPerDay;
    std::vector<UtcSeconds> changes{from};
    for (Person* p : {&mentee_, &mentor_})
        for (const UtcSeconds change : p->rules->changes())
            if (from < change && change < to) changes.push_back(change);
    std::sort(changes.begin(), changes.end());
    changes.erase(std::unique(changes.begin(), changes.end()), changes.end());
    for (const UtcSeconds at : changes) {
        segment_starts_.push_back(at);
        result.emplace_back(mentee_.rules->offset_at(at), mentor_.rules->offset_at(at));
    }
    return result;
}

std::size_t PairPlanner::segment_of(UtcSeconds at) const {
    const auto it = std::upper_bound(segment_starts_.begin(), segment_starts_.end(), at);
    return it == segment_starts_.begin() ? 0 : static_cast<std::size_t>(it - segment_starts_.begin()) - 1;
}

std::vector<std::pair<int, int>> PairPlanner::feasible_starts(int mentee_offset, int mentor_offset) const {
    const auto to_utc_week = [](const Person& p, int offset_minutes, std::vector<std::pair<int, int>>& spans) {
        spans.clear();
        for (int day = 0; day < 7; ++day)
            for (const auto& window : p.windows[static_cast<std::size_t>(day)]) {
                int from = day * 1440 + window.first / 60 - offset_minutes;
                const int length = (window.second - window.first) / 60;
                from = ((from % kMinutesPerWeek) + kMinutesPerWeek) % kMinutesPerWeek;
                spans.emplace_back(from, from + length);  // may run past the week's end
                spans.emplace_back(from - kMinutesPerWeek, from + length - kMinutesPerWeek);
            }
    };
    const int mentee_minutes = mentee_offset / 60, length = length_ / 60;
    thread_local std::vector<std::pair<int, int>> a, b;
    to_utc_week(mentee_, mentee_minutes, a);
    to_utc_week(mentor_, mentor_offset / 60, b);
    std::vector<std::pair<int, int>> result;
    for (const auto& x : a)
        for (const auto& y : b) {
            const int from = std::max(x.first, y.first), to = std::min(x.second, y.second);
            if (to - from < length) continue;
            // Back to the mentee's local week; keep ranges inside [0, week).
            int lo = from + mentee_minutes, hi = to - length + mentee_minutes;
            const int shift = floor_div_int(lo, kMinutesPerWeek) * kMinutesPerWeek;
            lo -= shift;
            hi -= shift;
            result.emplace_back(lo, std::min(hi, kMinutesPerWeek - 1));
            if (hi >= kMinutesPerWeek) result.emplace_back(0, hi - kMinutesPerWeek);
        }
    return result;
}

PairPlanner::Range range_for(const PairPlanner& planner, const Placement& placement, std::size_t i) {
    std::int64_t previous = INT64_MIN, next = INT64_MAX;
    for (std::size_t j = i; j-- > 0;)
        if (placement.by_date[j] != kNoStart) {
            previous = planner.mentee_day(placement.by_date[j]);
            break;
        }
    for (std::size_t j = i + 1; j < placement.by_date.size(); ++j)
        if (placement.by_date[j] != kNoStart) {
            next = planner.mentee_day(placement.by_date[j]);
            break;
        }
    return planner.date_range(days_from_civil(placement.dates[i]), INT64_MIN, previous, next);
}

UtcSeconds nominal_for(PairPlanner& planner, const Placement& placement, std::size_t i) {
    return planner.instant(placement.dates[i], placement.anchor.minute);
}

}  // namespace flipside::scheduling
