// Turning the rows of an HR export into participants, and saying beforehand what will happen:
// rows to add, rows that update someone already in the roster, rows refused (row, column,
// reason). Nothing here changes the document; app/roster_import_edit.h makes the plan one
// undoable edit, and only rows that passed every check are in it.
//
// Rules, exactly:
//   - A row updates the person with the same e-mail (compared case-insensitively); otherwise
//     it adds a new person. The same e-mail twice in the file: the later row is refused.
//   - Updates only touch mapped columns whose cell is non-empty: an export that lacks a value
//     never wipes what the coordinator typed in Flipside. Ids never change.
//   - New people get their Employee ID as id when it is a valid id not used by anyone else,
//     otherwise a fresh "P0042"-style id (noted on the row).
//   - Name: the Name column, or First name + " " + Last name when Name is empty or unmapped.
//   - Lists (skills, goals, interests, languages): split as everywhere else (split_list() in
//     core/text.h): items end at ',', ';' or a line break (not at a ',' or ';' inside
//     parentheses), are trimmed, and empty ones and repeats (ignoring ASCII case) are
//     dropped. A skill may
//     carry its proficiency as "Python (4)" or "Python: 4"; without one an existing person
//     keeps the proficiency they had for it, a new one gets 3.
//   - Dates: ISO (2024-03-01, with an optional time after it), d.m.yyyy (always day first),
//     "1 Mar 2024", "Mar 1, 2024", and a/b/yyyy or a-b-yyyy, whose order is decided for the
//     whole file: a first number above 12 proves day/month, a second one above 12 proves
//     month/day. When no value proves either, the order is ambiguous: the report says so and
//     day/month is used unless the caller chose (RosterImportOptions::date_order).
//   - Availability: the week in one column ("Mon 09:00-11:00; Wed 14:00-16:30", "Tue/Thu
//     9-12", "Mon-Fri 9am-5pm") and/or a column per weekday ("09:00-11:00, 14:00-16:00"), read
//     by core/availability_text.h as local time in the person's own zone. Any non-empty cell
//     among them replaces the person's availability with all of them together. A cell that
//     cannot be read is noted (row, column, the text, why) and the availability is left as it
//     was: the row itself is still imported.
//   - The report warns about what matching will lack for the active people imported: "12
//     people have no availability yet", and the same for languages (while the current program
//     requires a common language), mentors' skills and mentees' learning goals.
//   - Manager: by e-mail or by employee id/participant id, among the roster and the file's
//     own valid rows. Not found, oneself, or closing a management loop: left unset, noted.
//   - Cells are trimmed; a leading apostrophe added by a spreadsheet export ("'=1+1") is
//     dropped; control characters are refused except line breaks in lists and background.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "core/time_zone_catalog.h"
#include "io/csv_reader.h"
#include "io/roster_mapping.h"

namespace flipside::io {

enum class DateOrder { DayMonthYear, MonthDayYear };
const char* date_order_name(DateOrder order);  // "day/month/year" / "month/day/year"

struct RosterImportOptions {
    std::optional<DateOrder> date_order;  // for a/b/yyyy dates; nullopt: decided from the file
    std::optional<Role> default_role;     // for new people without a role; nullopt: mentor, with a warning
    std::string default_time_zone = "UTC";  // for new people without a time zone
};

enum class RowOutcome { Add, Update, Unchanged, Refused };
const char* row_outcome_name(RowOutcome outcome);  // "add", "update", "unchanged", "refused"

// A problem (refusal) or a remark (accepted with a note) about one cell.
struct RowIssue {
    std::size_t row = 0;   // spreadsheet row number (header = row 1)
    std::size_t line = 0;  // line in the file where the row starts
    std::string column;    // the CSV header, or "(column 7)" when it has none
    std::string reason;
};
std::string format_row_issue(const RowIssue& issue);  // "row 7, column \"Hire date\": ..."

struct ImportedRow {
    std::size_t row = 0;
    std::size_t line = 0;
    RowOutcome outcome = RowOutcome::Refused;
    Participant participant;                   // the person as the import leaves them (not for Refused)
    std::size_t existing_index = SIZE_MAX;     // for Update/Unchanged: index in document.participants
    std::vector<std::string> changed_fields;   // for Update: roster_field_name()s that change
    std::vector<RowIssue> problems;            // why the row is refused (every one found)
    std::vector<RowIssue> notes;               // accepted, with a remark
};

struct RosterImportReport {
    std::vector<ImportedRow> rows;  // one per non-blank data row, in file order
    std::size_t to_add = 0;
    std::size_t to_update = 0;
    std::size_t unchanged = 0;
    std::size_t refused = 0;
    DateOrder date_order = DateOrder::DayMonthYear;
    bool date_order_ambiguous = false;  // no a/b/yyyy date in the file had a part above 12
    std::vector<std::string> warnings;  // about the whole file (dates, roles, ignored columns)

    // Rows that would be committed (add, update or already up to date).
    bool has_valid_rows() const { return to_add + to_update + unchanged > 0; }
    // Every refusal, in row order, one line each: what the user reads.
    std::vector<RowIssue> refusals() const;
};

// The plan, row by row; refused only when the mapping cannot be used at all (no e-mail or no
// name column: mapping_problems()), with message() listing why, joined by "; ".
Result<RosterImportReport> plan_roster_import(const Document& document, const CsvTable& table,
                                              const std::vector<RosterField>& mapping,
                                              const RosterImportOptions& options, const TimeZoneCatalog& time_zones);

// The report as text lines: counts, file warnings, then each refusal and note (at most
// `max_issue_lines` of them, then "… and N more"). Used by the CLI and the import dialog.
std::vector<std::string> format_import_report(const RosterImportReport& report, std::size_t max_issue_lines = 200);

// Parses one date cell the way the import does (exposed for the mapping preview and tests);
// refused with the reason when it is not a date.
Result<Date> parse_roster_date(const std::string& text, DateOrder order);

}  // namespace flipside::io
