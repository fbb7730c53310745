// A personal invitation: what one participant's own app is given of the program, and nothing
// more. Built from the coordinator's document; read by the participant's app (io/
// invitation_json.h writes it as a readable file and as the fragment of a link).
//
// What it holds (and so all a participant's device ever learns):
//   - their own profile as the coordinator has it (without the manager's id);
//   - the program's name, objectives, norms and dates;
//   - once paired, each partner's name, role, department and e-mail (the contact), and what the
//     two share in words, said to the participant ("You both like jazz."), nothing else;
//   - the sessions of their own pairs: when, how long, status and agenda (no notes, no feedback);
//   - what is asked now, and for a stable-matching program a shortlist of the other side with
//     only the fields the coordinator chose to show (InvitationLedger::candidate_fields);
//   - the invitation's id, times, format version and the secret that signs replies.
// Never anyone else's e-mail, notes, feedback or ratings.
//
// The secret is HMAC-SHA-256(wave key, "flipside invitation secret\n" + invitation id): the
// coordinator's document keeps only the wave's key (InvitationLedger::key_hex) and the list of
// invitations issued, and derives any invitation's secret from them when a reply arrives.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/model.h"
#include "core/participants/fields.h"
#include "core/result.h"

namespace flipside::participants {

inline constexpr int kInvitationFormat = 1;   // newer invitations are refused by older apps
inline constexpr int kInvitationDays = 45;    // how long an invitation is good for by default
inline constexpr std::size_t kKeyBytes = 32;  // the wave key and each invitation secret

struct InvitationProgram {
    std::string id;
    std::string name;
    std::string objectives;
    std::string norms;
    Date start_date;
    Date end_date;
};

struct InvitationPartner {
    std::string pair_id;  // the pair they are in together
    std::string id;
    std::string name;
    Role role = Role::Mentor;
    std::string department;
    std::string email;  // the one e-mail of someone else an invitation may carry
    // What the two share, said to the participant (matching::own_pair_words): filled in when the
    // invitation is issued (app/invitations), empty in invitations made before it was.
    std::vector<std::string> shared;
};

struct InvitationSession {
    std::string id;
    std::string pair_id;
    UtcSeconds start = 0;
    int minutes = 60;
    SessionStatus status = SessionStatus::Planned;
    std::string agenda;
};

// One person of the shortlist to rank: id and name, plus the fields the coordinator chose.
struct Candidate {
    std::string id;
    std::string name;
    std::vector<std::pair<std::string, FieldValue>> shown;  // (field, value), e.g. ("department", {"Finance"})
};

struct InvitationAsks {
    bool complete_profile = false;  // skills, goals or languages are still empty
    bool availability = false;      // no weekly window yet
    std::vector<Candidate> shortlist;  // non-empty: rank these (the program matches by stable preferences)
};

struct Invitation {
    int format = kInvitationFormat;
    std::string id;
    UtcSeconds issued_at = 0;
    UtcSeconds expires_at = 0;
    std::string secret;  // kKeyBytes raw bytes
    InvitationProgram program;
    Participant participant;
    std::vector<InvitationPartner> partners;
    std::vector<InvitationSession> sessions;
    InvitationAsks asks;
};

// A new wave key from `random_bytes` (at least kKeyBytes of them, from the caller's source
// of randomness), as the ledger stores it: 64 lower-case hex digits.
std::string new_wave_key(const std::string& random_bytes);
// "inv-" and 16 hex digits made from the first 8 of `random_bytes`.
std::string new_invitation_id(const std::string& random_bytes);
// The secret of invitation `invitation_id` under the wave key (kKeyBytes raw bytes); empty when
// the key is not 64 hex digits.
std::string invitation_secret(const std::string& key_hex, const std::string& invitation_id);

struct InvitationRequest {
    std::string program_id;       // the wave
    std::string participant_id;   // who is invited
    std::string invitation_id;    // new_invitation_id()
    UtcSeconds issued_at = 0;     // now, passed in
    UtcSeconds expires_at = 0;    // 0: issued_at + kInvitationDays
    std::size_t shortlist_size = 10;  // at most this many candidates (stable matching only)
};

// The invitation for one participant, and the ledger entry to record for it. Refused when the
// program or participant is unknown, the participant is inactive, or the program has no key
// yet (give it one with new_wave_key() first).
struct IssuedInvitationResult {
    Invitation invitation;
    IssuedInvitation record;
};
Result<IssuedInvitationResult> build_invitation(const Document& document, const InvitationRequest& request);

// Invitations for several participants of one wave at once, and the program as it must be kept
// afterwards: with a key (made from `random_bytes` when it had none) and the issued invitations
// recorded. `random_bytes(n)` gives n bytes from the caller's source of randomness. Refused, and
// nothing issued, when any participant cannot be invited (unknown or inactive).
struct IssuedBatch {
    std::vector<Invitation> invitations;  // in the order of `participant_ids`
    Program program;                      // the program with its ledger updated
    bool key_added = false;               // the program had no invitation key before
};
Result<IssuedBatch> issue_invitations(const Document& document, const std::string& program_id,
                                      const std::vector<std::string>& participant_ids, UtcSeconds now,
                                      const std::function<std::string(std::size_t)>& random_bytes);

// Drops the invitations and merged replies of people who leave the roster: an id may be given
// to someone new later (core/ids.h), and a reply to the old invitation must not reach them.
// True when anything was dropped.
bool forget_participants(InvitationLedger& ledger, const std::vector<std::string>& participant_ids);

// The e-mail that carries an invitation, in the program's words, for a mail merge or a mailto: draft.
struct InvitationMessage {
    std::string subject;
    std::string body;
};
InvitationMessage invitation_message(const Invitation& invitation, const std::string& link);
// "mailto:<their e-mail>?subject=...&body=..." with RFC 6068 percent-encoding (UTF-8 bytes).
std::string invitation_mailto(const Invitation& invitation, const InvitationMessage& message);

// Checks an invitation a participant opens: refused with why when it is of a newer format or
// expired at `now` (the message says to ask the program's coordinator for a new one).
Result<void> check_invitation_usable(const Invitation& invitation, UtcSeconds now);

// The canonical text an invitation's seal is computed over (everything but the seal itself),
// and the seal: HMAC-SHA-256 with the invitation's own secret, in hex. It detects a link or file
// damaged or edited by hand; it is no proof of origin (whoever holds it holds the secret), so
// everything that matters is checked again when the coordinator merges a reply.
std::string canonical_invitation_text(const Invitation& invitation);
std::string invitation_seal(const Invitation& invitation);

}  // namespace flipside::participants
