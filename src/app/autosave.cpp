#include "app/autosave.h"

#include <algorithm>

namespace flipside::app {

namespace {

std::string quota_message() {
    return "Browser storage is full: the latest changes are not saved (the previous save is kept). "
           "Export the data as JSON, then delete people or old programs you no longer need.";
}

std::string conflict_message() {
    return "Another tab or window saved changes to this data after this one opened it, so this tab has "
           "stopped saving: its latest changes are not saved. Export them as JSON if you need them, "
           "then reload the page to see the newer data.";
}

}  // namespace

void Autosave::record(const Edit& edit, double now) {
    if (!status_.pending) first_change_ = now;
    last_change_ = now;
    status_.pending = true;
    if (edit.document_after) {
        unsaved_document_ = true;
        unsaved_.clear();  // the snapshot will hold them
    } else if (!unsaved_document_) {
        unsaved_.push_back(edit);
    }
}

void Autosave::restart() {
    status_ = SaveStatus{};
    unsaved_.clear();
    unsaved_document_ = false;
}

void Autosave::block(std::string reason) {
    status_.blocked = true;
    status_.last_error = std::move(reason);
}

void Autosave::check_durability(double now) {
    const platform::Storage::Durability durability = store_.durability();
    status_.settling = durability.unsettled_writes > 0;
    if (durability.failure == platform::Storage::WriteResult::Ok) {
        // A save made after the last wait, now on disk: the storage works again.
        if (retry_delay_ > 0 && !status_.settling && !status_.pending && status_.last_saved_at >= retry_not_before_)
            retry_delay_ = 0;
        return;
    }
    // Writes this object took for saved did not reach the disk (and were undone in storage).
    store_.resync();
    unsaved_document_ = true;
    unsaved_.clear();
    switch (durability.failure) {
        case platform::Storage::WriteResult::Exists:
            status_.conflict = true;
            status_.last_error = conflict_message();
            break;
        case platform::Storage::WriteResult::QuotaExceeded:
            status_.last_error = quota_message();
            status_.pending = false;  // the next change tries again
            break;
        default:
            status_.last_error = "Saving to browser storage failed (" + durability.detail +
                                 "); the previous save is kept and the changes will be saved again shortly.";
            if (!status_.pending) first_change_ = last_change_ = now;
            status_.pending = true;
            retry_delay_ = retry_delay_ > 0 ? std::min(retry_delay_ * 2, kLongestRetrySeconds) : 1.0;
            retry_not_before_ = now + retry_delay_;
            break;
    }
}

bool Autosave::tick(const Document& document, UtcSeconds now_utc, double now, bool force) {
    check_durability(now);
    if (!status_.pending || status_.blocked || status_.conflict) return false;
    const bool due = force || ((now - last_change_ >= kQuietSeconds || now - first_change_ >= kLatestSeconds) &&
                               now >= retry_not_before_);
    if (!due) return false;
    const bool snapshot = unsaved_document_ || store_.wants_snapshot();
    const JournaledStore::SaveOutcome outcome =
        snapshot ? store_.write_snapshot(document, now_utc) : store_.append(unsaved_, now_utc);
    switch (outcome) {
        case JournaledStore::SaveOutcome::Saved:
            status_.pending = false;
            status_.last_error.clear();
            status_.last_saved_at = now;
            unsaved_.clear();
            unsaved_document_ = false;
            break;
        case JournaledStore::SaveOutcome::QuotaExceeded:
            status_.last_error = quota_message();
            // Try again only after the next change: retrying every frame would stall the page. The
            // next try saves a whole snapshot, which holds these changes too.
            status_.pending = false;
            unsaved_document_ = true;
            unsaved_.clear();
            break;
        case JournaledStore::SaveOutcome::Failed:
            status_.last_error = "Saving to browser storage failed; the previous save is kept. Export the data as JSON to be safe.";
            status_.pending = false;
            unsaved_document_ = true;
            unsaved_.clear();
            break;
        case JournaledStore::SaveOutcome::Conflict:
            status_.conflict = true;
            status_.last_error = conflict_message();
            break;
    }
    return true;
}

}  // namespace flipside::app
