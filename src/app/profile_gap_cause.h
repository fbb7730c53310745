// The one line Matching and Calendar show before their per-person lists when many of those
// lines share one cause: profiles that lack what pairing or scheduling reads ("None of the 12
// active people has availability: ..."). Deciding which cause to name is here, so it is the
// same on every screen and testable without ImGui; the screens only draw it, with a button
// that shows those people in People (App::show_people_with_gap()).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/model.h"
#include "core/profile_gaps.h"

namespace flipside::app {

struct GapCause {
    ProfileGap gap = ProfileGap::Availability;
    std::size_t missing = 0;    // people who lack the field
    std::size_t concerned = 0;  // people it was asked of
    std::string text;           // the whole line, ready to show
};

// For pairing, among active people: the first gap, in the order availability, languages (only
// while the program requires a common language), mentors' skills, mentees' learning goals,
// that anyone concerned has; nullopt when every profile has them all.
std::optional<GapCause> matching_gap_cause(const Document& document);

// For scheduling the program's pairs: the members of its active pairs without availability
// (the scheduler cannot place a session for them); nullopt when all have some.
std::optional<GapCause> scheduling_gap_cause(const Document& document, const std::string& program_id);

}  // namespace flipside::app
