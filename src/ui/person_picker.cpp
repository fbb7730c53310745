#include "ui/person_picker.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/text.h"
#include "ui/widgets.h"

namespace flipside::ui {

bool PersonPicker::draw(const char* label, const std::vector<PickablePerson>& people, std::string& picked_id,
                        float width) {
    std::string preview = "choose…";
    for (const PickablePerson& person : people)
        if (person.id == picked_id) preview = person.name;
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    if (!begin_combo(("##" + std::string(label)).c_str(), preview.c_str())) return false;
    const bool appearing = ImGui::IsWindowAppearing();
    if (appearing) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##Find", "Type part of a name", &filter_);
    if (appearing || filter_ != filtered_for_) {
        const std::string wanted = fold_ascii(trim_space(filter_));
        matches_.clear();
        for (std::size_t k = 0; k < people.size(); ++k)
            if (wanted.empty() || fold_ascii(people[k].name).find(wanted) != std::string::npos) matches_.push_back(k);
        filtered_for_ = filter_;
    }
    if (matches_.empty()) hint("Nobody by that name.");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(matches_.size()));
    while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const PickablePerson& person = people[matches_[static_cast<std::size_t>(row)]];
            const std::string item = person.name + "##" + label + "-" + person.id;
            if (ImGui::Selectable(item.c_str(), person.id == picked_id)) {
                changed = person.id != picked_id;
                picked_id = person.id;
            }
        }
    ImGui::EndCombo();
    return changed;
}

}  // namespace flipside::ui
