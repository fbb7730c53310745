#include "io/invitation_handout.h"

#include "io/csv_writer.h"
#include "io/invitation_json.h"

namespace flipside::io {

InvitationHandout invitation_handout(const participants::Invitation& invitation, const std::string& base_url) {
    InvitationHandout handout;
    handout.invitation_id = invitation.id;
    handout.participant_id = invitation.participant.id;
    handout.participant_name = invitation.participant.name;
    handout.email = invitation.participant.email;
    handout.link = invitation_link(invitation, base_url.empty() ? std::string(kDefaultInvitationBase) : base_url);
    handout.message = participants::invitation_message(invitation, handout.link);
    handout.mailto = participants::invitation_mailto(invitation, handout.message);
    handout.file_name = invitation.participant.id + ".flipside-invite";
    handout.file_text = write_invitation_json(invitation);
    return handout;
}

std::vector<InvitationHandout> invitation_handouts(const std::vector<participants::Invitation>& invitations,
                                                   const std::string& base_url) {
    std::vector<InvitationHandout> handouts;
    handouts.reserve(invitations.size());
    for (const participants::Invitation& invitation : invitations)
        handouts.push_back(invitation_handout(invitation, base_url));
    return handouts;
}

std::string write_invitations_csv(const std::vector<InvitationHandout>& handouts) {
    std::vector<std::vector<std::string>> rows{{"id", "name", "email", "link", "subject", "body"}};
    rows.reserve(handouts.size() + 1);
    for (const InvitationHandout& h : handouts)
        rows.push_back({h.participant_id, h.participant_name, h.email, h.link, h.message.subject, h.message.body});
    return write_csv(rows);
}

}  // namespace flipside::io
