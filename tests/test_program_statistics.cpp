#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/program_statistics.h"
#include "io/csv_reader.h"
#include "io/report_json.h"
#include "io/roster_export.h"
#include "test_support.h"

using namespace flipside;

namespace {

UtcSeconds at(int year, int month, int day, int hour = 9) {
    return days_from_civil(Date{year, month, day}) * 86400 + hour * 3600;
}

// Program R2 (the current one) from Monday 2026-01-05, fortnightly; R1 is an earlier wave.
// pair-a: 4 held, rated 5 and 4.     pair-b: nothing held (at risk), 1 planned later.
// pair-c: 2 held, rated 1 and 2.     pair-d: completed, 1 held, close-out 4.
// pair-old: in R1, never counted.    Finance has one person waiting.
Document program_document() {
    Document d;
    Program old;
    old.id = "R1";
    old.name = "Wave 1";
    old.start_date = {2025, 1, 6};
    old.end_date = {2025, 6, 27};
    Program current;
    current.id = "R2";
    current.name = "Wave 2";
    current.start_date = {2026, 1, 5};
    current.end_date = {2026, 3, 29};
    current.cadence = Cadence{CadenceKind::Weekly, 2, 1};
    current.target_sessions = 6;
    d.programs = {old, current};
    const auto person = [](const std::string& id, Role role, const std::string& department) {
        Participant p = testing::person(id, role, "Name " + id);
        p.department = department;
        return p;
    };
    d.participants = {person("m1", Role::Mentor, "IT"),      person("m2", Role::Mentor, "IT"),
                      person("m3", Role::Mentor, "Finance"), person("m4", Role::Mentor, "Finance"),
                      person("e1", Role::Mentee, "Finance"), person("e2", Role::Mentee, "IT"),
                      person("e3", Role::Mentee, "Sales"),   person("e4", Role::Mentee, "Sales"),
                      person("x1", Role::Mentee, "Sales")};
    d.participants.back().active = false;  // neither matched nor waiting
    const auto pair = [](const std::string& id, const std::string& program, const std::string& mentor,
                         const std::string& mentee, PairState state) {
        Pair p;
        p.id = id;
        p.program_id = program;
        p.mentor_id = mentor;
        p.mentee_id = mentee;
        p.state = state;
        return p;
    };
    d.pairs = {pair("pair-a", "R2", "m1", "e1", PairState::Active), pair("pair-b", "R2", "m2", "e2", PairState::Active),
               pair("pair-c", "R2", "m3", "e3", PairState::Active), pair("pair-d", "R2", "m1", "e4", PairState::Completed),
               pair("pair-old", "R1", "m4", "e1", PairState::Completed)};
    int n = 0;
    const auto session = [&](const std::string& pair_id, UtcSeconds start, SessionStatus status) {
        Session s;
        s.id = "s" + std::to_string(++n);
        s.pair_id = pair_id;
        s.start = start;
        s.status = status;
        d.sessions.push_back(s);
        return s.id;
    };
    const std::string a1 = session("pair-a", at(2026, 1, 6), SessionStatus::Held);
    session("pair-a", at(2026, 1, 20), SessionStatus::Held);
    session("pair-a", at(2026, 2, 3), SessionStatus::Held);
    const std::string a4 = session("pair-a", at(2026, 2, 17), SessionStatus::Held);
    session("pair-a", at(2026, 3, 3), SessionStatus::Planned);  // after "now": upcoming
    session("pair-b", at(2026, 1, 7), SessionStatus::Cancelled);
    session("pair-b", at(2026, 1, 21), SessionStatus::NoShow);
    session("pair-b", at(2026, 2, 4), SessionStatus::Planned);  // before "now": overdue
    session("pair-b", at(2026, 3, 4), SessionStatus::Moved);    // upcoming
    const std::string c1 = session("pair-c", at(2026, 1, 8), SessionStatus::Held);
    const std::string c2 = session("pair-c", at(2026, 2, 26), SessionStatus::Held);
    const std::string d1 = session("pair-d", at(2026, 1, 9), SessionStatus::Held);
    session("pair-old", at(2025, 2, 1), SessionStatus::Held);
    int f = 0;
    const auto feedback = [&](const std::string& pair_id, const std::string& session_id, const std::string& author,
                              int rating) {
        Feedback fb;
        fb.id = "f" + std::to_string(++f);
        fb.pair_id = pair_id;
        fb.session_id = session_id;
        fb.kind = session_id.empty() ? FeedbackKind::CloseOut : FeedbackKind::Session;
        fb.author_id = author;
        fb.rating = rating;
        d.feedback.push_back(fb);
    };
    feedback("pair-a", a1, "e1", 5);
    feedback("pair-a", a4, "m1", 4);
    feedback("pair-c", c1, "e3", 1);
    feedback("pair-c", c2, "m3", 2);
    feedback("pair-d", "", "e4", 4);
    feedback("pair-d", d1, "e4", 3);
    return d;
}

StatisticsOptions as_of(UtcSeconds now) {
    StatisticsOptions options;
    options.now = now;
    return options;
}

}  // namespace

TEST_CASE("the dashboard's figures for the current program") {
    const ProgramStatistics s = compute_program_statistics(program_document(), as_of(at(2026, 3, 2, 0)));
    CHECK(s.program_id == "R2");
    CHECK(s.cadence_days == 14);
    // People: x1 is inactive; m4 is only in the earlier wave, so waiting in this one.
    CHECK(s.participants == 9);
    CHECK(s.active_participants == 8);
    CHECK(s.matched == 7);
    CHECK(s.waiting == 1);
    CHECK(s.waiting_mentors == 1);
    // Pairs.
    CHECK(s.pairs == 4);
    CHECK(s.pairs_active == 3);
    CHECK(s.pairs_completed == 1);
    // Sessions: cancelled ones are not scheduled; R1's are not counted.
    CHECK(s.sessions_scheduled == 11);
    CHECK(s.sessions_held == 7);
    CHECK(s.sessions_cancelled == 1);
    CHECK(s.sessions_no_show == 1);
    CHECK(s.sessions_due == 9);  // 7 held + 1 no-show + 1 overdue, all before 2026-03-02
    CHECK(s.sessions_overdue == 1);
    CHECK(s.sessions_upcoming == 2);
    CHECK(s.sessions_target == 24);
    REQUIRE(s.share_held_of_due);
    CHECK(*s.share_held_of_due == doctest::Approx(7.0 / 9.0));
    CHECK(s.under_way);
    // Ratings: 5, 4, 1, 2, 4 (close-out), 3.
    CHECK(s.ratings.count == 6);
    CHECK(*s.ratings.average == doctest::Approx(19.0 / 6.0));
    CHECK(*s.ratings.share_high == doctest::Approx(3.0 / 6.0));
    CHECK(s.ratings.distribution == std::array<int, 5>{1, 1, 1, 2, 1});
    CHECK(s.session_ratings.count == 5);
    CHECK(s.close_out_ratings.count == 1);
    CHECK(*s.close_out_ratings.average == doctest::Approx(4.0));
}

TEST_CASE("before the first session comes due the wave is not under way") {
    Document d = program_document();
    UtcSeconds first = 0;
    for (const Session& session : d.sessions)
        for (const Pair& pair : d.pairs)
            if (pair.id == session.pair_id && pair.program_id == "R2" && (first == 0 || session.start < first))
                first = session.start;
    REQUIRE(first != 0);
    CHECK_FALSE(compute_program_statistics(d, as_of(first)).under_way);  // starting now is not yet due
    CHECK(compute_program_statistics(d, as_of(first + 1)).under_way);
}

TEST_CASE("today is the UTC day that holds now, before 1970 too (the Dashboard's now line)") {
    Document d;
    Program wave;
    wave.id = "R1";
    wave.name = "Wave 1969";
    wave.start_date = {1969, 12, 1};  // a Monday
    wave.end_date = {1970, 1, 30};
    d.programs.push_back(wave);
    // 1969-12-31 12:00 UTC is day -1. Truncating `now / 86400` said day 0 (1970-01-01), which drew
    // the Dashboard's "now" line a day late in the weekly chart.
    const UtcSeconds noon = at(1969, 12, 31, 12);
    CHECK(noon / 86400 == 0);
    const ProgramStatistics s = compute_program_statistics(d, as_of(noon));
    CHECK(s.today == -1);
    CHECK(civil_from_days(s.today) == Date{1969, 12, 31});
    REQUIRE_FALSE(s.weeks.empty());
    CHECK(s.today - days_from_civil(s.weeks.front().week_start) == 30);  // 4 weeks and 2 days into the chart
    CHECK(compute_program_statistics(d, as_of(at(2026, 3, 2, 0))).today == days_from_civil(Date{2026, 3, 2}));
}

TEST_CASE("cadence and risk follow their written definitions") {
    const ProgramStatistics s = compute_program_statistics(program_document(), as_of(at(2026, 3, 2, 0)));
    // pair-a last held 2026-02-17 (13 days): on cadence (14 + 7 grace).
    // pair-b has held nothing since the start 2026-01-05 (56 days): behind, at risk.
    // pair-c held 2026-02-26 (4 days): on cadence, but rated 1.5 on average: at risk.
    CHECK(s.pairs_on_cadence == 2);
    REQUIRE(s.share_on_cadence);
    CHECK(*s.share_on_cadence == doctest::Approx(2.0 / 3.0));
    REQUIRE(s.at_risk.size() == 2);
    CHECK(s.pairs_at_risk == 2);
    CHECK(s.at_risk[0].pair_id == "pair-b");  // longest without a held session first
    CHECK(s.at_risk[0].risk_reasons == std::vector<std::string>{"no session held since the program started 56 days ago"});
    CHECK(s.at_risk[1].pair_id == "pair-c");
    CHECK(s.at_risk[1].risk_reasons == std::vector<std::string>{"average rating 1.5 from 2 ratings"});

    // Before the program starts nobody is behind or at risk for lack of sessions.
    const ProgramStatistics early = compute_program_statistics(program_document(), as_of(at(2025, 12, 1)));
    CHECK(early.pairs_on_cadence == 3);
    CHECK(early.at_risk.size() == 1);  // only the low ratings
    // A shorter threshold catches pair-a too (13 days without a held session).
    StatisticsOptions strict = as_of(at(2026, 3, 2, 0));
    strict.at_risk_weeks = 1;
    CHECK(compute_program_statistics(program_document(), strict).pairs_at_risk == 3);
}

TEST_CASE("leader board, coverage by department and the weekly series") {
    const ProgramStatistics s = compute_program_statistics(program_document(), as_of(at(2026, 3, 2, 0)));
    REQUIRE(s.leader_board.size() == 4);
    CHECK(s.leader_board[0].pair.pair_id == "pair-a");
    CHECK(s.leader_board[0].rank == 1);
    CHECK(s.leader_board[0].pair.sessions_held == 4);
    CHECK(s.leader_board[1].pair.pair_id == "pair-c");
    CHECK(s.leader_board[2].pair.pair_id == "pair-d");
    CHECK(s.leader_board[3].pair.pair_id == "pair-b");
    CHECK(s.leader_board[3].rank == 4);
    CHECK(s.leader_board[0].pair.mentor_name == "Name m1");

    StatisticsOptions top = as_of(at(2026, 3, 2, 0));
    top.leader_board_size = 2;
    CHECK(compute_program_statistics(program_document(), top).leader_board.size() == 2);

    REQUIRE(s.departments.size() == 3);
    // Finance: m3, m4, e1 (m4 waiting); IT: m1, m2, e2; Sales: e3, e4 (x1 inactive).
    CHECK(s.departments[0].department == "Finance");
    CHECK(s.departments[0].active_people == 3);
    CHECK(s.departments[0].waiting == 1);
    CHECK(*s.departments[0].share_matched == doctest::Approx(2.0 / 3.0));
    CHECK(s.departments[1].department == "IT");
    CHECK(s.departments[2].department == "Sales");
    CHECK(s.departments[2].active_people == 2);

    // 2026-01-05 .. the week of 2026-03-29 (Monday 2026-03-23): 12 weeks.
    REQUIRE(s.weeks.size() == 12);
    CHECK(s.weeks[0].week_start == Date{2026, 1, 5});
    CHECK(s.weeks[0].held == 3);       // a, c, d in the first week
    CHECK(s.weeks[0].cancelled == 1);  // b
    CHECK(s.weeks[2].held == 1);
    CHECK(s.weeks[2].no_show == 1);
    CHECK(s.weeks[8].planned == 2);    // 2026-03-02 week: a planned, b moved
    CHECK(s.sessions_outside_series == 0);
}

TEST_CASE("ties share a rank, an earlier wave can be asked for, no program is not a crash") {
    Document d = program_document();
    StatisticsOptions options = as_of(at(2026, 3, 2, 0));
    options.program_id = "R1";
    const ProgramStatistics wave1 = compute_program_statistics(d, options);
    CHECK(wave1.pairs == 1);
    CHECK(wave1.sessions_held == 1);
    CHECK(wave1.matched == 2);

    d.feedback.clear();
    Session extra;
    extra.id = "s-extra";
    extra.pair_id = "pair-d";
    extra.start = at(2026, 1, 16);
    extra.status = SessionStatus::Held;
    d.sessions.push_back(extra);
    const ProgramStatistics s = compute_program_statistics(d, as_of(at(2026, 3, 2, 0)));
    REQUIRE(s.leader_board.size() == 4);
    CHECK(s.leader_board[0].rank == 1);  // a: 4 held
    CHECK(s.leader_board[1].pair.pair_id == "pair-c");
    CHECK(s.leader_board[1].rank == 2);  // c and d: 2 held each, unrated: shared rank
    CHECK(s.leader_board[2].pair.pair_id == "pair-d");
    CHECK(s.leader_board[2].rank == 2);
    CHECK(s.leader_board[3].rank == 4);  // "1, 2, 2, 4"
    CHECK_FALSE(s.ratings.average);

    Document empty;
    empty.participants = {testing::person("p", Role::Mentor, "P")};
    const ProgramStatistics none = compute_program_statistics(empty, as_of(0));
    CHECK(none.program_id.empty());
    CHECK(none.waiting == 1);
    CHECK(none.weeks.empty());
    CHECK_FALSE(none.share_on_cadence);
}

TEST_CASE("the same figures as JSON and as CSV") {
    const ProgramStatistics s = compute_program_statistics(program_document(), as_of(at(2026, 3, 2, 0)));
    const nlohmann::json j = nlohmann::json::parse(io::write_program_statistics_json(s));
    CHECK(j["program"]["id"] == "R2");
    CHECK(j["as_of"] == "2026-03-02T00:00:00Z");
    CHECK(j["people"]["waiting"] == 1);
    CHECK(j["pairs"]["share_on_cadence"] == doctest::Approx(0.6667));
    CHECK(j["sessions"]["held"] == 7);
    CHECK(j["ratings"]["distribution"]["4"] == 2);
    CHECK(j["close_out_ratings"]["average"] == doctest::Approx(4.0));
    CHECK(j["at_risk"][0]["pair_id"] == "pair-b");
    CHECK(j["at_risk"][0]["average_rating"].is_null());
    CHECK(j["leader_board"][0]["rank"] == 1);
    CHECK(j["sessions_per_week"].size() == 12);
    CHECK(j["departments"][0]["department"] == "Finance");

    const Result<io::CsvTable> csv = io::read_csv(io::write_program_statistics_csv(s));
    REQUIRE(csv.ok());
    CHECK(csv->header == std::vector<std::string>{"section", "item", "measure", "value"});
    const auto value_of = [&](const std::string& section, const std::string& item, const std::string& measure) {
        for (const io::CsvRecord& r : csv->rows)
            if (r.cells[0] == section && r.cells[1] == item && r.cells[2] == measure) return r.cells[3];
        return std::string("(missing)");
    };
    CHECK(value_of("sessions", "", "held") == "7");
    CHECK(value_of("pairs", "", "share_on_cadence") == "0.6667");
    CHECK(value_of("department", "Finance", "waiting") == "1");
    CHECK(value_of("week", "2026-01-05", "held") == "3");
    CHECK(value_of("leader_board", "pair-a", "rank") == "1");
    CHECK(value_of("close_out_ratings", "", "average") == "4.00");
}

TEST_CASE("the pairs export lists every pair with its figures, formulas neutralised") {
    Document d = program_document();
    d.participants[0].name = "=HYPERLINK(\"http://evil.example\")";
    const Result<io::CsvTable> csv = io::read_csv(io::write_pairs_csv(d));
    REQUIRE(csv.ok());
    REQUIRE(csv->rows.size() == 5);
    const auto& a = csv->rows[0].cells;
    CHECK(a[0] == "pair-a");
    CHECK(a[1] == "Wave 2");
    CHECK(a[2] == "'=HYPERLINK(\"http://evil.example\")");
    CHECK(a[10] == "4");      // held
    CHECK(a[11] == "5");      // scheduled
    CHECK(a[12] == "2026-02-17");
    CHECK(a[13] == "4.50");
}
