// When to save: a change is saved once edits pause for kQuietSeconds, and never later than
// kLatestSeconds after the first unsaved change, so a reload loses at most about a second.
#pragma once

#include <string>

#include "app/document_store.h"
#include "core/model.h"

namespace flipside::app {

struct SaveStatus {
    bool pending = false;        // a change waits to be saved
    bool blocked = false;        // saving is off until the user decides (unreadable saved data)
    std::string last_error;      // empty after a good save
    double last_saved_at = -1;   // monotonic seconds
};

class Autosave {
public:
    static constexpr double kQuietSeconds = 0.4;
    static constexpr double kLatestSeconds = 1.0;

    explicit Autosave(DocumentStore store) : store_(std::move(store)) {}

    void mark_changed(double now);
    // Saves when due (or when `force`); returns true when a save was attempted.
    bool tick(const Document& document, double now, bool force = false);
    void block(std::string reason);
    void unblock() { status_.blocked = false; }

    const SaveStatus& status() const { return status_; }
    DocumentStore& store() { return store_; }
    const DocumentStore& store() const { return store_; }

private:
    DocumentStore store_;
    SaveStatus status_;
    double first_change_ = 0;
    double last_change_ = 0;
};

}  // namespace flipside::app
