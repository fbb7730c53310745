// Widget test hooks: where each labelled ImGui item was drawn in the last complete frame, so
// browser tests (and the later embed API) can find "Save changes" and click it like a user.
//
// ImGui is built with IMGUI_ENABLE_TEST_ENGINE, which makes every item call
// ImGuiTestEngineHook_ItemAdd/ItemInfo; test_hooks.cpp defines those hooks and records the
// items of each frame. Nothing is recorded until enable() is called, so a context that is
// not enabled pays one branch per item; main programs call enable() only when the build sets
// FLIPSIDE_TEST_HOOKS (CMake option, on by default).
// Coordinates are ImGui's: CSS pixels relative to the canvas on the web.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

struct ImGuiContext;

namespace flipside::ui::test_hooks {

// Starts recording items on `context` (from its next frame on). Safe to call twice.
void enable(ImGuiContext* context);
bool enabled();

// Number of frames whose items have been published (0 before the first complete frame).
std::size_t published_frames();

// Input events ImGui has queued but not yet taken in. ImGui takes in at most one change of key
// or button state per frame (so a press and a release a few milliseconds apart both count),
// so typed text reaches widgets over several frames: tests wait for 0 before acting on it.
std::size_t pending_input_events();

// Looks up an item of the last complete frame by its visible label (the text before "##"),
// its full label, or its id: "Undo" for "Undo import x.json###Undo", "E-mail" for "##E-mail".
// `window` optionally narrows the search: the item's window, its top-level window, or any
// child window on the way ("Editor" for a child begun with BeginChild("Editor")), by visible
// or full name. "Remove#2" asks for the second match (1-based) when no item is literally
// called "Remove#2". Visible items are preferred: clipped ones count only when no visible one
// matches.
// Returns JSON: {"found":true,"x":..,"y":..,"w":..,"h":..,"visible":true,"fully_visible":true,
// "clip":{"x":..,"y":..,"w":..,"h":..},"label":"..","full_label":"..","window":"..",
// "root_window":"..","matches":1,"font_size":..} (the size its text is drawn at) or
// {"found":false,"label":"..","matches":0}.
std::string find_item_json(std::string_view label, std::string_view window = {});

// Every labelled item of the last complete frame, in submission order, as a JSON array of the
// objects above (without "found").
std::string items_json();

// The sizes the font atlas rasterised its faces at, in CSS pixels (each face's size times
// io.FontGlobalScale), as a JSON array: text drawn at one of them is sharp, text drawn at any
// other size is scaled from the atlas and blurs.
std::string font_sizes_json();

}  // namespace flipside::ui::test_hooks
