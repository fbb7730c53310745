// An Edit is one undoable change to the document: a set of record changes (replace, insert,
// remove) or, for imports and resets, a whole-document swap. Applying an edit and then its
// inverse gives back exactly the document before it, record order included. Plain data over
// the model, standard library only: the app applies and undoes edits, the store journals them.
#pragma once

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace flipside {

inline constexpr std::size_t kAppend = std::numeric_limits<std::size_t>::max();

template <typename Record>
struct RecordChange {
    std::optional<Record> before;  // absent: the record is inserted
    std::optional<Record> after;   // absent: the record is removed
    std::size_t position = kAppend;  // where an inserted record goes, or where a removed one was
};

struct Edit {
    std::string label;  // shown as "Undo <label>"
    std::vector<RecordChange<Program>> programs;
    std::vector<RecordChange<Participant>> participants;
    std::vector<RecordChange<Pair>> pairs;
    std::vector<RecordChange<Session>> sessions;
    std::vector<RecordChange<Feedback>> feedback;
    // Set for whole-document edits (import, demo, clear).
    std::shared_ptr<const Document> document_before;
    std::shared_ptr<const Document> document_after;

    bool empty() const;
    Edit inverse() const;
};

void apply_edit(Document& document, const Edit& edit);

}  // namespace flipside
