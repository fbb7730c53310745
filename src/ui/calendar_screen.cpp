// The Calendar screen: every session in time order with its pair and status. (Month and week
// views and the scheduler join it.)
#include <algorithm>
#include <vector>

#include <imgui.h>

#include "app/app.h"
#include "ui/screen.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

class CalendarScreen final : public Screen {
public:
    const char* title() const override { return "Calendar"; }
    void draw(app::App& app) override {
        const Document& d = app.document();
        if (d.sessions.empty()) {
            hint("No sessions yet.");
            return;
        }
        std::vector<const Session*> ordered;
        for (const Session& s : d.sessions) ordered.push_back(&s);
        std::stable_sort(ordered.begin(), ordered.end(), [](const Session* a, const Session* b) { return a->start < b->start; });
        if (!ImGui::BeginTable("SessionList", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersOuter))
            return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Start (UTC)");
        ImGui::TableSetupColumn("Minutes");
        ImGui::TableSetupColumn("Pair");
        ImGui::TableSetupColumn("Status");
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(ordered.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Session& s = *ordered[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_utc_timestamp(s.start).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%d", s.minutes);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.pair_id.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(session_status_name(s.status));
            }
        }
        ImGui::EndTable();
    }
};

}  // namespace

std::unique_ptr<Screen> make_calendar_screen() { return std::make_unique<CalendarScreen>(); }

}  // namespace flipside::ui
