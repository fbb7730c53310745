#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/demo_names.h"
#include "core/demo_program.h"

using namespace flipside;

TEST_CASE("no two people of a 50,000-person demo roster share a name, and the names follow the seed") {
    const Document big = make_demo_program(50000, 5, 1795392000);
    std::set<std::string> names;
    for (const Participant& p : big.participants) names.insert(p.name);
    CHECK(names.size() == big.participants.size());

    const Document again = make_demo_program(50000, 5, 1795392000);
    REQUIRE(again.participants.size() == big.participants.size());
    bool same = true;
    for (std::size_t i = 0; i < big.participants.size(); ++i) same = same && big.participants[i].name == again.participants[i].name;
    CHECK(same);
}

TEST_CASE("a small demo roster has unique names of the plain given-and-family shape where it can") {
    const Document small = make_demo_program(40, 11, 1795392000);
    std::set<std::string> names;
    int plain = 0;
    for (const Participant& p : small.participants) {
        names.insert(p.name);
        plain += p.name.find('-') == std::string::npos;
    }
    CHECK(names.size() == small.participants.size());
    CHECK(plain >= 36);  // only a repeated draw takes another shape
}

TEST_CASE("the name book gives the drawn name first, then a free one of the same office") {
    DemoNameBook book(7);
    const DemoOffice& singapore = demo_offices()[6];
    REQUIRE(std::string(singapore.given[2].shown) == "Siti");
    REQUIRE(std::string(singapore.family[7].shown) == "Ismail");
    const DemoName first = book.take(6, 2, 7);
    CHECK(first.shown == "Siti Ismail");
    CHECK(first.email_stem == "siti.ismail");
    const DemoName second = book.take(6, 2, 7);
    CHECK(second.shown != "Siti Ismail");
    bool from_singapore = false;  // a Singapore given name in it
    for (const DemoNamePart& given : singapore.given)
        from_singapore = from_singapore || second.shown.rfind(given.shown, 0) == 0;
    CHECK(from_singapore);

    // Every one of an office's own plain and compound names is handed out once, then other offices' family names.
    std::set<std::string> seen{first.shown, second.shown};
    for (int i = 0; i < 36864; ++i) seen.insert(book.take(6, 2, 7).shown);
    CHECK(seen.size() == 36866);
}
