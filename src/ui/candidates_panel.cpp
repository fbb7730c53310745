#include "ui/candidates_panel.h"

#include <algorithm>

#include <imgui.h>

#include "core/matching/explanations.h"
#include "core/matching/scores.h"
#include "ui/criterion_labels.h"
#include "ui/pair_words_view.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

constexpr std::size_t kCandidateColumns = 4;

int sort_value(const matching::PairCandidate& candidate, int sort_by) {
    return sort_by == 0 ? candidate.score : candidate.breakdown[static_cast<std::size_t>(sort_by - 1)];
}

}  // namespace

std::optional<matching::PairKey> CandidatesPanel::draw(app::MatchingExplanations& explanations, const Document& document,
                                                       const std::vector<PickablePerson>& people) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Candidates for");
    ImGui::SameLine();
    picker_.draw("Candidates for", people, person_id_, 240.0f);
    ImGui::SameLine();
    ImGui::TextUnformatted("sorted by");
    ImGui::SameLine();
    const char* sorts[1 + matching::kCriterionCount];
    sorts[0] = "Score";
    for (std::size_t c = 0; c < matching::kCriterionCount; ++c) sorts[1 + c] = criterion_label(static_cast<matching::Criterion>(c));
    ImGui::SetNextItemWidth(200.0f);
    combo("##Sort candidates", &sort_by_, sorts, static_cast<int>(1 + matching::kCriterionCount));
    if (person_id_.empty()) {
        hint("Pick a mentee or a mentor to see their best candidates side by side.");
        return std::nullopt;
    }
    const matching::MatchingExplainer* engine = explanations.explainer();
    if (!engine) return std::nullopt;
    const bool mentee = engine->is_mentee(person_id_);
    std::vector<matching::PairCandidate> shown = explanations.candidates(person_id_, kCandidateColumns);
    std::stable_sort(shown.begin(), shown.end(), [&](const matching::PairCandidate& a, const matching::PairCandidate& b) {
        return sort_value(a, sort_by_) > sort_value(b, sort_by_);
    });
    if (shown.empty()) {
        hint("Nobody on the other side to compare.");
        return std::nullopt;
    }
    std::optional<matching::PairKey> asked;
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingStretchSame;
    if (!ImGui::BeginTable("Candidates", static_cast<int>(1 + shown.size()), flags)) return std::nullopt;
    ImGui::TableSetupColumn("##what", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Earlier partners (penalty)").x);
    for (std::size_t k = 0; k < shown.size(); ++k) ImGui::TableSetupColumn(("##candidate" + std::to_string(k)).c_str());

    // Names, with the proposal's choice marked.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(mentee ? "Mentor" : "Mentee");
    for (const matching::PairCandidate& candidate : shown) {
        ImGui::TableNextColumn();
        const std::string name = participant_label(document, candidate.partner_id);
        readable_text(("candidate-" + candidate.partner_id).c_str(), candidate.chosen ? theme::success() : theme::accent(),
                      candidate.chosen ? name + " (proposed)" : name);
    }
    const auto row = [&](const char* what, auto cell) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(what);
        for (const matching::PairCandidate& candidate : shown) {
            ImGui::TableNextColumn();
            ImGui::PushID(candidate.partner_id.c_str());
            cell(candidate);
            ImGui::PopID();
        }
    };
    row("Score", [&](const matching::PairCandidate& c) { ImGui::TextUnformatted(matching::format_score(c.score).c_str()); });
    for (std::size_t criterion = 0; criterion < matching::kCriterionCount; ++criterion)
        row(criterion_label(static_cast<matching::Criterion>(criterion)), [&](const matching::PairCandidate& c) {
            ImGui::TextUnformatted(matching::format_score(c.breakdown[criterion]).c_str());
        });
    row("Hard rules", [&](const matching::PairCandidate& c) {
        if (c.forbidden_by.empty()) {
            ImGui::TextColored(theme::muted(), "none");
            return;
        }
        for (const matching::RuleReason& reason : c.forbidden_by)
            readable_text(("forbidden-" + c.partner_id).c_str(), theme::error(), reason.text);
    });
    row("In words", [&](const matching::PairCandidate& c) { draw_pair_sentences("candidate-words-" + c.partner_id, c.words); });
    row("", [&](const matching::PairCandidate& c) {
        const std::string mentor_id = mentee ? c.partner_id : person_id_, mentee_id = mentee ? person_id_ : c.partner_id;
        if (ImGui::SmallButton(("Why not##candidate-" + c.partner_id).c_str())) asked = matching::PairKey{mentor_id, mentee_id};
    });
    ImGui::EndTable();
    return asked;
}

}  // namespace flipside::ui
