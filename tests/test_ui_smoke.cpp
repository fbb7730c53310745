// Runs every screen headless (ImGui with no renderer) against the demo program and an empty
// document: each must draw without tripping ImGui's own checks.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/app.h"
#include "headless_imgui.h"
#include "platform/memory_platform.h"
#include "platform/interface/time_zones.h"
#include "ui/app_shell.h"
#include "ui/screen.h"

using namespace flipside;
using namespace flipside::matching;

TEST_CASE("the shell and every screen draw with the demo program and with no data") {
    HeadlessImGui imgui;
    platform::MemoryPlatform memory(platform::system_time_zones());
    app::App app(memory.platform);
    app.start();
    ui::AppShell shell(app);
    imgui.frames(3, [&] { shell.draw_frame(); });

    std::unique_ptr<ui::Screen> screens[] = {ui::make_people_screen(),   ui::make_program_screen(),
                                             ui::make_matching_screen(), ui::make_calendar_screen(),
                                             ui::make_sessions_screen(), ui::make_dashboard_screen()};
    for (auto& screen : screens) {
        INFO(screen->title());
        imgui.frames(2, [&] {
            ImGui::Begin("Screen");
            screen->draw(app);
            ImGui::End();
        });
    }
    app.clear_all();
    for (auto& screen : screens)
        imgui.frames(2, [&] {
            ImGui::Begin("Screen");
            screen->draw(app);
            ImGui::End();
        });
    CHECK(app.document().participants.empty());
}

TEST_CASE("kiosk mode replaces the coordinator's screens until the PIN is given") {
    HeadlessImGui imgui;
    platform::MemoryPlatform memory(platform::system_time_zones());
    app::App app(memory.platform);
    app.start();
    REQUIRE(app.kiosk().set_pin("4821").ok());
    REQUIRE(app.kiosk().enter_kiosk_mode());
    ui::AppShell shell(app);
    const Document before = app.document();
    imgui.frames(3, [&] { shell.draw_frame(); });
    // Only the kiosk window was drawn: no coordinator window exists in this context.
    CHECK(ImGui::FindWindowByName("Flipside") == nullptr);
    CHECK(ImGui::FindWindowByName("Kiosk") != nullptr);
    CHECK(app.document() == before);
    REQUIRE(app.kiosk().leave_kiosk_mode("4821") == app::KioskLock::UnlockResult::Accepted);
    imgui.frames(2, [&] { shell.draw_frame(); });
    CHECK(ImGui::FindWindowByName("Flipside") != nullptr);
}
