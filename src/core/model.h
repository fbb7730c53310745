// The Flipside data model: participants, programs (waves), pairs, sessions and feedback.
// Plain value types, standard library only. Serialization lives in io/, never here.
//
// Index
// [SECTION] Participant
// [SECTION] Program
// [SECTION] Invitations issued and replies merged
// [SECTION] Pair, Session, Feedback
// [SECTION] Document (everything one coordinator keeps)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/enum_names.h"
#include "core/matching/settings.h"

namespace flipside {

//-----------------------------------------------------------------------------
// [SECTION] Participant
//-----------------------------------------------------------------------------

enum class Role { Mentor, Mentee };
// The names written in files and exports (core/enum_names.h); the *_name() functions read them.
inline constexpr EnumNames<Role, 2> kRoleNames{{{Role::Mentor, "mentor"}, {Role::Mentee, "mentee"}}};

// A skill the participant can teach; proficiency 1 (basic) .. 5 (expert).
struct Skill {
    std::string name;
    int proficiency = 3;
    friend bool operator==(const Skill& a, const Skill& b) {
        return a.name == b.name && a.proficiency == b.proficiency;
    }
};

// One weekly window in the participant's own time zone, [start, end) in minutes of the day.
struct WeeklyWindow {
    int weekday = 0;       // 0 = Monday .. 6 = Sunday
    int start_minute = 0;  // 0..1439
    int end_minute = 0;    // start+1..1440
    friend bool operator==(const WeeklyWindow& a, const WeeklyWindow& b) {
        return a.weekday == b.weekday && a.start_minute == b.start_minute &&
               a.end_minute == b.end_minute;
    }
};

inline constexpr int kMinLevel = 1;    // most junior grade
inline constexpr int kMaxLevel = 12;   // most senior grade
inline constexpr int kMaxCapacity = 20;

// Days a participant is away (holiday, leave), inclusive, as dates in their own time zone.
struct Absence {
    Date first;
    Date last;
    friend bool operator==(const Absence& a, const Absence& b) {
        return a.first == b.first && a.last == b.last;
    }
};

struct Participant {
    std::string id;  // stable, never reused
    std::string name;
    std::string email;
    Role role = Role::Mentor;
    std::string department;
    std::string job_title;
    int level = 1;  // seniority grade, kMinLevel..kMaxLevel; mentees are the senior side
    std::optional<Date> hire_date;
    std::string manager_id;  // empty when none or not in the roster
    std::vector<Skill> skills;                 // what the participant can teach
    std::vector<std::string> learning_goals;   // what the participant wants to learn
    std::vector<std::string> interests;
    std::vector<std::string> languages;        // e.g. "English", "Deutsch"
    std::string time_zone = "UTC";             // IANA name
    std::vector<WeeklyWindow> availability;    // local time in time_zone
    std::vector<Absence> absences;             // no sessions on these local dates
    int capacity = 1;                          // mentees a mentor takes on
    bool active = true;                        // willing and available for this wave
    std::string background;                    // free text
    // Ranked ids of the other side (best first) for stable matching; may be partial or empty.
    std::vector<std::string> preferences;

    friend bool operator==(const Participant& a, const Participant& b);
    friend bool operator!=(const Participant& a, const Participant& b) { return !(a == b); }
};

const char* role_name(Role role);  // "mentor" / "mentee"

//-----------------------------------------------------------------------------
// [SECTION] Program
//-----------------------------------------------------------------------------

enum class CadenceKind {
    Weekly,             // every `interval` weeks (1 = weekly, 2 = fortnightly)
    MonthlyNthWeekday,  // the `nth` occurrence (1..4, or -1 for last) of the pair's weekday
    EveryNDays,         // every `interval` days
};

struct Cadence {
    CadenceKind kind = CadenceKind::Weekly;
    int interval = 2;  // weeks for Weekly, days for EveryNDays; ignored for monthly
    int nth = 1;       // for MonthlyNthWeekday
    friend bool operator==(const Cadence& a, const Cadence& b) {
        return a.kind == b.kind && a.interval == b.interval && a.nth == b.nth;
    }
};

inline constexpr EnumNames<CadenceKind, 3> kCadenceKindNames{{{CadenceKind::Weekly, "weekly"},
                                                              {CadenceKind::MonthlyNthWeekday, "monthly"},
                                                              {CadenceKind::EveryNDays, "days"}}};
const char* cadence_kind_name(CadenceKind kind);  // "weekly" / "monthly" / "days"

//-----------------------------------------------------------------------------
// [SECTION] Invitations issued and replies merged
//-----------------------------------------------------------------------------

// What the coordinator keeps of one wave's invitations (core/participants/ issues them and
// checks the replies). No invitation secret is stored: each is derived from `key_hex` and the
// invitation's id, so a reply can be checked against any invitation the key made.
struct IssuedInvitation {
    std::string id;
    std::string participant_id;
    UtcSeconds issued_at = 0;
    UtcSeconds expires_at = 0;  // replies written after this instant are refused
    friend bool operator==(const IssuedInvitation& a, const IssuedInvitation& b) {
        return a.id == b.id && a.participant_id == b.participant_id && a.issued_at == b.issued_at &&
               a.expires_at == b.expires_at;
    }
};

// The participant's sequence number of the newest merged reply that set a field, and a digest
// of the value it wrote: a later reply that replaced that value is no conflict.
struct MergedField {
    std::string field;  // a field name of core/participants/fields.h ("skills", "session/S1/status")
    long long sequence = 0;
    std::string written;  // participants::value_digest() of the value written (16 hex digits)
    friend bool operator==(const MergedField& a, const MergedField& b) {
        return a.field == b.field && a.sequence == b.sequence && a.written == b.written;
    }
};

struct MergedReplies {
    std::string participant_id;
    long long sequence = 0;  // the newest reply merged from this participant
    std::vector<MergedField> fields;
    friend bool operator==(const MergedReplies& a, const MergedReplies& b) {
        return a.participant_id == b.participant_id && a.sequence == b.sequence && a.fields == b.fields;
    }
};

struct InvitationLedger {
    std::string key_hex;  // 64 hex digits of random key; empty until the first invitation
    // What a ranking shortlist shows of each candidate besides the name (core/participants/fields.h).
    std::vector<std::string> candidate_fields{"department", "job_title", "skills"};
    std::vector<IssuedInvitation> issued;
    std::vector<MergedReplies> merged;
    friend bool operator==(const InvitationLedger& a, const InvitationLedger& b) {
        return a.key_hex == b.key_hex && a.candidate_fields == b.candidate_fields && a.issued == b.issued &&
               a.merged == b.merged;
    }
    friend bool operator!=(const InvitationLedger& a, const InvitationLedger& b) { return !(a == b); }
};

struct Program {
    std::string id;
    std::string name;
    std::string objectives;
    std::string norms;  // how to communicate, where to meet, confidentiality
    Date start_date{2026, 1, 5};
    Date end_date{2026, 6, 26};
    Cadence cadence;
    int session_minutes = 60;
    int target_sessions = 12;
    std::vector<Date> blackout_dates;
    int max_sessions_per_day = 2;  // per person, counted on their own local date
    matching::MatchingSettings matching;  // weights, rules, locked and forbidden pairs for this wave
    InvitationLedger invitations;         // invitations issued to participants, replies merged

    friend bool operator==(const Program& a, const Program& b);
    friend bool operator!=(const Program& a, const Program& b) { return !(a == b); }
};

//-----------------------------------------------------------------------------
// [SECTION] Pair, Session, Feedback
//-----------------------------------------------------------------------------

enum class PairState { Active, Hiatus, Completed };
inline constexpr EnumNames<PairState, 3> kPairStateNames{
    {{PairState::Active, "active"}, {PairState::Hiatus, "hiatus"}, {PairState::Completed, "completed"}}};
const char* pair_state_name(PairState state);  // "active" / "hiatus" / "completed"

struct Pair {
    std::string id;
    std::string program_id;
    std::string mentor_id;
    std::string mentee_id;
    PairState state = PairState::Active;
    std::string end_reason;  // when completed: "purpose met", "moved on", ...
    std::string notes;       // confidential coordinator notes

    friend bool operator==(const Pair& a, const Pair& b);
    friend bool operator!=(const Pair& a, const Pair& b) { return !(a == b); }
};

enum class SessionStatus { Planned, Held, Cancelled, NoShow, Moved };
inline constexpr EnumNames<SessionStatus, 5> kSessionStatusNames{{{SessionStatus::Planned, "planned"},
                                                                  {SessionStatus::Held, "held"},
                                                                  {SessionStatus::Cancelled, "cancelled"},
                                                                  {SessionStatus::NoShow, "no-show"},
                                                                  {SessionStatus::Moved, "moved"}}};
const char* session_status_name(SessionStatus status);  // "planned", "held", "cancelled", "no-show", "moved"

struct FollowUp {
    std::string text;
    bool done = false;
    friend bool operator==(const FollowUp& a, const FollowUp& b) {
        return a.text == b.text && a.done == b.done;
    }
};

// Where a session used to be before it was moved (its history).
struct SessionChange {
    UtcSeconds previous_start = 0;
    SessionStatus previous_status = SessionStatus::Planned;
    friend bool operator==(const SessionChange& a, const SessionChange& b) {
        return a.previous_start == b.previous_start && a.previous_status == b.previous_status;
    }
};

struct Session {
    std::string id;
    std::string pair_id;
    UtcSeconds start = 0;
    int minutes = 60;
    SessionStatus status = SessionStatus::Planned;
    bool pinned = false;    // never moved by the scheduler
    int sequence = 0;       // raised each time the session moves (iCalendar SEQUENCE)
    std::string agenda;
    std::string notes;      // confidential to the pair
    std::vector<FollowUp> follow_ups;
    std::vector<SessionChange> history;

    friend bool operator==(const Session& a, const Session& b);
    friend bool operator!=(const Session& a, const Session& b) { return !(a == b); }
};

enum class FeedbackKind { Session, CloseOut };
inline constexpr EnumNames<FeedbackKind, 2> kFeedbackKindNames{
    {{FeedbackKind::Session, "session"}, {FeedbackKind::CloseOut, "close-out"}}};
const char* feedback_kind_name(FeedbackKind kind);  // "session" / "close-out"

struct Feedback {
    std::string id;
    std::string pair_id;
    std::string session_id;  // empty for a close-out rating
    std::string author_id;   // the participant who gave it
    FeedbackKind kind = FeedbackKind::Session;
    int rating = 3;          // 1..5
    std::string comment;

    friend bool operator==(const Feedback& a, const Feedback& b);
    friend bool operator!=(const Feedback& a, const Feedback& b) { return !(a == b); }
};

//-----------------------------------------------------------------------------
// [SECTION] Document
//-----------------------------------------------------------------------------

struct Document {
    std::vector<Program> programs;  // waves, oldest first; the last one is current
    std::vector<Participant> participants;
    std::vector<Pair> pairs;
    std::vector<Session> sessions;
    std::vector<Feedback> feedback;

    const Program* current_program() const { return programs.empty() ? nullptr : &programs.back(); }

    friend bool operator==(const Document& a, const Document& b);
    friend bool operator!=(const Document& a, const Document& b) { return !(a == b); }
};

}  // namespace flipside
