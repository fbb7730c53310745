// The UI font: Noto Sans (Latin, Greek, Cyrillic, Vietnamese) with DejaVu Sans merged in for
// symbols, both subset at build time (cmake/web_app.cmake) and embedded in the module.
#pragma once

#include <imgui.h>

namespace flipside::platform::web {

inline constexpr float kUiFontSize = 16.0f;     // CSS pixels
inline constexpr float kLargeFontSize = 21.0f;  // the second font (ui::theme::large_font)

// (Re)builds io.Fonts for `pixel_ratio`: glyphs are rasterised at size × ratio and drawn at
// 1/ratio (io.FontGlobalScale), so text stays sharp on HiDPI screens while the layout keeps
// CSS pixel sizes. The renderer's font texture must be recreated afterwards. Returns false when
// the embedded fonts are missing (ImGui's ASCII font is used instead).
bool build_fonts(ImGuiIO& io, float pixel_ratio);

}  // namespace flipside::platform::web
