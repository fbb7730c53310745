// The participant's first page (no invitation yet: paste the link or drop the file), the
// Welcome page, and the pieces every page shares.
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/participants/change_words.h"
#include "ui/participant_screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui::participant {

bool big_button(const char* label, float width) {
    return ImGui::Button(label, ImVec2(width, ImGui::GetFrameHeight() * 1.25f));
}

std::string when(const app::ParticipantWorkspace& workspace, UtcSeconds instant) {
    const std::string& zone = workspace.me().time_zone;
    return participants::local_date_time(instant, zone, workspace.platform().time_zones) + " (" + zone + ")";
}

void refresh_drafts(const app::ParticipantWorkspace& workspace, Drafts& drafts) {
    if (drafts.revision == workspace.revision()) return;
    const std::optional<app::MadeReply> reply = drafts.reply;
    drafts = Drafts{};
    drafts.revision = workspace.revision();
    drafts.profile = workspace.me();
    drafts.reply = reply;
}

void draw_open_invitation(app::ParticipantWorkspace& workspace, Drafts& drafts) {
    ImGui::TextColored(theme::accent(), "Flipside: your reverse-mentoring program");
    ImGui::Spacing();
    ImGui::TextWrapped("Open the personal invitation your coordinator sent you: click the link in their e-mail, "
                       "or paste it here. If you received a file ending in .flipside-invite, drop it on this page "
                       "or choose it.");
    ImGui::Spacing();
    ImGui::SetNextItemWidth(-1);
    const bool entered = ImGui::InputTextWithHint("##Invitation link", "Paste your invitation link", &drafts.link,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::BeginDisabled(drafts.link.empty());
    if (big_button("Open my invitation") || (entered && !drafts.link.empty())) {
        if (workspace.open_link_and_say(drafts.link)) drafts.link.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (big_button("Choose the invitation file…")) workspace.request_invitation_file();
    ImGui::Spacing();
    hint("What you enter stays in this browser until you send it to your coordinator. Nothing goes to a server.");
}

void draw_welcome(app::ParticipantWorkspace& workspace, Drafts&, Page& page) {
    const auto& inv = workspace.invitation();
    const Participant& me = workspace.me();
    ImGui::TextColored(theme::accent(), "Welcome, %s", me.name.c_str());
    ImGui::TextWrapped("You take part in %s as a %s, from %s to %s.", inv.program.name.c_str(),
                       me.role == Role::Mentor ? "mentor (you share what you know with a senior colleague)"
                                               : "mentee (a junior colleague shares what they know with you)",
                       format_iso_date(inv.program.start_date).c_str(), format_iso_date(inv.program.end_date).c_str());
    if (!inv.program.objectives.empty()) {
        ImGui::SeparatorText("What the program is for");
        ImGui::TextWrapped("%s", inv.program.objectives.c_str());
    }
    if (!inv.program.norms.empty()) {
        ImGui::SeparatorText("How we work together");
        ImGui::TextWrapped("%s", inv.program.norms.c_str());
    }

    ImGui::SeparatorText("What we ask of you now");
    const std::string by = format_utc_timestamp(inv.expires_at).substr(0, 10);
    bool asked = false;
    auto ask = [&](const char* text, const char* button, Page target) {
        asked = true;
        ImGui::BulletText("%s", text);
        ImGui::SameLine();
        ImGui::PushID(button);
        if (ImGui::SmallButton(button)) page = target;
        ImGui::PopID();
    };
    if (inv.asks.complete_profile && (me.skills.empty() || me.learning_goals.empty() || me.languages.empty()))
        ask("Complete your profile: skills, what you want to learn, languages.", "Open My profile", Page::Profile);
    if (me.availability.empty())
        ask("Mark when you are free each week, in your own time zone.", "Open My availability", Page::Availability);
    if (!inv.asks.shortlist.empty() && me.preferences.empty())
        ask("Rank the people you would most like to be paired with.", "Open My preferences", Page::Preferences);
    if (!asked) ImGui::BulletText("Nothing right now. Keep your sessions and rate them once they took place.");
    ImGui::TextWrapped("Then press Send to the coordinator, by %s (your invitation works until then).", by.c_str());

    ImGui::SeparatorText(inv.partners.size() > 1 ? "Your partners" : "Your partner");
    if (inv.partners.empty()) hint("You have no partner yet: your coordinator pairs people and sends you a new invitation.");
    for (const auto& partner : inv.partners)
        ImGui::BulletText("%s, %s%s%s", partner.name.c_str(),
                          partner.role == Role::Mentor ? "your mentor" : "your mentee",
                          partner.department.empty() ? "" : ", ", partner.department.c_str());
    if (!inv.partners.empty() && ImGui::SmallButton("See your sessions")) page = Page::Sessions;
    ImGui::Spacing();
    hint("What you enter stays in this browser until you send it to your coordinator. Nothing goes to a server.");
}

}  // namespace flipside::ui::participant
