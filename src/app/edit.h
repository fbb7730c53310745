// The edits the screens make, built from the document as it is (core/edit.h has the Edit
// itself: the record changes, their inverse and how they are applied).
#pragma once

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/edit.h"
#include "core/model.h"

namespace flipside::app {

using flipside::apply_edit;
using flipside::Edit;
using flipside::kAppend;
using flipside::RecordChange;


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
