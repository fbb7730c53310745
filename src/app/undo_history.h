// Undo and redo stacks of Edits. Bounded so that a long session cannot exhaust memory:
// at most kMaxSteps edits, and at most kMaxDocumentSteps whole-document copies.
#pragma once

#include <cstddef>
#include <deque>
#include <string>

#include "app/edit.h"

namespace flipside::app {

class UndoHistory {
public:
    static constexpr std::size_t kMaxSteps = 500;
    static constexpr std::size_t kMaxDocumentSteps = 8;

    // Records an edit that has just been applied; clears what could be redone.
    void record(Edit edit);
    bool can_undo() const { return !done_.empty(); }
    bool can_redo() const { return !undone_.empty(); }
    std::string undo_label() const { return done_.empty() ? std::string() : done_.back().label; }
    std::string redo_label() const { return undone_.empty() ? std::string() : undone_.back().label; }
    // The edit that undoes the last one (to apply), moved onto the redo stack.
    Edit take_undo();
    // The edit to apply again, moved back onto the undo stack.
    Edit take_redo();
    void clear();

private:
    void trim();
    std::deque<Edit> done_;
    std::deque<Edit> undone_;
};

}  // namespace flipside::app
