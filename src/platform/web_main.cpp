// Flipside in the browser: start-up, the frame loop, and the page's lifecycle calls.
//
// Index
// [SECTION] The running app (everything lives for the whole page)
// [SECTION] One frame
// [SECTION] Frame loop and idle policy
// [SECTION] main()
// [SECTION] Calls from the page: files, messages, lifecycle
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <imgui.h>
#include <imgui_internal.h>  // ErrorCheckEndFrameRecover

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <memory>
#include <string>

#include "app/app.h"
#include "app/participant_workspace.h"
#include "platform/interface/time_zones.h"
#include "platform/web_display.h"
#include "platform/frame_pacer.h"
#include "platform/web_embed.h"
#include "platform/web_fonts.h"
#include "platform/web_frame_signals.h"
#include "platform/web_input.h"
#include "platform/web_participant.h"
#include "platform/web_platform.h"
#include "platform/web_renderer.h"
#include "platform/web_runtime.h"
#include "ui/app_shell.h"
#include "ui/participant_shell.h"
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
    WebRandom random;
    WebNavigation navigation;
    WebEditingLease editing;
    Platform platform{storage,           files, clipboard, clock, random, navigation, system_time_zones(),
                      page_storage_namespace(), &editing};
    WebDisplay display;
    WebRenderer renderer;
    FramePacer pacer;
    FrameSignals signals;
    // One of the two: the coordinator's app, or (participant mode) a participant's own.
    std::unique_ptr<app::App> app;
    std::unique_ptr<ui::AppShell> shell;
    std::unique_ptr<app::ParticipantWorkspace> participant;
    std::unique_ptr<ui::ParticipantShell> participant_shell;
    float font_pixel_ratio = 0;   // ratio the font atlas was rasterised for
    double last_activity = 0;     // monotonic seconds of the last input (kiosk idle reset)
    double last_drawn = 0;
    bool frame_requested = false; // a requestAnimationFrame callback is on its way
    long timer = 0;               // the pending setTimeout for the next deadline, or 0
    double timer_due = 0;
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
    if (w.participant) w.participant->post(app::MessageKind::Error, "Something went wrong: " + what);
    w.pacer.wake();  // the message must reach the screen
}

//-----------------------------------------------------------------------------
// [SECTION] One frame
//-----------------------------------------------------------------------------

void prepare_fonts(WebApp& w, float pixel_ratio) {
    if (pixel_ratio == w.font_pixel_ratio) return;
    w.font_pixel_ratio = pixel_ratio;
    build_fonts(ImGui::GetIO(), pixel_ratio);
    // The first time, and again after browser zoom or a move to another screen.
    w.renderer.upload_fonts(ImGui::GetIO());
}

// Timers of the app itself, asked of the app: autosave's due time (and the status bar's
// "saved" that follows it) and kiosk mode's return to the start after idle time.
FrameOutcome with_app_deadlines(const WebApp& w, FrameOutcome outcome, double now) {
    if (!w.app) return outcome;  // the participant's app saves each change at once: no timers
    // Autosave does not say when it is due; it is due within a second of the first change,
    // so looking every tenth of a second while something waits costs a handful of frames.
    constexpr double kSavePoll = 0.1;
    const app::SaveStatus& save = w.app->save_status();
    // A save waits to be made, or the browser has yet to confirm one (IndexedDB): look again soon.
    if ((save.pending || save.settling) && !save.blocked && !save.conflict)
        outcome.next_deadline = std::min(outcome.next_deadline, now + kSavePoll);
    if (w.app->kiosk().in_kiosk_mode()) {
        const double reset = w.last_activity + w.app->kiosk().idle_seconds() + 0.05;
        if (reset > now) outcome.next_deadline = std::min(outcome.next_deadline, reset);
    }
    return outcome;
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

    ImGui::NewFrame();
    try {
        if (w.participant_shell) w.participant_shell->draw_frame();
        else w.shell->draw_frame();
    } catch (const std::exception& error) {
        ImGui::ErrorCheckEndFrameRecover(nullptr);  // close what the screen left open
        report_failure(w, error.what());
    }
    ImGui::Render();

    const ImDrawData& draw_data = *ImGui::GetDrawData();
    w.renderer.render(draw_data, metrics.framebuffer_width, metrics.framebuffer_height,
                      ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
    if (!io.MouseDrawCursor) w.display.set_cursor(ImGui::GetMouseCursor());
    w.pacer.frame_drawn(with_app_deadlines(w, w.signals.read(draw_data, now), now));

    if (++runtime().frames_drawn == 1) flipside_js_started();
}

//-----------------------------------------------------------------------------
// [SECTION] Frame loop and idle policy
//-----------------------------------------------------------------------------
// A frame is drawn only when the pacer (frame_pacer.h) wants one: after input, a resize, a
// file or a message, while the picture still changes, and when a timer is due. Then one
// requestAnimationFrame is asked for (which also stops in hidden tabs); otherwise, if a
// timer is set, one setTimeout that asks again at its due time. An idle page schedules
// nothing at all. With preserveDrawingBuffer off, the last picture simply stays on screen.

void schedule(WebApp& w);

void loop_once(WebApp& w) {
    try {
        // Saving first, so that the frame shows the status bar after the save.
        if (w.app) w.app->tick();
        draw(w);
        if (w.app) report_embed_changes(*w.app);
        if (w.participant) report_participant_replies(*w.participant);
    } catch (const std::exception& error) {
        report_failure(w, error.what());
    }
}

EM_BOOL on_animation_frame(double, void*) {
    if (g_web_app == nullptr) return EM_FALSE;
    WebApp& w = *g_web_app;
    w.frame_requested = false;
    if (w.pacer.wants_frame(w.clock.monotonic_seconds())) loop_once(w);
    schedule(w);
    return EM_FALSE;  // one frame per request
}

void on_timer(void*) {
    if (g_web_app == nullptr) return;
    g_web_app->timer = 0;
    schedule(*g_web_app);
}

void schedule(WebApp& w) {
    const double now = w.clock.monotonic_seconds();
    if (w.pacer.wants_frame(now)) {
        if (!w.frame_requested) {
            w.frame_requested = true;
            emscripten_request_animation_frame(on_animation_frame, nullptr);
        }
        return;
    }
    const double due = w.pacer.next_wake();
    if (w.timer != 0 && w.timer_due == due) return;
    if (w.timer != 0) emscripten_clear_timeout(w.timer);
    w.timer = 0;
    if (!std::isfinite(due)) return;  // idle: nothing is scheduled
    w.timer_due = due;
    w.timer = emscripten_set_timeout(on_timer, std::max(0.0, (due - now) * 1000.0), nullptr);
}

}  // namespace

Runtime& runtime() {
    static Runtime instance;
    return instance;
}

void note_activity() {
    if (g_web_app == nullptr) return;
    g_web_app->last_activity = g_web_app->clock.monotonic_seconds();
    g_web_app->pacer.wake();
    schedule(*g_web_app);
}

void run_frame_now() {
    if (g_web_app == nullptr) return;
    g_web_app->pacer.wake();  // and the frames after it, as after any input
    loop_once(*g_web_app);
    schedule(*g_web_app);
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
    if (!w.renderer.init(io)) {
        flipside_js_fatal("Flipside could not prepare WebGL2 drawing in this browser. "
                          "Try a current Chrome, Edge, Firefox or Safari.");
        return 1;
    }

    runtime().clipboard = &w.clipboard;
    if (page_opens_participant_mode()) {
        w.participant = std::make_unique<app::ParticipantWorkspace>(w.platform);
        w.participant->start();
        open_start_invitation(*w.participant);
        w.participant_shell = std::make_unique<ui::ParticipantShell>(*w.participant);
        runtime().participant = w.participant.get();
    } else {
        w.app = std::make_unique<app::App>(w.platform);
        w.app->start();
        w.shell = std::make_unique<ui::AppShell>(*w.app);
        runtime().app = w.app.get();
    }
    w.last_activity = w.clock.monotonic_seconds();
    w.last_drawn = w.last_activity;
    g_web_app = &w;

    schedule(w);  // the first frames (FramePacer starts with its settle frames owed)
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
        std::string text(content, static_cast<std::size_t>(length));
        if (g_web_app->participant) g_web_app->participant->receive_file(name, text);
        else g_web_app->app->receive_file(name, text);
    } catch (const std::exception& error) {
        flipside::platform::web::report_failure(*g_web_app, error.what());
    }
}

// A message from the page for the user, e.g. a file too large to read. kind: 0 info, 1 error.
EMSCRIPTEN_KEEPALIVE void flipside_post_message(int kind, const char* text) {
    if (g_web_app == nullptr || text == nullptr) return;
    flipside::platform::web::note_activity();
    const auto message_kind = kind == 1 ? flipside::app::MessageKind::Error : flipside::app::MessageKind::Info;
    if (g_web_app->participant) g_web_app->participant->post(message_kind, text);
    else g_web_app->app->post(message_kind, text);
}

// The page is being hidden or closed: save what autosave is still waiting to save.
EMSCRIPTEN_KEEPALIVE void flipside_flush() {
    if (g_web_app == nullptr) return;
    flipside::platform::web::note_activity();  // the status bar then says "saved"
    try {
        if (g_web_app->app) g_web_app->app->flush();  // the participant's app has nothing waiting
    } catch (const std::exception& error) {
        flipside::platform::web::report_failure(*g_web_app, error.what());
    }
}

// The window was resized or came back into view: draw the new picture.
EMSCRIPTEN_KEEPALIVE void flipside_wake() { flipside::platform::web::note_activity(); }

}  // extern "C"
