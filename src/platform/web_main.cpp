// Flipside in the browser: start-up, the frame loop, and the page's lifecycle calls.
//
// Index
// [SECTION] The running app (everything lives for the whole page)
// [SECTION] One frame
// [SECTION] Frame loop and idle policy
// [SECTION] main()
// [SECTION] Calls from the page: files, messages, lifecycle
#include <emscripten.h>
#include <emscripten/html5.h>

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>  // ErrorCheckEndFrameRecover

#include <cstdio>
#include <exception>
#include <memory>
#include <string>

#include "app/app.h"
#include "platform/interface/time_zones.h"
#include "platform/web_display.h"
#include "platform/web_embed.h"
#include "platform/web_fonts.h"
#include "platform/web_input.h"
#include "platform/web_platform.h"
#include "platform/web_runtime.h"
#include "ui/app_shell.h"
#include "ui/test_hooks.h"
#include "ui/theme.h"

namespace flipside::platform::web {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] The running app
//-----------------------------------------------------------------------------

struct WebApp {
    WebStorage storage;
    WebFiles files;
    WebClipboard clipboard;
    WebClock clock;
    WebEditingLease editing;
    Platform platform{storage, files, clipboard, clock, system_time_zones(), page_storage_namespace(), &editing};
    WebDisplay display;
    std::unique_ptr<app::App> app;
    std::unique_ptr<ui::AppShell> shell;
    float font_pixel_ratio = 0;   // ratio the font atlas was rasterised for
    bool device_objects = false;  // the GL backend made its shaders and font texture
    double last_activity = 0;     // monotonic seconds
    double last_drawn = 0;
    std::string last_failure;     // reported once, not every frame
};

WebApp* g_web_app = nullptr;  // set once main() has everything constructed

EM_JS(void, flipside_js_started, (), {
    var shell = Module["flipsideShell"];
    if (shell && shell.started) shell.started();
});

EM_JS(void, flipside_js_fatal, (const char* message), {
    var shell = Module["flipsideShell"];
    if (shell && shell.fatal) shell.fatal(UTF8ToString(message));
});

EM_JS(int, flipside_js_is_mac, (), {
    var platform = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || "";
    return /Mac|iPhone|iPad|iPod/.test(platform) ? 1 : 0;
});

// A C++ exception escaping a screen must not stop the loop: the user keeps their data and
// sees what went wrong. stderr becomes console.error, so the browser tests notice too.
void report_failure(WebApp& w, const std::string& what) {
    if (what == w.last_failure) return;
    w.last_failure = what;
    std::fprintf(stderr, "Flipside: %s\n", what.c_str());
    if (w.app) w.app->post(app::MessageKind::Error, "Something went wrong: " + what);
}

//-----------------------------------------------------------------------------
// [SECTION] One frame
//-----------------------------------------------------------------------------

void prepare_fonts(WebApp& w, float pixel_ratio) {
    if (pixel_ratio == w.font_pixel_ratio) return;
    w.font_pixel_ratio = pixel_ratio;
    build_fonts(ImGui::GetIO(), pixel_ratio);
    // Before the first frame the backend has no texture yet and creates it in NewFrame;
    // afterwards the old texture must go (browser zoom or a move to another screen).
    if (w.device_objects) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void draw(WebApp& w) {
    ImGuiIO& io = ImGui::GetIO();
    const DisplayMetrics& metrics = w.display.fit();
    prepare_fonts(w, metrics.pixel_ratio);
    io.DisplaySize = ImVec2(metrics.css_width, metrics.css_height);
    io.DisplayFramebufferScale = ImVec2(metrics.pixel_ratio, metrics.pixel_ratio);
    const double now = w.clock.monotonic_seconds();
    double delta = now - w.last_drawn;
    if (!(delta > 1e-4)) delta = 1e-4;  // ImGui requires a positive step
    if (delta > 1.0) delta = 1.0;       // after a hidden tab: no huge jump in animations
    io.DeltaTime = static_cast<float>(delta);
    w.last_drawn = now;

    ImGui_ImplOpenGL3_NewFrame();
    w.device_objects = true;
    ImGui::NewFrame();
    try {
        w.shell->draw_frame();
    } catch (const std::exception& error) {
        ImGui::ErrorCheckEndFrameRecover(nullptr);  // close what the screen left open
        report_failure(w, error.what());
    }
    ImGui::Render();

    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glViewport(0, 0, metrics.framebuffer_width, metrics.framebuffer_height);
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!io.MouseDrawCursor) w.display.set_cursor(ImGui::GetMouseCursor());

    if (++runtime().frames_drawn == 1) flipside_js_started();
}

//-----------------------------------------------------------------------------
// [SECTION] Frame loop and idle policy
//-----------------------------------------------------------------------------
// requestAnimationFrame drives the loop (and stops in hidden tabs). A page nobody touches
// still needs some frames: the text cursor blinks, tooltips appear after a delay, the save
// status changes after autosave. So after a few quiet seconds it draws 4 times a second
// instead of 60; any input, resize or arriving file brings the full rate back at once. With
// preserveDrawingBuffer off, a skipped frame simply keeps the last picture on screen.
constexpr double kIdleAfterSeconds = 3.0;
constexpr double kIdleFrameSeconds = 0.25;

void loop_once(WebApp& w, bool force) {
    try {
        const double now = w.clock.monotonic_seconds();
        const bool idle = now - w.last_activity > kIdleAfterSeconds;
        if (force || !idle || now - w.last_drawn >= kIdleFrameSeconds) draw(w);
        w.app->tick();
        report_embed_changes(*w.app);
    } catch (const std::exception& error) {
        report_failure(w, error.what());
    }
}

void animation_frame() {
    if (g_web_app != nullptr) loop_once(*g_web_app, false);
}

}  // namespace

Runtime& runtime() {
    static Runtime instance;
    return instance;
}

void note_activity() {
    if (g_web_app != nullptr) g_web_app->last_activity = g_web_app->clock.monotonic_seconds();
}

void run_frame_now() {
    if (g_web_app != nullptr) loop_once(*g_web_app, true);
}

//-----------------------------------------------------------------------------
// [SECTION] main()
//-----------------------------------------------------------------------------

int run() {
    // Lives as long as the page: main() returns while the browser keeps calling the loop.
    static WebApp web_app;
    WebApp& w = web_app;
    if (!w.display.create("#canvas")) {
        flipside_js_fatal("This browser could not start WebGL2, which Flipside needs to draw. "
                          "Turn on hardware acceleration or try a current Chrome, Edge, Firefox or Safari.");
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini on the web: the app keeps its own layout state
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ui::theme::apply_default_style();  // light; an embedding page may switch (web_embed.cpp)
#if FLIPSIDE_TEST_HOOKS
    ui::test_hooks::enable(context);  // item rectangles for browser tests (flipside_item_rect)
#else
    (void)context;
#endif
    install_input(io, w.clipboard, flipside_js_is_mac() != 0);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    runtime().clipboard = &w.clipboard;
    w.app = std::make_unique<app::App>(w.platform);
    w.app->start();
    w.shell = std::make_unique<ui::AppShell>(*w.app);
    runtime().app = w.app.get();
    w.last_activity = w.clock.monotonic_seconds();
    w.last_drawn = w.last_activity;
    g_web_app = &w;

    emscripten_set_main_loop(animation_frame, 0 /* requestAnimationFrame */, false);
    return 0;
}

}  // namespace flipside::platform::web

int main() {
    try {
        return flipside::platform::web::run();
    } catch (const std::exception& error) {
        std::fprintf(stderr, "Flipside could not start: %s\n", error.what());
        flipside::platform::web::flipside_js_fatal(
            (std::string("Flipside could not start: ") + error.what()).c_str());
        return 1;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Calls from the page
//-----------------------------------------------------------------------------
using flipside::platform::web::g_web_app;

extern "C" {

// A file the user picked or dropped, already read as UTF-8 text by the page. `length` is
// explicit because a binary file read as text may hold NUL characters.
EMSCRIPTEN_KEEPALIVE void flipside_receive_file(const char* name, const char* content, int length) {
    if (g_web_app == nullptr || name == nullptr || content == nullptr || length < 0) return;
    flipside::platform::web::note_activity();
    try {
        g_web_app->app->receive_file(name, std::string(content, static_cast<std::size_t>(length)));
    } catch (const std::exception& error) {
        flipside::platform::web::report_failure(*g_web_app, error.what());
    }
}

// A message from the page for the user, e.g. a file too large to read. kind: 0 info, 1 error.
EMSCRIPTEN_KEEPALIVE void flipside_post_message(int kind, const char* text) {
    if (g_web_app == nullptr || text == nullptr) return;
    flipside::platform::web::note_activity();
    g_web_app->app->post(kind == 1 ? flipside::app::MessageKind::Error : flipside::app::MessageKind::Info, text);
}

// The page is being hidden or closed: save what autosave is still waiting to save.
EMSCRIPTEN_KEEPALIVE void flipside_flush() {
    if (g_web_app == nullptr) return;
    try {
        g_web_app->app->flush();
    } catch (const std::exception& error) {
        flipside::platform::web::report_failure(*g_web_app, error.what());
    }
}

// The window was resized or came back into view: draw at full rate.
EMSCRIPTEN_KEEPALIVE void flipside_wake() { flipside::platform::web::note_activity(); }

}  // extern "C"
