// A table of pairs (mentor, mentee, wave, state, sessions held/planned), shared by screens
// that list pairs.
#pragma once

#include <string>

#include "core/model.h"

namespace flipside::ui {

// Lists the pairs of `program_id` (all pairs when empty).
void draw_pair_table(const char* id, const Document& document, const std::string& program_id);

}  // namespace flipside::ui
