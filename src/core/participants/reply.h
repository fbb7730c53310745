// A participant's reply: only what they changed since their invitation, field by field with
// the value each change replaced, signed with the invitation's secret so that the coordinator
// can tell it is theirs and untouched (io/reply_json.h writes it as a readable file and as a
// text block for an e-mail body).
//
// The participant's app keeps a ReplyDraft while they work: record() each change as they make
// it (the value replaced is the one of the invitation, kept from the first change of a field;
// a field changed back to it drops out), then sign_reply() when they press "Send to the
// coordinator", with the next sequence number of that participant (1, 2, ... on their device)
// and the time, both passed in.
#pragma once

#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/participants/fields.h"
#include "core/participants/invitation.h"
#include "core/result.h"

namespace flipside::participants {

inline constexpr int kReplyFormat = 1;
inline constexpr std::size_t kMaxReplyChanges = 500;  // more is refused as not a person's work

struct FieldChange {
    std::string field;   // a field name of fields.h
    FieldValue before;   // the value it replaced, as the participant's app had it
    FieldValue after;
    friend bool operator==(const FieldChange& a, const FieldChange& b) {
        return a.field == b.field && a.before == b.before && a.after == b.after;
    }
};

struct Reply {
    int format = kReplyFormat;
    std::string program_id;
    std::string participant_id;
    std::string invitation_id;
    long long sequence = 0;   // the participant's own count of replies, from 1
    UtcSeconds written_at = 0;
    std::vector<FieldChange> changes;
    std::string signature;    // hex HMAC-SHA-256 of canonical_reply_text() with the invitation's secret
};

// The changes a participant makes, starting from what their invitation says.
class ReplyDraft {
public:
    explicit ReplyDraft(Invitation invitation) : invitation_(std::move(invitation)) {}
    const Invitation& invitation() const { return invitation_; }

    // The value of a field as the participant sees it now (their change, or the invitation's).
    // Refused for a field they do not own, or a session or pair not in their invitation.
    Result<FieldValue> value(const std::string& field) const;
    // Records a change; refused (and nothing recorded) for a field the participant does not own.
    // A field changed back to the invitation's value drops out, unless `keep_when_original`: a
    // value already sent and then taken back is a change the coordinator must hear of.
    Result<void> record(const std::string& field, FieldValue after, bool keep_when_original = false);
    const std::vector<FieldChange>& changes() const { return changes_; }
    // A newer invitation for the same person replaces the old one and keeps the unsent changes
    // (each with the value it replaced then, so the merge still sees what the coordinator changed
    // since). Changes to sessions or pairs the newer invitation no longer has are dropped and
    // returned. Refused, and nothing changed, when the invitation is someone else's.
    Result<std::vector<FieldChange>> take_newer_invitation(Invitation newer);

private:
    Result<FieldValue> invitation_value(const FieldName& field) const;
    Invitation invitation_;
    std::vector<FieldChange> changes_;
};

// The signed reply of `draft`'s changes.
Reply sign_reply(const ReplyDraft& draft, long long sequence, UtcSeconds written_at);

// Everything a signature covers, in canonical form (detail/canonical.h), and the check.
std::string canonical_reply_text(const Reply& reply);
std::string reply_signature(const Reply& reply, const std::string& secret);
bool signature_matches(const Reply& reply, const std::string& secret);

}  // namespace flipside::participants
