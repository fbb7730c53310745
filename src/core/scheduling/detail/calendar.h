// The scheduler's calendar index (internal to src/core/scheduler*.cpp): the document seen as
// people with calendars. Each person has their weekly windows (merged, seconds of the local
// day), absences and bookings (ascending start), and their zone's offsets over the program
// as a short list; Engine::check is the one test every placement passes (windows, program
// dates, blackouts, absences, double bookings, the daily limit).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/local_time.h"
#include "core/model.h"
#include "core/scheduling/scheduler.h"
#include "core/time_zone_catalog.h"

namespace flipside::scheduling {

inline constexpr int kGridSeconds = kScheduleGridMinutes * 60;

// Why a start does not work for one person (None: it does).
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
    FastZone(ZoneRules& rules, UtcSeconds from, UtcSeconds to);

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
        const UtcSeconds wall = day * kSecondsPerDay + minute * 60;
        const int before = offset_at(wall - kSecondsPerDay);
        if (before == offset_at(wall + kSecondsPerDay)) return ResolvedInstant{wall - before, LocalTimeKind::Unique, wall - before};
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

inline std::int64_t weekday_of_day(std::int64_t day) { return ((day % 7) + 7 + 3) % 7; }

class Engine {
public:
    // Books every non-cancelled session of the document except `ignored_sessions`.
    Engine(const Document& document, const Program& program, const TimeZoneCatalog& time_zones,
           const std::unordered_set<std::string>& ignored_sessions);

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
    Person* person(const std::string& id);
    bool zone_known(const std::string& zone);

    // Bookings are found by (start, session id).
    void rename(Person& p, UtcSeconds start, const std::string& from, const std::string& to);
    void unbook(Person& p, UtcSeconds start, const std::string& session_id);
    void reserve_bookings(Person& p, std::size_t more) { p.bookings.reserve(p.bookings.size() + more); }
    void book(Person& p, UtcSeconds start, UtcSeconds end, const std::string& session_id);

    // Availability only (windows, offset changes): no dates, no bookings.
    Verdict check_window(Person& p, UtcSeconds start, UtcSeconds end) const;
    // Everything: window, program dates, blackouts, absences, double bookings, daily limit.
    Verdict check(Person& p, UtcSeconds start, UtcSeconds end) const;

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

}  // namespace flipside::scheduling
