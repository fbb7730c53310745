// The scheduler's calendar index: people's windows, absences and bookings, and the one check
// every placement passes (see scheduler_calendar.h).
#include "core/scheduling/detail/calendar.h"

namespace flipside::scheduling {

FastZone::FastZone(ZoneRules& rules, UtcSeconds from, UtcSeconds to) : rules_(rules), from_(from), to_(to) {
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

Engine::Engine(const Document& document, const Program& program, const TimeZoneCatalog& time_zones,
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

Person* Engine::person(const std::string& id) {
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
            fast = std::make_unique<FastZone>(*rules, (first_day_ - 8) * kSecondsPerDay, (last_day_ + 9) * kSecondsPerDay);
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

bool Engine::zone_known(const std::string& zone) {
    const auto cached = zone_known_.find(zone);
    if (cached != zone_known_.end()) return cached->second;
    return zone_known_.emplace(zone, time_zones_.is_known(zone)).first->second;
}

namespace {

// The booking of `session_id` at `start`, or the end.
std::vector<Booking>::iterator find_booking(Person& p, UtcSeconds start, const std::string& session_id) {
    auto it = std::lower_bound(p.bookings.begin(), p.bookings.end(), start,
                               [](const Booking& b, UtcSeconds s) { return b.start < s; });
    for (; it != p.bookings.end() && it->start == start; ++it)
        if (it->session_id == session_id) return it;
    return p.bookings.end();
}

}  // namespace

void Engine::rename(Person& p, UtcSeconds start, const std::string& from, const std::string& to) {
    const auto it = find_booking(p, start, from);
    if (it != p.bookings.end()) it->session_id = to;
}

void Engine::unbook(Person& p, UtcSeconds start, const std::string& session_id) {
    const auto it = find_booking(p, start, session_id);
    if (it != p.bookings.end()) p.bookings.erase(it);
}

void Engine::book(Person& p, UtcSeconds start, UtcSeconds end, const std::string& session_id) {
    const std::int64_t day = floor_days(start + p.rules->offset_at(start));
    const auto at = std::upper_bound(p.bookings.begin(), p.bookings.end(), start,
                                     [](UtcSeconds s, const Booking& b) { return s < b.start; });
    p.bookings.insert(at, Booking{start, end, day, session_id});
}

Verdict Engine::check_window(Person& p, UtcSeconds start, UtcSeconds end) const {
    Verdict verdict;
    const int offset = p.rules->offset_at(start);
    const std::int64_t local = start + offset;
    const std::int64_t day = floor_days(local);
    verdict.local_day = day;
    if (p.rules->offset_at(end - 1) != offset) {
        verdict.block = Block::OffsetChange;
        return verdict;
    }
    const std::int64_t from = local - day * kSecondsPerDay;
    const std::int64_t to = from + (end - start);
    for (const auto& window : p.windows[static_cast<std::size_t>(weekday_of_day(day))]) {
        if (window.first <= from && to <= window.second) return verdict;
    }
    verdict.block = Block::OutsideAvailability;
    return verdict;
}

Verdict Engine::check(Person& p, UtcSeconds start, UtcSeconds end) const {
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
    auto it = std::lower_bound(p.bookings.begin(), p.bookings.end(), start - 2 * kSecondsPerDay,
                               [](const Booking& b, UtcSeconds s) { return b.start < s; });
    int same_day = 0;
    const Booking* first_same_day = nullptr;
    for (; it != p.bookings.end() && it->start < end + 2 * kSecondsPerDay; ++it) {
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

}  // namespace flipside::scheduling
