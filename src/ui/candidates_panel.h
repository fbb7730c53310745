// A mentee's (or a mentor's) best candidates side by side on the Matching screen: one column
// each with the score, every criterion, the hard rules that forbid them and the pair in words,
// the proposal's choice marked; sorted by the score or any criterion. "Why not" on a column
// hands that pair to the why-not panel.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/matching_explanations.h"
#include "core/matching/settings.h"
#include "core/model.h"
#include "ui/person_picker.h"

namespace flipside::ui {

class CandidatesPanel {
public:
    void show(const std::string& person_id) { person_id_ = person_id; }
    // `people`: everyone who can be picked (mentees and mentors). The pair whose "Why not" was
    // pressed.
    std::optional<matching::PairKey> draw(app::MatchingExplanations& explanations, const Document& document,
                                          const std::vector<PickablePerson>& people);

private:
    PersonPicker picker_;
    std::string person_id_;
    int sort_by_ = 0;  // 0: the score; 1 + Criterion: that criterion
};

}  // namespace flipside::ui
