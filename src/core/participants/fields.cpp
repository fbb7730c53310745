// Index
// [SECTION] The ownership table
// [SECTION] Field names
// [SECTION] Profile values as text items
// [SECTION] Reading and writing a field
#include "core/participants/fields.h"

#include <algorithm>

#include "core/civil_time.h"
#include "core/enum_names.h"
#include "core/ids.h"
#include "core/participants/detail/canonical.h"
#include "core/sha256.h"
#include "core/text.h"
#include "core/validation.h"

namespace flipside::participants {

//-----------------------------------------------------------------------------
// [SECTION] The ownership table
//-----------------------------------------------------------------------------

const std::vector<ProfileField>& profile_fields() {
    static const std::vector<ProfileField> table{
        {"id", FieldOwner::Coordinator, "the record's identity"},
        {"name", FieldOwner::Coordinator, "the name is HR data kept by the coordinator"},
        {"email", FieldOwner::Coordinator, "the e-mail is HR data kept by the coordinator"},
        {"role", FieldOwner::Coordinator, "mentor or mentee is decided by the coordinator"},
        {"department", FieldOwner::Coordinator, "the department is HR data kept by the coordinator"},
        {"job_title", FieldOwner::Coordinator, "the job title is HR data kept by the coordinator"},
        {"level", FieldOwner::Coordinator, "the grade is HR data kept by the coordinator"},
        {"hire_date", FieldOwner::Coordinator, "the hire date is HR data kept by the coordinator"},
        {"manager_id", FieldOwner::Coordinator, "the reporting line is HR data kept by the coordinator"},
        {"skills", FieldOwner::Participant, ""},
        {"learning_goals", FieldOwner::Participant, ""},
        {"interests", FieldOwner::Participant, ""},
        {"languages", FieldOwner::Participant, ""},
        {"time_zone", FieldOwner::Participant, ""},
        {"availability", FieldOwner::Participant, ""},
        {"absences", FieldOwner::Participant, ""},
        {"capacity", FieldOwner::Coordinator, "how many mentees a mentor takes is the coordinator's decision"},
        {"active", FieldOwner::Coordinator, "who takes part in the wave is the coordinator's decision"},
        {"background", FieldOwner::Participant, ""},
        {"preferences", FieldOwner::Participant, ""},
    };
    return table;
}

namespace {

const ProfileField* find_profile_field(std::string_view name) {
    for (const ProfileField& field : profile_fields())
        if (field.name == name) return &field;
    return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Field names
//-----------------------------------------------------------------------------

// "session/<id>/status" -> {"session", "<id>", "status"}; ids hold no '/' (core/ids.h).
std::vector<std::string_view> split_slashes(std::string_view name) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = name.find('/', start);
        parts.push_back(name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (slash == std::string_view::npos) return parts;
        start = slash + 1;
    }
}

}  // namespace

Result<FieldName> parse_field_name(std::string_view name) {
    const std::string shown(name.substr(0, 80));
    const std::vector<std::string_view> parts = split_slashes(name);
    FieldName field;
    field.name = std::string(name);
    if (parts.size() == 1) {
        const ProfileField* profile = find_profile_field(name);
        if (!profile) {
            if (name == "pairs" || name == "program" || name == "sessions" || name == "feedback")
                return Problem{"", "\"" + shown + "\" is the coordinator's: a reply cannot change it"};
            return Problem{"", "\"" + shown + "\" is not a field a participant can change"};
        }
        if (profile->owner == FieldOwner::Coordinator)
            return Problem{"", "\"" + shown + "\" is the coordinator's (" + std::string(profile->why) + ")"};
        field.kind = FieldKind::Profile;
        field.record_id = std::string(name);
        return field;
    }
    if (parts.size() == 3 && parts[0] == "session" && !parts[1].empty()) {
        field.record_id = std::string(parts[1]);
        if (parts[2] == "status") field.kind = FieldKind::SessionStatus;
        else if (parts[2] == "agenda") field.kind = FieldKind::SessionAgenda;
        else if (parts[2] == "notes") field.kind = FieldKind::SessionNotes;
        else return Problem{"", "\"" + shown + "\": a participant can change a session's status, agenda or notes only"};
        return field;
    }
    if (parts.size() == 2 && (parts[0] == "feedback" || parts[0] == "close-out") && !parts[1].empty()) {
        field.kind = parts[0] == "feedback" ? FieldKind::SessionFeedback : FieldKind::CloseOut;
        field.record_id = std::string(parts[1]);
        return field;
    }
    return Problem{"", "\"" + shown + "\" is not a field a participant can change"};
}

//-----------------------------------------------------------------------------
// [SECTION] Profile values as text items
//-----------------------------------------------------------------------------

namespace {

constexpr EnumNames<int, 7> kDayNames{
    {{0, "mon"}, {1, "tue"}, {2, "wed"}, {3, "thu"}, {4, "fri"}, {5, "sat"}, {6, "sun"}}};

std::string window_text(const WeeklyWindow& w) {
    return std::string(name_of(kDayNames, w.weekday) ? name_of(kDayNames, w.weekday) : "mon") + " " +
           format_clock_minutes(w.start_minute) + "-" + format_clock_minutes(w.end_minute);
}

std::optional<WeeklyWindow> parse_window(std::string_view text) {
    const std::string item = trim_space(text);
    const std::size_t space = item.find(' ');
    const std::size_t dash = item.find('-', space == std::string::npos ? 0 : space);
    if (space == std::string::npos || dash == std::string::npos) return std::nullopt;
    const auto day = value_named(kDayNames, fold_ascii(item.substr(0, space)));
    const auto start = parse_clock_minutes(trim_space(item.substr(space + 1, dash - space - 1)), false);
    const auto end = parse_clock_minutes(trim_space(item.substr(dash + 1)), true);
    if (!day || !start || !end || *end <= *start) return std::nullopt;
    return WeeklyWindow{*day, *start, *end};
}

std::string absence_text(const Absence& a) {
    return a.first == a.last ? format_iso_date(a.first) : format_iso_date(a.first) + ".." + format_iso_date(a.last);
}

std::optional<Absence> parse_absence(std::string_view text) {
    const std::string item = trim_space(text);
    const std::size_t dots = item.find("..");
    const auto first = parse_iso_date(trim_space(item.substr(0, dots)));
    const auto last = dots == std::string::npos ? first : parse_iso_date(trim_space(item.substr(dots + 2)));
    if (!first || !last || *last < *first) return std::nullopt;
    return Absence{*first, *last};
}

std::string skill_text(const Skill& s) { return s.name + ":" + std::to_string(s.proficiency); }

std::optional<Skill> parse_skill(std::string_view text) {
    const std::string item = trim_space(text);
    const std::size_t colon = item.rfind(':');
    if (colon != std::string::npos && colon + 2 == item.size() && item[colon + 1] >= '1' && item[colon + 1] <= '5') {
        const std::string name = trim_space(item.substr(0, colon));
        if (name.empty()) return std::nullopt;
        return Skill{name, item[colon + 1] - '0'};
    }
    if (item.empty()) return std::nullopt;
    return Skill{item, 3};
}

template <typename Item, typename Format>
FieldValue items_text(const std::vector<Item>& items, Format format) {
    FieldValue out;
    for (const Item& item : items) out.push_back(format(item));
    return out;
}

// Reads every item with `parse`, or names the first one it cannot read.
template <typename Item, typename Parse>
Result<std::vector<Item>> parse_items(const FieldValue& value, Parse parse, const char* expected) {
    std::vector<Item> out;
    for (const std::string& text : value) {
        if (trim_space(text).empty()) continue;
        const std::optional<Item> item = parse(text);
        if (!item) return Problem{"", "\"" + text.substr(0, 60) + "\" is not " + expected};
        out.push_back(*item);
    }
    return out;
}

FieldValue trimmed_items(const FieldValue& value) {
    FieldValue out;
    for (const std::string& text : value) {
        std::string item = trim_space(text);
        if (!item.empty()) out.push_back(std::move(item));
    }
    return out;
}

std::string single(const FieldValue& value) {
    std::string joined;
    for (const std::string& item : value) joined += (joined.empty() ? "" : "; ") + item;
    return joined;
}

}  // namespace

std::string value_digest(const FieldValue& value) {
    detail::CanonicalText text("flipside-value");
    text.add_list(value);
    return to_hex(sha256(text.text())).substr(0, 16);
}

FieldValue profile_value(const Participant& p, std::string_view field) {
    if (field == "skills") return items_text(p.skills, skill_text);
    if (field == "learning_goals") return p.learning_goals;
    if (field == "interests") return p.interests;
    if (field == "languages") return p.languages;
    if (field == "time_zone") return {p.time_zone};
    if (field == "availability") return items_text(p.availability, window_text);
    if (field == "absences") return items_text(p.absences, absence_text);
    if (field == "background") return p.background.empty() ? FieldValue{} : FieldValue{p.background};
    if (field == "preferences") return p.preferences;
    if (field == "department") return {p.department};
    if (field == "job_title") return {p.job_title};
    return {};
}

namespace {

Result<void> write_profile(Participant& p, const std::string& field, const FieldValue& value) {
    if (field == "skills") {
        auto skills = parse_items<Skill>(value, parse_skill, "a skill (\"Excel\" or \"Excel:4\")");
        if (!skills) return skills.problems();
        p.skills = std::move(*skills);
    } else if (field == "learning_goals") {
        p.learning_goals = trimmed_items(value);
    } else if (field == "interests") {
        p.interests = trimmed_items(value);
    } else if (field == "languages") {
        p.languages = trimmed_items(value);
    } else if (field == "time_zone") {
        p.time_zone = trim_space(single(value));
    } else if (field == "availability") {
        auto windows = parse_items<WeeklyWindow>(value, parse_window, "a weekly window (\"mon 09:00-11:00\")");
        if (!windows) return windows.problems();
        p.availability = std::move(*windows);
    } else if (field == "absences") {
        auto absences = parse_items<Absence>(value, parse_absence, "an absence (\"2026-03-02..2026-03-06\")");
        if (!absences) return absences.problems();
        p.absences = std::move(*absences);
    } else if (field == "background") {
        p.background = single(value);
    } else if (field == "preferences") {
        p.preferences = trimmed_items(value);
    }
    return {};
}

// A rating of 1–5 and an optional comment, the items of a feedback value.
Result<std::pair<int, std::string>> parse_rating(const FieldValue& value) {
    if (value.empty()) return Problem{"", "a rating needs a number 1–5"};
    const std::string rating = trim_space(value[0]);
    if (rating.size() != 1 || rating[0] < '1' || rating[0] > '5')
        return Problem{"", "\"" + rating.substr(0, 20) + "\" is not a rating 1–5"};
    FieldValue rest(value.begin() + 1, value.end());
    return std::pair<int, std::string>{rating[0] - '0', single(rest)};
}

bool in_pairs(const std::vector<const Pair*>& pairs, const std::string& pair_id) {
    return std::any_of(pairs.begin(), pairs.end(), [&](const Pair* p) { return p->id == pair_id; });
}

template <typename Record>
Record* find_by_id(std::vector<Record>& records, const std::string& id) {
    const auto it = std::find_if(records.begin(), records.end(), [&](const Record& r) { return r.id == id; });
    return it == records.end() ? nullptr : &*it;
}

// The session `session_id` when it is one of the participant's own pair in the program.
Result<const Session*> own_session(const Document& document, const std::string& program_id,
                                   const std::string& participant_id, const std::string& session_id) {
    const auto it = std::find_if(document.sessions.begin(), document.sessions.end(),
                                 [&](const Session& s) { return s.id == session_id; });
    if (it == document.sessions.end()) return Problem{"", "there is no session \"" + session_id.substr(0, 64) + "\""};
    if (!in_pairs(own_pairs(document, program_id, participant_id), it->pair_id))
        return Problem{"", "session \"" + session_id.substr(0, 64) + "\" is not of " + participant_id + "'s own pair"};
    return &*it;
}

// The participant's own feedback of that kind on that session or pair, or nullptr.
const Feedback* own_feedback(const Document& document, const std::string& participant_id, FeedbackKind kind,
                             const std::string& pair_id, const std::string& session_id) {
    for (const Feedback& f : document.feedback)
        if (f.author_id == participant_id && f.kind == kind && f.pair_id == pair_id &&
            (kind == FeedbackKind::CloseOut || f.session_id == session_id))
            return &f;
    return nullptr;
}

// Where feedback goes: the session's pair (for ratings) or the pair itself (close-out).
Result<std::pair<std::string, std::string>> feedback_target(const Document& document, const std::string& program_id,
                                                            const std::string& participant_id, const FieldName& field) {
    if (field.kind == FieldKind::SessionFeedback) {
        const Result<const Session*> session = own_session(document, program_id, participant_id, field.record_id);
        if (!session) return session.problems();
        return std::pair<std::string, std::string>{(*session)->pair_id, (*session)->id};
    }
    if (!in_pairs(own_pairs(document, program_id, participant_id), field.record_id))
        return Problem{"", "pair \"" + field.record_id.substr(0, 64) + "\" is not " + participant_id + "'s own pair"};
    return std::pair<std::string, std::string>{field.record_id, ""};
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Reading and writing a field
//-----------------------------------------------------------------------------

std::vector<const Pair*> own_pairs(const Document& document, const std::string& program_id,
                                   const std::string& participant_id) {
    std::vector<const Pair*> pairs;
    for (const Pair& pair : document.pairs)
        if (pair.program_id == program_id && (pair.mentor_id == participant_id || pair.mentee_id == participant_id))
            pairs.push_back(&pair);
    return pairs;
}

Result<FieldValue> current_value(const Document& document, const std::string& program_id,
                                 const std::string& participant_id, const FieldName& field) {
    switch (field.kind) {
    case FieldKind::Profile: {
        const auto it = std::find_if(document.participants.begin(), document.participants.end(),
                                     [&](const Participant& p) { return p.id == participant_id; });
        if (it == document.participants.end()) return Problem{"", "there is no participant \"" + participant_id + "\""};
        return profile_value(*it, field.record_id);
    }
    case FieldKind::SessionStatus:
    case FieldKind::SessionAgenda:
    case FieldKind::SessionNotes: {
        const Result<const Session*> session = own_session(document, program_id, participant_id, field.record_id);
        if (!session) return session.problems();
        if (field.kind == FieldKind::SessionStatus) return FieldValue{session_status_name((*session)->status)};
        if (field.kind == FieldKind::SessionAgenda)
            return (*session)->agenda.empty() ? FieldValue{} : FieldValue{(*session)->agenda};
        return FieldValue{};  // notes are added to, never replaced: nothing to compare with
    }
    case FieldKind::SessionFeedback:
    case FieldKind::CloseOut: {
        const auto target = feedback_target(document, program_id, participant_id, field);
        if (!target) return target.problems();
        const FeedbackKind kind = field.kind == FieldKind::CloseOut ? FeedbackKind::CloseOut : FeedbackKind::Session;
        const Feedback* existing = own_feedback(document, participant_id, kind, target->first, target->second);
        if (!existing) return FieldValue{};
        FieldValue value{std::to_string(existing->rating)};
        if (!existing->comment.empty()) value.push_back(existing->comment);
        return value;
    }
    }
    return FieldValue{};
}

Result<void> write_value(Document& document, const std::string& program_id, const std::string& participant_id,
                         const FieldName& field, const FieldValue& value, const TimeZoneCatalog& time_zones) {
    switch (field.kind) {
    case FieldKind::Profile: {
        Participant* participant = find_by_id(document.participants, participant_id);
        if (!participant) return Problem{"", "there is no participant \"" + participant_id + "\""};
        Participant changed = *participant;
        if (auto written = write_profile(changed, field.record_id, value); !written) return written;
        std::vector<Problem> problems = validate_participant(changed, time_zones);
        if (!problems.empty()) return problems;
        *participant = std::move(changed);
        return {};
    }
    case FieldKind::SessionStatus:
    case FieldKind::SessionAgenda:
    case FieldKind::SessionNotes: {
        const Result<const Session*> found = own_session(document, program_id, participant_id, field.record_id);
        if (!found) return found.problems();
        Session& session = *find_by_id(document.sessions, field.record_id);
        if (field.kind == FieldKind::SessionStatus) {
            const std::string status = trim_space(single(value));
            if (status == "held") session.status = SessionStatus::Held;
            else if (status == "planned") session.status = SessionStatus::Planned;
            else return Problem{"", "\"" + status.substr(0, 20) + "\": a participant can mark a session held or planned"};
        } else if (field.kind == FieldKind::SessionAgenda) {
            session.agenda = single(value);
        } else {
            const std::string note = trim_space(single(value));
            if (note.empty()) return {};
            const Participant* author = find_by_id(document.participants, participant_id);
            const std::string signed_note = (author ? author->name : participant_id) + ": " + note;
            session.notes += (session.notes.empty() ? "" : "\n\n") + signed_note;
        }
        return {};
    }
    case FieldKind::SessionFeedback:
    case FieldKind::CloseOut: {
        const auto target = feedback_target(document, program_id, participant_id, field);
        if (!target) return target.problems();
        const auto rating = parse_rating(value);
        if (!rating) return rating.problems();
        const FeedbackKind kind = field.kind == FieldKind::CloseOut ? FeedbackKind::CloseOut : FeedbackKind::Session;
        if (const Feedback* existing = own_feedback(document, participant_id, kind, target->first, target->second)) {
            Feedback& record = *find_by_id(document.feedback, existing->id);
            record.rating = rating->first;
            record.comment = rating->second;
            return {};
        }
        Feedback record;
        record.id = unused_id(document.feedback, kFeedbackIds);
        record.pair_id = target->first;
        record.session_id = target->second;
        record.author_id = participant_id;
        record.kind = kind;
        record.rating = rating->first;
        record.comment = rating->second;
        document.feedback.push_back(std::move(record));
        return {};
    }
    }
    return {};
}

}  // namespace flipside::participants
