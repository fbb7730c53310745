// One screen of the coordinator's workspace (a tab of the shell). Each screen lives in its own
// file, keeps its own view state (selection, drafts, sort order) and edits only through App.
#pragma once

#include <memory>

namespace flipside::app {
class App;
}

namespace flipside::ui {

class Screen {
public:
    virtual ~Screen() = default;
    virtual const char* title() const = 0;  // the tab label
    virtual void draw(app::App& app) = 0;   // inside the shell's content area
};

std::unique_ptr<Screen> make_people_screen();
std::unique_ptr<Screen> make_program_screen();
std::unique_ptr<Screen> make_matching_screen();
std::unique_ptr<Screen> make_calendar_screen();
std::unique_ptr<Screen> make_sessions_screen();
std::unique_ptr<Screen> make_dashboard_screen();

}  // namespace flipside::ui
