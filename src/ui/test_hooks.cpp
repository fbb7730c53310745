// Records ImGui items per frame through the test-engine hooks (see test_hooks.h).
//
// Index
// [SECTION] Per-frame item storage
// [SECTION] ImGui test-engine hooks (called by imgui.cpp / imgui_widgets.cpp)
// [SECTION] Queries
#include "ui/test_hooks.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

namespace flipside::ui::test_hooks {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Per-frame item storage
//-----------------------------------------------------------------------------
// The hooks run for every item of every frame, so a frame is a flat vector of plain records
// plus one text arena for labels and window names: after the first frames no allocation
// happens at all (clear() keeps capacity and the two frames swap buffers).

constexpr int kNoText = -1;

struct Record {
    ImGuiID id = 0;
    ImRect rect;
    ImRect clip;                // the window's clip rectangle: what part of `rect` can be seen
    int label = kNoText;        // offset of the NUL-terminated full label in FrameItems::text
    int window = kNoText;       // offset of the current window's full name
    int root_window = kNoText;  // offset of its top-level window's full name
    bool visible = false;
    float font_size = 0;        // the size its text is drawn at (CSS pixels)
};

struct FrameItems {
    std::vector<Record> records;
    std::string text;
    // Items come in runs from one window (and its top-level window): remember where those
    // names already are rather than copying them for every item.
    struct NameCache {
        const ImGuiWindow* window = nullptr;
        int text = kNoText;
    };
    NameCache names[2];
    // Tab items announce their label before they are added: hold it for the ItemAdd to come.
    ImGuiID pending_id = 0;
    int pending_label = kNoText;

    void clear() {
        records.clear();
        text.clear();
        names[0] = names[1] = NameCache{};
        pending_id = 0;
        pending_label = kNoText;
    }
    int intern(const char* s) {
        const int offset = static_cast<int>(text.size());
        text.append(s);
        text.push_back('\0');
        return offset;
    }
    int window_name(const ImGuiWindow* window, int slot) {
        NameCache& cache = names[slot];
        if (window != cache.window) {
            cache.window = window;
            cache.text = intern(window->Name);
        }
        return cache.text;
    }
    const char* at(int offset) const { return offset == kNoText ? "" : text.c_str() + offset; }
};

struct Recorder {
    ImGuiContext* context = nullptr;
    FrameItems recording;  // the frame being drawn
    FrameItems published;  // the last complete frame: what queries see
    std::size_t frames = 0;
};

Recorder& recorder() {
    static Recorder instance;
    return instance;
}

void on_new_frame(ImGuiContext*, ImGuiContextHook*) { recorder().recording.clear(); }

void on_end_frame(ImGuiContext*, ImGuiContextHook*) {
    Recorder& r = recorder();
    std::swap(r.recording, r.published);
    ++r.frames;
}

// The text ImGui shows for a label: everything before "##" (which also covers "###").
std::string_view visible_part(const char* full) {
    return std::string_view(full, static_cast<std::size_t>(ImGui::FindRenderedTextEnd(full) - full));
}

// The stable id part of a label, so tests can name items as users read them or by their id:
// "Undo import x.json###Undo" is also "Undo"; "##E-mail" (a field whose caption is drawn as
// text beside it) is also "E-mail".
std::string_view hidden_id(const char* full) {
    const std::string_view label(full);
    const std::size_t triple = label.find("###");
    if (triple != std::string_view::npos) return label.substr(triple + 3);
    if (!visible_part(full).empty()) return {};
    const std::size_t start = label.find_first_not_of('#');
    return start == std::string_view::npos ? std::string_view{} : label.substr(start);
}

}  // namespace

void enable(ImGuiContext* context) {
    if (context == nullptr || recorder().context == context) return;
    recorder().context = context;
    ImGuiContextHook begin_hook;
    begin_hook.Type = ImGuiContextHookType_NewFramePre;
    begin_hook.Callback = on_new_frame;
    ImGui::AddContextHook(context, &begin_hook);
    ImGuiContextHook end_hook;
    end_hook.Type = ImGuiContextHookType_EndFramePost;
    end_hook.Callback = on_end_frame;
    ImGui::AddContextHook(context, &end_hook);
    context->TestEngineHookItems = true;  // ImGui calls the hooks below only when this is set
}

bool enabled() { return recorder().context != nullptr; }

std::size_t published_frames() { return recorder().frames; }

std::size_t pending_input_events() {
    const ImGuiContext* context = recorder().context;
    return context ? static_cast<std::size_t>(context->InputEventsQueue.Size) : 0;
}

}  // namespace flipside::ui::test_hooks

//-----------------------------------------------------------------------------
// [SECTION] ImGui test-engine hooks
//-----------------------------------------------------------------------------
// Signatures from imgui_internal.h (1.90.1). They must exist in every build because ImGui is
// compiled with IMGUI_ENABLE_TEST_ENGINE; they do nothing for a context that was not enabled.

using flipside::ui::test_hooks::Record;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData* item_data) {
    auto& r = flipside::ui::test_hooks::recorder();
    if (ctx != r.context) return;
    const ImGuiWindow* window = ctx->CurrentWindow;
    // Skip ImGui's implicit "Debug##Default" window: it is never shown.
    if (window == nullptr || window->IsFallbackWindow) return;
    Record record;
    record.id = id;
    record.font_size = ctx->FontSize;
    // ItemAdd reports the navigation rectangle; the item's own one is what a user clicks.
    record.rect = item_data != nullptr ? item_data->Rect : bb;
    if (id == window->ID) {
        record.visible = !window->Hidden;  // the window itself, registered early in Begin()
        record.clip = record.rect;
    } else {
        record.clip = window->ClipRect;
        // ImGui's own clip test runs right after this hook, against the same rectangle.
        record.visible = !window->Hidden && !window->SkipItems && record.rect.Overlaps(window->ClipRect);
    }
    auto& frame = r.recording;
    record.window = frame.window_name(window, 0);
    const ImGuiWindow* root = window->RootWindow != nullptr ? window->RootWindow : window;
    record.root_window = root == window ? record.window : frame.window_name(root, 1);
    if (frame.pending_id == id && id != 0) {
        record.label = frame.pending_label;
        frame.pending_id = 0;
    }
    frame.records.push_back(record);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags) {
    auto& r = flipside::ui::test_hooks::recorder();
    if (ctx != r.context || label == nullptr) return;
    // The label arrives right after the item was added; look back only a little to stay O(1).
    auto& records = r.recording.records;
    const std::size_t lookback = records.size() < 8 ? records.size() : 8;
    for (std::size_t i = 0; i < lookback; ++i) {
        Record& record = records[records.size() - 1 - i];
        if (record.id == id) {
            record.label = r.recording.intern(label);
            return;
        }
    }
    r.recording.pending_id = id;
    r.recording.pending_label = r.recording.intern(label);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

// Used by ImGui's debug tools (Metrics window, ID stack tool) to name an id.
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext* ctx, ImGuiID id) {
    auto& r = flipside::ui::test_hooks::recorder();
    if (ctx != r.context) return nullptr;
    for (const Record& record : r.published.records)
        if (record.id == id && record.label != flipside::ui::test_hooks::kNoText)
            return r.published.at(record.label);
    return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Queries
//-----------------------------------------------------------------------------
namespace flipside::ui::test_hooks {
namespace {

// This file is linked into the ImGui library (ImGui itself calls the hooks), which has no
// JSON library: a few lines of JSON writing are all the queries need.
void append_string(std::string& out, std::string_view text) {
    out.push_back('"');
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                    out += escaped;
                } else {
                    out.push_back(c);  // UTF-8 passes through; the page decodes it
                }
        }
    }
    out.push_back('"');
}

void append_field(std::string& out, const char* name, std::string_view text) {
    out += '"';
    out += name;
    out += "\":";
    append_string(out, text);
    out += ',';
}

void append_field(std::string& out, const char* name, float value) {
    char number[32];
    std::snprintf(number, sizeof number, "\"%s\":%.2f,", name, static_cast<double>(value));
    out += number;
}

// The fields of one item, without braces, each followed by a comma.
void describe(std::string& out, const FrameItems& frame, const Record& record) {
    const char* full = frame.at(record.label);
    append_field(out, "x", record.rect.Min.x);
    append_field(out, "y", record.rect.Min.y);
    append_field(out, "w", record.rect.GetWidth());
    append_field(out, "h", record.rect.GetHeight());
    append_field(out, "font_size", record.font_size);
    out += record.visible ? "\"visible\":true," : "\"visible\":false,";
    // Fully inside its window's visible area: safe to click anywhere on it.
    const bool whole = record.visible && record.clip.Contains(record.rect);
    out += whole ? "\"fully_visible\":true," : "\"fully_visible\":false,";
    out += "\"clip\":{";
    append_field(out, "x", record.clip.Min.x);
    append_field(out, "y", record.clip.Min.y);
    append_field(out, "w", record.clip.GetWidth());
    append_field(out, "h", record.clip.GetHeight());
    out.back() = '}';
    out += ',';
    append_field(out, "label", visible_part(full));
    append_field(out, "full_label", full);
    append_field(out, "window", visible_part(frame.at(record.window)));
    append_field(out, "root_window", visible_part(frame.at(record.root_window)));
}

// ImGui names a child window "<parent name>/<str_id>_<8 hex digits>". A window matches the
// query when the query names it, its top-level window, or any child window on the way down
// ("Editor" for ".../Roster_1A2B3C4D/Editor_5E6F7A8B").
bool name_path_matches(const char* name, std::string_view window) {
    const std::string_view full(name);
    if (window == full || window == visible_part(name)) return true;
    std::size_t start = 0;
    while (start <= full.size()) {
        std::size_t end = full.find('/', start);
        if (end == std::string_view::npos) end = full.size();
        std::string_view part = full.substr(start, end - start);
        if (part == window) return true;
        if (part.size() > 9 && part[part.size() - 9] == '_' && part.substr(0, part.size() - 9) == window) return true;
        start = end + 1;
    }
    return false;
}

bool window_matches(const FrameItems& frame, const Record& record, std::string_view window) {
    if (window.empty()) return true;
    return name_path_matches(frame.at(record.window), window) ||
           name_path_matches(frame.at(record.root_window), window);
}

std::vector<const Record*> matches(const FrameItems& frame, std::string_view label,
                                   std::string_view window) {
    std::vector<const Record*> found;
    for (const Record& record : frame.records) {
        if (record.label == kNoText || !window_matches(frame, record, window)) continue;
        const char* full = frame.at(record.label);
        if (label == full || label == visible_part(full) || label == hidden_id(full)) found.push_back(&record);
    }
    return found;
}

}  // namespace

std::string find_item_json(std::string_view label, std::string_view window) {
    const FrameItems& frame = recorder().published;
    std::vector<const Record*> found = matches(frame, label, window);
    std::size_t wanted = 1;
    if (found.empty()) {
        // "Remove#2": the second item labelled "Remove".
        const std::size_t hash = label.rfind('#');
        if (hash != std::string_view::npos && hash + 1 < label.size() && hash > 0) {
            const std::string_view digits = label.substr(hash + 1);
            bool all_digits = digits.size() <= 6;
            for (char c : digits) all_digits = all_digits && c >= '0' && c <= '9';
            if (all_digits) {
                wanted = static_cast<std::size_t>(std::atoi(std::string(digits).c_str()));
                found = matches(frame, label.substr(0, hash), window);
            }
        }
    }
    std::vector<const Record*> visible;
    for (const Record* record : found)
        if (record->visible) visible.push_back(record);
    const std::vector<const Record*>& pool = visible.empty() ? found : visible;
    std::string out = "{";
    if (wanted == 0 || wanted > pool.size()) {
        out += "\"found\":false,";
        append_field(out, "label", label);
    } else {
        out += "\"found\":true,";
        describe(out, frame, *pool[wanted - 1]);
    }
    out += "\"matches\":" + std::to_string(pool.size()) + "}";
    return out;
}

std::string font_sizes_json() {
    std::string out = "[";
    if (ImGuiContext* context = recorder().context) {
        const ImGuiIO& io = context->IO;
        for (const ImFont* font : io.Fonts->Fonts) {
            char number[32];
            std::snprintf(number, sizeof number, "%.2f,", static_cast<double>(font->FontSize * font->Scale * io.FontGlobalScale));
            out += number;
        }
    }
    if (out.size() > 1) out.pop_back();
    out += ']';
    return out;
}

std::string items_json() {
    const FrameItems& frame = recorder().published;
    std::string out = "[";
    for (const Record& record : frame.records) {
        if (record.label == kNoText) continue;
        out += '{';
        describe(out, frame, record);
        out.back() = '}';  // replaces the last field's comma
        out += ',';
    }
    if (out.size() > 1) out.pop_back();
    out += ']';
    return out;
}

}  // namespace flipside::ui::test_hooks
