// Scheduling benchmark: N pairs x 26 fortnightly sessions over a year, people in New York,
// London, Singapore and Sydney (both DST directions and a zone without DST), office-hours
// availability in chunks plus some early/late windows, mentors with one to three mentees,
// company holidays as blackouts, a few absences.
//
// Prints, per size: time to schedule, sessions placed, the share of pairs fully scheduled, the
// share for which a full schedule is possible at all (the upper bound: usable_days,
// full_alone_anchors, mentor_capacity and fits_every_stretch below) and the gap between the two
// (the bar is zero), and, for reference, the shares with a common window on some day and in
// every fortnight. bench/schedule_group_exact.py checks one mentor's group exactly
// (--dump-group below).
//
// Native: build/native/bench_schedule [pairs...]      (built with the native tree)
// Both, and WebAssembly under node: scripts/bench_schedule.sh [--repeat N] [pairs...]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/local_time.h"
#include "core/scheduling/scheduler.h"
#include "platform/interface/time_zones.h"

namespace {

using namespace flipside;
using namespace flipside::scheduling;

const char* const kZones[] = {"America/New_York", "Europe/London", "Asia/Singapore", "Australia/Sydney"};

Document make_program(int pair_count, unsigned seed) {
    std::mt19937 random(seed);
    const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    Document document;
    Program program;
    program.id = "W2026";
    program.name = "Benchmark wave";
    program.start_date = {2026, 1, 5};
    program.end_date = {2027, 1, 4};  // a year: every weekday and fortnight phase holds 26 dates
    program.cadence = Cadence{CadenceKind::Weekly, 2, 1};
    program.session_minutes = 60;
    program.target_sessions = 26;
    program.max_sessions_per_day = 2;
    program.blackout_dates = {{2026, 1, 1}, {2026, 4, 3}, {2026, 4, 6}, {2026, 5, 25}, {2026, 8, 31},
                              {2026, 12, 24}, {2026, 12, 25}, {2026, 12, 28}};
    document.programs.push_back(program);

    const auto make_person = [&](const std::string& id, Role role, int zone) {
        Participant p;
        p.id = id;
        p.name = id;
        p.email = id + "@example.com";
        p.role = role;
        p.time_zone = kZones[zone];
        // Office hours in one- to three-hour chunks on three to five weekdays.
        for (int day = 0; day < 5; ++day) {
            if (pick(10) < 3) continue;
            const int start = 8 * 60 + 30 * pick(16);          // 08:00 .. 15:30
            const int end = std::min(18 * 60, start + 60 * (1 + pick(3)));
            p.availability.push_back(WeeklyWindow{day, start, end});
        }
        // Some people also take early or late calls (what makes far-apart pairs possible).
        if (pick(10) < 4) p.availability.push_back(WeeklyWindow{pick(5), 6 * 60 + 30 * pick(3), 8 * 60});
        if (pick(10) < 4) p.availability.push_back(WeeklyWindow{pick(5), 18 * 60, 19 * 60 + 30 * pick(4)});
        std::sort(p.availability.begin(), p.availability.end(), [](const WeeklyWindow& a, const WeeklyWindow& b) {
            return a.weekday != b.weekday ? a.weekday < b.weekday : a.start_minute < b.start_minute;
        });
        // Drop windows overlapping the previous one on the same day (the data must validate).
        std::vector<WeeklyWindow> clean;
        for (const WeeklyWindow& w : p.availability)
            if (clean.empty() || clean.back().weekday != w.weekday || clean.back().end_minute <= w.start_minute)
                clean.push_back(w);
        p.availability = clean;
        if (pick(8) == 0) {
            const Date first = add_days(program.start_date, pick(330));
            p.absences.push_back({first, add_days(first, 4 + pick(10))});
        }
        return p;
    };

    int mentor_count = 0, pairs_made = 0;
    while (pairs_made < pair_count) {
        const int mentor_zone = pick(4);
        const std::string mentor_id = "M" + std::to_string(++mentor_count);
        document.participants.push_back(make_person(mentor_id, Role::Mentor, mentor_zone));
        const int mentees = 1 + (pick(10) < 3) + (pick(10) < 2);  // mostly one, up to three
        for (int k = 0; k < mentees && pairs_made < pair_count; ++k) {
            // Most pairs share a region; a third are matched across the world.
            const int zone = pick(3) == 0 ? pick(4) : mentor_zone;
            const std::string mentee_id = "E" + std::to_string(++pairs_made);
            document.participants.push_back(make_person(mentee_id, Role::Mentee, zone));
            Pair pair;
            pair.id = "R" + std::to_string(pairs_made);
            pair.program_id = program.id;
            pair.mentor_id = mentor_id;
            pair.mentee_id = mentee_id;
            document.pairs.push_back(pair);
        }
    }
    return document;
}

// On how many of the program's fortnights (from its start) the two share a whole session
// inside their windows on some day, offsets taken day by day (so DST-only overlaps count).
// Written apart from the scheduler. > 0: "any common window"; 26 (every fortnight): the
// pair could meet every fortnight if nobody else were in the way.
int fortnights_with_common_window(const Document& document, const Pair& pair, const TimeZoneCatalog& zones) {
    const Participant* people[2] = {nullptr, nullptr};
    for (const Participant& p : document.participants) {
        if (p.id == pair.mentor_id) people[0] = &p;
        if (p.id == pair.mentee_id) people[1] = &p;
    }
    const Program& program = document.programs.front();
    const std::int64_t first = days_from_civil(program.start_date), last = days_from_civil(program.end_date);
    int fortnights = 0;
    std::int64_t counted_until = first - 1;  // the last day of the fortnight already counted
    for (std::int64_t day = first; day <= last; ++day) {
        if (day <= counted_until) continue;
        // Intervals in UTC seconds for both on this (mentee-local) day and its neighbours.
        std::vector<std::pair<UtcSeconds, UtcSeconds>> spans[2];
        for (int who = 0; who < 2; ++who) {
            for (std::int64_t d = day - 1; d <= day + 1; ++d) {
                const int weekday = static_cast<int>(((d % 7) + 7 + 3) % 7);
                const int offset = zones.utc_offset_seconds(people[who]->time_zone, d * 86400 + 43200);
                for (const WeeklyWindow& w : people[who]->availability)
                    if (w.weekday == weekday)
                        spans[who].emplace_back(d * 86400 + w.start_minute * 60 - offset, d * 86400 + w.end_minute * 60 - offset);
            }
        }
        bool shared = false;
        for (const auto& a : spans[0])
            for (const auto& b : spans[1])
                shared = shared || std::min(a.second, b.second) - std::max(a.first, b.first) >= program.session_minutes * 60;
        if (shared) {
            ++fortnights;
            counted_until = first + ((day - first) / 14 + 1) * 14 - 1;
        }
    }
    return fortnights;
}

// What a full schedule needs, computed apart from the scheduler, day by day from the catalog.
// A pair "alone" can be fully scheduled when, for some weekday and fortnight phase, each of its
// 26 cadence dates can take a session on a mentee-local day at most 7 days (half the period)
// away, on distinct days in order, where both share a whole session inside their windows on a
// date that is in the program, no blackout, nobody's absence, with no clock change inside it.
// Pairs sharing a mentor also share the mentor's hours: a set of pairs can only all be full if
// the mentor can hold 26 sessions per pair in the year (at most max_sessions_per_day a day,
// never two at once) inside the common windows of those pairs, and, stretch by stretch, hold
// the sessions that cannot go outside each stretch. The bound is the most pairs of each
// mentor's group that pass these tests.
struct PairDays {
    std::vector<std::vector<UtcSeconds>> starts;  // per mentee-local day from `first`: usable starts
};

PairDays usable_days(const Document& document, const Pair& pair, const TimeZoneCatalog& zones) {
    Participant merged[2];  // mentee, mentor; adjacent windows of a day count as one
    for (const Participant& p : document.participants) {
        if (p.id == pair.mentee_id) merged[0] = p;
        if (p.id == pair.mentor_id) merged[1] = p;
    }
    for (Participant& p : merged) {
        std::sort(p.availability.begin(), p.availability.end(), [](const WeeklyWindow& a, const WeeklyWindow& b) {
            return a.weekday != b.weekday ? a.weekday < b.weekday : a.start_minute < b.start_minute;
        });
        std::vector<WeeklyWindow> joined;
        for (const WeeklyWindow& w : p.availability) {
            if (!joined.empty() && joined.back().weekday == w.weekday && w.start_minute <= joined.back().end_minute)
                joined.back().end_minute = std::max(joined.back().end_minute, w.end_minute);
            else
                joined.push_back(w);
        }
        p.availability = joined;
    }
    const Participant* people[2] = {&merged[0], &merged[1]};
    const Program& program = document.programs.front();
    const std::int64_t first = days_from_civil(program.start_date), last = days_from_civil(program.end_date);
    const UtcSeconds length = program.session_minutes * 60;
    PairDays result;
    result.starts.resize(static_cast<std::size_t>(last - first + 1));
    const auto local_day = [&](const Participant& p, UtcSeconds at) {
        return floor_days(at + zones.utc_offset_seconds(p.time_zone, at));
    };
    const auto date_ok = [&](const Participant& p, std::int64_t day) {
        if (day < first || day > last) return false;
        const Date date = civil_from_days(day);
        for (const Date& b : program.blackout_dates)
            if (b == date) return false;
        for (const Absence& a : p.absences)
            if (a.first <= date && date <= a.last) return false;
        return true;
    };
    // Windows of both as UTC intervals, over the whole program (plus a day either side).
    std::vector<std::pair<UtcSeconds, UtcSeconds>> spans[2];
    for (int who = 0; who < 2; ++who) {
        for (std::int64_t d = first - 1; d <= last + 1; ++d) {
            const int weekday = static_cast<int>(((d % 7) + 7 + 3) % 7);
            for (const WeeklyWindow& w : people[who]->availability) {
                if (w.weekday != weekday) continue;
                // Offset read at the window's start (a window crossing a change is cut below).
                const UtcSeconds guess = d * 86400 + w.start_minute * 60;
                const int offset = zones.utc_offset_seconds(people[who]->time_zone, guess - zones.utc_offset_seconds(people[who]->time_zone, guess));
                spans[who].emplace_back(guess - offset, d * 86400 + w.end_minute * 60 - offset);
            }
        }
        std::sort(spans[who].begin(), spans[who].end());
    }
    std::size_t j = 0;
    for (const auto& a : spans[0]) {
        while (j < spans[1].size() && spans[1][j].second <= a.first) ++j;
        for (std::size_t k = j; k < spans[1].size() && spans[1][k].first < a.second; ++k) {
            const UtcSeconds from = std::max(a.first, spans[1][k].first), to = std::min(a.second, spans[1][k].second);
            for (UtcSeconds s = from; s + length <= to; s += 1800) {
                bool ok = true;
                std::int64_t mentee_day = 0;
                for (int who = 0; who < 2 && ok; ++who) {
                    const std::string& zone = people[who]->time_zone;
                    const int offset = zones.utc_offset_seconds(zone, s);
                    ok = offset == zones.utc_offset_seconds(zone, s + length - 1) &&
                         // inside the window of the local day (the start's local day and time)
                         date_ok(*people[who], local_day(*people[who], s));
                    if (ok) {
                        const std::int64_t local = s + offset, day = floor_days(local);
                        const int from_minute = static_cast<int>(local - day * 86400) / 60;
                        const int weekday = static_cast<int>(((day % 7) + 7 + 3) % 7);
                        bool inside = false;
                        for (const WeeklyWindow& w : people[who]->availability)
                            inside = inside || (w.weekday == weekday && w.start_minute <= from_minute &&
                                                from_minute + program.session_minutes <= w.end_minute);
                        ok = inside;
                        if (who == 0) mentee_day = day;
                    }
                }
                if (ok) result.starts[static_cast<std::size_t>(mentee_day - first)].push_back(s);
            }
        }
    }
    return result;
}

// The first cadence date (days from the program's start) of every anchor, weekday and
// fortnight phase, with which the pair alone can be fully scheduled (greedy: each date on the
// earliest usable day of its range after the previous one, which is exact for one pair).
std::vector<int> full_alone_anchors(const PairDays& days, const Program& program) {
    const int count = (int)days.starts.size();
    std::vector<int> anchors;
    for (int weekday = 0; weekday < 7; ++weekday)
        for (int phase = 0; phase < 2; ++phase) {
            const int d0 = (int)((weekday - weekday_of(program.start_date) + 7) % 7) + 7 * phase;
            int placed = 0, previous = -1;
            for (int k = 0; k < program.target_sessions; ++k) {
                const int date = d0 + 14 * k;
                if (date >= count) break;
                int chosen = -1;
                for (int d = std::max(date - 7, previous + 1); d <= std::min(date + 7, count - 1) && chosen < 0; ++d)
                    if (!days.starts[(std::size_t)d].empty()) chosen = d;
                if (chosen < 0) break;
                previous = chosen;
                ++placed;
            }
            if (placed == program.target_sessions) anchors.push_back(d0);
        }
    return anchors;
}

// Sessions the mentor could hold on each of their local days inside the given pairs' shared
// windows: the most sessions that do not overlap, at most max_sessions_per_day, with each pair
// at most once per mentee-local day.
std::map<std::int64_t, int> mentor_capacity_by_day(const std::vector<const PairDays*>& group, const Participant& mentor,
                                                   const Program& program, const TimeZoneCatalog& zones) {
    struct Option {
        UtcSeconds start;
        std::size_t unit;  // (pair, mentee-local day)
    };
    std::map<std::int64_t, std::vector<Option>> by_day;  // mentor-local day -> options
    std::size_t unit = 0;
    for (const PairDays* days : group)
        for (const auto& list : days->starts) {
            for (const UtcSeconds s : list)
                by_day[floor_days(s + zones.utc_offset_seconds(mentor.time_zone, s))].push_back({s, unit});
            ++unit;
        }
    const UtcSeconds length = program.session_minutes * 60;
    const int limit = std::max(1, program.max_sessions_per_day);
    std::map<std::int64_t, int> capacity;
    for (auto& entry : by_day) {
        std::vector<Option>& options = entry.second;
        std::sort(options.begin(), options.end(), [](const Option& a, const Option& b) { return a.start < b.start; });
        // Depth-first over options in time order, at most `limit` deep.
        int best = 0;
        std::vector<std::size_t> units;
        const std::function<void(std::size_t, UtcSeconds)> search = [&](std::size_t from, UtcSeconds free_from) {
            best = std::max(best, static_cast<int>(units.size()));
            if (static_cast<int>(units.size()) == limit || best == limit) return;
            for (std::size_t k = from; k < options.size(); ++k) {
                if (options[k].start < free_from) continue;
                if (std::find(units.begin(), units.end(), options[k].unit) != units.end()) continue;
                units.push_back(options[k].unit);
                search(k + 1, options[k].start + length);
                units.pop_back();
            }
        };
        search(0, INT64_MIN);
        capacity[entry.first] = best;
    }
    return capacity;
}

// Sessions the mentor could hold in the year inside the given pairs' shared windows.
int mentor_capacity(const std::vector<const PairDays*>& group, const Participant& mentor, const Program& program,
                    const TimeZoneCatalog& zones) {
    int total = 0;
    for (const auto& day : mentor_capacity_by_day(group, mentor, program, zones)) total += day.second;
    return total;
}

// The year's total can hide a crowded stretch (an absence or Christmas in a mentor's only
// shared hour): over every stretch of the mentor's days, the sessions that must fall inside it
// must fit the mentor's hours there. A cadence date must fall inside when every usable start
// of its range (7 days either side) lies on a mentor-local day of the stretch; each pair
// counts, of its anchors with which it alone can be full, the one with the fewest such dates.
bool fits_every_stretch(const std::vector<const PairDays*>& group, const Participant& mentor, const Program& program,
                        const TimeZoneCatalog& zones) {
    const auto mentor_day = [&](UtcSeconds s) { return floor_days(s + zones.utc_offset_seconds(mentor.time_zone, s)); };
    // Per pair and anchor: the first and last mentor-local day each cadence date could use.
    std::vector<std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>>> reach;
    std::vector<std::int64_t> firsts, lasts;  // where a stretch can usefully start and end
    for (const PairDays* days : group) {
        reach.emplace_back();
        const int count = static_cast<int>(days->starts.size());
        for (const int d0 : full_alone_anchors(*days, program)) {
            reach.back().emplace_back();
            for (int k = 0; k < program.target_sessions; ++k) {
                std::int64_t earliest = INT64_MAX, latest = INT64_MIN;
                for (int d = std::max(0, d0 + 14 * k - 7); d <= std::min(count - 1, d0 + 14 * k + 7); ++d)
                    for (const UtcSeconds s : days->starts[static_cast<std::size_t>(d)]) {
                        earliest = std::min(earliest, mentor_day(s));
                        latest = std::max(latest, mentor_day(s));
                    }
                reach.back().back().emplace_back(earliest, latest);
                firsts.push_back(earliest);
                lasts.push_back(latest);
            }
        }
    }
    for (auto* list : {&firsts, &lasts}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    // The mentor's hours up to each day: held(from, to) = before(to + 1) - before(from).
    std::vector<std::pair<std::int64_t, int>> running{{INT64_MIN, 0}};  // (day, hours on earlier days)
    for (const auto& [day, hours] : mentor_capacity_by_day(group, mentor, program, zones))
        running.emplace_back(day + 1, running.back().second + hours);
    const auto before = [&](std::int64_t day) {
        return std::prev(std::upper_bound(running.begin(), running.end(), std::make_pair(day, INT32_MAX)))->second;
    };
    for (const std::int64_t from : firsts) {
        // Per pair and anchor, the last days of the dates that cannot start before `from`, in
        // order; a stretch ending on `to` must hold those up to `to`.
        std::vector<std::vector<std::vector<std::int64_t>>> ends(reach.size());
        std::vector<std::vector<std::size_t>> inside(reach.size());
        for (std::size_t j = 0; j < reach.size(); ++j) {
            for (const auto& dates : reach[j]) {
                ends[j].emplace_back();
                for (const auto& [earliest, latest] : dates)
                    if (earliest >= from) ends[j].back().push_back(latest);
                std::sort(ends[j].back().begin(), ends[j].back().end());
            }
            inside[j].assign(ends[j].size(), 0);
        }
        for (const std::int64_t to : lasts) {
            if (to < from) continue;
            int needed = 0;
            for (std::size_t j = 0; j < reach.size(); ++j) {
                std::size_t fewest = SIZE_MAX;
                for (std::size_t a = 0; a < ends[j].size(); ++a) {
                    while (inside[j][a] < ends[j][a].size() && ends[j][a][inside[j][a]] <= to) ++inside[j][a];
                    fewest = std::min(fewest, inside[j][a]);
                }
                needed += static_cast<int>(fewest);
            }
            if (needed > before(to + 1) - before(from)) return false;
        }
    }
    return true;
}

// One mentor's group as JSON for bench/schedule_group_exact.py: the program, the mentor's pairs
// with the sessions the scheduler gave them, and the people (windows, absences).
void print_group(const Document& original, const Document& scheduled, const std::string& mentor_id, bool first) {
    const Program& program = original.programs.front();
    if (first) {
        std::printf("{\"program\": {\"start\": \"%s\", \"end\": \"%s\", \"minutes\": %d, \"target\": %d, "
                    "\"max_per_day\": %d, \"interval\": %d, \"blackouts\": [",
                    format_iso_date(program.start_date).c_str(), format_iso_date(program.end_date).c_str(),
                    program.session_minutes, program.target_sessions, program.max_sessions_per_day,
                    program.cadence.interval);
        for (std::size_t i = 0; i < program.blackout_dates.size(); ++i)
            std::printf("%s\"%s\"", i ? ", " : "", format_iso_date(program.blackout_dates[i]).c_str());
        std::printf("]},\n \"groups\": [\n");
    }
    std::printf("%s  {\"mentor\": \"%s\", \"pairs\": [", first ? "" : ",\n", mentor_id.c_str());
    std::vector<std::string> people{mentor_id};
    const char* separator = "";
    for (const Pair& pair : original.pairs) {
        if (pair.mentor_id != mentor_id) continue;
        people.push_back(pair.mentee_id);
        std::printf("%s{\"id\": \"%s\", \"mentee\": \"%s\", \"sessions\": [", separator, pair.id.c_str(),
                    pair.mentee_id.c_str());
        const char* comma = "";
        for (const Session& session : scheduled.sessions)
            if (session.pair_id == pair.id) std::printf("%s%lld", std::exchange(comma, ", "), static_cast<long long>(session.start));
        std::printf("]}");
        separator = ", ";
    }
    std::printf("],\n   \"people\": [");
    separator = "";
    for (const Participant& p : original.participants) {
        if (std::find(people.begin(), people.end(), p.id) == people.end()) continue;
        std::printf("%s\n    {\"id\": \"%s\", \"zone\": \"%s\", \"windows\": [", separator, p.id.c_str(), p.time_zone.c_str());
        const char* comma = "";
        for (const WeeklyWindow& w : p.availability)
            std::printf("%s[%d, %d, %d]", std::exchange(comma, ", "), w.weekday, w.start_minute, w.end_minute);
        std::printf("], \"absences\": [");
        comma = "";
        for (const Absence& a : p.absences)
            std::printf("%s[\"%s\", \"%s\"]", std::exchange(comma, ", "), format_iso_date(a.first).c_str(),
                        format_iso_date(a.last).c_str());
        std::printf("]}");
        separator = ",";
    }
    std::printf("]}");
}

}  // namespace

int main(int argc, char** argv) {
    // bench_schedule [--repeat N] [pairs...]: each size is scheduled N times on fresh copies;
    // "cold" is the first run of the process (time zone tables built, code not yet warm),
    // "best" the fastest of the N.
    // bench_schedule --dump-group MENTOR [--dump-group ...] pairs: those mentors' groups of the
    // instance of that size, scheduled once, as JSON (nothing else).
    std::vector<int> sizes;
    std::vector<std::string> dump;
    int repeat = 3;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else if (std::string(argv[i]) == "--dump-group" && i + 1 < argc) dump.push_back(argv[++i]);
        else sizes.push_back(std::atoi(argv[i]));
    }
    if (sizes.empty()) sizes = {1000, 10000};
    const TimeZoneCatalog& zones = platform::system_time_zones();
    if (!dump.empty()) {
        const Document original = make_program(sizes.front(), 20261123u + static_cast<unsigned>(sizes.front()));
        Document scheduled = original;
        schedule_unscheduled_pairs(scheduled, "W2026", zones);
        for (std::size_t i = 0; i < dump.size(); ++i) print_group(original, scheduled, dump[i], i == 0);
        std::printf("\n]}\n");
        return 0;
    }
    std::printf("%-7s %-9s %-9s %-9s %-8s %-12s %-11s %-10s %-12s %s\n", "pairs", "cold(ms)", "best(ms)", "sessions",
                "full(%)", "possible(%)", "possible-full", "common(%)", "fortnight(%)", "us/session(best)");
    bool first_run = true;
    for (const int size : sizes) {
        const Document original = make_program(size, 20261123u + static_cast<unsigned>(size));
        Document document;
        ScheduleReport report;
        double cold = -1, best = 1e300;
        for (int run = 0; run < repeat; ++run) {
            document = original;
            const auto start = std::chrono::steady_clock::now();
            report = schedule_unscheduled_pairs(document, "W2026", zones);
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            if (first_run) cold = ms;
            first_run = false;
            best = std::min(best, ms);
        }

        std::vector<int> placed_by_pair(document.pairs.size() + 1, 0);
        for (const Session& s : document.sessions) ++placed_by_pair[static_cast<std::size_t>(std::atoi(s.pair_id.c_str() + 1))];
        const Program& program = original.programs.front();
        // Pairs grouped by mentor (every mentee is in one pair).
        std::map<std::string, std::vector<const Pair*>> by_mentor;
        for (const Pair& pair : original.pairs) by_mentor[pair.mentor_id].push_back(&pair);
        std::map<std::string, const Participant*> people;
        for (const Participant& p : original.participants) people[p.id] = &p;
        int common = 0, every_fortnight = 0, alone = 0, possible = 0, full = 0, gap = 0, over = 0, listed = 0;
        for (const auto& [mentor_id, group] : by_mentor) {
            std::vector<PairDays> days;
            std::vector<int> candidates;  // indices into group: full alone
            int full_here = 0;
            for (std::size_t k = 0; k < group.size(); ++k) {
                const Pair& pair = *group[k];
                const int fortnights = fortnights_with_common_window(original, pair, zones);
                common += fortnights > 0;
                every_fortnight += fortnights >= 26;
                days.push_back(usable_days(original, pair, zones));
                if (!full_alone_anchors(days.back(), program).empty()) candidates.push_back(static_cast<int>(k));
                full_here += placed_by_pair[static_cast<std::size_t>(std::atoi(pair.id.c_str() + 1))] == 26;
            }
            alone += static_cast<int>(candidates.size());
            // The largest set of candidates every subset of which the mentor has the hours for,
            // over the year and over every stretch of days.
            int best_set = 0;
            const int n = static_cast<int>(candidates.size());
            for (int set = 0; set < (1 << n); ++set) {
                bool ok = true;
                for (int sub = set; sub > 0 && ok; sub = (sub - 1) & set) {
                    std::vector<const PairDays*> chosen;
                    for (int b = 0; b < n; ++b)
                        if (sub >> b & 1) chosen.push_back(&days[static_cast<std::size_t>(candidates[static_cast<std::size_t>(b)])]);
                    ok = mentor_capacity(chosen, *people[mentor_id], program, zones) >=
                             program.target_sessions * static_cast<int>(chosen.size()) &&
                         (chosen.size() < 2 || fits_every_stretch(chosen, *people[mentor_id], program, zones));
                }
                if (ok) best_set = std::max(best_set, __builtin_popcount(static_cast<unsigned>(set)));
            }
            possible += best_set;
            full += full_here;
            gap += std::max(0, best_set - full_here);
            over += std::max(0, full_here - best_set);  // would mean the bound is wrong
            if (best_set > full_here && listed < 4) {
                ++listed;
                for (const Pair* pair : group)
                    for (const UnscheduledPair& u : report.unscheduled)
                        if (u.pair_id == pair->id) std::fprintf(stderr, "  %s (mentor %s, %zu pairs): %s\n", u.pair_id.c_str(), mentor_id.c_str(), group.size(), u.reason.c_str());
            }
        }
        char cold_text[32] = "-";
        if (cold >= 0) std::snprintf(cold_text, sizeof cold_text, "%.1f", cold);
        std::printf("%-7d %-9s %-9.1f %-9zu %-8.1f %-12.1f %-13d %-10.1f %-12.1f %.2f\n", size, cold_text, best,
                    document.sessions.size(), 100.0 * full / size, 100.0 * possible / size, gap,
                    100.0 * common / size, 100.0 * every_fortnight / size,
                    1000.0 * best / static_cast<double>(std::max<std::size_t>(1, document.sessions.size())));
        std::fflush(stdout);
        std::fprintf(stderr, "  (%d pairs could each be full alone; %d of those are held back by their mentor's hours)\n",
                     alone, alone - possible);
        if (over > 0) std::fprintf(stderr, "  BOUND VIOLATED: %d pairs fully scheduled beyond the upper bound\n", over);
        // Native and WebAssembly must produce the very same schedule: compare this line.
        std::uint64_t digest = 1469598103934665603ull;
        for (const Session& s : document.sessions) {
            for (const char c : s.id + "@" + std::to_string(s.start)) digest = (digest ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        }
        std::fprintf(stderr, "  schedule digest for %d pairs: %016llx\n", size, static_cast<unsigned long long>(digest));
    }
    return 0;
}
