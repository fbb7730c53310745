#include "ui/gap_cause_line.h"

#include <string>

#include <imgui.h>

#include "app/app.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

void gap_cause_line(app::App& app, const char* id, const app::GapCause& cause) {
    ImGui::PushID(id);
    readable_text("cause", theme::error(), "⚠ " + cause.text);
    const std::string button = cause.missing == 1 ? "Show this person in People" : "Show these " +
                                                        std::to_string(cause.missing) + " people in People";
    if (ImGui::SmallButton((button + "###show-gap").c_str())) app.show_people_with_gap(cause.gap);
    if (!app.read_only()) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Invite them to fill it in…###invite-gap")) app.request_invitations_for_missing();
    }
    ImGui::PopID();
}

}  // namespace flipside::ui
