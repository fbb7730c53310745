// Index
// [SECTION] Menu bar
// [SECTION] Messages and dialogs
// [SECTION] Status bar
// [SECTION] Frame
#include "ui/app_shell.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/app.h"
#include "ui/csv_import_dialog.h"
#include "ui/invite_dialog.h"
#include "ui/kiosk_screen.h"
#include "ui/reply_review_dialog.h"
#include "ui/restore_dialog.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

struct AppShell::State {
    std::vector<std::unique_ptr<Screen>> screens;
    CsvImportDialog csv_import;
    RestoreDialog restore;
    InviteDialog invite;
    ReplyReviewDialog replies;
    KioskScreen kiosk;
    bool open_kiosk_settings = false;
    std::string new_pin, repeat_pin, pin_message;
    std::size_t dialogs_shown = 0;  // messages already turned into a dialog
    int open_dialog = -1;           // index into app.messages() of the dialog to show
    bool confirm_clear = false;
};

AppShell::AppShell(app::App& app) : app_(app), state_(std::make_unique<State>()) {
    state_->screens.push_back(make_people_screen());
    state_->screens.push_back(make_program_screen());
    state_->screens.push_back(make_matching_screen());
    state_->screens.push_back(make_calendar_screen());
    state_->screens.push_back(make_sessions_screen());
    state_->screens.push_back(make_dashboard_screen());
}

AppShell::~AppShell() = default;

namespace {

std::string human_bytes(std::uint64_t bytes) {
    char buffer[32];
    const double value = static_cast<double>(bytes);
    if (bytes < 1024)
        std::snprintf(buffer, sizeof buffer, "%u B", static_cast<unsigned>(bytes));
    else if (bytes < 1024 * 1024)
        std::snprintf(buffer, sizeof buffer, "%.1f KB", value / 1024.0);
    else if (bytes < std::uint64_t{1} << 30)
        std::snprintf(buffer, sizeof buffer, "%.1f MB", value / (1024.0 * 1024.0));
    else
        std::snprintf(buffer, sizeof buffer, "%.1f GB", value / (1024.0 * 1024.0 * 1024.0));
    return buffer;
}

//-----------------------------------------------------------------------------
// [SECTION] Menu bar
//-----------------------------------------------------------------------------

void draw_menu_bar(app::App& app, AppShell::State& state) {
    bool& confirm_clear = state.confirm_clear;
    RestoreDialog& restore = state.restore;
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        // A read-only view keeps what only reads (exports) and greys out what would change data.
        const bool editable = !app.read_only();
        if (ImGui::MenuItem("Export JSON…")) app.export_json();
        if (ImGui::MenuItem("Import JSON…", nullptr, false, editable)) app.request_import();
        ImGui::Separator();
        if (ImGui::MenuItem("Import people from CSV…", nullptr, false, editable)) app.request_csv_import();
        if (ImGui::MenuItem("Export people as CSV")) app.export_roster_csv();
        if (ImGui::MenuItem("Export pairs as CSV")) app.export_pairs_csv();
        ImGui::Separator();
        if (ImGui::MenuItem("Restore an earlier version…", nullptr, false, editable)) restore.open(app);
        ImGui::Separator();
        if (ImGui::MenuItem("Load demo program", nullptr, false, editable)) app.load_demo();
        if (ImGui::MenuItem("Clear all data", nullptr, false, editable)) confirm_clear = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        const std::string undo = app.can_undo() ? "Undo " + app.undo_label() : "Undo";
        const std::string redo = app.can_redo() ? "Redo " + app.redo_label() : "Redo";
        // Labels carry a stable id after "###" so tests and keyboard users find them by name.
        const bool editable = !app.read_only();
        if (ImGui::MenuItem((undo + "###Undo").c_str(), "Ctrl+Z", false, editable && app.can_undo())) app.undo();
        if (ImGui::MenuItem((redo + "###Redo").c_str(), "Ctrl+Shift+Z", false, editable && app.can_redo())) app.redo();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Participants")) {
        // Invitations and replies change the data (the ledger, the merged fields): not in a read-only view.
        if (ImGui::MenuItem("Invite…", nullptr, false, !app.read_only())) state.invite.open();
        if (ImGui::MenuItem("Merge replies…", nullptr, false, !app.read_only())) state.replies.open();
        ImGui::Separator();
        if (ImGui::MenuItem("Kiosk mode…", nullptr, false, !app.read_only())) state.open_kiosk_settings = true;
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void handle_shortcuts(app::App& app) {
    // While a text field is active, Ctrl+Z belongs to the field's own undo.
    if (ImGui::GetIO().WantTextInput) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
        if (io.KeyShift)
            app.redo();
        else
            app.undo();
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) app.redo();
}

//-----------------------------------------------------------------------------
// [SECTION] Messages and dialogs
//-----------------------------------------------------------------------------

void draw_messages(app::App& app) {
    const auto& messages = app.messages();
    // The last three messages, newest first; older ones scroll away.
    const std::size_t first = messages.size() > 3 ? messages.size() - 3 : 0;
    for (std::size_t i = messages.size(); i-- > first;) {
        const app::UserMessage& m = messages[i];
        ImGui::PushID(static_cast<int>(i));
        const bool error = m.kind == app::MessageKind::Error;
        ImGui::PushStyleColor(ImGuiCol_Text, error ? theme::error() : theme::success());
        ImGui::TextWrapped("%s %s", error ? "⚠" : "✓", m.text.c_str());
        ImGui::PopStyleColor();
        for (const std::string& detail : m.details) ImGui::BulletText("%s", detail.c_str());
        if (ImGui::SmallButton("Dismiss")) app.dismiss_message(i);
        ImGui::PopID();
    }
    if (first < messages.size()) ImGui::Separator();
}

void draw_dialogs(app::App& app, AppShell::State& state) {
    const auto& messages = app.messages();
    if (state.dialogs_shown > messages.size()) state.dialogs_shown = messages.size();
    for (; state.dialogs_shown < messages.size(); ++state.dialogs_shown) {
        if (!messages[state.dialogs_shown].title.empty()) {
            state.open_dialog = static_cast<int>(state.dialogs_shown);
            ImGui::OpenPopup(messages[state.dialogs_shown].title.c_str());
        }
    }
    if (state.open_dialog >= 0 && state.open_dialog < static_cast<int>(messages.size())) {
        const app::UserMessage& m = messages[static_cast<std::size_t>(state.open_dialog)];
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, 0), ImGuiCond_Appearing);
        if (ImGui::BeginPopupModal(m.title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
            ImGui::TextWrapped("%s", m.text.c_str());
            for (const std::string& detail : m.details) ImGui::BulletText("%s", detail.c_str());
            ImGui::Spacing();
            if (ImGui::Button("OK", ImVec2(ImGui::GetFontSize() * 6, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
                state.open_dialog = -1;
                ImGui::CloseCurrentPopup();
            }
            ImGui::SetItemDefaultFocus();
            ImGui::EndPopup();
        }
    }
    if (state.confirm_clear) {
        ImGui::OpenPopup("Clear all data?");
        state.confirm_clear = false;
    }
    if (ImGui::BeginPopupModal("Clear all data?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Every person, program, pair, session and feedback in this browser is removed.");
        ImGui::TextUnformatted("Edit > Undo brings them back, and later File > Restore an earlier version…; "
                               "export first to keep a copy.");
        if (ImGui::Button("Clear all data")) {
            app.clear_all();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Status bar
//-----------------------------------------------------------------------------

void draw_status_bar(app::App& app) {
    const Document& d = app.document();
    const app::SaveStatus& save = app.save_status();
    if (app.editing_elsewhere()) {
        ImGui::TextColored(theme::accent(), "Open for editing in another tab");
        ImGui::SameLine();
        if (ImGui::SmallButton("Edit here")) app.request_editing_here();
        ImGui::SameLine();
    } else if (app.read_only()) {
        ImGui::TextColored(theme::accent(), "Read-only view");
        ImGui::SameLine();
    }
    if (!save.last_error.empty()) {
        // The first sentence fits the bar; the whole message is in the tooltip.
        const std::string& error = save.last_error;
        const std::size_t end = error.find_first_of(":.");
        const std::string summary = end == std::string::npos ? error : error.substr(0, end);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::error());
        ImGui::TextUnformatted(("⚠ " + summary).c_str());
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", error.c_str());
        ImGui::SameLine();
    } else if (!app.unsaved_form().empty()) {
        readable_text("unsaved-form", theme::error(), "⚠ " + app.unsaved_form());
        ImGui::SameLine();
    } else {
        ImGui::TextDisabled(save.pending || save.settling ? "Saving…" : "All changes saved in this browser");
        ImGui::SameLine();
    }
    const app::StorageUsage usage = app.storage_usage();
    const double share = usage.quota_bytes ? 100.0 * static_cast<double>(usage.used_bytes) /
                                                 static_cast<double>(usage.quota_bytes)
                                           : 0.0;
    const auto s = [](std::size_t count) { return count == 1 ? "" : "s"; };
    ImGui::TextDisabled("| Storage: %s of about %s (%.1f%%) | %zu %s, %zu program%s, %zu pair%s, %zu session%s",
                        human_bytes(usage.used_bytes).c_str(), human_bytes(usage.quota_bytes).c_str(), share,
                        d.participants.size(), d.participants.size() == 1 ? "person" : "people", d.programs.size(),
                        s(d.programs.size()), d.pairs.size(), s(d.pairs.size()), d.sessions.size(), s(d.sessions.size()));
    if (ImGui::IsItemHovered()) {
        using Persistence = platform::Storage::Persistence;
        ImGui::SetTooltip("%s", usage.persistence == Persistence::Granted
                                    ? "The browser keeps this data even when the disk runs low."
                                    : usage.persistence == Persistence::Refused
                                          ? "The browser may clear this data when the disk runs low: export it as JSON "
                                            "now and then (installing or bookmarking the page usually lifts this)."
                                          : "Saved in this browser.");
    }
}

// Set the coordinator PIN and the idle timeout, then hand the screen to participants.
void draw_kiosk_settings(app::App& app, AppShell::State& state) {
    if (state.open_kiosk_settings) {
        ImGui::OpenPopup("Kiosk mode");
        state.open_kiosk_settings = false;
        state.new_pin.clear();
        state.repeat_pin.clear();
        state.pin_message.clear();
    }
    if (!ImGui::BeginPopupModal("Kiosk mode", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    app::KioskLock& lock = app.kiosk();
    ImGui::TextWrapped("In kiosk mode participants find themselves by name, confirm with their e-mail, and see only "
                       "their own partner, sessions and profile. Leaving kiosk mode needs your PIN.");
    ImGui::TextUnformatted(lock.has_pin() ? "A PIN is set. Enter a new one to change it." : "Choose a PIN (4 or more characters).");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputText("New PIN", &state.new_pin, ImGuiInputTextFlags_Password);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputText("Repeat PIN", &state.repeat_pin, ImGuiInputTextFlags_Password);
    if (ImGui::Button("Set PIN")) {
        if (state.new_pin != state.repeat_pin)
            state.pin_message = "The two PINs differ.";
        else {
            const Result<void> set = lock.set_pin(state.new_pin);
            state.pin_message = set ? "PIN set." : set.message();
        }
        state.new_pin.clear();
        state.repeat_pin.clear();
    }
    if (!state.pin_message.empty()) {
        ImGui::SameLine();
        ImGui::TextUnformatted(state.pin_message.c_str());
    }
    int idle = lock.idle_seconds();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::SliderInt("Back to start after (seconds idle)", &idle, 15, 600)) lock.set_idle_seconds(idle);
    ImGui::Separator();
    ImGui::BeginDisabled(!lock.has_pin());
    if (ImGui::Button("Start kiosk mode")) {
        app.flush();  // nothing unsaved stays behind the participant's screen
        lock.enter_kiosk_mode();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Frame
//-----------------------------------------------------------------------------

void AppShell::draw_frame() {
    if (app_.kiosk().in_kiosk_mode()) {
        state_->kiosk.draw(app_);
        return;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Flipside", nullptr, flags);
    draw_menu_bar(app_, *state_);
    handle_shortcuts(app_);
    draw_messages(app_);

    const float status_height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    if (ImGui::BeginTabBar("Screens")) {
        // A cause line's button asked for People (filtered): bring it forward; People takes the request.
        const bool to_people = app_.people_view_requested();
        for (auto& screen : state_->screens) {
            const bool is_people = screen == state_->screens.front();  // People is the first tab
            if (ImGui::BeginTabItem(screen->title(), nullptr,
                                    to_people && is_people ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None)) {
                ImGui::BeginChild("ScreenContent", ImVec2(0, -status_height), ImGuiChildFlags_None,
                                  ImGuiWindowFlags_NoBackground);
                screen->draw(app_);
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    ImGui::Separator();
    draw_status_bar(app_);
    draw_dialogs(app_, *state_);
    state_->csv_import.draw(app_);
    state_->restore.draw(app_);
    if (app_.take_invitations_request()) state_->invite.open_for_missing_details();
    state_->invite.draw(app_);
    state_->replies.draw(app_);
    draw_kiosk_settings(app_, *state_);
    ImGui::End();
}

}  // namespace flipside::ui
