// Index
// [SECTION] Checking one reply on its own
// [SECTION] Replays and newer replies
// [SECTION] Applying a reply all-or-nothing
// [SECTION] The batch as one edit
#include "core/participants/merge.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "core/civil_time.h"

namespace flipside::participants {

namespace {

constexpr UtcSeconds kClockSlack = 86400;  // a participant's clock may run a day ahead

template <typename Record>
const Record* find_by_id(const std::vector<Record>& records, const std::string& id) {
    const auto it = std::find_if(records.begin(), records.end(), [&](const Record& r) { return r.id == id; });
    return it == records.end() ? nullptr : &*it;
}

//-----------------------------------------------------------------------------
// [SECTION] Checking one reply on its own
//-----------------------------------------------------------------------------

// Why the reply cannot be trusted or used, or empty when it can.
std::string refusal(const Document& document, const Reply& reply, UtcSeconds now) {
    if (reply.format > kReplyFormat)
        return "written by a newer Flipside (reply format " + std::to_string(reply.format) + "); this one reads up to " +
               std::to_string(kReplyFormat);
    const Program* program = find_by_id(document.programs, reply.program_id);
    if (!program) return "for program \"" + reply.program_id + "\", which is not in this data";
    const auto issued = std::find_if(program->invitations.issued.begin(), program->invitations.issued.end(),
                                     [&](const IssuedInvitation& i) { return i.id == reply.invitation_id; });
    if (issued == program->invitations.issued.end())
        return "answers invitation \"" + reply.invitation_id + "\", which " + program->name + " never issued";
    if (issued->participant_id != reply.participant_id)
        return "answers " + issued->participant_id + "'s invitation but says it is from " + reply.participant_id;
    if (!find_by_id(document.participants, reply.participant_id))
        return "from participant \"" + reply.participant_id + "\", who is not in this data";
    if (reply.signature.empty()) return "has no signature";
    if (!signature_matches(reply, invitation_secret(program->invitations.key_hex, reply.invitation_id)))
        return "its signature does not match: edited after signing, or not made with this invitation";
    if (reply.written_at > issued->expires_at)
        return "written " + format_utc_timestamp(reply.written_at) + ", after its invitation expired on " +
               format_utc_timestamp(issued->expires_at) + ": send " + reply.participant_id + " a new invitation";
    if (reply.written_at > now + kClockSlack) return "dated " + format_utc_timestamp(reply.written_at) + ", in the future";
    if (reply.sequence <= 0) return "its sequence number must be 1 or more";
    if (reply.changes.size() > kMaxReplyChanges)
        return "holds " + std::to_string(reply.changes.size()) + " changes, more than " + std::to_string(kMaxReplyChanges);
    for (const FieldChange& change : reply.changes) {
        const Result<FieldName> field = parse_field_name(change.field);
        if (!field) return "changes " + field.message();
    }
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Replays and newer replies
//-----------------------------------------------------------------------------

// What the ledger says of one participant, as the batch goes on.
struct MergedState {
    long long sequence = 0;
    std::map<std::string, MergedField> fields;
};

MergedState state_of(const InvitationLedger& ledger, const std::string& participant_id) {
    MergedState state;
    for (const MergedReplies& merged : ledger.merged) {
        if (merged.participant_id != participant_id) continue;
        state.sequence = merged.sequence;
        for (const MergedField& f : merged.fields) state.fields[f.field] = f;
    }
    return state;
}

void store_state(InvitationLedger& ledger, const std::string& participant_id, const MergedState& state) {
    MergedReplies merged{participant_id, state.sequence, {}};
    for (const auto& entry : state.fields) merged.fields.push_back(entry.second);
    const auto it = std::find_if(ledger.merged.begin(), ledger.merged.end(),
                                 [&](const MergedReplies& m) { return m.participant_id == participant_id; });
    if (it == ledger.merged.end()) ledger.merged.push_back(std::move(merged));
    else *it = std::move(merged);
}

//-----------------------------------------------------------------------------
// [SECTION] Applying a reply all-or-nothing
//-----------------------------------------------------------------------------

// A document holding only what a reply of `participant_id` can touch: writing there first
// finds any invalid value without touching the working document.
Document scratch_for(const Document& working, const std::string& program_id, const std::string& participant_id) {
    Document scratch;  // no programs: writing a field never reads them (and a wave's ledger is large)
    if (const Participant* person = find_by_id(working.participants, participant_id))
        scratch.participants.push_back(*person);
    std::unordered_set<std::string> pair_ids;
    for (const Pair* pair : own_pairs(working, program_id, participant_id)) {
        scratch.pairs.push_back(*pair);
        pair_ids.insert(pair->id);
    }
    for (const Session& session : working.sessions)
        if (pair_ids.count(session.pair_id)) scratch.sessions.push_back(session);
    for (const Feedback& feedback : working.feedback)
        if (feedback.author_id == participant_id) scratch.feedback.push_back(feedback);
    return scratch;
}

// Which records a change writes, so the edit can list exactly those.
struct Touched {
    std::unordered_set<std::string> participants, sessions, feedback;
    std::unordered_set<std::string> programs;
};

void note_touched(Touched& touched, const FieldName& field, const std::string& participant_id,
                  std::size_t feedback_before, const Document& after_write) {
    switch (field.kind) {
    case FieldKind::Profile: touched.participants.insert(participant_id); break;
    case FieldKind::SessionStatus:
    case FieldKind::SessionAgenda:
    case FieldKind::SessionNotes: touched.sessions.insert(field.record_id); break;
    case FieldKind::SessionFeedback:
    case FieldKind::CloseOut:
        // Either an existing record of theirs changed, or one was appended.
        if (after_write.feedback.size() > feedback_before) touched.feedback.insert(after_write.feedback.back().id);
        for (const Feedback& f : after_write.feedback)
            if (f.author_id == participant_id && f.pair_id == field.record_id) touched.feedback.insert(f.id);
        for (const Feedback& f : after_write.feedback)
            if (f.author_id == participant_id && f.session_id == field.record_id) touched.feedback.insert(f.id);
        break;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] The batch as one edit
//-----------------------------------------------------------------------------

template <typename Record>
void add_changes(std::vector<RecordChange<Record>>& out, const std::vector<Record>& before,
                 const std::vector<Record>& after, const std::unordered_set<std::string>& ids) {
    std::unordered_map<std::string, std::size_t> old_index;
    for (std::size_t i = 0; i < before.size(); ++i)
        if (ids.count(before[i].id)) old_index.emplace(before[i].id, i);
    for (std::size_t i = 0; i < after.size(); ++i) {
        if (!ids.count(after[i].id)) continue;
        const auto found = old_index.find(after[i].id);
        if (found == old_index.end()) {
            out.push_back(RecordChange<Record>{std::nullopt, after[i], i});
        } else if (before[found->second] != after[i]) {
            out.push_back(RecordChange<Record>{before[found->second], after[i], found->second});
        }
    }
}

}  // namespace

MergePlan plan_merge(const Document& document, const std::vector<IncomingReply>& replies, UtcSeconds now,
                     const TimeZoneCatalog& time_zones, const MergeChoices& choices) {
    MergePlan plan;
    plan.replies.resize(replies.size());
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < replies.size(); ++i) {
        const Reply& reply = replies[i].reply;
        ReplyReview& review = plan.replies[i];
        review.source = replies[i].source;
        review.participant_id = reply.participant_id;
        review.sequence = reply.sequence;
        review.written_at = reply.written_at;
        if (const Participant* person = find_by_id(document.participants, reply.participant_id))
            review.participant_name = person->name;
        review.reason = refusal(document, reply, now);
        if (review.reason.empty()) order.push_back(i);
    }
    // Oldest first per participant, so that within the batch too the newest value of a field wins.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Reply& x = replies[a].reply;
        const Reply& y = replies[b].reply;
        return std::tie(x.participant_id, x.sequence) < std::tie(y.participant_id, y.sequence);
    });

    Document working = document;
    Touched touched;
    for (const std::size_t index : order) {
        const Reply& reply = replies[index].reply;
        ReplyReview& review = plan.replies[index];
        Program& program = *std::find_if(working.programs.begin(), working.programs.end(),
                                         [&](const Program& p) { return p.id == reply.program_id; });
        MergedState state = state_of(program.invitations, reply.participant_id);
        if (reply.sequence == state.sequence) {
            review.outcome = ReplyOutcome::Skipped;
            review.reason = "already merged (sequence " + std::to_string(reply.sequence) + ")";
            continue;
        }

        // Work out every change against the document as it stands, then write them on a scratch
        // copy: one failure refuses the whole reply and leaves the working document untouched.
        std::vector<std::pair<FieldName, const FieldChange*>> to_write;
        std::string problem;
        for (const FieldChange& change : reply.changes) {
            const FieldName field = *parse_field_name(change.field);
            ChangeReview item{change.field, {}, change.before, change.after};
            const Result<FieldValue> current = current_value(working, reply.program_id, reply.participant_id, field);
            if (!current) {
                problem = change.field + ": " + current.message();
                break;
            }
            item.current = *current;
            const auto merged = state.fields.find(change.field);
            item.superseded = merged != state.fields.end() && merged->second.sequence >= reply.sequence;
            // What their own earlier reply wrote is theirs to replace: only the coordinator's change conflicts.
            const bool theirs = merged != state.fields.end() && merged->second.written == value_digest(item.current);
            item.conflict = !item.superseded && !theirs && field.kind != FieldKind::SessionNotes &&
                            item.current != change.before;
            const bool take = !item.conflict || choices.take_participant.count({index, change.field}) > 0;
            if (!item.superseded && take) to_write.emplace_back(field, &change);
            review.changes.push_back(std::move(item));
        }
        if (problem.empty()) {
            Document scratch = scratch_for(working, reply.program_id, reply.participant_id);
            for (const auto& [field, change] : to_write) {
                const Result<void> written =
                    write_value(scratch, reply.program_id, reply.participant_id, field, change->after, time_zones);
                if (!written) {
                    problem = change->field + ": " + written.message();
                    break;
                }
            }
        }
        if (!problem.empty()) {
            review.outcome = ReplyOutcome::Refused;
            review.reason = problem;
            review.changes.clear();
            continue;
        }
        const bool all_superseded = !review.changes.empty() &&
                                    std::all_of(review.changes.begin(), review.changes.end(),
                                                [](const ChangeReview& c) { return c.superseded; });
        if (reply.sequence < state.sequence && (all_superseded || review.changes.empty())) {
            review.outcome = ReplyOutcome::Skipped;
            review.reason = "older than sequence " + std::to_string(state.sequence) + ", already merged";
            continue;
        }
        for (const auto& [field, change] : to_write) {
            const std::size_t feedback_before = working.feedback.size();
            (void)write_value(working, reply.program_id, reply.participant_id, field, change->after, time_zones);
            note_touched(touched, field, reply.participant_id, feedback_before, working);
        }
        for (ChangeReview& item : review.changes) {
            item.applied = std::any_of(to_write.begin(), to_write.end(),
                                       [&](const auto& w) { return w.second->field == item.field; });
            if (item.superseded) continue;
            const Result<FieldValue> now_value =
                current_value(working, reply.program_id, reply.participant_id, *parse_field_name(item.field));
            MergedField& mark = state.fields[item.field];
            mark.field = item.field;
            mark.sequence = reply.sequence;
            // A conflict settled for the coordinator leaves the value theirs, so the next change conflicts again.
            if (item.applied) mark.written = value_digest(now_value.ok() ? *now_value : FieldValue{});
        }
        state.sequence = std::max(state.sequence, reply.sequence);
        store_state(program.invitations, reply.participant_id, state);
        touched.programs.insert(reply.program_id);
        review.outcome = ReplyOutcome::Applied;
    }

    for (const ReplyReview& review : plan.replies) {
        if (review.outcome == ReplyOutcome::Applied) ++plan.applied;
        else if (review.outcome == ReplyOutcome::Skipped) ++plan.skipped;
        else ++plan.refused;
    }
    add_changes(plan.edit.programs, document.programs, working.programs, touched.programs);
    add_changes(plan.edit.participants, document.participants, working.participants, touched.participants);
    add_changes(plan.edit.sessions, document.sessions, working.sessions, touched.sessions);
    add_changes(plan.edit.feedback, document.feedback, working.feedback, touched.feedback);
    plan.edit.label = "merge " + std::to_string(plan.applied) + " repl" + (plan.applied == 1 ? "y" : "ies");
    return plan;
}

}  // namespace flipside::participants
