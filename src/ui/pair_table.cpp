#include "ui/pair_table.h"

#include <unordered_map>

#include <imgui.h>

#include "ui/widgets.h"

namespace flipside::ui {

void draw_pair_table(const char* id, const Document& d, const std::string& program_id) {
    struct Counts {
        int held = 0, planned = 0;
    };
    std::unordered_map<std::string, Counts> counts;
    for (const Session& s : d.sessions) {
        Counts& c = counts[s.pair_id];
        c.held += s.status == SessionStatus::Held;
        c.planned += s.status == SessionStatus::Planned;
    }
    std::unordered_map<std::string, std::string> program_names;
    for (const Program& p : d.programs) program_names[p.id] = p.name;

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable(id, 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Mentor");
    ImGui::TableSetupColumn("Mentee");
    ImGui::TableSetupColumn("Wave");
    ImGui::TableSetupColumn("State");
    ImGui::TableSetupColumn("Held");
    ImGui::TableSetupColumn("Planned");
    ImGui::TableHeadersRow();
    for (const Pair& pair : d.pairs) {
        if (!program_id.empty() && pair.program_id != program_id) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(participant_label(d, pair.mentor_id).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(participant_label(d, pair.mentee_id).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(program_names[pair.program_id].c_str());
        ImGui::TableNextColumn();
        if (pair.end_reason.empty())
            ImGui::TextUnformatted(pair_state_name(pair.state));
        else
            ImGui::Text("%s (%s)", pair_state_name(pair.state), pair.end_reason.c_str());
        const Counts& c = counts[pair.id];
        ImGui::TableNextColumn();
        ImGui::Text("%d", c.held);
        ImGui::TableNextColumn();
        ImGui::Text("%d", c.planned);
    }
    ImGui::EndTable();
}

}  // namespace flipside::ui
