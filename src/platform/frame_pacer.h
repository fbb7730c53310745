// When the browser app draws: only when something may have changed the picture. Input, a
// resize, a file or a message wakes it for a few frames (ImGui needs 2-3 to settle hover and
// layout); a frame whose picture still changed, or during which a key or button is held,
// asks for the next one; timers the app set (text cursor blink, tooltip delay, autosave,
// kiosk idle reset) bring single frames at their due time. Otherwise no frame is scheduled
// at all. Plain numbers in and out, so the policy is tested without a browser; the web
// part (web_main.cpp) turns it into requestAnimationFrame and setTimeout calls.
#pragma once

#include <limits>

namespace flipside::platform {

// What one drawn frame showed; web_main.cpp fills it from ImGui and the app.
struct FrameOutcome {
    bool picture_changed = false;  // the draw data differs from the previous frame's
    bool input_held = false;       // input still queued, or a key or button down (key repeat)
    // The earliest moment a timer wants a frame (monotonic seconds), or never.
    double next_deadline = std::numeric_limits<double>::infinity();
};

class FramePacer {
public:
    // Frames drawn after a wake even when the picture looks settled: ImGui reacts to some
    // input one frame late (hover after a move, a window appearing after a click).
    static constexpr int kSettleFrames = 3;
    static constexpr double kNever = std::numeric_limits<double>::infinity();

    // Something happened that may change the picture.
    void wake();
    void frame_drawn(const FrameOutcome& outcome);

    // Should the next animation frame draw?
    bool wants_frame(double now) const;
    // When to look again if no frame is wanted now: the next timer, or kNever (idle).
    double next_wake() const { return frames_owed_ > 0 ? 0.0 : deadline_; }

private:
    int frames_owed_ = kSettleFrames;  // the first frames after start-up
    double deadline_ = kNever;
};

// Seconds until ImGui's text cursor next shows or hides. `cursor_anim` is ImGui's blink
// timer (negative right after typing: the cursor stays on until it reaches 0, then it is
// on for 0.8 s of every 1.2 s).
double cursor_blink_wait(float cursor_anim);

// Seconds until a hovered item's tooltip delay may run out, or kNever when every delay has
// passed. ImGui counts the item's hover time and the mouse's stationary time per frame.
struct HoverDelays {
    float hover_timer = 0;       // time the item has been hovered
    float stationary_timer = 0;  // time the mouse has not moved
    float delay_short = 0.15f;   // ImGuiStyle::HoverDelayShort
    float delay_normal = 0.40f;  // ImGuiStyle::HoverDelayNormal
    float delay_stationary = 0.15f;  // ImGuiStyle::HoverStationaryDelay
};
double tooltip_wait(const HoverDelays& delays);

}  // namespace flipside::platform
