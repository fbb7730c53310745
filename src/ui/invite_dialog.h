// Participants › Invite…: whom to invite (the person selected in People, everyone active, or
// those still missing details), then for each invitation issued its link (Copy link), its
// e-mail draft and its file, and invitations.csv for a mail merge. Issuing is one undoable
// step of the app (app/invitations.h); this dialog only draws and forwards.
#pragma once

#include <memory>

namespace flipside::app {
class App;
}

namespace flipside::ui {

class InviteDialog {
public:
    InviteDialog();
    ~InviteDialog();
    void open();  // on the next draw
    void open_for_missing_details();  // the same, with "People still missing … details" chosen
    void draw(app::App& app);

    struct State;  // who is chosen, the counts, the invitations issued (invite_dialog.cpp)

private:
    std::unique_ptr<State> state_;
};

}  // namespace flipside::ui
