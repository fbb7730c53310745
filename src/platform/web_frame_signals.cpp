// Reads the pacer's inputs from ImGui after a frame (see web_frame_signals.h).
#include "platform/web_frame_signals.h"

#include <algorithm>
#include <cstring>

#include <imgui_internal.h>  // the text cursor's blink timer and the hover delay timers

namespace flipside::platform::web {
namespace {

// A cheap hash of everything that reaches the screen: vertices, indices, clip rectangles and
// textures. Comparing it with the previous frame's tells whether anything is still moving
// (an animation, a running job's progress bar, a layout that settles a frame late). Words of
// 32 bits keep it at memory speed; it sees only what is visible, so large tables cost little.
std::uint64_t mix(std::uint64_t h, std::uint32_t word) { return (h ^ word) * 0x100000001b3ULL; }

std::uint64_t hash_words(std::uint64_t h, const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 4 <= bytes; i += 4) {
        std::uint32_t word;
        std::memcpy(&word, p + i, 4);
        h = mix(h, word);
    }
    for (; i < bytes; ++i) h = mix(h, p[i]);
    return h;
}

std::uint64_t picture_hash(const ImDrawData& d) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    h = hash_words(h, &d.DisplaySize, sizeof d.DisplaySize);
    h = hash_words(h, &d.FramebufferScale, sizeof d.FramebufferScale);
    for (const ImDrawList* list : d.CmdLists) {
        h = hash_words(h, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.size_in_bytes()));
        h = hash_words(h, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.size_in_bytes()));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            h = hash_words(h, &cmd.ClipRect, sizeof cmd.ClipRect);
            const ImTextureID texture = cmd.GetTexID();
            h = hash_words(h, &texture, sizeof texture);
            h = mix(mix(mix(h, cmd.ElemCount), cmd.IdxOffset), cmd.VtxOffset);
        }
    }
    return h;
}

bool input_held(const ImGuiContext& g, const ImGuiIO& io) {
    // ImGui takes in one change per key or button each frame: queued input needs more frames.
    if (!g.InputEventsQueue.empty()) return true;
    for (const bool down : io.MouseDown)
        if (down) return true;
    for (int key = ImGuiKey_NamedKey_BEGIN; key < ImGuiKey_NamedKey_END; ++key) {
        if (ImGui::IsKeyDown(static_cast<ImGuiKey>(key))) return true;
    }
    return false;
}

}  // namespace

FrameOutcome FrameSignals::read(const ImDrawData& draw_data, double now) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiIO& io = g.IO;
    FrameOutcome outcome;
    const std::uint64_t picture = picture_hash(draw_data);
    outcome.picture_changed = picture != last_picture_;
    last_picture_ = picture;
    outcome.input_held = input_held(g, io);

    double wait = FramePacer::kNever;
    if (io.WantTextInput && io.ConfigInputTextCursorBlink && g.InputTextState.ID != 0 &&
        g.InputTextState.ID == g.ActiveId) {
        wait = std::min(wait, cursor_blink_wait(g.InputTextState.CursorAnim));
    }
    // Set when an item asked IsItemHovered with a delay this frame: its tooltip is pending.
    if (g.HoverItemDelayId != 0) {
        HoverDelays delays;
        delays.hover_timer = g.HoverItemDelayTimer;
        delays.stationary_timer = g.MouseStationaryTimer;
        delays.delay_short = g.Style.HoverDelayShort;
        delays.delay_normal = g.Style.HoverDelayNormal;
        delays.delay_stationary = g.Style.HoverStationaryDelay;
        wait = std::min(wait, tooltip_wait(delays));
    }
    outcome.next_deadline = now + wait;
    return outcome;
}

}  // namespace flipside::platform::web
