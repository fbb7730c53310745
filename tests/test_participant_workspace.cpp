// The participant's own app over memory storage: opening invitations, changes checked and kept
// across a restart, replies cumulative and signed, and the coordinator's merge taking them in.
#include <doctest/doctest.h>

#include "app/participant_workspace.h"
#include "core/participants/change_words.h"
#include "core/participants/invitation_world.h"
#include "io/invitation_json.h"
#include "io/participant_device_json.h"
#include "io/reply_json.h"
#include "participants_test_support.h"
#include "platform/interface/time_zones.h"
#include "platform/memory_platform.h"

using namespace flipside;
using namespace flipside::participants;
using namespace flipside::testing;

namespace {

struct Device {
    platform::MemoryPlatform memory{platform::system_time_zones(), "participant"};
    app::ParticipantWorkspace workspace{memory.platform};
    Device() { memory.clock.utc = kIssued + kDay; }
};

struct Wave {
    Document document = paired_document(4);
    std::vector<Invitation> invitations = invite(document, "R1", {"P1", "P2"});
    std::string link(std::size_t i) const { return io::invitation_link(invitations.at(i), "https://hr.example.com/flipside/"); }
};

// The coordinator merges `replies` (file contents) and keeps the result.
MergePlan merge(Document& document, const std::vector<std::string>& files, UtcSeconds now) {
    std::vector<IncomingReply> incoming;
    for (std::size_t i = 0; i < files.size(); ++i) {
        Result<std::vector<Reply>> read = io::read_replies(files[i], "reply " + std::to_string(i + 1));
        REQUIRE_MESSAGE(read.ok(), read.message());
        for (Reply& r : *read) incoming.push_back(IncomingReply{"reply " + std::to_string(i + 1), std::move(r)});
    }
    MergePlan plan = plan_merge(document, incoming, now, platform::system_time_zones(), {});
    apply_edit(document, plan.edit);
    return plan;
}

}  // namespace

TEST_CASE("the participant's world holds their invitation only, with their changes written in") {
    Wave wave;
    const Invitation& inv = wave.invitations[0];
    const Document world = invitation_world(inv);
    REQUIRE(world.participants.size() == 2);  // P1 and their partner
    CHECK(world.participants[0].id == "P1");
    CHECK(world.participants[1].email == inv.partners[0].email);
    CHECK(world.participants[1].skills.empty());  // nothing else of the partner
    CHECK(world.pairs.size() == 1);
    CHECK(world.sessions.size() == inv.sessions.size());
    CHECK(world.sessions[0].notes.empty());
    CHECK(world.feedback.empty());
    const WorldWithChanges changed = world_with_changes(
        inv, {{"interests", {}, {"Chess"}}, {"time_zone", {"UTC"}, {"Mars/Olympus Mons"}}}, platform::system_time_zones());
    CHECK(changed.world.participants[0].interests == std::vector<std::string>{"Chess"});
    REQUIRE(changed.refused.size() == 1);  // the bad zone, named, the good change kept
    CHECK(changed.refused[0].find("time_zone") == 0);
}

TEST_CASE("a participant opens their link, changes their profile, and it is all there after a restart") {
    Wave wave;
    Device device;
    device.workspace.start();
    CHECK_FALSE(device.workspace.has_invitation());
    const Result<app::OpenedInvitation> opened = device.workspace.open_link(wave.link(0));
    REQUIRE_MESSAGE(opened.ok(), opened.message());
    CHECK(opened->kind == app::OpenedInvitation::Kind::First);
    CHECK(device.workspace.me().id == "P1");

    Participant edited = device.workspace.me();
    edited.interests = {"Chess", "Go"};
    edited.availability = {WeeklyWindow{2, 13 * 60, 15 * 60}};
    REQUIRE(device.workspace.set_profile(edited).ok());
    CHECK(device.workspace.changes().size() == 2);
    CHECK(device.workspace.me().interests == edited.interests);

    // Refused as the merge would refuse it, and nothing recorded.
    Participant bad = device.workspace.me();
    bad.time_zone = "Mars/Olympus Mons";
    CHECK_FALSE(device.workspace.set_profile(bad).ok());
    CHECK(device.workspace.changes().size() == 2);
    CHECK_FALSE(device.workspace.set("capacity", {"5"}).ok());
    device.workspace.set_private_note("ses-2", "Ask about the board deck");

    app::ParticipantWorkspace restarted(device.memory.platform);
    restarted.start();
    REQUIRE(restarted.has_invitation());
    CHECK(restarted.me().interests == edited.interests);
    CHECK(restarted.changes() == device.workspace.changes());
    CHECK(restarted.private_note("ses-2") == "Ask about the board deck");
}

TEST_CASE("a session is marked held only once it started") {
    Wave wave;
    Device device;
    REQUIRE(device.workspace.open_link(wave.link(0)).ok());
    const std::string later = wave.invitations[0].sessions.back().id;
    CHECK(device.workspace.mark_session(later, true).message().find("not started") != std::string::npos);
    device.memory.clock.utc = wave.invitations[0].sessions.back().start + 3600;
    CHECK(device.workspace.mark_session(later, true).ok());
    CHECK(device.workspace.value("session/" + later + "/status") == FieldValue{"held"});
    CHECK_FALSE(device.workspace.mark_session("ses-99", true).ok());
}

TEST_CASE("replies are cumulative and signed; the coordinator merges them without conflicts or doubled notes") {
    Wave wave;
    Device device;
    REQUIRE(device.workspace.open_link(wave.link(0)).ok());
    REQUIRE(device.workspace.set("interests", {"Chess"}).ok());
    REQUIRE(device.workspace.set("session/ses-1/notes", {"We covered pivot tables"}).ok());
    REQUIRE(device.workspace.set("feedback/ses-1", {"4", "Useful"}).ok());
    CHECK(device.workspace.has_unsent_changes());
    device.workspace.set_private_note("ses-1", "Private: never sent");

    const Result<app::MadeReply> first = device.workspace.send_reply();
    REQUIRE_MESSAGE(first.ok(), first.message());
    CHECK(first->file_name.rfind("flipside-reply-", 0) == 0);
    CHECK(first->reply.sequence == 1);
    CHECK(signature_matches(first->reply, wave.invitations[0].secret));
    CHECK(first->json.find("Private: never sent") == std::string::npos);
    CHECK(first->text_block.find("BEGIN FLIPSIDE REPLY") != std::string::npos);
    REQUIRE(device.memory.files.downloads.size() == 1);
    CHECK(device.memory.files.downloads[0].content == first->json);
    CHECK_FALSE(device.workspace.has_unsent_changes());
    CHECK_FALSE(device.workspace.send_reply().ok());  // nothing new

    MergePlan plan = merge(wave.document, {first->json}, device.memory.clock.utc);
    CHECK(plan.applied == 1);
    CHECK(wave.document.participants[0].interests == std::vector<std::string>{"Chess"});

    // A second reply carries the earlier change again, and the note only once.
    REQUIRE(device.workspace.set("interests", {"Chess", "Go"}).ok());
    const Result<app::MadeReply> second = device.workspace.send_reply();
    REQUIRE(second.ok());
    CHECK(second->reply.sequence == 2);
    CHECK(second->reply.changes.size() == 2);  // interests and the rating, no note
    plan = merge(wave.document, {second->json}, device.memory.clock.utc);
    CHECK(plan.applied == 1);
    for (const ChangeReview& change : plan.replies[0].changes) CHECK_FALSE(change.conflict);
    CHECK(wave.document.participants[0].interests == std::vector<std::string>{"Chess", "Go"});
    const Session* session = nullptr;
    for (const Session& s : wave.document.sessions)
        if (s.id == "ses-1") session = &s;
    REQUIRE(session);
    std::size_t notes = 0;
    for (std::size_t at = session->notes.find("pivot tables"); at != std::string::npos;
         at = session->notes.find("pivot tables", at + 1))
        ++notes;
    CHECK(notes == 1);
}

TEST_CASE("a value sent and then taken back is still a change to send") {
    Wave wave;
    Device device;
    REQUIRE(device.workspace.open_link(wave.link(0)).ok());
    const FieldValue original = device.workspace.value("interests");
    REQUIRE(device.workspace.set("interests", {"Chess"}).ok());
    REQUIRE(device.workspace.send_reply().ok());
    REQUIRE(device.workspace.set("interests", original).ok());
    CHECK(device.workspace.has_unsent_changes());
    const Result<app::MadeReply> back = device.workspace.send_reply();
    REQUIRE(back.ok());
    REQUIRE(back->reply.changes.size() == 1);
    CHECK(back->reply.changes[0].after == original);
}

TEST_CASE("a newer invitation keeps unsent changes; an older one and someone else's do not disturb them") {
    Wave wave;
    Device device;
    REQUIRE(device.workspace.open_link(wave.link(0)).ok());
    REQUIRE(device.workspace.set("languages", {"English", "Welsh"}).ok());

    const std::vector<Invitation> newer = invite(wave.document, "R1", {"P1"}, kIssued + 2 * kDay);
    Result<app::OpenedInvitation> opened =
        device.workspace.open_link(io::invitation_link(newer[0], "https://hr.example.com/flipside/"));
    REQUIRE(opened.ok());
    CHECK(opened->kind == app::OpenedInvitation::Kind::Newer);
    CHECK(device.workspace.invitation().id == newer[0].id);
    CHECK(device.workspace.value("languages") == FieldValue{"English", "Welsh"});

    opened = device.workspace.open_link(wave.link(0));
    REQUIRE(opened.ok());
    CHECK(opened->kind == app::OpenedInvitation::Kind::Older);
    CHECK(device.workspace.invitation().id == newer[0].id);

    // Someone else on the same device: their own world; the first person's waits.
    REQUIRE(device.workspace.open_link(wave.link(1)).ok());
    CHECK(device.workspace.me().id == "P2");
    CHECK(device.workspace.changes().empty());
    REQUIRE(device.workspace.open_file(io::write_invitation_json(newer[0]), "P1.flipside-invite").ok());
    CHECK(device.workspace.me().id == "P1");
    CHECK(device.workspace.value("languages") == FieldValue{"English", "Welsh"});
}

TEST_CASE("tampered and expired invitations open nothing and say why") {
    Wave wave;
    Device device;
    std::string link = wave.link(0);
    link[link.size() - 5] = link[link.size() - 5] == 'A' ? 'B' : 'A';
    CHECK_FALSE(device.workspace.open_link(link).ok());
    CHECK_FALSE(device.workspace.has_invitation());
    CHECK_FALSE(device.workspace.open_file("{\"not\": \"an invitation\"}", "x.flipside-invite").ok());
    device.memory.clock.utc = wave.invitations[0].expires_at + 1;
    const Result<app::OpenedInvitation> expired = device.workspace.open_link(wave.link(0));
    REQUIRE_FALSE(expired.ok());
    CHECK(expired.message().find("coordinator") != std::string::npos);
}

TEST_CASE("an invitation that expires while open keeps what was entered and stops replies") {
    Wave wave;
    Device device;
    REQUIRE(device.workspace.open_link(wave.link(0)).ok());
    REQUIRE(device.workspace.set("interests", {"Chess"}).ok());
    device.memory.clock.utc = wave.invitations[0].expires_at + 1;
    app::ParticipantWorkspace restarted(device.memory.platform);
    restarted.start();
    REQUIRE(restarted.has_invitation());
    CHECK(restarted.me().interests == std::vector<std::string>{"Chess"});
    CHECK(restarted.expiry_problem().find("expired") != std::string::npos);
    CHECK_FALSE(restarted.send_reply().ok());
}

TEST_CASE("a device state that cannot be read is reported and left in storage") {
    Device device;
    device.memory.storage.write("flipside/participant/participant/current", "R1/P1");
    device.memory.storage.write("flipside/participant/participant/R1/P1", "{garbled");
    device.workspace.start();
    CHECK_FALSE(device.workspace.has_invitation());
    REQUIRE(device.workspace.messages().size() == 1);
    CHECK(device.memory.storage.read("flipside/participant/participant/R1/P1") == std::string("{garbled"));
}

TEST_CASE("changes in words name the session, the partner and the candidates") {
    Wave wave;
    const Invitation& inv = wave.invitations[0];
    const ChangeWords status = describe_change(inv, {"session/ses-1/status", {"planned"}, {"held"}}, "UTC",
                                               platform::system_time_zones());
    CHECK(status.what.find(inv.partners[0].name) != std::string::npos);
    CHECK(status.after == "held");
    const ChangeWords rating = describe_change(inv, {"feedback/ses-1", {}, {"4", "Useful"}}, "UTC",
                                               platform::system_time_zones());
    CHECK(rating.after == "4 of 5 — Useful");
    CHECK(rating.before == "(none)");
    CHECK(describe_change(inv, {"skills", {}, {"Excel:4"}}, "UTC", platform::system_time_zones()).what ==
          "Skills you can share");
}

TEST_CASE("the coordinator's review says the same change of the participant, from the document") {
    Wave wave;
    const ChangeWords rating = describe_change(wave.document, "R1", "P1", {"feedback/ses-1", {}, {"4", "Useful"}},
                                               platform::system_time_zones());
    CHECK(rating.what.rfind("Their rating of the session with ", 0) == 0);
    CHECK(rating.after == "4 of 5 — Useful");
    CHECK(describe_change(wave.document, "R1", "P1", {"skills", {"Excel:3"}, {"Excel:4"}}, platform::system_time_zones())
              .after == "Excel (4/5)");
}

namespace {
class SecondTabLease final : public platform::EditingLease {
public:
    bool held_at_start() override { return false; }
    void request() override { ++requests; }
    int requests = 0;
};
}  // namespace

TEST_CASE("a second tab of the participant's app changes nothing until it takes editing over, then reads the first's") {
    Wave wave;
    Device first;
    REQUIRE(first.workspace.open_link(wave.link(0)).ok());
    REQUIRE(first.workspace.set("interests", {"Chess"}).ok());

    SecondTabLease lease;
    first.memory.platform.editing = &lease;
    app::ParticipantWorkspace second(first.memory.platform);
    second.start();
    REQUIRE(second.has_invitation());
    CHECK(second.editing_elsewhere());
    CHECK(second.set("interests", {"Go"}).message().find("another tab") != std::string::npos);
    CHECK_FALSE(second.send_reply().ok());
    second.request_editing_here();
    CHECK(lease.requests == 1);

    REQUIRE(first.workspace.set("languages", {"English", "Welsh"}).ok());  // the first tab goes on meanwhile
    second.set_editing_elsewhere(false);  // the first tab let go
    CHECK(second.value("languages") == FieldValue{"English", "Welsh"});
    CHECK(second.set("interests", {"Go"}).ok());
}
