#include <doctest/doctest.h>

#include "platform/frame_pacer.h"

using flipside::platform::FrameOutcome;
using flipside::platform::FramePacer;
using flipside::platform::HoverDelays;

namespace {

FrameOutcome settled() { return {}; }

FrameOutcome changed() {
    FrameOutcome outcome;
    outcome.picture_changed = true;
    return outcome;
}

// Draws frames while the pacer wants them (at most `limit`), each with the same outcome.
int draw_while_wanted(FramePacer& pacer, double now, const FrameOutcome& outcome, int limit = 100) {
    int drawn = 0;
    while (drawn < limit && pacer.wants_frame(now)) {
        pacer.frame_drawn(outcome);
        ++drawn;
    }
    return drawn;
}

}  // namespace

TEST_CASE("after start-up and after a wake the pacer draws the settle frames, then rests") {
    FramePacer pacer;
    CHECK(draw_while_wanted(pacer, 0.0, settled()) == FramePacer::kSettleFrames);
    CHECK_FALSE(pacer.wants_frame(1000.0));
    CHECK(pacer.next_wake() == FramePacer::kNever);
    pacer.wake();
    CHECK(pacer.wants_frame(1000.0));
    CHECK(pacer.next_wake() == 0.0);
    CHECK(draw_while_wanted(pacer, 1000.0, settled()) == FramePacer::kSettleFrames);
}

TEST_CASE("several wakes before a frame do not add up") {
    FramePacer pacer;
    draw_while_wanted(pacer, 0.0, settled());
    for (int i = 0; i < 10; ++i) pacer.wake();
    CHECK(draw_while_wanted(pacer, 0.0, settled()) == FramePacer::kSettleFrames);
}

TEST_CASE("a changing picture or held input keeps frames coming; the first settled frame ends them") {
    FramePacer pacer;
    CHECK(draw_while_wanted(pacer, 0.0, changed(), 50) == 50);  // an animation or a running job
    CHECK(pacer.wants_frame(0.0));
    pacer.frame_drawn(settled());
    CHECK_FALSE(pacer.wants_frame(0.0));

    FrameOutcome held;
    held.input_held = true;  // Backspace held: key repeat needs frames though nothing changes
    pacer.frame_drawn(held);
    CHECK(pacer.wants_frame(0.0));
}

TEST_CASE("a timer brings a frame at its due time and not before") {
    FramePacer pacer;
    draw_while_wanted(pacer, 0.0, settled());
    FrameOutcome blinking;
    blinking.next_deadline = 10.5;
    pacer.frame_drawn(blinking);
    CHECK_FALSE(pacer.wants_frame(10.0));
    CHECK(pacer.next_wake() == doctest::Approx(10.5));
    CHECK(pacer.wants_frame(10.5));
    pacer.frame_drawn(settled());  // the timer's frame set no new timer
    CHECK_FALSE(pacer.wants_frame(1e9));
}

TEST_CASE("the text cursor wakes the app when it turns on or off") {
    using flipside::platform::cursor_blink_wait;
    CHECK(cursor_blink_wait(-0.3f) == doctest::Approx(0.32));  // just typed: on until 0
    CHECK(cursor_blink_wait(0.0f) == doctest::Approx(0.82));   // on until 0.8
    CHECK(cursor_blink_wait(0.9f) == doctest::Approx(0.32));   // off until 1.2
    CHECK(cursor_blink_wait(1.3f) == doctest::Approx(0.72));   // second period, on
}

TEST_CASE("a hovered item's tooltip delays each bring a frame; once passed there is no timer") {
    using flipside::platform::tooltip_wait;
    HoverDelays d;
    d.hover_timer = 0.0f;
    d.stationary_timer = 0.0f;
    CHECK(tooltip_wait(d) == doctest::Approx(0.17));  // short and stationary delays: 0.15
    d.hover_timer = 0.2f;
    d.stationary_timer = 0.2f;
    CHECK(tooltip_wait(d) == doctest::Approx(0.22));  // the normal delay: 0.40
    d.hover_timer = 0.5f;
    CHECK(tooltip_wait(d) == FramePacer::kNever);
}
