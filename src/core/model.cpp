#include "core/model.h"

#include <tuple>

namespace flipside {

bool operator==(const Participant& a, const Participant& b) {
    return std::tie(a.id, a.name, a.email, a.role, a.department, a.job_title, a.level,
                    a.hire_date, a.manager_id, a.skills, a.learning_goals, a.interests,
                    a.languages, a.time_zone, a.availability, a.absences, a.capacity, a.active,
                    a.background, a.preferences) ==
           std::tie(b.id, b.name, b.email, b.role, b.department, b.job_title, b.level,
                    b.hire_date, b.manager_id, b.skills, b.learning_goals, b.interests,
                    b.languages, b.time_zone, b.availability, b.absences, b.capacity, b.active,
                    b.background, b.preferences);
}

bool operator==(const Program& a, const Program& b) {
    return std::tie(a.id, a.name, a.objectives, a.norms, a.start_date, a.end_date, a.cadence,
                    a.session_minutes, a.target_sessions, a.blackout_dates, a.max_sessions_per_day,
                    a.matching, a.invitations) ==
           std::tie(b.id, b.name, b.objectives, b.norms, b.start_date, b.end_date, b.cadence,
                    b.session_minutes, b.target_sessions, b.blackout_dates, b.max_sessions_per_day,
                    b.matching, b.invitations);
}

bool operator==(const Pair& a, const Pair& b) {
    return std::tie(a.id, a.program_id, a.mentor_id, a.mentee_id, a.state, a.end_reason,
                    a.notes) == std::tie(b.id, b.program_id, b.mentor_id, b.mentee_id, b.state,
                                         b.end_reason, b.notes);
}

bool operator==(const Session& a, const Session& b) {
    return std::tie(a.id, a.pair_id, a.start, a.minutes, a.status, a.pinned, a.sequence, a.agenda,
                    a.notes, a.follow_ups, a.history) ==
           std::tie(b.id, b.pair_id, b.start, b.minutes, b.status, b.pinned, b.sequence, b.agenda,
                    b.notes, b.follow_ups, b.history);
}

bool operator==(const Feedback& a, const Feedback& b) {
    return std::tie(a.id, a.pair_id, a.session_id, a.author_id, a.kind, a.rating, a.comment) ==
           std::tie(b.id, b.pair_id, b.session_id, b.author_id, b.kind, b.rating, b.comment);
}

bool operator==(const Document& a, const Document& b) {
    return std::tie(a.programs, a.participants, a.pairs, a.sessions, a.feedback) ==
           std::tie(b.programs, b.participants, b.pairs, b.sessions, b.feedback);
}

namespace {

// A value missing from its table (which the tests rule out) reads as the table's first name.
template <typename Enum, std::size_t N>
const char* name_or_first(const EnumNames<Enum, N>& names, Enum value) {
    const char* name = name_of(names, value);
    return name ? name : names.front().name;
}

}  // namespace

const char* role_name(Role role) { return name_or_first(kRoleNames, role); }
const char* cadence_kind_name(CadenceKind kind) { return name_or_first(kCadenceKindNames, kind); }
const char* pair_state_name(PairState state) { return name_or_first(kPairStateNames, state); }
const char* session_status_name(SessionStatus status) { return name_or_first(kSessionStatusNames, status); }
const char* feedback_kind_name(FeedbackKind kind) { return name_or_first(kFeedbackKindNames, kind); }

}  // namespace flipside
