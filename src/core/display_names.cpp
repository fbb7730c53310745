#include "core/display_names.h"

namespace flipside {

std::string person_name(const Document& document, const std::string& participant_id) {
    for (const Participant& p : document.participants)
        if (p.id == participant_id) return p.name.empty() ? participant_id : p.name;
    return participant_id;
}

std::string pair_names(const Document& document, const Pair& pair) {
    return person_name(document, pair.mentor_id) + " & " + person_name(document, pair.mentee_id);
}

std::string pair_names_with_id(const Document& document, const std::string& pair_id) {
    for (const Pair& pair : document.pairs)
        if (pair.id == pair_id) return pair_names(document, pair) + " (" + pair_id + ")";
    return pair_id;
}

}  // namespace flipside
