#include <doctest/doctest.h>

#include <string>

#include "app/profile_gap_cause.h"
#include "schedule_fixtures.h"

using namespace flipside;
using namespace flipside::app;
using flipside::schedule_fixtures::wave_pair;

namespace {

Document roster(int mentors, int mentees) {
    Document d;
    d.programs.push_back(Program{});
    d.programs.back().id = "W1";
    for (int i = 0; i < mentors + mentees; ++i) {
        Participant p;
        p.id = "P" + std::to_string(i);
        p.name = "Person " + std::to_string(i);
        p.role = i < mentors ? Role::Mentor : Role::Mentee;
        p.languages = {"English"};
        p.skills = {{"Python", 3}};
        p.learning_goals = {"Python"};
        d.participants.push_back(p);
    }
    return d;
}

}  // namespace

TEST_CASE("nobody with availability: the cause says so once, with what to do") {
    const Document d = roster(6, 6);
    const std::optional<GapCause> cause = matching_gap_cause(d);
    REQUIRE(cause);
    CHECK(cause->gap == ProfileGap::Availability);
    CHECK(cause->missing == 12);
    CHECK(cause->text ==
          "None of the 12 active people has availability: paint it in People, select them there and apply office "
          "hours, or invite them to fill it in.");
}

TEST_CASE("some without availability: counted among the active people only") {
    Document d = roster(3, 3);
    for (int i = 0; i < 4; ++i) d.participants[static_cast<std::size_t>(i)].availability = {{0, 540, 720}};
    d.participants[5].active = false;
    const std::optional<GapCause> cause = matching_gap_cause(d);
    REQUIRE(cause);
    CHECK(cause->text.rfind("1 of the 5 active people has no availability:", 0) == 0);
    d.participants[4].availability = {{0, 540, 720}};
    CHECK_FALSE(matching_gap_cause(d));  // everyone active has it all: no line
}

TEST_CASE("after availability: languages only while required, then mentors' skills, then mentees' goals") {
    Document d = roster(2, 2);
    for (Participant& p : d.participants) p.availability = {{0, 540, 720}};
    d.participants[3].languages.clear();
    REQUIRE(matching_gap_cause(d));
    CHECK(matching_gap_cause(d)->gap == ProfileGap::Languages);
    CHECK(matching_gap_cause(d)->text.find("turn off \"A common language is required\"") != std::string::npos);
    d.programs.back().matching.rules.require_common_language = false;
    CHECK_FALSE(matching_gap_cause(d));
    d.participants[0].skills.clear();
    d.participants[1].skills.clear();
    REQUIRE(matching_gap_cause(d));
    CHECK(matching_gap_cause(d)->text.rfind("None of the 2 active mentors has skills", 0) == 0);
    d.participants[0].skills = {{"Excel", 2}};
    d.participants[1].skills = {{"Excel", 2}};
    d.participants[2].learning_goals.clear();
    CHECK(matching_gap_cause(d)->text.rfind("1 of the 2 active mentees has no learning goals", 0) == 0);
}

TEST_CASE("scheduling: the members of the wave's active pairs without availability") {
    Document d = roster(2, 2);
    d.pairs.push_back(wave_pair("pair-1", "P0", "P2"));
    d.pairs.push_back(wave_pair("pair-2", "P1", "P3"));
    d.pairs.back().state = PairState::Completed;  // not scheduled: not counted
    const std::optional<GapCause> cause = scheduling_gap_cause(d, "W1");
    REQUIRE(cause);
    CHECK(cause->text.rfind("None of the 2 people in this wave's active pairs has availability", 0) == 0);
    d.participants[0].availability = {{0, 540, 720}};
    CHECK(scheduling_gap_cause(d, "W1")->text.rfind("1 of the 2 people in this wave's active pairs has no availability", 0) == 0);
    d.participants[2].availability = {{0, 540, 720}};
    CHECK_FALSE(scheduling_gap_cause(d, "W1"));
    CHECK_FALSE(scheduling_gap_cause(d, "another program"));
}
