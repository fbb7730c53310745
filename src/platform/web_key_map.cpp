// KeyboardEvent.code / .key → ImGuiKey (see web_key_map.h).
#include "platform/web_key_map.h"


namespace flipside::platform::web {
namespace {

struct CodeKey {
    std::string_view code;
    ImGuiKey key;
};

// Keys that are the same whatever the layout. A linear search is fine: it runs once per key
// event, not per frame.
constexpr CodeKey kCodes[] = {
    {"AltLeft", ImGuiKey_LeftAlt},
    {"AltRight", ImGuiKey_RightAlt},
    {"ArrowDown", ImGuiKey_DownArrow},
    {"ArrowLeft", ImGuiKey_LeftArrow},
    {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},
    {"Backquote", ImGuiKey_GraveAccent},
    {"Backslash", ImGuiKey_Backslash},
    {"Backspace", ImGuiKey_Backspace},
    {"BracketLeft", ImGuiKey_LeftBracket},
    {"BracketRight", ImGuiKey_RightBracket},
    {"CapsLock", ImGuiKey_CapsLock},
    {"Comma", ImGuiKey_Comma},
    {"ContextMenu", ImGuiKey_Menu},
    {"ControlLeft", ImGuiKey_LeftCtrl},
    {"ControlRight", ImGuiKey_RightCtrl},
    {"Delete", ImGuiKey_Delete},
    {"Digit0", ImGuiKey_0},
    {"Digit1", ImGuiKey_1},
    {"Digit2", ImGuiKey_2},
    {"Digit3", ImGuiKey_3},
    {"Digit4", ImGuiKey_4},
    {"Digit5", ImGuiKey_5},
    {"Digit6", ImGuiKey_6},
    {"Digit7", ImGuiKey_7},
    {"Digit8", ImGuiKey_8},
    {"Digit9", ImGuiKey_9},
    {"End", ImGuiKey_End},
    {"Enter", ImGuiKey_Enter},
    {"Equal", ImGuiKey_Equal},
    {"Escape", ImGuiKey_Escape},
    {"F1", ImGuiKey_F1},
    {"F10", ImGuiKey_F10},
    {"F11", ImGuiKey_F11},
    {"F12", ImGuiKey_F12},
    {"F2", ImGuiKey_F2},
    {"F3", ImGuiKey_F3},
    {"F4", ImGuiKey_F4},
    {"F5", ImGuiKey_F5},
    {"F6", ImGuiKey_F6},
    {"F7", ImGuiKey_F7},
    {"F8", ImGuiKey_F8},
    {"F9", ImGuiKey_F9},
    {"Home", ImGuiKey_Home},
    {"Insert", ImGuiKey_Insert},
    {"IntlBackslash", ImGuiKey_Backslash},
    {"KeyA", ImGuiKey_A},
    {"KeyB", ImGuiKey_B},
    {"KeyC", ImGuiKey_C},
    {"KeyD", ImGuiKey_D},
    {"KeyE", ImGuiKey_E},
    {"KeyF", ImGuiKey_F},
    {"KeyG", ImGuiKey_G},
    {"KeyH", ImGuiKey_H},
    {"KeyI", ImGuiKey_I},
    {"KeyJ", ImGuiKey_J},
    {"KeyK", ImGuiKey_K},
    {"KeyL", ImGuiKey_L},
    {"KeyM", ImGuiKey_M},
    {"KeyN", ImGuiKey_N},
    {"KeyO", ImGuiKey_O},
    {"KeyP", ImGuiKey_P},
    {"KeyQ", ImGuiKey_Q},
    {"KeyR", ImGuiKey_R},
    {"KeyS", ImGuiKey_S},
    {"KeyT", ImGuiKey_T},
    {"KeyU", ImGuiKey_U},
    {"KeyV", ImGuiKey_V},
    {"KeyW", ImGuiKey_W},
    {"KeyX", ImGuiKey_X},
    {"KeyY", ImGuiKey_Y},
    {"KeyZ", ImGuiKey_Z},
    {"MetaLeft", ImGuiKey_LeftSuper},
    {"MetaRight", ImGuiKey_RightSuper},
    {"Minus", ImGuiKey_Minus},
    {"NumLock", ImGuiKey_NumLock},
    {"Numpad0", ImGuiKey_Keypad0},
    {"Numpad1", ImGuiKey_Keypad1},
    {"Numpad2", ImGuiKey_Keypad2},
    {"Numpad3", ImGuiKey_Keypad3},
    {"Numpad4", ImGuiKey_Keypad4},
    {"Numpad5", ImGuiKey_Keypad5},
    {"Numpad6", ImGuiKey_Keypad6},
    {"Numpad7", ImGuiKey_Keypad7},
    {"Numpad8", ImGuiKey_Keypad8},
    {"Numpad9", ImGuiKey_Keypad9},
    {"NumpadAdd", ImGuiKey_KeypadAdd},
    {"NumpadDecimal", ImGuiKey_KeypadDecimal},
    {"NumpadDivide", ImGuiKey_KeypadDivide},
    {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"NumpadEqual", ImGuiKey_KeypadEqual},
    {"NumpadMultiply", ImGuiKey_KeypadMultiply},
    {"NumpadSubtract", ImGuiKey_KeypadSubtract},
    {"OSLeft", ImGuiKey_LeftSuper},   // older Firefox names for the Meta keys
    {"OSRight", ImGuiKey_RightSuper},
    {"PageDown", ImGuiKey_PageDown},
    {"PageUp", ImGuiKey_PageUp},
    {"Pause", ImGuiKey_Pause},
    {"Period", ImGuiKey_Period},
    {"PrintScreen", ImGuiKey_PrintScreen},
    {"Quote", ImGuiKey_Apostrophe},
    {"ScrollLock", ImGuiKey_ScrollLock},
    {"Semicolon", ImGuiKey_Semicolon},
    {"ShiftLeft", ImGuiKey_LeftShift},
    {"ShiftRight", ImGuiKey_RightShift},
    {"Slash", ImGuiKey_Slash},
    {"Space", ImGuiKey_Space},
    {"Tab", ImGuiKey_Tab},
};

}  // namespace

ImGuiKey imgui_key_from_dom(std::string_view code, std::string_view key) {
    if (key.size() == 1) {
        const char c = key[0];
        if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
        if (c >= 'A' && c <= 'Z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
    }
    for (const CodeKey& entry : kCodes)
        if (entry.code == code) return entry.key;
    return ImGuiKey_None;
}

}  // namespace flipside::platform::web
