// The Calendar's side panel for the session that is open: its pair and both people, each at
// their own local time ("Only theirs" narrows the Calendar to one of them), where it was
// before it moved, and what can be done to it: Mark held, No-show, Cancel session (Restore
// when cancelled), Pinned, and moving it. "Move to" takes a time in the display zone;
// "Check" names whoever is busy then, "Nearest free time" finds the free start nearest to
// it within a week either side, and "Move…", always there, checks (app::check_move) and moves
// when everyone is free, else says why not ("Move anyway" after a conflict). Every change is
// one undoable edit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/calendar_view.h"
#include "app/schedule_commands.h"
#include "core/local_time.h"

namespace flipside::ui {

class CalendarSessionPanel {
public:
    bool is_open() const { return !session_id_.empty(); }
    const std::string& session_id() const { return session_id_; }
    // Opens `session`, with "Move to" at its start written in `zone` and nothing checked yet.
    void open(const Session& session, ZoneRules& zone);
    void close() { session_id_.clear(); }

    // The instant "Move to" names in `zone`, if it names one, and writing one there: when the
    // display zone changes, the field keeps the instant, not its digits.
    std::optional<UtcSeconds> move_target(ZoneRules& zone) const;
    void set_move_target(ZoneRules& zone, UtcSeconds instant);

    // Draws the open session's panel; closes it when the session is gone. `view` is the
    // Calendar's, already asked for this frame's sessions (its pairs by id are used here);
    // `zone` is the display zone; "Only theirs" sets `person_filter`.
    void draw(app::App& app, const app::CalendarView& view, ZoneRules& zone, std::string& person_filter);

private:
    // The open session in the document, found by a scan once per revision, not once per frame.
    const Session* open_session(const app::App& app);
    void move_to(app::App& app, const Session& session, UtcSeconds target, ZoneRules& zone);
    void forget_check() {
        check_.reset();
        moved_text_.clear();
    }

    std::string session_id_;
    std::string move_text_;
    std::optional<app::MoveCheck> check_;  // what Check or Move… found for the time typed
    std::string moved_text_;               // "Moved to 2027-01-11 14:30 UTC."
    std::optional<std::uint64_t> found_revision_;  // when found_index_ was looked up
    std::string found_id_;                         // for which session
    std::optional<std::size_t> found_index_;       // its position in document.sessions
};

}  // namespace flipside::ui
