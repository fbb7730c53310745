// The coordinator's reviewed merge of participants' replies: which replies are theirs and
// untouched, what each would change (before -> after), where the coordinator changed a field
// after the invitation was issued (a conflict), and ONE undoable Edit for the whole batch.
//
// Each reply is checked as a whole and applied all-or-nothing. It is refused (nothing of it
// applied) when: it is of a newer format; its program is not in the document; it answers an
// invitation the program never issued, or one issued to someone else; its signature is missing
// or does not match (edited after signing, or not made with that invitation's secret); it was
// written after the invitation expired; its sequence is not positive; it changes a field the
// participant does not own, or a session or pair not of their own pair; a value is not valid.
// It is skipped (nothing to do, not an error) when that participant's reply with the same
// sequence was merged already (a replay), or when every field it changes was set by a newer
// merged reply of theirs (older than merged): per field, the newest sequence wins.
//
// A conflict: the coordinator's current value differs from the value the reply says it
// replaced. By default the coordinator's value is kept; listing the change in
// MergeChoices::take_participant takes the participant's instead. Notes are added to, never
// replaced, so they never conflict.
//
//   MergePlan plan = plan_merge(document, replies, now, time_zones, {});   // show the review
//   ...the coordinator picks...
//   plan = plan_merge(document, replies, now, time_zones, choices);
//   app.apply(plan.edit);                                                  // one undo step
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/edit.h"
#include "core/model.h"
#include "core/participants/reply.h"
#include "core/time_zone_catalog.h"

namespace flipside::participants {

struct IncomingReply {
    std::string source;  // where it came from, for messages: "anna.json", "pasted text 2"
    Reply reply;
};

enum class ReplyOutcome { Applied, Skipped, Refused };

struct ChangeReview {
    std::string field;
    FieldValue current;   // the coordinator's value now
    FieldValue replaced;  // the value the reply says it replaced
    FieldValue after;
    bool conflict = false;    // current != replaced
    bool superseded = false;  // a newer reply of theirs already set this field
    bool applied = false;     // written into the document by this merge
};

struct ReplyReview {
    std::string source;
    std::string participant_id;
    std::string participant_name;  // empty when the participant is unknown
    long long sequence = 0;
    UtcSeconds written_at = 0;
    ReplyOutcome outcome = ReplyOutcome::Refused;
    std::string reason;  // why it was skipped or refused
    std::vector<ChangeReview> changes;
};

struct MergeChoices {
    // (index of the reply in the batch, field): take the participant's value in that conflict.
    std::set<std::pair<std::size_t, std::string>> take_participant;
};

struct MergePlan {
    std::vector<ReplyReview> replies;  // one per incoming reply, in the batch's order
    Edit edit;                         // empty when nothing changes
    std::size_t applied = 0, skipped = 0, refused = 0;
};

MergePlan plan_merge(const Document& document, const std::vector<IncomingReply>& replies, UtcSeconds now,
                     const TimeZoneCatalog& time_zones, const MergeChoices& choices);

}  // namespace flipside::participants
