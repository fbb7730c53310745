#include "ui/invite_dialog.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/app.h"
#include "app/invitations.h"
#include "core/civil_time.h"
#include "core/display_names.h"
#include "core/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

constexpr const char* kTitle = "Invite participants";
constexpr app::InviteWho kChoices[] = {app::InviteWho::Selected, app::InviteWho::EveryoneActive,
                                       app::InviteWho::MissingDetails};

}  // namespace

struct InviteDialog::State {
    bool open_requested = false;
    int who = 0;  // index into kChoices
    // Whom each choice means, derived once per document revision and People selection.
    std::array<std::vector<std::string>, 3> people;
    std::uint64_t people_revision = ~0ull;
    std::vector<std::string> people_selection;
    std::string selection_label;  // "Zoë Åkesson (P0001)" or "3 people"
    std::optional<app::IssuedInvitations> issued;
    std::uint64_t issued_revision = 0;  // the document's revision when they were checked last
    std::string withdrawn;              // said when Undo took the listed invitations back
    std::string valid_until;
    DialogEscape escape;
};

InviteDialog::InviteDialog() : state_(std::make_unique<State>()) {}
InviteDialog::~InviteDialog() = default;

void InviteDialog::open() {
    state_->open_requested = true;
    state_->issued.reset();
    state_->people_revision = ~0ull;
}

void InviteDialog::open_for_missing_details() {
    open();
    state_->who = 2;
}

namespace {

void derive_people(app::App& app, InviteDialog::State& s) {
    if (s.people_revision == app.revision() && s.people_selection == app.people_selection()) return;
    const Document& d = app.document();
    s.people_selection = app.people_selection();
    for (std::size_t i = 0; i < s.people.size(); ++i) s.people[i] = app::people_to_invite(d, kChoices[i], s.people_selection);
    const std::vector<std::string>& selected = s.people[0];
    // A few people by name, more by number.
    s.selection_label.clear();
    if (selected.size() <= 3) {
        for (std::size_t i = 0; i < selected.size(); ++i)
            s.selection_label += (i == 0 ? "" : i + 1 == selected.size() ? " and " : ", ") + person_name(d, selected[i]) +
                                 " (" + selected[i] + ")";
    } else {
        s.selection_label = plural(selected.size(), "person", "people");
    }
    s.people_revision = app.revision();
    // Nobody selected in People: start from everyone active, the usual first wave.
    if (s.who == 0 && selected.empty()) s.who = 1;
}

// Edit > Undo (Ctrl+Z works while the dialog is open) can take the listed invitations back:
// their links would then be refused, so they leave the list. Checked once per revision.
void forget_withdrawn(app::App& app, InviteDialog::State& s) {
    if (!s.issued || s.issued_revision == app.revision()) return;
    s.issued_revision = app.revision();
    const Program* program = app.document().current_program();
    const std::string& first = s.issued->handouts.front().invitation_id;
    const bool recorded = program != nullptr &&
                          std::any_of(program->invitations.issued.begin(), program->invitations.issued.end(),
                                      [&](const IssuedInvitation& i) { return i.id == first; });
    if (recorded) return;
    s.issued.reset();
    s.withdrawn = "The invitations listed were withdrawn (Edit > Undo): their links are no longer accepted.";
}

void draw_issued(app::App& app, InviteDialog::State& s, float width) {
    const app::IssuedInvitations& issued = *s.issued;
    ImGui::SeparatorText("Invitations issued");
    readable_text("issued-summary", theme::success(),
                  plural(issued.handouts.size(), "invitation", "invitations") + " issued, valid until " + s.valid_until +
                      ". Send each person their link or file; their replies come back by e-mail.");
    if (ImGui::Button("Download invitations.csv")) app.deliver("invitations.csv", "text/csv", issued.csv, "for a mail merge");
    ImGui::SameLine();
    hint("id, name, e-mail, link, subject and body of each, for a mail merge");
    const float row_height = ImGui::GetFrameHeightWithSpacing();
    const float rows_shown = static_cast<float>(std::min<std::size_t>(issued.handouts.size(), 8));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("Invitations", 3, flags, ImVec2(width, row_height * (rows_shown + 1.3f)))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Person", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 13);
    ImGui::TableSetupColumn("Link", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Send", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(issued.handouts.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const io::InvitationHandout& h = issued.handouts[static_cast<std::size_t>(row)];
            ImGui::PushID(row);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted((h.participant_name + " (" + h.participant_id + ")").c_str());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("%s", h.link.c_str());  // the cell clips it: the start tells where it points
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%zu characters; Copy link takes all of it", h.link.size());
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("Copy link")) app.copy_text(h.link, "the invitation link for " + h.participant_name);
            ImGui::SameLine();
            ImGui::BeginDisabled(h.email.empty());
            if (ImGui::SmallButton("E-mail draft")) app.open_address(h.mailto);
            ImGui::EndDisabled();
            if (h.email.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
                ImGui::SetTooltip("No e-mail address on file: copy the link or send the file instead.");
            ImGui::SameLine();
            if (ImGui::SmallButton("Download file"))
                app.deliver(h.file_name, "application/json", h.file_text, "the invitation of " + h.participant_name);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace

void InviteDialog::draw(app::App& app) {
    State& s = *state_;
    if (s.open_requested) {
        ImGui::OpenPopup(kTitle);
        s.open_requested = false;
    }
    if (!ImGui::IsPopupOpen(kTitle)) return;
    derive_people(app, s);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
        return;
    const float width = std::min(ImGui::GetFontSize() * 46, viewport->WorkSize.x * 0.9f);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    const Program* program = app.document().current_program();
    ImGui::TextWrapped("Each person gets a personal link to open Flipside with their own profile, partner and sessions "
                       "of %s, and to send their changes back to you. The link and the file carry only that person's "
                       "own world; nothing passes through a server.",
                       program ? program->name.c_str() : "the program");
    ImGui::SeparatorText("Who");
    const std::string labels[] = {
        "Selected in People: " + (s.people[0].empty() ? std::string("nobody") : s.selection_label) + "###who-selected",
        "Everyone active (" + std::to_string(s.people[1].size()) + ")###who-everyone",
        "People still missing availability or profile details (" + std::to_string(s.people[2].size()) + ")###who-missing"};
    for (int i = 0; i < 3; ++i) {
        if (i == 0 && s.people[0].empty()) ImGui::BeginDisabled();
        ImGui::RadioButton(labels[i].c_str(), &s.who, i);
        if (i == 0 && s.people[0].empty()) {
            ImGui::EndDisabled();
            ImGui::SameLine();
            hint("(select people in People first)");
        }
    }
    const std::vector<std::string>& chosen = s.people[static_cast<std::size_t>(s.who)];
    ImGui::Spacing();
    ImGui::BeginDisabled(chosen.empty() || program == nullptr || app.read_only());
    const std::string issue = "Issue " + plural(chosen.size(), "invitation", "invitations") + "###Issue invitations";
    if (ImGui::Button(issue.c_str())) {
        Result<app::IssuedInvitations> issued = app.invite(chosen);
        if (issued) {
            s.issued = std::move(*issued);
            s.issued_revision = app.revision();
            s.withdrawn.clear();
            const UtcSeconds now = app.platform().clock.now_utc();
            s.valid_until = format_iso_date(civil_from_days(floor_days(now) + participants::kInvitationDays));
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    hint("recorded in the program; Edit > Undo withdraws them");
    if (!app.messages().empty() && app.messages().back().kind == app::MessageKind::Error &&
        app.messages().back().text.rfind("No invitation was issued", 0) == 0)
        readable_text("invite-refused", theme::error(), app.messages().back().text);
    forget_withdrawn(app, s);
    if (!s.withdrawn.empty()) readable_text("invitations-withdrawn", theme::muted(), s.withdrawn);
    if (s.issued) draw_issued(app, s, width);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button("Close") || s.escape.pressed()) {
        s.issued.reset();
        s.withdrawn.clear();
        ImGui::CloseCurrentPopup();
    }
    s.escape.remember();
    ImGui::EndPopup();
}

}  // namespace flipside::ui
