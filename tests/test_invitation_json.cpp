#include <doctest/doctest.h>

#include <cstdio>

#include "io/invitation_json.h"
#include "participants_test_support.h"

using namespace flipside;
using namespace flipside::participants;
using namespace flipside::testing;

namespace {
Invitation paired_invitation() {
    Document d = paired_document(12);
    return invite(d, "R1", {"P2"}).at(0);
}
std::string refusal(const Result<Invitation>& read) { return read.ok() ? std::string("(opened)") : read.message(); }
}  // namespace

TEST_CASE("an invitation file and link read back exactly") {
    const Invitation invitation = paired_invitation();
    const auto file = io::read_invitation_json(io::write_invitation_json(invitation), "P2.flipside-invite", kIssued);
    REQUIRE_MESSAGE(file.ok(), file.message());
    CHECK(io::write_invitation_json(*file) == io::write_invitation_json(invitation));
    const auto link = io::read_invitation_link(io::invitation_link(invitation, "https://hr.example/flipside/"), kIssued);
    REQUIRE_MESSAGE(link.ok(), link.message());
    CHECK(canonical_invitation_text(*link) == canonical_invitation_text(invitation));
}

TEST_CASE("a paired participant's link with 12 sessions stays under 4 KB") {
    const std::string link = io::invitation_link(paired_invitation(), "https://hr.example.com/flipside/");
    std::printf("invitation link, paired participant with 12 sessions: %zu bytes (file %zu bytes)\n", link.size(),
                io::write_invitation_json(paired_invitation()).size());
    CHECK(link.size() < 4096);
}

TEST_CASE("a tampered, truncated, garbled, huge or newer invitation opens nothing and says why") {
    const Invitation invitation = paired_invitation();
    const std::string text = io::write_invitation_json(invitation);
    std::string edited = text;
    edited.replace(edited.find("Wave 1"), 6, "Wave 9");
    CHECK(refusal(io::read_invitation_json(edited, "x.flipside-invite", kIssued)).find("changed after it was issued") != std::string::npos);
    CHECK(refusal(io::read_invitation_json(text.substr(0, text.size() / 2), "x.flipside-invite", kIssued)).find("truncated or garbled") != std::string::npos);
    CHECK(refusal(io::read_invitation_json("{\"format\":\"cv\"}", "x", kIssued)).find("not a Flipside invitation") != std::string::npos);
    CHECK(refusal(io::read_invitation_json(std::string(io::kMaxInvitationBytes + 1, ' '), "x", kIssued)).find("too large") != std::string::npos);
    std::string newer = text;
    newer.replace(newer.find("\"version\": 1"), 12, "\"version\": 7");
    CHECK(refusal(io::read_invitation_json(newer, "x", kIssued)).find("newer Flipside") != std::string::npos);
    const auto expired = io::read_invitation_json(text, "x.flipside-invite", invitation.expires_at + 1);
    CHECK(refusal(expired).find("ask the program's coordinator for a new one") != std::string::npos);
    CHECK(refusal(expired).find("x.flipside-invite") != std::string::npos);

    const std::string link = io::invitation_link(invitation, "https://hr.example/");
    CHECK(refusal(io::read_invitation_link(link.substr(0, link.size() - 40), kIssued)).find("cut short") != std::string::npos);
    std::string flipped = link;
    flipped[flipped.size() / 2] = flipped[flipped.size() / 2] == 'A' ? 'B' : 'A';
    CHECK_FALSE(io::read_invitation_link(flipped, kIssued).ok());
    CHECK(refusal(io::read_invitation_link("https://hr.example/#invite=%%%", kIssued)).find("garbled") != std::string::npos);
    CHECK(refusal(io::read_invitation_link("https://hr.example/", kIssued)).find("no \"#invite=\"") != std::string::npos);
}
