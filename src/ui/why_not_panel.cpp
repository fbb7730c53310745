#include "ui/why_not_panel.h"

#include <imgui.h>

#include "core/matching/scores.h"
#include "ui/pair_words_view.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

std::string name_or_nobody(const Document& document, const std::optional<std::string>& id) {
    return id ? participant_label(document, *id) : std::string("nobody");
}

// "Forcing them: the best total with the pair fixed is 1,204.50 against 1,230.00 now (25.50 less)."
std::string price_text(const matching::WhyNot& answer) {
    const matching::ForcedPairing& forced = *answer.forced;
    const long long lost = answer.best_total - forced.total_score;
    std::string text = "Forcing them: the best total with the pair fixed is " + matching::format_score(forced.total_score) +
                       " against " + matching::format_score(answer.best_total) + " in the proposal";
    if (lost > 0) text += " (" + matching::format_score(lost) + " less)";
    else if (lost == 0) text += " (no loss)";
    if (forced.matched != answer.best_matched)
        text += ", with " + std::to_string(forced.matched) + " mentees paired instead of " + std::to_string(answer.best_matched);
    return text + ".";
}

}  // namespace

void WhyNotPanel::pick(const std::string& person_id, Role role) {
    (role == Role::Mentor ? mentor_id_ : mentee_id_) = person_id;
}

std::optional<matching::PairKey> WhyNotPanel::draw(app::MatchingExplanations& explanations, const Document& document,
                                                   const std::vector<PickablePerson>& mentors,
                                                   const std::vector<PickablePerson>& mentees) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Mentor");
    ImGui::SameLine();
    mentor_picker_.draw("Why-not mentor", mentors, mentor_id_, 220.0f);
    ImGui::SameLine();
    ImGui::TextUnformatted("Mentee");
    ImGui::SameLine();
    mentee_picker_.draw("Why-not mentee", mentees, mentee_id_, 220.0f);
    if (mentor_id_.empty() || mentee_id_.empty()) {
        hint("Pick a mentor and a mentee: Flipside says what keeps them apart and what pairing them would cost.");
        return std::nullopt;
    }
    explanations.ask_why_not(mentor_id_, mentee_id_);
    const std::optional<app::WhyNotQuestion>& question = explanations.why_not();
    if (!question) return std::nullopt;
    if (!question->answer) {
        readable_text("whynot-problem", theme::error(), question->problem);
        return std::nullopt;
    }
    const matching::WhyNot& answer = *question->answer;
    const std::string mentor = participant_label(document, mentor_id_), mentee = participant_label(document, mentee_id_);
    if (!answer.allowed) {
        readable_text("whynot-verdict", theme::error(),
                      mentor + " and " + mentee + " cannot be paired: " +
                          (answer.reasons.size() == 1 ? "a hard rule forbids it." : "hard rules forbid it."));
        for (std::size_t k = 0; k < answer.reasons.size(); ++k) {
            ImGui::Bullet();
            ImGui::SameLine();
            readable_text(("whynot-rule-" + std::to_string(k)).c_str(), ImGui::GetStyleColorVec4(ImGuiCol_Text),
                          std::string(matching::hard_rule_phrase(answer.reasons[k].rule)) + ": " + answer.reasons[k].text);
        }
        return std::nullopt;
    }
    readable_text("whynot-verdict", answer.in_proposal ? theme::success() : ImGui::GetStyleColorVec4(ImGuiCol_Text),
                  (answer.in_proposal ? "The proposal pairs " + mentor + " and " + mentee + "; their score is "
                                      : "No hard rule keeps " + mentor + " and " + mentee + " apart; their score is ") +
                      matching::format_score(answer.score) + ".");
    draw_pair_sentences("whynot-words", answer.words);
    if (answer.in_proposal) return std::nullopt;
    if (question->pricing) {
        ImGui::ProgressBar(static_cast<float>(question->progress), ImVec2(260.0f, 0.0f), "Re-solving with the pair fixed");
        return std::nullopt;
    }
    if (!answer.forced) return std::nullopt;
    readable_text("whynot-price", ImGui::GetStyleColorVec4(ImGuiCol_Text), price_text(answer));
    const matching::ProposalDifference& difference = answer.forced->difference;
    const std::size_t changes = difference.changes.size();
    readable_text("whynot-changes", theme::muted(),
                  changes == 0 ? std::string("No pair would change.")
                               : std::to_string(changes) + (changes == 1 ? " mentee's mentor would change:" : " mentees' mentors would change:"));
    // The changes can run to thousands: the first few, then how many more.
    constexpr std::size_t kShownChanges = 12;
    for (std::size_t k = 0; k < changes && k < kShownChanges; ++k) {
        const matching::MentorChange& change = difference.changes[k];
        ImGui::Bullet();
        ImGui::SameLine();
        readable_text(("whynot-change-" + std::to_string(k)).c_str(), ImGui::GetStyleColorVec4(ImGuiCol_Text),
                      participant_label(document, change.mentee_id) + ": from " + name_or_nobody(document, change.from_mentor_id) +
                          " to " + name_or_nobody(document, change.to_mentor_id));
    }
    if (changes > kShownChanges) hint(("and " + std::to_string(changes - kShownChanges) + " more").c_str());
    std::string left;
    for (const std::string& id : difference.left_unpaired) left += (left.empty() ? "" : ", ") + participant_label(document, id);
    readable_text("whynot-left", difference.left_unpaired.empty() ? theme::muted() : theme::error(),
                  left.empty() ? "Nobody would be left without a partner." : "Left without a partner: " + left + ".");
    if (ImGui::Button("Lock this pair and run again")) return matching::PairKey{mentor_id_, mentee_id_};
    ImGui::SetItemTooltip("Keeps %s with %s in every run (saved with the program) and runs again.", mentor.c_str(),
                          mentee.c_str());
    return std::nullopt;
}

}  // namespace flipside::ui
