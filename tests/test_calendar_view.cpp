// What the Calendar shows, without ImGui: each filter (person or "Only theirs", pair,
// department, Find), the program it is limited to, start order, the day ranges the grids draw
// (at their edges), the "YYYY-MM-DD HH:MM" text of the Move to field, and that CalendarView
// works the sessions out once per revision and filter.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/calendar_view.h"
#include "core/civil_time.h"
#include "platform/interface/time_zones.h"

using namespace flipside;
using app::CalendarFilter;
using app::CalendarView;

namespace {

Participant someone(const std::string& id, Role role, const std::string& name, const std::string& department) {
    Participant p;
    p.id = id;
    p.name = name;
    p.email = id + "@example.com";
    p.role = role;
    p.department = department;
    p.time_zone = "Europe/London";
    return p;
}

Pair pair_of(const std::string& id, const std::string& program, const std::string& mentor, const std::string& mentee) {
    Pair p;
    p.id = id;
    p.program_id = program;
    p.mentor_id = mentor;
    p.mentee_id = mentee;
    return p;
}

// Monday 2 March 2026, 00:00 UTC.
const UtcSeconds kMonday = days_from_civil(Date{2026, 3, 2}) * 86400;

Session session_at(const std::string& id, const std::string& pair_id, UtcSeconds start) {
    Session s;
    s.id = id;
    s.pair_id = pair_id;
    s.start = start;
    return s;
}

// The current wave R1 has three pairs; R0 (earlier) one; a session's pair may be gone.
Document calendar_document() {
    Document d;
    Program earlier, current;
    earlier.id = "R0";
    current.id = "R1";
    d.programs = {earlier, current};
    d.participants = {someone("P1", Role::Mentor, "Aoife Hughes", "Finance"),
                      someone("P2", Role::Mentee, "Rhys Evans", "IT"),
                      someone("P3", Role::Mentor, "Chloé Martin", "IT"),
                      someone("P4", Role::Mentee, "Zoë Åkesson", "Legal"),
                      someone("P5", Role::Mentor, "Tom Hale", "Sales")};
    d.pairs = {pair_of("pair-1", "R1", "P1", "P2"), pair_of("pair-2", "R1", "P3", "P4"),
               pair_of("pair-3", "R1", "P1", "P4"), pair_of("pair-0", "R0", "P5", "P2")};
    // Out of start order on purpose; ses-b and ses-c start together.
    d.sessions = {session_at("ses-d", "pair-3", kMonday + 3 * 86400 + 10 * 3600),
                  session_at("ses-b", "pair-1", kMonday + 86400 + 9 * 3600),
                  session_at("ses-c", "pair-2", kMonday + 86400 + 9 * 3600),
                  session_at("ses-a", "pair-1", kMonday + 9 * 3600),
                  session_at("ses-old", "pair-0", kMonday + 2 * 86400),
                  session_at("ses-orphan", "pair-gone", kMonday + 2 * 86400),
                  session_at("ses-e", "pair-2", kMonday + 7 * 86400 + 14 * 3600)};
    return d;
}

std::vector<std::string> ids(const std::vector<const Session*>& sessions) {
    std::vector<std::string> result;
    for (const Session* s : sessions) result.push_back(s->id);
    return result;
}

std::vector<std::string> shown(const Document& d, CalendarFilter filter) {
    if (filter.program_id.empty()) filter.program_id = "R1";
    return ids(app::filter_sessions(d, filter));
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("calendar: without filters, the program's sessions in start order (equal starts in document order)") {
    const Document d = calendar_document();
    CHECK(shown(d, {}) == Ids{"ses-a", "ses-b", "ses-c", "ses-d", "ses-e"});
    // Another program shows its own; a session whose pair is gone shows nowhere.
    CalendarFilter earlier;
    earlier.program_id = "R0";
    CHECK(shown(d, earlier) == Ids{"ses-old"});
    CalendarFilter none;
    none.program_id = "R9";
    CHECK(shown(d, none).empty());
}

TEST_CASE("calendar: the person filter (and Only theirs) shows the pairs they are in, on either side") {
    const Document d = calendar_document();
    CalendarFilter mentor;
    mentor.person_id = "P1";
    CHECK(shown(d, mentor) == Ids{"ses-a", "ses-b", "ses-d"});
    CalendarFilter mentee;  // "Only theirs" on the mentee of pair-3
    mentee.person_id = "P4";
    CHECK(shown(d, mentee) == Ids{"ses-c", "ses-d", "ses-e"});
    CalendarFilter earlier_only;  // P5 has no pair in R1
    earlier_only.person_id = "P5";
    CHECK(shown(d, earlier_only).empty());
}

TEST_CASE("calendar: the pair filter shows that pair's sessions") {
    const Document d = calendar_document();
    CalendarFilter pair;
    pair.pair_id = "pair-2";
    CHECK(shown(d, pair) == Ids{"ses-c", "ses-e"});
    pair.pair_id = "pair-0";  // R0's pair is not in this program
    CHECK(shown(d, pair).empty());
}

TEST_CASE("calendar: the department filter shows pairs with someone of that department") {
    const Document d = calendar_document();
    CalendarFilter department;
    department.department = "IT";  // pair-1's mentee, pair-2's mentor
    CHECK(shown(d, department) == Ids{"ses-a", "ses-b", "ses-c", "ses-e"});
    department.department = "Legal";
    CHECK(shown(d, department) == Ids{"ses-c", "ses-d", "ses-e"});
    department.department = "it";  // departments are matched exactly
    CHECK(shown(d, department).empty());
}

TEST_CASE("calendar: filters combine") {
    const Document d = calendar_document();
    CalendarFilter filter;
    filter.person_id = "P1";
    filter.department = "Legal";
    CHECK(shown(d, filter) == Ids{"ses-d"});
    filter.find = "evans";
    CHECK(shown(d, filter).empty());
    filter = {};
    filter.pair_id = "pair-1";
    filter.find = "ses-b";
    CHECK(shown(d, filter) == Ids{"ses-b"});
}

TEST_CASE("calendar: Find matches either person's name, ignoring ASCII case, and ids") {
    const Document d = calendar_document();
    const auto find = [&](const std::string& text) {
        CalendarFilter filter;
        filter.find = text;
        return shown(d, filter);
    };
    CHECK(find("hughes") == Ids{"ses-a", "ses-b", "ses-d"});  // the mentor of pair-1 and pair-3
    CHECK(find("EVANS") == Ids{"ses-a", "ses-b"});            // the mentee of pair-1
    CHECK(find("rHyS eV") == Ids{"ses-a", "ses-b"});
    CHECK(find("zoë") == Ids{"ses-c", "ses-d", "ses-e"});     // letters outside ASCII as typed
    CHECK(find("martin") == Ids{"ses-c", "ses-e"});
    CHECK(find("pair-2") == Ids{"ses-c", "ses-e"});           // a pair id
    CHECK(find("SES-D") == Ids{"ses-d"});                     // a session id
    CHECK(find("p2") == Ids{"ses-a", "ses-b"});               // a person's id
    CHECK(find("tom hale").empty());                          // only in the earlier program
    CHECK(find("nobody").empty());
    CHECK(find("") == Ids{"ses-a", "ses-b", "ses-c", "ses-d", "ses-e"});
}

TEST_CASE("calendar: starting_within takes the sessions that start on the days asked, edges included") {
    Document d;
    Program program;
    program.id = "R1";
    d.programs = {program};
    d.pairs = {pair_of("pair-1", "R1", "P1", "P2")};
    const std::int64_t day = kMonday / 86400;
    d.sessions = {session_at("before", "pair-1", kMonday - 30 * 60),  // 23:30 the day before, ends on `day`
                  session_at("midnight", "pair-1", kMonday),
                  session_at("last-minute", "pair-1", kMonday + 2 * 86400 - 60),
                  session_at("next-midnight", "pair-1", kMonday + 2 * 86400)};
    CalendarFilter filter;
    filter.program_id = "R1";
    const std::vector<const Session*> all = app::filter_sessions(d, filter);
    REQUIRE(all.size() == 4);
    CHECK(ids(app::starting_within(all, day, day + 2)) == Ids{"midnight", "last-minute"});
    CHECK(ids(app::starting_within(all, day - 1, day)) == Ids{"before"});
    CHECK(ids(app::starting_within(all, day + 2, day + 3)) == Ids{"next-midnight"});
    CHECK(ids(app::starting_within(all, day - 1, day + 3)).size() == 4);
    CHECK(app::starting_within(all, day, day).empty());
    CHECK(app::starting_within(all, day + 5, day + 9).empty());
    CHECK(app::starting_within({}, day, day + 1).empty());

    // Before 1970 too: 31 December 1969 is day -1.
    d.sessions = {session_at("nye", "pair-1", -3600), session_at("epoch", "pair-1", 0)};
    const std::vector<const Session*> old = app::filter_sessions(d, filter);
    CHECK(ids(app::starting_within(old, -1, 0)) == Ids{"nye"});
    CHECK(ids(app::starting_within(old, 0, 1)) == Ids{"epoch"});
}

TEST_CASE("calendar: Move to text is YYYY-MM-DD HH:MM in the zone, and other shapes are refused") {
    ZoneRules london(platform::system_time_zones(), "Europe/London");
    ZoneRules utc(platform::system_time_zones(), "UTC");
    const UtcSeconds summer = days_from_civil(Date{2026, 7, 1}) * 86400 + 13 * 3600;  // 13:00 UTC
    CHECK(app::format_local_minute(utc, summer) == "2026-07-01 13:00");
    CHECK(app::format_local_minute(london, summer) == "2026-07-01 14:00");
    CHECK(app::parse_local_minute(london, "2026-07-01 14:00") == summer);
    CHECK(app::parse_local_minute(utc, "2026-07-01 13:00") == summer);
    for (const char* bad : {"", "2026-07-01", "2026-07-01T13:00", "2026-7-1 13:00", "2026-02-30 10:00",
                            "2026-07-01 24:00", "2026-07-01 13:0", "2026-07-01 13:00 "})
        CHECK_MESSAGE(!app::parse_local_minute(utc, bad), bad);
}

TEST_CASE("calendar view: worked out once per revision and filter; pairs by id from the same table") {
    Document d = calendar_document();
    CalendarView view;
    CalendarFilter filter;
    filter.program_id = "R1";
    CHECK(ids(view.sessions(d, 1, filter)) == Ids{"ses-a", "ses-b", "ses-c", "ses-d", "ses-e"});
    CHECK(view.computations() == 1);
    view.sessions(d, 1, filter);
    view.sessions(d, 1, filter);
    CHECK(view.computations() == 1);  // every frame asks; nothing changed

    filter.person_id = "P4";  // a filter changed
    CHECK(ids(view.sessions(d, 1, filter)) == Ids{"ses-c", "ses-d", "ses-e"});
    CHECK(view.computations() == 2);

    REQUIRE(view.pair("pair-3") != nullptr);
    CHECK(view.pair("pair-3")->mentee_id == "P4");
    CHECK(view.pair("pair-0") != nullptr);  // every pair of the document, not only those shown
    CHECK(view.pair("pair-gone") == nullptr);

    // A change to the document comes with a new revision: sessions and pairs follow it.
    d.pairs.push_back(pair_of("pair-4", "R1", "P3", "P2"));
    d.sessions.push_back(session_at("ses-f", "pair-4", kMonday));
    filter.person_id.clear();
    filter.find = "martin";
    CHECK(ids(view.sessions(d, 2, filter)) == Ids{"ses-f", "ses-c", "ses-e"});
    CHECK(view.computations() == 3);
    REQUIRE(view.pair("pair-4") != nullptr);
    CHECK(view.pair("pair-4")->mentor_id == "P3");

    // Another document at the same revision is not mistaken for this one.
    const Document other = calendar_document();
    CHECK(ids(view.sessions(other, 2, filter)) == Ids{"ses-c", "ses-e"});
    CHECK(view.computations() == 4);
    CHECK(view.pair("pair-4") == nullptr);
}

TEST_CASE("calendar: the Person filter offers people by name, narrowed by what is typed") {
    Document d = calendar_document();
    d.participants.push_back(someone("P0", Role::Mentee, "aoife Hughes", "IT"));  // the same name in other case
    const auto names = [&](const std::string& typed) {
        std::vector<std::string> out;
        for (const Participant* p : app::person_filter_choices(d, typed)) out.push_back(p->id);
        return out;
    };
    CHECK(names("") == Ids{"P0", "P1", "P3", "P2", "P5", "P4"});  // Aoife ×2 (by id), Chloé, Rhys, Tom, Zoë
    CHECK(names("HUGHES") == Ids{"P0", "P1"});
    CHECK(names("p5") == Ids{"P5"});  // ids too
    CHECK(names("nobody").empty());
}
