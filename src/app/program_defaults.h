// The dates a new program starts with, from "today" passed in (never read from a clock here):
// the first wave starts on the Monday after today and runs 25 weeks to a Friday (about six
// months, a common length for a reverse-mentoring cohort); a next wave starts two weeks after
// the previous one ends, with its length and settings, but never before the Monday after today.
#pragma once

#include <string>

#include "core/model.h"

namespace flipside::app {

inline constexpr int kDefaultProgramWeeks = 25;

// The Monday strictly after `today`.
Date next_monday(const Date& today);

// "Reverse mentoring — Wave 1" with the defaults above.
Program first_program(std::string id, const Date& today);

// The wave after `previous`: its settings, a name saying so, no blackout dates.
Program next_wave(const Program& previous, std::string id, const Date& today);

}  // namespace flipside::app
