// What the functions exported to the page need to reach: the running app and the frame loop.
// Owned by web_main.cpp; web_input.cpp and web_exports.cpp only use it.
#pragma once

#include <cstdint>

namespace flipside::app {
class App;
class ParticipantWorkspace;
}

namespace flipside::platform::web {

class WebClipboard;

struct Runtime {
    app::App* app = nullptr;               // null until main() has started the app
    // The participant's app instead, when the page opened in participant mode (then app is null).
    app::ParticipantWorkspace* participant = nullptr;
    WebClipboard* clipboard = nullptr;
    std::uint64_t frames_drawn = 0;
};

Runtime& runtime();

// Something happened that may change the picture (input, a file arriving, a resize): draw at
// the full frame rate again for a while. See the idle policy in web_main.cpp.
void note_activity();

// Runs one frame immediately, outside requestAnimationFrame. Used for Ctrl+C/Ctrl+X so that
// ImGui has put the copied text on the clipboard before the browser's copy event asks for it.
void run_frame_now();

}  // namespace flipside::platform::web
