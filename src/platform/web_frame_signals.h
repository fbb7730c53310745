// What a frame ImGui just rendered tells the frame pacer (frame_pacer.h): did the picture
// change, is input held, and when do ImGui's own timers (text cursor blink, tooltip delays)
// want the next frame.
#pragma once

#include <cstdint>

#include <imgui.h>

#include "platform/frame_pacer.h"

namespace flipside::platform::web {

class FrameSignals {
public:
    // After ImGui::Render(). `now` is the monotonic time the frame was drawn at.
    FrameOutcome read(const ImDrawData& draw_data, double now);

private:
    std::uint64_t last_picture_ = 0;
};

}  // namespace flipside::platform::web
