#include "app/profile_gap_cause.h"

#include <unordered_set>
#include <vector>

namespace flipside::app {

namespace {

// What the coordinator can do about each gap.
const char* remedy(ProfileGap gap) {
    switch (gap) {
        case ProfileGap::Availability: return "paint it in People, select them there and apply office hours, or invite them to fill it in";
        case ProfileGap::Languages: return "add them in People, invite them to fill them in, or turn off \"A common language is required\"";
        case ProfileGap::Skills: return "add what they can teach in People, or invite them to fill it in";
        case ProfileGap::LearningGoals: return "add what they want to learn in People, or invite them to fill it in";
    }
    return "";
}

// "None of the 12 active people has availability: ..." / "3 of the 12 active people have no
// availability: ...". `group` names who was counted ("active people").
GapCause describe(ProfileGap gap, GapCount count, const std::string& group) {
    GapCause cause{gap, count.missing, count.concerned, {}};
    const std::string field = profile_gap_field(gap);
    const std::string of = std::to_string(count.concerned) + " " + group;
    if (count.missing == count.concerned)
        cause.text = (count.concerned == 1 ? "The only one of the " + of + " has no " : "None of the " + of + " has ") + field;
    else
        cause.text = std::to_string(count.missing) + " of the " + of + (count.missing == 1 ? " has no " : " have no ") + field;
    cause.text += ": " + std::string(remedy(gap)) + ".";
    return cause;
}

const char* group_of(ProfileGap gap) {
    switch (gap) {
        case ProfileGap::Skills: return "active mentors";
        case ProfileGap::LearningGoals: return "active mentees";
        default: return "active people";
    }
}

}  // namespace

std::optional<GapCause> matching_gap_cause(const Document& document) {
    std::vector<const Participant*> people;
    people.reserve(document.participants.size());
    for (const Participant& p : document.participants) people.push_back(&p);
    const bool language_rule = common_language_required(document);
    for (const ProfileGap gap : kAllProfileGaps) {
        const GapCount count = count_gap(people, gap, language_rule, true);
        if (count.missing > 0) return describe(gap, count, group_of(gap));
    }
    return std::nullopt;
}

std::optional<GapCause> scheduling_gap_cause(const Document& document, const std::string& program_id) {
    std::unordered_set<std::string> members;
    for (const Pair& pair : document.pairs)
        if (pair.program_id == program_id && pair.state == PairState::Active) {
            members.insert(pair.mentor_id);
            members.insert(pair.mentee_id);
        }
    std::vector<const Participant*> people;
    for (const Participant& p : document.participants)
        if (members.count(p.id)) people.push_back(&p);
    const GapCount count = count_gap(people, ProfileGap::Availability, false, false);
    if (count.missing == 0) return std::nullopt;
    return describe(ProfileGap::Availability, count, "people in this wave's active pairs");
}

}  // namespace flipside::app
