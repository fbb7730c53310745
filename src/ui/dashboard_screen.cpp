// The Dashboard screen: the program's figures at a glance.
#include <imgui.h>

#include "app/app.h"
#include "ui/screen.h"
#include "ui/theme.h"

namespace flipside::ui {

namespace {

class DashboardScreen final : public Screen {
public:
    const char* title() const override { return "Dashboard"; }
    void draw(app::App& app) override {
        const Document& d = app.document();
        int mentors = 0, mentees = 0, held = 0, planned = 0, ratings = 0, high = 0;
        double rating_sum = 0;
        for (const Participant& p : d.participants) (p.role == Role::Mentor ? mentors : mentees) += 1;
        for (const Session& s : d.sessions) {
            held += s.status == SessionStatus::Held;
            planned += s.status == SessionStatus::Planned;
        }
        for (const Feedback& f : d.feedback) {
            ++ratings;
            rating_sum += f.rating;
            high += f.rating >= 4;
        }
        if (ImGui::BeginTable("Figures", 2, ImGuiTableFlags_SizingFixedFit)) {
            auto row = [](const char* name, const std::string& value) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(name);
                ImGui::TableNextColumn();
                ImGui::TextColored(theme::kAccent, "%s", value.c_str());
            };
            row("Mentors", std::to_string(mentors));
            row("Mentees", std::to_string(mentees));
            row("Programs (waves)", std::to_string(d.programs.size()));
            row("Pairs", std::to_string(d.pairs.size()));
            row("Sessions held", std::to_string(held));
            row("Sessions planned", std::to_string(planned));
            char average[32];
            std::snprintf(average, sizeof average, "%.2f of 5 (%d ratings)", ratings ? rating_sum / ratings : 0.0, ratings);
            row("Average rating", ratings ? average : "no ratings yet");
            row("Rated 4 or 5", ratings ? std::to_string(100 * high / ratings) + " %" : "-");
            ImGui::EndTable();
        }
    }
};

}  // namespace

std::unique_ptr<Screen> make_dashboard_screen() { return std::make_unique<DashboardScreen>(); }

}  // namespace flipside::ui
