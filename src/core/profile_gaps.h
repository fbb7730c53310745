// What a person's profile still lacks for matching and scheduling to work: the fields the
// pairing engine reads (weekly availability for shared time and sessions, languages when the
// program requires a common one, a mentor's skills, a mentee's learning goals). Shared by the
// roster import's report and the screens' one-line causes, so both count the same way.
#pragma once

#include <cstddef>
#include <vector>

#include "core/model.h"

namespace flipside {

enum class ProfileGap { Availability, Languages, Skills, LearningGoals };
inline constexpr ProfileGap kAllProfileGaps[] = {ProfileGap::Availability, ProfileGap::Languages, ProfileGap::Skills,
                                                 ProfileGap::LearningGoals};

// "availability", "languages", "skills", "learning goals": as a sentence names the field.
const char* profile_gap_field(ProfileGap gap);

// Whether the gap concerns this person at all: skills are asked of mentors, learning goals of
// mentees, languages only when `common_language_required`, availability of everyone.
bool gap_applies(const Participant& person, ProfileGap gap, bool common_language_required);
// The field is empty and the gap applies.
bool has_gap(const Participant& person, ProfileGap gap, bool common_language_required);

// Among `people` (active ones only when `active_only`): how many the gap applies to, and how
// many of those lack the field.
struct GapCount {
    std::size_t concerned = 0;
    std::size_t missing = 0;
};
GapCount count_gap(const std::vector<const Participant*>& people, ProfileGap gap, bool common_language_required,
                   bool active_only);

// The current program's rule (true when there is no program: the rule's default).
bool common_language_required(const Document& document);

}  // namespace flipside
