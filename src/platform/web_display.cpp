// WebGL2 on the page canvas, sized for the device pixel ratio (see web_display.h).
#include "platform/web_display.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>

namespace flipside::platform::web {
namespace {

EM_JS(void, flipside_js_set_cursor, (const char* css_cursor), {
    var shell = Module["flipsideShell"];
    if (shell && shell.setCursor) shell.setCursor(UTF8ToString(css_cursor));
});

const char* css_cursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
        case ImGuiMouseCursor_None: return "none";
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

}  // namespace

bool WebDisplay::create(const std::string& canvas_selector) {
    selector_ = canvas_selector;
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = 2;  // WebGL2 = OpenGL ES 3.0, what ImGui's "#version 300 es" backend needs
    attributes.minorVersion = 0;
    attributes.alpha = EM_FALSE;      // the app paints every pixel; an opaque canvas composites faster
    attributes.depth = EM_FALSE;      // ImGui draws 2D triangles in order
    attributes.stencil = EM_FALSE;
    attributes.antialias = EM_FALSE;  // ImGui anti-aliases its own lines and text
    attributes.premultipliedAlpha = EM_TRUE;
    attributes.preserveDrawingBuffer = EM_FALSE;  // lets an idle page skip frames (web_main.cpp)
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context =
        emscripten_webgl_create_context(selector_.c_str(), &attributes);
    if (context <= 0) return false;
    return emscripten_webgl_make_context_current(context) == EMSCRIPTEN_RESULT_SUCCESS;
}

const DisplayMetrics& WebDisplay::fit() {
    double css_width = 0;
    double css_height = 0;
    emscripten_get_element_css_size(selector_.c_str(), &css_width, &css_height);
    double ratio = emscripten_get_device_pixel_ratio();
    if (!(ratio > 0.25 && ratio < 16)) ratio = 1;  // guard against odd values from odd embeds
    const int width = static_cast<int>(std::lround(css_width * ratio));
    const int height = static_cast<int>(std::lround(css_height * ratio));
    if (width != metrics_.framebuffer_width || height != metrics_.framebuffer_height) {
        emscripten_set_canvas_element_size(selector_.c_str(), width, height);
    }
    metrics_.css_width = static_cast<float>(css_width);
    metrics_.css_height = static_cast<float>(css_height);
    metrics_.pixel_ratio = static_cast<float>(ratio);
    metrics_.framebuffer_width = width;
    metrics_.framebuffer_height = height;
    return metrics_;
}

void WebDisplay::set_cursor(ImGuiMouseCursor cursor) {
    if (cursor == cursor_) return;  // touching canvas.style every frame would restyle the page
    cursor_ = cursor;
    flipside_js_set_cursor(css_cursor(cursor));
}

}  // namespace flipside::platform::web
