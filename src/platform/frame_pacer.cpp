// The redraw policy of the browser app (see frame_pacer.h).
#include "platform/frame_pacer.h"

#include <algorithm>
#include <cmath>

namespace flipside::platform {
namespace {

// A timer frame comes this much after the moment it waits for: a frame drawn a hair early
// would see the old state and the timer would have to fire again.
constexpr double kTimerSlack = 0.02;

constexpr double kBlinkPeriod = 1.2;   // ImGui's InputText: cursor visible while fmod(t, 1.2) <= 0.8
constexpr double kBlinkVisible = 0.8;

}  // namespace

void FramePacer::wake() { frames_owed_ = std::max(frames_owed_, kSettleFrames); }

void FramePacer::frame_drawn(const FrameOutcome& outcome) {
    if (frames_owed_ > 0) --frames_owed_;
    // A changing picture (an animation, a job's progress) or held input needs the next frame
    // too; a picture identical to the last one means the interface has settled.
    if (outcome.picture_changed || outcome.input_held) frames_owed_ = std::max(frames_owed_, 1);
    deadline_ = outcome.next_deadline;
}

bool FramePacer::wants_frame(double now) const { return frames_owed_ > 0 || now >= deadline_; }

double cursor_blink_wait(float cursor_anim) {
    const double t = cursor_anim;
    if (t < 0) return -t + kTimerSlack;
    const double phase = std::fmod(t, kBlinkPeriod);
    const double wait = phase <= kBlinkVisible ? kBlinkVisible - phase : kBlinkPeriod - phase;
    return wait + kTimerSlack;
}

double tooltip_wait(const HoverDelays& d) {
    double wait = FramePacer::kNever;
    for (const double remaining : {static_cast<double>(d.delay_short - d.hover_timer),
                                   static_cast<double>(d.delay_normal - d.hover_timer),
                                   static_cast<double>(d.delay_stationary - d.stationary_timer)}) {
        if (remaining > 0) wait = std::min(wait, remaining);
    }
    return wait == FramePacer::kNever ? wait : wait + kTimerSlack;
}

}  // namespace flipside::platform
