#include "ui/participant_editor.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/app.h"
#include "app/edit.h"
#include "core/text.h"
#include "core/validation.h"
#include "ui/availability_grid.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

const char* const kWeekdayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// "Python:4, Excel" <-> skills; a missing level means 3.
std::string skills_to_text(const std::vector<Skill>& skills) {
    std::string out;
    for (std::size_t i = 0; i < skills.size(); ++i)
        out += (i ? ", " : "") + skills[i].name + ":" + std::to_string(skills[i].proficiency);
    return out;
}

std::vector<Skill> skills_from_text(const std::string& text) {
    std::vector<Skill> skills;
    for (const std::string& item : split_list(text)) {
        Skill skill{item, 3};
        const auto colon = item.rfind(':');
        if (colon != std::string::npos) {
            std::string level = item.substr(colon + 1);
            level.erase(std::remove_if(level.begin(), level.end(), [](unsigned char c) { return std::isspace(c); }),
                        level.end());
            if (level.size() == 1 && level[0] >= '0' && level[0] <= '9') {
                skill.name = item.substr(0, colon);
                while (!skill.name.empty() && skill.name.back() == ' ') skill.name.pop_back();
                skill.proficiency = level[0] - '0';
            }
        }
        skills.push_back(skill);
    }
    return skills;
}

// A field label on its own line above a full-width input: readable and touch-friendly.
void field_label(const char* text) { ImGui::TextUnformatted(text); }

}  // namespace

void ParticipantEditor::open(const Participant& participant) {
    open_ = true;
    is_new_ = false;
    original_ = participant;
    draft_ = participant;
    load_text_fields();
}

void ParticipantEditor::open_new(Participant draft) {
    open_ = true;
    is_new_ = true;
    original_ = draft;
    draft_ = std::move(draft);
    load_text_fields();
}

void ParticipantEditor::load_text_fields() {
    hire_date_text_ = draft_.hire_date ? format_iso_date(*draft_.hire_date) : "";
    skills_text_ = skills_to_text(draft_.skills);
    confirm_delete_ = false;
}

std::vector<Problem> ParticipantEditor::problems(const app::App& app) const {
    std::vector<Problem> found = validate_participant(draft_, app.platform().time_zones);
    if (!hire_date_text_.empty() && !parse_iso_date(hire_date_text_))
        found.push_back({"/hire_date", "hire date must be YYYY-MM-DD"});
    const Document& d = app.document();
    for (const Participant& other : d.participants) {
        if (other.id == draft_.id) continue;
        if (!draft_.email.empty() && equals_ignoring_ascii_case(other.email, draft_.email))
            found.push_back({"/email", "e-mail is already used by " + other.name});
    }
    if (!draft_.manager_id.empty() && !find_participant(d, draft_.manager_id))
        found.push_back({"/manager_id", "no one in the roster has id \"" + draft_.manager_id + "\""});
    return found;
}

void ParticipantEditor::draw_availability() {
    field_label("Weekly availability (in the person's own time zone)");
    hint("Drag across the grid to mark free time; drag from a marked cell to clear it.");
    availability_grid("Availability grid", draft_.availability);
    int remove = -1;
    for (std::size_t i = 0; i < draft_.availability.size(); ++i) {
        WeeklyWindow& w = draft_.availability[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        combo("##day", &w.weekday, kWeekdayNames, 7);
        ImGui::SameLine();
        std::string start = format_clock_minutes(w.start_minute);
        std::string end = format_clock_minutes(w.end_minute);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
        if (ImGui::InputText("from", &start))
            if (const auto m = parse_clock_minutes(start, false)) w.start_minute = *m;
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
        if (ImGui::InputText("to", &end))
            if (const auto m = parse_clock_minutes(end, true)) w.end_minute = *m;
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove")) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) draft_.availability.erase(draft_.availability.begin() + remove);
    if (ImGui::Button("Add window")) {
        // Next free weekday, 09:00–11:00, so a new window never overlaps an existing one.
        int day = 0;
        while (day < 6 && std::any_of(draft_.availability.begin(), draft_.availability.end(),
                                      [&](const WeeklyWindow& w) { return w.weekday == day; }))
            ++day;
        draft_.availability.push_back(WeeklyWindow{day, 9 * 60, 11 * 60});
    }
}

void ParticipantEditor::draw(app::App& app) {
    if (!open_) return;
    ImGui::PushID("ParticipantEditor");
    ImGui::TextColored(theme::accent(), "%s", is_new_ ? "New person" : draft_.name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("id %s", draft_.id.c_str());
    ImGui::Separator();

    const std::vector<Problem> found = problems(app);
    // The fields scroll; Save and the other actions stay in view below them.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float footer = ImGui::GetFrameHeightWithSpacing() * (confirm_delete_ ? 3.5f : 1.0f) + style.ItemSpacing.y;
    ImGui::BeginChild("Fields", ImVec2(0.0f, -footer));
    draw_fields(app, found);
    ImGui::EndChild();
    ImGui::Separator();
    draw_actions(app, found);
    ImGui::PopID();
}

void ParticipantEditor::draw_fields(app::App& app, const std::vector<Problem>& found) {
    const float half = ImGui::GetContentRegionAvail().x * 0.5f - ImGui::GetStyle().ItemSpacing.x;

    field_label("Name");
    text_field("##Name", draft_.name);
    show_problems(found, "/name");
    field_label("E-mail");
    text_field("##E-mail", draft_.email);
    show_problems(found, "/email");

    int role = draft_.role == Role::Mentor ? 0 : 1;
    const char* roles[] = {"Mentor (junior, teaches)", "Mentee (senior, learns)"};
    field_label("Role");
    ImGui::SetNextItemWidth(-1);
    if (combo("##Role", &role, roles, 2)) draft_.role = role == 0 ? Role::Mentor : Role::Mentee;

    ImGui::BeginGroup();
    field_label("Department");
    text_field("##Department", draft_.department, half);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    field_label("Job title");
    text_field("##Job title", draft_.job_title, half);
    ImGui::EndGroup();

    ImGui::BeginGroup();
    field_label("Level (1 junior – 12 executive)");
    ImGui::SetNextItemWidth(half);
    ImGui::SliderInt("##Level", &draft_.level, kMinLevel, kMaxLevel);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    field_label("Hire date");
    date_field("##Hire date", hire_date_text_, civil_from_days(floor_days(app.platform().clock.now_utc())));
    if (hire_date_text_.empty())
        draft_.hire_date.reset();
    else if (const auto date = parse_iso_date(hire_date_text_))
        draft_.hire_date = date;
    ImGui::EndGroup();
    show_problems(found, "/hire_date");
    show_problems(found, "/level");

    field_label("Manager (id)");
    text_field("##Manager", draft_.manager_id, half);
    if (!draft_.manager_id.empty()) {
        ImGui::SameLine();
        if (const Participant* manager = find_participant(app.document(), draft_.manager_id))
            ImGui::TextDisabled("%s", manager->name.c_str());
    }
    show_problems(found, "/manager_id");

    field_label("Skills offered (name:level 1–5, separated by commas)");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##Skills", &skills_text_)) draft_.skills = skills_from_text(skills_text_);
    show_problems(found, "/skills");
    field_label("Learning goals");
    list_field("##Learning goals", draft_.learning_goals);
    field_label("Interests");
    list_field("##Interests", draft_.interests);
    field_label("Languages");
    list_field("##Languages", draft_.languages);

    ImGui::BeginGroup();
    field_label("Time zone (IANA, e.g. Europe/Paris)");
    text_field("##Time zone", draft_.time_zone, half);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    field_label("Capacity (mentees)");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputInt("##Capacity", &draft_.capacity);
    ImGui::EndGroup();
    show_problems(found, "/time_zone");
    show_problems(found, "/capacity");
    ImGui::Checkbox("Active and willing to take part", &draft_.active);

    draw_availability();
    show_problems(found, "/availability");
    multiline_field("Background", draft_.background, 3.0f);
}

void ParticipantEditor::draw_actions(app::App& app, const std::vector<Problem>& found) {
    const bool changed = is_new_ || draft_ != original_;
    ImGui::BeginDisabled(!found.empty() || !changed);
    if (ImGui::Button("Save changes")) {
        if (is_new_)
            app.apply(app::add_participant(draft_));
        else
            app.apply(app::update_participant(original_, draft_));
        open(draft_);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!changed);
    if (ImGui::Button("Revert")) {
        draft_ = original_;
        load_text_fields();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (is_new_) {
        if (ImGui::Button("Discard")) close();
    } else if (ImGui::Button("Delete")) {
        confirm_delete_ = true;
    }
    if (!found.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(theme::error(), "%zu problem%s to fix before saving", found.size(), found.size() == 1 ? "" : "s");
    }

    if (confirm_delete_) {
        std::size_t pairs = 0;
        for (const Pair& pair : app.document().pairs)
            pairs += pair.mentor_id == draft_.id || pair.mentee_id == draft_.id;
        ImGui::PushStyleColor(ImGuiCol_Text, theme::error());
        if (pairs)
            ImGui::TextWrapped("Delete %s? Their %zu pair%s, with the pairs' sessions and feedback, are deleted too.",
                               original_.name.c_str(), pairs, pairs == 1 ? "" : "s");
        else
            ImGui::TextWrapped("Delete %s?", original_.name.c_str());
        ImGui::PopStyleColor();
        if (ImGui::Button("Delete person")) {
            app.apply(app::remove_participants(app.document(), {original_.id}));
            close();
        }
        ImGui::SameLine();
        if (ImGui::Button("Keep")) confirm_delete_ = false;
    }
}

}  // namespace flipside::ui
