#include "ui/pair_words_view.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace flipside::ui {

void draw_sentences(const std::string& id, const std::vector<std::string>& sentences) {
    for (std::size_t k = 0; k < sentences.size(); ++k) {
        ImGui::Bullet();
        ImGui::SameLine();
        readable_text((id + "-" + std::to_string(k)).c_str(), ImGui::GetStyleColorVec4(ImGuiCol_Text), sentences[k]);
    }
}

void draw_pair_sentences(const std::string& id, const std::vector<matching::PairSentence>& sentences) {
    std::vector<std::string> texts;
    texts.reserve(sentences.size());
    for (const matching::PairSentence& sentence : sentences) texts.push_back(sentence.text);
    draw_sentences(id, texts);
}

}  // namespace flipside::ui
