// The store's journal: committed edits as small JSON entries, so that a change to one person
// of a 50,000-person program writes that person, not the document. An entry holds one or more
// record edits in the order they were applied (an autosave collects what happened since the
// last one); each record change keeps the record as the edit leaves it and, for replacements
// and removals, the id of the record it replaces. Replaying entries over the snapshot they
// follow with apply_edit gives back the document exactly, record order included.
//
//   {"journal": 1, "schema_version": 2, "sequence": 12, "saved_at": 1795392000,
//    "edits": [{"label": "edit Ana Ruiz",
//               "participants": [{"replace": "P0004", "record": {...}},
//                                {"insert": 3, "record": {...}},     // insert: position or null (append)
//                                {"remove": "P0007"}]}]}
//
// Whole-document edits (import, demo, clear) are never journalled: they start a new snapshot.
// "schema_version" is that of the records (io/json_document.h): an entry written by a newer
// Flipside, in either number, is reported as newer and kept, never as damage.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.h"
#include "core/edit.h"

namespace flipside::io {

inline constexpr int kJournalFormat = 1;

// `edits` must not hold whole-document edits.
std::string encode_journal_entry(const std::vector<Edit>& edits, std::uint64_t sequence, UtcSeconds saved_at);

struct JournalEntry {
    std::uint64_t sequence = 0;
    UtcSeconds saved_at = 0;
    std::vector<Edit> edits;
};

struct DecodedJournalEntry {
    bool ok = false;
    JournalEntry entry;
    bool newer_format = false;  // written by a later Flipside: not an error of the data
    std::string problem;        // when not ok: what is wrong and where ("/edits/0/participants/2/record/email: ...")
};

DecodedJournalEntry decode_journal_entry(std::string_view text);

}  // namespace flipside::io
