// Index
// [SECTION] People: windows, absences, bookings, and the one check every placement passes
// [SECTION] Engine: the document seen as people with calendars
// [SECTION] Placing one pair (anchor choice, nearest shift)
// [SECTION] Public entry points
#include "core/scheduler.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "core/local_time.h"
#include "core/recurrence.h"

namespace flipside {
namespace {

constexpr int kGridSeconds = kScheduleGridMinutes * 60;

//-----------------------------------------------------------------------------
// [SECTION] People
//-----------------------------------------------------------------------------

enum class Block { None, OutsideProgram, Blackout, Absent, OutsideAvailability, OffsetChange, Busy, DayLimit };

struct Booking {
    UtcSeconds start = 0;
    UtcSeconds end = 0;
    std::int64_t local_day = 0;
    std::string session_id;
};

// A zone's offsets over the program's span as a short sorted list (a handful of changes a
// year), so that the many lookups of a scheduling run are a binary search over a few entries;
// outside the span it asks the cached ZoneRules.
class FastZone {
public:
    FastZone(ZoneRules& rules, UtcSeconds from, UtcSeconds to) : rules_(rules), from_(from), to_(to) {
        starts_.push_back(from);
        offsets_.push_back(rules.offset_at(from));
        constexpr UtcSeconds kStep = 6 * 3600;
        for (UtcSeconds at = from + kStep; at < to + kStep; at += kStep) {
            const int now = rules.offset_at(std::min(at, to - 1));
            if (now == offsets_.back()) continue;
            UtcSeconds low = at - kStep, high = std::min(at, to - 1);  // offset(low) == last != offset(high)
            while (high - low > 1) {
                const UtcSeconds mid = low + (high - low) / 2;
                (rules.offset_at(mid) == offsets_.back() ? low : high) = mid;
            }
            starts_.push_back(high);
            offsets_.push_back(now);
        }
    }

    int offset_at(UtcSeconds instant) const {
        if (instant < from_ || instant >= to_) return rules_.offset_at(instant);
        const auto it = std::upper_bound(starts_.begin(), starts_.end(), instant);
        return offsets_[static_cast<std::size_t>(it - starts_.begin()) - 1];
    }
    // Offset changes inside the span.
    std::vector<UtcSeconds> changes() const { return {starts_.begin() + 1, starts_.end()}; }
    const std::string& zone() const { return rules_.zone(); }

    ResolvedInstant to_utc(const Date& date, int minute) const { return to_utc(days_from_civil(date), date, minute); }
    ResolvedInstant to_utc(std::int64_t day, const Date& date, int minute) const {
        const UtcSeconds wall = day * 86400 + minute * 60;
        const int before = offset_at(wall - 86400);
        if (before == offset_at(wall + 86400)) return ResolvedInstant{wall - before, LocalTimeKind::Unique, wall - before};
        return rules_.to_utc(date, minute);  // a change is near: the careful path
    }
    LocalDateTime to_local(UtcSeconds instant) const { return rules_.to_local(instant); }

private:
    ZoneRules& rules_;
    UtcSeconds from_, to_;
    std::vector<UtcSeconds> starts_;
    std::vector<int> offsets_;
};

struct Person {
    const Participant* participant = nullptr;
    FastZone* rules = nullptr;
    std::array<std::vector<std::pair<int, int>>, 7> windows;  // seconds of the local day, merged
    std::vector<std::pair<std::int64_t, std::int64_t>> absences;  // local day ranges, inclusive
    std::vector<Booking> bookings;  // ascending start
};

struct Verdict {
    Block block = Block::None;
    const Booking* with = nullptr;  // for Busy / DayLimit
    std::int64_t local_day = 0;
};

std::int64_t weekday_of_day(std::int64_t day) { return ((day % 7) + 7 + 3) % 7; }

std::string clock_utc(UtcSeconds instant) {
    return format_utc_timestamp(instant).substr(11, 5) + " UTC";
}

//-----------------------------------------------------------------------------
// [SECTION] Engine
//-----------------------------------------------------------------------------

class Engine {
public:
    Engine(const Document& document, const Program& program, const TimeZoneCatalog& time_zones,
           const std::unordered_set<std::string>& ignored_sessions)
        : program_(program), time_zones_(time_zones) {
        first_day_ = days_from_civil(program.start_date);
        last_day_ = days_from_civil(program.end_date);
        for (const Date& date : program.blackout_dates) blackouts_.push_back(days_from_civil(date));
        std::sort(blackouts_.begin(), blackouts_.end());
        for (const Pair& pair : document.pairs) pairs_.emplace(pair.id, &pair);
        for (const Participant& participant : document.participants)
            participants_.emplace(participant.id, &participant);
        for (const Session& session : document.sessions) {
            if (session.status == SessionStatus::Cancelled || ignored_sessions.count(session.id)) continue;
            const auto pair = pairs_.find(session.pair_id);
            if (pair == pairs_.end()) continue;
            for (const std::string* id : {&pair->second->mentor_id, &pair->second->mentee_id}) {
                if (Person* p = person(*id)) book(*p, session.start, session.start + session.minutes * 60, session.id);
            }
        }
    }

    const Program& program() const { return program_; }
    const Participant* participant(const std::string& id) const {
        const auto found = participants_.find(id);
        return found == participants_.end() ? nullptr : found->second;
    }
    const Pair* pair(const std::string& id) const {
        const auto found = pairs_.find(id);
        return found == pairs_.end() ? nullptr : found->second;
    }

    // Null when the participant is missing or their zone is unknown.
    Person* person(const std::string& id) {
        const auto cached = people_.find(id);
        if (cached != people_.end()) return cached->second.get();
        std::unique_ptr<Person> made;
        const auto found = participants_.find(id);
        if (found != participants_.end() && zone_known(found->second->time_zone)) {
            made = std::make_unique<Person>();
            const Participant& participant = *found->second;
            made->participant = &participant;
            auto& rules = zones_[participant.time_zone];
            if (!rules) rules = std::make_unique<ZoneRules>(time_zones_, participant.time_zone);
            auto& fast = fast_zones_[participant.time_zone];
            if (!fast)
                fast = std::make_unique<FastZone>(*rules, (first_day_ - 8) * 86400, (last_day_ + 9) * 86400);
            made->rules = fast.get();
            for (const WeeklyWindow& window : participant.availability) {
                if (window.weekday < 0 || window.weekday > 6) continue;
                made->windows[static_cast<std::size_t>(window.weekday)].emplace_back(window.start_minute * 60,
                                                                                     window.end_minute * 60);
            }
            for (auto& day : made->windows) {  // merged in place: no allocation per person and day
                std::sort(day.begin(), day.end());
                std::size_t kept = 0;
                for (std::size_t k = 0; k < day.size(); ++k) {
                    if (kept > 0 && day[k].first <= day[kept - 1].second)
                        day[kept - 1].second = std::max(day[kept - 1].second, day[k].second);
                    else
                        day[kept++] = day[k];
                }
                day.resize(kept);
            }
            for (const Absence& absence : participant.absences)
                made->absences.emplace_back(days_from_civil(absence.first), days_from_civil(absence.last));
        }
        Person* result = made.get();
        people_.emplace(id, std::move(made));
        return result;
    }

    bool zone_known(const std::string& zone) {
        const auto cached = zone_known_.find(zone);
        if (cached != zone_known_.end()) return cached->second;
        return zone_known_.emplace(zone, time_zones_.is_known(zone)).first->second;
    }

    void rename(Person& p, UtcSeconds start, const std::string& from, const std::string& to) {
        auto it = std::lower_bound(p.bookings.begin(), p.bookings.end(), start,
                                   [](const Booking& b, UtcSeconds s) { return b.start < s; });
        for (; it != p.bookings.end() && it->start == start; ++it) {
            if (it->session_id == from) {
                it->session_id = to;
                return;
            }
        }
    }

    void unbook(Person& p, UtcSeconds start, const std::string& session_id) {
        auto it = std::lower_bound(p.bookings.begin(), p.bookings.end(), start,
                                   [](const Booking& b, UtcSeconds s) { return b.start < s; });
        for (; it != p.bookings.end() && it->start == start; ++it) {
            if (it->session_id == session_id) {
                p.bookings.erase(it);
                return;
            }
        }
    }

    void reserve_bookings(Person& p, std::size_t more) { p.bookings.reserve(p.bookings.size() + more); }

    void book(Person& p, UtcSeconds start, UtcSeconds end, const std::string& session_id) {
        const std::int64_t day = floor_days(start + p.rules->offset_at(start));
        const auto at = std::upper_bound(p.bookings.begin(), p.bookings.end(), start,
                                         [](UtcSeconds s, const Booking& b) { return s < b.start; });
        p.bookings.insert(at, Booking{start, end, day, session_id});
    }

    // Availability only (windows, offset changes): no dates, no bookings.
    Verdict check_window(Person& p, UtcSeconds start, UtcSeconds end) const {
        Verdict verdict;
        const int offset = p.rules->offset_at(start);
        const std::int64_t local = start + offset;
        const std::int64_t day = floor_days(local);
        verdict.local_day = day;
        if (p.rules->offset_at(end - 1) != offset) {
            verdict.block = Block::OffsetChange;
            return verdict;
        }
        const std::int64_t from = local - day * 86400;
        const std::int64_t to = from + (end - start);
        for (const auto& window : p.windows[static_cast<std::size_t>(weekday_of_day(day))]) {
            if (window.first <= from && to <= window.second) return verdict;
        }
        verdict.block = Block::OutsideAvailability;
        return verdict;
    }

    // Everything: window, program dates, blackouts, absences, double bookings, daily limit.
    Verdict check(Person& p, UtcSeconds start, UtcSeconds end) const {
        Verdict verdict = check_window(p, start, end);
        if (verdict.block != Block::None) return verdict;
        const std::int64_t day = verdict.local_day;
        if (day < first_day_ || day > last_day_) {
            verdict.block = Block::OutsideProgram;
            return verdict;
        }
        if (std::binary_search(blackouts_.begin(), blackouts_.end(), day)) {
            verdict.block = Block::Blackout;
            return verdict;
        }
        for (const auto& absence : p.absences) {
            if (absence.first <= day && day <= absence.second) {
                verdict.block = Block::Absent;
                return verdict;
            }
        }
        auto it = std::lower_bound(p.bookings.begin(), p.bookings.end(), start - 2 * 86400,
                                   [](const Booking& b, UtcSeconds s) { return b.start < s; });
        int same_day = 0;
        const Booking* first_same_day = nullptr;
        for (; it != p.bookings.end() && it->start < end + 2 * 86400; ++it) {
            if (it->start < end && start < it->end) {
                verdict.block = Block::Busy;
                verdict.with = &*it;
                return verdict;
            }
            if (it->local_day == day) {
                if (!first_same_day) first_same_day = &*it;
                ++same_day;
            }
        }
        if (same_day >= std::max(1, program_.max_sessions_per_day)) {
            verdict.block = Block::DayLimit;
            verdict.with = first_same_day;
        }
        return verdict;
    }

    std::string describe(const Person& p, const Verdict& verdict) const {
        const std::string& name = p.participant->name.empty() ? p.participant->id : p.participant->name;
        const std::string date = format_iso_date(civil_from_days(verdict.local_day));
        switch (verdict.block) {
            case Block::None: return {};
            case Block::OutsideProgram: return date + " is outside the program for " + name;
            case Block::Blackout: return date + " is a blackout date";
            case Block::Absent: return name + " is away on " + date;
            case Block::OutsideAvailability: return name + " is not available then (local time, " + p.participant->time_zone + ")";
            case Block::OffsetChange: return "the clocks change in " + p.participant->time_zone + " during the session";
            case Block::Busy:
                return name + " already has session " + verdict.with->session_id + " at " + clock_utc(verdict.with->start);
            case Block::DayLimit:
                return name + " already has " + std::to_string(program_.max_sessions_per_day) +
                       " session(s) on " + date;
        }
        return {};
    }

private:
    const Program& program_;
    const TimeZoneCatalog& time_zones_;
    std::int64_t first_day_ = 0, last_day_ = 0;
    std::vector<std::int64_t> blackouts_;
    std::unordered_map<std::string, const Pair*> pairs_;
    std::unordered_map<std::string, const Participant*> participants_;
    std::map<std::string, std::unique_ptr<ZoneRules>> zones_;
    std::map<std::string, std::unique_ptr<FastZone>> fast_zones_;
    std::unordered_map<std::string, bool> zone_known_;
    std::unordered_map<std::string, std::unique_ptr<Person>> people_;
};

//-----------------------------------------------------------------------------
// [SECTION] Placing one pair
//-----------------------------------------------------------------------------

struct Anchor {
    int weekday = 0;  // mentee's local weekday (-1: every N days, any weekday)
    int phase = 0;    // which week of an every-N-weeks cycle the pair starts in
    int minute = 0;   // mentee's local start
};

constexpr UtcSeconds kNoStart = INT64_MIN;

struct Placement {
    Anchor anchor;
    std::vector<Date> dates;            // the chosen anchor's cadence dates
    std::vector<UtcSeconds> by_date;    // one per date: its session's start, or kNoStart
    std::vector<UtcSeconds> starts;
    std::vector<std::string> ids;  // one per start
    std::vector<Date> failed_dates;
    std::vector<std::string> failed_reasons;
    int dates_planned = 0;  // cadence dates of the chosen anchor
    bool has_common_window = false;
};

// Cadence dates of one (weekday, phase), with what scoring needs precomputed.
struct DateList {
    std::vector<Date> dates;
    std::vector<std::int64_t> days;  // days_from_civil
    std::vector<int> weekdays;
    std::vector<bool> blackout;      // a program blackout: no anchor can use it
};

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

// Where a person's zone keeps one offset: [from, next from).
struct OffsetSegment {
    UtcSeconds from = 0;
    int offset = 0;
};

constexpr int kMinutesPerWeek = 7 * 1440;
constexpr int kSlotsPerDay = 1440 / kScheduleGridMinutes;

class PairPlanner {
public:
    PairPlanner(Engine& engine, Person& mentor, Person& mentee)
        : engine_(engine), mentor_(mentor), mentee_(mentee),
          length_(engine.program().session_minutes * 60) {}

    int phases() const {
        const Cadence& cadence = engine_.program().cadence;
        return cadence.kind == CadenceKind::Weekly ? std::clamp(cadence.interval, 1, 4) : 1;
    }

    std::vector<Date> dates_for(const Anchor& anchor, int count) const {
        const Program& program = engine_.program();
        return cadence_dates(program.cadence, add_days(program.start_date, 7 * anchor.phase), program.end_date,
                             anchor.weekday < 0 ? 0 : anchor.weekday, count);
    }

    UtcSeconds instant(const Date& date, int minute) { return mentee_.rules->to_utc(date, minute).instant; }

    bool fits(UtcSeconds start) const {
        return engine_.check(mentee_, start, start + length_).block == Block::None &&
               engine_.check(mentor_, start, start + length_).block == Block::None;
    }

    // How many of `list`'s dates work at `anchor`; stops (returning -1) after `max_failures`.
    int count_fitting(const Anchor& anchor, const DateList& list, int max_failures) {
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

    // The free start nearest to `nominal` (ties: the earlier) at or after `not_before` and at
    // most `radius` away, on the mentee's five-minute grid. Only starts inside both people's
    // windows are tried. `reasons` collects why the starts tried did not work.
    std::optional<UtcSeconds> nearest(UtcSeconds nominal, UtcSeconds not_before, UtcSeconds radius,
                                      bool allow_nominal, std::vector<std::string>* reasons = nullptr) const {
        return nearest_between(nominal, std::max(nominal - radius, not_before), nominal + radius, allow_nominal,
                               reasons, radius / 86400);
    }

    // Every start in [lo, hi] on the mentee's grid inside both people's windows, nearest to
    // `nominal` first (ties: the earlier); `nominal` itself only when allowed.
    void candidate_starts(UtcSeconds nominal, UtcSeconds lo, UtcSeconds hi, bool allow_nominal,
                          std::vector<std::int64_t>& steps) const {
        steps.clear();
        if (lo > hi) return;
        thread_local std::vector<std::pair<UtcSeconds, UtcSeconds>> mentee_spans, mentor_spans, common;
        windows_between(mentee_, lo - 86400, hi + length_ + 86400, mentee_spans);
        windows_between(mentor_, lo - 86400, hi + length_ + 86400, mentor_spans);
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

    // The free start in [lo, hi] nearest to `nominal` (see candidate_starts).
    std::optional<UtcSeconds> nearest_between(UtcSeconds nominal, UtcSeconds lo, UtcSeconds hi, bool allow_nominal,
                                              std::vector<std::string>* reasons, std::int64_t radius_days) const {
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

    // Every (weekday, phase) the cadence allows, in list order (see place()).
    int list_count() const {
        return (engine_.program().cadence.kind == CadenceKind::EveryNDays ? 1 : 7) * phases();
    }
    Anchor list_anchor(int index) const {
        const bool any_weekday = engine_.program().cadence.kind == CadenceKind::EveryNDays;
        return Anchor{any_weekday ? -1 : index / phases(), index % phases(), 0};
    }

    // Chooses the anchor and places every date of it; books what it places. `lists[i]` holds
    // the cadence dates of list_anchor(i).
    // With `make_id` empty, the placed sessions stay booked under pending_id() and get no ids
    // (the caller names them later, see schedule_unscheduled_pairs).
    Placement place(const std::vector<const DateList*>& lists, UtcSeconds not_before,
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
                    ++groups[segment_of(segments, list.days[i] * 86400 + 43200) * 7 + static_cast<std::size_t>(list.weekdays[i])];
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

    struct Attempt {
        Anchor anchor;
        std::vector<UtcSeconds> by_date;  // one per date, kNoStart when it failed
        std::vector<UtcSeconds> starts;
        std::vector<Date> failed_dates;
        std::vector<std::string> failed_reasons;
    };

    // How far a session may move from its cadence date, in the mentee's local days: half the
    // period (a fortnightly session anywhere from the week before to the week after).
    int radius_days() const {
        const int period = cadence_period_days(engine_.program().cadence);
        return period >= 2 ? period / 2 : 0;
    }
    UtcSeconds day_start(std::int64_t day) const {
        return mentee_.rules->to_utc(day, civil_from_days(day), 0).instant;
    }

    // Starts allowed for cadence date `day`: within radius_days() of it, after `not_before`,
    // on a later mentee-local day than `previous_day` and an earlier one than `next_day` (the
    // pair's neighbouring sessions, INT64_MIN / INT64_MAX when none). `inner_hi` excludes the
    // last day when the next date's range shares it (an even period), so that day is taken only
    // when nothing else is free.
    struct Range {
        UtcSeconds lo, hi, inner_hi;
    };
    Range date_range(std::int64_t day, UtcSeconds not_before, std::int64_t previous_day, std::int64_t next_day) const {
        const int r = radius_days();
        const int period = cadence_period_days(engine_.program().cadence);
        Range range;
        range.lo = std::max(not_before, day_start(std::max(day - r, previous_day == INT64_MIN ? day - r : previous_day + 1)));
        const std::int64_t last = std::min<std::int64_t>(day + r, next_day == INT64_MAX ? day + r : next_day - 1);
        range.hi = day_start(last + 1) - 1;
        range.inner_hi = r > 0 && 2 * r >= period && last == day + r ? day_start(last) - 1 : range.hi;
        return range;
    }

    std::optional<UtcSeconds> place_in(UtcSeconds nominal, const Range& range, std::vector<std::string>* reasons) const {
        if (range.lo <= nominal && nominal <= range.hi && fits(nominal)) return nominal;
        auto start = nearest_between(nominal, range.lo, range.inner_hi, true, nullptr, radius_days());
        if (!start) start = nearest_between(nominal, range.lo, range.hi, true, reasons, radius_days());
        return start;
    }

    std::int64_t mentee_day(UtcSeconds start) const { return floor_days(start + mentee_.rules->offset_at(start)); }

    // Places `dates` at `anchor` or nearby, booking as it goes (so the pair's own sessions
    // count towards the daily limit); at most one session of the pair per mentee-local day.
    Attempt attempt(const Anchor& anchor, const std::vector<Date>& dates, UtcSeconds not_before) {
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

    void unbook(const Attempt& attempt) {
        for (const UtcSeconds start : attempt.starts) {
            engine_.unbook(mentee_, start, pending_);
            engine_.unbook(mentor_, start, pending_);
        }
    }
    void rebook(const Attempt& attempt) {
        for (const UtcSeconds start : attempt.starts) {
            engine_.book(mentee_, start, start + length_, pending_);
            engine_.book(mentor_, start, start + length_, pending_);
        }
    }

    // Bookings being placed carry this id until they are named (one per pair being placed,
    // so a repair can tell whose session is in the way).
    void set_pending_id(std::string id) { pending_ = std::move(id); }
    const std::string& pending_id() const { return pending_; }
    static inline const std::string kPending = "(being placed)";

    // Rough count of weekly anchors both can make, from offsets at the program's start;
    // used only to schedule the least flexible pairs first.
    int flexibility() const {
        const UtcSeconds at = days_from_civil(engine_.program().start_date) * 86400;
        int count = 0;
        for (const auto& range : feasible_starts(mentee_.rules->offset_at(at), mentor_.rules->offset_at(at)))
            count += (range.second - range.first) / kScheduleGridMinutes + 1;
        return count;
    }

private:
    static std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
    static std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }
    static int floor_div_int(int a, int b) { return static_cast<int>(floor_div(a, b)); }
    static int ceil_div_int(int a, int b) { return static_cast<int>(ceil_div(a, b)); }

    void note_reason(UtcSeconds start, std::vector<std::pair<const Person*, Block>>& seen,
                     std::vector<std::string>& reasons) const {
        for (Person* p : {&mentee_, &mentor_}) {
            const Verdict verdict = engine_.check(*p, start, start + length_);
            if (verdict.block == Block::None) continue;
            const auto key = std::make_pair(static_cast<const Person*>(p), verdict.block);
            if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
                seen.push_back(key);
                reasons.push_back(engine_.describe(*p, verdict));
            }
            return;
        }
    }

    // A person's windows as UTC intervals on the local days touching [from, to), ascending.
    static void windows_between(Person& p, UtcSeconds from, UtcSeconds to,
                                std::vector<std::pair<UtcSeconds, UtcSeconds>>& spans) {
        spans.clear();
        const std::int64_t first = floor_days(from + p.rules->offset_at(from)) - 1;
        const std::int64_t last = floor_days(to + p.rules->offset_at(to)) + 1;
        for (std::int64_t day = first; day <= last; ++day) {
            for (const auto& window : p.windows[static_cast<std::size_t>(weekday_of_day(day))]) {
                const UtcSeconds wall_from = day * 86400 + window.first, wall_to = day * 86400 + window.second;
                const UtcSeconds start = wall_from - p.rules->offset_at(wall_from - p.rules->offset_at(wall_from));
                const UtcSeconds end = wall_to - p.rules->offset_at(wall_to - p.rules->offset_at(wall_to));
                if (end > start) spans.emplace_back(start, end);
            }
        }
        std::sort(spans.begin(), spans.end());
    }

    // Both lists ascending by start, each without overlaps within itself.
    static void intersect(const std::vector<std::pair<UtcSeconds, UtcSeconds>>& a,
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

    // The pair's stretches of constant offsets over the program: (mentee offset, mentor offset).
    std::vector<std::pair<int, int>> pair_segments() {
        segment_starts_.clear();
        std::vector<std::pair<int, int>> result;
        const UtcSeconds from = (days_from_civil(engine_.program().start_date) - 2) * 86400;
        const UtcSeconds to = (days_from_civil(engine_.program().end_date) + 3) * 86400;
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

    std::size_t segment_of(const std::vector<std::pair<int, int>>&, UtcSeconds at) const {
        const auto it = std::upper_bound(segment_starts_.begin(), segment_starts_.end(), at);
        return it == segment_starts_.begin() ? 0 : static_cast<std::size_t>(it - segment_starts_.begin()) - 1;
    }

    // Start minutes (mentee-local minute of the week, inclusive ranges) at which a session
    // fits both weekly patterns, given both offsets.
    std::vector<std::pair<int, int>> feasible_starts(int mentee_offset, int mentor_offset) const {
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

    Engine& engine_;
    Person& mentor_;
    Person& mentee_;
    int length_;
    std::string pending_ = kPending;
    std::vector<UtcSeconds> segment_starts_;
};

// "<pair id>-S<n>", skipping ids already in the document. New ids never collide with each
// other: n is all digits, so "<a>-S<n>" == "<b>-S<m>" forces a == b, and pair ids are unique.
std::string next_session_id(const std::string& pair_id, const std::unordered_set<std::string>& used, int& counter) {
    for (;;) {
        std::string id = pair_id + "-S" + std::to_string(++counter);
        if (!used.count(id)) return id;
    }
}

std::string join_failures(const Placement& placement, std::size_t limit = 5) {
    std::string text;
    for (std::size_t i = 0; i < placement.failed_dates.size() && i < limit; ++i) {
        if (i) text += "; ";
        text += format_iso_date(placement.failed_dates[i]);
        if (!placement.failed_reasons[i].empty()) text += " (" + placement.failed_reasons[i] + ")";
    }
    if (placement.failed_dates.size() > limit)
        text += "; and " + std::to_string(placement.failed_dates.size() - limit) + " more";
    return text;
}

const Program* find_program(const Document& document, const std::string& id) {
    for (const Program& program : document.programs)
        if (program.id == id) return &program;
    return nullptr;
}

std::string person_problem(const Participant* participant, const std::string& id, const char* role,
                           const TimeZoneCatalog& time_zones) {
    if (!participant) return std::string(role) + " " + id + " is not in the roster";
    if (!time_zones.is_known(participant->time_zone))
        return std::string(role) + " " + id + " has an unknown time zone \"" + participant->time_zone + "\"";
    return {};
}

std::string person_problem(const Document& document, const std::string& id, const char* role,
                           const TimeZoneCatalog& time_zones) {
    for (const Participant& participant : document.participants)
        if (participant.id == id) return person_problem(&participant, id, role, time_zones);
    return person_problem(nullptr, id, role, time_zones);
}

std::string person_problem(Engine& engine, const std::string& id, const char* role,
                           const TimeZoneCatalog& time_zones) {
    const Participant* participant = engine.participant(id);
    if (participant && engine.zone_known(participant->time_zone)) return {};
    return person_problem(participant, id, role, time_zones);
}

// Outcome of placing one pair, turned into sessions and report lines.
// New sessions are those of `placement` from index `first_new` on.
void record(Document& document, const Pair& pair, const Placement& placement, std::size_t first_new,
            int wanted, ScheduleReport& report) {
    const int available_dates = placement.dates_planned;
    const Program* program = find_program(document, pair.program_id);
    for (std::size_t i = first_new; i < placement.starts.size(); ++i) {
        Session session;
        session.id = placement.ids[i];
        session.pair_id = pair.id;
        session.start = placement.starts[i];
        session.minutes = program ? program->session_minutes : 60;
        report.added_session_ids.push_back(session.id);
        document.sessions.push_back(std::move(session));
    }
    if (!placement.has_common_window) {
        report.unscheduled.push_back(
            {pair.id, "no common window: the mentor and mentee are never both available for a whole session",
             placement.failed_dates});
        return;
    }
    std::string reason;
    if (!placement.failed_dates.empty())
        reason = "no free slot on " + join_failures(placement);
    if (available_dates < wanted) {
        if (!reason.empty()) reason += "; ";
        reason += "the program window holds only " + std::to_string(available_dates) + " of " +
                  std::to_string(wanted) + " cadence dates";
    }
    if (reason.empty()) {
        ++report.pairs_fully_scheduled;
        return;
    }
    report.unscheduled.push_back({pair.id, reason, placement.failed_dates});
}


//-----------------------------------------------------------------------------
// [SECTION] Cohort placement: repairs between pairs that share a person
//-----------------------------------------------------------------------------

struct PlannedPair {
    const Pair* pair = nullptr;
    Person* mentor = nullptr;
    Person* mentee = nullptr;
    Placement placement;
};

// starts and failures follow by_date again
void sync(Placement& placement) {
    placement.starts.clear();
    placement.failed_dates.clear();
    for (std::size_t i = 0; i < placement.by_date.size(); ++i) {
        if (placement.by_date[i] == kNoStart) placement.failed_dates.push_back(placement.dates[i]);
        else placement.starts.push_back(placement.by_date[i]);
    }
    placement.failed_reasons.assign(placement.failed_dates.size(), std::string());
}

std::string pending_id_of(std::size_t index) { return "\x1f" + std::to_string(index); }

PairPlanner planner_for(Engine& engine, const std::vector<PlannedPair>& planned, std::size_t index) {
    PairPlanner planner(engine, *planned[index].mentor, *planned[index].mentee);
    planner.set_pending_id(pending_id_of(index));
    return planner;
}

// Where date `i` of a placement may go, given the pair's sessions on either side of it.
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

// Fills date `i` of pair `p`: at a free start, or at one where the only obstacle is one
// session of another pair being placed that can itself move inside its own range (it keeps
// its order among its pair's sessions). Starts nearest the anchor are tried first.
bool repair_date(Engine& engine, std::vector<PlannedPair>& planned, std::size_t p, std::size_t i,
                 const std::vector<char>* movable = nullptr) {
    PlannedPair& entry = planned[p];
    PairPlanner planner = planner_for(engine, planned, p);
    const UtcSeconds length = engine.program().session_minutes * 60;
    const PairPlanner::Range range = range_for(planner, entry.placement, i);
    const UtcSeconds nominal = nominal_for(planner, entry.placement, i);
    std::vector<std::int64_t> steps;
    planner.candidate_starts(nominal, range.lo, range.hi, true, steps);
    const std::string& own = planner.pending_id();
    for (const std::int64_t k : steps) {
        const UtcSeconds start = nominal + k * kGridSeconds;
        const Verdict mentee = engine.check(*entry.mentee, start, start + length);
        const Verdict mentor = engine.check(*entry.mentor, start, start + length);
        if (mentee.block == Block::None && mentor.block == Block::None) {
            engine.book(*entry.mentee, start, start + length, own);
            engine.book(*entry.mentor, start, start + length, own);
            entry.placement.by_date[i] = start;
            return true;
        }
        if (mentee.block != Block::None && mentor.block != Block::None) continue;
        const Verdict& verdict = mentee.block != Block::None ? mentee : mentor;
        if ((verdict.block != Block::Busy && verdict.block != Block::DayLimit) || !verdict.with) continue;
        const std::string holder = verdict.with->session_id;
        if (holder.size() < 2 || holder[0] != '\x1f' || holder == own) continue;
        const std::size_t q = static_cast<std::size_t>(std::strtoull(holder.c_str() + 1, nullptr, 10));
        if (q >= planned.size() || (movable && !(*movable)[q])) continue;
        PlannedPair& other = planned[q];
        const UtcSeconds old = verdict.with->start;
        const auto found = std::find(other.placement.by_date.begin(), other.placement.by_date.end(), old);
        if (found == other.placement.by_date.end()) continue;
        const auto j = static_cast<std::size_t>(found - other.placement.by_date.begin());
        PairPlanner other_planner = planner_for(engine, planned, q);
        engine.unbook(*other.mentee, old, holder);
        engine.unbook(*other.mentor, old, holder);
        if (planner.fits(start)) {
            engine.book(*entry.mentee, start, start + length, own);
            engine.book(*entry.mentor, start, start + length, own);
            other.placement.by_date[j] = kNoStart;
            const auto moved = other_planner.place_in(nominal_for(other_planner, other.placement, j),
                                                      range_for(other_planner, other.placement, j), nullptr);
            if (moved) {
                engine.book(*other.mentee, *moved, *moved + length, holder);
                engine.book(*other.mentor, *moved, *moved + length, holder);
                other.placement.by_date[j] = *moved;
                entry.placement.by_date[i] = start;
                return true;
            }
            other.placement.by_date[j] = old;
            engine.unbook(*entry.mentee, start, own);
            engine.unbook(*entry.mentor, start, own);
        }
        engine.book(*other.mentee, old, old + length, holder);
        engine.book(*other.mentor, old, old + length, holder);
    }
    return false;
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

// Pairs that still miss dates and share a person with two to four pairs placed in this run are
// placed again together in every order (the least flexible first is a guess, not a rule), with
// repairs inside the group; the order placing the most sessions wins (ties: the first plan).
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

// Gives a placed pair's sessions their ids (in time order), renaming its pending bookings.
void name_sessions(Engine& engine, PlannedPair& entry, const std::string& pending,
                   const std::function<std::string()>& make_id) {
    entry.placement.ids.clear();
    for (const UtcSeconds start : entry.placement.starts) {
        entry.placement.ids.push_back(make_id());
        engine.rename(*entry.mentee, start, pending, entry.placement.ids.back());
        engine.rename(*entry.mentor, start, pending, entry.placement.ids.back());
    }
}

// Why each date still empty could not be placed, once every session has its name.
void explain_failures(PairPlanner& planner, Placement& placement) {
    placement.failed_reasons.clear();
    for (std::size_t i = 0; i < placement.by_date.size(); ++i) {
        if (placement.by_date[i] != kNoStart) continue;
        const PairPlanner::Range range = range_for(planner, placement, i);
        std::vector<std::string> reasons;
        planner.nearest_between(nominal_for(planner, placement, i), range.lo, range.hi, true, &reasons,
                                planner.radius_days());
        std::string text;
        for (const std::string& reason : reasons) text += (text.empty() ? "" : ", ") + reason;
        placement.failed_reasons.push_back(text);
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Public entry points
//-----------------------------------------------------------------------------

ScheduleReport schedule_unscheduled_pairs(Document& document, const std::string& program_id,
                                          const TimeZoneCatalog& time_zones) {
    ScheduleReport report;
    const Program* found = find_program(document, program_id);
    if (!found) return report;
    const Program program = *found;  // document.sessions grows below; programs do not, but be safe

    std::unordered_set<std::string> has_sessions, used_ids;
    for (const Session& session : document.sessions) {
        has_sessions.insert(session.pair_id);
        used_ids.insert(session.id);
    }
    std::vector<const Pair*> todo;
    for (const Pair& pair : document.pairs) {
        if (pair.program_id == program_id && pair.state == PairState::Active && !has_sessions.count(pair.id))
            todo.push_back(&pair);
    }
    report.pairs_considered = static_cast<int>(todo.size());
    if (todo.empty()) return report;
    report.added_session_ids.reserve(todo.size() * static_cast<std::size_t>(std::max(0, found->target_sessions)));

    Engine engine(document, program, time_zones, {});
    // Pairs sharing someone compete for that person's time: the least flexible go first.
    std::unordered_map<std::string, int> load;
    for (const Pair* pair : todo) {
        ++load[pair->mentor_id];
        ++load[pair->mentee_id];
    }
    std::vector<std::pair<int, std::size_t>> order;
    std::vector<std::pair<Person*, Person*>> members(todo.size());  // mentor, mentee (null: a problem)
    for (std::size_t i = 0; i < todo.size(); ++i) {
        const Pair& pair = *todo[i];
        int flexibility = 1 << 30;
        Person* mentor = engine.person(pair.mentor_id);
        Person* mentee = engine.person(pair.mentee_id);
        members[i] = {mentor, mentee};
        // Bookings grow by the program's target per pair: one allocation per person, not a dozen.
        const auto wanted_here = static_cast<std::size_t>(std::max(0, program.target_sessions));
        if (mentor && mentor->bookings.capacity() < mentor->bookings.size() + wanted_here)
            engine.reserve_bookings(*mentor, wanted_here * static_cast<std::size_t>(load[pair.mentor_id]));
        if (mentee && mentee->bookings.capacity() < mentee->bookings.size() + wanted_here)
            engine.reserve_bookings(*mentee, wanted_here * static_cast<std::size_t>(load[pair.mentee_id]));
        if (mentor && mentee && (load[pair.mentor_id] > 1 || load[pair.mentee_id] > 1 ||
                                 !mentor->bookings.empty() || !mentee->bookings.empty()))
            flexibility = PairPlanner(engine, *mentor, *mentee).flexibility();
        order.emplace_back(flexibility, i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    const int wanted = program.target_sessions;
    document.sessions.reserve(document.sessions.size() + todo.size() * static_cast<std::size_t>(std::max(0, wanted)));
    // The cadence dates are the same for every pair: computed once per (weekday, phase).
    std::vector<DateList> date_lists;
    std::vector<const DateList*> date_list_pointers;
    // 1. Each pair in turn; its sessions stay booked under a pending id of its own ("\x1f" and
    //    its index here) until every pair is placed.
    std::vector<PlannedPair> planned;
    struct Outcome {
        std::size_t planned = SIZE_MAX;  // index into `planned`, or SIZE_MAX with a problem
        const Pair* pair = nullptr;
        std::string problem;
    };
    std::vector<Outcome> outcomes;
    planned.reserve(order.size());
    for (const auto& entry : order) {
        const Pair& pair = *todo[entry.second];
        const auto [mentor, mentee] = members[entry.second];
        if (!mentor || !mentee) {
            std::string problem = person_problem(engine, pair.mentor_id, "mentor", time_zones);
            if (problem.empty()) problem = person_problem(engine, pair.mentee_id, "mentee", time_zones);
            outcomes.push_back({SIZE_MAX, &pair, problem});
            continue;
        }
        PairPlanner planner(engine, *mentor, *mentee);
        planner.set_pending_id(pending_id_of(planned.size()));
        if (date_lists.empty()) {
            for (int i = 0; i < planner.list_count(); ++i)
                date_lists.push_back(make_date_list(planner.dates_for(planner.list_anchor(i), wanted), program));
            for (const DateList& list : date_lists) date_list_pointers.push_back(&list);
        }
        outcomes.push_back({planned.size(), &pair, {}});
        planned.push_back(PlannedPair{&pair, mentor, mentee, planner.place(date_list_pointers, INT64_MIN, {})});
    }
    // 2. Dates left empty because a pair placed earlier holds the only free hour: move that
    //    session elsewhere inside its own range when it can go, and take the hour.
    repair(engine, planned);
    replan_groups(engine, planned, date_list_pointers);
    // 3. Name the sessions (in time order per pair), explain what is still missing, record.
    for (std::size_t index = 0; index < planned.size(); ++index) {
        int counter = 0;
        name_sessions(engine, planned[index], pending_id_of(index),
                      [&] { return next_session_id(planned[index].pair->id, used_ids, counter); });
    }
    for (const Outcome& outcome : outcomes) {
        if (outcome.planned == SIZE_MAX) {
            report.unscheduled.push_back({outcome.pair->id, outcome.problem, {}});
            continue;
        }
        PlannedPair& entry = planned[outcome.planned];
        if (!entry.placement.failed_dates.empty()) {
            PairPlanner planner = planner_for(engine, planned, outcome.planned);
            explain_failures(planner, entry.placement);
        }
        record(document, *entry.pair, entry.placement, 0, wanted, report);
    }
    // Keep the document in a stable order: each pair's sessions were appended together.
    return report;
}

ScheduleReport reschedule_pair(Document& document, const std::string& pair_id, UtcSeconds now,
                               const TimeZoneCatalog& time_zones) {
    ScheduleReport report;
    const Pair* found_pair = nullptr;
    for (const Pair& pair : document.pairs)
        if (pair.id == pair_id) found_pair = &pair;
    if (!found_pair) return report;
    const Pair pair = *found_pair;
    const Program* found_program = find_program(document, pair.program_id);
    if (!found_program) return report;
    const Program program = *found_program;
    report.pairs_considered = 1;

    std::string problem = person_problem(document, pair.mentor_id, "mentor", time_zones);
    if (problem.empty()) problem = person_problem(document, pair.mentee_id, "mentee", time_zones);
    if (!problem.empty()) {
        report.unscheduled.push_back({pair.id, problem, {}});
        return report;
    }

    // Sessions that may be re-placed (reused, so their ids and calendar UIDs survive).
    std::vector<std::size_t> movable;
    std::unordered_set<std::string> ignored, used_ids;
    std::vector<UtcSeconds> kept_starts;
    for (std::size_t i = 0; i < document.sessions.size(); ++i) {
        const Session& session = document.sessions[i];
        used_ids.insert(session.id);
        if (session.pair_id != pair_id) continue;
        const bool replannable = !session.pinned && session.start >= now &&
                                 (session.status == SessionStatus::Planned || session.status == SessionStatus::Moved);
        if (replannable) {
            movable.push_back(i);
            ignored.insert(session.id);
        } else if (session.status != SessionStatus::Cancelled) {
            kept_starts.push_back(session.start);
        }
    }
    std::sort(movable.begin(), movable.end(), [&](std::size_t a, std::size_t b) {
        return document.sessions[a].start < document.sessions[b].start;
    });

    Engine engine(document, program, time_zones, ignored);
    Person& mentor = *engine.person(pair.mentor_id);
    Person& mentee = *engine.person(pair.mentee_id);
    PairPlanner planner(engine, mentor, mentee);
    const int needed = std::max(0, program.target_sessions - static_cast<int>(kept_starts.size()));
    const int period = cadence_period_days(program.cadence);
    // Cadence dates from today on (the mentee's today) that no kept session already covers.
    const std::int64_t today = floor_days(now + mentee.rules->offset_at(now));
    std::vector<std::int64_t> kept_days;
    for (const UtcSeconds kept : kept_starts) kept_days.push_back(floor_days(kept + mentee.rules->offset_at(kept)));
    std::vector<DateList> date_lists;
    std::vector<const DateList*> date_list_pointers;
    for (int i = 0; i < planner.list_count(); ++i) {
        std::vector<Date> result;
        for (const Date& date : planner.dates_for(planner.list_anchor(i), program.target_sessions + static_cast<int>(kept_days.size()) + 400)) {
            if (static_cast<int>(result.size()) >= needed) break;
            const std::int64_t day = days_from_civil(date);
            if (day < today) continue;
            bool covered = false;
            for (const std::int64_t kept : kept_days) covered = covered || std::llabs(kept - day) * 2 < period;
            if (!covered) result.push_back(date);
        }
        date_lists.push_back(make_date_list(std::move(result), program));
    }
    for (const DateList& list : date_lists) date_list_pointers.push_back(&list);
    // Old sessions are reused in order (their ids and calendar UIDs survive); old ones left
    // over are cancelled, so calendars receive a cancellation; more starts become new sessions.
    std::size_t reuse = 0;
    int counter = 0;
    const auto make_id = [&]() -> std::string {
        if (reuse < movable.size()) return document.sessions[movable[reuse++]].id;
        return next_session_id(pair.id, used_ids, counter);
    };
    Placement placement;
    placement.has_common_window = true;
    if (needed > 0) placement = planner.place(date_list_pointers, now, make_id);
    const std::size_t reused = std::min(placement.starts.size(), movable.size());
    for (std::size_t i = 0; i < reused; ++i) {
        const UtcSeconds start = placement.starts[i];
        {
            Session& session = document.sessions[movable[i]];
            if (session.start != start) {
                session.history.push_back(SessionChange{session.start, session.status});
                session.start = start;
                session.status = SessionStatus::Moved;
                ++session.sequence;
                report.moved_session_ids.push_back(session.id);
            }
        }
    }
    for (std::size_t i = reused; i < movable.size(); ++i) {
        Session& session = document.sessions[movable[i]];
        session.history.push_back(SessionChange{session.start, session.status});
        session.status = SessionStatus::Cancelled;
        ++session.sequence;
        report.cancelled_session_ids.push_back(session.id);
    }
    record(document, pair, placement, reused, needed, report);
    return report;
}

std::optional<std::string> add_session(Document& document, const std::string& pair_id,
                                       const TimeZoneCatalog& time_zones, std::string& reason) {
    const Pair* pair = nullptr;
    for (const Pair& candidate : document.pairs)
        if (candidate.id == pair_id) pair = &candidate;
    if (!pair) {
        reason = "no pair " + pair_id;
        return std::nullopt;
    }
    const Program* program = find_program(document, pair->program_id);
    if (!program) {
        reason = "pair " + pair_id + " belongs to no program";
        return std::nullopt;
    }
    reason = person_problem(document, pair->mentor_id, "mentor", time_zones);
    if (reason.empty()) reason = person_problem(document, pair->mentee_id, "mentee", time_zones);
    if (!reason.empty()) return std::nullopt;
    const Session* last = nullptr;
    for (const Session& session : document.sessions) {
        if (session.pair_id == pair_id && session.status != SessionStatus::Cancelled &&
            (!last || session.start > last->start))
            last = &session;
    }
    if (!last) {
        reason = "pair " + pair_id + " has no sessions yet: generate its schedule first";
        return std::nullopt;
    }
    Engine engine(document, *program, time_zones, {});
    Person& mentor = *engine.person(pair->mentor_id);
    Person& mentee = *engine.person(pair->mentee_id);
    const LocalDateTime local = mentee.rules->to_local(last->start);
    Date next;
    const Cadence& cadence = program->cadence;
    if (cadence.kind == CadenceKind::MonthlyNthWeekday) {
        int year = local.date.year, month = local.date.month;
        bool found = false;
        for (int step = 0; step < 24 && !found; ++step) {
            if (++month > 12) {
                month = 1;
                ++year;
            }
            found = nth_weekday_of_month(year, month, weekday_of(local.date), cadence.nth, next);
        }
    } else {
        next = add_days(local.date, cadence_period_days(cadence));
    }
    PairPlanner planner(engine, mentor, mentee);
    const UtcSeconds length = program->session_minutes * 60;
    const UtcSeconds nominal = planner.instant(next, local.second_of_day / 60);
    std::vector<std::string> reasons;
    const UtcSeconds radius = std::max(1, cadence_period_days(cadence) / 2) * 86400;
    const auto start = planner.nearest(nominal, last->start + length, radius, true, &reasons);
    if (!start) {
        reason = "no free slot near " + format_iso_date(next);
        for (std::size_t i = 0; i < reasons.size(); ++i) reason += (i ? ", " : ": ") + reasons[i];
        return std::nullopt;
    }
    std::unordered_set<std::string> used;
    for (const Session& session : document.sessions) used.insert(session.id);
    int counter = 0;
    Session session;
    session.id = next_session_id(pair_id, used, counter);
    session.pair_id = pair_id;
    session.start = *start;
    session.minutes = program->session_minutes;
    document.sessions.push_back(session);
    return session.id;
}

namespace {

struct SessionContext {
    const Session* session = nullptr;
    const Pair* pair = nullptr;
    const Program* program = nullptr;
};

SessionContext find_session(const Document& document, const std::string& session_id) {
    SessionContext context;
    for (const Session& session : document.sessions)
        if (session.id == session_id) context.session = &session;
    if (!context.session) return context;
    for (const Pair& pair : document.pairs)
        if (pair.id == context.session->pair_id) context.pair = &pair;
    if (context.pair) context.program = find_program(document, context.pair->program_id);
    return context;
}

}  // namespace

std::vector<std::string> slot_conflicts(const Document& document, const std::string& session_id,
                                        UtcSeconds start, const TimeZoneCatalog& time_zones) {
    const SessionContext context = find_session(document, session_id);
    if (!context.session) return {"no session " + session_id};
    if (!context.pair || !context.program) return {"session " + session_id + " belongs to no pair of a program"};
    std::vector<std::string> reasons;
    for (const auto& [id, role] : {std::pair<std::string, const char*>{context.pair->mentor_id, "mentor"},
                                   std::pair<std::string, const char*>{context.pair->mentee_id, "mentee"}}) {
        const std::string problem = person_problem(document, id, role, time_zones);
        if (!problem.empty()) reasons.push_back(problem);
    }
    if (!reasons.empty()) return reasons;
    Program program = *context.program;
    program.session_minutes = context.session->minutes;
    Engine engine(document, program, time_zones, {session_id});
    for (const std::string* id : {&context.pair->mentee_id, &context.pair->mentor_id}) {
        Person& person = *engine.person(*id);
        const Verdict verdict = engine.check(person, start, start + context.session->minutes * 60);
        if (verdict.block != Block::None) reasons.push_back(engine.describe(person, verdict));
    }
    return reasons;
}

std::optional<UtcSeconds> nearest_free_start(const Document& document, const std::string& session_id,
                                             const TimeZoneCatalog& time_zones, int radius_days) {
    const SessionContext context = find_session(document, session_id);
    if (!context.session || !context.pair || !context.program) return std::nullopt;
    for (const std::string* id : {&context.pair->mentee_id, &context.pair->mentor_id})
        if (!person_problem(document, *id, "", time_zones).empty()) return std::nullopt;
    Program program = *context.program;
    program.session_minutes = context.session->minutes;
    Engine engine(document, program, time_zones, {session_id});
    PairPlanner planner(engine, *engine.person(context.pair->mentor_id), *engine.person(context.pair->mentee_id));
    return planner.nearest(context.session->start, INT64_MIN, static_cast<UtcSeconds>(radius_days) * 86400, false);
}

}  // namespace flipside
