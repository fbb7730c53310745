#include <doctest/doctest.h>

#include <set>

#include "core/demo_program.h"
#include "core/validation.h"
#include "platform/interface/time_zones.h"

using namespace flipside;

TEST_CASE("the demo program is deterministic, valid and varied") {
    const Document a = make_demo_program(40, 11, 1795392000);
    const Document b = make_demo_program(40, 11, 1795392000);
    CHECK(a == b);
    CHECK(make_demo_program(40, 12, 1795392000) != a);
    CHECK(validate_document(a, platform::system_time_zones()).empty());

    std::set<std::string> zones, departments;
    int mentors = 0, with_manager = 0;
    for (const Participant& p : a.participants) {
        zones.insert(p.time_zone);
        departments.insert(p.department);
        mentors += p.role == Role::Mentor;
        with_manager += !p.manager_id.empty();
        CHECK(!p.availability.empty());
        if (p.role == Role::Mentor) CHECK(p.level < 5);
        if (p.role == Role::Mentee) CHECK(p.level >= 8);
    }
    CHECK(zones.size() >= 4);
    CHECK(departments.size() >= 5);
    CHECK(mentors >= 15);
    CHECK(mentors <= 25);
    CHECK(with_manager > 5);
    CHECK(!a.pairs.empty());  // an earlier wave to look back on
    REQUIRE(a.current_program() != nullptr);
    CHECK(a.current_program()->start_date < Date{2026, 11, 23});  // the current wave is under way
    CHECK(a.current_program()->end_date > Date{2026, 11, 23});
}

TEST_CASE("large demo rosters keep e-mails unique") {
    const Document big = make_demo_program(5000, 5, 1795392000);
    std::set<std::string> emails;
    for (const Participant& p : big.participants) emails.insert(p.email);
    CHECK(emails.size() == big.participants.size());
}
