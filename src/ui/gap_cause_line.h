// The one line Matching and Calendar draw before their per-person lists when one cause covers
// them (app/profile_gap_cause.h decides which), with a button that shows those people in People.
#pragma once

#include "app/profile_gap_cause.h"

namespace flipside::app {
class App;
}

namespace flipside::ui {

// `id` keeps the line and its button apart when a screen draws more than one.
void gap_cause_line(app::App& app, const char* id, const app::GapCause& cause);

}  // namespace flipside::ui
