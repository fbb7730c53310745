// What a coordinator hands out for each invitation, the same from the command line and the app:
// the personal link, the e-mail in the program's words (and its mailto: draft), and the readable
// file `<participant id>.flipside-invite`; and for a batch, invitations.csv for a mail merge
// (columns id, name, email, link, subject, body).
#pragma once

#include <string>
#include <vector>

#include "core/participants/invitation.h"

namespace flipside::io {

// Where a link points when the app has no address of its own (the command line without
// --base-url, a page opened from a file): the single-file build, next to the invitation.
inline constexpr const char* kDefaultInvitationBase = "flipside.html";

struct InvitationHandout {
    std::string invitation_id;
    std::string participant_id;
    std::string participant_name;
    std::string email;
    std::string link;
    participants::InvitationMessage message;
    std::string mailto;
    std::string file_name;  // "<participant id>.flipside-invite"
    std::string file_text;  // write_invitation_json()
};

// `base_url` empty: kDefaultInvitationBase.
InvitationHandout invitation_handout(const participants::Invitation& invitation, const std::string& base_url);
std::vector<InvitationHandout> invitation_handouts(const std::vector<participants::Invitation>& invitations,
                                                   const std::string& base_url);

// The mail-merge table of `handouts`, one row each in their order, with a header row.
std::string write_invitations_csv(const std::vector<InvitationHandout>& handouts);

}  // namespace flipside::io
