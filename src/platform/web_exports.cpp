// Read-only views of the running app for the page: browser tests use them today, the embed
// API will tomorrow. Each returns text owned by this file, valid until the next call of the
// same function (ccall with returnType "string" copies it at once).
#include <emscripten.h>

#include <exception>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/participant_workspace.h"
#include "io/json_document.h"
#include "platform/web_runtime.h"
#include "ui/test_hooks.h"

using flipside::platform::web::runtime;

extern "C" {

// The current document as the exported JSON file would hold it ("null" before start-up).
EMSCRIPTEN_KEEPALIVE const char* flipside_document_json() {
    static std::string text;
    try {
        text = runtime().app != nullptr ? flipside::io::write_document_json(runtime().app->document()) : "null";
    } catch (const std::exception&) {
        text = "null";
    }
    return text.c_str();
}

// The messages the status area shows: [{"kind":"error","text":"…","title":"…","details":["…"]}]
// (a title means the message also opened a dialog of that name, e.g. "Import refused").
EMSCRIPTEN_KEEPALIVE const char* flipside_messages_json() {
    static std::string text;
    nlohmann::json list = nlohmann::json::array();
    const std::vector<flipside::app::UserMessage>* messages =
        runtime().app != nullptr ? &runtime().app->messages()
        : runtime().participant != nullptr ? &runtime().participant->messages()
                                           : nullptr;
    if (messages != nullptr) {
        for (const auto& message : *messages) {
            list.push_back({{"kind", message.kind == flipside::app::MessageKind::Error ? "error" : "info"},
                            {"text", message.text},
                            {"title", message.title},
                            {"details", message.details}});
        }
    }
    text = list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return text.c_str();
}

// Autosave and storage as the status bar shows them:
// {"pending":false,"settling":false,"conflict":false,"blocked":false,"last_error":"",
//  "used_bytes":84000,"quota_bytes":10485760}.
EMSCRIPTEN_KEEPALIVE const char* flipside_save_status_json() {
    static std::string text;
    nlohmann::json status = nullptr;
    if (runtime().app != nullptr) {
        const flipside::app::App& app = *runtime().app;
        const auto& save = app.save_status();
        const auto usage = app.storage_usage();
        status = {{"pending", save.pending},
                  {"settling", save.settling},
                  {"conflict", save.conflict},
                  {"blocked", save.blocked},
                  {"last_error", save.last_error},
                  {"used_bytes", usage.used_bytes},
                  {"persistent", usage.persistence == flipside::platform::Storage::Persistence::Granted},
                  {"quota_bytes", usage.quota_bytes}};
    }
    text = status.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return text.c_str();
}

// Where the item with this visible label was drawn in the last frame (CSS pixels from the
// canvas corner); `window` ("" for any) narrows the search. See ui/test_hooks.h.
EMSCRIPTEN_KEEPALIVE const char* flipside_item_rect(const char* label, const char* window) {
    static std::string text;
    text = flipside::ui::test_hooks::find_item_json(label != nullptr ? label : "",
                                                    window != nullptr ? window : "");
    return text.c_str();
}

// Every labelled item of the last frame.
EMSCRIPTEN_KEEPALIVE const char* flipside_items() {
    static std::string text;
    text = flipside::ui::test_hooks::items_json();
    return text.c_str();
}

// The atlas's font sizes in CSS pixels (tests check that text is drawn at one of them).
EMSCRIPTEN_KEEPALIVE const char* flipside_font_sizes() {
    static std::string text;
    text = flipside::ui::test_hooks::font_sizes_json();
    return text.c_str();
}

// Frames drawn so far; tests wait on it to know the picture caught up with their input.
EMSCRIPTEN_KEEPALIVE double flipside_frame_count() {
    return static_cast<double>(runtime().frames_drawn);
}

// People in the document (-1 before start-up): a cheap question where the whole document as
// JSON (87 MB at 50,000 people) would be a slow one.
EMSCRIPTEN_KEEPALIVE double flipside_participant_count() {
    return runtime().app != nullptr ? static_cast<double>(runtime().app->document().participants.size()) : -1.0;
}

// Input events not yet taken in by the interface (see test_hooks::pending_input_events).
EMSCRIPTEN_KEEPALIVE double flipside_pending_input() {
    return static_cast<double>(flipside::ui::test_hooks::pending_input_events());
}

}  // extern "C"
