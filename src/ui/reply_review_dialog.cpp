#include "ui/reply_review_dialog.h"

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/app.h"
#include "core/civil_time.h"
#include "core/participants/change_words.h"
#include "core/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

constexpr const char* kTitle = "Merge replies";
constexpr const char* kDiscardTitle = "Discard the replies?";
constexpr std::size_t kValueShown = 160;  // characters of a value in the list; the tooltip has more

// A value's words cut to what the list shows.
std::string shortened(std::string text, std::size_t limit = kValueShown) {
    if (text.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 letter
        text = text.substr(0, cut) + "…";
    }
    return text;
}

const char* outcome_name(participants::ReplyOutcome outcome) {
    switch (outcome) {
        case participants::ReplyOutcome::Applied: return "to apply";
        case participants::ReplyOutcome::Skipped: return "skipped";
        case participants::ReplyOutcome::Refused: return "refused";
    }
    return "";
}

ImVec4 outcome_colour(participants::ReplyOutcome outcome) {
    if (outcome == participants::ReplyOutcome::Refused) return theme::error();
    if (outcome == participants::ReplyOutcome::Skipped) return theme::muted();
    return theme::success();
}

// One line of the list, derived when the review is.
struct ReplyRow {
    std::string who;      // "Zoë Åkesson (P0001)"
    std::string when;     // the time written, as the coordinator reads times
    std::string summary;  // "3 changes, 1 conflict" or the reason
    std::size_t conflicts = 0;
};

}  // namespace

struct ReplyReviewDialog::State {
    bool open_requested = false;
    int picked = -1;
    std::string pasted;
    std::vector<ReplyRow> rows;
    std::uint64_t rows_revision = ~0ull, rows_generation = ~0ull;
    std::uint64_t seen_generation = 0;  // the batch as last seen, to open when replies arrive
    DialogEscape escape;
    DialogEscape discard_escape;
};

ReplyReviewDialog::ReplyReviewDialog() : state_(std::make_unique<State>()) {}
ReplyReviewDialog::~ReplyReviewDialog() = default;

void ReplyReviewDialog::open() { state_->open_requested = true; }

namespace {

void derive_rows(app::App& app, ReplyReviewDialog::State& s, const participants::MergePlan& plan) {
    if (s.rows_revision == app.revision() && s.rows_generation == app.reply_batch().generation()) return;
    s.rows.clear();
    s.rows.reserve(plan.replies.size());
    for (const participants::ReplyReview& review : plan.replies) {
        ReplyRow row;
        row.who = (review.participant_name.empty() ? "unknown person" : review.participant_name) +
                  (review.participant_id.empty() ? "" : " (" + review.participant_id + ")");
        row.when = review.written_at > 0 ? format_readable_utc(review.written_at) : "";
        for (const participants::ChangeReview& change : review.changes) row.conflicts += change.conflict && !change.superseded;
        if (review.outcome == participants::ReplyOutcome::Applied)
            row.summary = plural(review.changes.size(), "change", "changes") +
                          (row.conflicts ? ", " + plural(row.conflicts, "conflict", "conflicts") : "");
        else
            row.summary = review.reason;
        s.rows.push_back(std::move(row));
    }
    s.rows_revision = app.revision();
    s.rows_generation = app.reply_batch().generation();
    if (s.picked >= static_cast<int>(s.rows.size())) s.picked = -1;
    if (s.picked < 0 && !s.rows.empty()) {
        // Start where the coordinator has something to decide: the first conflict, else the first reply.
        const auto conflict = std::find_if(s.rows.begin(), s.rows.end(), [](const ReplyRow& r) { return r.conflicts > 0; });
        s.picked = conflict != s.rows.end() ? static_cast<int>(conflict - s.rows.begin()) : 0;
    }
}

void draw_intake(app::App& app, ReplyReviewDialog::State& s) {
    if (ImGui::Button("Pick reply files…")) app.platform().files.request_uploads(".json,.txt,application/json,text/plain");
    ImGui::SameLine();
    hint("or drop them anywhere on the page");
    ImGui::InputTextMultiline("##pasted", &s.pasted, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3.2f));
    if (s.pasted.empty() && !ImGui::IsItemActive()) {
        const ImVec2 at = ImGui::GetItemRectMin();
        const ImVec2 padding = ImGui::GetStyle().FramePadding;
        ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + padding.x, at.y + padding.y),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                            "Paste reply blocks from e-mails here (-----BEGIN FLIPSIDE REPLY----- …)");
    }
    ImGui::BeginDisabled(s.pasted.empty());
    if (ImGui::Button("Add pasted text")) {
        app.receive_replies(app.reply_batch().next_paste_name(), s.pasted);
        s.pasted.clear();
    }
    ImGui::EndDisabled();
}

void draw_list(ReplyReviewDialog::State& s, const participants::MergePlan& plan, float height) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("Replies", 4, flags, ImVec2(-1.0f, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const float padding = ImGui::GetStyle().CellPadding.x * 2 + ImGui::GetFontSize();
    ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Written", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("Wed 22 Dec 2026, 23:59 UTC").x + padding);
    ImGui::TableSetupColumn("Outcome", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("to apply").x + padding);
    ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const ReplyRow& row = s.rows[static_cast<std::size_t>(i)];
            const participants::ReplyReview& review = plan.replies[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            if (ImGui::Selectable(row.who.c_str(), s.picked == i, ImGuiSelectableFlags_SpanAllColumns)) s.picked = i;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", review.source.c_str());
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.when.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(outcome_colour(review.outcome), "%s", outcome_name(review.outcome));
            ImGui::TableNextColumn();
            // Read by people and by the browser tests alike: why a reply is refused or skipped. One
            // line a row (the cell clips it, the tooltip has it whole), so the clipper's rows stay even.
            ImGui::PushTextWrapPos(FLT_MAX);
            readable_text(("reply-" + std::to_string(i)).c_str(),
                          review.outcome == participants::ReplyOutcome::Refused ? theme::error()
                                                                                : ImGui::GetStyleColorVec4(ImGuiCol_Text),
                          row.summary);
            ImGui::PopTextWrapPos();
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.summary.c_str());
        }
    }
    ImGui::EndTable();
}

void draw_picked(app::App& app, ReplyReviewDialog::State& s, const participants::MergePlan& plan) {
    if (s.picked < 0 || s.picked >= static_cast<int>(plan.replies.size())) return;
    const std::size_t index = static_cast<std::size_t>(s.picked);
    const participants::ReplyReview& review = plan.replies[index];
    const ReplyRow& row = s.rows[index];
    ImGui::SeparatorText((row.who + ", from " + review.source + "###picked").c_str());
    if (review.outcome != participants::ReplyOutcome::Applied) {
        readable_text("picked-reason", outcome_colour(review.outcome),
                      std::string(review.outcome == participants::ReplyOutcome::Refused ? "Refused: " : "Skipped: ") +
                          review.reason + (review.outcome == participants::ReplyOutcome::Refused
                                               ? " Nothing of this reply is applied."
                                               : ""));
    }
    const Program* program = app.document().current_program();
    for (std::size_t c = 0; c < review.changes.size(); ++c) {
        const participants::ChangeReview& change = review.changes[c];
        // The change in the words the participant saw before sending it.
        const auto words = [&](const participants::FieldValue& before) {
            return participants::describe_change(app.document(), program ? program->id : std::string(),
                                                 review.participant_id, {change.field, before, change.after},
                                                 app.platform().time_zones);
        };
        const participants::ChangeWords now = words(change.current);
        ImGui::PushID(static_cast<int>(c));
        ImGui::Bullet();
        ImGui::TextUnformatted(now.what.c_str());
        ImGui::SameLine();
        if (change.superseded) {
            ImGui::TextDisabled("left as is: a newer reply of theirs set it");
        } else if (change.conflict) {
            ImGui::TextColored(theme::error(), "conflict: you changed it after the invitation");
            ImGui::Indent();
            ImGui::TextWrapped("Yours now: %s", shortened(now.before).c_str());
            ImGui::TextWrapped("Theirs: %s → %s", shortened(words(change.replaced).before).c_str(),
                               shortened(now.after).c_str());
            const bool take = app.reply_batch().takes_participant(index, change.field);
            if (ImGui::RadioButton("Keep yours", !take)) app.reply_batch().set_takes_participant(index, change.field, false);
            ImGui::SameLine();
            if (ImGui::RadioButton("Take theirs", take)) app.reply_batch().set_takes_participant(index, change.field, true);
            ImGui::Unindent();
        } else {
            ImGui::TextWrapped("%s → %s", shortened(now.before).c_str(), shortened(now.after).c_str());
        }
        ImGui::PopID();
    }
}

}  // namespace

void ReplyReviewDialog::draw(app::App& app) {
    State& s = *state_;
    app::ReplyBatch& batch = app.reply_batch();
    // Replies dropped while the dialog is closed open it, as a CSV file opens its import.
    if (batch.generation() != s.seen_generation) {
        s.seen_generation = batch.generation();
        if (!batch.empty() && !ImGui::IsPopupOpen(kTitle)) s.open_requested = true;
    }
    if (s.open_requested) {
        ImGui::OpenPopup(kTitle);
        s.open_requested = false;
    }
    if (!ImGui::IsPopupOpen(kTitle)) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.8f, viewport->WorkSize.y * 0.85f), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;

    const participants::MergePlan& plan = app.reply_review();
    derive_rows(app, s, plan);
    ImGui::TextWrapped("Each reply is checked before anything changes: only the participant's own fields, signed with "
                       "their invitation, each reply all or nothing. Where you changed a field after inviting them, "
                       "yours is kept unless you take theirs.");
    draw_intake(app, s);
    for (std::size_t i = 0; i < batch.unreadable().size(); ++i)
        readable_text(("unreadable-" + std::to_string(i)).c_str(), theme::error(), batch.unreadable()[i].reason);

    // A text that held no readable reply counts as one reply refused.
    const std::string counts = plural(plan.replies.size() + batch.unreadable().size(), "reply", "replies") + ": " +
                               std::to_string(plan.applied) +
                               " to apply, " + std::to_string(plan.skipped) + " skipped, " +
                               std::to_string(plan.refused + batch.unreadable().size()) + " refused";
    ImGui::SeparatorText(counts.c_str());
    const float footer = ImGui::GetFrameHeightWithSpacing() * 1.6f;
    const float available = ImGui::GetContentRegionAvail().y - footer;
    if (s.rows.empty()) {
        hint("No reply yet: drop reply files, pick them, or paste text blocks above.");
    } else {
        draw_list(s, plan, std::max(ImGui::GetFrameHeight() * 4, available * 0.45f));
        ImGui::BeginChild("Picked reply", ImVec2(0, std::max(ImGui::GetFrameHeight() * 3, available * 0.55f - ImGui::GetStyle().ItemSpacing.y)));
        draw_picked(app, s, plan);
        ImGui::EndChild();
    }

    ImGui::Separator();
    ImGui::BeginDisabled(plan.applied == 0 || app.read_only());
    const std::string apply = "Apply " + plural(plan.applied, "reply", "replies") + "###Apply replies";
    if (ImGui::Button(apply.c_str())) {
        app.apply_replies();
        s.picked = -1;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    bool close = false;
    if (ImGui::Button("Cancel") || s.escape.pressed()) {
        if (!batch.choices().take_participant.empty()) ImGui::OpenPopup(kDiscardTitle);
        else close = true;
    }
    ImGui::SameLine();
    hint("Cancel merges nothing: the reply files can be dropped again later");
    if (discard_question(kDiscardTitle, "You chose to take participants' values in some conflicts. Close without merging?",
                         s.discard_escape))
        close = true;
    if (close) {
        batch.clear();
        s.seen_generation = batch.generation();
        s.picked = -1;
        s.pasted.clear();
        ImGui::CloseCurrentPopup();
    }
    s.escape.remember();
    ImGui::EndPopup();
}

}  // namespace flipside::ui
