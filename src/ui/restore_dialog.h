// File › Restore an earlier version…: the versions the store keeps (the last ten saves and the
// last of each of the past seven days), newest first. Picking one shows what it holds; Restore
// makes it the data as one undoable step.
#pragma once

#include <memory>

namespace flipside::app {
class App;
}

namespace flipside::ui {

class RestoreDialog {
public:
    RestoreDialog();
    ~RestoreDialog();
    // Reads the versions and opens on the next draw.
    void open(app::App& app);
    void draw(app::App& app);

    struct State;  // the versions listed and the one picked (restore_dialog.cpp)

private:
    std::unique_ptr<State> state_;
};

}  // namespace flipside::ui
