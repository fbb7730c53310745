#include <doctest/doctest.h>

#include <algorithm>

#include "app/app.h"
#include "app/reply_batch.h"
#include "io/invitation_json.h"
#include "io/reply_json.h"
#include "platform/interface/time_zones.h"
#include "platform/memory_platform.h"
#include "participants_test_support.h"

using namespace flipside;

namespace {

// A coordinator's app with a paired wave whose two people were invited from the app.
struct Fixture {
    platform::MemoryPlatform memory{platform::system_time_zones()};
    app::App app{memory.platform};
    std::vector<participants::Invitation> invitations;
    Fixture() {
        app.start();
        app.apply(app::replace_document(app.document(), testing::paired_document(), "load the wave"));
        Result<app::IssuedInvitations> issued = app.invite({"P1", "P2"});
        REQUIRE_MESSAGE(issued.ok(), issued.message());
        for (const io::InvitationHandout& handout : issued->handouts) {
            Result<participants::Invitation> read = io::read_invitation_json(handout.file_text, handout.file_name,
                                                                             memory.clock.utc);
            REQUIRE(read.ok());
            invitations.push_back(*read);
        }
        memory.clock.utc += testing::kDay;
    }
    participants::Reply reply(std::size_t who, const std::vector<std::pair<std::string, participants::FieldValue>>& changes,
                              long long sequence = 1) {
        return testing::reply_with(invitations.at(who), changes, sequence, memory.clock.utc - 3600);
    }
};

}  // namespace

TEST_CASE("a dropped reply file joins the review instead of replacing the data; text blocks too") {
    Fixture f;
    const Document before = f.app.document();
    f.app.receive_file("zoe.json", io::write_reply_json(f.reply(0, {{"interests", {"Chess"}}})));
    f.app.receive_file("lukasz.txt", "Hi,\n> " + io::reply_text_block(f.reply(1, {{"languages", {"Polski"}}})));
    CHECK(f.app.document() == before);
    CHECK_FALSE(f.app.pending_csv_import().has_value());
    REQUIRE(f.app.reply_batch().replies().size() == 2);
    CHECK(f.app.reply_batch().replies()[1].source == "lukasz.txt");
    // The same file dropped twice is one reply.
    f.app.receive_file("zoe copy.json", io::write_reply_json(f.reply(0, {{"interests", {"Chess"}}})));
    CHECK(f.app.reply_batch().replies().size() == 2);
    // A copy edited after signing carries the same signature but is not the same reply: it stays, to be refused.
    std::string edited = io::write_reply_json(f.reply(0, {{"interests", {"Chess"}}}));
    edited.replace(edited.find("Chess"), 5, "Poker");
    f.app.receive_file("zoe edited.json", edited);
    REQUIRE(f.app.reply_batch().replies().size() == 3);
    CHECK(f.app.reply_review().replies[2].outcome == participants::ReplyOutcome::Refused);
    CHECK(f.app.reply_review().replies[2].source == "zoe edited.json");

    const participants::MergePlan& review = f.app.reply_review();
    REQUIRE(review.replies.size() == 3);
    CHECK(review.replies[0].participant_name == "Zoë Åkesson");
    CHECK(review.replies[0].outcome == participants::ReplyOutcome::Applied);
    CHECK(f.app.document() == before);  // the review changes nothing
}

TEST_CASE("the whole batch applies as one undo step, and a refused reply is named with its reason") {
    Fixture f;
    const Document before = f.app.document();
    f.app.receive_replies("zoe.json", io::write_reply_json(f.reply(0, {{"interests", {"Chess"}}})));
    f.app.receive_replies("lukasz.json", io::write_reply_json(f.reply(1, {{"languages", {"Polski", "English"}}})));
    participants::Reply forged = f.reply(1, {{"interests", {"Golf"}}}, 2);
    forged.participant_id = "P1";  // Łukasz's invitation, answering for Zoë
    f.app.receive_replies("forged.json", io::write_reply_json(forged));
    f.app.receive_replies("garbled.json", "{\"format\": \"flipside-reply\", \"version\": 1");

    const participants::MergePlan plan = f.app.apply_replies();
    CHECK(plan.applied == 2);
    CHECK(plan.refused == 1);
    CHECK(f.app.document().participants[0].interests == std::vector<std::string>{"Chess"});
    CHECK(f.app.document().participants[1].languages == std::vector<std::string>{"Polski", "English"});
    CHECK(f.app.reply_batch().empty());
    const app::UserMessage& message = f.app.messages().back();
    CHECK(message.kind == app::MessageKind::Error);
    CHECK(message.text.find("Merged 2 replies (0 skipped, 2 refused)") == 0);
    const auto names = [&](const std::string& file) {
        return std::any_of(message.details.begin(), message.details.end(),
                           [&](const std::string& d) { return d.find(file) != std::string::npos; });
    };
    CHECK(names("forged.json"));
    CHECK(names("garbled.json"));

    CHECK(f.app.undo_label() == "merge 2 replies");
    f.app.undo();
    CHECK(f.app.document() == before);
}

TEST_CASE("a conflict keeps the coordinator's value unless the coordinator takes the participant's") {
    for (const bool take : {false, true}) {
        CAPTURE(take);
        Fixture f;
        // After the invitation went out, the coordinator changed the same field.
        Participant zoe = f.app.document().participants[0];
        zoe.interests = {"Sailing"};
        f.app.apply(app::update_participant(f.app.document().participants[0], zoe));
        f.app.receive_replies("zoe.json", io::write_reply_json(f.reply(0, {{"interests", {"Chess"}}, {"languages", {"Svenska"}}})));

        const participants::MergePlan& review = f.app.reply_review();
        REQUIRE(review.replies.size() == 1);
        const auto& changes = review.replies[0].changes;
        const auto interests = std::find_if(changes.begin(), changes.end(), [](const auto& c) { return c.field == "interests"; });
        REQUIRE(interests != changes.end());
        CHECK(interests->conflict);
        CHECK(interests->current == participants::FieldValue{"Sailing"});
        if (take) {
            f.app.reply_batch().set_takes_participant(0, "interests", true);
            CHECK(f.app.reply_batch().takes_participant(0, "interests"));
        }
        f.app.apply_replies();
        CHECK(f.app.document().participants[0].interests == std::vector<std::string>{take ? "Chess" : "Sailing"});
        CHECK(f.app.document().participants[0].languages == std::vector<std::string>{"Svenska"});
    }
}

TEST_CASE("the review is derived again only when the document, the replies or the choices change") {
    Fixture f;
    f.app.receive_replies("zoe.json", io::write_reply_json(f.reply(0, {{"interests", {"Chess"}}})));
    const participants::MergePlan* first = &f.app.reply_review();
    CHECK(first->replies.size() == 1);
    const std::uint64_t generation = f.app.reply_batch().generation();
    CHECK(&f.app.reply_review() == first);
    CHECK(f.app.reply_batch().generation() == generation);
    f.app.receive_replies("lukasz.json", io::write_reply_json(f.reply(1, {{"interests", {"Go"}}})));
    CHECK(f.app.reply_review().replies.size() == 2);
}

TEST_CASE("reply texts are told apart from documents and tables") {
    Fixture f;
    CHECK(io::is_reply_text(io::write_reply_json(f.reply(0, {{"interests", {"Chess"}}}))));
    CHECK(io::is_reply_text("> -----BEGIN FLIPSIDE REPLY-----\n> abc"));
    CHECK(io::is_reply_text("{\"format\": \"flipside-reply\", \"vers"));  // truncated: still a reply, refused as such
    CHECK_FALSE(io::is_reply_text("id,name\nP1,Ana\n"));
    CHECK_FALSE(io::is_reply_text("{\"format\": \"flipside\", \"schema_version\": 3, \"participants\": "
                                  "[{\"interests\": [\"flipside-reply\"]}]}"));
}

TEST_CASE("a read-only view and the kiosk take no replies, and say why") {
    Fixture f;
    f.app.set_read_only(true);
    f.app.receive_file("zoe.json", io::write_reply_json(f.reply(0, {{"interests", {"Chess"}}})));
    CHECK(f.app.reply_batch().empty());
    f.app.set_read_only(false);
    REQUIRE(f.app.kiosk().set_pin("2468").ok());
    f.app.kiosk().enter_kiosk_mode();
    f.app.receive_file("zoe.json", io::write_reply_json(f.reply(0, {{"interests", {"Chess"}}})));
    CHECK(f.app.reply_batch().empty());
    CHECK(f.app.messages().back().text.find("zoe.json is a participant's reply") == 0);
}
