#include "core/profile_gaps.h"

namespace flipside {

const char* profile_gap_field(ProfileGap gap) {
    switch (gap) {
        case ProfileGap::Availability: return "availability";
        case ProfileGap::Languages: return "languages";
        case ProfileGap::Skills: return "skills";
        case ProfileGap::LearningGoals: return "learning goals";
    }
    return "availability";
}

bool gap_applies(const Participant& person, ProfileGap gap, bool common_language_required) {
    switch (gap) {
        case ProfileGap::Availability: return true;
        case ProfileGap::Languages: return common_language_required;
        case ProfileGap::Skills: return person.role == Role::Mentor;
        case ProfileGap::LearningGoals: return person.role == Role::Mentee;
    }
    return false;
}

bool has_gap(const Participant& person, ProfileGap gap, bool common_language_required) {
    if (!gap_applies(person, gap, common_language_required)) return false;
    switch (gap) {
        case ProfileGap::Availability: return person.availability.empty();
        case ProfileGap::Languages: return person.languages.empty();
        case ProfileGap::Skills: return person.skills.empty();
        case ProfileGap::LearningGoals: return person.learning_goals.empty();
    }
    return false;
}

GapCount count_gap(const std::vector<const Participant*>& people, ProfileGap gap, bool common_language_required,
                   bool active_only) {
    GapCount count;
    for (const Participant* person : people) {
        if (active_only && !person->active) continue;
        if (!gap_applies(*person, gap, common_language_required)) continue;
        ++count.concerned;
        if (has_gap(*person, gap, common_language_required)) ++count.missing;
    }
    return count;
}

bool common_language_required(const Document& document) {
    const Program* program = document.current_program();
    return program ? program->matching.rules.require_common_language : matching::MatchingRules{}.require_common_language;
}

}  // namespace flipside
