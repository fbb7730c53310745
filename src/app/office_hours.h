// "Apply office hours…" in People: one weekly template given to every selected person as their
// availability, in each person's own time zone (availability is local time, so 09:00 is nine
// in the morning wherever each of them works), as ONE undoable step.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/edit.h"
#include "core/model.h"
#include "core/result.h"

namespace flipside::app {

// Monday to Friday 09:00-17:00 with 12:00-13:00 for lunch, written the way the template field
// takes it (core/availability_text.h).
inline constexpr const char* kDefaultOfficeHours = "Mon-Fri 09:00-12:00, 13:00-17:00";

// The template read as weekly windows; refused with the reason when it cannot be read or
// holds no window at all.
Result<std::vector<WeeklyWindow>> read_office_hours(std::string_view text);

// Replaces the availability of the people with these ids (unknown ids are skipped) by
// `windows`, labelled "apply office hours to 12 people". Empty when nobody's changes.
Edit office_hours_edit(const Document& document, const std::vector<std::string>& ids,
                       const std::vector<WeeklyWindow>& windows);

}  // namespace flipside::app
