// Participants by id in constant time, for code that looks people up again and again (every
// pair on every frame of a screen) in a document that changes now and then. The table checks
// itself on every lookup: an entry is trusted only if the participant at that position still
// has the id asked for; otherwise, or when an id is missing, the document is scanned and the
// table rebuilt. So it is never wrong, whatever happened to the document in between, and costs
// one hash lookup while the roster stays as it is.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

#include "core/model.h"

namespace flipside {

class ParticipantLookup {
public:
    // The participant with this id in `document`, or nullptr.
    const Participant* find(const Document& document, const std::string& id);

private:
    void rebuild(const Document& document);

    const Document* document_ = nullptr;
    std::size_t built_size_ = 0;
    std::unordered_map<std::string, std::size_t> position_;
};

}  // namespace flipside
