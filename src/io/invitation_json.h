// An invitation as a readable file (`<participant id>.flipside-invite`) and as a link
// (`<base url>#invite=<payload>`, payload = base64url of the raw-DEFLATEd compact JSON; the
// fragment never reaches a server). docs/file-format.md, "Invitations and replies", lists the
// fields.
//
// Opening refuses, with the source named and the reason, and nothing opened: text that is not
// an invitation, truncated or garbled data, an invitation of a newer format, one larger than
// kMaxInvitationBytes, one whose seal does not match (damaged or edited by hand), and one that
// expired at `now` (the message says to ask the program's coordinator for a new one).
#pragma once

#include <string>
#include <string_view>

#include "core/participants/invitation.h"
#include "core/result.h"

namespace flipside::io {

inline constexpr std::size_t kMaxInvitationBytes = 512 * 1024;

std::string write_invitation_json(const participants::Invitation& invitation);
Result<participants::Invitation> read_invitation_json(std::string_view text, const std::string& source, UtcSeconds now);

// `base_url` as given (the hosted app's address), then "#invite=" and the payload.
std::string invitation_link(const participants::Invitation& invitation, const std::string& base_url);
// Takes a whole link or just its fragment ("#invite=..." or "invite=...").
Result<participants::Invitation> read_invitation_link(std::string_view link, UtcSeconds now);

}  // namespace flipside::io
