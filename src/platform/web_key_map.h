// KeyboardEvent → ImGuiKey. Pure function, no DOM: the page passes event.code and event.key.
#pragma once

#include <string_view>

#include <imgui.h>

namespace flipside::platform::web {

// `code` names the physical key ("KeyZ", "ArrowLeft", "Numpad4"), `key` what it types with
// the user's layout ("z", "w" on AZERTY, "я" on Russian). Letters follow `key` when it is a
// Latin letter, so Ctrl+Z undoes on AZERTY as the keycap says; otherwise `code` decides, so
// shortcuts still work on Cyrillic or Greek layouts. Returns ImGuiKey_None when unknown.
ImGuiKey imgui_key_from_dom(std::string_view code, std::string_view key);

}  // namespace flipside::platform::web
