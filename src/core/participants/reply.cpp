#include "core/participants/reply.h"

#include <algorithm>

#include "core/participants/detail/canonical.h"
#include "core/sha256.h"

namespace flipside::participants {

Result<FieldValue> ReplyDraft::invitation_value(const FieldName& field) const {
    const Invitation& inv = invitation_;
    switch (field.kind) {
    case FieldKind::Profile:
        return profile_value(inv.participant, field.record_id);
    case FieldKind::SessionStatus:
    case FieldKind::SessionAgenda:
    case FieldKind::SessionNotes:
    case FieldKind::SessionFeedback: {
        const auto it = std::find_if(inv.sessions.begin(), inv.sessions.end(),
                                     [&](const InvitationSession& s) { return s.id == field.record_id; });
        if (it == inv.sessions.end())
            return Problem{"", "session \"" + field.record_id.substr(0, 64) + "\" is not one of this invitation's"};
        if (field.kind == FieldKind::SessionStatus) return FieldValue{session_status_name(it->status)};
        if (field.kind == FieldKind::SessionAgenda) return it->agenda.empty() ? FieldValue{} : FieldValue{it->agenda};
        return FieldValue{};  // notes are added to; ratings are not sent out in invitations
    }
    case FieldKind::CloseOut: {
        const bool own = std::any_of(inv.partners.begin(), inv.partners.end(),
                                     [&](const InvitationPartner& p) { return p.pair_id == field.record_id; });
        if (!own) return Problem{"", "pair \"" + field.record_id.substr(0, 64) + "\" is not one of this invitation's"};
        return FieldValue{};
    }
    }
    return FieldValue{};
}

Result<FieldValue> ReplyDraft::value(const std::string& name) const {
    const Result<FieldName> field = parse_field_name(name);
    if (!field) return field.problems();
    for (const FieldChange& change : changes_)
        if (change.field == name) return change.after;
    return invitation_value(*field);
}

Result<void> ReplyDraft::record(const std::string& name, FieldValue after, bool keep_when_original) {
    const Result<FieldName> field = parse_field_name(name);
    if (!field) return field.problems();
    const Result<FieldValue> original = invitation_value(*field);
    if (!original) return original.problems();
    const auto it = std::find_if(changes_.begin(), changes_.end(), [&](const FieldChange& c) { return c.field == name; });
    const bool back_to_original = after == *original && field->kind != FieldKind::SessionNotes && !keep_when_original;
    if (it != changes_.end()) {
        if (back_to_original) changes_.erase(it);
        else it->after = std::move(after);
        return {};
    }
    if (back_to_original) return {};
    if (changes_.size() >= kMaxReplyChanges)
        return Problem{"", "a reply holds at most " + std::to_string(kMaxReplyChanges) + " changes: send this one first"};
    changes_.push_back(FieldChange{name, *original, std::move(after)});
    return {};
}

Result<std::vector<FieldChange>> ReplyDraft::take_newer_invitation(Invitation newer) {
    if (newer.participant.id != invitation_.participant.id || newer.program.id != invitation_.program.id)
        return Problem{"", "this invitation is for " + newer.participant.id + " in " + newer.program.id +
                               ", not for " + invitation_.participant.id + " in " + invitation_.program.id};
    invitation_ = std::move(newer);
    std::vector<FieldChange> kept, dropped;
    for (FieldChange& change : changes_) {
        const Result<FieldName> field = parse_field_name(change.field);
        if (field && invitation_value(*field).ok()) kept.push_back(std::move(change));
        else dropped.push_back(std::move(change));
    }
    changes_ = std::move(kept);
    return dropped;
}

Reply sign_reply(const ReplyDraft& draft, long long sequence, UtcSeconds written_at) {
    const Invitation& inv = draft.invitation();
    Reply reply;
    reply.program_id = inv.program.id;
    reply.participant_id = inv.participant.id;
    reply.invitation_id = inv.id;
    reply.sequence = sequence;
    reply.written_at = written_at;
    reply.changes = draft.changes();
    reply.signature = reply_signature(reply, inv.secret);
    return reply;
}

std::string canonical_reply_text(const Reply& reply) {
    detail::CanonicalText text("flipside-reply");
    text.add(reply.format).add(reply.program_id).add(reply.participant_id).add(reply.invitation_id);
    text.add(reply.sequence).add(reply.written_at).add(static_cast<long long>(reply.changes.size()));
    for (const FieldChange& change : reply.changes) text.add(change.field).add_list(change.before).add_list(change.after);
    return text.text();
}

std::string reply_signature(const Reply& reply, const std::string& secret) {
    return to_hex(hmac_sha256(secret, canonical_reply_text(reply)));
}

bool signature_matches(const Reply& reply, const std::string& secret) {
    const std::string expected = reply_signature(reply, secret);
    if (reply.signature.size() != expected.size()) return false;
    unsigned char difference = 0;  // every byte compared: the time taken says nothing of where they differ
    for (std::size_t i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected[i] ^ reply.signature[i]);
    return difference == 0;
}

}  // namespace flipside::participants
