#include <doctest/doctest.h>

#include "core/participant_lookup.h"

using namespace flipside;

namespace {

Document roster(std::initializer_list<const char*> ids) {
    Document d;
    for (const char* id : ids) {
        Participant p;
        p.id = id;
        p.name = std::string("Name of ") + id;
        d.participants.push_back(p);
    }
    return d;
}

}  // namespace

TEST_CASE("participant lookup finds people by id and nothing for unknown ids") {
    const Document d = roster({"P1", "P2", "P3"});
    ParticipantLookup lookup;
    REQUIRE(lookup.find(d, "P2") != nullptr);
    CHECK(lookup.find(d, "P2") == &d.participants[1]);
    CHECK(lookup.find(d, "P3")->name == "Name of P3");
    CHECK(lookup.find(d, "P9") == nullptr);
    CHECK(lookup.find(d, "") == nullptr);
}

TEST_CASE("participant lookup stays right while the document changes under it") {
    Document d = roster({"P1", "P2", "P3"});
    ParticipantLookup lookup;
    CHECK(lookup.find(d, "P3") == &d.participants[2]);

    SUBCASE("removal shifts positions") {
        d.participants.erase(d.participants.begin());
        CHECK(lookup.find(d, "P3") == &d.participants[1]);
        CHECK(lookup.find(d, "P1") == nullptr);
    }
    SUBCASE("an id changed in place, same size") {
        d.participants[0].id = "P7";
        CHECK(lookup.find(d, "P1") == nullptr);
        CHECK(lookup.find(d, "P7") == &d.participants[0]);
        CHECK(lookup.find(d, "P3") == &d.participants[2]);
    }
    SUBCASE("two people swap places") {
        std::swap(d.participants[0], d.participants[2]);
        CHECK(lookup.find(d, "P3") == &d.participants[0]);
        CHECK(lookup.find(d, "P1") == &d.participants[2]);
    }
    SUBCASE("people added, the vector reallocated") {
        for (int i = 10; i < 200; ++i) {
            Participant p;
            p.id = "P" + std::to_string(i);
            d.participants.push_back(p);
        }
        CHECK(lookup.find(d, "P150") == &d.participants[143]);
        CHECK(lookup.find(d, "P1") == &d.participants[0]);
    }
    SUBCASE("another document at another address") {
        const Document other = roster({"P3"});
        CHECK(lookup.find(other, "P3") == &other.participants[0]);
        CHECK(lookup.find(d, "P3") == &d.participants[2]);
    }
}

TEST_CASE("participant lookup returns the first of equal ids, as a scan would") {
    const Document d = roster({"P1", "P2", "P1"});
    ParticipantLookup lookup;
    CHECK(lookup.find(d, "P1") == &d.participants[0]);
    CHECK(lookup.find(d, "P1") == &d.participants[0]);
}
