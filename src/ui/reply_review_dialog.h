// Participants › Merge replies…: the review of participants' replies before they change
// anything. Replies arrive by dropping or picking files, or by pasting text blocks from e-mails;
// the list shows each reply (who, when, outcome, how many changes and conflicts), and the one
// picked shows every change before → after, with a choice per conflict (the coordinator's value
// is kept unless they take the participant's). "Apply N replies" merges the batch as one
// undoable step (app/reply_batch.h); this dialog only draws and forwards.
#pragma once

#include <memory>

namespace flipside::app {
class App;
}

namespace flipside::ui {

class ReplyReviewDialog {
public:
    ReplyReviewDialog();
    ~ReplyReviewDialog();
    void open();  // on the next draw, even with no reply yet (to drop or paste them)
    void draw(app::App& app);

    struct State;  // the reply picked, the pasted text, the rows derived (reply_review_dialog.cpp)

private:
    std::unique_ptr<State> state_;
};

}  // namespace flipside::ui
