#include <doctest/doctest.h>

#include <algorithm>

#include "app/edit.h"
#include "app/roster_import_edit.h"
#include "core/validation.h"
#include "io/csv_reader.h"
#include "io/roster_export.h"
#include "io/roster_import.h"
#include "io/roster_mapping.h"
#include "platform/interface/time_zones.h"
#include "test_support.h"

using namespace flipside;
using namespace flipside::io;

namespace {

const TimeZoneCatalog& zones() { return platform::system_time_zones(); }

RosterImportReport plan(const Document& document, const std::string& csv, const RosterImportOptions& options = {},
                        const std::vector<MappingOverride>& overrides = {}) {
    const Result<CsvTable> read = read_csv(csv);
    INFO("csv error: " << read.message());
    REQUIRE(read.ok());
    const Result<std::vector<RosterField>> mapping =
        apply_mapping_overrides(guess_roster_mapping(read->header), read->header, overrides);
    REQUIRE(mapping.ok());
    Result<RosterImportReport> report = plan_roster_import(document, *read, *mapping, options, zones());
    INFO("refused: " << report.message());
    REQUIRE(report.ok());
    return std::move(*report);
}

// Every refusal as "row N|column|reason" for compact checks.
std::vector<std::string> refusals(const RosterImportReport& report) {
    std::vector<std::string> out;
    for (const RowIssue& issue : report.refusals())
        out.push_back(std::to_string(issue.row) + "|" + issue.column + "|" + issue.reason);
    return out;
}

bool has_line(const std::vector<std::string>& lines, const std::string& text) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

// A roster of one: Maria Costa with Friday 10:00-12:00 painted in Flipside.
Document roster_with_painted_hours() {
    Document roster;
    Participant maria;
    maria.id = "P0001";
    maria.name = "Maria Costa";
    maria.email = "maria@example.com";
    maria.availability = {{4, 10 * 60, 12 * 60}};
    roster.participants.push_back(maria);
    return roster;
}

Document committed(const Document& before, const RosterImportReport& report) {
    Document after = before;
    app::apply_edit(after, app::roster_import_edit(before, report, "roster.csv"));
    return after;
}

}  // namespace

TEST_CASE("a Workday export becomes people with ids, managers, skills and zones") {
    const RosterImportReport report = plan(Document{}, testing::read_fixture("csv/workday_export.csv"));
    CHECK(report.to_add == 3);
    CHECK(report.refused == 0);
    const Document after = committed(Document{}, report);
    REQUIRE(after.participants.size() == 3);
    const Participant& zoe = after.participants[0];
    CHECK(zoe.id == "E1001");  // the employee id becomes the participant id
    CHECK(zoe.name == "Zoë Åkesson");
    CHECK(zoe.department == "Data & Analytics");
    CHECK(zoe.hire_date == Date{2024, 9, 1});  // 01.09.2024 is always day first
    CHECK(zoe.manager_id == "E1002");          // resolved by e-mail to a later row
    CHECK(zoe.time_zone == "Europe/Berlin");   // taken from "GMT+01:00 ... (Europe/Berlin)"
    CHECK(zoe.level == 3);                     // "L3"
    CHECK(zoe.role == Role::Mentor);
    CHECK(zoe.skills == std::vector<Skill>{{"Excel", 3}, {"Python", 3}, {"Power BI", 3}});
    CHECK(after.participants[1].role == Role::Mentee);
    CHECK(after.participants[2].skills == std::vector<Skill>{{"Generative AI", 5}, {"Kotlin", 3}});
    CHECK(validate_document(after, zones()).empty());
    CHECK(has_line(report.warnings, "columns not imported: \"Cost Center\""));
}

TEST_CASE("every kind of bad row is refused with its row, column and reason; the good rows stay") {
    const RosterImportReport report = plan(Document{}, testing::read_fixture("csv/bad_rows.csv"));
    CHECK(report.to_add == 2);
    CHECK(report.refused == 10);
    const std::vector<std::string> expected = {
        "3|Name|name is empty",
        "4|Email|e-mail is empty",
        "5|Email|\"not-an-email\" is not an e-mail address",
        "6|Level|level \"Senior\" must be a whole number 1–12",
        "7|Hire date|\"31/02/2024\" is not a valid day/month/year date",
        "8|Role|role \"intern\" is neither mentor nor mentee",
        "9|Time zone|unknown time zone \"Mars/Olympus\" (use an IANA name such as Europe/Paris)",
        "10|Email|the same e-mail is already on row 2",
        "11|(column 9)|this row has 9 cells but the header has 8 columns (a value holding the delimiter without quotes?)",
        "13|Capacity|capacity \"99\" must be a whole number 0–20",
    };
    CHECK(refusals(report) == expected);
    const Document after = committed(Document{}, report);
    REQUIRE(after.participants.size() == 2);
    CHECK(after.participants[0].manager_id == after.participants[1].id);  // "Boss" is row 12
    CHECK(validate_document(after, zones()).empty());
    const auto lines = format_import_report(report);
    CHECK(lines[0] == "12 rows: 2 to add, 0 to update, 0 unchanged, 10 refused");
    CHECK(has_line(lines, "refused: row 7, column \"Hire date\": \"31/02/2024\" is not a valid day/month/year date"));
}

TEST_CASE("rows matching an e-mail update that person; the rest are added with fresh ids") {
    Document document = testing::small_document();
    const std::string csv =
        "Email,Department,Skills,Name,Level\n"
        "P1@EXAMPLE.COM,Data Office,\"Generative AI; SQL (4)\",,\n"  // P1, matched case-insensitively
        "p3@example.com,,,,\n"                                      // nothing to change
        "new.person@example.com,Sales,,New Person,5\n";
    const RosterImportReport report = plan(document, csv);
    CHECK(report.to_update == 1);
    CHECK(report.unchanged == 1);
    CHECK(report.to_add == 1);
    CHECK(report.rows[0].outcome == RowOutcome::Update);
    CHECK(report.rows[0].changed_fields == std::vector<std::string>{"department", "skills"});
    const Document after = committed(document, report);
    REQUIRE(after.participants.size() == 5);
    const Participant& p1 = after.participants[0];
    CHECK(p1.id == "P1");
    CHECK(p1.email == "P1@example.com");  // the stored address keeps its spelling
    CHECK(p1.name == "Zoë Åkesson");      // empty Name cell: left as it was
    CHECK(p1.department == "Data Office");
    // "Generative AI" without a level keeps the 5 Zoë had; SQL is new with 4.
    CHECK(p1.skills == std::vector<Skill>{{"Generative AI", 5}, {"SQL", 4}});
    CHECK(p1.hire_date == Date{2024, 9, 1});  // not mapped: untouched
    const Participant& added = after.participants[4];
    CHECK(added.id == "P0005");
    CHECK(added.name == "New Person");
    CHECK(added.time_zone == "UTC");
    CHECK(validate_document(after, zones()).empty());
}

TEST_CASE("one undo reverts the whole import, record order included") {
    const Document before = testing::small_document();
    const std::string csv = "Name,Email,Department\nA One,a1@example.com,X\nZoë,p1@example.com,Changed\nB Two,b2@example.com,Y\n";
    const RosterImportReport report = plan(before, csv);
    const app::Edit edit = app::roster_import_edit(before, report, "roster.csv");
    CHECK(edit.label == "import roster.csv (2 added, 1 updated)");
    Document document = before;
    app::apply_edit(document, edit);
    CHECK(document.participants.size() == 6);
    CHECK(document.participants[0].department == "Changed");
    app::apply_edit(document, edit.inverse());
    CHECK(document == before);
    app::apply_edit(document, edit);  // redo
    CHECK(document.participants.size() == 6);
    CHECK(document.participants[5].email == "b2@example.com");
}

TEST_CASE("dates: ISO, day/month and month/day, and the ambiguity flagged") {
    SUBCASE("only values of 12 or less: ambiguous, read day first, flagged") {
        const RosterImportReport report = plan(Document{}, testing::read_fixture("csv/ambiguous_dates.csv"));
        CHECK(report.date_order_ambiguous);
        CHECK(report.date_order == DateOrder::DayMonthYear);
        CHECK(has_line(report.warnings, "dates such as \"03/04/2024\" (row 2) fit both day/month and month/day"));
        const Document after = committed(Document{}, report);
        CHECK(after.participants[0].hire_date == Date{2024, 4, 3});
        CHECK(after.participants[2].hire_date == Date{2022, 7, 1});
    }
    SUBCASE("the caller chooses month/day: no longer ambiguous") {
        RosterImportOptions options;
        options.date_order = DateOrder::MonthDayYear;
        const RosterImportReport report = plan(Document{}, testing::read_fixture("csv/ambiguous_dates.csv"), options);
        CHECK_FALSE(report.date_order_ambiguous);
        CHECK(committed(Document{}, report).participants[0].hire_date == Date{2024, 3, 4});
    }
    SUBCASE("12/25/2023 proves month/day for the whole file") {
        const RosterImportReport report = plan(Document{}, testing::read_fixture("csv/us_dates.csv"));
        CHECK_FALSE(report.date_order_ambiguous);
        CHECK(report.date_order == DateOrder::MonthDayYear);
        const Document after = committed(Document{}, report);
        CHECK(after.participants[0].hire_date == Date{2024, 3, 4});
        CHECK(after.participants[1].hire_date == Date{2023, 12, 25});
    }
    SUBCASE("the formats one cell may take") {
        const auto dmy = DateOrder::DayMonthYear;
        CHECK(parse_roster_date("2024-03-01", dmy).value() == Date{2024, 3, 1});
        CHECK(parse_roster_date("2024-03-01T09:30:00Z", dmy).value() == Date{2024, 3, 1});
        CHECK(parse_roster_date("2024/3/1", dmy).value() == Date{2024, 3, 1});
        CHECK(parse_roster_date("1.3.2024", DateOrder::MonthDayYear).value() == Date{2024, 3, 1});
        CHECK(parse_roster_date("01/03/2024 00:00", dmy).value() == Date{2024, 3, 1});
        CHECK(parse_roster_date("1 Mar 2024", dmy).value() == Date{2024, 3, 1});
        CHECK(parse_roster_date("01-Mar-2024", dmy).value() == Date{2024, 3, 1});
        CHECK(parse_roster_date("March 1, 2024", dmy).value() == Date{2024, 3, 1});
        CHECK(parse_roster_date("01/03/24", dmy).message() == "\"01/03/24\": a two-digit year is ambiguous; use four digits");
        CHECK(parse_roster_date("45352", dmy).message().find("spreadsheet date number") != std::string::npos);
        CHECK(parse_roster_date("2024-02-30", dmy).message() == "\"2024-02-30\" is not a valid year-month-day date");
        CHECK(parse_roster_date("soon", dmy).message() == "\"soon\" is not a date (write it as 2024-03-01)");
        CHECK(parse_roster_date("1/1/1850", dmy).message() == "\"1/1/1850\": the year must be 1900–2999");
    }
}

TEST_CASE("first and last names are combined; Name wins when both are there") {
    const RosterImportReport report =
        plan(Document{}, "Name,First name,Last name,Email\n,Ana,Lima,ana@example.com\nDr. Bo Chen,Bo,Chen,bo@example.com\n");
    const Document after = committed(Document{}, report);
    CHECK(after.participants[0].name == "Ana Lima");
    CHECK(after.participants[1].name == "Dr. Bo Chen");
}

TEST_CASE("lists split at ',' ';' and line breaks, but not inside parentheses (core/text.h)") {
    const RosterImportReport report = plan(
        Document{},
        "Name,Email,Learning goals,Interests,Languages\n"
        "Ana,ana@example.com,\"Power BI (DAX, M); TikTok\",\"Hiking, Chess, chess\",\"English\nDeutsch\"\n"
        "Bo,bo@example.com,\"Python; Power BI, Excel\",\"Chess;\",\"English, Deutsch\nFrançais\"\n");
    const Document after = committed(Document{}, report);
    const Participant& p = after.participants[0];
    CHECK(p.learning_goals == std::vector<std::string>{"Power BI (DAX, M)", "TikTok"});
    CHECK(p.interests == std::vector<std::string>{"Hiking", "Chess"});  // repeats dropped
    CHECK(p.languages == std::vector<std::string>{"English", "Deutsch"});
    // Separators may be mixed, as a coordinator types them (a ';' once made ',' part of items).
    const Participant& bo = after.participants[1];
    CHECK(bo.learning_goals == std::vector<std::string>{"Python", "Power BI", "Excel"});
    CHECK(bo.interests == std::vector<std::string>{"Chess"});
    CHECK(bo.languages == std::vector<std::string>{"English", "Deutsch", "Français"});
}

TEST_CASE("managers: by e-mail or id, missing ones noted, loops cut") {
    Document document = testing::small_document();  // P1 reports to P4
    const std::string csv =
        "Employee ID,Name,Email,Manager Email,Manager ID\n"
        "E1,Ana,ana@example.com,p4@example.com,\n"   // existing manager by e-mail
        "E2,Bo,bo@example.com,,E1\n"                 // a new manager by the file's employee id
        "E3,Cy,cy@example.com,ghost@example.com,\n"  // not found: noted, none set
        "E4,Di,di@example.com,di@example.com,\n"     // oneself
        ",Zoë,p1@example.com,,E5\n"                  // P1 -> E5 -> P1 would loop
        "E5,Ed,ed@example.com,p1@example.com,\n";
    const RosterImportReport report = plan(document, csv);
    CHECK(report.refused == 0);
    const Document after = committed(document, report);
    const auto find = [&](const std::string& id) {
        return *std::find_if(after.participants.begin(), after.participants.end(), [&](const Participant& p) { return p.id == id; });
    };
    CHECK(find("E1").manager_id == "P4");
    CHECK(find("E2").manager_id == "E1");
    CHECK(find("E3").manager_id.empty());
    CHECK(find("E4").manager_id.empty());
    CHECK(validate_document(after, zones()).empty());
    // One of the two links that close the loop was cut, with a note saying so.
    CHECK((find("P1").manager_id.empty() || find("E5").manager_id.empty()));
    const auto lines = format_import_report(report);
    CHECK(has_line(lines, "note: row 4, column \"Manager Email\": manager \"ghost@example.com\" is not in the roster or in this file; no manager set"));
    CHECK(has_line(lines, "a person cannot be their own manager"));
    CHECK(has_line(lines, "would close a management loop"));
}

TEST_CASE("employee ids: taken by someone else, repeated, or not usable as an id") {
    const Document document = testing::small_document();
    const RosterImportReport report = plan(document,
                                           "Employee ID,Name,Email\n"
                                           "P2,Other,other@example.com\n"   // P2 is Łukasz, another e-mail
                                           "X1,Ann,ann@example.com\n"
                                           "X1,Ben,ben@example.com\n"
                                           "has space,Cat,cat@example.com\n");
    const auto found = refusals(report);
    REQUIRE(found.size() == 2);
    CHECK(found[0].find("2|Employee ID|Employee ID \"P2\" is already the id of Łukasz Wróbel <P2@example.com>") == 0);
    CHECK(found[1] == "4|Employee ID|Employee ID \"X1\" is also on row 3");
    const Document after = committed(document, report);
    CHECK(after.participants[4].id == "X1");
    CHECK(after.participants[5].id == "P0005");  // fresh, noted
    CHECK(has_line(format_import_report(report), "\"has space\" cannot be an id"));
}

TEST_CASE("role, level, capacity, active and the defaults") {
    RosterImportOptions options;
    options.default_role = Role::Mentee;
    options.default_time_zone = "Europe/Paris";
    const RosterImportReport report = plan(Document{},
                                           "Name,Email,Role,Grade,Capacity,Active\n"
                                           "Ana,ana@example.com,Reverse Mentor,G7,3,yes\n"
                                           "Bo,bo@example.com,,Level 12,0,inactive\n"
                                           "Cy,cy@example.com,Mentée,13,,\n",
                                           options);
    CHECK(refusals(report) == std::vector<std::string>{"4|Grade|level \"13\" must be a whole number 1–12"});
    const Document after = committed(Document{}, report);
    CHECK(after.participants[0].role == Role::Mentor);
    CHECK(after.participants[0].level == 7);
    CHECK(after.participants[0].capacity == 3);
    CHECK(after.participants[1].role == Role::Mentee);  // the default
    CHECK_FALSE(after.participants[1].active);
    CHECK(after.participants[1].time_zone == "Europe/Paris");
    // A default role was chosen and every column is mapped: only what matching lacks is said.
    CHECK_FALSE(has_line(report.warnings, "no role"));
    CHECK_FALSE(has_line(report.warnings, "columns not imported"));
    CHECK(has_line(report.warnings, "1 person has no availability yet"));  // Bo is inactive
}

TEST_CASE("without a role column, new people are mentors and the report says so") {
    const RosterImportReport report = plan(Document{}, "Name,Email\nAna,ana@example.com\n");
    CHECK(has_line(report.warnings, "1 new person has no role in the file and will be added as mentors"));
}

TEST_CASE("cells are cleaned: spaces, spreadsheet apostrophes, control characters") {
    const RosterImportReport report = plan(Document{},
                                           "Name,Email,Department\n"
                                           "  Ana Lima\xC2\xA0 , ana@example.com ,'-Ops\n"
                                           "Bo\x01,bo@example.com,IT\n");
    CHECK(refusals(report) == std::vector<std::string>{"3|Name|contains the control character U+0001"});
    const Document after = committed(Document{}, report);
    const Participant& ana = after.participants[0];
    CHECK(ana.name == "Ana Lima");
    CHECK(ana.email == "ana@example.com");
    CHECK(ana.department == "-Ops");
}

TEST_CASE("a mapping without e-mail is refused as a whole") {
    const Result<CsvTable> read = read_csv("Name,Dept\nAna,IT\n");
    const Result<RosterImportReport> report =
        plan_roster_import(Document{}, *read, guess_roster_mapping(read->header), {}, zones());
    CHECK_FALSE(report.ok());
    CHECK(report.message().find("no column is mapped to e-mail") == 0);
}

TEST_CASE("an exported roster imports again unchanged") {
    const Document document = testing::small_document();
    const std::string csv = write_roster_csv(document);
    const RosterImportReport report = plan(document, csv);
    CHECK(report.refused == 0);
    CHECK(report.to_add == 0);
    CHECK(report.to_update == 0);
    CHECK(report.unchanged == document.participants.size());
    // Into an empty roster, the same people come back with the same ids and managers.
    const Document fresh = committed(Document{}, plan(Document{}, csv));
    REQUIRE(fresh.participants.size() == document.participants.size());
    for (std::size_t i = 0; i < fresh.participants.size(); ++i) {
        Participant expected = document.participants[i];
        expected.availability.clear();  // not in the CSV
        CHECK(fresh.participants[i] == expected);
    }
}

TEST_CASE("random CSV text never crashes the import and only valid people come out") {
    std::uint32_t state = 7;
    const auto next = [&] { return state = state * 1664525u + 1013904223u; };
    const char* pieces[] = {",", ";", "\n", "\"", "a@b.co", "x@y.org", "Ana", "12/13/2024", "mentor", "L99", "'=1",
                            "Europe/Paris", "(Europe/Paris)", "\xE9", "\xC2\xA0", "p1@example.com", "E1", "Manager Email",
                            "Email", "Name", "-", " "};
    for (int round = 0; round < 200; ++round) {
        std::string text = "Name,Email,Manager Email,Employee ID,Hire date,Role,Level,Time zone\n";
        const int length = static_cast<int>(next() % 300);
        for (int i = 0; i < length; ++i) text += pieces[next() % (sizeof pieces / sizeof *pieces)];
        const Result<CsvTable> read = read_csv(text);
        if (!read.ok()) continue;
        const Document before = testing::small_document();
        const Result<RosterImportReport> report =
            plan_roster_import(before, *read, guess_roster_mapping(read->header), {}, zones());
        if (!report.ok()) continue;  // no e-mail or name column in this header
        const Document after = committed(before, *report);
        const auto problems = validate_document(after, zones());
        INFO("csv: " << text);
        CHECK(problems.empty());
    }
}

TEST_CASE("availability from one column for the week, or a column per weekday, in each person's own zone") {
    const std::string csv =
        "Name,Email,Role,Time zone,Availability\n"
        "Maria Costa,maria@example.com,mentor,Europe/Lisbon,Mon 09:00-11:00; Wed 14:00-16:30\n"
        "Jon Lee,jon@example.com,mentee,America/New_York,Tue/Thu 9-12\n"
        "Ana Ruiz,ana@example.com,mentee,Europe/Madrid,Mon-Fri 9am-5pm\n";
    const RosterImportReport report = plan(Document{}, csv);
    REQUIRE(report.to_add == 3);
    const Participant& maria = report.rows[0].participant;
    CHECK(maria.time_zone == "Europe/Lisbon");
    CHECK(maria.availability == std::vector<WeeklyWindow>{{0, 9 * 60, 11 * 60}, {2, 14 * 60, 16 * 60 + 30}});
    CHECK(report.rows[1].participant.availability ==
          std::vector<WeeklyWindow>{{1, 9 * 60, 12 * 60}, {3, 9 * 60, 12 * 60}});
    CHECK(report.rows[2].participant.availability.size() == 5);
    CHECK(report.rows[2].participant.availability[4] == WeeklyWindow{4, 9 * 60, 17 * 60});
    CHECK_FALSE(has_line(report.warnings, "no availability"));

    const RosterImportReport per_day = plan(Document{},
                                            "Name,Email,Monday,Tuesday availability,Mittwoch\n"
                                            "Jon Lee,jon@example.com,\"09:00-11:00, 14:00-16:00\",,8-9\n");
    CHECK(per_day.rows[0].participant.availability ==
          std::vector<WeeklyWindow>{{0, 9 * 60, 11 * 60}, {0, 14 * 60, 16 * 60}, {2, 8 * 60, 9 * 60}});
}

TEST_CASE("an unreadable availability cell is named in the report and the person is imported without it") {
    const Document roster = roster_with_painted_hours();
    const Participant& painted = roster.participants[0];
    const RosterImportReport report = plan(roster,
                                           "Name,Email,Department,Availability\n"
                                           "Maria Costa,maria@example.com,Finance,Mun 9-12\n"
                                           "Jon Lee,jon@example.com,IT,Mon 9-5\n");
    CHECK(report.refused == 0);
    CHECK(report.to_update == 1);
    CHECK(report.to_add == 1);
    // The painted hours stay; the new person gets none.
    CHECK(report.rows[0].participant.availability == painted.availability);
    CHECK(report.rows[1].participant.availability.empty());
    REQUIRE(report.rows[0].notes.size() == 1);
    CHECK(format_row_issue(report.rows[0].notes[0]) ==
          "row 2, column \"Availability\": availability \"Mun 9-12\" cannot be read: \"mun\" is not a weekday or a "
          "time; availability left unchanged");
    REQUIRE(report.rows[1].notes.size() == 1);
    CHECK(report.rows[1].notes[0].reason.find("ends at or before it starts") != std::string::npos);
    CHECK(report.rows[1].notes[0].reason.find("no availability set") != std::string::npos);
    CHECK(has_line(format_import_report(report), "note: row 3, column \"Availability\": availability \"Mon 9-5\""));
}

TEST_CASE("availability from the file replaces what a person had, and counts as a change") {
    const Document roster = roster_with_painted_hours();
    const RosterImportReport report = plan(roster, "Name,Email,Availability\nMaria Costa,maria@example.com,Tue 8-9\n");
    REQUIRE(report.to_update == 1);
    CHECK(report.rows[0].changed_fields == std::vector<std::string>{"availability"});
    CHECK(committed(roster, report).participants[0].availability == std::vector<WeeklyWindow>{{1, 8 * 60, 9 * 60}});
    // An empty cell never wipes it.
    const RosterImportReport empty = plan(roster, "Name,Email,Availability\nMaria Costa,maria@example.com,\n");
    CHECK(empty.unchanged == 1);
}

TEST_CASE("the report says what matching will lack: availability, languages when required, skills, goals") {
    const std::string csv =
        "Name,Email,Role,Skills,Learning goals\n"
        "A One,a@example.com,mentor,Python,\n"
        "B Two,b@example.com,mentor,,\n"
        "C Three,c@example.com,mentee,,Excel\n";
    Document document;
    document.programs.push_back(Program{});
    document.programs.back().matching.rules.require_common_language = true;
    const RosterImportReport report = plan(document, csv);
    const std::vector<std::string> lines = format_import_report(report);
    CHECK(has_line(lines, "warning: 3 people have no availability yet: matching and the schedule need it"));
    CHECK(has_line(lines, "warning: 3 people have no languages yet, and the program requires a common language"));
    CHECK(has_line(lines, "warning: 1 mentor has no skills yet"));
    CHECK_FALSE(has_line(lines, "learning goals yet"));

    document.programs.back().matching.rules.require_common_language = false;
    CHECK_FALSE(has_line(format_import_report(plan(document, csv)), "no languages yet"));
    // Inactive people are not asked for anything.
    const RosterImportReport inactive = plan(Document{}, "Name,Email,Active\nA One,a@example.com,no\n");
    CHECK_FALSE(has_line(inactive.warnings, "no availability yet"));
}
