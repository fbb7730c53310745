// Colours and style of the interface, in one place.
#pragma once

#include <imgui.h>

namespace flipside::ui::theme {

// The accent of the default style (buttons, selections, emphasised text).
inline const ImVec4 kDefaultAccent{0.16f, 0.42f, 0.78f, 1.0f};

// Text colours of the style applied last, each readable on that scheme's backgrounds: errors,
// confirmations, emphasis (the accent, lightened on dark backgrounds) and secondary text.
const ImVec4& error();
const ImVec4& success();
const ImVec4& accent();
const ImVec4& muted();

// A light, readable style with an accent colour; spacing sized for mouse and touch.
void apply_default_style();

// The same spacing in light or dark colours, with `accent` tinting buttons, selections, tabs
// and checks: a page that embeds Flipside matches it to its own look (light, dark, brand colour).
enum class Scheme { Light, Dark };
void apply_style(Scheme scheme, const ImVec4& accent = kDefaultAccent);

// The large face for screens people use standing or on a phone (the kiosk, the participant's
// app): the atlas's second font when the platform rasterised one at that size (sharp, unlike a
// scaled window), else the default font. Use with ImGui::PushFont / PopFont.
ImFont* large_font();

}  // namespace flipside::ui::theme
