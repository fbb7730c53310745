// The app's side of embedding (docs/embedding.md): the mode a host page asked for
// (coordinator, kiosk, readonly), its theme, roster imports, participants' replies to merge
// (mergeReplies), and the "changed" notice. The
// message protocol itself (origins, versions, shapes) is checked in web_shell/flipside-embed-bridge.js;
// the functions here check their arguments again, so nothing a page passes can crash the app.
#pragma once

namespace flipside::app {
class App;
}

namespace flipside::platform::web {

// Called once per frame: tells the page when the document's revision or the mode changed,
// so the bridge can send "changed" to the host without polling.
void report_embed_changes(const app::App& app);

}  // namespace flipside::platform::web
