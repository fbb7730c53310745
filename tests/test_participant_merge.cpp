#include <doctest/doctest.h>

#include "core/participants/merge.h"
#include "participants_test_support.h"

using namespace flipside;
using namespace flipside::participants;
using namespace flipside::testing;

namespace {

struct Batch {
    Document document = paired_document();
    ShapeOnlyTimeZoneCatalog zones;
    Invitation p1 = invite(document, "R1", {"P1"}).at(0);
    MergePlan merge(const std::vector<Reply>& replies, const MergeChoices& choices = {}) {
        std::vector<IncomingReply> incoming;
        for (std::size_t i = 0; i < replies.size(); ++i) incoming.push_back({"reply " + std::to_string(i + 1), replies[i]});
        return plan_merge(document, incoming, kIssued + 2 * kDay, zones, choices);
    }
    // Merges and keeps the result, as the coordinator's app does.
    MergePlan merge_and_apply(const std::vector<Reply>& replies) {
        MergePlan plan = merge(replies);
        apply_edit(document, plan.edit);
        return plan;
    }
};

std::string reason_of(const MergePlan& plan) { return plan.replies.at(0).reason; }

}  // namespace

TEST_CASE("a valid reply changes exactly the participant's fields, in one edit that undoes exactly") {
    Batch b;
    const Document before = b.document;
    const MergePlan plan = b.merge({reply_with(b.p1, {{"interests", {"Chess"}},
                                                      {"session/ses-2/status", {"held"}},
                                                      {"feedback/ses-2", {"4", "Good"}}}, 1)});
    REQUIRE(plan.applied == 1);
    CHECK(plan.replies[0].outcome == ReplyOutcome::Applied);
    Document after = before;
    apply_edit(after, plan.edit);
    CHECK(after.participants[0].interests == std::vector<std::string>{"Chess"});
    CHECK(after.sessions[1].status == SessionStatus::Held);
    CHECK(after.feedback.back().rating == 4);
    // Nothing else: the other people, pairs and sessions are as they were.
    for (std::size_t i = 1; i < after.participants.size(); ++i) CHECK(after.participants[i] == before.participants[i]);
    CHECK(after.pairs == before.pairs);
    CHECK(after.programs[0].invitations.merged.at(0).sequence == 1);
    apply_edit(after, plan.edit.inverse());
    CHECK(after == before);
}

TEST_CASE("every refusal names its reason and applies nothing of the reply") {
    Batch b;
    const Reply good = reply_with(b.p1, {{"interests", {"Chess"}}}, 1);
    auto refused = [&](Reply reply) {
        const MergePlan plan = b.merge({reply});
        CHECK(plan.refused == 1);
        CHECK(plan.edit.empty());
        return reason_of(plan);
    };
    Reply unsigned_reply = good;
    unsigned_reply.signature.clear();
    CHECK(refused(unsigned_reply).find("no signature") != std::string::npos);
    Reply edited = good;
    edited.changes[0].after = {"Poker"};
    CHECK(refused(edited).find("signature does not match") != std::string::npos);
    Reply other_program = good;
    other_program.program_id = "R9";
    CHECK(refused(other_program).find("not in this data") != std::string::npos);
    Reply other_person = good;
    other_person.participant_id = "P3";
    CHECK(refused(other_person).find("P1's invitation but says it is from P3") != std::string::npos);
    Reply unknown = good;
    unknown.invitation_id = "inv-0000000000000000";
    CHECK(refused(unknown).find("never issued") != std::string::npos);
    Reply newer = good;
    newer.format = kReplyFormat + 1;
    CHECK(refused(newer).find("newer Flipside") != std::string::npos);
    const Reply late = reply_with(b.p1, {{"interests", {"Chess"}}}, 1, b.p1.expires_at + 1);
    CHECK(refused(late).find("expired") != std::string::npos);
    // A coordinator-owned field, even correctly signed (a hand-made reply with the secret).
    Reply owned = good;
    owned.changes.push_back(FieldChange{"capacity", {"1"}, {"9"}});
    owned.signature = reply_signature(owned, b.p1.secret);
    CHECK(refused(owned).find("coordinator's") != std::string::npos);
    // Another pair's session, signed with P3's own invitation.
    const Invitation p3 = invite(b.document, "R1", {"P3"}).at(0);
    Reply foreign = reply_with(p3, {}, 1);
    foreign.changes.push_back(FieldChange{"session/ses-2/status", {"planned"}, {"held"}});
    foreign.signature = reply_signature(foreign, p3.secret);
    CHECK(refused(foreign).find("not of P3's own pair") != std::string::npos);
    // An invalid value refuses the whole reply, its valid changes too.
    const Reply invalid = reply_with(b.p1, {{"interests", {"Chess"}}, {"time_zone", {"Mars"}}}, 1);
    CHECK_FALSE(refused(invalid).empty());
}

TEST_CASE("a replayed reply and one older than merged are skipped; per field the newest sequence wins") {
    Batch b;
    const Reply first = reply_with(b.p1, {{"interests", {"Chess"}}, {"languages", {"Deutsch"}}}, 1);
    const Reply second = reply_with(b.p1, {{"interests", {"Go"}}}, 2);
    REQUIRE(b.merge_and_apply({second}).applied == 1);
    // Older: its "interests" lost to sequence 2, its "languages" is still news.
    MergePlan plan = b.merge_and_apply({first});
    REQUIRE(plan.applied == 1);
    CHECK(b.document.participants[0].interests == std::vector<std::string>{"Go"});
    CHECK(b.document.participants[0].languages == std::vector<std::string>{"Deutsch"});
    CHECK(plan.replies[0].changes[0].superseded);
    // Now everything in it is older: skipped.
    plan = b.merge({first});
    CHECK(plan.skipped == 1);
    CHECK(reason_of(plan).find("older") != std::string::npos);
    plan = b.merge({second});
    CHECK(plan.skipped == 1);
    CHECK(reason_of(plan).find("already merged") != std::string::npos);
    CHECK(plan.edit.empty());
}

TEST_CASE("within a batch replies apply oldest first, whatever their order") {
    Batch b;
    const MergePlan plan = b.merge_and_apply({reply_with(b.p1, {{"interests", {"Go"}}}, 2),
                                              reply_with(b.p1, {{"interests", {"Chess"}}}, 1)});
    CHECK(b.document.participants[0].interests == std::vector<std::string>{"Go"});
    CHECK(plan.applied == 2);
    CHECK_FALSE(plan.replies[0].changes[0].conflict);  // sequence 2 replaced what sequence 1 wrote
}

TEST_CASE("a conflict keeps the coordinator's value unless the coordinator takes the participant's") {
    Batch b;
    const Reply reply = reply_with(b.p1, {{"background", {"Data engineer"}}, {"interests", {"Chess"}}}, 1);
    b.document.participants[0].background = "Set by the coordinator after inviting";
    MergePlan plan = b.merge({reply});
    REQUIRE(plan.applied == 1);
    const ChangeReview& conflict = plan.replies[0].changes[0];
    CHECK(conflict.conflict);
    CHECK_FALSE(conflict.applied);
    CHECK(conflict.current == FieldValue{"Set by the coordinator after inviting"});
    CHECK(conflict.after == FieldValue{"Data engineer"});
    Document kept = b.document;
    apply_edit(kept, plan.edit);
    CHECK(kept.participants[0].background == "Set by the coordinator after inviting");
    CHECK(kept.participants[0].interests == std::vector<std::string>{"Chess"});

    MergeChoices take;
    take.take_participant.insert({0, "background"});
    plan = b.merge({reply}, take);
    Document taken = b.document;
    apply_edit(taken, plan.edit);
    CHECK(taken.participants[0].background == "Data engineer");
}
