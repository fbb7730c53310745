// The page canvas as a WebGL2 drawing surface: context creation, the backing store kept at
// CSS size × devicePixelRatio (crisp on HiDPI screens), and the mouse cursor shape.
#pragma once

#include <string>

#include <imgui.h>

namespace flipside::platform::web {

struct DisplayMetrics {
    float css_width = 0;    // ImGui's DisplaySize: layout is in CSS pixels
    float css_height = 0;
    float pixel_ratio = 1;  // window.devicePixelRatio: ImGui's DisplayFramebufferScale
    int framebuffer_width = 0;
    int framebuffer_height = 0;
};

class WebDisplay {
public:
    // Creates a WebGL2 context on the canvas and makes it current. False when the browser has
    // no WebGL2 (the page then shows why).
    bool create(const std::string& canvas_selector);
    // Measures the canvas and resizes its backing store when its CSS size or the pixel ratio
    // changed (window resize, browser zoom, moving to another screen).
    const DisplayMetrics& fit();
    const DisplayMetrics& metrics() const { return metrics_; }
    void set_cursor(ImGuiMouseCursor cursor);

private:
    std::string selector_;
    DisplayMetrics metrics_;
    ImGuiMouseCursor cursor_ = ImGuiMouseCursor_Arrow;
};

}  // namespace flipside::platform::web
