#include "core/participants/invitation.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/participants/detail/canonical.h"
#include "core/sha256.h"
#include "core/text.h"

namespace flipside::participants {

namespace {

constexpr UtcSeconds kSecondsPerDay = 86400;

std::string hex_digits(const std::string& bytes, std::size_t count) {
    return to_hex(reinterpret_cast<const std::uint8_t*>(bytes.data()), std::min(count, bytes.size()));
}

std::string bytes_of_hex(const std::string& hex) {
    std::string bytes;
    auto digit = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        const int high = digit(hex[i]);
        const int low = digit(hex[i + 1]);
        if (high < 0 || low < 0) return {};
        bytes.push_back(static_cast<char>(high * 16 + low));
    }
    return bytes;
}

template <typename Record>
const Record* find_by_id(const std::vector<Record>& records, const std::string& id) {
    const auto it = std::find_if(records.begin(), records.end(), [&](const Record& r) { return r.id == id; });
    return it == records.end() ? nullptr : &*it;
}

// One wave's roster, pairs and sessions indexed once, so that inviting everyone of a
// 50,000-person program costs a pass over the document, not a pass per person.
class WaveIndex {
public:
    WaveIndex(const Document& document, const Program& program) : document_(document), program_(program) {
        participants_.reserve(document.participants.size());
        for (const Participant& p : document.participants) participants_.emplace(p.id, &p);
        for (const Pair& pair : document.pairs) {
            if (pair.program_id != program.id) continue;
            pairs_[pair.mentor_id].push_back(&pair);
            if (pair.mentee_id != pair.mentor_id) pairs_[pair.mentee_id].push_back(&pair);
        }
        for (const Session& session : document.sessions) sessions_[session.pair_id].push_back(&session);
    }
    const Program& program() const { return program_; }
    const Document& document() const { return document_; }
    const Participant* participant(const std::string& id) const {
        const auto it = participants_.find(id);
        return it == participants_.end() ? nullptr : it->second;
    }
    const std::vector<const Pair*>& pairs_of(const std::string& person_id) const {
        const auto it = pairs_.find(person_id);
        return it == pairs_.end() ? kNone<Pair> : it->second;
    }
    const std::vector<const Session*>& sessions_of(const std::string& pair_id) const {
        const auto it = sessions_.find(pair_id);
        return it == sessions_.end() ? kNone<Session> : it->second;
    }

private:
    template <typename T>
    static inline const std::vector<const T*> kNone{};
    const Document& document_;
    const Program& program_;
    std::unordered_map<std::string, const Participant*> participants_;
    std::unordered_map<std::string, std::vector<const Pair*>> pairs_;
    std::unordered_map<std::string, std::vector<const Session*>> sessions_;
};

// The other side of the program, active, not yet paired (for a mentor: with room left), in
// roster order: whom a participant of a stable-matching wave is asked to rank.
std::vector<Candidate> shortlist_for(const WaveIndex& index, const Participant& person, std::size_t limit) {
    std::vector<Candidate> out;
    const Program& program = index.program();
    if (program.matching.mode != matching::MatchingMode::Stable) return out;
    if (!index.pairs_of(person.id).empty()) return out;
    for (const Participant& other : index.document().participants) {
        if (out.size() >= limit) break;
        if (!other.active || other.role == person.role) continue;
        const std::size_t taken = index.pairs_of(other.id).size();
        if (other.role == Role::Mentor ? taken >= static_cast<std::size_t>(other.capacity) : taken > 0) continue;
        Candidate candidate{other.id, other.name, {}};
        for (const std::string& field : program.invitations.candidate_fields) {
            // Only profile fields that say what someone is or does; never contact or HR records.
            static const char* const kShowable[] = {"department", "job_title", "skills", "learning_goals",
                                                    "interests", "languages", "background"};
            if (std::find(std::begin(kShowable), std::end(kShowable), field) == std::end(kShowable)) continue;
            candidate.shown.emplace_back(field, profile_value(other, field));
        }
        out.push_back(std::move(candidate));
    }
    return out;
}

// build_invitation over an index: the program in the index is the one whose key signs.
Result<IssuedInvitationResult> build_from_index(const WaveIndex& index, const InvitationRequest& request) {
    const Program& program = index.program();
    const Participant* person = index.participant(request.participant_id);
    if (!person) return Problem{"", "there is no participant \"" + request.participant_id + "\""};
    if (!person->active) return Problem{"", request.participant_id + " is not active in this wave: no invitation"};
    const std::string secret = invitation_secret(program.invitations.key_hex, request.invitation_id);
    if (secret.empty()) return Problem{"", "program \"" + program.id + "\" has no invitation key yet"};

    IssuedInvitationResult result;
    Invitation& invitation = result.invitation;
    invitation.id = request.invitation_id;
    invitation.issued_at = request.issued_at;
    invitation.expires_at =
        request.expires_at != 0 ? request.expires_at : request.issued_at + kInvitationDays * kSecondsPerDay;
    invitation.secret = secret;
    invitation.program = InvitationProgram{program.id, program.name, program.objectives, program.norms,
                                           program.start_date, program.end_date};
    invitation.participant = *person;
    invitation.participant.manager_id.clear();  // someone else's id, and not theirs to change

    for (const Pair* pair : index.pairs_of(person->id)) {
        const std::string& partner_id = pair->mentor_id == person->id ? pair->mentee_id : pair->mentor_id;
        if (const Participant* partner = index.participant(partner_id))
            invitation.partners.push_back(
                InvitationPartner{pair->id, partner->id, partner->name, partner->role, partner->department, partner->email, {}});
        for (const Session* session : index.sessions_of(pair->id))
            invitation.sessions.push_back(InvitationSession{session->id, session->pair_id, session->start,
                                                            session->minutes, session->status, session->agenda});
    }
    std::sort(invitation.sessions.begin(), invitation.sessions.end(),
              [](const InvitationSession& a, const InvitationSession& b) { return a.start < b.start; });

    invitation.asks.complete_profile =
        person->skills.empty() || person->learning_goals.empty() || person->languages.empty();
    invitation.asks.availability = person->availability.empty();
    invitation.asks.shortlist = shortlist_for(index, *person, request.shortlist_size);

    result.record = IssuedInvitation{invitation.id, person->id, invitation.issued_at, invitation.expires_at};
    return result;
}

}  // namespace

std::string new_wave_key(const std::string& random_bytes) { return hex_digits(random_bytes, kKeyBytes); }

std::string new_invitation_id(const std::string& random_bytes) { return "inv-" + hex_digits(random_bytes, 8); }

std::string invitation_secret(const std::string& key_hex, const std::string& invitation_id) {
    const std::string key = key_hex.size() == 2 * kKeyBytes ? bytes_of_hex(key_hex) : std::string{};
    if (key.size() != kKeyBytes) return {};
    const Sha256Digest digest = hmac_sha256(key, "flipside invitation secret\n" + invitation_id);
    return std::string(digest.begin(), digest.end());
}

Result<IssuedInvitationResult> build_invitation(const Document& document, const InvitationRequest& request) {
    const Program* program = find_by_id(document.programs, request.program_id);
    if (!program) return Problem{"", "there is no program \"" + request.program_id + "\""};
    return build_from_index(WaveIndex(document, *program), request);
}

Result<IssuedBatch> issue_invitations(const Document& document, const std::string& program_id,
                                      const std::vector<std::string>& participant_ids, UtcSeconds now,
                                      const std::function<std::string(std::size_t)>& random_bytes) {
    const Program* found = find_by_id(document.programs, program_id);
    if (!found) return Problem{"", "there is no program \"" + program_id + "\""};
    IssuedBatch batch;
    batch.program = *found;
    if (batch.program.invitations.key_hex.empty()) {
        batch.program.invitations.key_hex = new_wave_key(random_bytes(kKeyBytes));
        batch.key_added = true;
    }
    // The index signs with the program as it will be kept (with its key), over the document's people.
    const Program signing = batch.program;
    const WaveIndex index(document, signing);
    std::unordered_set<std::string> issued_ids;
    for (const IssuedInvitation& i : batch.program.invitations.issued) issued_ids.insert(i.id);
    std::vector<Problem> problems;
    for (const std::string& id : participant_ids) {
        InvitationRequest request;
        request.program_id = program_id;
        request.participant_id = id;
        // Ids are 64 random bits; one already issued in this wave is drawn again, so that a
        // reply always names exactly one invitation.
        do request.invitation_id = new_invitation_id(random_bytes(8));
        while (issued_ids.count(request.invitation_id) > 0);
        request.issued_at = now;
        Result<IssuedInvitationResult> issued = build_from_index(index, request);
        if (!issued) {
            problems.insert(problems.end(), issued.problems().begin(), issued.problems().end());
            continue;
        }
        issued_ids.insert(issued->record.id);
        batch.program.invitations.issued.push_back(issued->record);
        batch.invitations.push_back(std::move(issued->invitation));
    }
    if (!problems.empty()) return problems;
    return batch;
}

bool forget_participants(InvitationLedger& ledger, const std::vector<std::string>& participant_ids) {
    auto leaving = [&](const std::string& id) {
        return std::find(participant_ids.begin(), participant_ids.end(), id) != participant_ids.end();
    };
    const std::size_t before = ledger.issued.size() + ledger.merged.size();
    ledger.issued.erase(std::remove_if(ledger.issued.begin(), ledger.issued.end(),
                                       [&](const IssuedInvitation& i) { return leaving(i.participant_id); }),
                        ledger.issued.end());
    ledger.merged.erase(std::remove_if(ledger.merged.begin(), ledger.merged.end(),
                                       [&](const MergedReplies& m) { return leaving(m.participant_id); }),
                        ledger.merged.end());
    return ledger.issued.size() + ledger.merged.size() != before;
}

InvitationMessage invitation_message(const Invitation& inv, const std::string& link) {
    InvitationMessage message;
    message.subject = "Your invitation to " + inv.program.name;
    std::string body = "Hello " + inv.participant.name + ",\n\n";
    body += "you are invited to " + inv.program.name + " (" + format_iso_date(inv.program.start_date) + " to " +
            format_iso_date(inv.program.end_date) + ").\n\n";
    if (!inv.program.objectives.empty()) body += inv.program.objectives + "\n\n";
    if (!inv.partners.empty()) {
        body += "You are paired with ";
        for (std::size_t i = 0; i < inv.partners.size(); ++i)
            body += (i == 0 ? "" : i + 1 == inv.partners.size() ? " and " : ", ") + inv.partners[i].name;
        body += ".\n\n";
    }
    body += "Open your personal page (it works offline, and what you enter stays on your device until you send it):\n";
    body += link + "\n\n";
    body += "This link is for you alone: please do not forward it. It works until " +
            format_utc_timestamp(inv.expires_at).substr(0, 10) + ".\n";
    message.body = std::move(body);
    return message;
}

std::string invitation_mailto(const Invitation& invitation, const InvitationMessage& message) {
    return mailto_url(invitation.participant.email, message.subject, message.body);
}

Result<void> check_invitation_usable(const Invitation& invitation, UtcSeconds now) {
    if (invitation.format > kInvitationFormat)
        return Problem{"", "this invitation was made by a newer Flipside (format " + std::to_string(invitation.format) +
                               "); open it with the newest version of the app"};
    if (now > invitation.expires_at)
        return Problem{"", "this invitation to \"" + invitation.program.name + "\" expired on " +
                               format_utc_timestamp(invitation.expires_at) +
                               ": ask the program's coordinator for a new one"};
    return {};
}

std::string canonical_invitation_text(const Invitation& inv) {
    detail::CanonicalText text("flipside-invitation");
    text.add(inv.format).add(inv.id).add(inv.issued_at).add(inv.expires_at).add(inv.secret);
    text.add(inv.program.id).add(inv.program.name).add(inv.program.objectives).add(inv.program.norms);
    text.add(format_iso_date(inv.program.start_date)).add(format_iso_date(inv.program.end_date));
    const Participant& p = inv.participant;
    text.add(p.id).add(p.name).add(p.email).add(role_name(p.role)).add(p.department).add(p.job_title);
    text.add(p.level).add(p.hire_date ? format_iso_date(*p.hire_date) : "").add(p.capacity).add(p.active ? 1 : 0);
    for (const ProfileField& field : profile_fields())
        if (field.owner == FieldOwner::Participant) text.add(field.name).add_list(profile_value(p, field.name));
    text.add(static_cast<long long>(inv.partners.size()));
    for (const InvitationPartner& partner : inv.partners) {
        text.add(partner.pair_id).add(partner.id).add(partner.name).add(role_name(partner.role)).add(partner.department).add(partner.email);
        // Only when present, so the seals of invitations issued before it still hold.
        if (!partner.shared.empty()) text.add("shared").add_list(partner.shared);
    }
    text.add(static_cast<long long>(inv.sessions.size()));
    for (const InvitationSession& s : inv.sessions)
        text.add(s.id).add(s.pair_id).add(s.start).add(s.minutes).add(session_status_name(s.status)).add(s.agenda);
    text.add(inv.asks.complete_profile ? 1 : 0).add(inv.asks.availability ? 1 : 0);
    text.add(static_cast<long long>(inv.asks.shortlist.size()));
    for (const Candidate& c : inv.asks.shortlist) {
        text.add(c.id).add(c.name).add(static_cast<long long>(c.shown.size()));
        for (const auto& [field, value] : c.shown) text.add(field).add_list(value);
    }
    return text.text();
}

std::string invitation_seal(const Invitation& invitation) {
    return to_hex(hmac_sha256(invitation.secret, canonical_invitation_text(invitation)));
}

}  // namespace flipside::participants
