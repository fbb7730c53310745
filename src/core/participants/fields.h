// The fields a participant may change from their own device, and the one table that says who
// owns every field of the talent profile. Invitations show these fields, replies carry changes
// to them, and the merge writes them: all three go through this header, so a field cannot be
// owned in one place and not in another.
//
// Ownership (docs/file-format.md, "Invitations and replies"):
//   - the participant's: skills, learning_goals, interests, languages, time_zone, background,
//     availability, absences, preferences (their ranking); for sessions of their OWN pair in the
//     invitation's program: whether it was held, its agenda, a shared note; their own rating of a
//     session and their close-out of the pair.
//   - the coordinator's: name, email, department, job_title, hire_date (HR records), role, level,
//     manager_id, capacity, active (pairing decisions), and everything that is not a field here:
//     pairs, the program, other people.
//
// Field names in replies:
//   "<profile field>"             e.g. "skills", "availability"
//   "session/<id>/status"         "held" or "planned" (a participant marks a meeting held, or undoes it)
//   "session/<id>/agenda"         the agenda text
//   "session/<id>/notes"          a shared note, added below the session's notes with the author's name
//   "feedback/<session id>"       the participant's rating of a held session: {"1".."5", comment}
//   "close-out/<pair id>"         their close-out rating of the pair:         {"1".."5", comment}
//
// A value is a list of text items (FieldValue), one item for single fields, in the forms
// people type: skills "Excel:4" (proficiency 1–5, 3 when left out), availability
// "mon 09:00-11:00", absences "2026-03-02..2026-03-06" (or one date), preferences participant ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "core/time_zone_catalog.h"

namespace flipside::participants {

using FieldValue = std::vector<std::string>;

enum class FieldOwner { Participant, Coordinator };

struct ProfileField {
    std::string_view name;  // as in the exported file's participant record
    FieldOwner owner;
    std::string_view why;   // shown when a reply tries to change a coordinator-owned field
};

// Every field of a participant's record, in file order, with its owner: the one table.
const std::vector<ProfileField>& profile_fields();

enum class FieldKind { Profile, SessionStatus, SessionAgenda, SessionNotes, SessionFeedback, CloseOut };

struct FieldName {
    FieldKind kind = FieldKind::Profile;
    std::string name;       // the whole name, as written in replies
    std::string record_id;  // profile: the field; sessions and feedback: the session id; close-out: the pair id
};

// Parses a reply's field name; refused (with why) when the field is unknown or the coordinator's.
Result<FieldName> parse_field_name(std::string_view name);

// A participant-owned field's value as the document has it for `participant_id` in the
// program `program_id`. Refused when the session or pair is not of that participant's own
// pair in that program.
Result<FieldValue> current_value(const Document& document, const std::string& program_id,
                                 const std::string& participant_id, const FieldName& field);

// Writes `value` into `document` (a working copy) as `participant_id`'s change. Refused, with
// the document unchanged, when the value is not valid for the field (an unknown time zone,
// overlapping windows, a rating outside 1–5, a session not of their pair). A session note is
// added to the session's notes under the participant's name; feedback gets a new record id
// from the document when the participant had none.
Result<void> write_value(Document& document, const std::string& program_id, const std::string& participant_id,
                         const FieldName& field, const FieldValue& value, const TimeZoneCatalog& time_zones);

// A short digest of a value (16 hex digits of SHA-256 over its canonical form): what the
// coordinator's ledger keeps of a value a reply wrote, to know it again without storing it.
std::string value_digest(const FieldValue& value);

// The profile fields a participant owns, as a field's value in that form.
FieldValue profile_value(const Participant& participant, std::string_view field);

// The pairs `participant_id` belongs to in `program_id` (as mentor or mentee; a mentor may have several).
std::vector<const Pair*> own_pairs(const Document& document, const std::string& program_id,
                                   const std::string& participant_id);

}  // namespace flipside::participants
