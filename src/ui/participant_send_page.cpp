// Send to the coordinator: exactly what the reply carries, in words, then the reply as a file
// and as a text block for an e-mail body.
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/participants/change_words.h"
#include "ui/participant_screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui::participant {

void draw_send(app::ParticipantWorkspace& workspace, Drafts& drafts) {
    const auto& inv = workspace.invitation();
    ImGui::TextColored(theme::accent(), "Send to the coordinator");
    const auto& changes = workspace.changes();
    if (changes.empty() && !drafts.reply) {
        ImGui::TextWrapped("You have not changed anything yet. Complete your profile, mark your availability or rate a "
                           "session, then come back here.");
        return;
    }
    if (!changes.empty()) {
        ImGui::TextWrapped("Your reply holds exactly this, and nothing else (not your private notes). Each line says what "
                           "it replaces, so your coordinator sees what changed.");
        if (ImGui::BeginTable("ReplyChanges", 4,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch, 2.2f);
            ImGui::TableSetupColumn("Was", ImGuiTableColumnFlags_WidthStretch, 1.4f);
            ImGui::TableSetupColumn("Now", ImGuiTableColumnFlags_WidthStretch, 1.4f);
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableHeadersRow();
            for (const auto& change : changes) {
                const participants::ChangeWords words =
                    participants::describe_change(inv, change, workspace.me().time_zone, workspace.platform().time_zones);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", words.what.c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", words.before.c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", words.after.c_str());
                ImGui::TableNextColumn();
                if (workspace.is_unsent(change)) ImGui::TextColored(theme::accent(), "new");
                else ImGui::TextDisabled("sent before");
            }
            ImGui::EndTable();
        }
    }
    const bool can_send = workspace.has_unsent_changes() && workspace.expiry_problem().empty();
    ImGui::BeginDisabled(!can_send);
    if (big_button("Make my reply")) {
        Result<app::MadeReply> made = workspace.send_reply();
        if (made) {
            drafts.reply = std::move(*made);
            drafts.revision = workspace.revision();
            drafts.problem.clear();
        } else {
            drafts.problem = made.message();
        }
    }
    ImGui::EndDisabled();
    if (!workspace.has_unsent_changes() && !changes.empty()) {
        ImGui::SameLine();
        hint("Everything here was sent already.");
    }
    if (!drafts.problem.empty()) readable_text("SendProblem", theme::error(), drafts.problem);

    if (drafts.reply) {
        ImGui::SeparatorText("Your reply");
        ImGui::TextWrapped("It was saved as %s in your downloads. Attach it to an e-mail to your coordinator. Where "
                           "attaching is awkward, copy this text into the body of the e-mail instead:",
                           drafts.reply->file_name.c_str());
        if (big_button("Copy the text")) {
            workspace.platform().clipboard.set_text(drafts.reply->text_block);
            workspace.post(app::MessageKind::Info, "Copied: paste it into an e-mail to your coordinator.");
        }
        ImGui::SameLine();
        if (big_button("Save the file again"))
            workspace.platform().files.download(drafts.reply->file_name, "application/json", drafts.reply->json);
        std::string block = drafts.reply->text_block;  // read-only view of the block
        ImGui::InputTextMultiline("##Reply text block", &block,
                                  ImVec2(-1, ImGui::GetTextLineHeight() * 9), ImGuiInputTextFlags_ReadOnly);
    }
    if (!workspace.replies().empty()) {
        ImGui::SeparatorText("Replies made on this device");
        for (auto it = workspace.replies().rbegin(); it != workspace.replies().rend(); ++it)
            ImGui::BulletText("Reply %lld, %s: %s (%s)", it->sequence, format_readable_utc(it->written_at).c_str(),
                              it->file_name.c_str(), plural(it->changes, "change", "changes").c_str());
    }
}

}  // namespace flipside::ui::participant
