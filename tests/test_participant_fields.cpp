#include <doctest/doctest.h>

#include "core/participants/fields.h"
#include "participants_test_support.h"

using namespace flipside;
using namespace flipside::participants;
using flipside::testing::paired_document;

TEST_CASE("the ownership table: the participant's profile fields, every HR and pairing field the coordinator's") {
    for (const char* mine : {"skills", "learning_goals", "interests", "languages", "time_zone", "background",
                             "availability", "absences", "preferences"})
        CHECK_MESSAGE(parse_field_name(mine).ok(), mine);
    for (const char* theirs : {"name", "email", "role", "department", "job_title", "level", "hire_date", "manager_id",
                               "capacity", "active", "pairs", "program"}) {
        const Result<FieldName> field = parse_field_name(theirs);
        REQUIRE_FALSE(field.ok());
        CHECK(field.message().find("coordinator's") != std::string::npos);
    }
    CHECK(parse_field_name("shoe_size").message().find("not a field") != std::string::npos);
    CHECK(parse_field_name("session/ses-1/start").message().find("status, agenda or notes only") != std::string::npos);
    // Every field of the participant record is in the table exactly once.
    CHECK(profile_fields().size() == 20);
}

TEST_CASE("profile values read and write in the forms people type") {
    Document d = paired_document();
    ShapeOnlyTimeZoneCatalog zones;
    const FieldName availability = *parse_field_name("availability");
    REQUIRE(write_value(d, "R1", "P1", availability, {"mon 09:00-11:00", "wed 14:00-16:30"}, zones).ok());
    CHECK(d.participants[0].availability == std::vector<WeeklyWindow>{{0, 540, 660}, {2, 840, 990}});
    CHECK(*current_value(d, "R1", "P1", availability) == FieldValue{"mon 09:00-11:00", "wed 14:00-16:30"});

    REQUIRE(write_value(d, "R1", "P1", *parse_field_name("skills"), {"Excel:4", "Power BI (DAX)"}, zones).ok());
    CHECK(d.participants[0].skills == std::vector<Skill>{{"Excel", 4}, {"Power BI (DAX)", 3}});
    REQUIRE(write_value(d, "R1", "P1", *parse_field_name("absences"), {"2026-12-21..2027-01-01"}, zones).ok());
    CHECK(d.participants[0].absences == std::vector<Absence>{{Date{2026, 12, 21}, Date{2027, 1, 1}}});
}

TEST_CASE("an invalid value is refused and changes nothing") {
    Document d = paired_document();
    const Document before = d;
    ShapeOnlyTimeZoneCatalog zones;
    CHECK_FALSE(write_value(d, "R1", "P1", *parse_field_name("availability"), {"someday 9-5"}, zones).ok());
    CHECK_FALSE(write_value(d, "R1", "P1", *parse_field_name("availability"), {"mon 09:00-11:00", "mon 10:00-12:00"}, zones).ok());
    CHECK_FALSE(write_value(d, "R1", "P1", *parse_field_name("time_zone"), {"Mars"}, zones).ok());
    CHECK_FALSE(write_value(d, "R1", "P2", *parse_field_name("feedback/ses-1"), {"9"}, zones).ok());
    CHECK_FALSE(write_value(d, "R1", "P1", *parse_field_name("session/ses-1/status"), {"cancelled"}, zones).ok());
    CHECK(d == before);
}

TEST_CASE("sessions and feedback only of the participant's own pair") {
    Document d = paired_document();
    ShapeOnlyTimeZoneCatalog zones;
    // P3 is not in pair-1.
    const Result<void> other = write_value(d, "R1", "P3", *parse_field_name("session/ses-2/status"), {"held"}, zones);
    REQUIRE_FALSE(other.ok());
    CHECK(other.message().find("not of P3's own pair") != std::string::npos);
    CHECK_FALSE(write_value(d, "R1", "P3", *parse_field_name("close-out/pair-1"), {"5"}, zones).ok());

    REQUIRE(write_value(d, "R1", "P1", *parse_field_name("session/ses-2/status"), {"held"}, zones).ok());
    CHECK(d.sessions[1].status == SessionStatus::Held);
    REQUIRE(write_value(d, "R1", "P1", *parse_field_name("session/ses-2/notes"), {"We tried the prompt library"}, zones).ok());
    CHECK(d.sessions[1].notes == "Notes of session 2\n\nZoë Åkesson: We tried the prompt library");
    const std::size_t feedback = d.feedback.size();
    REQUIRE(write_value(d, "R1", "P1", *parse_field_name("feedback/ses-2"), {"4", "Useful"}, zones).ok());
    REQUIRE(d.feedback.size() == feedback + 1);
    CHECK(d.feedback.back().author_id == "P1");
    CHECK(d.feedback.back().rating == 4);
    CHECK(d.feedback.back().comment == "Useful");
    // A second rating replaces the first rather than adding another.
    REQUIRE(write_value(d, "R1", "P1", *parse_field_name("feedback/ses-2"), {"5"}, zones).ok());
    CHECK(d.feedback.size() == feedback + 1);
    CHECK(d.feedback.back().rating == 5);
}
