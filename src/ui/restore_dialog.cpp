#include "ui/restore_dialog.h"

#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/app.h"
#include "core/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

constexpr const char* kTitle = "Restore an earlier version";

std::string summary(const Document& document) {
    const Program* program = document.current_program();
    return (program ? program->name + ": " : std::string()) + plural(document.participants.size(), "person", "people") +
           ", " + plural(document.pairs.size(), "pair", "pairs") + ", " +
           plural(document.sessions.size(), "session", "sessions");
}

}  // namespace

struct RestoreDialog::State {
    bool open_requested = false;
    std::vector<app::RestorePoint> points;
    int picked = -1;
    std::optional<Document> version;  // the picked one, read
    std::string about;                // what it holds, or why it cannot be restored
};

RestoreDialog::RestoreDialog() : state_(std::make_unique<State>()) {}
RestoreDialog::~RestoreDialog() = default;

void RestoreDialog::open(app::App& app) {
    *state_ = State{};
    state_->points = app.restore_points();
    state_->open_requested = true;
}

void RestoreDialog::draw(app::App& app) {
    State& s = *state_;
    if (s.open_requested) {
        ImGui::OpenPopup(kTitle);
        s.open_requested = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
        return;
    const float width = ImGui::GetFontSize() * 34;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextWrapped("This browser keeps the last ten saves and the last save of each of the past seven days. "
                       "Restoring replaces the data on screen; Edit > Undo brings it back.");
    ImGui::Spacing();
    if (s.points.empty()) {
        readable_text("no-versions", theme::muted(),
                      "No earlier version is kept yet: versions are kept from the next save on.");
    } else if (ImGui::BeginListBox("##versions", ImVec2(width, ImGui::GetTextLineHeightWithSpacing() * 9))) {
        for (int i = 0; i < static_cast<int>(s.points.size()); ++i) {
            const std::string label = format_readable_utc(s.points[static_cast<std::size_t>(i)].saved_at);
            if (ImGui::Selectable((label + "##version" + std::to_string(i)).c_str(), s.picked == i)) {
                s.picked = i;
                Result<Document> read = app.read_restore_point(s.points[static_cast<std::size_t>(i)]);
                if (read) {
                    s.about = summary(*read);
                    s.version = std::move(*read);
                } else {
                    s.version.reset();
                    s.about = "This version cannot be restored: " + describe(read.problems().front());
                }
            }
        }
        ImGui::EndListBox();
    }
    if (!s.about.empty()) readable_text("version-summary", s.version ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : theme::error(), s.about);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::BeginDisabled(!s.version || app.read_only());
    if (ImGui::Button("Restore this version")) {
        app.restore(s.points[static_cast<std::size_t>(s.picked)], std::move(*s.version));
        s = State{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::IsAnyItemActive())) {
        s = State{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace flipside::ui
