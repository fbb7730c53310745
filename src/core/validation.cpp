#include "core/validation.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"

namespace flipside {

namespace {

std::string quoted(std::string_view text) {
    constexpr std::size_t kShown = 60;  // long values are cut so messages stay readable
    std::string out = "\"";
    out += text.size() > kShown ? std::string(text.substr(0, kShown)) + "…" : std::string(text);
    out += "\"";
    return out;
}

std::string at(const std::string& base, std::size_t index) { return base + "/" + std::to_string(index); }

bool is_valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.' || c == ':';
    });
}

void check_id(const std::string& id, const std::string& path, std::vector<Problem>& problems) {
    if (!is_valid_id(id))
        problems.push_back({path + "/id", "id " + quoted(id) +
                                              " must be 1–64 letters, digits, '-', '_', '.' or ':'"});
}

void check_list(const std::vector<std::string>& items, const std::string& path, const char* what,
                std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].empty()) problems.push_back({at(path, i), std::string("empty ") + what});
}

// Records duplicates of ids within one collection.
template <typename Record>
std::unordered_map<std::string, std::size_t> index_ids(const std::vector<Record>& records,
                                                       const std::string& path,
                                                       std::vector<Problem>& problems) {
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto inserted = index.emplace(records[i].id, i);
        if (!inserted.second)
            problems.push_back({at(path, i) + "/id", "duplicate id " + quoted(records[i].id) +
                                                         " (also at " + at(path, inserted.first->second) + ")"});
    }
    return index;
}

}  // namespace

bool looks_like_email(const std::string& text) {
    const auto at_sign = text.find('@');
    if (at_sign == std::string::npos || at_sign == 0 || text.find('@', at_sign + 1) != std::string::npos)
        return false;
    if (text.find_first_of(" \t\r\n,;<>") != std::string::npos) return false;
    const auto dot = text.find('.', at_sign + 2);
    return dot != std::string::npos && dot + 1 < text.size();
}

std::vector<Problem> validate_participant(const Participant& p, const TimeZoneCatalog& time_zones) {
    std::vector<Problem> problems;
    check_id(p.id, "", problems);
    if (p.name.empty()) problems.push_back({"/name", "name is empty"});
    if (p.name.size() > 200) problems.push_back({"/name", "name is longer than 200 characters"});
    if (p.email.empty())
        problems.push_back({"/email", "e-mail is empty"});
    else if (!looks_like_email(p.email))
        problems.push_back({"/email", quoted(p.email) + " is not an e-mail address"});
    if (p.level < kMinLevel || p.level > kMaxLevel)
        problems.push_back({"/level", "level " + std::to_string(p.level) + " is outside " +
                                          std::to_string(kMinLevel) + "–" + std::to_string(kMaxLevel)});
    if (p.capacity < 0 || p.capacity > kMaxCapacity)
        problems.push_back({"/capacity", "capacity " + std::to_string(p.capacity) + " is outside 0–" +
                                             std::to_string(kMaxCapacity)});
    if (!time_zones.is_known(p.time_zone))
        problems.push_back({"/time_zone", "unknown time zone " + quoted(p.time_zone)});
    if (!p.manager_id.empty() && p.manager_id == p.id)
        problems.push_back({"/manager_id", "a person cannot be their own manager"});
    for (std::size_t i = 0; i < p.skills.size(); ++i) {
        const Skill& skill = p.skills[i];
        if (skill.name.empty()) problems.push_back({at("/skills", i) + "/name", "empty skill name"});
        if (skill.proficiency < 1 || skill.proficiency > 5)
            problems.push_back({at("/skills", i) + "/proficiency",
                                "proficiency " + std::to_string(skill.proficiency) + " is outside 1–5"});
    }
    check_list(p.learning_goals, "/learning_goals", "learning goal", problems);
    check_list(p.interests, "/interests", "interest", problems);
    check_list(p.languages, "/languages", "language", problems);

    for (std::size_t i = 0; i < p.availability.size(); ++i) {
        const WeeklyWindow& w = p.availability[i];
        const std::string path = at("/availability", i);
        if (w.weekday < 0 || w.weekday > 6)
            problems.push_back({path + "/day", "weekday " + std::to_string(w.weekday) + " is not Monday–Sunday"});
        if (w.start_minute < 0 || w.start_minute >= 24 * 60 || w.end_minute <= 0 || w.end_minute > 24 * 60)
            problems.push_back({path, "window is outside 00:00–24:00"});
        else if (w.end_minute <= w.start_minute)
            problems.push_back({path, "window ends at or before it starts"});
    }
    for (std::size_t i = 0; i < p.absences.size(); ++i)
        if (p.absences[i].last < p.absences[i].first)
            problems.push_back({at("/absences", i) + "/last", "absence ends " + format_iso_date(p.absences[i].last) +
                                                                  " before it starts " + format_iso_date(p.absences[i].first)});
    // Overlapping windows on the same day mean the profile was entered twice or wrongly.
    std::vector<std::size_t> order(p.availability.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = p.availability[a];
        const auto& y = p.availability[b];
        return x.weekday != y.weekday ? x.weekday < y.weekday : x.start_minute < y.start_minute;
    });
    for (std::size_t k = 1; k < order.size(); ++k) {
        const auto& previous = p.availability[order[k - 1]];
        const auto& current = p.availability[order[k]];
        if (previous.weekday == current.weekday && current.start_minute < previous.end_minute)
            problems.push_back({at("/availability", order[k]),
                                "window overlaps window " + std::to_string(order[k - 1]) + " (" +
                                    format_clock_minutes(previous.start_minute) + "–" +
                                    format_clock_minutes(previous.end_minute) + " the same day)"});
    }
    return problems;
}

std::vector<Problem> validate_program(const Program& program) {
    std::vector<Problem> problems;
    check_id(program.id, "", problems);
    if (program.name.empty()) problems.push_back({"/name", "program name is empty"});
    if (program.end_date < program.start_date)
        problems.push_back({"/end_date", "end date " + format_iso_date(program.end_date) +
                                             " is before start date " + format_iso_date(program.start_date)});
    const Cadence& c = program.cadence;
    if (c.kind == CadenceKind::Weekly && (c.interval < 1 || c.interval > 12))
        problems.push_back({"/cadence/interval", "every " + std::to_string(c.interval) +
                                                     " weeks: must be 1–12"});
    if (c.kind == CadenceKind::EveryNDays && (c.interval < 1 || c.interval > 90))
        problems.push_back({"/cadence/interval", "every " + std::to_string(c.interval) +
                                                     " days: must be 1–90"});
    if (c.kind == CadenceKind::MonthlyNthWeekday && !((c.nth >= 1 && c.nth <= 4) || c.nth == -1))
        problems.push_back({"/cadence/nth", "monthly occurrence " + std::to_string(c.nth) +
                                                " must be 1–4 or -1 (last)"});
    if (program.session_minutes < 15 || program.session_minutes > 480)
        problems.push_back({"/session_minutes", "session length " + std::to_string(program.session_minutes) +
                                                    " minutes must be 15–480"});
    if (program.max_sessions_per_day < 1 || program.max_sessions_per_day > 12)
        problems.push_back({"/max_sessions_per_day", "at most " + std::to_string(program.max_sessions_per_day) +
                                                         " sessions a day per person: must be 1–12"});
    if (program.target_sessions < 1 || program.target_sessions > 200)
        problems.push_back({"/target_sessions", "target of " + std::to_string(program.target_sessions) +
                                                    " sessions must be 1–200"});
    return problems;
}

std::vector<Problem> validate_document(const Document& doc, const TimeZoneCatalog& time_zones) {
    std::vector<Problem> problems;
    const auto prefix = [&problems](const std::string& base, std::vector<Problem> found) {
        for (auto& problem : found) problems.push_back({base + problem.path, std::move(problem.reason)});
    };

    for (std::size_t i = 0; i < doc.programs.size(); ++i) prefix(at("/programs", i), validate_program(doc.programs[i]));
    for (std::size_t i = 0; i < doc.participants.size(); ++i)
        prefix(at("/participants", i), validate_participant(doc.participants[i], time_zones));

    const auto programs = index_ids(doc.programs, "/programs", problems);
    const auto people = index_ids(doc.participants, "/participants", problems);
    const auto pairs = index_ids(doc.pairs, "/pairs", problems);
    const auto sessions = index_ids(doc.sessions, "/sessions", problems);
    index_ids(doc.feedback, "/feedback", problems);

    // The same e-mail twice is almost always one person imported twice.
    std::unordered_map<std::string, std::size_t> emails;
    for (std::size_t i = 0; i < doc.participants.size(); ++i) {
        const std::string email = fold_ascii(doc.participants[i].email);
        if (email.empty()) continue;
        const auto inserted = emails.emplace(email, i);
        if (!inserted.second)
            problems.push_back({at("/participants", i) + "/email",
                                "e-mail " + quoted(doc.participants[i].email) + " is already used by " +
                                    at("/participants", inserted.first->second)});
    }

    for (std::size_t i = 0; i < doc.participants.size(); ++i) {
        const Participant& p = doc.participants[i];
        if (!p.manager_id.empty() && p.manager_id != p.id && !people.count(p.manager_id))
            problems.push_back({at("/participants", i) + "/manager_id",
                                "manager " + quoted(p.manager_id) + " is not in the roster"});
    }
    // A management cycle (A manages B manages A) would make reporting-line checks loop.
    for (std::size_t i = 0; i < doc.participants.size(); ++i) {
        std::size_t steps = 0;
        std::string current = doc.participants[i].manager_id;
        while (!current.empty() && steps <= doc.participants.size()) {
            const auto found = people.find(current);
            if (found == people.end()) break;
            if (found->second == i) {
                problems.push_back({at("/participants", i) + "/manager_id",
                                    "management chain loops back to " + quoted(doc.participants[i].id)});
                break;
            }
            current = doc.participants[found->second].manager_id;
            ++steps;
        }
    }

    for (std::size_t i = 0; i < doc.pairs.size(); ++i) {
        const Pair& pair = doc.pairs[i];
        const std::string path = at("/pairs", i);
        check_id(pair.id, path, problems);
        if (!programs.count(pair.program_id))
            problems.push_back({path + "/program_id", "program " + quoted(pair.program_id) + " does not exist"});
        const auto mentor = people.find(pair.mentor_id);
        const auto mentee = people.find(pair.mentee_id);
        if (mentor == people.end())
            problems.push_back({path + "/mentor_id", "mentor " + quoted(pair.mentor_id) + " is not in the roster"});
        else if (doc.participants[mentor->second].role != Role::Mentor)
            problems.push_back({path + "/mentor_id", quoted(pair.mentor_id) + " is not a mentor"});
        if (mentee == people.end())
            problems.push_back({path + "/mentee_id", "mentee " + quoted(pair.mentee_id) + " is not in the roster"});
        else if (doc.participants[mentee->second].role != Role::Mentee)
            problems.push_back({path + "/mentee_id", quoted(pair.mentee_id) + " is not a mentee"});
    }

    for (std::size_t i = 0; i < doc.sessions.size(); ++i) {
        const Session& session = doc.sessions[i];
        const std::string path = at("/sessions", i);
        check_id(session.id, path, problems);
        if (!pairs.count(session.pair_id))
            problems.push_back({path + "/pair_id", "pair " + quoted(session.pair_id) + " does not exist"});
        if (session.minutes < 5 || session.minutes > 24 * 60)
            problems.push_back({path + "/minutes", "length " + std::to_string(session.minutes) +
                                                       " minutes must be 5–1440"});
        if (session.sequence < 0) problems.push_back({path + "/sequence", "sequence is negative"});
    }

    for (std::size_t i = 0; i < doc.feedback.size(); ++i) {
        const Feedback& fb = doc.feedback[i];
        const std::string path = at("/feedback", i);
        check_id(fb.id, path, problems);
        const auto pair = pairs.find(fb.pair_id);
        if (pair == pairs.end())
            problems.push_back({path + "/pair_id", "pair " + quoted(fb.pair_id) + " does not exist"});
        if (fb.kind == FeedbackKind::Session) {
            const auto session = sessions.find(fb.session_id);
            if (session == sessions.end())
                problems.push_back({path + "/session_id", "session " + quoted(fb.session_id) + " does not exist"});
            else if (doc.sessions[session->second].pair_id != fb.pair_id)
                problems.push_back({path + "/session_id", "session " + quoted(fb.session_id) +
                                                              " belongs to another pair"});
        }
        if (!people.count(fb.author_id))
            problems.push_back({path + "/author_id", "author " + quoted(fb.author_id) + " is not in the roster"});
        else if (pair != pairs.end()) {
            const Pair& owner = doc.pairs[pair->second];
            if (fb.author_id != owner.mentor_id && fb.author_id != owner.mentee_id)
                problems.push_back({path + "/author_id", quoted(fb.author_id) + " is not in pair " + quoted(fb.pair_id)});
        }
        if (fb.rating < 1 || fb.rating > 5)
            problems.push_back({path + "/rating", "rating " + std::to_string(fb.rating) + " is outside 1–5"});
    }
    return problems;
}

}  // namespace flipside
