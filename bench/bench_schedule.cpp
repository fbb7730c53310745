// Scheduling benchmark: N pairs x 26 fortnightly sessions over a year, people in New York,
// London, Singapore and Sydney (both DST directions and a zone without DST), office-hours
// availability in chunks plus some early/late windows, mentors with one to three mentees,
// company holidays as blackouts, a few absences.
//
// Prints, per size: time to schedule, sessions placed, the share of pairs fully scheduled
// and the share that have any common window at all (the upper bound), and pairs that have a
// common window but were not fully scheduled (the bar is zero).
//
// Native: build/native/bench_schedule [pairs...]      (built with the native tree)
// Both, and WebAssembly under node: scripts/bench_schedule.sh [--repeat N] [pairs...]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/local_time.h"
#include "core/scheduler.h"
#include "platform/time_zones.h"

namespace {

using namespace flipside;

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

}  // namespace

int main(int argc, char** argv) {
    // bench_schedule [--repeat N] [pairs...]: each size is scheduled N times on fresh copies;
    // "cold" is the first run of the process (time zone tables built, code not yet warm),
    // "best" the fastest of the N.
    std::vector<int> sizes;
    int repeat = 3;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else sizes.push_back(std::atoi(argv[i]));
    }
    if (sizes.empty()) sizes = {1000, 10000};
    const TimeZoneCatalog& zones = platform::system_time_zones();
    std::printf("%-7s %-9s %-9s %-9s %-8s %-10s %-12s %-13s %s\n", "pairs", "cold(ms)", "best(ms)", "sessions",
                "full(%)", "common(%)", "fortnight(%)", "fortnight&!full", "us/session(best)");
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
        int common = 0, every_fortnight = 0, full = 0, common_not_full = 0, fortnight_not_full = 0;
        for (const Pair& pair : document.pairs) {
            const int fortnights = fortnights_with_common_window(original, pair, zones);
            const bool is_full = placed_by_pair[static_cast<std::size_t>(std::atoi(pair.id.c_str() + 1))] == 26;
            common += fortnights > 0;
            every_fortnight += fortnights >= 26;
            full += is_full;
            common_not_full += fortnights > 0 && !is_full;
            if (fortnights >= 26 && !is_full) {
                ++fortnight_not_full;
                if (fortnight_not_full <= 3) {
                    for (const UnscheduledPair& u : report.unscheduled)
                        if (u.pair_id == pair.id) std::fprintf(stderr, "  %s: %s\n", u.pair_id.c_str(), u.reason.c_str());
                }
            }
        }
        char cold_text[32] = "-";
        if (cold >= 0) std::snprintf(cold_text, sizeof cold_text, "%.1f", cold);
        std::printf("%-7d %-9s %-9.1f %-9zu %-8.1f %-10.1f %-12.1f %-15d %.2f\n", size, cold_text, best,
                    document.sessions.size(), 100.0 * full / size, 100.0 * common / size,
                    100.0 * every_fortnight / size, fortnight_not_full,
                    1000.0 * best / static_cast<double>(std::max<std::size_t>(1, document.sessions.size())));
        std::fprintf(stderr, "  (%d pairs with some common window are not fully scheduled; %d of them lack one in some fortnight)\n",
                     common_not_full, common_not_full - fortnight_not_full);
        // Native and WebAssembly must produce the very same schedule: compare this line.
        std::uint64_t digest = 1469598103934665603ull;
        for (const Session& s : document.sessions) {
            for (const char c : s.id + "@" + std::to_string(s.start)) digest = (digest ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        }
        std::fprintf(stderr, "  schedule digest for %d pairs: %016llx\n", size, static_cast<unsigned long long>(digest));
    }
    return 0;
}
