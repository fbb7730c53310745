// What a person reads instead of internal ids: people by name, pairs by their two names. Ids
// may follow in brackets where two records could share a name. For messages and file names,
// not for hot loops (each lookup scans the roster; screens use ParticipantLookup).
#pragma once

#include <string>

#include "core/model.h"

namespace flipside {

// The person's name, or the id itself when nobody in the roster has it.
std::string person_name(const Document& document, const std::string& participant_id);
// "Maria Costa & Jon Lee" (mentor first).
std::string pair_names(const Document& document, const Pair& pair);
// "Maria Costa & Jon Lee (pair-0001)", or the id alone when the document has no such pair.
std::string pair_names_with_id(const Document& document, const std::string& pair_id);

}  // namespace flipside
