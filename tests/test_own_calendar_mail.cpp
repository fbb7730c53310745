// The e-mail a participant at a kiosk sends themselves instead of leaving a calendar file on the
// shared machine: their sessions in their own zone, and their invitation link when one is valid.
#include <doctest/doctest.h>

#include <string>

#include "app/own_calendar_mail.h"
#include "platform/interface/time_zones.h"
#include "participants_test_support.h"

using namespace flipside;

namespace {

// The mailto: body with %XX undone, enough to read it in a test.
std::string decoded(const std::string& url) {
    std::string out;
    for (std::size_t i = 0; i < url.size(); ++i) {
        if (url[i] == '%' && i + 2 < url.size()) {
            out += static_cast<char>(std::stoi(url.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += url[i];
        }
    }
    return out;
}

}  // namespace

TEST_CASE("own calendar mail: to the participant, their coming sessions in their zone, no link without an invitation") {
    const Document d = testing::paired_document(4);
    const app::OwnCalendarMail mail =
        app::own_calendar_mail(d, "P2", testing::kIssued, platform::system_time_zones(), "https://hr.example.com/flipside/");
    const Participant& me = d.participants[1];
    CHECK(mail.mailto.rfind("mailto:" + me.email + "?subject=", 0) == 0);
    CHECK_FALSE(mail.carries_invitation_link);
    const std::string text = decoded(mail.mailto);
    CHECK(text.find("Zoë Åkesson") != std::string::npos);  // the partner
    CHECK(text.find("(" + me.time_zone + ")") != std::string::npos);
    CHECK(text.find("(60 minutes)") != std::string::npos);
    CHECK(text.find("#invite=") == std::string::npos);
}

TEST_CASE("own calendar mail: a valid invitation's link comes along; an expired one does not") {
    Document d = testing::paired_document(4);
    testing::invite(d, "R1", {"P2"});
    const auto mail = [&](UtcSeconds now) {
        return app::own_calendar_mail(d, "P2", now, platform::system_time_zones(), "https://hr.example.com/flipside/");
    };
    const app::OwnCalendarMail valid = mail(testing::kIssued + 3600);
    CHECK(valid.carries_invitation_link);
    CHECK(decoded(valid.mailto).find("https://hr.example.com/flipside/#invite=") != std::string::npos);
    const UtcSeconds expired = d.programs.back().invitations.issued.back().expires_at + 1;
    CHECK_FALSE(mail(expired).carries_invitation_link);
    CHECK(app::own_calendar_mail(d, "nobody", testing::kIssued, platform::system_time_zones(), "").mailto.empty());
}
