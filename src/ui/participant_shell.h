// The participant's app on their own device (app/participant_workspace.h): a page per task,
// large and touch-ready, with a navigation column (a row on narrow screens). Draws only.
#pragma once

#include <memory>

namespace flipside::app {
class ParticipantWorkspace;
}

namespace flipside::ui {

namespace participant {
enum class Page;  // ui/participant_screens.h
}

class ParticipantShell {
public:
    explicit ParticipantShell(app::ParticipantWorkspace& workspace);
    ~ParticipantShell();
    void draw_frame();
    // Shows a page, as its navigation button does (for the page's own links and for tests).
    void open_page(participant::Page page);
    struct State;

private:
    app::ParticipantWorkspace& workspace_;
    std::unique_ptr<State> state_;
};

}  // namespace flipside::ui
