#include <doctest/doctest.h>

#include "core/display_names.h"

using namespace flipside;

namespace {

Document two_people_one_pair() {
    Document d;
    Participant maria;
    maria.id = "E10562";
    maria.name = "Maria Costa";
    Participant jon;
    jon.id = "E20001";
    jon.name = "Jon Lee";
    d.participants = {maria, jon};
    Pair pair;
    pair.id = "pair-0001";
    pair.mentor_id = "E10562";
    pair.mentee_id = "E20001";
    d.pairs.push_back(pair);
    return d;
}

}  // namespace

TEST_CASE("people and pairs by name, the id only where no name is known") {
    const Document d = two_people_one_pair();
    CHECK(person_name(d, "E10562") == "Maria Costa");
    CHECK(person_name(d, "E99999") == "E99999");
    CHECK(pair_names(d, d.pairs[0]) == "Maria Costa & Jon Lee");
    CHECK(pair_names_with_id(d, "pair-0001") == "Maria Costa & Jon Lee (pair-0001)");
    CHECK(pair_names_with_id(d, "pair-0404") == "pair-0404");
}
