#include <doctest/doctest.h>

#include <algorithm>

#include "app/app.h"
#include "app/invitations.h"
#include "core/matching/explainer.h"
#include "core/matching/pair_words.h"
#include "core/matching/scores.h"
#include "io/csv_reader.h"
#include "io/invitation_json.h"
#include "platform/interface/time_zones.h"
#include "platform/memory_platform.h"
#include "participants_test_support.h"

using namespace flipside;

namespace {

struct Fixture {
    platform::MemoryPlatform memory{platform::system_time_zones()};
    app::App app{memory.platform};
    Fixture() {
        app.start();
        app.apply(app::replace_document(app.document(), testing::paired_document(), "load the wave"));
    }
};

}  // namespace

TEST_CASE("whom to invite: the selection, every active person, or those still missing details") {
    Document d = testing::paired_document();
    d.participants[3].active = false;
    for (Participant& p : d.participants) p.languages = {"English"};
    CHECK(app::people_to_invite(d, app::InviteWho::EveryoneActive, {}) == std::vector<std::string>{"P1", "P2", "P3"});
    // P1 and P2 have what their role needs; P3, a mentor, has no skills yet.
    CHECK(app::people_to_invite(d, app::InviteWho::MissingDetails, {}) == std::vector<std::string>{"P3"});
    // In roster order, inactive ones kept so that issuing can say why they cannot be invited.
    CHECK(app::people_to_invite(d, app::InviteWho::Selected, {"P4", "P2"}) == std::vector<std::string>{"P2", "P4"});
}

TEST_CASE("inviting records the invitations as one undoable edit and hands out link, file, draft and table") {
    Fixture f;
    f.memory.navigation.address = "https://hr.example.com/flipside/";
    const Document before = f.app.document();
    Result<app::IssuedInvitations> issued = f.app.invite({"P1", "P2"});
    REQUIRE_MESSAGE(issued.ok(), issued.message());
    REQUIRE(issued->handouts.size() == 2);
    CHECK(issued->key_added);
    const io::InvitationHandout& zoe = issued->handouts[0];
    CHECK(zoe.participant_name == "Zoë Åkesson");
    CHECK(zoe.file_name == "P1.flipside-invite");
    CHECK(zoe.link.rfind("https://hr.example.com/flipside/#invite=", 0) == 0);
    CHECK(zoe.mailto.rfind("mailto:", 0) == 0);
    CHECK(zoe.message.body.find(zoe.link) != std::string::npos);

    // The file and the link are the same invitation, and the program now knows it.
    const UtcSeconds now = f.memory.clock.utc;
    Result<participants::Invitation> from_file = io::read_invitation_json(zoe.file_text, zoe.file_name, now);
    Result<participants::Invitation> from_link = io::read_invitation_link(zoe.link, now);
    REQUIRE_MESSAGE(from_file.ok(), from_file.message());
    REQUIRE_MESSAGE(from_link.ok(), from_link.message());
    CHECK(from_file->id == from_link->id);
    CHECK(from_file->participant.id == "P1");
    const Program& program = *f.app.document().current_program();
    CHECK(program.invitations.issued.size() == 2);
    CHECK(program.invitations.issued[0].id == from_file->id);

    // invitations.csv has the command line's columns, one row a person.
    Result<io::CsvTable> table = io::read_csv(issued->csv);
    REQUIRE(table.ok());
    CHECK(table->header == std::vector<std::string>{"id", "name", "email", "link", "subject", "body"});
    REQUIRE(table->rows.size() == 2);
    CHECK(table->rows[1].cells[0] == "P2");
    CHECK(table->rows[1].cells[3] == issued->handouts[1].link);

    CHECK(f.app.undo_label() == "invite 2 people");
    f.app.undo();
    CHECK(f.app.document() == before);
}

TEST_CASE("an invitation tells each partner what the two share, said to its reader, under its seal") {
    Fixture f;
    Result<app::IssuedInvitations> issued = f.app.invite({"P1", "P2"});
    REQUIRE_MESSAGE(issued.ok(), issued.message());
    const UtcSeconds now = f.memory.clock.utc;
    const Document& d = f.app.document();
    const matching::MatchingExplainer explainer(d, d.current_program()->matching, f.memory.platform.time_zones,
                                                matching::default_reference_instant(d));
    for (const io::InvitationHandout& handout : issued->handouts) {
        Result<participants::Invitation> read = io::read_invitation_json(handout.file_text, handout.file_name, now);
        REQUIRE_MESSAGE(read.ok(), read.message());
        REQUIRE(read->partners.size() == 1);
        const std::string& reader = read->participant.id;
        const auto expected = matching::own_pair_words(explainer, "P1", "P2", reader);
        REQUIRE(expected.ok());
        CHECK(!expected->empty());
        CHECK(read->partners[0].shared == *expected);
        bool names_the_skill = false;
        for (const std::string& sentence : read->partners[0].shared)
            names_the_skill = names_the_skill || sentence.find("Generative AI") != std::string::npos;
        CHECK(names_the_skill);
    }
    // The sentences are sealed with the rest: changing one is refused.
    const io::InvitationHandout& zoe = issued->handouts[0];
    const auto shared = matching::own_pair_words(explainer, "P1", "P2", "P1");
    REQUIRE(shared.ok());
    const std::string& sentence = shared->front();
    std::string changed = zoe.file_text;
    const std::size_t at = changed.find(sentence);
    REQUIRE(at != std::string::npos);
    changed.replace(at, sentence.size(), "You both like jazz.");
    CHECK_FALSE(io::read_invitation_json(changed, zoe.file_name, now).ok());
}

TEST_CASE("without an address of its own the link points at the single-file build; randomness comes from the platform") {
    Fixture f;
    Result<app::IssuedInvitations> first = f.app.invite({"P1"});
    REQUIRE(first.ok());
    CHECK(first->handouts[0].link.rfind("flipside.html#invite=", 0) == 0);
    CHECK(f.app.undo_label() == "invite Zoë Åkesson");
    // A second invitation of the same person is a new one, with a new id.
    Result<app::IssuedInvitations> second = f.app.invite({"P1"});
    REQUIRE(second.ok());
    CHECK_FALSE(second->key_added);
    CHECK(f.app.document().current_program()->invitations.issued.size() == 2);
    CHECK(first->handouts[0].link != second->handouts[0].link);
}

TEST_CASE("an invitation that cannot be issued says why and records nothing") {
    Fixture f;
    const Document before = f.app.document();
    Participant inactive = f.app.document().participants[2];
    inactive.active = false;
    f.app.apply(app::update_participant(f.app.document().participants[2], inactive));
    const Document with_inactive = f.app.document();
    CHECK_FALSE(f.app.invite({"P1", "P3"}).ok());
    CHECK(f.app.document() == with_inactive);
    CHECK(f.app.messages().back().text.find("No invitation was issued") == 0);
    CHECK_FALSE(f.app.invite({}).ok());
    f.app.set_read_only(true);
    CHECK_FALSE(f.app.invite({"P1"}).ok());
    CHECK(f.app.document() == with_inactive);
}
