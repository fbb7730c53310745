// Which participant field each CSV column fills: guessed from the header, overridden by the
// user ("Work Email=email" on the command line, a drop-down in the import dialog).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace flipside::io {

enum class RosterField {
    Ignore,         // the column is not imported
    EmployeeId,     // becomes the participant id of new people (see roster_import.h)
    Name,           // full name
    FirstName,      // combined with LastName when there is no full name
    LastName,
    Email,          // required: people are matched by e-mail
    Role,           // mentor / mentee
    Department,
    JobTitle,
    Level,          // 1..12, "L5" and "Grade 7" accepted
    HireDate,
    ManagerEmail,   // resolved to the manager's id
    ManagerId,      // the manager's employee id / participant id
    Skills,         // lists: "Excel; Python; Power BI"
    LearningGoals,
    Interests,
    Languages,
    TimeZone,
    Capacity,
    Active,         // yes / no, active / inactive
    Background,
    Availability,   // the whole week in one cell: "Mon 09:00-11:00; Wed 14:00-16:30" (core/availability_text.h)
    AvailabilityMonday,  // a column per weekday: "09:00-11:00, 14:00-16:00"
    AvailabilityTuesday,
    AvailabilityWednesday,
    AvailabilityThursday,
    AvailabilityFriday,
    AvailabilitySaturday,
    AvailabilitySunday,
};

// The weekday (0 = Monday) of a per-weekday availability field, or -1 for any other field.
int availability_weekday(RosterField field);

// Every field in the order the import dialog lists them (Ignore first).
const std::vector<RosterField>& all_roster_fields();
// The columns an import understands, in that order and as the dialog names them, for telling a
// new user what a file may hold: "Employee ID, Name, First name, ..., Availability (week) or
// one column per weekday, ..." (the per-weekday fields said once).
std::string understood_columns_text();
// The stable name used in --map and saved mappings: "email", "first_name", "ignore", ...
const char* roster_field_name(RosterField field);
// What the dialog shows: "E-mail", "First name", "(not imported)", ...
const char* roster_field_label(RosterField field);
// Accepts a name or a label, any case, '-' or ' ' for '_' ("Job title", "job-title").
std::optional<RosterField> parse_roster_field(std::string_view text);

// The field a header most likely means, or Ignore. Knows English, German and French HR
// exports ("Work Email", "E-Mail-Adresse", "Courriel", "Dept", "Abteilung", "Hire date",
// "Availability", "Verfügbarkeit", "Office hours", and a weekday's name for its own column:
// "Monday", "Montag", "Mon", "Tuesday availability", ...).
RosterField guess_roster_field(std::string_view header);

// One guess per column; when several columns guess the same field, the first one keeps it
// and the others are ignored (e.g. a second "Email" column).
std::vector<RosterField> guess_roster_mapping(const std::vector<std::string>& headers);

// "CSV header=field", e.g. "Courriel pro=email" or "Notes=ignore". Split at the last '=' so
// headers may contain '='.
struct MappingOverride {
    std::string header;
    RosterField field = RosterField::Ignore;
};
// Refused when the text has no '=', names no header or an unknown field.
Result<MappingOverride> parse_mapping_override(std::string_view text);

// `mapping` with the overrides applied by header (trimmed, ignoring ASCII case). A field given
// to a column is taken from any other column that had it, so each field stays on one column.
// Refused when a header is not in the file.
Result<std::vector<RosterField>> apply_mapping_overrides(std::vector<RosterField> mapping,
                                                         const std::vector<std::string>& headers,
                                                         const std::vector<MappingOverride>& overrides);

// What makes a mapping unusable: no e-mail column, no name column. Empty when it can be used.
std::vector<std::string> mapping_problems(const std::vector<RosterField>& mapping);

}  // namespace flipside::io
