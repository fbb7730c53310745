// Kiosk mode, for participants at a shared screen or in the HR portal: find yourself by name,
// confirm with your e-mail, then see only your own world (partners and how to reach them, your
// next sessions, your calendar file, your availability and profile, your ranking of partners,
// your ratings). Idle time returns to the start and forgets what was on screen. Leaving kiosk
// mode needs the coordinator's PIN.
#pragma once

#include <memory>

namespace flipside::app {
class App;
}

namespace flipside::ui {

class KioskScreen {
public:
    KioskScreen();
    ~KioskScreen();
    void draw(app::App& app);  // fills the whole window
    struct State;

private:
    std::unique_ptr<State> state_;
};

}  // namespace flipside::ui
