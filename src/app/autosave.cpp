#include "app/autosave.h"

#include "io/json_document.h"

namespace flipside::app {

void Autosave::mark_changed(double now) {
    if (!status_.pending) first_change_ = now;
    last_change_ = now;
    status_.pending = true;
}

void Autosave::block(std::string reason) {
    status_.blocked = true;
    status_.last_error = std::move(reason);
}

bool Autosave::tick(const Document& document, double now, bool force) {
    if (!status_.pending || status_.blocked) return false;
    const bool due = force || now - last_change_ >= kQuietSeconds || now - first_change_ >= kLatestSeconds;
    if (!due) return false;
    switch (store_.save(io::write_document_json(document, -1))) {
        case DocumentStore::SaveOutcome::Saved:
            status_.pending = false;
            status_.last_error.clear();
            status_.last_saved_at = now;
            break;
        case DocumentStore::SaveOutcome::QuotaExceeded:
            status_.last_error =
                "Browser storage is full: the latest changes are not saved (the previous save is kept). "
                "Export the data as JSON, then delete people or old programs you no longer need.";
            // Try again only after the next change: retrying every frame would stall the page.
            status_.pending = false;
            break;
        case DocumentStore::SaveOutcome::Failed:
            status_.last_error = "Saving to browser storage failed; the previous save is kept. Export the data as JSON to be safe.";
            status_.pending = false;
            break;
    }
    return true;
}

}  // namespace flipside::app
