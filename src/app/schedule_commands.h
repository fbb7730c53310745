// What the Calendar's "Generate schedule" does, as data: the undoable edit and the message,
// built here without ImGui so that tests can check both; the screen applies one and posts the
// other.
#pragma once

#include <string>

#include "app/edit.h"
#include "app/user_message.h"
#include "core/model.h"
#include "core/scheduling/scheduler.h"
#include "core/time_zone_catalog.h"

namespace flipside::app {

struct GeneratedSchedule {
    // The new sessions, appended after the document's, as one step labelled "Generate
    // schedule" (Edit > Undo takes them all back). Empty when nothing was placed.
    Edit edit;
    // "12 sessions planned; 3 of 4 pairs fully scheduled", with one detail line per pair that
    // could not be placed in full ("pair-0007: no free slot on ..."), then an error; or, when
    // every active pair already has sessions, a note that there is nothing to generate.
    UserMessage message;
    scheduling::ScheduleReport report;  // the scheduler's own account
};

// Plans every active pair of `program_id` that has no session yet (see
// scheduling::schedule_unscheduled_pairs): existing sessions never move. `document` is left as it is.
GeneratedSchedule generate_schedule(const Document& document, const std::string& program_id,
                                    const TimeZoneCatalog& time_zones);

}  // namespace flipside::app
