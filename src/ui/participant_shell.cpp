// Index
// [SECTION] Navigation
// [SECTION] Header and messages
// [SECTION] Frame
#include "ui/participant_shell.h"

#include <string>

#include <imgui.h>

#include "app/participant_workspace.h"
#include "ui/participant_screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

struct ParticipantShell::State {
    participant::Page page = participant::Page::Welcome;
    participant::Drafts drafts;
};

ParticipantShell::ParticipantShell(app::ParticipantWorkspace& workspace)
    : workspace_(workspace), state_(std::make_unique<State>()) {}
ParticipantShell::~ParticipantShell() = default;

void ParticipantShell::open_page(participant::Page page) { state_->page = page; }

namespace {

using participant::Page;

//-----------------------------------------------------------------------------
// [SECTION] Navigation
//-----------------------------------------------------------------------------

struct PageEntry {
    Page page;
    const char* title;
};

std::vector<PageEntry> pages_for(const app::ParticipantWorkspace& workspace) {
    std::vector<PageEntry> pages{{Page::Welcome, "Welcome"},
                                 {Page::Profile, "My profile"},
                                 {Page::Availability, "My availability"}};
    // A ranking is asked only in waves that pair by mutual preference (the invitation then has a shortlist).
    if (!workspace.invitation().asks.shortlist.empty()) pages.push_back({Page::Preferences, "My preferences"});
    pages.push_back({Page::Sessions, "My partner and sessions"});
    pages.push_back({Page::Feedback, "Feedback"});
    pages.push_back({Page::Send, "Send to the coordinator"});
    return pages;
}

std::string nav_label(const app::ParticipantWorkspace& workspace, const PageEntry& entry) {
    if (entry.page != Page::Send) return entry.title;
    std::size_t unsent = 0;
    for (const auto& change : workspace.changes()) unsent += workspace.is_unsent(change) ? 1 : 0;
    return unsent == 0 ? std::string(entry.title)
                       : std::string(entry.title) + " (" + std::to_string(unsent) + " new)###" + entry.title;
}

// A column of large buttons; on a narrow screen (a phone) a wrapping row above the page.
void draw_navigation(const app::ParticipantWorkspace& workspace, Page& page, bool narrow) {
    for (const PageEntry& entry : pages_for(workspace)) {
        const std::string label = nav_label(workspace, entry);
        const bool current = entry.page == page;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        const float width = narrow ? 0.0f : -1.0f;
        if (narrow) same_line_if_room(ImGui::CalcTextSize(label.c_str(), nullptr, true).x +
                                      ImGui::GetStyle().FramePadding.x * 2);
        if (participant::big_button(label.c_str(), width)) page = entry.page;
        if (current) ImGui::PopStyleColor();
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Header and messages
//-----------------------------------------------------------------------------

void draw_header(app::ParticipantWorkspace& workspace) {
    const auto& inv = workspace.invitation();
    ImGui::TextColored(theme::accent(), "%s", inv.program.name.c_str());
    // On a phone each part takes its own line rather than running off the edge.
    const std::string name = "| " + workspace.me().name;
    same_line_if_room(ImGui::CalcTextSize(name.c_str()).x);
    ImGui::TextDisabled("%s", name.c_str());
    if (!workspace.save_problem().empty()) {
        readable_text("SaveProblem", theme::error(), "⚠ " + workspace.save_problem());
    } else {
        const char* saved = workspace.has_unsent_changes() ? "| Saved on this device, not sent yet"
                                                           : "| Saved on this device";
        same_line_if_room(ImGui::CalcTextSize(saved).x);
        ImGui::TextDisabled("%s", saved);
    }
    if (workspace.editing_elsewhere()) {
        readable_text("Elsewhere", theme::accent(),
                      "Your invitation is open in another tab or window: changes are made there. This one shows "
                      "what was saved.");
        if (ImGui::SmallButton("Edit here")) workspace.request_editing_here();
    }
    if (const std::string expired = workspace.expiry_problem(); !expired.empty())
        readable_text("Expired", theme::error(), "This invitation " + expired.substr(expired.find("expired")) + ".");
}

void draw_messages(app::ParticipantWorkspace& workspace) {
    const auto& messages = workspace.messages();
    const std::size_t first = messages.size() > 2 ? messages.size() - 2 : 0;
    for (std::size_t i = messages.size(); i-- > first;) {
        const app::UserMessage& m = messages[i];
        ImGui::PushID(static_cast<int>(i));
        const bool error = m.kind == app::MessageKind::Error;
        readable_text("Message", error ? theme::error() : theme::success(), (error ? "⚠ " : "✓ ") + m.text);
        for (const std::string& detail : m.details) ImGui::BulletText("%s", detail.c_str());
        if (ImGui::SmallButton("Dismiss")) workspace.dismiss_message(i);
        ImGui::PopID();
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Frame
//-----------------------------------------------------------------------------

void ParticipantShell::draw_frame() {
    State& s = *state_;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(14, 10));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(12, 12));
    ImGui::PushFont(theme::large_font());
    ImGui::Begin("Participant", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (!workspace_.has_invitation()) {
        draw_messages(workspace_);
        participant::draw_open_invitation(workspace_, s.drafts);
    } else {
        participant::refresh_drafts(workspace_, s.drafts);
        draw_header(workspace_);
        draw_messages(workspace_);
        ImGui::Separator();
        const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 36;
        if (narrow) {
            draw_navigation(workspace_, s.page, true);
            ImGui::Separator();
        } else {
            ImGui::BeginChild("Navigation", ImVec2(ImGui::GetFontSize() * 13, 0));
            draw_navigation(workspace_, s.page, false);
            ImGui::EndChild();
            ImGui::SameLine();
        }
        ImGui::BeginChild("Page", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
        switch (s.page) {
            case Page::Welcome: participant::draw_welcome(workspace_, s.drafts, s.page); break;
            case Page::Profile: participant::draw_profile(workspace_, s.drafts); break;
            case Page::Availability: participant::draw_availability(workspace_, s.drafts); break;
            case Page::Preferences: participant::draw_preferences(workspace_, s.drafts); break;
            case Page::Sessions: participant::draw_sessions(workspace_, s.drafts); break;
            case Page::Feedback: participant::draw_feedback(workspace_, s.drafts); break;
            case Page::Send: participant::draw_send(workspace_, s.drafts); break;
        }
        ImGui::EndChild();
    }
    ImGui::End();
    ImGui::PopFont();
    ImGui::PopStyleVar(2);
}

}  // namespace flipside::ui
