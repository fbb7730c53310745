#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

#include "core/demo_program.h"
#include "io/json_document.h"
#include "io/json_records.h"
#include "platform/interface/time_zones.h"
#include "test_support.h"

using namespace flipside;
using namespace flipside::matching;
using nlohmann::json;

namespace {

const TimeZoneCatalog& zones() { return platform::system_time_zones(); }

// Reads `text` and expects refusal with a problem at `path` whose reason contains `reason`.
void expect_refused(const std::string& text, const std::string& path, const std::string& reason) {
    const Result<io::LoadedDocument> result = io::read_document_json(text, zones());
    CHECK_FALSE(result.ok());
    bool found = false;
    std::string seen;
    for (const Problem& p : result.problems()) {
        seen += p.path + ": " + p.reason + "\n";
        if (p.path == path && p.reason.find(reason) != std::string::npos) found = true;
    }
    INFO("problems:\n" << seen);
    CHECK(found);
}

json small_json() { return json::parse(io::write_document_json(testing::small_document())); }

}  // namespace

TEST_CASE("the document is written byte for byte as a dump of its whole tree would be, compact and indented") {
    // The oracle: the whole document as one nlohmann tree, dumped.
    const auto as_tree = [](const Document& d) {
        const auto records = [](const auto& list) {
            json out = json::array();
            for (const auto& record : list) out.push_back(io::record_to_json(record));
            return out;
        };
        return json{{"format", "flipside"},        {"schema_version", io::kSchemaVersion},
                    {"programs", records(d.programs)}, {"participants", records(d.participants)},
                    {"pairs", records(d.pairs)},       {"sessions", records(d.sessions)},
                    {"feedback", records(d.feedback)}};
    };
    Document with_odd_text = make_demo_program(60, 5, 1795392000);
    with_odd_text.participants[0].background = "line one\nline two\t\"quoted\" \xff\xfe ends";  // invalid UTF-8 is replaced
    for (const Document& d : {Document{}, testing::small_document(), make_demo_program(300, 9, 1795392000), with_odd_text}) {
        for (const int indent : {-1, 0, 2, 4}) {
            CAPTURE(indent);
            CHECK(io::write_document_json(d, indent) == as_tree(d).dump(indent, ' ', false, json::error_handler_t::replace));
        }
    }
}

TEST_CASE("export then import gives back the identical document") {
    const Document original = testing::small_document();
    const std::string text = io::write_document_json(original);
    const Result<io::LoadedDocument> result = io::read_document_json(text, zones());
    REQUIRE(result.ok());
    CHECK(result->document == original);
    CHECK(io::write_document_json(result->document) == text);
    CHECK(result->migrated_from_version == 0);
}

TEST_CASE("the demo program round-trips and validates") {
    const Document demo = make_demo_program(40, 7, 1795392000);
    CHECK(demo.participants.size() == 40);
    const Result<io::LoadedDocument> result = io::read_document_json(io::write_document_json(demo, -1), zones());
    INFO((result.problems().empty() ? "" : result.problems()[0].path + " " + result.problems()[0].reason));
    REQUIRE(result.ok());
    CHECK(result->document == demo);
}

TEST_CASE("text that is not JSON is refused with its position") {
    expect_refused("{\"format\": \"flipside\", ", "/", "not valid JSON");
    expect_refused("", "/", "not valid JSON");
    expect_refused("\xff\xfe garbage", "/", "not valid JSON");
    const auto result = io::read_document_json("{\n  \"a\": 1,\n  }", zones());
    REQUIRE_FALSE(result.problems().empty());
    CHECK(result.problems()[0].reason.find("line 3") != std::string::npos);
}

TEST_CASE("files that are not Flipside documents, or of another version, are refused") {
    expect_refused("[1, 2, 3]", "/", "found an array");
    expect_refused("{\"participants\": []}", "/schema_version", "missing");
    expect_refused("{\"format\":\"flipside\",\"schema_version\": \"2\"}", "/schema_version", "whole number");
    expect_refused("{\"format\":\"flipside\",\"schema_version\": 99}", "/schema_version", "newer Flipside");
    expect_refused("{\"format\":\"flipside\",\"schema_version\": 0}", "/schema_version", "unknown schema version");
    expect_refused("{\"format\":\"cv\",\"schema_version\": 2}", "/format", "not a Flipside file");
}

TEST_CASE("missing and mistyped fields are named by their JSON path") {
    json j = small_json();
    j["participants"][1].erase("email");
    expect_refused(j.dump(), "/participants/1/email", "required field is missing");

    j = small_json();
    j["participants"][0]["level"] = "senior";
    expect_refused(j.dump(), "/participants/0/level", "expected a whole number, found text");

    j = small_json();
    j["participants"][2]["role"] = "boss";
    expect_refused(j.dump(), "/participants/2/role", "not one of: mentor, mentee");

    j = small_json();
    j["participants"][0]["hire_date"] = "2024-02-30";
    expect_refused(j.dump(), "/participants/0/hire_date", "is not a date");

    j = small_json();
    j["participants"][0]["nickname"] = "Zo";
    expect_refused(j.dump(), "/participants/0/nickname", "unknown field");

    j = small_json();
    j["sessions"][0]["start"] = "tomorrow";
    expect_refused(j.dump(), "/sessions/0/start", "not a UTC time");

    j = small_json();
    j["participants"] = json::object();
    expect_refused(j.dump(), "/participants", "expected an array");

    j = small_json();
    j["participants"][3] = 42;
    expect_refused(j.dump(), "/participants/3", "expected an object");

    j = small_json();
    j["participants"][0]["capacity"] = 1e300;
    expect_refused(j.dump(), "/participants/0/capacity", "decimal number");

    j = small_json();
    j["participants"][0]["capacity"] = 99999999999LL;
    expect_refused(j.dump(), "/participants/0/capacity", "out of range");
}

TEST_CASE("duplicate ids and dangling references are refused") {
    json j = small_json();
    j["participants"][2]["id"] = "P1";
    expect_refused(j.dump(), "/participants/2/id", "duplicate id \"P1\"");

    j = small_json();
    j["participants"][0]["manager_id"] = "P999";
    expect_refused(j.dump(), "/participants/0/manager_id", "not in the roster");

    j = small_json();
    j["pairs"][0]["mentee_id"] = "ghost";
    expect_refused(j.dump(), "/pairs/0/mentee_id", "not in the roster");

    j = small_json();
    j["pairs"][0]["mentor_id"] = "P2";
    expect_refused(j.dump(), "/pairs/0/mentor_id", "is not a mentor");

    j = small_json();
    j["pairs"][0]["program_id"] = "R9";
    expect_refused(j.dump(), "/pairs/0/program_id", "does not exist");

    j = small_json();
    j["sessions"][0]["pair_id"] = "pair-9";
    expect_refused(j.dump(), "/sessions/0/pair_id", "does not exist");

    j = small_json();
    j["feedback"][0]["author_id"] = "P3";
    expect_refused(j.dump(), "/feedback/0/author_id", "not in pair");

    j = small_json();
    j["participants"][3]["email"] = "P1@EXAMPLE.com";
    expect_refused(j.dump(), "/participants/3/email", "already used");

    j = small_json();
    j["participants"][3]["manager_id"] = "P1";  // P1 reports to P4 already
    expect_refused(j.dump(), "/participants/3/manager_id", "loops back");
}

TEST_CASE("impossible values are refused") {
    json j = small_json();
    j["participants"][0]["time_zone"] = "Mars/Olympus_Mons";
    expect_refused(j.dump(), "/participants/0/time_zone", "unknown time zone");

    j = small_json();
    j["participants"][0]["availability"] = json::array({{{"day", "tue"}, {"start", "09:00"}, {"end", "25:00"}}});
    expect_refused(j.dump(), "/participants/0/availability/0/end", "not a time");

    j = small_json();
    j["participants"][0]["availability"] = json::array({{{"day", "tue"}, {"start", "09:00"}, {"end", "11:00"}},
                                                        {{"day", "tue"}, {"start", "10:00"}, {"end", "12:00"}}});
    expect_refused(j.dump(), "/participants/0/availability/1", "overlaps");

    j = small_json();
    j["participants"][0]["availability"] = json::array({{{"day", "tue"}, {"start", "11:00"}, {"end", "09:00"}}});
    expect_refused(j.dump(), "/participants/0/availability/0", "ends at or before");

    j = small_json();
    j["programs"][0]["end_date"] = "2020-01-01";
    expect_refused(j.dump(), "/programs/0/end_date", "before start date");

    j = small_json();
    j["programs"][0]["cadence"]["interval"] = 0;
    expect_refused(j.dump(), "/programs/0/cadence/interval", "must be 1–12");

    j = small_json();
    j["feedback"][0]["rating"] = 9;
    expect_refused(j.dump(), "/feedback/0/rating", "outside 1–5");

    j = small_json();
    j["participants"][0]["email"] = "not an address";
    expect_refused(j.dump(), "/participants/0/email", "not an e-mail address");
}

TEST_CASE("huge strings and deep nesting are refused without crashing") {
    json j = small_json();
    j["participants"][0]["name"] = std::string(5'000'000, 'x');
    expect_refused(j.dump(), "/participants/0/name", "limit is");

    std::string deep(100000, '[');
    deep += std::string(100000, ']');
    expect_refused(deep, "/", "found an array");
}

TEST_CASE("a large roster reads back exactly") {
    const Document big = make_demo_program(20000, 3, 1795392000);
    const Result<io::LoadedDocument> result = io::read_document_json(io::write_document_json(big, -1), zones());
    REQUIRE(result.ok());
    CHECK(result->document.participants.size() == 20000);
    CHECK(result->document == big);
}

namespace {

// Every value of an enumeration, listed here by hand so that a value added to the model but
// left out of its table fails below.
const Role kEveryRole[] = {Role::Mentor, Role::Mentee};
const CadenceKind kEveryCadence[] = {CadenceKind::Weekly, CadenceKind::MonthlyNthWeekday, CadenceKind::EveryNDays};
const PairState kEveryPairState[] = {PairState::Active, PairState::Hiatus, PairState::Completed};
const SessionStatus kEveryStatus[] = {SessionStatus::Planned, SessionStatus::Held, SessionStatus::Cancelled,
                                      SessionStatus::NoShow, SessionStatus::Moved};
const FeedbackKind kEveryFeedbackKind[] = {FeedbackKind::Session, FeedbackKind::CloseOut};

// Each value once in the table, with a name of its own, and found again by that name.
template <typename Enum, std::size_t N, std::size_t M>
void check_table(const EnumNames<Enum, N>& names, const Enum (&values)[M]) {
    CHECK(N == M);
    std::vector<std::string> seen;
    for (const Enum value : values) {
        const char* name = name_of(names, value);
        REQUIRE(name != nullptr);
        CHECK(value_named(names, name) == value);
        CHECK(std::find(seen.begin(), seen.end(), name) == seen.end());
        seen.push_back(name);
    }
}

Document read_back(const Document& d) {
    const Result<io::LoadedDocument> read = io::read_document_json(io::write_document_json(d), zones());
    INFO(read.message());
    REQUIRE(read.ok());
    return read->document;
}

}  // namespace

TEST_CASE("every enumeration value is written by its name and read back as itself") {
    check_table(kRoleNames, kEveryRole);
    check_table(kCadenceKindNames, kEveryCadence);
    check_table(kPairStateNames, kEveryPairState);
    check_table(kSessionStatusNames, kEveryStatus);
    check_table(kFeedbackKindNames, kEveryFeedbackKind);

    const Document base = testing::small_document();
    // Roles: the small document has both; each is written by name.
    const json written = json::parse(io::write_document_json(base));
    CHECK(written["participants"][0]["role"] == "mentor");
    CHECK(written["participants"][1]["role"] == "mentee");
    CHECK(read_back(base) == base);
    for (const CadenceKind kind : kEveryCadence) {
        Document d = base;
        d.programs[0].cadence.kind = kind;
        CHECK(json::parse(io::write_document_json(d))["programs"][0]["cadence"]["kind"] == cadence_kind_name(kind));
        CHECK(read_back(d) == d);
    }
    for (const PairState state : kEveryPairState) {
        Document d = base;
        d.pairs[0].state = state;
        CHECK(json::parse(io::write_document_json(d))["pairs"][0]["state"] == pair_state_name(state));
        CHECK(read_back(d) == d);
    }
    for (const SessionStatus status : kEveryStatus) {
        Document d = base;
        d.sessions[0].status = status;
        d.sessions[0].history[0].previous_status = status;
        const json j = json::parse(io::write_document_json(d));
        CHECK(j["sessions"][0]["status"] == session_status_name(status));
        CHECK(j["sessions"][0]["history"][0]["status"] == session_status_name(status));
        CHECK(read_back(d) == d);
    }
    {
        Document d = base;
        Feedback close_out = d.feedback[0];
        close_out.id = "fb-2";
        close_out.kind = FeedbackKind::CloseOut;
        close_out.session_id.clear();
        d.feedback.push_back(close_out);
        const json j = json::parse(io::write_document_json(d));
        CHECK(j["feedback"][0]["kind"] == "session");
        CHECK(j["feedback"][1]["kind"] == "close-out");
        CHECK(read_back(d) == d);
    }
    {
        Document d = base;
        d.participants[0].availability.clear();
        for (int day = 0; day < 7; ++day) d.participants[0].availability.push_back(WeeklyWindow{day, 9 * 60, 10 * 60});
        const json j = json::parse(io::write_document_json(d));
        const char* const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        for (int day = 0; day < 7; ++day) CHECK(j["participants"][0]["availability"][day]["day"] == days[day]);
        CHECK(read_back(d) == d);
    }
}

TEST_CASE("an unknown name is refused at its JSON path with the names accepted") {
    const auto refused_with = [](const std::function<void(json&)>& change, const std::string& path,
                                 const std::string& accepted) {
        json j = small_json();
        change(j);
        const Result<io::LoadedDocument> read = io::read_document_json(j.dump(), zones());
        REQUIRE_FALSE(read.ok());
        REQUIRE(read.problems().size() == 1);
        CHECK(read.problems()[0].path == path);
        CHECK(read.problems()[0].reason == "\"bogus\" is not one of: " + accepted);
    };
    refused_with([](json& j) { j["participants"][1]["role"] = "bogus"; }, "/participants/1/role", "mentor, mentee");
    refused_with([](json& j) { j["participants"][0]["availability"][0]["day"] = "bogus"; },
                 "/participants/0/availability/0/day", "mon, tue, wed, thu, fri, sat, sun");
    refused_with([](json& j) { j["programs"][0]["cadence"]["kind"] = "bogus"; }, "/programs/0/cadence/kind",
                 "weekly, monthly, days");
    refused_with([](json& j) { j["pairs"][0]["state"] = "bogus"; }, "/pairs/0/state", "active, hiatus, completed");
    refused_with([](json& j) { j["sessions"][0]["status"] = "bogus"; }, "/sessions/0/status",
                 "planned, held, cancelled, no-show, moved");
    refused_with([](json& j) { j["sessions"][0]["history"][0]["status"] = "bogus"; }, "/sessions/0/history/0/status",
                 "planned, held, cancelled, no-show, moved");
    refused_with([](json& j) { j["feedback"][0]["kind"] = "bogus"; }, "/feedback/0/kind", "session, close-out");
    // Names are exact: a value's spelling in another case is not it.
    json j = small_json();
    j["participants"][1]["role"] = "Mentee";
    CHECK_FALSE(io::read_document_json(j.dump(), zones()).ok());
}
