// Page events → ImGui input queue, and ImGui's clipboard/IME callbacks → page (see web_input.h).
//
// Text arrives separately from keys: the page keeps a hidden <textarea> focused while ImGui
// edits text, and forwards what the browser inserted there (after dead keys, compose and IME
// have done their work) through flipside_text_input. Keys only drive editing and shortcuts.
#include "platform/web_input.h"

#include <emscripten.h>

#include <imgui_internal.h>  // ImGui's input queue (flipside_paste)

#include <cfloat>
#include <string>

#include "platform/web_key_map.h"
#include "platform/web_platform.h"
#include "platform/web_runtime.h"

namespace flipside::platform::web {
namespace {

// Modifier bits as the page sends them (flipside-shell.js: modifierBits()).
constexpr int kCtrl = 1;
constexpr int kShift = 2;
constexpr int kAlt = 4;
constexpr int kMeta = 8;

// Frames a paste may run at once to let earlier queued input through (each takes in one
// change per key); a bound, so a stuck queue cannot hang the page.
constexpr int kMaxDrainFrames = 8;

int g_modifiers = 0;  // last state the page reported, to restore after a synthetic paste

EM_JS(void, flipside_js_set_text_input, (int active, float x, float y, float line_height), {
    var shell = Module["flipsideShell"];
    if (shell && shell.setTextInput) shell.setTextInput(active !== 0, x, y, line_height);
});

// ImGui calls this when the text cursor moves or editing starts/stops: the page then focuses
// (or releases) its hidden textarea and moves it under the cursor, so an IME candidate window
// opens next to the text being typed and phones show their keyboard.
void set_platform_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
    flipside_js_set_text_input(data->WantVisible ? 1 : 0, data->InputPos.x, data->InputPos.y,
                               data->InputLineHeight);
}

const char* get_clipboard_text(void* user_data) {
    return static_cast<WebClipboard*>(user_data)->c_str();
}

void set_clipboard_text(void* user_data, const char* text) {
    static_cast<WebClipboard*>(user_data)->set_text(text != nullptr ? text : "");
}

ImGuiMouseSource mouse_source(int page_source) {
    switch (page_source) {
        case 1: return ImGuiMouseSource_TouchScreen;
        case 2: return ImGuiMouseSource_Pen;
        default: return ImGuiMouseSource_Mouse;
    }
}

void send_modifiers(ImGuiIO& io, int modifiers) {
    io.AddKeyEvent(ImGuiMod_Ctrl, (modifiers & kCtrl) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (modifiers & kShift) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (modifiers & kAlt) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (modifiers & kMeta) != 0);
}

// Input can arrive before main() made the context (a fast mouse) or after a failed start.
ImGuiIO* io_if_ready() { return ImGui::GetCurrentContext() != nullptr ? &ImGui::GetIO() : nullptr; }

}  // namespace

void install_input(ImGuiIO& io, WebClipboard& clipboard, bool mac) {
    io.BackendPlatformName = "flipside_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.ConfigMacOSXBehaviors = mac;
    io.ClipboardUserData = &clipboard;
    io.GetClipboardTextFn = get_clipboard_text;
    io.SetClipboardTextFn = set_clipboard_text;
    io.SetPlatformImeDataFn = set_platform_ime_data;
}

}  // namespace flipside::platform::web

using namespace flipside::platform::web;

extern "C" {

// Pointer position in CSS pixels relative to the canvas. source: 0 mouse, 1 touch, 2 pen.
EMSCRIPTEN_KEEPALIVE void flipside_mouse_move(double x, double y, int source) {
    ImGuiIO* io = io_if_ready();
    if (io == nullptr) return;
    io->AddMouseSourceEvent(mouse_source(source));
    io->AddMousePosEvent(static_cast<float>(x), static_cast<float>(y));
    note_activity();
}

// button: the DOM's numbering (0 left, 1 middle, 2 right), touch counts as left.
EMSCRIPTEN_KEEPALIVE void flipside_mouse_button(int button, int down, int source) {
    ImGuiIO* io = io_if_ready();
    if (io == nullptr) return;
    const int imgui_button = button == 1 ? 2 : button == 2 ? 1 : button;  // ImGui: 1 right, 2 middle
    if (imgui_button < 0 || imgui_button >= ImGuiMouseButton_COUNT) return;
    io->AddMouseSourceEvent(mouse_source(source));
    io->AddMouseButtonEvent(imgui_button, down != 0);
    note_activity();
}

// WheelEvent deltas. delta_mode: 0 pixels, 1 lines, 2 pages. One ImGui wheel step scrolls
// about five lines, like one notch of a mouse wheel (100 px in Chromium, 3 lines in Firefox).
EMSCRIPTEN_KEEPALIVE void flipside_mouse_wheel(double dx, double dy, int delta_mode) {
    ImGuiIO* io = io_if_ready();
    if (io == nullptr) return;
    const double unit = delta_mode == 0 ? 100.0 : delta_mode == 1 ? 3.0 : 1.0;
    // DOM deltas grow rightwards and downwards; ImGui's wheel grows leftwards and upwards.
    io->AddMouseWheelEvent(static_cast<float>(-dx / unit), static_cast<float>(-dy / unit));
    note_activity();
}

EMSCRIPTEN_KEEPALIVE void flipside_mouse_leave() {
    ImGuiIO* io = io_if_ready();
    if (io == nullptr) return;
    io->AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // no hover highlight left behind
    note_activity();
}

// KeyboardEvent.code and .key, down (1) or up (0), modifier bits (1 Ctrl, 2 Shift, 4 Alt, 8 Meta).
EMSCRIPTEN_KEEPALIVE void flipside_key(const char* code, const char* key, int down, int modifiers) {
    ImGuiIO* io = io_if_ready();
    if (io == nullptr || code == nullptr || key == nullptr) return;
    g_modifiers = modifiers;
    send_modifiers(*io, modifiers);
    const ImGuiKey imgui_key = imgui_key_from_dom(code, key);
    if (imgui_key != ImGuiKey_None) io->AddKeyEvent(imgui_key, down != 0);
    note_activity();
}

// Text the browser inserted into the hidden textarea (typed, composed or dictated).
EMSCRIPTEN_KEEPALIVE void flipside_text_input(const char* utf8) {
    ImGuiIO* io = io_if_ready();
    if (io == nullptr || utf8 == nullptr) return;
    io->AddInputCharactersUTF8(utf8);
    note_activity();
}

EMSCRIPTEN_KEEPALIVE void flipside_focus(int focused) {
    ImGuiIO* io = io_if_ready();
    if (io == nullptr) return;
    io->AddFocusEvent(focused != 0);  // on blur ImGui releases held keys: no stuck Ctrl after Alt+Tab
    if (!focused) g_modifiers = 0;
    note_activity();
}

// A DOM paste event: the only moment a page may read the system clipboard. The text becomes
// the clipboard ImGui reads, then ImGui sees the paste shortcut (which the page held back).
EMSCRIPTEN_KEEPALIVE void flipside_paste(const char* utf8) {
    ImGuiIO* io = io_if_ready();
    Runtime& r = runtime();
    if (io == nullptr || utf8 == nullptr || r.clipboard == nullptr) return;
    // An earlier paste's shortcut may still wait in ImGui's queue (the app draws only when
    // woken, and two paste events can come within one frame): let it read its own text before
    // this one replaces the clipboard, or both would paste this text.
    for (int frame = 0; frame < kMaxDrainFrames && !ImGui::GetCurrentContext()->InputEventsQueue.empty(); ++frame) {
        run_frame_now();
    }
    r.clipboard->receive_paste(utf8);
    // Exactly the shortcut modifier: Ctrl+Shift+V (paste as plain text) must paste too.
    send_modifiers(*io, io->ConfigMacOSXBehaviors ? kMeta : kCtrl);
    io->AddKeyEvent(ImGuiKey_V, true);
    io->AddKeyEvent(ImGuiKey_V, false);  // ImGui's input queue spreads these over two frames
    send_modifiers(*io, g_modifiers);
    note_activity();
}

EMSCRIPTEN_KEEPALIVE void flipside_frame_now() { run_frame_now(); }

}  // extern "C"
