// Runs every screen headless (ImGui with no renderer) against the demo program and an empty
// document: each must draw without tripping ImGui's own checks; so must the Calendar's panel
// for an open session, which the screens only show after a click.
#include <doctest/doctest.h>

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/app.h"
#include "app/calendar_view.h"
#include "app/participant_workspace.h"
#include "io/invitation_json.h"
#include "participants_test_support.h"
#include "headless_imgui.h"
#include "platform/memory_platform.h"
#include "platform/interface/time_zones.h"
#include "ui/app_shell.h"
#include "ui/calendar_session_panel.h"
#include "ui/participant_screens.h"
#include "ui/participant_shell.h"
#include "ui/invite_dialog.h"
#include "ui/reply_review_dialog.h"
#include "io/reply_json.h"
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

TEST_CASE("the calendar's session panel draws an open session, and closes once the session is gone") {
    HeadlessImGui imgui;
    platform::MemoryPlatform memory(platform::system_time_zones());
    app::App app(memory.platform);
    app.start();
    const Document& d = app.document();
    REQUIRE(d.current_program() != nullptr);
    app::CalendarFilter filter;
    filter.program_id = d.current_program()->id;
    app::CalendarView view;
    const std::vector<const Session*> shown = view.sessions(d, app.revision(), filter);
    REQUIRE_FALSE(shown.empty());
    const Session session = *shown.front();
    const auto position = static_cast<std::size_t>(
        std::find_if(d.sessions.begin(), d.sessions.end(), [&](const Session& s) { return s.id == session.id; }) -
        d.sessions.begin());

    ZoneRules zone(memory.platform.time_zones, "UTC");
    ui::CalendarSessionPanel panel;
    panel.open(session, zone);
    CHECK(panel.is_open());
    CHECK(panel.session_id() == session.id);
    CHECK(panel.move_target(zone) == session.start);
    // Another display zone: the Move to field keeps the instant.
    ZoneRules tokyo(memory.platform.time_zones, "Asia/Tokyo");
    panel.set_move_target(tokyo, *panel.move_target(zone));
    CHECK(panel.move_target(tokyo) == session.start);

    const Document before = d;
    std::string person_filter;
    const auto draw = [&] {
        view.sessions(app.document(), app.revision(), filter);
        ImGui::Begin("Screen");
        panel.draw(app, view, tokyo, person_filter);
        ImGui::End();
    };
    imgui.frames(3, draw);
    CHECK(panel.is_open());
    CHECK(app.document() == before);  // drawing changes nothing
    CHECK(person_filter.empty());

    app::Edit remove;
    remove.label = "remove a session";
    remove.sessions.push_back(app::RecordChange<Session>{session, std::nullopt, position});
    app.apply(remove);
    imgui.frames(2, draw);
    CHECK_FALSE(panel.is_open());
}

TEST_CASE("the participant's app draws every page, before and after an invitation, wide and narrow") {
    HeadlessImGui imgui;
    platform::MemoryPlatform memory(platform::system_time_zones(), "participant");
    Document coordinator = testing::paired_document(4);
    coordinator.programs[0].matching.mode = MatchingMode::Stable;
    coordinator.pairs.clear();  // unpaired in a stable wave: a shortlist to rank
    const auto invitations = testing::invite(coordinator, "R1", {"P1"});
    app::ParticipantWorkspace workspace(memory.platform);
    workspace.start();
    ui::ParticipantShell shell(workspace);
    imgui.frames(2, [&] { shell.draw_frame(); });
    CHECK(ImGui::FindWindowByName("Participant") != nullptr);
    memory.clock.utc = testing::kIssued + testing::kDay;
    REQUIRE(workspace.open_link(io::invitation_link(invitations[0], "flipside.html")).ok());
    REQUIRE_FALSE(workspace.invitation().asks.shortlist.empty());
    REQUIRE(workspace.set("interests", {"Chess"}).ok());
    REQUIRE(workspace.send_reply().ok());
    for (const float width : {1280.0f, 420.0f}) {
        ImGui::GetIO().DisplaySize = ImVec2(width, 800);
        for (const ui::participant::Page page :
             {ui::participant::Page::Welcome, ui::participant::Page::Profile, ui::participant::Page::Availability,
              ui::participant::Page::Preferences, ui::participant::Page::Sessions, ui::participant::Page::Feedback,
              ui::participant::Page::Send}) {
            shell.open_page(page);
            imgui.frames(2, [&] { shell.draw_frame(); });
        }
    }
    CHECK(workspace.me().interests == std::vector<std::string>{"Chess"});
}

TEST_CASE("the invite and merge-replies dialogs draw issued invitations, a conflict and a refused reply") {
    HeadlessImGui imgui;
    platform::MemoryPlatform memory(platform::system_time_zones());
    app::App app(memory.platform);
    app.start();
    app.apply(app::replace_document(app.document(), testing::paired_document(), "load the wave"));
    ui::InviteDialog invite;
    ui::ReplyReviewDialog review;
    const auto frame = [&] {
        ImGui::Begin("Flipside");
        invite.draw(app);
        review.draw(app);
        ImGui::End();
    };
    invite.open();
    imgui.frames(3, frame);
    Result<app::IssuedInvitations> issued = app.invite({"P1", "P2"});
    REQUIRE(issued.ok());
    imgui.frames(2, frame);
    CHECK(issued->handouts[0].invitation_id == app.document().current_program()->invitations.issued[0].id);

    Result<participants::Invitation> zoe = io::read_invitation_json(issued->handouts[0].file_text, "P1", memory.clock.utc);
    REQUIRE(zoe.ok());
    Participant changed = app.document().participants[0];
    changed.interests = {"Sailing"};
    app.apply(app::update_participant(app.document().participants[0], changed));
    app.receive_replies("zoe.json", io::write_reply_json(testing::reply_with(*zoe, {{"interests", {"Chess"}}}, 1,
                                                                             memory.clock.utc + 60)));
    app.receive_replies("broken.txt", "-----BEGIN FLIPSIDE REPLY-----\nAAAA");
    imgui.frames(4, frame);  // opens by itself: replies arrived
    CHECK(app.reply_review().replies.size() == 1);
    CHECK(app.reply_batch().unreadable().size() == 1);
}
