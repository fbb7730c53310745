// Input from the page into ImGui: the page's event listeners (web_shell/flipside-shell.js) call
// the flipside_mouse_*/flipside_key/flipside_text_input/... functions defined in web_input.cpp.
// Also connects ImGui's clipboard and text-input (IME) callbacks back to the page.
#pragma once

#include <imgui.h>

namespace flipside::platform::web {

class WebClipboard;

// `mac`: Cmd instead of Ctrl for shortcuts, Option+arrows by word, as Mac users expect.
void install_input(ImGuiIO& io, WebClipboard& clipboard, bool mac);

}  // namespace flipside::platform::web
