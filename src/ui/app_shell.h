// The whole Flipside window: menu bar, screen tabs, status bar, and the screens themselves.
#pragma once

#include <memory>

namespace flipside::app {
class App;
}

namespace flipside::ui {

class AppShell {
public:
    explicit AppShell(app::App& app);
    ~AppShell();
    // Draws one frame of the interface; call between ImGui::NewFrame() and ImGui::Render().
    void draw_frame();

    struct State;  // screens and dialog state, defined in app_shell.cpp

private:
    app::App& app_;
    std::unique_ptr<State> state_;
};

}  // namespace flipside::ui
