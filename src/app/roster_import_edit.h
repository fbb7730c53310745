// A planned roster import (io/roster_import.h) as ONE undoable edit: one undo takes back every
// person it added and every change it made, whatever the number of rows.
#pragma once

#include <string>

#include "app/edit.h"
#include "io/roster_import.h"

namespace flipside::app {

// Adds the rows planned as Add (appended, in file order) and applies the Update rows in place.
// Refused and Unchanged rows are left out. `report` must have been planned against `document`.
// The label reads "import <file name> (12 added, 3 updated)".
Edit roster_import_edit(const Document& document, const io::RosterImportReport& report,
                        const std::string& file_name);

}  // namespace flipside::app
