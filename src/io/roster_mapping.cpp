#include "io/roster_mapping.h"

#include <algorithm>
#include <utility>

#include "core/text.h"

namespace flipside::io {

namespace {

struct FieldInfo {
    RosterField field;
    const char* name;
    const char* label;
};

const FieldInfo kFields[] = {
    {RosterField::Ignore, "ignore", "(not imported)"},
    {RosterField::EmployeeId, "employee_id", "Employee ID"},
    {RosterField::Name, "name", "Name"},
    {RosterField::FirstName, "first_name", "First name"},
    {RosterField::LastName, "last_name", "Last name"},
    {RosterField::Email, "email", "E-mail"},
    {RosterField::Role, "role", "Role"},
    {RosterField::Department, "department", "Department"},
    {RosterField::JobTitle, "job_title", "Job title"},
    {RosterField::Level, "level", "Level"},
    {RosterField::HireDate, "hire_date", "Hire date"},
    {RosterField::ManagerEmail, "manager_email", "Manager e-mail"},
    {RosterField::ManagerId, "manager_id", "Manager ID"},
    {RosterField::Skills, "skills", "Skills"},
    {RosterField::LearningGoals, "learning_goals", "Learning goals"},
    {RosterField::Interests, "interests", "Interests"},
    {RosterField::Languages, "languages", "Languages"},
    {RosterField::TimeZone, "time_zone", "Time zone"},
    {RosterField::Capacity, "capacity", "Capacity"},
    {RosterField::Active, "active", "Active"},
    {RosterField::Background, "background", "Background"},
    {RosterField::Availability, "availability", "Availability (week)"},
    {RosterField::AvailabilityMonday, "availability_monday", "Availability Monday"},
    {RosterField::AvailabilityTuesday, "availability_tuesday", "Availability Tuesday"},
    {RosterField::AvailabilityWednesday, "availability_wednesday", "Availability Wednesday"},
    {RosterField::AvailabilityThursday, "availability_thursday", "Availability Thursday"},
    {RosterField::AvailabilityFriday, "availability_friday", "Availability Friday"},
    {RosterField::AvailabilitySaturday, "availability_saturday", "Availability Saturday"},
    {RosterField::AvailabilitySunday, "availability_sunday", "Availability Sunday"},
};

// A weekday named in a header, in the languages the aliases know; Monday first.
const char* const kWeekdayHeaderWords[7][3] = {
    {"monday", "montag", "lundi"},     {"tuesday", "dienstag", "mardi"}, {"wednesday", "mittwoch", "mercredi"},
    {"thursday", "donnerstag", "jeudi"}, {"friday", "freitag", "vendredi"}, {"saturday", "samstag", "samedi"},
    {"sunday", "sonntag", "dimanche"},
};
const char* const kWeekdayShortHeaders[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// Lower-case ASCII letters and digits only; bytes of other scripts are kept as they are, so
// "Prénom" -> "prénom", "E-Mail-Adresse" -> "emailadresse", "Date d'embauche" -> "datedembauche".
std::string normalise(std::string_view header) {
    std::string out;
    for (const char ch : header) {
        const auto c = static_cast<unsigned char>(fold_ascii(ch));
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) out += static_cast<char>(c);
    }
    // Accented capitals seen in header rows ("É", "Ü") lower-cased so aliases match either.
    const std::pair<const char*, const char*> kCapitals[] = {{"\xC3\x89", "\xC3\xA9"}, {"\xC3\x9C", "\xC3\xBC"},
                                                             {"\xC3\x84", "\xC3\xA4"}, {"\xC3\x96", "\xC3\xB6"}};
    for (const auto& [upper, lower] : kCapitals)
        for (std::size_t at = out.find(upper); at != std::string::npos; at = out.find(upper, at)) out.replace(at, 2, lower);
    return out;
}

std::string trimmed_lower(std::string_view text) { return fold_ascii(trim_space(text)); }

bool contains(const std::string& text, std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(), [&](const char* w) { return text.find(w) != std::string::npos; });
}

// Whole-header aliases (after normalise()). Checked before the keyword rules below.
const std::pair<const char*, RosterField> kAliases[] = {
    {"id", RosterField::EmployeeId}, {"employeeid", RosterField::EmployeeId}, {"employeenumber", RosterField::EmployeeId},
    {"employeeno", RosterField::EmployeeId}, {"empid", RosterField::EmployeeId}, {"workerid", RosterField::EmployeeId},
    {"staffid", RosterField::EmployeeId}, {"personnelnumber", RosterField::EmployeeId},
    {"personalnummer", RosterField::EmployeeId}, {"matricule", RosterField::EmployeeId},
    {"name", RosterField::Name}, {"fullname", RosterField::Name}, {"employeename", RosterField::Name},
    {"employee", RosterField::Name}, {"worker", RosterField::Name}, {"displayname", RosterField::Name},
    {"legalname", RosterField::Name}, {"preferredname", RosterField::Name}, {"participant", RosterField::Name},
    {"nomcomplet", RosterField::Name}, {"vollständigername", RosterField::Name},
    {"nom", RosterField::LastName}, {"nachname", RosterField::LastName}, {"surname", RosterField::LastName},
    {"email", RosterField::Email}, {"mail", RosterField::Email}, {"courriel", RosterField::Email},
    {"role", RosterField::Role}, {"rôle", RosterField::Role}, {"rolle", RosterField::Role},
    {"participanttype", RosterField::Role}, {"mentorormentee", RosterField::Role}, {"mentormentee", RosterField::Role},
    {"dept", RosterField::Department}, {"department", RosterField::Department}, {"abteilung", RosterField::Department},
    {"département", RosterField::Department}, {"service", RosterField::Department}, {"division", RosterField::Department},
    {"businessunit", RosterField::Department}, {"supervisoryorganization", RosterField::Department},
    {"team", RosterField::Department},
    {"title", RosterField::JobTitle}, {"jobtitle", RosterField::JobTitle}, {"position", RosterField::JobTitle},
    {"jobprofile", RosterField::JobTitle}, {"poste", RosterField::JobTitle}, {"stellenbezeichnung", RosterField::JobTitle},
    {"funktion", RosterField::JobTitle}, {"fonction", RosterField::JobTitle},
    {"level", RosterField::Level}, {"grade", RosterField::Level}, {"band", RosterField::Level},
    {"joblevel", RosterField::Level}, {"seniority", RosterField::Level}, {"niveau", RosterField::Level},
    {"stufe", RosterField::Level},
    {"startdate", RosterField::HireDate}, {"hiredate", RosterField::HireDate}, {"datehired", RosterField::HireDate},
    {"eintrittsdatum", RosterField::HireDate}, {"datedembauche", RosterField::HireDate},
    {"dateofjoining", RosterField::HireDate}, {"joindate", RosterField::HireDate},
    {"originalhiredate", RosterField::HireDate}, {"continuousservicedate", RosterField::HireDate},
    {"timezone", RosterField::TimeZone}, {"tz", RosterField::TimeZone}, {"zeitzone", RosterField::TimeZone},
    {"fuseauhoraire", RosterField::TimeZone},
    {"capacity", RosterField::Capacity}, {"maxmentees", RosterField::Capacity}, {"kapazität", RosterField::Capacity},
    {"active", RosterField::Active}, {"status", RosterField::Active}, {"aktiv", RosterField::Active},
    {"workerstatus", RosterField::Active}, {"employeestatus", RosterField::Active},
    {"background", RosterField::Background}, {"bio", RosterField::Background}, {"about", RosterField::Background},
    {"education", RosterField::Background},
    {"availability", RosterField::Availability}, {"available", RosterField::Availability},
    {"verfügbarkeit", RosterField::Availability}, {"disponibilité", RosterField::Availability},
    {"disponibilite", RosterField::Availability}, {"officehours", RosterField::Availability},
    {"workinghours", RosterField::Availability},
};

RosterField weekday_field(int weekday) {
    return static_cast<RosterField>(static_cast<int>(RosterField::AvailabilityMonday) + weekday);
}

}  // namespace

int availability_weekday(RosterField field) {
    const int offset = static_cast<int>(field) - static_cast<int>(RosterField::AvailabilityMonday);
    return offset >= 0 && offset < 7 ? offset : -1;
}

const std::vector<RosterField>& all_roster_fields() {
    static const std::vector<RosterField> fields = [] {
        std::vector<RosterField> out;
        for (const FieldInfo& info : kFields) out.push_back(info.field);
        return out;
    }();
    return fields;
}

std::string understood_columns_text() {
    std::string text;
    for (const RosterField field : all_roster_fields()) {
        const int weekday = availability_weekday(field);
        if (field == RosterField::Ignore || weekday > 0) continue;
        if (weekday == 0) {
            text += " or one column per weekday";
            continue;
        }
        text += (text.empty() ? "" : ", ") + std::string(roster_field_label(field));
    }
    return text;
}

const char* roster_field_name(RosterField field) {
    for (const FieldInfo& info : kFields)
        if (info.field == field) return info.name;
    return "ignore";
}

const char* roster_field_label(RosterField field) {
    for (const FieldInfo& info : kFields)
        if (info.field == field) return info.label;
    return "(not imported)";
}

std::optional<RosterField> parse_roster_field(std::string_view text) {
    std::string wanted = trimmed_lower(text);
    for (char& c : wanted)
        if (c == ' ' || c == '-') c = '_';
    for (const FieldInfo& info : kFields) {
        std::string label = trimmed_lower(info.label);
        for (char& c : label)
            if (c == ' ' || c == '-') c = '_';
        if (wanted == info.name || wanted == label) return info.field;
    }
    if (wanted == "e_mail" || wanted == "mail") return RosterField::Email;
    if (wanted == "none" || wanted == "skip" || wanted == "-" || wanted == "_") return RosterField::Ignore;
    return std::nullopt;
}

RosterField guess_roster_field(std::string_view header) {
    const std::string h = normalise(header);
    if (h.empty()) return RosterField::Ignore;
    for (const auto& [alias, field] : kAliases)
        if (h == alias) return field;

    // Keyword rules, most specific first: a manager's e-mail is not the person's e-mail, and
    // a personal address is not the work one people are matched by.
    if (contains(h, {"manager", "supervisor", "vorgesetzte", "responsable", "reportsto", "linemanager"})) {
        if (contains(h, {"mail", "courriel"})) return RosterField::ManagerEmail;
        if (h.size() >= 2 && (h.compare(h.size() - 2, 2, "id") == 0 || contains(h, {"number", "nummer", "matricule"})))
            return RosterField::ManagerId;
        return RosterField::Ignore;  // a manager's name cannot be resolved reliably
    }
    if (contains(h, {"mail", "courriel"})) {
        if (contains(h, {"personal", "private", "privat", "personnel", "home"})) return RosterField::Ignore;
        return RosterField::Email;
    }
    if (contains(h, {"firstname", "givenname", "forename", "vorname", "prénom", "prenom"})) return RosterField::FirstName;
    if (contains(h, {"lastname", "surname", "familyname", "nachname", "nomdefamille"})) return RosterField::LastName;
    if (contains(h, {"employeeid", "employeenumber", "workerid", "personnelnumber", "personalnummer", "staffnumber"}))
        return RosterField::EmployeeId;
    if (contains(h, {"timezone", "zeitzone", "fuseau"})) return RosterField::TimeZone;
    // A weekday's own column ("Monday", "Montag", "Mon", "Tuesday availability"); the week in one
    // column ("Availability", "Office hours", "When are you available?").
    for (int day = 0; day < 7; ++day)
        if (h == kWeekdayShortHeaders[day] ||
            std::any_of(std::begin(kWeekdayHeaderWords[day]), std::end(kWeekdayHeaderWords[day]),
                        [&](const char* word) { return h.find(word) != std::string::npos; }))
            return weekday_field(day);
    if (contains(h, {"availab", "verfügbar", "disponib", "officehours", "workinghours", "meetingtime", "preferredtime"}))
        return RosterField::Availability;
    if (contains(h, {"hire", "startdate", "eintritt", "embauche", "joining", "joined", "servicedate"}))
        return RosterField::HireDate;
    if (contains(h, {"department", "dept", "abteilung", "département", "businessunit", "division"}))
        return RosterField::Department;
    if (contains(h, {"jobtitle", "title", "position", "stellenbezeichnung", "jobprofile", "poste"}))
        return RosterField::JobTitle;
    if (contains(h, {"skill", "competenc", "compétence", "kenntnis", "fähigkeit", "expertise", "canteach", "strength"}))
        return RosterField::Skills;
    if (contains(h, {"goal", "learn", "lernziel", "objectif", "development", "wantto"})) return RosterField::LearningGoals;
    if (contains(h, {"interest", "hobb", "interessen", "intérêt", "passion"})) return RosterField::Interests;
    if (contains(h, {"language", "sprache", "langue"})) return RosterField::Languages;
    if (contains(h, {"capacity", "maxmentee", "kapazität"})) return RosterField::Capacity;
    if (contains(h, {"background", "biography", "education"})) return RosterField::Background;
    if (contains(h, {"level", "grade", "seniority", "niveau"})) return RosterField::Level;
    // "Time in role" or "Role start date" hold durations and dates, not mentor/mentee.
    if (contains(h, {"role", "rolle", "rôle"}) && !contains(h, {"time", "since", "date", "year", "month"}))
        return RosterField::Role;
    if (contains(h, {"fullname", "displayname", "employeename", "legalname", "preferredname"})) return RosterField::Name;
    return RosterField::Ignore;
}

std::vector<RosterField> guess_roster_mapping(const std::vector<std::string>& headers) {
    std::vector<RosterField> mapping(headers.size(), RosterField::Ignore);
    // A whole-header alias outranks a keyword hit, so "Email" beats "Email verified".
    std::vector<int> rank(headers.size(), 0);
    for (std::size_t i = 0; i < headers.size(); ++i) {
        mapping[i] = guess_roster_field(headers[i]);
        const std::string h = normalise(headers[i]);
        rank[i] = std::any_of(std::begin(kAliases), std::end(kAliases), [&](const auto& a) { return h == a.first; }) ? 2 : 1;
    }
    for (std::size_t i = 0; i < headers.size(); ++i) {
        if (mapping[i] == RosterField::Ignore) continue;
        for (std::size_t j = 0; j < headers.size(); ++j) {
            if (j == i || mapping[j] != mapping[i]) continue;
            // Keep the higher rank; on a tie, the leftmost column.
            if (rank[j] > rank[i] || (rank[j] == rank[i] && j < i)) {
                mapping[i] = RosterField::Ignore;
                break;
            }
        }
    }
    // German and French exports call the surname "Name" / "Nom" next to "Vorname" / "Prénom".
    const auto has = [&](RosterField f) { return std::find(mapping.begin(), mapping.end(), f) != mapping.end(); };
    if (has(RosterField::FirstName) && !has(RosterField::LastName)) {
        for (std::size_t i = 0; i < headers.size(); ++i) {
            if (mapping[i] == RosterField::Name && normalise(headers[i]) == "name") {
                mapping[i] = RosterField::LastName;
                break;
            }
        }
    }
    return mapping;
}

Result<MappingOverride> parse_mapping_override(std::string_view text) {
    const std::size_t equals = text.rfind('=');
    if (equals == std::string_view::npos)
        return Problem{"", "--map \"" + std::string(text) + "\" needs the form \"CSV header=field\""};
    const std::string_view header = text.substr(0, equals);
    const std::string_view field_text = text.substr(equals + 1);
    if (trimmed_lower(header).empty())
        return Problem{"", "--map \"" + std::string(text) + "\" names no CSV header before '='"};
    const auto field = parse_roster_field(field_text);
    if (!field) {
        std::string known;
        for (const FieldInfo& info : kFields) known += std::string(known.empty() ? "" : ", ") + info.name;
        return Problem{"", "--map \"" + std::string(text) + "\": unknown field \"" + std::string(field_text) +
                               "\" (fields: " + known + ")"};
    }
    return MappingOverride{trim_space(header), *field};
}

Result<std::vector<RosterField>> apply_mapping_overrides(std::vector<RosterField> mapping,
                                                         const std::vector<std::string>& headers,
                                                         const std::vector<MappingOverride>& overrides) {
    mapping.resize(headers.size(), RosterField::Ignore);
    for (const MappingOverride& override_ : overrides) {
        const std::string wanted = trimmed_lower(override_.header);
        std::size_t column = headers.size();
        for (std::size_t i = 0; i < headers.size(); ++i) {
            if (trimmed_lower(headers[i]) == wanted) {
                column = i;
                break;
            }
        }
        if (column == headers.size()) {
            std::string listed;
            for (const std::string& h : headers) listed += std::string(listed.empty() ? "" : ", ") + "\"" + h + "\"";
            return Problem{"", "--map: the file has no column \"" + override_.header + "\" (columns: " + listed + ")"};
        }
        if (override_.field != RosterField::Ignore)
            for (RosterField& other : mapping)
                if (other == override_.field) other = RosterField::Ignore;
        mapping[column] = override_.field;
    }
    return mapping;
}

std::vector<std::string> mapping_problems(const std::vector<RosterField>& mapping) {
    std::vector<std::string> problems;
    const auto has = [&](RosterField f) { return std::find(mapping.begin(), mapping.end(), f) != mapping.end(); };
    if (!has(RosterField::Email))
        problems.push_back("no column is mapped to e-mail (people are matched by e-mail; map one with "
                           "\"<CSV header>=email\")");
    if (!has(RosterField::Name) && !has(RosterField::FirstName) && !has(RosterField::LastName))
        problems.push_back("no column is mapped to name, first_name or last_name");
    return problems;
}

}  // namespace flipside::io
