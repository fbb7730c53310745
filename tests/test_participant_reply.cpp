#include <doctest/doctest.h>

#include "core/participants/reply.h"
#include "participants_test_support.h"

using namespace flipside;
using namespace flipside::participants;
using namespace flipside::testing;

TEST_CASE("a draft keeps the value each change replaced and drops a change made back") {
    Document d = paired_document();
    ReplyDraft draft(invite(d, "R1", {"P1"}).at(0));
    REQUIRE(draft.record("interests", {"Chess"}).ok());
    REQUIRE(draft.record("interests", {"Chess", "Go"}).ok());
    REQUIRE(draft.changes().size() == 1);
    CHECK(draft.changes()[0].before == FieldValue{});  // small_document's P1 had no interests
    CHECK(draft.changes()[0].after == FieldValue{"Chess", "Go"});
    CHECK(*draft.value("interests") == FieldValue{"Chess", "Go"});
    REQUIRE(draft.record("interests", {}).ok());
    CHECK(draft.changes().empty());
}

TEST_CASE("a draft refuses coordinator-owned fields and sessions outside the invitation") {
    Document d = paired_document();
    ReplyDraft draft(invite(d, "R1", {"P1"}).at(0));
    CHECK(draft.record("capacity", {"5"}).message().find("coordinator's") != std::string::npos);
    CHECK(draft.record("session/ses-99/status", {"held"}).message().find("not one of this invitation's") != std::string::npos);
    CHECK(draft.record("close-out/pair-9", {"5"}).message().find("not one of this invitation's") != std::string::npos);
    CHECK(draft.record("close-out/pair-1", {"5", "We met our goals"}).ok());
    CHECK(draft.changes().size() == 1);
}

TEST_CASE("the signature covers every field of the reply") {
    Document d = paired_document();
    const Invitation invitation = invite(d, "R1", {"P1"}).at(0);
    const Reply reply = reply_with(invitation, {{"interests", {"Chess"}}}, 1);
    CHECK(signature_matches(reply, invitation.secret));
    CHECK_FALSE(signature_matches(reply, std::string(32, 'x')));
    auto tampered = [&](auto change) {
        Reply copy = reply;
        change(copy);
        return signature_matches(copy, invitation.secret);
    };
    CHECK_FALSE(tampered([](Reply& r) { r.participant_id = "P2"; }));
    CHECK_FALSE(tampered([](Reply& r) { r.sequence = 2; }));
    CHECK_FALSE(tampered([](Reply& r) { r.written_at += 1; }));
    CHECK_FALSE(tampered([](Reply& r) { r.changes[0].after = {"Go"}; }));
    CHECK_FALSE(tampered([](Reply& r) { r.changes[0].before = {"x"}; }));
    CHECK_FALSE(tampered([](Reply& r) { r.changes[0].field = "languages"; }));
    CHECK_FALSE(tampered([](Reply& r) { r.invitation_id += "x"; }));
    // Length prefixes: moving text between items changes the canonical text.
    Reply split = reply;
    split.changes[0].after = {"Ch", "ess"};
    CHECK(canonical_reply_text(split) != canonical_reply_text(reply));
}

TEST_CASE("a newer invitation keeps the unsent changes, and drops those to sessions it no longer has") {
    Document d = paired_document(3);
    ReplyDraft draft(invite(d, "R1", {"P1"}).at(0));
    REQUIRE(draft.record("interests", {"Chess"}).ok());
    REQUIRE(draft.record("session/ses-3/agenda", {"Bring the laptop"}).ok());
    d.sessions.pop_back();  // the coordinator cancelled and removed ses-3
    d.participants[0].interests = {"Go"};
    const auto dropped = draft.take_newer_invitation(invite(d, "R1", {"P1"}).at(0));
    REQUIRE(dropped.ok());
    REQUIRE(dropped->size() == 1);
    CHECK(dropped->at(0).field == "session/ses-3/agenda");
    REQUIRE(draft.changes().size() == 1);
    CHECK(draft.changes()[0].before == FieldValue{});  // still what they replaced: the merge sees the conflict
    CHECK(*draft.value("interests") == FieldValue{"Chess"});
    CHECK_FALSE(draft.take_newer_invitation(invite(d, "R1", {"P2"}).at(0)).ok());
}
