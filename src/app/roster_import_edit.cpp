#include "app/roster_import_edit.h"

namespace flipside::app {

Edit roster_import_edit(const Document& document, const io::RosterImportReport& report, const std::string& file_name) {
    Edit edit;
    std::size_t added = 0;
    std::size_t updated = 0;
    for (const io::ImportedRow& row : report.rows) {
        if (row.outcome == io::RowOutcome::Add) {
            edit.participants.push_back({std::nullopt, row.participant, kAppend});
            ++added;
        } else if (row.outcome == io::RowOutcome::Update && row.existing_index < document.participants.size()) {
            // The position lets the inverse put the person back exactly where they were.
            edit.participants.push_back({document.participants[row.existing_index], row.participant, row.existing_index});
            ++updated;
        }
    }
    edit.label = "import " + file_name + " (" + std::to_string(added) + " added, " + std::to_string(updated) + " updated)";
    return edit;
}

}  // namespace flipside::app
