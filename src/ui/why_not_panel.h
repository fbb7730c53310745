// "Why were these two not paired?" on the Matching screen: a mentor and a mentee picked by name
// (or handed over from a person in Unmatched or a candidate), then the answer in words: every
// hard rule that keeps them apart with its data, else their score and sentences and what
// forcing them would cost, re-solved in slices (a progress bar until then): the best total with
// the pair fixed against the proposal's, the pairs that would change and who would be left
// without a partner. Lock hands the pair back to the screen to lock and run again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/matching_explanations.h"
#include "core/matching/settings.h"
#include "core/model.h"
#include "ui/person_picker.h"

namespace flipside::ui {

class WhyNotPanel {
public:
    // Puts a person in the picker of their side.
    void pick(const std::string& person_id, Role role);
    // Draws the pickers and the answer (`document`: where the names come from). The pair to lock
    // when Lock is pressed.
    std::optional<matching::PairKey> draw(app::MatchingExplanations& explanations, const Document& document,
                                          const std::vector<PickablePerson>& mentors,
                                          const std::vector<PickablePerson>& mentees);

private:
    PersonPicker mentor_picker_, mentee_picker_;
    std::string mentor_id_, mentee_id_;
};

}  // namespace flipside::ui
