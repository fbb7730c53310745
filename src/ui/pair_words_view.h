// A pair's sentences (core/matching/pair_words.h) as a bulleted list beside the numbers: the
// proposal's expanded rows, the why-not answer, the candidates' columns, Sessions and the
// participant's own view. Each sentence is a readable item ("<id>-<n>"), so tests read them.
#pragma once

#include <string>
#include <vector>

#include "core/matching/pair_words.h"

namespace flipside::ui {

void draw_pair_sentences(const std::string& id, const std::vector<matching::PairSentence>& sentences);
void draw_sentences(const std::string& id, const std::vector<std::string>& sentences);

}  // namespace flipside::ui
