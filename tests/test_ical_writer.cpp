// iCalendar export: escaping, 75-octet folding on UTF-8 boundaries, CRLF, stable UIDs,
// SEQUENCE/STATUS after moves and cancellations, and golden files (tests/data/ics/), which
// tests/suites/ics_*.sh also feed to ical.js and Python's icalendar.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/scheduling/scheduler.h"
#include "io/ical_writer.h"
#include "platform/interface/time_zones.h"

namespace {

using namespace flipside;
using namespace flipside::scheduling;

std::vector<std::string> physical_lines(const std::string& ics) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < ics.size()) {
        const std::size_t end = ics.find("\r\n", pos);
        REQUIRE(end != std::string::npos);
        lines.push_back(ics.substr(pos, end - pos));
        pos = end + 2;
    }
    return lines;
}

bool valid_utf8(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        for (int k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
}

// A small program whose pair spans New York and London across the March DST changes, with a
// moved and a cancelled session and names that need escaping and folding.
Document fixture() {
    Document document;
    Program program;
    program.id = "W2026";
    program.name = "Spring wave, 2026";
    program.objectives = "Digital fluency; data tools, social media — and how the younger workforce sees careers";
    program.norms = "Meet informally; what is said stays between the two of you.\nCameras optional.";
    program.start_date = {2026, 2, 23};
    program.end_date = {2026, 4, 30};
    program.cadence = Cadence{CadenceKind::Weekly, 2, 1};
    program.target_sessions = 4;
    document.programs.push_back(program);
    Participant mentor;
    mentor.id = "P1";
    mentor.name = "Zoë Ångström-Nakamura (数据分析)";
    mentor.email = "zoe@example.com";
    mentor.time_zone = "America/New_York";
    mentor.availability = {{0, 9 * 60, 12 * 60}};
    Participant mentee = mentor;
    mentee.id = "P2";
    mentee.role = Role::Mentee;
    mentee.name = "Sir \"Bob\" O'Neil, CFO";
    mentee.email = "bob.oneil@example.co.uk";
    mentee.time_zone = "Europe/London";
    mentee.availability = {{0, 14 * 60, 17 * 60}};
    document.participants = {mentor, mentee};
    Pair pair;
    pair.id = "R1";
    pair.program_id = "W2026";
    pair.mentor_id = "P1";
    pair.mentee_id = "P2";
    document.pairs.push_back(pair);
    schedule_unscheduled_pairs(document, "W2026", platform::system_time_zones());
    REQUIRE(document.sessions.size() == 4);
    document.sessions[0].agenda = "Dashboards, pivot tables; a first look at the team's data";
    move_session(document, document.sessions[1].id, document.sessions[1].start + 3600);
    set_session_status(document, document.sessions[2].id, SessionStatus::Cancelled);
    return document;
}

std::string read_text(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

void check_golden(const std::string& name, const std::string& actual) {
    const std::string path = std::string(FLIPSIDE_SOURCE_DIR) + "/tests/data/ics/" + name;
    const std::string expected = read_text(path);
    if (expected != actual) {
        std::ofstream(path + ".actual", std::ios::binary) << actual;
        FAIL_CHECK("differs from " << path << " (wrote " << path << ".actual)");
    }
}

}  // namespace

TEST_CASE("ics: text escaping and 75-octet folding that never splits a character") {
    CHECK(io::ics_escape_text("a;b,c\\d\ne\r\nf") == "a\\;b\\,c\\\\d\\ne\\nf");
    CHECK(io::ics_escape_text(std::string("bell\x07") + "tab\t") == "belltab\t");
    const std::string long_line = "SUMMARY:" + std::string(40, 'x') + "Zoë Ångström 数据分析 — émigré " +
                                  std::string(100, 'y') + "😀😀😀";
    const std::string folded = io::ics_fold(long_line);
    const auto lines = physical_lines(folded);
    CHECK(lines.size() > 2);
    std::string unfolded;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].size() <= 75);
        CHECK(valid_utf8(lines[i]));
        if (i > 0) {
            REQUIRE(lines[i][0] == ' ');
            unfolded += lines[i].substr(1);
        } else {
            unfolded = lines[i];
        }
    }
    CHECK(unfolded == long_line);
    CHECK(io::ics_fold("SHORT") == "SHORT\r\n");
    CHECK(io::ics_utc(*parse_utc_timestamp("2026-03-09T14:05:00Z")) == "20260309T140500Z");
}

TEST_CASE("ics: one event per session with stable UIDs, SEQUENCE, STATUS, reminder, people") {
    const Document document = fixture();
    io::IcsOptions options;
    options.now = *parse_utc_timestamp("2026-02-01T12:00:00Z");
    options.reminder_minutes = 15;
    const std::string first = io::write_ics(document, options);
    options.now += 86400;
    const std::string second = io::write_ics(document, options);
    const auto lines = physical_lines(first);
    for (const std::string& line : lines) {
        CHECK(line.size() <= 75);
        CHECK(valid_utf8(line));
    }
    const auto count = [&](const std::string& needle) {
        std::size_t n = 0;
        for (std::size_t at = first.find(needle); at != std::string::npos; at = first.find(needle, at + 1)) ++n;
        return n;
    };
    CHECK(count("BEGIN:VEVENT\r\n") == 4);
    CHECK(count("STATUS:CANCELLED\r\n") == 1);
    CHECK(count("SEQUENCE:1\r\n") == 2);  // the moved one and the cancelled one
    CHECK(count("BEGIN:VALARM\r\n") == 3);  // none for the cancelled session
    CHECK(count("UID:R1-S1.W2026@flipside\r\n") == 1);
    CHECK(count("ORGANIZER;CN=\"Sir 'Bob' O'Neil, CFO\":mailto:bob.oneil@example.co.uk\r\n") == 4);
    // The same sessions give the same UIDs whatever the export time.
    const auto uids = [](const std::string& ics) {
        std::vector<std::string> found;
        for (std::size_t at = ics.find("\nUID:"); at != std::string::npos; at = ics.find("\nUID:", at + 1))
            found.push_back(ics.substr(at + 1, ics.find('\r', at) - at - 1));
        return found;
    };
    CHECK(uids(first) == uids(second));
    CHECK(first != second);  // DTSTAMP differs

    io::IcsOptions mentor_only;
    mentor_only.scope = io::IcsOptions::Scope::Participant;
    mentor_only.id = "P1";
    mentor_only.now = options.now;
    CHECK(physical_lines(io::write_ics(document, mentor_only)).size() > 10);
    mentor_only.id = "P9";
    CHECK(io::write_ics(document, mentor_only).find("BEGIN:VEVENT") == std::string::npos);
}

TEST_CASE("ics: golden files") {
    const Document document = fixture();
    io::IcsOptions everyone;
    everyone.now = *parse_utc_timestamp("2026-02-01T12:00:00Z");
    everyone.reminder_minutes = 30;
    check_golden("program.ics", io::write_ics(document, everyone));
    io::IcsOptions pair;
    pair.scope = io::IcsOptions::Scope::Pair;
    pair.id = "R1";
    pair.now = everyone.now;
    check_golden("pair.ics", io::write_ics(document, pair));
}
