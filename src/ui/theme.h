// Colours and style of the interface, in one place.
#pragma once

#include <imgui.h>

namespace flipside::ui::theme {

inline const ImVec4 kError{0.75f, 0.12f, 0.12f, 1.0f};
inline const ImVec4 kSuccess{0.10f, 0.50f, 0.25f, 1.0f};
inline const ImVec4 kAccent{0.16f, 0.42f, 0.78f, 1.0f};
inline const ImVec4 kMuted{0.45f, 0.47f, 0.52f, 1.0f};

// A light, readable style with an accent colour; spacing sized for mouse and touch.
void apply_default_style();

// The same spacing in light or dark colours, with `accent` tinting buttons, selections, tabs
// and checks: a page that embeds Flipside matches it to its own look (light, dark, brand colour).
enum class Scheme { Light, Dark };
void apply_style(Scheme scheme, const ImVec4& accent = kAccent);

}  // namespace flipside::ui::theme
