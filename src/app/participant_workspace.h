// The participant's own app, on their own device: the invitation they opened, the changes they
// make (each saved at once in this browser, in a storage namespace of its own), and the reply
// they send to the coordinator. No ImGui here; ui/participant_shell.cpp draws it.
//
// What it keeps per person (one device may hold several: a shared family computer, a
// coordinator trying their own link) lives under flipside/<ns>/participant/<program>/<person>,
// with flipside/<ns>/participant/current naming the one shown. A newer invitation for the same
// person replaces the old one and keeps their unsent changes; someone else's invitation opens
// theirs and leaves the first person's state where it was.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/user_message.h"
#include "core/model.h"
#include "core/participants/device_state.h"
#include "core/result.h"
#include "platform/interface/platform.h"

namespace flipside::app {

struct OpenedInvitation {
    enum class Kind {
        First,   // this person's first invitation on this device
        Newer,   // a newer invitation for them: unsent changes kept
        Same,    // the one already open
        Older,   // older than the one already open: not taken
    };
    Kind kind = Kind::First;
    std::vector<std::string> dropped;  // changes that the newer invitation no longer allows, in words
};

// A reply made by send_reply(): saved as a file on the device (downloaded) and as a text block.
struct MadeReply {
    participants::Reply reply;
    std::string file_name;
    std::string json;        // the file's content
    std::string text_block;  // for the body of an e-mail
};

class ParticipantWorkspace {
public:
    explicit ParticipantWorkspace(platform::Platform& platform);

    // Restores the person last shown on this device (nothing when none was ever opened).
    void start();

    // An invitation from a link or its fragment ("#invite=…"), or an invitation file's text.
    // Refused with why (tampered, expired, not an invitation), and nothing changes.
    Result<OpenedInvitation> open_link(std::string_view link);
    // open_link, saying what happened (or why not) in the messages: what the page calls.
    bool open_link_and_say(std::string_view link);
    Result<OpenedInvitation> open_file(std::string_view text, const std::string& file_name);

    // A file picked or dropped: an invitation file opens (or updates) the participant's app;
    // anything else is refused with a message saying what to drop.
    void receive_file(const std::string& file_name, const std::string& content);
    // Opens the file picker for an invitation file.
    void request_invitation_file();
    // The participant's own sessions as an iCalendar file (a reminder 15 minutes before each),
    // downloaded as flipside-<name>-sessions.ics, and a message saying so.
    void export_calendar();

    bool has_invitation() const { return state_.has_value(); }
    const participants::Invitation& invitation() const { return state_->invitation; }
    // Why replies cannot be sent any more (the invitation expired): whom to ask; empty while usable.
    std::string expiry_problem() const;
    // The participant's world with their changes written in (participants/invitation_world.h).
    const Document& world() const { return world_; }
    const Participant& me() const { return world_.participants.front(); }
    // Raised by every change, so screens know when to refresh what they derive.
    std::uint64_t revision() const { return revision_; }

    // Changes: each is checked as the coordinator's merge will check it, recorded, and saved.
    // Refused with why (an unknown time zone, overlapping windows, a rating outside 1–5).
    Result<void> set_profile(const Participant& edited);  // every participant-owned field that differs
    Result<void> set(const std::string& field, participants::FieldValue value);
    // Held needs the session's start to be past; planned takes a "held" back.
    Result<void> mark_session(const std::string& session_id, bool held);
    // The value the next reply would carry (or the invitation's).
    participants::FieldValue value(const std::string& field) const;

    // Private notes: on this device only, never in a reply.
    std::string private_note(const std::string& session_id) const;
    void set_private_note(const std::string& session_id, const std::string& text);

    // What the next reply carries (cumulative since the invitation), and which of it is new.
    const std::vector<participants::FieldChange>& changes() const { return state_->changes; }
    bool is_unsent(const participants::FieldChange& change) const;
    bool has_unsent_changes() const;
    // Signs the reply with the invitation's secret and the next sequence number, downloads it
    // as flipside-reply-<name>-<date>.json, remembers it, and returns it with its text block.
    // Refused when nothing is new, or the invitation expired.
    Result<MadeReply> send_reply();
    const std::vector<participants::SentReply>& replies() const { return state_->replies; }
    // The reply send_reply() made last in this visit, and how many it made (a portal's page
    // hands each new one to its host).
    const std::optional<MadeReply>& last_reply() const { return last_reply_; }
    std::size_t replies_made() const { return replies_made_; }

    // Messages for the participant ("Saved on this device", a refused invitation).
    const std::vector<UserMessage>& messages() const { return messages_; }
    void post(MessageKind kind, std::string text, std::vector<std::string> details = {});
    void dismiss_message(std::size_t index);
    // Why this device could not keep the last change (storage full or off); empty when it did.
    const std::string& save_problem() const { return save_problem_; }

    platform::Platform& platform() { return platform_; }
    const platform::Platform& platform() const { return platform_; }

    // Another tab or window of this participant's app holds the editing lease: this one shows
    // what was saved and refuses changes (two tabs must never overwrite each other) until it
    // takes editing over; then it reads what the other tab saved.
    bool editing_elsewhere() const { return editing_elsewhere_; }
    void set_editing_elsewhere(bool elsewhere);
    void request_editing_here();

private:
    // Refuses, with why, while another tab edits.
    Result<void> refuse_when_elsewhere() const;
    void load_current();
    Result<OpenedInvitation> open(participants::Invitation invitation);
    // The message that says what opening did ("Welcome, …", "newer invitation, changes kept").
    void announce(const OpenedInvitation& opened);
    Result<void> record(const std::string& field, participants::FieldValue value);
    void rebuild_world();
    void save();
    std::string key_for(const std::string& program_id, const std::string& participant_id) const;

    platform::Platform& platform_;
    std::string prefix_;
    std::optional<participants::DeviceState> state_;
    Document world_;
    std::vector<UserMessage> messages_;
    std::string save_problem_;
    std::optional<MadeReply> last_reply_;
    std::size_t replies_made_ = 0;
    std::uint64_t revision_ = 0;
    bool editing_elsewhere_ = false;
};

}  // namespace flipside::app
