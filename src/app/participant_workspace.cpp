// Index
// [SECTION] Storage
// [SECTION] Opening an invitation
// [SECTION] Changes
// [SECTION] Sending
#include "app/participant_workspace.h"

#include <algorithm>

#include "core/participants/change_words.h"
#include "core/participants/fields.h"
#include "core/participants/invitation_world.h"
#include "core/text.h"
#include "io/ical_writer.h"
#include "io/invitation_json.h"
#include "io/participant_device_json.h"
#include "io/reply_json.h"

namespace flipside::app {

using participants::DeviceState;
using participants::FieldChange;
using participants::FieldKind;
using participants::FieldValue;
using participants::Invitation;
using participants::ReplyDraft;

namespace {

// A draft holding `changes` over `invitation` (each with the value it replaced then).
ReplyDraft draft_of(const Invitation& invitation, const std::vector<FieldChange>& changes,
                    const std::map<std::string, FieldValue>& sent) {
    ReplyDraft draft(invitation);
    for (const FieldChange& change : changes) (void)draft.record(change.field, change.after, sent.count(change.field) > 0);
    return draft;
}

// The invitation's own value of `field` (empty when the field is not one of its records).
FieldValue invitation_value(const Invitation& invitation, const std::string& field) {
    const Result<FieldValue> value = ReplyDraft(invitation).value(field);
    return value ? *value : FieldValue{};
}

bool is_note(const std::string& field) {
    const Result<participants::FieldName> parsed = participants::parse_field_name(field);
    return parsed && parsed->kind == FieldKind::SessionNotes;
}

}  // namespace

ParticipantWorkspace::ParticipantWorkspace(platform::Platform& platform)
    : platform_(platform), prefix_("flipside/" + platform.storage_namespace + "/participant/") {}

//-----------------------------------------------------------------------------
// [SECTION] Storage
//-----------------------------------------------------------------------------

std::string ParticipantWorkspace::key_for(const std::string& program_id, const std::string& participant_id) const {
    return prefix_ + program_id + "/" + participant_id;
}

void ParticipantWorkspace::start() {
    editing_elsewhere_ = platform_.editing != nullptr && !platform_.editing->held_at_start();
    load_current();
}

void ParticipantWorkspace::set_editing_elsewhere(bool elsewhere) {
    if (elsewhere == editing_elsewhere_) return;
    editing_elsewhere_ = elsewhere;
    if (!elsewhere) {
        load_current();  // what the other tab saved
        post(MessageKind::Info, "You can make changes here now.");
    }
    ++revision_;
}

void ParticipantWorkspace::request_editing_here() {
    if (platform_.editing != nullptr) platform_.editing->request();
}

Result<void> ParticipantWorkspace::refuse_when_elsewhere() const {
    if (!editing_elsewhere_) return {};
    return Problem{"", "your invitation is open in another tab or window: make your changes there, or press "
                       "Edit here"};
}

void ParticipantWorkspace::load_current() {
    const std::optional<std::string> current = platform_.storage.read(prefix_ + "current");
    if (!current || current->empty()) return;
    const std::optional<std::string> text = platform_.storage.read(prefix_ + *current);
    if (!text) return;
    Result<DeviceState> state = io::read_participant_device_json(*text, "what this device saved");
    if (!state) {
        // Kept as it is in storage: a newer app may read it; nothing is overwritten until a new invitation.
        post(MessageKind::Error, "What you entered before could not be read: " + state.message(),
             {"Open your invitation link again to go on."});
        return;
    }
    state_ = std::move(*state);
    rebuild_world();
}

void ParticipantWorkspace::save() {
    if (!state_) return;
    const Invitation& inv = state_->invitation;
    const std::string key = key_for(inv.program.id, inv.participant.id);
    using Write = platform::Storage::WriteResult;
    const Write written = platform_.storage.write(key, io::write_participant_device_json(*state_));
    const Write pointed =
        written == Write::Ok ? platform_.storage.write(prefix_ + "current", inv.program.id + "/" + inv.participant.id)
                             : written;
    if (written == Write::Ok && pointed == Write::Ok) {
        save_problem_.clear();
        return;
    }
    const std::string why = platform_.storage.problem();
    save_problem_ = written == Write::QuotaExceeded || pointed == Write::QuotaExceeded
                        ? "This browser's storage is full: your last change is on screen but not kept. "
                          "Send it to the coordinator now."
                        : "This browser did not keep your last change" + (why.empty() ? std::string(".") : ": " + why) +
                              " Send it to the coordinator before closing the page.";
}

void ParticipantWorkspace::rebuild_world() {
    if (!state_) return;
    participants::WorldWithChanges built =
        participants::world_with_changes(state_->invitation, state_->changes, platform_.time_zones);
    world_ = std::move(built.world);
    ++revision_;
}

//-----------------------------------------------------------------------------
// [SECTION] Opening an invitation
//-----------------------------------------------------------------------------

Result<OpenedInvitation> ParticipantWorkspace::open_link(std::string_view link) {
    Result<Invitation> invitation = io::read_invitation_link(link, platform_.clock.now_utc());
    if (!invitation) return invitation.problems();
    return open(std::move(*invitation));
}

bool ParticipantWorkspace::open_link_and_say(std::string_view link) {
    const Result<OpenedInvitation> opened = open_link(link);
    if (!opened) {
        post(MessageKind::Error, "This invitation link cannot be opened: " + opened.message());
        return false;
    }
    announce(*opened);
    return true;
}

Result<OpenedInvitation> ParticipantWorkspace::open_file(std::string_view text, const std::string& file_name) {
    Result<Invitation> invitation = io::read_invitation_json(text, file_name, platform_.clock.now_utc());
    if (!invitation) return invitation.problems();
    return open(std::move(*invitation));
}

Result<OpenedInvitation> ParticipantWorkspace::open(Invitation invitation) {
    if (Result<void> refused = refuse_when_elsewhere(); !refused) return refused.problems();
    OpenedInvitation opened;
    const bool same_person = state_ && state_->invitation.participant.id == invitation.participant.id &&
                             state_->invitation.program.id == invitation.program.id;
    if (!same_person) {
        // Someone else (or nobody) was open: this person's own saved state, if this device has one.
        save();
        state_.reset();
        if (const std::optional<std::string> text =
                platform_.storage.read(key_for(invitation.program.id, invitation.participant.id))) {
            Result<DeviceState> saved = io::read_participant_device_json(*text, "what this device saved");
            if (saved) state_ = std::move(*saved);
        }
    }
    if (!state_) {
        DeviceState fresh;
        fresh.invitation = std::move(invitation);
        state_ = std::move(fresh);
        opened.kind = OpenedInvitation::Kind::First;
    } else if (state_->invitation.id == invitation.id) {
        opened.kind = OpenedInvitation::Kind::Same;
    } else if (invitation.issued_at < state_->invitation.issued_at) {
        opened.kind = OpenedInvitation::Kind::Older;
    } else {
        opened.kind = OpenedInvitation::Kind::Newer;
        ReplyDraft draft = draft_of(state_->invitation, state_->changes, state_->sent);
        Result<std::vector<FieldChange>> dropped = draft.take_newer_invitation(invitation);
        if (!dropped) return dropped.problems();
        const std::string zone = state_->invitation.participant.time_zone;
        for (const FieldChange& change : *dropped)
            opened.dropped.push_back(
                participants::describe_change(state_->invitation, change, zone, platform_.time_zones).what);
        // What the coordinator took in already (the newer invitation holds it) is no longer a change.
        std::vector<FieldChange> kept;
        for (const FieldChange& change : draft.changes()) {
            const FieldValue now_there = invitation_value(invitation, change.field);
            if (now_there == change.after && state_->sent.count(change.field) > 0) {
                state_->sent.erase(change.field);
                continue;
            }
            kept.push_back(change);
        }
        state_->invitation = std::move(invitation);
        state_->changes = std::move(kept);
    }
    rebuild_world();
    save();
    return opened;
}

void ParticipantWorkspace::receive_file(const std::string& file_name, const std::string& content) {
    const bool invitation_file = file_name.size() >= 16 && file_name.compare(file_name.size() - 16, 16, ".flipside-invite") == 0;
    const bool json_file = file_name.size() >= 5 && file_name.compare(file_name.size() - 5, 5, ".json") == 0;
    if (!invitation_file && !json_file) {
        post(MessageKind::Error, file_name + " is not an invitation: drop the .flipside-invite file your coordinator sent you.");
        return;
    }
    const Result<OpenedInvitation> opened = open_file(content, file_name);
    if (!opened) {
        post(MessageKind::Error, "Could not open " + file_name + ": " + opened.message());
        return;
    }
    announce(*opened);
}

void ParticipantWorkspace::announce(const OpenedInvitation& opened) {
    const Invitation& inv = state_->invitation;
    switch (opened.kind) {
        case OpenedInvitation::Kind::First:
            post(MessageKind::Info, "Welcome, " + inv.participant.name + ". What you enter stays on this device until you "
                                                                           "send it to your coordinator.");
            break;
        case OpenedInvitation::Kind::Newer:
            post(MessageKind::Info, "Your coordinator's newer invitation is open; what you had not sent yet is kept.",
                 opened.dropped.empty() ? std::vector<std::string>{}
                                        : std::vector<std::string>{"No longer in it, so left out: " +
                                                                   participants::value_in_words(opened.dropped)});
            break;
        case OpenedInvitation::Kind::Same: break;
        case OpenedInvitation::Kind::Older:
            post(MessageKind::Info, "That invitation is older than the one open here, which stays.");
            break;
    }
}

void ParticipantWorkspace::request_invitation_file() {
    platform_.files.request_upload(".flipside-invite,application/json");
}

void ParticipantWorkspace::export_calendar() {
    if (!state_) return;
    io::IcsOptions options;
    options.scope = io::IcsOptions::Scope::Participant;
    options.id = me().id;
    options.program_id = state_->invitation.program.id;
    options.now = platform_.clock.now_utc();
    options.reminder_minutes = 15;
    const std::string name = file_name_part(me().name);
    const std::string file = "flipside-" + (name.empty() ? std::string("my") : name) + "-sessions.ics";
    platform_.files.download(file, "text/calendar", io::write_ics(world_, options));
    post(MessageKind::Info, "Saved " + file + " (" + plural(world_.sessions.size(), "session", "sessions") +
                                "): open it to add them to your calendar.");
}

std::string ParticipantWorkspace::expiry_problem() const {
    if (!state_) return {};
    const Result<void> usable = participants::check_invitation_usable(state_->invitation, platform_.clock.now_utc());
    return usable ? std::string() : usable.message();
}

//-----------------------------------------------------------------------------
// [SECTION] Changes
//-----------------------------------------------------------------------------

FieldValue ParticipantWorkspace::value(const std::string& field) const {
    if (!state_) return {};
    for (const FieldChange& change : state_->changes)
        if (change.field == field) return change.after;
    return invitation_value(state_->invitation, field);
}

Result<void> ParticipantWorkspace::record(const std::string& field, FieldValue after) {
    if (!state_) return Problem{"", "open your invitation first"};
    if (Result<void> refused = refuse_when_elsewhere(); !refused) return refused;
    const Result<participants::FieldName> parsed = participants::parse_field_name(field);
    if (!parsed) return parsed.problems();
    // Checked on a copy of the world exactly as the coordinator's merge will write it.
    Document trial = world_;
    const Invitation& inv = state_->invitation;
    if (Result<void> ok = participants::write_value(trial, inv.program.id, inv.participant.id, *parsed, after,
                                                    platform_.time_zones);
        !ok)
        return ok;
    std::vector<FieldChange> changes = state_->changes;
    const bool empty_note = parsed->kind == FieldKind::SessionNotes &&
                            std::all_of(after.begin(), after.end(), [](const std::string& s) {
                                return s.find_first_not_of(" \t\r\n") == std::string::npos;
                            });
    if (empty_note) {
        changes.erase(std::remove_if(changes.begin(), changes.end(), [&](const FieldChange& c) { return c.field == field; }),
                      changes.end());
    } else {
        ReplyDraft draft = draft_of(inv, changes, state_->sent);
        if (Result<void> ok = draft.record(field, std::move(after), state_->sent.count(field) > 0); !ok) return ok;
        changes = draft.changes();
    }
    if (changes == state_->changes) return {};
    state_->changes = std::move(changes);
    rebuild_world();
    save();
    return {};
}

Result<void> ParticipantWorkspace::set(const std::string& field, FieldValue value) { return record(field, std::move(value)); }

Result<void> ParticipantWorkspace::set_profile(const Participant& edited) {
    if (!state_) return Problem{"", "open your invitation first"};
    // Every field on its own: a half-typed time zone must not hold back the availability just painted.
    std::vector<Problem> problems;
    for (const participants::ProfileField& field : participants::profile_fields()) {
        if (field.owner != participants::FieldOwner::Participant) continue;
        const std::string name(field.name);
        const FieldValue next = participants::profile_value(edited, name);
        if (next == participants::profile_value(me(), name)) continue;
        if (Result<void> ok = record(name, next); !ok)
            for (const Problem& p : ok.problems()) problems.push_back(Problem{name, p.reason});
    }
    if (!problems.empty()) return problems;
    return {};
}

Result<void> ParticipantWorkspace::mark_session(const std::string& session_id, bool held) {
    if (!state_) return Problem{"", "open your invitation first"};
    const auto& sessions = state_->invitation.sessions;
    const auto it = std::find_if(sessions.begin(), sessions.end(),
                                 [&](const participants::InvitationSession& s) { return s.id == session_id; });
    if (it == sessions.end()) return Problem{"", "that session is not one of yours"};
    if (held && it->start > platform_.clock.now_utc())
        return Problem{"", "this session has not started yet: mark it held once it took place"};
    return record("session/" + session_id + "/status", {held ? "held" : "planned"});
}

std::string ParticipantWorkspace::private_note(const std::string& session_id) const {
    if (!state_) return {};
    const auto it = state_->private_notes.find(session_id);
    return it == state_->private_notes.end() ? std::string() : it->second;
}

void ParticipantWorkspace::set_private_note(const std::string& session_id, const std::string& text) {
    if (!state_ || private_note(session_id) == text || editing_elsewhere_) return;
    if (text.empty()) state_->private_notes.erase(session_id);
    else state_->private_notes[session_id] = text;
    ++revision_;
    save();
}

//-----------------------------------------------------------------------------
// [SECTION] Sending
//-----------------------------------------------------------------------------

bool ParticipantWorkspace::is_unsent(const FieldChange& change) const {
    if (!state_) return false;
    const auto it = state_->sent.find(change.field);
    return it == state_->sent.end() || it->second != change.after;
}

bool ParticipantWorkspace::has_unsent_changes() const {
    return state_ && std::any_of(state_->changes.begin(), state_->changes.end(),
                                 [&](const FieldChange& c) { return is_unsent(c); });
}

Result<MadeReply> ParticipantWorkspace::send_reply() {
    if (!state_) return Problem{"", "open your invitation first"};
    if (Result<void> refused = refuse_when_elsewhere(); !refused) return refused.problems();
    if (const std::string expired = expiry_problem(); !expired.empty()) return Problem{"", expired};
    if (!has_unsent_changes()) return Problem{"", "nothing new to send: everything you changed was sent already"};
    const UtcSeconds now = platform_.clock.now_utc();
    const ReplyDraft draft = draft_of(state_->invitation, state_->changes, state_->sent);
    MadeReply made;
    made.reply = participants::sign_reply(draft, state_->next_sequence, now);
    made.json = io::write_reply_json(made.reply);
    made.text_block = io::reply_text_block(made.reply);
    // Named after the person; a name with nothing safe for a file name (Богдан) gives their id.
    made.file_name = io::reply_file_name(file_name_part(me().name).empty() ? me().id : me().name, now);
    platform_.files.download(made.file_name, "application/json", made.json);

    ++state_->next_sequence;
    state_->replies.push_back(participants::SentReply{made.reply.sequence, now, made.file_name, made.reply.changes.size()});
    std::vector<FieldChange> kept;
    for (const FieldChange& change : state_->changes) {
        // A shared note is added to the session once; sending it again would add it twice.
        if (is_note(change.field)) continue;
        state_->sent[change.field] = change.after;
        kept.push_back(change);
    }
    state_->changes = std::move(kept);
    rebuild_world();
    save();
    post(MessageKind::Info, "Saved " + made.file_name + ": attach it to an e-mail to your coordinator, or paste the text "
                                                        "block below into the e-mail.");
    last_reply_ = made;
    ++replies_made_;
    return made;
}

void ParticipantWorkspace::post(MessageKind kind, std::string text, std::vector<std::string> details) {
    UserMessage message;
    message.kind = kind;
    message.text = std::move(text);
    message.details = std::move(details);
    messages_.push_back(std::move(message));
    if (messages_.size() > 20) messages_.erase(messages_.begin());
}

void ParticipantWorkspace::dismiss_message(std::size_t index) {
    if (index < messages_.size()) messages_.erase(messages_.begin() + static_cast<std::ptrdiff_t>(index));
}

}  // namespace flipside::app
