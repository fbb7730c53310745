// Participant mode in the browser: whether the page opened as a participant's own app (a
// "#invite=…" link, "#participant", an embed with mode=participant, or an invitation file
// dropped on the coordinator's page, which reloads into it), the invitation it was opened
// with, and each new reply handed to an embedding portal (docs/embedding.md).
#pragma once

namespace flipside::app {
class ParticipantWorkspace;
}

namespace flipside::platform::web {

bool page_opens_participant_mode();
// Opens what the page was started with: the link's fragment (then replaced by "#participant" in
// the address bar, so the secret does not linger in history) or a dropped invitation file.
void open_start_invitation(app::ParticipantWorkspace& workspace);
// Once per frame: a reply made since the last call goes to the page (the embed bridge's "reply").
void report_participant_replies(const app::ParticipantWorkspace& workspace);

}  // namespace flipside::platform::web
