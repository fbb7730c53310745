#include <doctest/doctest.h>

#include "io/roster_mapping.h"

using namespace flipside::io;

TEST_CASE("headers from HR exports guess the right profile field") {
    const std::pair<const char*, RosterField> cases[] = {
        {"Work Email", RosterField::Email},
        {"E-mail", RosterField::Email},
        {"Email Address", RosterField::Email},
        {"E-Mail-Adresse", RosterField::Email},
        {"Courriel", RosterField::Email},
        {"Personal Email", RosterField::Ignore},
        {"Dept", RosterField::Department},
        {"Department", RosterField::Department},
        {"Abteilung", RosterField::Department},
        {"Supervisory Organization", RosterField::Department},
        {"Job Title", RosterField::JobTitle},
        {"Title", RosterField::JobTitle},
        {"Position", RosterField::JobTitle},
        {"Start Date", RosterField::HireDate},
        {"Hire date", RosterField::HireDate},
        {"Original Hire Date", RosterField::HireDate},
        {"Eintrittsdatum", RosterField::HireDate},
        {"Date d'embauche", RosterField::HireDate},
        {"Manager Email", RosterField::ManagerEmail},
        {"Line manager e-mail", RosterField::ManagerEmail},
        {"Manager Employee ID", RosterField::ManagerId},
        {"Manager", RosterField::Ignore},
        {"Manager Name", RosterField::Ignore},
        {"Skills", RosterField::Skills},
        {"Competencies", RosterField::Skills},
        {"Time Zone", RosterField::TimeZone},
        {"Timezone", RosterField::TimeZone},
        {"Role", RosterField::Role},
        {"Program role", RosterField::Role},
        {"Time in role", RosterField::Ignore},
        {"Level", RosterField::Level},
        {"Grade", RosterField::Level},
        {"Job Level", RosterField::Level},
        {"Languages", RosterField::Languages},
        {"Spoken languages", RosterField::Languages},
        {"Interests", RosterField::Interests},
        {"Hobbies", RosterField::Interests},
        {"Learning goals", RosterField::LearningGoals},
        {"Development goals", RosterField::LearningGoals},
        {"Capacity", RosterField::Capacity},
        {"Max mentees", RosterField::Capacity},
        {"Employee ID", RosterField::EmployeeId},
        {"Employee Number", RosterField::EmployeeId},
        {"ID", RosterField::EmployeeId},
        {"First Name", RosterField::FirstName},
        {"Legal First Name", RosterField::FirstName},
        {"Given name", RosterField::FirstName},
        {"Vorname", RosterField::FirstName},
        {"Prénom", RosterField::FirstName},
        {"Last Name", RosterField::LastName},
        {"Surname", RosterField::LastName},
        {"Nachname", RosterField::LastName},
        {"Name", RosterField::Name},
        {"Full name", RosterField::Name},
        {"Employee Name", RosterField::Name},
        {"Status", RosterField::Active},
        {"Education", RosterField::Background},
        {"Education level", RosterField::Background},
        {"Cost Center", RosterField::Ignore},
        {"", RosterField::Ignore},
    };
    for (const auto& entry : cases) {
        INFO("header: " << entry.first);
        CHECK(roster_field_name(guess_roster_field(entry.first)) == std::string(roster_field_name(entry.second)));
    }
}

TEST_CASE("each field goes to one column: an exact header beats a keyword hit, then the leftmost") {
    const auto mapping = guess_roster_mapping({"Email verified", "Email", "Work Email", "Name"});
    CHECK(mapping == std::vector<RosterField>{RosterField::Ignore, RosterField::Email, RosterField::Ignore, RosterField::Name});
    const auto two = guess_roster_mapping({"Work Email", "Business Email"});
    CHECK(two == std::vector<RosterField>{RosterField::Email, RosterField::Ignore});
}

TEST_CASE("German and French exports: Name or Nom next to a first-name column is the surname") {
    CHECK(guess_roster_mapping({"Vorname", "Name", "E-Mail"}) ==
          std::vector<RosterField>{RosterField::FirstName, RosterField::LastName, RosterField::Email});
    CHECK(guess_roster_mapping({"Prénom", "Nom", "Courriel"}) ==
          std::vector<RosterField>{RosterField::FirstName, RosterField::LastName, RosterField::Email});
    CHECK(guess_roster_mapping({"Name", "First name", "Last name", "Email"}) ==
          std::vector<RosterField>{RosterField::Name, RosterField::FirstName, RosterField::LastName, RosterField::Email});
}

TEST_CASE("field names and labels parse back") {
    for (const RosterField field : all_roster_fields()) {
        CHECK(parse_roster_field(roster_field_name(field)) == field);
        CHECK(parse_roster_field(roster_field_label(field)) == field);
    }
    CHECK(parse_roster_field("Job title") == RosterField::JobTitle);
    CHECK(parse_roster_field(" HIRE-DATE ") == RosterField::HireDate);
    CHECK(parse_roster_field("e-mail") == RosterField::Email);
    CHECK(parse_roster_field("skip") == RosterField::Ignore);
    CHECK_FALSE(parse_roster_field("shoe size"));
}

TEST_CASE("overrides \"CSV header=field\"") {
    auto parsed = parse_mapping_override("Courriel pro=email");
    REQUIRE(parsed);
    CHECK(parsed->header == "Courriel pro");
    CHECK(parsed->field == RosterField::Email);
    parsed = parse_mapping_override("a=b = c=department");  // split at the last '='
    REQUIRE(parsed);
    CHECK(parsed->header == "a=b = c");

    CHECK(parse_mapping_override("no equals sign").message() ==
          "--map \"no equals sign\" needs the form \"CSV header=field\"");
    CHECK(parse_mapping_override("=email").message() == "--map \"=email\" names no CSV header before '='");
    CHECK_FALSE(parse_mapping_override("Dept=shoe_size"));
    CHECK(parse_mapping_override("Dept=shoe_size").message().find("unknown field \"shoe_size\"") != std::string::npos);

    const std::vector<std::string> headers = {"Mail", "Work Email", "Team", "Notes"};
    const std::vector<RosterField> guessed = guess_roster_mapping(headers);
    CHECK(guessed[0] == RosterField::Email);
    const auto mapping = apply_mapping_overrides(guessed, headers,
                                                 {{"work email", RosterField::Email}, {"Notes", RosterField::Background},
                                                  {"Team", RosterField::Ignore}});
    REQUIRE(mapping);
    // The e-mail moved to "Work Email"; "Mail" lost it, so the field stays on one column.
    CHECK(*mapping == std::vector<RosterField>{RosterField::Ignore, RosterField::Email, RosterField::Ignore,
                                               RosterField::Background});
    const auto unknown = apply_mapping_overrides(*mapping, headers, {{"Shoe size", RosterField::Level}});
    CHECK_FALSE(unknown);
    CHECK(unknown.message().find("the file has no column \"Shoe size\"") != std::string::npos);
}

TEST_CASE("a mapping without e-mail or name cannot be used") {
    CHECK(mapping_problems({RosterField::Name, RosterField::Email}).empty());
    CHECK(mapping_problems({RosterField::FirstName, RosterField::Email}).empty());
    const auto problems = mapping_problems({RosterField::Department});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("e-mail") != std::string::npos);
}

TEST_CASE("availability headers: the week in one column, or a column per weekday") {
    CHECK(guess_roster_field("Availability") == RosterField::Availability);
    CHECK(guess_roster_field("Weekly availability") == RosterField::Availability);
    CHECK(guess_roster_field("When are you available?") == RosterField::Availability);
    CHECK(guess_roster_field("Office hours") == RosterField::Availability);
    CHECK(guess_roster_field("Verfügbarkeit") == RosterField::Availability);
    CHECK(guess_roster_field("Disponibilités") == RosterField::Availability);
    CHECK(guess_roster_field("Monday") == RosterField::AvailabilityMonday);
    CHECK(guess_roster_field("Tuesday availability") == RosterField::AvailabilityTuesday);
    CHECK(guess_roster_field("Available Wednesday") == RosterField::AvailabilityWednesday);
    CHECK(guess_roster_field("Thu") == RosterField::AvailabilityThursday);
    CHECK(guess_roster_field("Freitag") == RosterField::AvailabilityFriday);
    CHECK(guess_roster_field("samedi") == RosterField::AvailabilitySaturday);
    CHECK(guess_roster_field("Sunday") == RosterField::AvailabilitySunday);
    CHECK(availability_weekday(RosterField::AvailabilityMonday) == 0);
    CHECK(availability_weekday(RosterField::AvailabilitySunday) == 6);
    CHECK(availability_weekday(RosterField::Availability) == -1);
    CHECK(availability_weekday(RosterField::Email) == -1);
    CHECK(parse_roster_field("availability_friday") == RosterField::AvailabilityFriday);
    CHECK(parse_roster_field("Availability (week)") == RosterField::Availability);  // the dialog's label
    CHECK(parse_roster_field("availability") == RosterField::Availability);
    const std::vector<RosterField> mapping = guess_roster_mapping({"Name", "Email", "Monday", "Tuesday", "Availability"});
    CHECK(mapping == std::vector<RosterField>{RosterField::Name, RosterField::Email, RosterField::AvailabilityMonday,
                                              RosterField::AvailabilityTuesday, RosterField::Availability});
}

TEST_CASE("the columns an import understands are said from the field list, weekdays once") {
    const std::string text = understood_columns_text();
    for (const RosterField field : all_roster_fields()) {
        if (field == RosterField::Ignore || availability_weekday(field) >= 0) continue;
        CHECK_MESSAGE(text.find(roster_field_label(field)) != std::string::npos, roster_field_label(field));
    }
    CHECK(text.rfind("Employee ID, Name, First name, Last name, E-mail", 0) == 0);
    CHECK(text.find("Availability (week) or one column per weekday") != std::string::npos);
    CHECK(text.find("Monday") == std::string::npos);
    CHECK(text.find("(not imported)") == std::string::npos);
}
