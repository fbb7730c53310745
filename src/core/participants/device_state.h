// What a participant's own device keeps between visits: their invitation, every change they
// made since it (sent or not), what they sent last of each field, their reply count, and
// private notes that never leave the device. io/participant_device_json.h stores it; the
// participant's app (app/participant_workspace.h) works on it. Nothing in it is ever sent as a
// whole: a reply carries only the changes (reply.h).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/participants/invitation.h"
#include "core/participants/reply.h"

namespace flipside::participants {

// One reply made on this device: when, its number, and the file it was saved as.
struct SentReply {
    long long sequence = 0;
    UtcSeconds written_at = 0;
    std::string file_name;
    std::size_t changes = 0;
    friend bool operator==(const SentReply& a, const SentReply& b) {
        return a.sequence == b.sequence && a.written_at == b.written_at && a.file_name == b.file_name &&
               a.changes == b.changes;
    }
};

struct DeviceState {
    Invitation invitation;
    // Cumulative since the invitation: a later reply carries every change again, so a reply
    // lost on the way costs nothing (the merge knows values its earlier replies wrote). Shared
    // notes are the exception: once sent they leave this list (notes are added to, not replaced).
    std::vector<FieldChange> changes;
    std::map<std::string, FieldValue> sent;  // field -> the value the last reply carried
    long long next_sequence = 1;
    std::map<std::string, std::string> private_notes;  // session id -> the participant's own note
    std::vector<SentReply> replies;
};

}  // namespace flipside::participants
