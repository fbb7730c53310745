#include <doctest/doctest.h>

#include <vector>

#include "core/profile_gaps.h"

using namespace flipside;

namespace {

Participant person(Role role, bool active = true) {
    Participant p;
    p.role = role;
    p.active = active;
    return p;
}

}  // namespace

TEST_CASE("each gap is asked of the people it concerns") {
    Participant mentor = person(Role::Mentor);
    Participant mentee = person(Role::Mentee);
    CHECK(has_gap(mentor, ProfileGap::Availability, false));
    CHECK(has_gap(mentor, ProfileGap::Skills, false));
    CHECK_FALSE(has_gap(mentor, ProfileGap::LearningGoals, false));  // goals are a mentee's
    CHECK(has_gap(mentee, ProfileGap::LearningGoals, false));
    CHECK_FALSE(has_gap(mentee, ProfileGap::Skills, false));
    CHECK_FALSE(has_gap(mentee, ProfileGap::Languages, false));  // only while a common language is required
    CHECK(has_gap(mentee, ProfileGap::Languages, true));
    mentee.languages = {"English"};
    mentee.availability = {{0, 540, 600}};
    CHECK_FALSE(has_gap(mentee, ProfileGap::Languages, true));
    CHECK_FALSE(has_gap(mentee, ProfileGap::Availability, true));
}

TEST_CASE("counts skip inactive people when asked, and name the field") {
    const Participant a = person(Role::Mentor), b = person(Role::Mentor, false), c = person(Role::Mentee);
    Participant d = person(Role::Mentee);
    d.availability = {{1, 600, 660}};
    const std::vector<const Participant*> people{&a, &b, &c, &d};
    const GapCount active = count_gap(people, ProfileGap::Availability, true, true);
    CHECK(active.concerned == 3);
    CHECK(active.missing == 2);
    const GapCount everyone = count_gap(people, ProfileGap::Availability, true, false);
    CHECK(everyone.concerned == 4);
    CHECK(everyone.missing == 3);
    CHECK(count_gap(people, ProfileGap::Skills, true, true).concerned == 1);
    CHECK(std::string(profile_gap_field(ProfileGap::LearningGoals)) == "learning goals");
}

TEST_CASE("the common-language rule is the current program's") {
    Document document;
    CHECK(common_language_required(document));  // the rule's default with no program
    document.programs.push_back(Program{});
    document.programs.back().matching.rules.require_common_language = false;
    CHECK_FALSE(common_language_required(document));
}
