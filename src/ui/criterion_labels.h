// What the Matching screen calls each scoring criterion: its sliders, the breakdown on hover,
// the candidates' rows and their sort.
#pragma once

#include "core/matching/scores.h"

namespace flipside::ui {

const char* criterion_label(matching::Criterion criterion);  // "Skills taught vs goals", ...

}  // namespace flipside::ui
