#include <doctest/doctest.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "core/demo_program.h"
#include "core/ids.h"

using namespace flipside;

namespace {

struct Record {
    std::string id;
};

std::vector<Record> records(std::initializer_list<const char*> ids) {
    std::vector<Record> out;
    for (const char* id : ids) out.push_back(Record{id});
    return out;
}

}  // namespace

TEST_CASE("ids are a prefix and a zero-padded number, in the formats files have always had") {
    CHECK(numbered_id(kParticipantIds, 42) == "P0042");
    CHECK(numbered_id(kProgramIds, 2) == "R0002");
    CHECK(numbered_id(kPairIds, 17) == "pair-0017");
    CHECK(numbered_id(kSessionIds, 128) == "ses-00128");
    CHECK(numbered_id(kFeedbackIds, 31) == "fb-00031");
    CHECK(numbered_id(kParticipantIds, 123456) == "P123456");  // the width is a minimum
    CHECK(numbered_id(IdFormat{"x-", 0}, 7) == "x-7");
    IdMaker scheduled = scheduled_session_ids("pair-0007");
    CHECK(scheduled.next(std::unordered_set<std::string>{}) == "pair-0007-S1");
    CHECK(scheduled.next(std::unordered_set<std::string>{"pair-0007-S2"}) == "pair-0007-S3");
}

TEST_CASE("unused_id: the first id from the collection's size + 1 that nobody has") {
    CHECK(unused_id(records({}), kParticipantIds) == "P0001");
    CHECK(unused_id(records({"P0001", "P0002"}), kParticipantIds) == "P0003");
    // P0003 is taken by a record numbered out of order: the next free number is used.
    CHECK(unused_id(records({"P0003", "X", "Y"}), kParticipantIds) == "P0004");
    // After a deletion the count drops, and a number may come back once it is free.
    CHECK(unused_id(records({"P0001", "P0003"}), kParticipantIds) == "P0004");
    CHECK(unused_id(records({"fb-00001"}), kFeedbackIds) == "fb-00002");
}

TEST_CASE("IdMaker skips taken ids and never hands out one twice") {
    const std::unordered_set<std::string> taken = {"P0002", "P0003"};
    IdMaker maker(kParticipantIds);
    CHECK(maker.next(taken) == "P0001");
    CHECK(maker.next(taken) == "P0004");
    CHECK(maker.next(taken) == "P0005");
    IdMaker from_ten(kParticipantIds, 10);
    CHECK(from_ten.next([](const std::string& id) { return id == "P0010"; }) == "P0011");
}

TEST_CASE("highest_id_number: numbers after the prefix, digits only, at most nine of them") {
    CHECK(highest_id_number(records({}), kPairIds) == 0);
    CHECK(highest_id_number(records({"pair-0003", "pair-0012", "pair-7"}), kPairIds) == 12);
    CHECK(highest_id_number(records({"pair-", "pair-12a", "pairs-0099", "P0050"}), kPairIds) == 0);
    CHECK(highest_id_number(records({"pair-123456789", "pair-1234567890"}), kPairIds) == 123456789);
    // Pairs continue after the highest number, so a removed pair's id never comes back.
    const auto pairs = records({"pair-0001", "pair-0009"});
    IdMaker next_pair(kPairIds, highest_id_number(pairs, kPairIds) + 1);
    CHECK(next_pair.next(ids_of(pairs)) == "pair-0010");
}

TEST_CASE("the demo program's ids come from the same formats") {
    const Document demo = make_demo_program(12, 7, 1795392000);
    CHECK(demo.programs.back().id == "R0002");
    CHECK(demo.participants.front().id == "P0001");
    CHECK(demo.participants.back().id == "P0012");
    REQUIRE_FALSE(demo.pairs.empty());
    CHECK(demo.pairs.front().id == "pair-0001");
    REQUIRE_FALSE(demo.sessions.empty());
    CHECK(demo.sessions.front().id == "ses-00001");
    REQUIRE_FALSE(demo.feedback.empty());
    CHECK(demo.feedback.front().id == "fb-00001");
}
