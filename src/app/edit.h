// An Edit is one undoable change to the document: a set of record changes (replace, insert,
// remove) or, for imports and resets, a whole-document swap. Applying an edit and then its
// inverse gives back exactly the document before it, record order included.
#pragma once

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace flipside::app {

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

// Builders for the edits the screens make.
Edit replace_document(const Document& before, Document after, std::string label);
Edit add_participant(Participant participant);
Edit update_participant(const Participant& before, Participant after);
// Removes the people, their pairs with those pairs' sessions and feedback, and clears the
// manager of anyone who reported to them, so that nothing is left dangling.
Edit remove_participants(const Document& document, const std::vector<std::string>& ids);
Edit update_participants(const Document& document, const std::vector<Participant>& updated,
                         std::string label);
Edit add_program(Program program);
Edit update_program(const Program& before, Program after);
Edit update_pair(const Pair& before, Pair after, std::string label);
Edit add_session(Session session);
Edit update_session(const Session& before, Session after, std::string label);
Edit add_feedback(Feedback feedback);
Edit update_feedback(const Feedback& before, Feedback after);

}  // namespace flipside::app
