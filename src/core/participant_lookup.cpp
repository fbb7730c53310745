#include "core/participant_lookup.h"

namespace flipside {

const Participant* ParticipantLookup::find(const Document& document, const std::string& id) {
    const auto& people = document.participants;
    if (document_ == &document && built_size_ == people.size()) {
        const auto it = position_.find(id);
        if (it != position_.end() && it->second < people.size() && people[it->second].id == id)
            return &people[it->second];
    }
    // Out of date, another document, or an id the table does not know: scan, and rebuild the
    // table only when the scan shows it was out of date (a missing id does not cost a rebuild).
    for (std::size_t i = 0; i < people.size(); ++i) {
        if (people[i].id != id) continue;
        rebuild(document);
        return &people[i];
    }
    if (document_ != &document || built_size_ != people.size()) rebuild(document);
    return nullptr;
}

void ParticipantLookup::rebuild(const Document& document) {
    document_ = &document;
    built_size_ = document.participants.size();
    position_.clear();
    position_.reserve(built_size_);
    // The first of equal ids wins, as in a scan from the front.
    for (std::size_t i = 0; i < built_size_; ++i) position_.emplace(document.participants[i].id, i);
}

}  // namespace flipside
