#include <doctest/doctest.h>

#include "app/edit.h"
#include "app/undo_history.h"
#include "test_support.h"

using namespace flipside;
using namespace flipside::app;

TEST_CASE("an edit and its inverse restore the document exactly, order included") {
    const Document original = testing::small_document();
    Document d = original;

    Participant changed = d.participants[2];
    changed.department = "Finance";
    const Edit edit = update_participant(d.participants[2], changed);
    apply_edit(d, edit);
    CHECK(d.participants[2].department == "Finance");
    apply_edit(d, edit.inverse());
    CHECK(d == original);

    const Edit removal = remove_participants(d, {"P1", "P3"});
    apply_edit(d, removal);
    CHECK(d.participants.size() == 2);
    CHECK(d.pairs.empty());      // P1's pair went with P1
    CHECK(d.sessions.empty());
    CHECK(d.feedback.empty());
    apply_edit(d, removal.inverse());
    CHECK(d == original);
}

TEST_CASE("removing a manager leaves their reports without a manager, and undo restores it") {
    const Document original = testing::small_document();
    Document d = original;
    const Edit removal = remove_participants(d, {"P4"});
    apply_edit(d, removal);
    REQUIRE(d.participants.size() == 3);
    CHECK(d.participants[0].manager_id.empty());
    apply_edit(d, removal.inverse());
    CHECK(d == original);
}

TEST_CASE("removing a participant forgets their invitations, so a reused id cannot receive their replies") {
    Document d = testing::small_document();
    d.programs[0].invitations.issued = {IssuedInvitation{"inv-1", "P1", 0, 100}, IssuedInvitation{"inv-2", "P2", 0, 100}};
    d.programs[0].invitations.merged = {MergedReplies{"P1", 3, {}}};
    const Document original = d;
    const Edit removal = remove_participants(d, {"P1"});
    apply_edit(d, removal);
    REQUIRE(d.programs[0].invitations.issued.size() == 1);
    CHECK(d.programs[0].invitations.issued[0].participant_id == "P2");
    CHECK(d.programs[0].invitations.merged.empty());
    apply_edit(d, removal.inverse());
    CHECK(d == original);
}

TEST_CASE("undo history undoes and redoes in order and forgets redo after a new edit") {
    Document d = testing::small_document();
    const Document original = d;
    UndoHistory history;
    auto rename = [&](const std::string& name) {
        Participant after = d.participants[0];
        after.name = name;
        Edit edit = update_participant(d.participants[0], after);
        apply_edit(d, edit);
        history.record(std::move(edit));
    };
    rename("A");
    rename("B");
    CHECK(history.undo_label() == "edit B");
    apply_edit(d, history.take_undo());
    CHECK(d.participants[0].name == "A");
    apply_edit(d, history.take_undo());
    CHECK(d == original);
    CHECK_FALSE(history.can_undo());
    apply_edit(d, history.take_redo());
    CHECK(d.participants[0].name == "A");
    rename("C");
    CHECK_FALSE(history.can_redo());
}

TEST_CASE("whole-document edits are undoable and bounded in number") {
    Document d = testing::small_document();
    const Document original = d;
    UndoHistory history;
    for (int i = 0; i < 20; ++i) {
        Document next = d;
        next.participants.pop_back();
        if (next.participants.empty()) next = original;
        Edit edit = replace_document(d, next, "import");
        apply_edit(d, edit);
        history.record(std::move(edit));
    }
    int steps = 0;
    while (history.can_undo()) {
        apply_edit(d, history.take_undo());
        ++steps;
    }
    CHECK(steps == static_cast<int>(UndoHistory::kMaxDocumentSteps));
}
