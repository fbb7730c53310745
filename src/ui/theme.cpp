#include "ui/theme.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace flipside::ui::theme {

namespace {

struct TextPalette {
    ImVec4 error{0.75f, 0.12f, 0.12f, 1.0f};
    ImVec4 success{0.10f, 0.50f, 0.25f, 1.0f};
    ImVec4 accent = kDefaultAccent;
    ImVec4 muted{0.40f, 0.42f, 0.47f, 1.0f};
};

TextPalette& palette() {
    static TextPalette current;
    return current;
}

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

// WCAG 2 contrast between two colours (1 to 21).
double contrast(const ImVec4& a, const ImVec4& b) {
    const auto luminance = [](const ImVec4& c) {
        const auto channel = [](float v) { return v <= 0.03928f ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z);
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// `colour` moved towards black (light backgrounds) or white (dark ones) just far enough to
// read at 4.5:1 on every background given: a page's pale or deep brand colour stays its hue.
ImVec4 readable(const ImVec4& colour, std::initializer_list<ImVec4> backgrounds, bool dark) {
    const ImVec4 towards = dark ? ImVec4(1.0f, 1.0f, 1.0f, 1.0f) : ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    for (int step = 0; step <= 20; ++step) {
        const ImVec4 candidate = mix(colour, towards, 0.05f * static_cast<float>(step));
        if (std::all_of(backgrounds.begin(), backgrounds.end(),
                        [&](const ImVec4& background) { return contrast(candidate, background) >= 4.5; }))
            return candidate;
    }
    return towards;
}

// Accent-derived colours: the light scheme keeps the hand-picked pale tints above when the
// accent is the default one; any other accent (or the dark scheme) gets tints mixed from it.
void apply_accent(ImVec4* colors, const ImVec4& accent, const ImVec4& base) {
    colors[ImGuiCol_Button] = mix(base, accent, 0.22f);
    colors[ImGuiCol_ButtonHovered] = mix(base, accent, 0.40f);
    colors[ImGuiCol_ButtonActive] = mix(base, accent, 0.58f);
    colors[ImGuiCol_Header] = mix(base, accent, 0.30f);
    colors[ImGuiCol_HeaderHovered] = mix(base, accent, 0.42f);
    colors[ImGuiCol_HeaderActive] = mix(base, accent, 0.58f);
    colors[ImGuiCol_TabHovered] = mix(base, accent, 0.40f);
    colors[ImGuiCol_FrameBgHovered] = mix(base, accent, 0.18f);
    colors[ImGuiCol_FrameBgActive] = mix(base, accent, 0.30f);
    colors[ImGuiCol_SliderGrab] = accent;
    colors[ImGuiCol_SliderGrabActive] = mix(accent, base, 0.25f);
    colors[ImGuiCol_CheckMark] = accent;
    colors[ImGuiCol_NavHighlight] = accent;
    colors[ImGuiCol_TextSelectedBg] = ImVec4(accent.x, accent.y, accent.z, 0.35f);
}

void apply_dark_colors(ImVec4* colors, const ImVec4& accent) {
    ImGui::StyleColorsDark();
    colors[ImGuiCol_WindowBg] = ImVec4(0.12f, 0.14f, 0.16f, 1.0f);
    colors[ImGuiCol_ChildBg] = ImVec4(0.15f, 0.17f, 0.20f, 1.0f);
    colors[ImGuiCol_PopupBg] = ImVec4(0.16f, 0.18f, 0.21f, 1.0f);
    colors[ImGuiCol_FrameBg] = ImVec4(0.20f, 0.22f, 0.26f, 1.0f);
    colors[ImGuiCol_Border] = ImVec4(0.30f, 0.33f, 0.38f, 1.0f);
    colors[ImGuiCol_Tab] = ImVec4(0.18f, 0.20f, 0.24f, 1.0f);
    colors[ImGuiCol_TabActive] = ImVec4(0.15f, 0.17f, 0.20f, 1.0f);
    colors[ImGuiCol_TableHeaderBg] = ImVec4(0.19f, 0.21f, 0.25f, 1.0f);
    colors[ImGuiCol_TableRowBgAlt] = ImVec4(0.17f, 0.19f, 0.22f, 1.0f);
    apply_accent(colors, accent, colors[ImGuiCol_FrameBg]);
}

bool same_colour(const ImVec4& a, const ImVec4& b) {
    return a.x == b.x && a.y == b.y && a.z == b.z;
}

}  // namespace

const ImVec4& error() { return palette().error; }
const ImVec4& success() { return palette().success; }
const ImVec4& accent() { return palette().accent; }
const ImVec4& muted() { return palette().muted; }

void apply_default_style() { apply_style(Scheme::Light, kDefaultAccent); }

void apply_style(Scheme scheme, const ImVec4& accent) {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.TabRounding = 4.0f;
    style.FramePadding = ImVec2(8.0f, 5.0f);
    style.ItemSpacing = ImVec2(10.0f, 7.0f);
    style.CellPadding = ImVec2(6.0f, 4.0f);
    style.WindowPadding = ImVec2(12.0f, 10.0f);
    style.ScrollbarSize = 16.0f;
    // Text fields are white like the child windows they often sit in: a border keeps them visible.
    style.FrameBorderSize = 1.0f;
    ImVec4* colors = style.Colors;
    colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
    colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    colors[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    colors[ImGuiCol_Border] = ImVec4(0.80f, 0.82f, 0.86f, 1.0f);
    colors[ImGuiCol_Button] = ImVec4(0.88f, 0.91f, 0.96f, 1.0f);
    colors[ImGuiCol_ButtonHovered] = ImVec4(0.75f, 0.83f, 0.95f, 1.0f);
    colors[ImGuiCol_ButtonActive] = ImVec4(0.62f, 0.74f, 0.93f, 1.0f);
    colors[ImGuiCol_Header] = ImVec4(0.80f, 0.87f, 0.97f, 1.0f);
    colors[ImGuiCol_HeaderHovered] = ImVec4(0.72f, 0.81f, 0.95f, 1.0f);
    colors[ImGuiCol_HeaderActive] = ImVec4(0.62f, 0.74f, 0.93f, 1.0f);
    colors[ImGuiCol_Tab] = ImVec4(0.88f, 0.90f, 0.94f, 1.0f);
    colors[ImGuiCol_TabActive] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    colors[ImGuiCol_TabHovered] = ImVec4(0.78f, 0.85f, 0.96f, 1.0f);
    colors[ImGuiCol_CheckMark] = kDefaultAccent;
    colors[ImGuiCol_NavHighlight] = kDefaultAccent;
    colors[ImGuiCol_TableHeaderBg] = ImVec4(0.91f, 0.93f, 0.96f, 1.0f);
    colors[ImGuiCol_TableRowBgAlt] = ImVec4(0.96f, 0.97f, 0.99f, 1.0f);
    if (scheme == Scheme::Dark)
        apply_dark_colors(colors, accent);
    else if (!same_colour(accent, kDefaultAccent))
        apply_accent(colors, accent, ImVec4(1.0f, 1.0f, 1.0f, 1.0f));

    TextPalette& text = palette();
    text = TextPalette{};
    if (scheme == Scheme::Dark) {
        text.error = ImVec4(0.96f, 0.48f, 0.46f, 1.0f);
        text.success = ImVec4(0.42f, 0.82f, 0.55f, 1.0f);
        text.muted = ImVec4(0.64f, 0.67f, 0.72f, 1.0f);
    }
    text.accent = readable(accent, {colors[ImGuiCol_WindowBg], colors[ImGuiCol_ChildBg]}, scheme == Scheme::Dark);
}

ImFont* large_font() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return atlas->Fonts.Size > 1 ? atlas->Fonts[1] : ImGui::GetFont();
}

}  // namespace flipside::ui::theme
