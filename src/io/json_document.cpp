// Index
// [SECTION] Names of enumerations in the file
// [SECTION] Writing records
// [SECTION] Reading records
// [SECTION] The document: writing, and reading all-or-nothing
// [SECTION] Single records (json_records.h)
#include "io/json_document.h"

#include <optional>

#include "io/json_records.h"

#include "core/enum_names.h"

#include "io/json_fields.h"
#include "io/json_matching.h"
#include "io/json_migration.h"
#include "io/json_record_stream.h"

namespace flipside::io {

using nlohmann::json;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Names of enumerations in the file
//-----------------------------------------------------------------------------

// The model's enumerations are named by its tables (kRoleNames, kCadenceKindNames,
// kPairStateNames, kSessionStatusNames, kFeedbackKindNames in core/model.h); the writer and the
// reader below both go through them. Weekdays are numbers in the model and names in the file.
constexpr EnumNames<int, 7> kWeekdayNames{
    {{0, "mon"}, {1, "tue"}, {2, "wed"}, {3, "thu"}, {4, "fri"}, {5, "sat"}, {6, "sun"}}};

// Writes a value by its name in `names`.
template <typename Enum, std::size_t N>
json name_json(const EnumNames<Enum, N>& names, Enum value) {
    const char* name = name_of(names, value);
    return name ? json(name) : json(names.front().name);  // a value the table lacks: never in a valid document
}

// Reads an enumeration stored by name; anything else is reported at the field's path with the
// names accepted.
template <typename Enum, std::size_t N>
Enum read_choice(ObjectReader& reader, const char* key, const EnumNames<Enum, N>& names, Enum fallback,
                 bool required) {
    const std::string name = reader.text(key, kMaxShortText, required);
    if (name.empty()) return fallback;
    const std::optional<Enum> value = value_named(names, name);
    if (!value) {
        reader.problem(reader.field_path(key), "\"" + name.substr(0, 40) + "\" is not one of: " + list_names(names));
        return fallback;
    }
    return *value;
}

//-----------------------------------------------------------------------------
// [SECTION] Writing records
//-----------------------------------------------------------------------------

json dates_to_json(const std::vector<Date>& dates) {
    json out = json::array();
    for (const Date& date : dates) out.push_back(format_iso_date(date));
    return out;
}

// The coordinator's record of invitations (core/model.h, InvitationLedger).
json invitation_ledger_to_json(const InvitationLedger& ledger) {
    json issued = json::array();
    for (const IssuedInvitation& i : ledger.issued)
        issued.push_back(json{{"id", i.id},
                              {"participant_id", i.participant_id},
                              {"issued_at", format_utc_timestamp(i.issued_at)},
                              {"expires_at", format_utc_timestamp(i.expires_at)}});
    json merged = json::array();
    for (const MergedReplies& m : ledger.merged) {
        json fields = json::array();
        for (const MergedField& f : m.fields)
            fields.push_back(json{{"field", f.field}, {"sequence", f.sequence}, {"written", f.written}});
        merged.push_back(json{{"participant_id", m.participant_id}, {"sequence", m.sequence}, {"fields", std::move(fields)}});
    }
    return json{{"key", ledger.key_hex},
                {"candidate_fields", ledger.candidate_fields},
                {"issued", std::move(issued)},
                {"merged", std::move(merged)}};
}

json program_to_json(const Program& p) {
    json out{{"id", p.id},
                {"name", p.name},
                {"objectives", p.objectives},
                {"norms", p.norms},
                {"start_date", format_iso_date(p.start_date)},
                {"end_date", format_iso_date(p.end_date)},
                {"cadence", json{{"kind", name_json(kCadenceKindNames, p.cadence.kind)},
                                 {"interval", p.cadence.interval},
                                 {"nth", p.cadence.nth}}},
                {"session_minutes", p.session_minutes},
                {"target_sessions", p.target_sessions},
                {"blackout_dates", dates_to_json(p.blackout_dates)}};
    // Written only when changed, so files of programs never paired stay as they were.
    if (p.matching != matching::MatchingSettings{}) out["matching"] = matching_settings_to_json(p.matching);
    if (p.max_sessions_per_day != Program{}.max_sessions_per_day) out["max_sessions_per_day"] = p.max_sessions_per_day;
    if (p.invitations != InvitationLedger{}) out["invitations"] = invitation_ledger_to_json(p.invitations);
    return out;
}

json participant_to_json(const Participant& p) {
    json skills = json::array();
    for (const Skill& s : p.skills) skills.push_back(json{{"name", s.name}, {"proficiency", s.proficiency}});
    json windows = json::array();
    for (const WeeklyWindow& w : p.availability)
        windows.push_back(json{{"day", name_json(kWeekdayNames, w.weekday)},
                               {"start", format_clock_minutes(w.start_minute)},
                               {"end", format_clock_minutes(w.end_minute)}});
    json out{{"id", p.id},
             {"name", p.name},
             {"email", p.email},
             {"role", name_json(kRoleNames, p.role)},
             {"department", p.department},
             {"job_title", p.job_title},
             {"level", p.level},
             {"manager_id", p.manager_id},
             {"skills", std::move(skills)},
             {"learning_goals", p.learning_goals},
             {"interests", p.interests},
             {"languages", p.languages},
             {"time_zone", p.time_zone},
             {"availability", std::move(windows)},
             {"capacity", p.capacity},
             {"active", p.active},
             {"background", p.background}};
    if (p.hire_date) out["hire_date"] = format_iso_date(*p.hire_date);
    if (!p.preferences.empty()) out["preferences"] = p.preferences;
    if (!p.absences.empty()) {
        json absences = json::array();
        for (const Absence& a : p.absences)
            absences.push_back(json{{"first", format_iso_date(a.first)}, {"last", format_iso_date(a.last)}});
        out["absences"] = std::move(absences);
    }
    return out;
}

json pair_to_json(const Pair& p) {
    return json{{"id", p.id},          {"program_id", p.program_id},
                {"mentor_id", p.mentor_id}, {"mentee_id", p.mentee_id},
                {"state", name_json(kPairStateNames, p.state)}, {"end_reason", p.end_reason},
                {"notes", p.notes}};
}

json session_to_json(const Session& s) {
    json follow_ups = json::array();
    for (const FollowUp& f : s.follow_ups) follow_ups.push_back(json{{"text", f.text}, {"done", f.done}});
    json history = json::array();
    for (const SessionChange& c : s.history)
        history.push_back(json{{"start", format_utc_timestamp(c.previous_start)},
                               {"status", name_json(kSessionStatusNames, c.previous_status)}});
    return json{{"id", s.id},
                {"pair_id", s.pair_id},
                {"start", format_utc_timestamp(s.start)},
                {"minutes", s.minutes},
                {"status", name_json(kSessionStatusNames, s.status)},
                {"pinned", s.pinned},
                {"sequence", s.sequence},
                {"agenda", s.agenda},
                {"notes", s.notes},
                {"follow_ups", std::move(follow_ups)},
                {"history", std::move(history)}};
}

json feedback_to_json(const Feedback& f) {
    return json{{"id", f.id},
                {"pair_id", f.pair_id},
                {"session_id", f.session_id},
                {"author_id", f.author_id},
                {"kind", name_json(kFeedbackKindNames, f.kind)},
                {"rating", f.rating},
                {"comment", f.comment}};
}

// The document written record by record, so that no tree of the whole of it is ever built (a
// 50,000-person snapshot would otherwise be held twice: as a tree and as text). The bytes are
// exactly those of nlohmann's dump of the whole tree: the top level's keys in its (std::map)
// order, and each record's dump indented to its depth.
class DocumentWriter {
public:
    explicit DocumentWriter(int indent)
        : pretty_(indent >= 0), indent_(indent),
          newline_(pretty_ ? "\n" : ""),
          field_indent_(pretty_ ? static_cast<std::size_t>(indent) : 0, ' '),
          record_indent_(pretty_ ? 2 * static_cast<std::size_t>(indent) : 0, ' ') {
        out_ += "{" + newline_;
    }

    void text_field(const char* key, const std::string& value) {
        begin_field(key);
        out_ += json(value).dump(-1, ' ', false, json::error_handler_t::replace);
    }
    void number_field(const char* key, int value) {
        begin_field(key);
        out_ += std::to_string(value);
    }
    template <typename Record, typename Convert>
    void records_field(const char* key, const std::vector<Record>& records, Convert convert) {
        begin_field(key);
        out_ += '[';
        if (records.empty()) {
            out_ += ']';
            return;
        }
        out_ += newline_;
        for (std::size_t i = 0; i < records.size(); ++i) {
            if (i) out_ += "," + newline_;
            out_ += record_indent_;
            const std::string record = convert(records[i]).dump(indent_, ' ', false, json::error_handler_t::replace);
            if (!pretty_) {
                out_ += record;
                continue;
            }
            // A dump's line breaks are its own layout: strings never hold a raw one.
            for (const char c : record) {
                out_ += c;
                if (c == '\n') out_ += record_indent_;
            }
        }
        out_ += newline_ + field_indent_ + "]";
    }
    std::string finish() {
        out_ += newline_ + "}";
        return std::move(out_);
    }

private:
    void begin_field(const char* key) {
        if (fields_++) out_ += "," + newline_;
        out_ += field_indent_ + "\"" + key + "\":" + (pretty_ ? " " : "");
    }

    bool pretty_;
    int indent_;
    std::string newline_, field_indent_, record_indent_;
    std::string out_;
    std::size_t fields_ = 0;
};

//-----------------------------------------------------------------------------
// [SECTION] Reading records
//-----------------------------------------------------------------------------

Date read_date(ObjectReader& reader, const char* key, Date fallback, bool required) {
    const std::string text = reader.text(key, kMaxShortText, required);
    if (text.empty()) return fallback;
    const auto date = parse_iso_date(text);
    if (!date) {
        reader.problem(reader.field_path(key), "\"" + text.substr(0, 40) + "\" is not a date (YYYY-MM-DD, 1900–2999)");
        return fallback;
    }
    return *date;
}

UtcSeconds read_instant(ObjectReader& r, const char* key);

// A whole number of at most 15 digits (sequence numbers), or `fallback` with a problem.
long long read_count(ObjectReader& r, const char* key) {
    const json* value = r.field(key);
    if (!value) {
        r.problem(r.field_path(key), "missing");
        return 0;
    }
    if (!value->is_number_integer() || value->get<long long>() < 0 || value->get<long long>() > 999999999999999LL) {
        r.problem(r.field_path(key), "expected a whole number 0–999999999999999");
        return 0;
    }
    return value->get<long long>();
}

InvitationLedger read_invitation_ledger(const json& value, const std::string& path, std::vector<Problem>& problems) {
    ObjectReader r(value, path, problems);
    InvitationLedger ledger;
    if (!r.ok()) return ledger;
    r.reject_unknown({"key", "candidate_fields", "issued", "merged"});
    ledger.key_hex = r.text("key", 64, false);
    if (!ledger.key_hex.empty() &&
        (ledger.key_hex.size() != 64 || ledger.key_hex.find_first_not_of("0123456789abcdef") != std::string::npos))
        r.problem(r.field_path("key"), "expected 64 lower-case hex digits");
    if (r.field("candidate_fields")) ledger.candidate_fields = r.text_list("candidate_fields", kMaxShortText);
    if (const json* issued = r.array("issued", false)) {
        for (std::size_t i = 0; i < issued->size(); ++i) {
            ObjectReader item((*issued)[i], r.field_path("issued") + "/" + std::to_string(i), problems);
            if (!item.ok()) continue;
            item.reject_unknown({"id", "participant_id", "issued_at", "expires_at"});
            IssuedInvitation invitation;
            invitation.id = item.text("id", kMaxShortText, true);
            invitation.participant_id = item.text("participant_id", kMaxShortText, true);
            invitation.issued_at = read_instant(item, "issued_at");
            invitation.expires_at = read_instant(item, "expires_at");
            ledger.issued.push_back(std::move(invitation));
        }
    }
    if (const json* merged = r.array("merged", false)) {
        for (std::size_t i = 0; i < merged->size(); ++i) {
            ObjectReader item((*merged)[i], r.field_path("merged") + "/" + std::to_string(i), problems);
            if (!item.ok()) continue;
            item.reject_unknown({"participant_id", "sequence", "fields"});
            MergedReplies replies;
            replies.participant_id = item.text("participant_id", kMaxShortText, true);
            replies.sequence = read_count(item, "sequence");
            if (const json* fields = item.array("fields", false)) {
                for (std::size_t j = 0; j < fields->size(); ++j) {
                    ObjectReader f((*fields)[j], item.field_path("fields") + "/" + std::to_string(j), problems);
                    if (!f.ok()) continue;
                    f.reject_unknown({"field", "sequence", "written"});
                    MergedField field{f.text("field", kMaxShortText, true), read_count(f, "sequence"), {}};
                    field.written = f.text("written", 64, false);
                    replies.fields.push_back(std::move(field));
                }
            }
            ledger.merged.push_back(std::move(replies));
        }
    }
    return ledger;
}

Program read_program(const json& value, const std::string& path, std::vector<Problem>& problems) {
    ObjectReader r(value, path, problems);
    Program p;
    if (!r.ok()) return p;
    r.reject_unknown({"id", "name", "objectives", "norms", "start_date", "end_date", "cadence",
                      "session_minutes", "target_sessions", "blackout_dates", "matching",
                      "max_sessions_per_day", "invitations"});
    p.id = r.text("id", kMaxShortText, true);
    p.name = r.text("name", kMaxShortText, true);
    p.objectives = r.text("objectives", kMaxLongText, false);
    p.norms = r.text("norms", kMaxLongText, false);
    p.start_date = read_date(r, "start_date", p.start_date, true);
    p.end_date = read_date(r, "end_date", p.end_date, true);
    if (const json* cadence = r.field("cadence")) {
        ObjectReader c(*cadence, r.field_path("cadence"), problems);
        if (c.ok()) {
            c.reject_unknown({"kind", "interval", "nth"});
            p.cadence.kind = read_choice(c, "kind", kCadenceKindNames, CadenceKind::Weekly, true);
            p.cadence.interval = c.integer("interval", 1, false);
            p.cadence.nth = c.integer("nth", 1, false);
        }
    }
    p.session_minutes = r.integer("session_minutes", p.session_minutes, false);
    p.max_sessions_per_day = r.integer("max_sessions_per_day", p.max_sessions_per_day, false);
    p.target_sessions = r.integer("target_sessions", p.target_sessions, false);
    if (const json* blackouts = r.array("blackout_dates", false)) {
        for (std::size_t i = 0; i < blackouts->size() && i < 1000; ++i) {
            const std::string item_path = r.field_path("blackout_dates") + "/" + std::to_string(i);
            const json& item = (*blackouts)[i];
            const auto date = item.is_string() ? parse_iso_date(item.get_ref<const std::string&>()) : std::nullopt;
            if (date)
                p.blackout_dates.push_back(*date);
            else
                problems.push_back({item_path, "expected a date YYYY-MM-DD"});
        }
        if (blackouts->size() > 1000) r.problem(r.field_path("blackout_dates"), "more than 1000 blackout dates");
    }
    if (const json* matching = r.field("matching")) p.matching = read_matching_settings(*matching, r.field_path("matching"), problems);
    if (const json* invitations = r.field("invitations"))
        p.invitations = read_invitation_ledger(*invitations, r.field_path("invitations"), problems);
    return p;
}

WeeklyWindow read_window(const json& value, const std::string& path, std::vector<Problem>& problems) {
    ObjectReader r(value, path, problems);
    WeeklyWindow w;
    if (!r.ok()) return w;
    r.reject_unknown({"day", "start", "end"});
    w.weekday = read_choice(r, "day", kWeekdayNames, 0, true);
    const std::string start = r.text("start", 16, true);
    const std::string end = r.text("end", 16, true);
    const auto start_minute = parse_clock_minutes(start, false);
    const auto end_minute = parse_clock_minutes(end, true);
    if (!start.empty() && !start_minute) r.problem(r.field_path("start"), "\"" + start + "\" is not a time 00:00–23:59");
    if (!end.empty() && !end_minute) r.problem(r.field_path("end"), "\"" + end + "\" is not a time 00:00–24:00");
    w.start_minute = start_minute.value_or(0);
    w.end_minute = end_minute.value_or(0);
    return w;
}

Participant read_participant(const json& value, const std::string& path, std::vector<Problem>& problems) {
    ObjectReader r(value, path, problems);
    Participant p;
    if (!r.ok()) return p;
    r.reject_unknown({"id", "name", "email", "role", "department", "job_title", "level", "hire_date",
                      "manager_id", "skills", "learning_goals", "interests", "languages", "time_zone",
                      "availability", "capacity", "active", "background", "preferences",
                      "absences"});
    p.id = r.text("id", kMaxShortText, true);
    p.name = r.text("name", kMaxShortText, true);
    p.email = r.text("email", kMaxShortText, true);
    p.role = read_choice(r, "role", kRoleNames, Role::Mentor, true);
    p.department = r.text("department", kMaxShortText, false);
    p.job_title = r.text("job_title", kMaxShortText, false);
    p.level = r.integer("level", p.level, false);
    if (r.field("hire_date")) p.hire_date = read_date(r, "hire_date", Date{}, false);
    p.manager_id = r.text("manager_id", kMaxShortText, false);
    if (const json* skills = r.array("skills", false)) {
        if (skills->size() > kMaxListItems) r.problem(r.field_path("skills"), "more than 200 skills");
        for (std::size_t i = 0; i < skills->size() && i < kMaxListItems; ++i) {
            ObjectReader s((*skills)[i], r.field_path("skills") + "/" + std::to_string(i), problems);
            if (!s.ok()) continue;
            s.reject_unknown({"name", "proficiency"});
            p.skills.push_back(Skill{s.text("name", kMaxShortText, true), s.integer("proficiency", 3, false)});
        }
    }
    p.learning_goals = r.text_list("learning_goals", kMaxShortText);
    p.interests = r.text_list("interests", kMaxShortText);
    p.languages = r.text_list("languages", kMaxShortText);
    p.time_zone = r.text("time_zone", kMaxShortText, true);
    if (const json* windows = r.array("availability", false)) {
        if (windows->size() > kMaxListItems) r.problem(r.field_path("availability"), "more than 200 windows");
        for (std::size_t i = 0; i < windows->size() && i < kMaxListItems; ++i)
            p.availability.push_back(
                read_window((*windows)[i], r.field_path("availability") + "/" + std::to_string(i), problems));
    }
    p.capacity = r.integer("capacity", p.capacity, false);
    p.active = r.boolean("active", true);
    p.background = r.text("background", kMaxLongText, false);
    p.preferences = r.text_list("preferences", kMaxShortText);
    if (const json* absences = r.array("absences", false)) {
        if (absences->size() > kMaxListItems) r.problem(r.field_path("absences"), "more than 200 absences");
        for (std::size_t i = 0; i < absences->size() && i < kMaxListItems; ++i) {
            ObjectReader a((*absences)[i], r.field_path("absences") + "/" + std::to_string(i), problems);
            if (!a.ok()) continue;
            a.reject_unknown({"first", "last"});
            const Date first = read_date(a, "first", Date{}, true);
            p.absences.push_back(Absence{first, read_date(a, "last", first, false)});
        }
    }
    return p;
}

Pair read_pair(const json& value, const std::string& path, std::vector<Problem>& problems) {
    ObjectReader r(value, path, problems);
    Pair p;
    if (!r.ok()) return p;
    r.reject_unknown({"id", "program_id", "mentor_id", "mentee_id", "state", "end_reason", "notes"});
    p.id = r.text("id", kMaxShortText, true);
    p.program_id = r.text("program_id", kMaxShortText, true);
    p.mentor_id = r.text("mentor_id", kMaxShortText, true);
    p.mentee_id = r.text("mentee_id", kMaxShortText, true);
    p.state = read_choice(r, "state", kPairStateNames, PairState::Active, false);
    p.end_reason = r.text("end_reason", kMaxShortText, false);
    p.notes = r.text("notes", kMaxLongText, false);
    return p;
}

UtcSeconds read_instant(ObjectReader& r, const char* key) { return r.instant(key); }

Session read_session(const json& value, const std::string& path, std::vector<Problem>& problems) {
    ObjectReader r(value, path, problems);
    Session s;
    if (!r.ok()) return s;
    r.reject_unknown({"id", "pair_id", "start", "minutes", "status", "pinned", "sequence", "agenda", "notes",
                      "follow_ups", "history"});
    s.id = r.text("id", kMaxShortText, true);
    s.pair_id = r.text("pair_id", kMaxShortText, true);
    s.start = read_instant(r, "start");
    s.minutes = r.integer("minutes", s.minutes, false);
    s.status = read_choice(r, "status", kSessionStatusNames, SessionStatus::Planned, false);
    s.pinned = r.boolean("pinned", false);
    s.sequence = r.integer("sequence", 0, false);
    s.agenda = r.text("agenda", kMaxLongText, false);
    s.notes = r.text("notes", kMaxLongText, false);
    if (const json* items = r.array("follow_ups", false)) {
        for (std::size_t i = 0; i < items->size() && i < kMaxListItems; ++i) {
            ObjectReader f((*items)[i], r.field_path("follow_ups") + "/" + std::to_string(i), problems);
            if (!f.ok()) continue;
            f.reject_unknown({"text", "done"});
            s.follow_ups.push_back(FollowUp{f.text("text", kMaxLongText, true), f.boolean("done", false)});
        }
    }
    if (const json* items = r.array("history", false)) {
        for (std::size_t i = 0; i < items->size() && i < kMaxListItems; ++i) {
            ObjectReader h((*items)[i], r.field_path("history") + "/" + std::to_string(i), problems);
            if (!h.ok()) continue;
            h.reject_unknown({"start", "status"});
            SessionChange change;
            change.previous_start = read_instant(h, "start");
            change.previous_status = read_choice(h, "status", kSessionStatusNames, SessionStatus::Planned, true);
            s.history.push_back(change);
        }
    }
    return s;
}

Feedback read_feedback(const json& value, const std::string& path, std::vector<Problem>& problems) {
    ObjectReader r(value, path, problems);
    Feedback f;
    if (!r.ok()) return f;
    r.reject_unknown({"id", "pair_id", "session_id", "author_id", "kind", "rating", "comment"});
    f.id = r.text("id", kMaxShortText, true);
    f.pair_id = r.text("pair_id", kMaxShortText, true);
    f.session_id = r.text("session_id", kMaxShortText, false);
    f.author_id = r.text("author_id", kMaxShortText, true);
    f.kind = read_choice(r, "kind", kFeedbackKindNames, FeedbackKind::Session, false);
    f.rating = r.integer("rating", 0, true);
    f.comment = r.text("comment", kMaxLongText, false);
    return f;
}

template <typename Record, typename ReadOne>
std::vector<Record> read_records(ObjectReader& root, const char* key, ReadOne read_one,
                                 std::vector<Problem>& problems) {
    std::vector<Record> out;
    const json* items = root.array(key, false);
    if (!items) return out;
    out.reserve(items->size());
    const std::string base = "/" + std::string(key) + "/";
    for (std::size_t i = 0; i < items->size(); ++i) {
        out.push_back(read_one((*items)[i], base + std::to_string(i), problems));
        if (problems.size() > 1000) break;  // a wholly wrong file: enough to tell what is wrong
    }
    return out;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The document: writing, and reading all-or-nothing
//-----------------------------------------------------------------------------

std::string write_document_json(const Document& d, int indent) {
    DocumentWriter writer(indent);
    writer.records_field("feedback", d.feedback, feedback_to_json);
    writer.text_field("format", "flipside");
    writer.records_field("pairs", d.pairs, pair_to_json);
    writer.records_field("participants", d.participants, participant_to_json);
    writer.records_field("programs", d.programs, program_to_json);
    writer.number_field("schema_version", kSchemaVersion);
    writer.records_field("sessions", d.sessions, session_to_json);
    return writer.finish();
}

namespace {

// The top level's own fields, and the checks of the whole document, for both ways of reading.
Result<LoadedDocument> finish_reading(const json& root, LoadedDocument result, std::vector<Problem>& problems,
                                      const TimeZoneCatalog& time_zones) {
    ObjectReader reader(root, "", problems);
    reader.reject_unknown({"format", "schema_version", "programs", "participants", "pairs", "sessions", "feedback"});
    if (reader.text("format", kMaxShortText, true) != "flipside" && reader.field("format"))
        problems.push_back({"/format", "this is not a Flipside file (format must be \"flipside\")"});
    // Sections that are not arrays are reported here (streamed arrays are left empty in `root`).
    Document& d = result.document;
    const auto append = [](auto& to, auto&& more) {
        for (auto& record : more) to.push_back(std::move(record));
    };
    append(d.programs, read_records<Program>(reader, "programs", read_program, problems));
    append(d.participants, read_records<Participant>(reader, "participants", read_participant, problems));
    append(d.pairs, read_records<Pair>(reader, "pairs", read_pair, problems));
    append(d.sessions, read_records<Session>(reader, "sessions", read_session, problems));
    append(d.feedback, read_records<Feedback>(reader, "feedback", read_feedback, problems));
    // Only a document whose every field was read is worth checking as a whole.
    if (problems.empty()) problems = validate_document(d, time_zones);
    if (!problems.empty()) return problems;
    return result;
}

// A document of the current version, read record by record as the text is parsed
// (json_record_stream.h): no tree of the whole document is ever built. Empty when the text is
// of another version or its top level is not an object: the caller then reads it as a whole
// tree, which migrates older versions and words every other refusal.
std::optional<Result<LoadedDocument>> read_current_version_streamed(std::string_view text,
                                                                    const TimeZoneCatalog& time_zones) {
    LoadedDocument result;
    Document& d = result.document;
    std::vector<Problem> problems;
    const auto read_into = [&problems](auto& records, std::size_t index, const json& element, const char* key,
                                       auto read_one) {
        if (index == 0) records.clear();  // a repeated key: the last one counts, as in a tree
        if (problems.size() > 1000) return;  // a wholly wrong file: enough to tell what is wrong
        records.push_back(read_one(element, "/" + std::string(key) + "/" + std::to_string(index), problems));
    };
    const StreamedTopLevel streamed = stream_top_level_arrays(
        text, {"programs", "participants", "pairs", "sessions", "feedback"},
        [&](const std::string& key, std::size_t index, json&& element) {
            if (key == "programs") read_into(d.programs, index, element, "programs", read_program);
            else if (key == "participants") read_into(d.participants, index, element, "participants", read_participant);
            else if (key == "pairs") read_into(d.pairs, index, element, "pairs", read_pair);
            else if (key == "sessions") read_into(d.sessions, index, element, "sessions", read_session);
            else read_into(d.feedback, index, element, "feedback", read_feedback);
        });
    if (!streamed.ok) return Result<LoadedDocument>(Problem{"/", "not valid JSON: " + streamed.error});
    const json& root = streamed.top_level;
    if (!root.is_object()) return std::nullopt;
    const auto version = root.find("schema_version");
    if (version == root.end() || !version->is_number_integer() || version->get<std::int64_t>() != kSchemaVersion)
        return std::nullopt;
    return finish_reading(root, std::move(result), problems, time_zones);
}

}  // namespace

Result<LoadedDocument> read_document_json(std::string_view text, const TimeZoneCatalog& time_zones) {
    if (std::optional<Result<LoadedDocument>> current = read_current_version_streamed(text, time_zones))
        return std::move(*current);
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::exception& error) {
        // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." -> keep the human part.
        std::string message = error.what();
        const auto bracket = message.find("] ");
        if (bracket != std::string::npos) message = message.substr(bracket + 2);
        return Problem{"/", "not valid JSON: " + message};
    }
    if (!root.is_object())
        return Problem{"/", std::string("expected a Flipside document (an object), found ") + json_type_name(root)};

    const Result<int> migration = migrate_to_current(root);
    if (!migration) return migration.problems();
    LoadedDocument result;
    result.migrated_from_version = *migration;
    std::vector<Problem> problems;
    return finish_reading(root, std::move(result), problems, time_zones);
}


//-----------------------------------------------------------------------------
// [SECTION] Single records (json_records.h)
//-----------------------------------------------------------------------------

namespace {

template <typename Record, typename ReadOne>
bool read_one_record(const json& value, const std::string& path, Record& out, std::vector<Problem>& problems,
                     ReadOne read_one) {
    const std::size_t before = problems.size();
    Record record = read_one(value, path, problems);
    if (problems.size() != before) return false;
    out = std::move(record);
    return true;
}

}  // namespace

json record_to_json(const Program& program) { return program_to_json(program); }
json record_to_json(const Participant& participant) { return participant_to_json(participant); }
json record_to_json(const Pair& pair) { return pair_to_json(pair); }
json record_to_json(const Session& session) { return session_to_json(session); }
json record_to_json(const Feedback& feedback) { return feedback_to_json(feedback); }

bool read_record(const json& value, const std::string& path, Program& out, std::vector<Problem>& problems) {
    return read_one_record(value, path, out, problems, read_program);
}
bool read_record(const json& value, const std::string& path, Participant& out, std::vector<Problem>& problems) {
    return read_one_record(value, path, out, problems, read_participant);
}
bool read_record(const json& value, const std::string& path, Pair& out, std::vector<Problem>& problems) {
    return read_one_record(value, path, out, problems, read_pair);
}
bool read_record(const json& value, const std::string& path, Session& out, std::vector<Problem>& problems) {
    return read_one_record(value, path, out, problems, read_session);
}
bool read_record(const json& value, const std::string& path, Feedback& out, std::vector<Problem>& problems) {
    return read_one_record(value, path, out, problems, read_feedback);
}

}  // namespace flipside::io
