// platform::EditingLease over the page's Web Lock (web_shell/flipside-tabs.js): whether this
// tab edits, asking to edit here, and the page telling the app when editing moved.
#include <emscripten.h>

#include "app/app.h"
#include "app/participant_workspace.h"
#include "platform/web_platform.h"
#include "platform/web_runtime.h"

namespace flipside::platform::web {
namespace {

EM_JS(int, flipside_js_editing_elsewhere, (), { return Module.flipsideEditingElsewhere ? 1 : 0; });

EM_JS(void, flipside_js_take_over_editing, (), {
    var shell = Module.flipsideShell;
    if (shell && shell.takeOverEditing) shell.takeOverEditing();
});

}  // namespace

bool WebEditingLease::held_at_start() { return flipside_js_editing_elsewhere() == 0; }

void WebEditingLease::request() { flipside_js_take_over_editing(); }

}  // namespace flipside::platform::web

extern "C" {

// The page's lease changed: 1 this tab edits now (another let go), 0 another tab took over.
EMSCRIPTEN_KEEPALIVE void flipside_editing_changed(int editing_here) {
    if (flipside::app::ParticipantWorkspace* participant = flipside::platform::web::runtime().participant) {
        flipside::platform::web::note_activity();
        participant->set_editing_elsewhere(editing_here == 0);
        return;
    }
    flipside::app::App* app = flipside::platform::web::runtime().app;
    if (app == nullptr) return;
    flipside::platform::web::note_activity();
    app->set_editing_elsewhere(editing_here == 0);
}

}  // extern "C"
