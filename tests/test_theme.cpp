// Text colours stay readable on the backgrounds of both schemes, with any accent.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/theme.h"

using namespace flipside::ui;

namespace {

// WCAG 2 relative luminance and contrast ratio.
double luminance(const ImVec4& c) {
    const auto channel = [](float v) {
        return v <= 0.03928f ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z);
}

double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Context {
    Context() { ImGui::CreateContext(); }
    ~Context() {
        theme::apply_default_style();
        ImGui::DestroyContext();
    }
};

}  // namespace

TEST_CASE("error, confirmation, accent and secondary text read at 4.5:1 on light and dark backgrounds") {
    Context context;
    // The default, a bright brand blue, purple, a pale yellow and a deep navy.
    const ImVec4 accents[] = {theme::kDefaultAccent, ImVec4(0.04f, 0.37f, 1.0f, 1.0f), ImVec4(0.55f, 0.1f, 0.6f, 1.0f),
                              ImVec4(1.0f, 0.8f, 0.0f, 1.0f), ImVec4(0.0f, 0.08f, 0.3f, 1.0f)};
    for (const theme::Scheme scheme : {theme::Scheme::Light, theme::Scheme::Dark}) {
        for (const ImVec4& accent : accents) {
            theme::apply_style(scheme, accent);
            const ImGuiStyle& style = ImGui::GetStyle();
            for (const ImGuiCol background : {ImGuiCol_WindowBg, ImGuiCol_ChildBg}) {
                const ImVec4& bg = style.Colors[background];
                CAPTURE(scheme == theme::Scheme::Dark);
                CAPTURE(background);
                CHECK(contrast(theme::error(), bg) >= 4.5);
                CHECK(contrast(theme::success(), bg) >= 4.5);
                CHECK(contrast(theme::muted(), bg) >= 4.5);
                CHECK(contrast(theme::accent(), bg) >= 4.5);
            }
        }
    }
}

TEST_CASE("the accent text follows the page's accent") {
    Context context;
    const ImVec4 brand(0.04f, 0.37f, 1.0f, 1.0f);
    theme::apply_style(theme::Scheme::Light, brand);
    CHECK(theme::accent().z == doctest::Approx(brand.z));  // readable as it is
    theme::apply_style(theme::Scheme::Dark, brand);
    CHECK(luminance(theme::accent()) > luminance(brand));  // lightened for a dark background
    CHECK(theme::accent().z > theme::accent().x);          // still blue
    const ImVec4 yellow(1.0f, 0.8f, 0.0f, 1.0f);
    theme::apply_style(theme::Scheme::Light, yellow);
    CHECK(luminance(theme::accent()) < luminance(yellow));  // darkened for a light background
    CHECK(theme::accent().x > theme::accent().z);           // still yellow
    theme::apply_default_style();
    CHECK(theme::accent().x == doctest::Approx(theme::kDefaultAccent.x));
}
