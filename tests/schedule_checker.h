// An independent checker for schedules, written apart from src/core/scheduler.cpp: it asks the
// time zone catalog directly (no OffsetTimeline, no ZoneRules) and checks availability minute
// by minute. Returns one line per violated rule; empty when the schedule is valid.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/model.h"
#include "core/time_zone_catalog.h"

namespace schedule_checker {

using namespace flipside;

inline std::vector<std::string> check(const Document& document, const TimeZoneCatalog& zones) {
    std::vector<std::string> problems;
    std::map<std::string, const Participant*> people;
    for (const auto& participant : document.participants) people[participant.id] = &participant;
    std::map<std::string, const Pair*> pairs;
    for (const auto& pair : document.pairs) pairs[pair.id] = &pair;
    std::map<std::string, const Program*> programs;
    for (const auto& program : document.programs) programs[program.id] = &program;

    struct Busy {
        UtcSeconds start, end;
        std::string session;
    };
    std::map<std::string, std::vector<Busy>> busy;                     // person -> sessions
    std::map<std::pair<std::string, std::string>, int> per_day;        // (person, local date) -> n
    std::map<std::string, int> limit_of;
    std::set<std::string> ids;

    for (const Session& session : document.sessions) {
        const std::string where = "session " + session.id + ": ";
        if (!ids.insert(session.id).second) problems.push_back(where + "duplicate id");
        if (session.status == SessionStatus::Cancelled) continue;
        const auto pair_it = pairs.find(session.pair_id);
        if (pair_it == pairs.end()) {
            problems.push_back(where + "unknown pair");
            continue;
        }
        const Program& program = *programs.at(pair_it->second->program_id);
        if (session.start % 60 != 0) problems.push_back(where + "start not on a whole minute");
        const UtcSeconds end = session.start + session.minutes * 60;
        for (const std::string& id : {pair_it->second->mentor_id, pair_it->second->mentee_id}) {
            const Participant& person = *people.at(id);
            const std::string who = where + id + " ";
            const int offset = zones.utc_offset_seconds(person.time_zone, session.start);
            for (UtcSeconds t = session.start; t < end; t += 60)
                if (zones.utc_offset_seconds(person.time_zone, t) != offset)
                    problems.push_back(who + "clocks change during the session");
            const UtcSeconds local = session.start + offset;
            const std::int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
            const Date date = civil_from_days(day);
            const int first_minute = static_cast<int>((local - day * 86400) / 60);
            const int last_minute = first_minute + session.minutes;  // exclusive
            if (last_minute > 1440) problems.push_back(who + "session crosses local midnight");
            if (date < program.start_date || date > program.end_date)
                problems.push_back(who + "outside the program window " + format_iso_date(date));
            for (const Date& blackout : program.blackout_dates)
                if (blackout == date) problems.push_back(who + "on blackout " + format_iso_date(date));
            for (const Absence& absence : person.absences)
                if (absence.first <= date && date <= absence.last)
                    problems.push_back(who + "absent on " + format_iso_date(date));
            const int weekday = weekday_of(date);
            for (int minute = first_minute; minute < last_minute && minute < 1440; ++minute) {
                bool inside = false;
                for (const WeeklyWindow& window : person.availability)
                    inside = inside || (window.weekday == weekday && window.start_minute <= minute &&
                                        minute < window.end_minute);
                if (!inside) {
                    problems.push_back(who + "unavailable at local " + format_iso_date(date) + " " +
                                       format_clock_minutes(minute));
                    break;
                }
            }
            busy[id].push_back({session.start, end, session.id});
            ++per_day[{id, format_iso_date(date)}];
            limit_of[id] = std::max(1, program.max_sessions_per_day);
        }
    }
    for (auto& [id, list] : busy) {
        std::sort(list.begin(), list.end(), [](const Busy& a, const Busy& b) { return a.start < b.start; });
        for (std::size_t i = 1; i < list.size(); ++i)
            if (list[i].start < list[i - 1].end)
                problems.push_back(id + " double-booked: " + list[i - 1].session + " and " + list[i].session);
    }
    for (const auto& [key, count] : per_day)
        if (count > limit_of[key.first])
            problems.push_back(key.first + " has " + std::to_string(count) + " sessions on " + key.second);
    return problems;
}

}  // namespace schedule_checker
