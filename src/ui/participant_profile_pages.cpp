// The participant's own profile, availability and ranking pages. Every change is kept as it is
// made (app/participant_workspace.h checks it as the coordinator's merge will); a refused one
// stays on screen with why, so a half-typed time zone is never lost.
#include <algorithm>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/participants/change_words.h"
#include "ui/availability_grid.h"
#include "ui/participant_screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui::participant {

namespace {

// Hands the edited profile to the workspace; the drafts follow the workspace again only when it
// changes from outside, so what is typed stays while it is refused.
void keep_profile(app::ParticipantWorkspace& workspace, Drafts& drafts) {
    const Result<void> kept = workspace.set_profile(drafts.profile);
    drafts.revision = workspace.revision();
    drafts.profile_problem = kept ? std::string() : kept.message();
}

void held_by_coordinator(const Participant& me) {
    ImGui::SeparatorText("Kept by your coordinator");
    ImGui::TextWrapped("%s, %s%s%s%s%s. Ask your coordinator if any of this is wrong.", me.name.c_str(), me.email.c_str(),
                       me.department.empty() ? "" : ", ", me.department.c_str(), me.job_title.empty() ? "" : ", ",
                       me.job_title.c_str());
}

bool draw_skills(std::vector<Skill>& skills, std::string& adding) {
    static const char* const kLevels[] = {"1 basic", "2", "3 good", "4", "5 expert"};
    bool changed = false;
    int remove = -1;
    if (!skills.empty() && ImGui::BeginTable("Skills", 3, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Skill");
        ImGui::TableSetupColumn("How well", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < skills.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(skills[i].name.c_str());
            ImGui::TableNextColumn();
            int level = std::clamp(skills[i].proficiency, 1, 5) - 1;
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
            if (combo(("##How well " + skills[i].name).c_str(), &level, kLevels, 5)) {
                skills[i].proficiency = level + 1;
                changed = true;
            }
            ImGui::TableNextColumn();
            if (ImGui::SmallButton(("Remove##" + skills[i].name).c_str())) remove = static_cast<int>(i);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        skills.erase(skills.begin() + remove);
        changed = true;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    const bool entered = ImGui::InputTextWithHint("##New skill", "A skill, e.g. Power BI", &adding,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Add skill") || entered) && !trim_space(adding).empty()) {
        const std::string name = trim_space(adding);
        if (std::none_of(skills.begin(), skills.end(), [&](const Skill& k) { return k.name == name; }))
            skills.push_back(Skill{name, 3});
        adding.clear();
        changed = true;
    }
    return changed;
}

}  // namespace

void draw_profile(app::ParticipantWorkspace& workspace, Drafts& drafts) {
    Participant& p = drafts.profile;
    ImGui::TextColored(theme::accent(), "My profile");
    hint("Your coordinator pairs people from this. It is kept on this device as you type, and sent when you say so.");
    bool changed = false;
    ImGui::SeparatorText(p.role == Role::Mentor ? "Skills you can share" : "Skills you bring");
    static std::string adding;  // one profile page at a time
    changed |= draw_skills(p.skills, adding);
    ImGui::SeparatorText("What you want to learn");
    changed |= list_field("##Learning goals", p.learning_goals);
    ImGui::SeparatorText("Interests");
    changed |= list_field("##Interests", p.interests);
    ImGui::SeparatorText("Languages you can hold a session in");
    changed |= list_field("##Languages", p.languages);
    ImGui::SeparatorText("Your time zone");
    hint("A name such as Europe/London, Asia/Singapore or America/New_York: times are shown in it.");
    changed |= text_field("##Time zone", p.time_zone, ImGui::GetFontSize() * 16);
    ImGui::SeparatorText("About you");
    changed |= multiline_field("A few lines about yourself for your coordinator", p.background, 4);
    if (changed) keep_profile(workspace, drafts);
    if (!drafts.profile_problem.empty())
        readable_text("ProfileProblem", theme::error(), "Not kept yet: " + drafts.profile_problem);
    held_by_coordinator(workspace.me());
}

void draw_availability(app::ParticipantWorkspace& workspace, Drafts& drafts) {
    Participant& p = drafts.profile;
    ImGui::TextColored(theme::accent(), "My availability");
    ImGui::TextWrapped("When are you free for a session each week? Drag across the grid to mark the times, in your "
                       "own time zone (%s); drag over marked times to clear them.", p.time_zone.c_str());
    bool changed = availability_grid("My weekly availability", p.availability);
    ImGui::SeparatorText("Days away");
    hint("Holidays and leave: no session is planned on these days (dates in your own time zone).");
    int remove = -1;
    for (std::size_t i = 0; i < p.absences.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::BulletText("%s to %s", format_iso_date(p.absences[i].first).c_str(), format_iso_date(p.absences[i].last).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove")) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) {
        p.absences.erase(p.absences.begin() + remove);
        changed = true;
    }
    static std::string first, last;
    const Date today = civil_from_days(floor_days(workspace.platform().clock.now_utc()));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    date_field("From##Away", first, today);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    date_field("To##Away", last, today);
    ImGui::SameLine();
    if (ImGui::Button("Add days away")) {
        const std::optional<Date> from = parse_iso_date(first);
        const std::optional<Date> to = last.empty() ? from : parse_iso_date(last);
        if (!from || !to || days_from_civil(*to) < days_from_civil(*from)) {
            drafts.problem = "Days away need a first and a last date (YYYY-MM-DD), the last on or after the first.";
        } else {
            p.absences.push_back(Absence{*from, *to});
            first.clear();
            last.clear();
            drafts.problem.clear();
            changed = true;
        }
    }
    if (!drafts.problem.empty()) readable_text("AwayProblem", theme::error(), drafts.problem);
    if (changed) keep_profile(workspace, drafts);
    if (!drafts.profile_problem.empty())
        readable_text("AvailabilityProblem", theme::error(), "Not kept yet: " + drafts.profile_problem);
}

void draw_preferences(app::ParticipantWorkspace& workspace, Drafts& drafts) {
    const auto& shortlist = workspace.invitation().asks.shortlist;
    std::vector<std::string>& ranking = drafts.profile.preferences;
    ImGui::TextColored(theme::accent(), "My preferences");
    ImGui::TextWrapped("Who would you most like to be paired with? Put them in order, the first the one you would like "
                       "most. Your coordinator pairs people so that as many as possible get someone high on their list; "
                       "nobody else sees your ranking.");
    auto name_of = [&](const std::string& id) {
        for (const auto& c : shortlist)
            if (c.id == id) return c.name;
        return id;
    };
    bool changed = false;
    int up = -1, down = -1, remove = -1;
    ImGui::SeparatorText("Your list");
    if (ranking.empty()) hint("Nobody yet: add people from the list below.");
    for (std::size_t i = 0; i < ranking.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::Text("%zu. %s", i + 1, name_of(ranking[i]).c_str());
        ImGui::SameLine();
        if (i > 0 && ImGui::SmallButton("Up")) up = static_cast<int>(i);
        ImGui::SameLine();
        if (i + 1 < ranking.size() && ImGui::SmallButton("Down")) down = static_cast<int>(i);
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove")) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (up > 0) std::swap(ranking[up], ranking[up - 1]);
    if (down >= 0) std::swap(ranking[down], ranking[down + 1]);
    if (remove >= 0) ranking.erase(ranking.begin() + remove);
    changed = up > 0 || down >= 0 || remove >= 0;

    ImGui::SeparatorText("People you can choose from");
    for (const auto& candidate : shortlist) {
        if (std::find(ranking.begin(), ranking.end(), candidate.id) != ranking.end()) continue;
        ImGui::PushID(candidate.id.c_str());
        if (ImGui::Button(("Add " + candidate.name).c_str())) {
            ranking.push_back(candidate.id);
            changed = true;
        }
        for (const auto& [field, value] : candidate.shown) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", participants::value_in_words(value).c_str());
        }
        ImGui::PopID();
    }
    if (changed) keep_profile(workspace, drafts);
    if (!drafts.profile_problem.empty())
        readable_text("RankingProblem", theme::error(), "Not kept yet: " + drafts.profile_problem);
}

}  // namespace flipside::ui::participant
