#include "io/roster_import.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "core/availability_text.h"
#include "core/ids.h"
#include "core/profile_gaps.h"
#include "core/text.h"
#include "core/validation.h"
#include "io/csv_writer.h"
#include "io/json_fields.h"

namespace flipside::io {

namespace {

constexpr std::size_t kMaxNameBytes = 200;  // validation.cpp's limit for names
constexpr std::size_t kQuotedShown = 60;

std::string quote_value(std::string_view text) {
    if (text.size() <= kQuotedShown) return "\"" + std::string(text) + "\"";
    std::size_t cut = kQuotedShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters only
    return "\"" + std::string(text.substr(0, cut)) + "…\"";
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) {
    int value = 0;
    for (const char c : digits) value = value * 10 + (c - '0');
    return value;
}

// Drops a spreadsheet apostrophe, trims, and refuses control characters. Tabs become spaces;
// line breaks are kept only where `multiline`.
Result<std::string> clean_cell(const std::string& raw, bool multiline) {
    std::string value = trim_space(undo_formula_neutralisation(trim_space(raw)));
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c == '\t') {
            value[i] = ' ';
        } else if (c == '\n') {
            if (!multiline) value[i] = ' ';  // a line break inside a name is a typo, not a refusal
        } else if (c < 0x20 || c == 0x7F) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
            return Problem{"", std::string("contains the control character ") + code};
        } else if (c == 0xC2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(value[i + 1]) <= 0x9F) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(value[i + 1])));
            return Problem{"", std::string("contains the control character ") + code + " (a Windows-1252 byte with no character)"};
        }
    }
    return value;
}

//-----------------------------------------------------------------------------
// Dates
//-----------------------------------------------------------------------------

// "a/b/yyyy" or "a-b-yyyy" (1-2 digit a and b): the shape whose order must be decided.
bool slashed_parts(const std::string& text, int& a, int& b) {
    for (const char separator : {'/', '-'}) {
        const auto first = text.find(separator);
        if (first == std::string::npos) continue;
        const auto second = text.find(separator, first + 1);
        if (second == std::string::npos || text.find(separator, second + 1) != std::string::npos) continue;
        const std::string x = text.substr(0, first);
        const std::string y = text.substr(first + 1, second - first - 1);
        const std::string z = text.substr(second + 1);
        if (all_digits(x) && all_digits(y) && all_digits(z) && x.size() <= 2 && y.size() <= 2 && z.size() == 4) {
            a = to_int(x);
            b = to_int(y);
            return true;
        }
    }
    return false;
}

// Cuts a time of day after a date: "2024-03-01T09:00:00Z", "01/03/2024 00:00".
std::string without_time(const std::string& text) {
    const auto colon = text.find(':');
    if (colon == std::string::npos) return text;
    if (text.size() > 10 && all_digits(text.substr(0, 4)) && (text[10] == 'T' || text[10] == ' '))
        return text.substr(0, 10);
    const auto space = text.rfind(' ', colon);
    return space == std::string::npos ? text : trim_space(text.substr(0, space));
}

int month_from_name(const std::string& word) {
    static const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                          "july",    "august",   "september", "october", "november", "december"};
    const std::string w = fold_ascii(word);
    if (w.size() < 3) return 0;
    for (int m = 0; m < 12; ++m) {
        const std::string name = kMonths[m];
        if (w == name || w == name.substr(0, 3) || (w.size() >= 3 && name.compare(0, w.size(), w) == 0) ||
            (w == "sept" && m == 8))
            return m + 1;
    }
    return 0;
}

Result<Date> checked_date(int year, int month, int day, const std::string& text, const char* order) {
    if (year < 1900 || year > 2999) return Problem{"", quote_value(text) + ": the year must be 1900–2999"};
    if (!is_valid_date(year, month, day)) return Problem{"", quote_value(text) + " is not a valid " + order + " date"};
    return Date{year, month, day};
}

}  // namespace

const char* date_order_name(DateOrder order) {
    return order == DateOrder::DayMonthYear ? "day/month/year" : "month/day/year";
}

Result<Date> parse_roster_date(const std::string& raw, DateOrder order) {
    const std::string text = without_time(trim_space(raw));
    // Year first: 2024-03-01, 2024/3/1, 2024.03.01.
    if (text.size() >= 8 && all_digits(text.substr(0, 4)) && (text[4] == '-' || text[4] == '/' || text[4] == '.')) {
        const char separator = text[4];
        const auto second = text.find(separator, 5);
        if (second != std::string::npos) {
            const std::string m = text.substr(5, second - 5);
            const std::string d = text.substr(second + 1);
            if (all_digits(m) && all_digits(d) && m.size() <= 2 && d.size() <= 2)
                return checked_date(to_int(text.substr(0, 4)), to_int(m), to_int(d), raw, "year-month-day");
        }
    }
    // Day first with dots: 01.03.2024 (German, Swiss, Nordic, ... never month first).
    {
        const auto first = text.find('.');
        const auto second = first == std::string::npos ? first : text.find('.', first + 1);
        if (second != std::string::npos) {
            const std::string d = text.substr(0, first);
            const std::string m = text.substr(first + 1, second - first - 1);
            const std::string y = text.substr(second + 1);
            if (all_digits(d) && all_digits(m) && all_digits(y) && d.size() <= 2 && m.size() <= 2) {
                if (y.size() == 2) return Problem{"", quote_value(raw) + ": a two-digit year is ambiguous; use four digits"};
                if (y.size() == 4) return checked_date(to_int(y), to_int(m), to_int(d), raw, "day.month.year");
            }
        }
    }
    int a = 0;
    int b = 0;
    if (slashed_parts(text, a, b)) {
        const int year = to_int(text.substr(text.size() - 4));
        return order == DateOrder::DayMonthYear ? checked_date(year, b, a, raw, "day/month/year")
                                                : checked_date(year, a, b, raw, "month/day/year");
    }
    // a/b/yy: refused rather than guessed.
    for (const char separator : {'/', '-'}) {
        const auto first = text.find(separator);
        const auto last = text.rfind(separator);
        if (first != std::string::npos && last != first && all_digits(text.substr(last + 1)) &&
            text.size() - last - 1 == 2 && all_digits(text.substr(0, first)))
            return Problem{"", quote_value(raw) + ": a two-digit year is ambiguous; use four digits"};
    }
    // Month names in English: "1 Mar 2024", "01-Mar-2024", "March 1, 2024".
    {
        std::vector<std::string> words;
        std::string word;
        for (const char c : text + " ") {
            if (c == ' ' || c == '-' || c == ',' || c == '/') {
                if (!word.empty()) words.push_back(word);
                word.clear();
            } else {
                word += c;
            }
        }
        if (words.size() == 3 && all_digits(words[2]) && words[2].size() == 4) {
            const int year = to_int(words[2]);
            if (all_digits(words[0]) && words[0].size() <= 2 && month_from_name(words[1]))
                return checked_date(year, month_from_name(words[1]), to_int(words[0]), raw, "day month year");
            if (all_digits(words[1]) && words[1].size() <= 2 && month_from_name(words[0]))
                return checked_date(year, month_from_name(words[0]), to_int(words[1]), raw, "month day year");
        }
    }
    if (all_digits(text) && text.size() == 5)
        return Problem{"", quote_value(raw) + " looks like a spreadsheet date number; format the column as dates before saving the CSV"};
    return Problem{"", quote_value(raw) + " is not a date (write it as 2024-03-01)"};
}

const char* row_outcome_name(RowOutcome outcome) {
    switch (outcome) {
        case RowOutcome::Add: return "add";
        case RowOutcome::Update: return "update";
        case RowOutcome::Unchanged: return "unchanged";
        case RowOutcome::Refused: return "refused";
    }
    return "refused";
}

std::string format_row_issue(const RowIssue& issue) {
    return describe_row(issue.row, issue.line) + ", column " + quote_value(issue.column) + ": " + issue.reason;
}

std::vector<RowIssue> RosterImportReport::refusals() const {
    std::vector<RowIssue> out;
    for (const ImportedRow& row : rows)
        if (row.outcome == RowOutcome::Refused) out.insert(out.end(), row.problems.begin(), row.problems.end());
    return out;
}

namespace {

//-----------------------------------------------------------------------------
// Cell values
//-----------------------------------------------------------------------------

bool is_multiline(RosterField field) {
    switch (field) {
        case RosterField::Skills: case RosterField::LearningGoals: case RosterField::Interests:
        case RosterField::Languages: case RosterField::Background:
            return true;
        default:
            return false;
    }
}

// "Python (4)" / "Python: 4" -> name and proficiency; proficiency 0 when none is given.
Result<Skill> split_skill(const std::string& item) {
    std::string name = item;
    std::string digits;
    if (item.size() >= 4 && item.back() == ')') {
        const auto open = item.rfind('(');
        if (open != std::string::npos && all_digits(item.substr(open + 1, item.size() - open - 2))) {
            digits = item.substr(open + 1, item.size() - open - 2);
            name = trim_space(item.substr(0, open));
        }
    } else if (const auto colon = item.rfind(':'); colon != std::string::npos && all_digits(trim_space(item.substr(colon + 1)))) {
        digits = trim_space(item.substr(colon + 1));
        name = trim_space(item.substr(0, colon));
    }
    if (digits.empty()) return Skill{std::move(name), 0};
    if (digits.size() > 2 || to_int(digits) < 1 || to_int(digits) > 5)
        return Problem{"", "skill " + quote_value(item) + ": proficiency must be 1–5"};
    if (name.empty()) return Problem{"", "skill " + quote_value(item) + " has no name"};
    return Skill{std::move(name), to_int(digits)};
}

std::optional<Role> parse_role(const std::string& text) {
    const std::string t = fold_ascii(text);
    if (t.find("mentee") != std::string::npos || t.find("ment\xC3\xA9""e") != std::string::npos) return Role::Mentee;
    if (t.find("mentor") != std::string::npos) return Role::Mentor;
    return std::nullopt;
}

std::optional<bool> parse_active(const std::string& text) {
    const std::string t = fold_ascii(text);
    for (const char* yes : {"yes", "y", "true", "1", "x", "active", "aktiv", "ja", "oui", "actif", "willing"})
        if (t == yes) return true;
    for (const char* no : {"no", "n", "false", "0", "inactive", "inaktiv", "nein", "non", "inactif", "terminated",
                           "on leave", "leave", "withdrawn"})
        if (t == no) return false;
    return std::nullopt;
}

// "7", "L7", "Grade 7", "G-7": letters, spaces or '-' before a whole number.
std::optional<int> parse_level(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size() && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z') ||
                               text[i] == ' ' || text[i] == '-'))
        ++i;
    const std::string digits = text.substr(i);
    if (!all_digits(digits) || digits.size() > 3) return std::nullopt;
    return to_int(digits);
}

//-----------------------------------------------------------------------------
// Planning
//-----------------------------------------------------------------------------

bool is_valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_' || c == '.' || c == ':';
    });
}

struct FieldCell {
    std::size_t column = SIZE_MAX;  // SIZE_MAX: the field is not mapped
    std::string value;              // cleaned; empty when the cell is
    bool refused = false;           // the cell itself was refused (reported once, not again as empty)
};

struct RowWork {
    std::vector<FieldCell> fields;  // indexed by RosterField
    std::string email_key;          // lower-case e-mail
    std::string employee_id;
    bool manager_set_here = false;
    bool role_defaulted = false;  // a new person without a role cell and no default chosen
};

class Planner {
public:
    Planner(const Document& document, const CsvTable& table, const std::vector<RosterField>& mapping,
            const RosterImportOptions& options, const TimeZoneCatalog& time_zones, RosterImportReport& report)
        : document_(document), table_(table), mapping_(mapping), options_(options), time_zones_(time_zones),
          report_(report) {}

    void run() {
        field_count_ = all_roster_fields().size();
        decide_date_order();
        index_roster();
        std::vector<RowWork> work;
        work.reserve(table_.rows.size());
        report_.rows.reserve(table_.rows.size());
        for (const CsvRecord& record : table_.rows) {
            report_.rows.emplace_back();
            work.emplace_back();
            read_row(record, report_.rows.back(), work.back());
        }
        assign_ids(work);
        validate(work);
        resolve_managers(work);
        break_management_loops(work);
        decide_outcomes();
        file_warnings(work);
    }

private:
    std::string column_name(std::size_t column) const {
        if (column < table_.header.size()) {
            const std::string name = trim_space(table_.header[column]);
            if (!name.empty()) return name;
        }
        return "(column " + std::to_string(column + 1) + ")";
    }
    std::string field_column_name(const RowWork& work, RosterField field) const {
        const FieldCell& cell = work.fields[static_cast<std::size_t>(field)];
        return cell.column == SIZE_MAX ? std::string("(") + roster_field_label(field) + ")" : column_name(cell.column);
    }
    void problem(ImportedRow& row, std::string column, std::string reason) {
        row.problems.push_back(RowIssue{row.row, row.line, std::move(column), std::move(reason)});
    }
    void note(ImportedRow& row, std::string column, std::string reason) {
        row.notes.push_back(RowIssue{row.row, row.line, std::move(column), std::move(reason)});
    }
    const FieldCell& cell(const RowWork& work, RosterField field) const {
        return work.fields[static_cast<std::size_t>(field)];
    }
    static bool refused(const ImportedRow& row) { return !row.problems.empty(); }

    void decide_date_order() {
        std::size_t day_first = 0;
        std::size_t month_first = 0;
        for (std::size_t column = 0; column < mapping_.size(); ++column) {
            if (mapping_[column] != RosterField::HireDate) continue;
            for (const CsvRecord& record : table_.rows) {
                if (column >= record.cells.size()) continue;
                int a = 0;
                int b = 0;
                if (!slashed_parts(without_time(trim_space(record.cells[column])), a, b)) continue;
                if (a > 12 && b <= 12) ++day_first;
                if (b > 12 && a <= 12) ++month_first;
                if (a <= 12 && b <= 12 && a != b && ambiguous_example_.empty()) {
                    ambiguous_example_ = quote_value(trim_space(record.cells[column])) + " (" +
                                         describe_row(record.row, record.line) + ")";
                }
            }
        }
        if (options_.date_order) {
            report_.date_order = *options_.date_order;
        } else if (day_first || month_first) {
            // Both present means the column mixes orders; the rows that disagree with the
            // majority are then refused as invalid dates, each naming its value.
            report_.date_order = month_first > day_first ? DateOrder::MonthDayYear : DateOrder::DayMonthYear;
        } else if (!ambiguous_example_.empty()) {
            report_.date_order = DateOrder::DayMonthYear;
            report_.date_order_ambiguous = true;
        }
    }

    void index_roster() {
        for (std::size_t i = 0; i < document_.participants.size(); ++i) {
            const Participant& p = document_.participants[i];
            by_email_.emplace(fold_ascii(p.email), i);
            existing_ids_.emplace(p.id, i);
        }
    }

    void read_row(const CsvRecord& record, ImportedRow& row, RowWork& work) {
        row.row = record.row;
        row.line = record.line;
        work.fields.assign(field_count_, FieldCell{});
        for (std::size_t column = table_.header.size(); column < record.cells.size(); ++column) {
            if (!trim_space(record.cells[column]).empty()) {
                problem(row, column_name(column),
                        "this row has " + std::to_string(record.cells.size()) + " cells but the header has " +
                            std::to_string(table_.header.size()) + " columns (a value holding the delimiter without quotes?)");
                break;
            }
        }
        for (std::size_t column = 0; column < mapping_.size() && column < table_.header.size(); ++column) {
            const RosterField field = mapping_[column];
            if (field == RosterField::Ignore) continue;
            FieldCell& target = work.fields[static_cast<std::size_t>(field)];
            target.column = column;
            const std::string raw = column < record.cells.size() ? record.cells[column] : std::string();
            Result<std::string> cleaned = clean_cell(raw, is_multiline(field));
            if (cleaned) {
                target.value = std::move(*cleaned);
            } else {
                problem(row, column_name(column), cleaned.message());
                target.value.clear();
                target.refused = true;
            }
        }

        // E-mail: required, the key people are matched by.
        const FieldCell& email = cell(work, RosterField::Email);
        const std::string email_column = field_column_name(work, RosterField::Email);
        std::size_t existing = SIZE_MAX;
        if (email.refused) {
            // already reported
        } else if (email.value.empty()) {
            problem(row, email_column, "e-mail is empty");
        } else if (email.value.size() > kMaxShortText || !looks_like_email(email.value)) {
            problem(row, email_column, quote_value(email.value) + " is not an e-mail address");
        } else {
            work.email_key = fold_ascii(email.value);
            const auto earlier = rows_by_email_.emplace(work.email_key, row.row);
            if (!earlier.second)
                problem(row, email_column, "the same e-mail is already on row " + std::to_string(earlier.first->second));
            if (const auto found = by_email_.find(work.email_key); found != by_email_.end()) existing = found->second;
        }
        row.existing_index = existing;

        Participant p;
        if (existing != SIZE_MAX) {
            p = document_.participants[existing];
        } else {
            p.role = options_.default_role.value_or(Role::Mentor);
            p.time_zone = options_.default_time_zone;
            p.email = email.value;
        }

        // Name: full name, or first + last.
        const std::string& full = cell(work, RosterField::Name).value;
        std::string name = full;
        if (name.empty()) {
            name = trim_space(cell(work, RosterField::FirstName).value + " " + cell(work, RosterField::LastName).value);
        }
        const std::string name_column = cell(work, RosterField::Name).column != SIZE_MAX
                                             ? field_column_name(work, RosterField::Name)
                                             : field_column_name(work, cell(work, RosterField::FirstName).column != SIZE_MAX
                                                                              ? RosterField::FirstName
                                                                              : RosterField::LastName);
        if (!name.empty()) {
            if (name.size() > kMaxNameBytes)
                problem(row, name_column, "name is longer than " + std::to_string(kMaxNameBytes) + " bytes");
            else
                p.name = name;
        } else if (existing == SIZE_MAX && !cell(work, RosterField::Name).refused &&
                   !cell(work, RosterField::FirstName).refused && !cell(work, RosterField::LastName).refused) {
            problem(row, name_column, "name is empty");
        }

        const auto short_text = [&](RosterField field, std::string& target) {
            const FieldCell& c = cell(work, field);
            if (c.value.empty()) return;
            if (c.value.size() > kMaxShortText)
                problem(row, column_name(c.column), "longer than " + std::to_string(kMaxShortText) + " bytes");
            else
                target = c.value;
        };
        short_text(RosterField::Department, p.department);
        short_text(RosterField::JobTitle, p.job_title);
        if (const FieldCell& c = cell(work, RosterField::Background); !c.value.empty()) {
            if (c.value.size() > kMaxLongText)
                problem(row, column_name(c.column), "longer than " + std::to_string(kMaxLongText) + " bytes");
            else
                p.background = c.value;
        }

        if (const FieldCell& c = cell(work, RosterField::Role); !c.value.empty()) {
            if (const auto role = parse_role(c.value))
                p.role = *role;
            else
                problem(row, column_name(c.column), "role " + quote_value(c.value) + " is neither mentor nor mentee");
        } else if (existing == SIZE_MAX && !options_.default_role) {
            work.role_defaulted = true;
        }
        if (const FieldCell& c = cell(work, RosterField::Level); !c.value.empty()) {
            const auto level = parse_level(c.value);
            if (!level || *level < kMinLevel || *level > kMaxLevel)
                problem(row, column_name(c.column), "level " + quote_value(c.value) + " must be a whole number " +
                                                        std::to_string(kMinLevel) + "–" + std::to_string(kMaxLevel));
            else
                p.level = *level;
        }
        if (const FieldCell& c = cell(work, RosterField::Capacity); !c.value.empty()) {
            if (!all_digits(c.value) || c.value.size() > 3 || to_int(c.value) > kMaxCapacity)
                problem(row, column_name(c.column),
                        "capacity " + quote_value(c.value) + " must be a whole number 0–" + std::to_string(kMaxCapacity));
            else
                p.capacity = to_int(c.value);
        }
        if (const FieldCell& c = cell(work, RosterField::Active); !c.value.empty()) {
            if (const auto active = parse_active(c.value))
                p.active = *active;
            else
                problem(row, column_name(c.column), quote_value(c.value) + " is neither yes/active nor no/inactive");
        }
        if (const FieldCell& c = cell(work, RosterField::HireDate); !c.value.empty()) {
            if (const Result<Date> date = parse_roster_date(c.value, report_.date_order))
                p.hire_date = *date;
            else
                problem(row, column_name(c.column), date.message());
        }
        if (const FieldCell& c = cell(work, RosterField::TimeZone); !c.value.empty()) {
            std::string zone = c.value;
            // Workday shows "GMT+01:00 Central European Time (Europe/Paris)": the name is inside.
            if (!time_zones_.is_known(zone)) {
                const auto open = zone.rfind('(');
                const auto close = zone.rfind(')');
                if (open != std::string::npos && close != std::string::npos && close > open + 1)
                    zone = trim_space(zone.substr(open + 1, close - open - 1));
            }
            if (zone.size() <= kMaxShortText && time_zones_.is_known(zone))
                p.time_zone = zone;
            else
                problem(row, column_name(c.column), "unknown time zone " + quote_value(c.value) + " (use an IANA name such as Europe/Paris)");
        }

        const auto list = [&](RosterField field, std::vector<std::string>& target) {
            const FieldCell& c = cell(work, field);
            if (c.value.empty()) return;
            std::vector<std::string> items = split_list(c.value);
            if (items.size() > kMaxListItems) {
                problem(row, column_name(c.column), std::to_string(items.size()) + " items; the limit is " + std::to_string(kMaxListItems));
                return;
            }
            for (const std::string& item : items) {
                if (item.size() > kMaxShortText) {
                    problem(row, column_name(c.column), "item " + quote_value(item) + " is longer than " + std::to_string(kMaxShortText) + " bytes");
                    return;
                }
            }
            target = std::move(items);
        };
        list(RosterField::LearningGoals, p.learning_goals);
        list(RosterField::Interests, p.interests);
        list(RosterField::Languages, p.languages);
        if (const FieldCell& c = cell(work, RosterField::Skills); !c.value.empty()) {
            std::vector<std::string> items;
            list(RosterField::Skills, items);
            std::vector<Skill> skills;
            for (const std::string& item : items) {
                Result<Skill> split = split_skill(item);
                if (!split) {
                    problem(row, column_name(c.column), split.message());
                    continue;
                }
                Skill skill = std::move(*split);
                if (skill.proficiency == 0) {
                    skill.proficiency = 3;
                    for (const Skill& had : p.skills)
                        if (equals_ignoring_ascii_case(had.name, skill.name)) skill.proficiency = had.proficiency;
                }
                skills.push_back(std::move(skill));
            }
            if (!items.empty()) p.skills = std::move(skills);
        }
        read_availability(row, work, existing != SIZE_MAX, p);
        work.employee_id = cell(work, RosterField::EmployeeId).value;
        row.participant = std::move(p);
    }

    // The week in one column and/or a column per weekday, together. A cell that cannot be read
    // leaves the person's availability as it was (none for a new person) and says why: partial
    // hours would look complete to the scheduler.
    void read_availability(ImportedRow& row, const RowWork& work, bool existing, Participant& p) {
        std::vector<WeeklyWindow> windows;
        bool any_text = false;
        bool unreadable = false;
        for (const RosterField field : all_roster_fields()) {
            const int weekday = availability_weekday(field);
            if (field != RosterField::Availability && weekday < 0) continue;
            const FieldCell& c = cell(work, field);
            if (c.value.empty()) continue;
            any_text = true;
            Result<std::vector<WeeklyWindow>> read =
                weekday < 0 ? parse_weekly_availability(c.value) : parse_day_availability(c.value, weekday);
            if (!read) {
                note(row, column_name(c.column),
                     "availability " + quote_value(c.value) + " cannot be read: " + read.message() + "; " +
                         (existing ? "availability left unchanged" : "no availability set"));
                unreadable = true;
                continue;
            }
            windows.insert(windows.end(), read->begin(), read->end());
        }
        if (any_text && !unreadable && !windows.empty()) p.availability = merge_weekly_windows(std::move(windows));
    }

    std::string fresh_id() {
        return fresh_ids_.next([&](const std::string& id) {
            return existing_ids_.count(id) || reserved_ids_.count(id) || taken_ids_.count(id);
        });
    }

    void assign_ids(std::vector<RowWork>& work) {
        fresh_ids_ = IdMaker(kParticipantIds, document_.participants.size() + 1);  // as App::next_participant_id()
        // Employee ids that new rows will take are reserved first, so a fresh id given to an
        // earlier row never steals one.
        for (std::size_t i = 0; i < report_.rows.size(); ++i)
            if (report_.rows[i].existing_index == SIZE_MAX && is_valid_id(work[i].employee_id))
                reserved_ids_.insert(work[i].employee_id);
        std::unordered_map<std::string, std::size_t> employee_rows;
        for (std::size_t i = 0; i < report_.rows.size(); ++i) {
            ImportedRow& row = report_.rows[i];
            const std::string& employee_id = work[i].employee_id;
            const std::string column = field_column_name(work[i], RosterField::EmployeeId);
            if (!employee_id.empty()) {
                const auto earlier = employee_rows.emplace(employee_id, row.row);
                if (!earlier.second) {
                    problem(row, column, "Employee ID " + quote_value(employee_id) + " is also on row " +
                                             std::to_string(earlier.first->second));
                }
            }
            if (refused(row)) continue;
            if (row.existing_index != SIZE_MAX) {
                if (!employee_id.empty()) employee_to_id_.emplace(employee_id, row.participant.id);
                continue;
            }
            if (!employee_id.empty() && existing_ids_.count(employee_id)) {
                const Participant& holder = document_.participants[existing_ids_.at(employee_id)];
                problem(row, column, "Employee ID " + quote_value(employee_id) + " is already the id of " + holder.name +
                                         " <" + holder.email + ">, whose e-mail differs from this row's");
                continue;
            }
            if (is_valid_id(employee_id)) {
                row.participant.id = employee_id;
            } else {
                row.participant.id = fresh_id();
                if (!employee_id.empty())
                    note(row, column, "Employee ID " + quote_value(employee_id) +
                                          " cannot be an id (1–64 letters, digits, '-', '_', '.' or ':'); given id " +
                                          row.participant.id);
            }
            taken_ids_.insert(row.participant.id);
            if (!employee_id.empty()) employee_to_id_.emplace(employee_id, row.participant.id);
        }
    }

    // The shared record checks (validation.cpp), mapped back to the column each path came from.
    void validate(std::vector<RowWork>& work) {
        static const std::pair<const char*, RosterField> kPaths[] = {
            {"/id", RosterField::EmployeeId}, {"/name", RosterField::Name}, {"/email", RosterField::Email},
            {"/level", RosterField::Level}, {"/capacity", RosterField::Capacity}, {"/time_zone", RosterField::TimeZone},
            {"/skills", RosterField::Skills}, {"/learning_goals", RosterField::LearningGoals},
            {"/interests", RosterField::Interests}, {"/languages", RosterField::Languages},
        };
        for (std::size_t i = 0; i < report_.rows.size(); ++i) {
            ImportedRow& row = report_.rows[i];
            if (refused(row)) continue;
            for (const Problem& found : validate_participant(row.participant, time_zones_)) {
                RosterField field = RosterField::Ignore;
                for (const auto& [prefix, f] : kPaths)
                    if (found.path.rfind(prefix, 0) == 0) field = f;
                std::string column = field == RosterField::Ignore ? found.path : field_column_name(work[i], field);
                if (field == RosterField::TimeZone && cell(work[i], field).column == SIZE_MAX)
                    column = "(default time zone)";
                problem(row, column, found.reason);
            }
        }
    }

    void resolve_managers(std::vector<RowWork>& work) {
        std::unordered_map<std::string, std::string> id_by_email;
        for (const Participant& p : document_.participants) id_by_email.emplace(fold_ascii(p.email), p.id);
        std::unordered_set<std::string> known_ids;
        for (const Participant& p : document_.participants) known_ids.insert(p.id);
        for (const ImportedRow& row : report_.rows) {
            if (refused(row) || row.existing_index != SIZE_MAX) continue;
            id_by_email.emplace(fold_ascii(row.participant.email), row.participant.id);
            known_ids.insert(row.participant.id);
        }
        // People refused by this import are not in the roster afterwards: never point at them.
        for (std::size_t i = 0; i < report_.rows.size(); ++i) {
            ImportedRow& row = report_.rows[i];
            if (refused(row)) continue;
            const FieldCell& by_email = cell(work[i], RosterField::ManagerEmail);
            const FieldCell& by_id = cell(work[i], RosterField::ManagerId);
            if (by_email.value.empty() && by_id.value.empty()) continue;
            std::string manager;
            std::string column;
            std::string given;
            if (!by_email.value.empty()) {
                column = column_name(by_email.column);
                given = by_email.value;
                if (const auto found = id_by_email.find(fold_ascii(by_email.value)); found != id_by_email.end())
                    manager = found->second;
            }
            if (manager.empty() && !by_id.value.empty()) {
                if (column.empty()) {
                    column = column_name(by_id.column);
                    given = by_id.value;
                }
                if (const auto found = employee_to_id_.find(by_id.value); found != employee_to_id_.end())
                    manager = found->second;
                else if (known_ids.count(by_id.value))
                    manager = by_id.value;
            }
            const bool existing = row.existing_index != SIZE_MAX;
            if (manager.empty()) {
                note(row, column, "manager " + quote_value(given) + " is not in the roster or in this file; " +
                                      (existing ? "manager left unchanged" : "no manager set"));
            } else if (manager == row.participant.id) {
                note(row, column, "a person cannot be their own manager; " +
                                      std::string(existing ? "manager left unchanged" : "no manager set"));
            } else {
                row.participant.manager_id = manager;
                work[i].manager_set_here = true;
            }
        }
    }

    // Each person has at most one manager, so the links form a functional graph: one walk per
    // person, colouring as it goes, finds every loop in linear time.
    void break_management_loops(std::vector<RowWork>& work) {
        std::vector<std::string> ids;
        std::vector<std::string> managers;
        std::vector<std::size_t> import_row;  // index in report_.rows, or SIZE_MAX
        std::unordered_map<std::string, std::size_t> node;
        for (const Participant& p : document_.participants) {
            node.emplace(p.id, ids.size());
            ids.push_back(p.id);
            managers.push_back(p.manager_id);
            import_row.push_back(SIZE_MAX);
        }
        for (std::size_t i = 0; i < report_.rows.size(); ++i) {
            const ImportedRow& row = report_.rows[i];
            if (refused(row)) continue;
            const auto found = node.find(row.participant.id);
            std::size_t n = found == node.end() ? ids.size() : found->second;
            if (found == node.end()) {
                node.emplace(row.participant.id, n);
                ids.push_back(row.participant.id);
                managers.push_back({});
                import_row.push_back(SIZE_MAX);
            }
            managers[n] = row.participant.manager_id;
            import_row[n] = i;
        }
        enum : unsigned char { kUnseen, kOnPath, kDone };
        std::vector<unsigned char> state(ids.size(), kUnseen);
        std::vector<std::size_t> path;
        for (std::size_t start = 0; start < ids.size(); ++start) {
            path.clear();
            std::size_t at = start;
            while (at != SIZE_MAX && state[at] == kUnseen) {
                state[at] = kOnPath;
                path.push_back(at);
                const auto next = managers[at].empty() ? node.end() : node.find(managers[at]);
                at = next == node.end() ? SIZE_MAX : next->second;
            }
            if (at != SIZE_MAX && state[at] == kOnPath) {
                // A loop: at -> ... -> at. Cut the link this import made (the roster before had none).
                std::size_t cut = SIZE_MAX;
                std::string names;
                std::size_t k = at;
                do {
                    if (cut == SIZE_MAX && import_row[k] != SIZE_MAX && work[import_row[k]].manager_set_here) cut = k;
                    names += (names.empty() ? "" : " → ") + ids[k];
                    k = node.at(managers[k]);
                } while (k != at);
                names += " → " + ids[at];
                if (cut != SIZE_MAX) {
                    ImportedRow& row = report_.rows[import_row[cut]];
                    row.participant.manager_id.clear();
                    managers[cut].clear();
                    const FieldCell& by_email = cell(work[import_row[cut]], RosterField::ManagerEmail);
                    const FieldCell& by_id = cell(work[import_row[cut]], RosterField::ManagerId);
                    note(row, column_name(!by_email.value.empty() ? by_email.column : by_id.column),
                         "this manager would close a management loop (" + names + "); no manager set");
                }
            }
            for (const std::size_t n : path) state[n] = kDone;
        }
    }

    void decide_outcomes() {
        for (ImportedRow& row : report_.rows) {
            if (refused(row)) {
                row.outcome = RowOutcome::Refused;
                row.participant = Participant{};
                ++report_.refused;
                continue;
            }
            if (row.existing_index == SIZE_MAX) {
                row.outcome = RowOutcome::Add;
                ++report_.to_add;
                continue;
            }
            const Participant& before = document_.participants[row.existing_index];
            const Participant& after = row.participant;
            const auto changed = [&](bool differs, RosterField field) {
                if (differs) row.changed_fields.push_back(roster_field_name(field));
            };
            changed(before.name != after.name, RosterField::Name);
            changed(before.email != after.email, RosterField::Email);
            changed(before.role != after.role, RosterField::Role);
            changed(before.department != after.department, RosterField::Department);
            changed(before.job_title != after.job_title, RosterField::JobTitle);
            changed(before.level != after.level, RosterField::Level);
            changed(before.hire_date != after.hire_date, RosterField::HireDate);
            changed(before.manager_id != after.manager_id, RosterField::ManagerId);
            changed(before.skills != after.skills, RosterField::Skills);
            changed(before.learning_goals != after.learning_goals, RosterField::LearningGoals);
            changed(before.interests != after.interests, RosterField::Interests);
            changed(before.languages != after.languages, RosterField::Languages);
            changed(before.time_zone != after.time_zone, RosterField::TimeZone);
            changed(before.capacity != after.capacity, RosterField::Capacity);
            changed(before.active != after.active, RosterField::Active);
            changed(before.background != after.background, RosterField::Background);
            changed(before.availability != after.availability, RosterField::Availability);
            if (before == after) {
                row.outcome = RowOutcome::Unchanged;
                ++report_.unchanged;
            } else {
                row.outcome = RowOutcome::Update;
                ++report_.to_update;
            }
        }
    }

    void file_warnings(const std::vector<RowWork>& work) {
        std::size_t new_without_role = 0;
        for (std::size_t i = 0; i < report_.rows.size(); ++i)
            if (report_.rows[i].outcome == RowOutcome::Add && work[i].role_defaulted) ++new_without_role;
        if (report_.date_order_ambiguous)
            report_.warnings.push_back("dates such as " + ambiguous_example_ +
                                       " fit both day/month and month/day and no date in the file settles it; "
                                       "they were read as day/month/year. Choose month/day/year if that is wrong");
        if (new_without_role > 0)
            report_.warnings.push_back(std::to_string(new_without_role) + " new " +
                                       (new_without_role == 1 ? "person has" : "people have") +
                                       " no role in the file and will be added as mentors (choose a default role "
                                       "or map a Role column)");
        gap_warnings();
        std::string ignored;
        for (std::size_t column = 0; column < table_.header.size(); ++column)
            if (column >= mapping_.size() || mapping_[column] == RosterField::Ignore)
                ignored += (ignored.empty() ? "" : ", ") + quote_value(column_name(column));
        if (!ignored.empty()) report_.warnings.push_back("columns not imported: " + ignored);
    }

    // "12 people have no availability yet": what matching will lack for the people this import
    // leaves in the roster (active ones), so it is said before Matching proposes nobody.
    void gap_warnings() {
        std::vector<const Participant*> people;
        for (const ImportedRow& row : report_.rows)
            if (!refused(row)) people.push_back(&row.participant);
        const bool language_rule = common_language_required(document_);
        for (const ProfileGap gap : kAllProfileGaps) {
            const GapCount count = count_gap(people, gap, language_rule, true);
            if (count.missing == 0) continue;
            const bool one = count.missing == 1;
            std::string who = gap == ProfileGap::Skills          ? (one ? " mentor has" : " mentors have")
                              : gap == ProfileGap::LearningGoals ? (one ? " mentee has" : " mentees have")
                                                                 : (one ? " person has" : " people have");
            std::string text = std::to_string(count.missing) + who + " no " + profile_gap_field(gap) + " yet";
            switch (gap) {
                case ProfileGap::Availability:
                    text += ": matching and the schedule need it (map an availability column, or apply office hours "
                            "in People after importing)";
                    break;
                case ProfileGap::Languages:
                    text += ", and the program requires a common language: they cannot be paired until they have one";
                    break;
                case ProfileGap::Skills: text += ": pairing matches what mentors teach to what mentees want"; break;
                case ProfileGap::LearningGoals: text += ": pairing matches what mentees want to what mentors teach"; break;
            }
            report_.warnings.push_back(std::move(text));
        }
    }

    const Document& document_;
    const CsvTable& table_;
    const std::vector<RosterField>& mapping_;
    const RosterImportOptions& options_;
    const TimeZoneCatalog& time_zones_;
    RosterImportReport& report_;
    std::size_t field_count_ = 0;
    std::string ambiguous_example_;
    std::unordered_map<std::string, std::size_t> by_email_;        // roster e-mail (lower case) -> index
    std::unordered_map<std::string, std::size_t> existing_ids_;    // roster id -> index
    std::unordered_map<std::string, std::size_t> rows_by_email_;   // file e-mail -> first row number
    std::unordered_map<std::string, std::string> employee_to_id_;  // file Employee ID -> participant id
    std::unordered_set<std::string> reserved_ids_;
    std::unordered_set<std::string> taken_ids_;
    IdMaker fresh_ids_{kParticipantIds};
};

}  // namespace

Result<RosterImportReport> plan_roster_import(const Document& document, const CsvTable& table,
                                              const std::vector<RosterField>& mapping,
                                              const RosterImportOptions& options, const TimeZoneCatalog& time_zones) {
    std::vector<Problem> unusable;
    for (std::string& problem : mapping_problems(mapping)) unusable.push_back(Problem{"", std::move(problem)});
    if (!unusable.empty()) return unusable;
    RosterImportReport report;
    Planner(document, table, mapping, options, time_zones, report).run();
    return report;
}

std::vector<std::string> format_import_report(const RosterImportReport& report, std::size_t max_issue_lines) {
    std::vector<std::string> lines;
    lines.push_back(std::to_string(report.rows.size()) + " rows: " + std::to_string(report.to_add) + " to add, " +
                    std::to_string(report.to_update) + " to update, " + std::to_string(report.unchanged) +
                    " unchanged, " + std::to_string(report.refused) + " refused");
    for (const std::string& warning : report.warnings) lines.push_back("warning: " + warning);
    std::size_t shown = 0;
    std::size_t hidden = 0;
    for (const ImportedRow& row : report.rows) {
        for (const RowIssue& issue : row.problems) {
            if (shown < max_issue_lines) {
                lines.push_back("refused: " + format_row_issue(issue));
                ++shown;
            } else {
                ++hidden;
            }
        }
    }
    for (const ImportedRow& row : report.rows) {
        if (row.outcome == RowOutcome::Refused) continue;
        for (const RowIssue& issue : row.notes) {
            if (shown < max_issue_lines) {
                lines.push_back("note: " + format_row_issue(issue));
                ++shown;
            } else {
                ++hidden;
            }
        }
    }
    if (hidden) lines.push_back("… and " + std::to_string(hidden) + " more");
    return lines;
}

}  // namespace flipside::io
