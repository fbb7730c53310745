#include "app/undo_history.h"

#include <algorithm>

namespace flipside::app {

void UndoHistory::record(Edit edit) {
    done_.push_back(std::move(edit));
    undone_.clear();
    trim();
}

Edit UndoHistory::take_undo() {
    Edit edit = std::move(done_.back());
    done_.pop_back();
    Edit inverse = edit.inverse();
    undone_.push_back(std::move(edit));
    return inverse;
}

Edit UndoHistory::take_redo() {
    Edit edit = std::move(undone_.back());
    undone_.pop_back();
    done_.push_back(edit);
    return edit;
}

void UndoHistory::clear() {
    done_.clear();
    undone_.clear();
}

void UndoHistory::trim() {
    while (done_.size() > kMaxSteps) done_.pop_front();
    // Whole-document edits hold two copies each: drop the oldest steps beyond the allowance.
    auto heavy = [](const Edit& e) { return e.document_after != nullptr; };
    while (static_cast<std::size_t>(std::count_if(done_.begin(), done_.end(), heavy)) > kMaxDocumentSteps)
        done_.pop_front();
}

}  // namespace flipside::app
