#include <doctest/doctest.h>

#include <algorithm>

#include "core/participants/invitation.h"
#include "io/invitation_json.h"
#include "participants_test_support.h"

using namespace flipside;
using namespace flipside::participants;
using namespace flipside::testing;

TEST_CASE("an invitation holds the participant's own world: profile, program, partner's contact, own sessions") {
    Document d = paired_document();
    const Invitation invitation = invite(d, "R1", {"P2"}).at(0);
    CHECK(invitation.participant.id == "P2");
    CHECK(invitation.participant.manager_id.empty());
    CHECK(invitation.program.name == "Wave 1");
    REQUIRE(invitation.partners.size() == 1);
    CHECK(invitation.partners[0].name == "Zoë Åkesson");
    CHECK(invitation.partners[0].email == "P1@example.com");
    CHECK(invitation.sessions.size() == 12);
    CHECK(invitation.secret.size() == kKeyBytes);
    CHECK(invitation.expires_at == kIssued + kInvitationDays * kDay);
    // The coordinator's data records it, and can derive its secret from the wave's key.
    REQUIRE(d.programs[0].invitations.issued.size() == 1);
    CHECK(d.programs[0].invitations.issued[0].participant_id == "P2");
    CHECK(invitation_secret(d.programs[0].invitations.key_hex, invitation.id) == invitation.secret);
}

TEST_CASE("issuing is refused for an unknown or inactive participant, and nothing is issued") {
    Document d = paired_document();
    d.participants[2].active = false;
    CHECK_FALSE(issue_invitations(d, "R1", {"P1", "P9"}, kIssued, counter_bytes).ok());
    const auto inactive = issue_invitations(d, "R1", {"P3"}, kIssued, counter_bytes);
    REQUIRE_FALSE(inactive.ok());
    CHECK(inactive.message().find("not active") != std::string::npos);
    CHECK(issue_invitations(d, "R9", {"P1"}, kIssued, counter_bytes).message().find("no program") != std::string::npos);
}

TEST_CASE("a stable-matching wave asks an unpaired participant to rank a shortlist with only the chosen fields") {
    Document d = paired_document();
    d.programs[0].matching.mode = matching::MatchingMode::Stable;
    d.programs[0].invitations.candidate_fields = {"department", "email"};  // e-mail is never shown
    d.participants[2].department = "Finance";
    const Invitation invitation = invite(d, "R1", {"P4"}).at(0);  // P4, an unpaired mentee
    REQUIRE(invitation.asks.shortlist.size() == 1);  // P1 is full (capacity 1), P3 is free
    CHECK(invitation.asks.shortlist[0].id == "P3");
    REQUIRE(invitation.asks.shortlist[0].shown.size() == 1);
    CHECK(invitation.asks.shortlist[0].shown[0].first == "department");
    CHECK(invitation.asks.shortlist[0].shown[0].second == FieldValue{"Finance"});
}

TEST_CASE("privacy: no demo participant's invitation holds anyone else's e-mail but the partner's, nor notes, feedback or ratings") {
    Document d = make_demo_program(40, 7, kIssued);
    std::size_t checked = 0, paired = 0;
    for (const Program& program : std::vector<Program>(d.programs)) {
        std::vector<std::string> ids;
        for (const Participant& p : d.participants)
            if (p.active) ids.push_back(p.id);
        for (const Invitation& issued : invite(d, program.id, ids)) {
            // Decoded as the participant's app decodes it.
            const auto decoded = io::read_invitation_link(io::invitation_link(issued, "https://hr.example/"), kIssued);
            REQUIRE(decoded.ok());
            const std::string text = io::write_invitation_json(*decoded);
            std::vector<std::string> allowed{decoded->participant.email};
            for (const auto& partner : decoded->partners) allowed.push_back(partner.email);
            paired += decoded->partners.empty() ? 0 : 1;
            for (const Participant& other : d.participants)
                if (std::find(allowed.begin(), allowed.end(), other.email) == allowed.end())
                    CHECK_MESSAGE(text.find(other.email) == std::string::npos, decoded->participant.id, " sees ", other.email);
            for (const Pair& pair : d.pairs)
                if (!pair.notes.empty()) CHECK(text.find(pair.notes) == std::string::npos);
            for (const Session& session : d.sessions)
                if (!session.notes.empty()) CHECK(text.find(session.notes) == std::string::npos);
            for (const Feedback& feedback : d.feedback)
                if (!feedback.comment.empty()) CHECK(text.find(feedback.comment) == std::string::npos);
            for (const char* key : {"\"notes\"", "\"rating\"", "\"comment\"", "\"feedback\"", "\"manager_id\""})
                CHECK(text.find(key) == std::string::npos);
            ++checked;
        }
    }
    CHECK(checked >= 40);
    CHECK(paired > 0);  // the partner rule was exercised
}

TEST_CASE("an expired or newer invitation is not usable, and says whom to ask") {
    Document d = paired_document();
    Invitation invitation = invite(d, "R1", {"P1"}).at(0);
    CHECK(check_invitation_usable(invitation, kIssued + kDay).ok());
    const Result<void> expired = check_invitation_usable(invitation, invitation.expires_at + 1);
    REQUIRE_FALSE(expired.ok());
    CHECK(expired.message().find("expired") != std::string::npos);
    CHECK(expired.message().find("ask the program's coordinator") != std::string::npos);
    invitation.format = kInvitationFormat + 1;
    CHECK(check_invitation_usable(invitation, kIssued).message().find("newer Flipside") != std::string::npos);
}

TEST_CASE("the seal changes with any field of the invitation") {
    Document d = paired_document();
    Invitation invitation = invite(d, "R1", {"P1"}).at(0);
    const std::string seal = invitation_seal(invitation);
    invitation.expires_at += 1;
    CHECK(invitation_seal(invitation) != seal);
    invitation.expires_at -= 1;
    invitation.partners[0].email = "someone@else.example";
    CHECK(invitation_seal(invitation) != seal);
}

TEST_CASE("the mail-merge message speaks of the program and carries the link") {
    Document d = paired_document();
    const Invitation invitation = invite(d, "R1", {"P2"}).at(0);
    const InvitationMessage message = invitation_message(invitation, "https://hr.example/#invite=abc");
    CHECK(message.subject == "Your invitation to Wave 1");
    CHECK(message.body.find("Hello Łukasz Wróbel") != std::string::npos);
    CHECK(message.body.find("paired with Zoë Åkesson") != std::string::npos);
    CHECK(message.body.find("https://hr.example/#invite=abc") != std::string::npos);
}

TEST_CASE("invitation ids are never issued twice in a wave, even when the random source repeats itself") {
    Document d = paired_document();
    int calls = 0;
    auto repeating = [&](std::size_t count) { return std::string(count, static_cast<char>(calls++ < 3 ? 1 : calls)); };
    auto batch = issue_invitations(d, "R1", {"P1", "P2", "P1"}, kIssued, repeating);
    REQUIRE(batch.ok());
    const auto& issued = batch->program.invitations.issued;
    REQUIRE(issued.size() == 3);
    CHECK(issued[0].id != issued[1].id);
    CHECK(issued[1].id != issued[2].id);
    CHECK(issued[0].id != issued[2].id);
}

TEST_CASE("the mailto: draft is percent-encoded UTF-8 that a mail client decodes back") {
    Document d = paired_document();
    const Invitation invitation = invite(d, "R1", {"P2"}).at(0);
    const InvitationMessage message{"Wave 1 & you", "Hello Łukasz,\nline two"};
    CHECK(invitation_mailto(invitation, message) ==
          "mailto:P2@example.com?subject=Wave%201%20%26%20you&body=Hello%20%C5%81ukasz%2C%0Aline%20two");
}
