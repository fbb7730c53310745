// When and what to save: a change is saved once edits pause for kQuietSeconds, and never later
// than kLatestSeconds after the first unsaved change, so a reload loses at most about a second.
// What is saved is the edits since the last save, as one journal entry; a whole-document edit
// (import, demo, clear) or a journal grown long saves a new snapshot instead (journaled_store.h).
#pragma once

#include <string>
#include <vector>

#include "app/journaled_store.h"
#include "core/edit.h"
#include "core/model.h"

namespace flipside::app {

struct SaveStatus {
    bool pending = false;        // a change waits to be saved
    bool blocked = false;        // saving is off until the user decides (unreadable or newer saved data)
    bool conflict = false;       // another tab or window saved newer data: this one stopped saving
    bool settling = false;       // saved, but the browser has not yet confirmed it is on disk
    std::string last_error;      // empty after a good save
    double last_saved_at = -1;   // monotonic seconds
};

class Autosave {
public:
    static constexpr double kQuietSeconds = 0.4;
    static constexpr double kLatestSeconds = 1.0;
    static constexpr double kLongestRetrySeconds = 60.0;

    explicit Autosave(JournaledStore store) : store_(std::move(store)) {}

    // `edit` has just been applied to the document (an edit, an undo or a redo).
    void record(const Edit& edit, double now);
    // Saves when due (or when `force`); returns true when a save was attempted.
    bool tick(const Document& document, UtcSeconds now_utc, double now, bool force = false);
    void block(std::string reason);
    void unblock() { status_.blocked = false; }
    // Forgets what was unsaved and any conflict: the document was just read again from storage.
    void restart();

    const SaveStatus& status() const { return status_; }
    JournaledStore& store() { return store_; }
    const JournaledStore& store() const { return store_; }

    // Takes in what the storage says of earlier writes (a write-behind store's late failures);
    // tick() does it first.
    void check_durability(double now);

private:

    JournaledStore store_;
    SaveStatus status_;
    std::vector<Edit> unsaved_;      // record edits since the last save, in order
    bool unsaved_document_ = false;  // a whole-document edit since the last save
    double first_change_ = 0;
    double last_change_ = 0;
    // After the storage failed writes it had accepted (not over quota, not a conflict), saving
    // again waits, twice as long after each such failure up to kLongestRetrySeconds: a storage
    // that keeps failing would otherwise take a whole snapshot every second.
    double retry_delay_ = 0;
    double retry_not_before_ = 0;
};

}  // namespace flipside::app
