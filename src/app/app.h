// The application: one document, its undo history, autosave, import/export and the
// messages shown to the user. No ImGui here; screens in ui/ read and edit through this.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/autosave.h"
#include "app/edit.h"
#include "app/export_reminder.h"
#include "app/invitations.h"
#include "app/kiosk_lock.h"
#include "app/reply_batch.h"
#include "app/undo_history.h"
#include "app/user_message.h"
#include "core/model.h"
#include "core/profile_gaps.h"
#include "core/result.h"
#include "io/csv_reader.h"
#include "platform/interface/platform.h"

namespace flipside::app {

// A CSV file read and waiting for the coordinator to map its columns and confirm the import.
struct PendingCsvImport {
    std::string file_name;
    io::CsvTable table;
};

// Whose sessions an iCalendar export holds (always the current program's), which also names
// the file: flipside-calendar.ics, flipside-<person id>.ics, flipside-<pair id>.ics, or, for a
// participant taking their own at the kiosk, flipside-my-sessions.ics.
struct CalendarSelection {
    enum class Who { Everyone, Person, Pair, OwnSessions };
    Who who = Who::Everyone;
    std::string id;  // the person (Person, OwnSessions) or the pair (Pair)
};

struct StorageUsage {
    std::size_t used_bytes = 0;
    std::uint64_t quota_bytes = 0;
    platform::Storage::Persistence persistence = platform::Storage::Persistence::Unknown;
};

class App {
public:
    explicit App(platform::Platform& platform);

    // Restores the saved document, or opens the demo program when storage holds none.
    void start();
    // Once per frame: saves when a change has waited long enough.
    void tick();
    // Saves now if anything is pending (page hidden or closing).
    void flush();

    const Document& document() const { return document_; }
    // Raised by every change to the document, so views can tell when to refresh what they derive.
    std::uint64_t revision() const { return revision_; }
    platform::Platform& platform() { return platform_; }
    const platform::Platform& platform() const { return platform_; }

    // Every change to the document goes through here and can be undone.
    void apply(Edit edit);
    bool can_undo() const { return history_.can_undo(); }
    bool can_redo() const { return history_.can_redo(); }
    std::string undo_label() const { return history_.undo_label(); }
    std::string redo_label() const { return history_.redo_label(); }
    void undo();
    void redo();

    // Files.
    void export_json();
    void request_import();
    // A file picked or dropped by the user. Participants' replies (JSON replies, text with
    // reply blocks) join the reply review (reply_batch()); other JSON documents are imported
    // all-or-nothing; CSV files (HR exports) wait in pending_csv_import() for the mapping step.
    void receive_file(const std::string& file_name, const std::string& content);
    void request_csv_import();
    const std::optional<PendingCsvImport>& pending_csv_import() const { return pending_csv_; }
    void cancel_csv_import() { pending_csv_.reset(); }
    // Applies a planned import as one undoable edit and clears the pending file.
    void commit_csv_import(const Edit& edit, std::size_t added, std::size_t updated);
    void export_roster_csv();
    void export_pairs_csv();
    void export_text(const std::string& what, const std::string& extension, const std::string& mime_type,
                     const std::string& content);
    // The selection's sessions as an iCalendar file (each with a reminder 15 minutes before),
    // downloaded under the selection's name, and a message saying so ("Exported
    // flipside-P0006.ics (14 sessions)"). Returns the file's name.
    std::string export_calendar(const CalendarSelection& selection);

    // Every export ends here: the download, and the message that names the file.
    void deliver(const std::string& file_name, const std::string& mime_type, const std::string& content,
                 const std::string& note = {});
    // Text to the clipboard, and a message saying what was copied ("the link for Ana Ruiz").
    void copy_text(const std::string& text, const std::string& what);
    // Another address: a mailto: draft opens the person's mail program.
    void open_address(const std::string& url) { platform_.navigation.open_url(url); }

    // Invitations (Participants › Invite…): issued to `participant_ids` in the current program
    // and recorded there as one undoable edit; what to hand out comes back. Refused with the
    // reason (and posted as a message) when read-only or when anyone cannot be invited.
    Result<IssuedInvitations> invite(const std::vector<std::string>& participant_ids);
    // The people selected in People, for dialogs that act on them (Participants › Invite…).
    void set_people_selection(std::vector<std::string> ids) { people_selection_ = std::move(ids); }
    const std::vector<std::string>& people_selection() const { return people_selection_; }

    // Participants' replies waiting for review (Participants › Merge replies…). receive_replies
    // adds a file's or a paste's replies; reply_review() is the review as the document stands;
    // apply_replies() merges the whole batch as one undoable edit with the choices made,
    // posts what was applied, skipped and refused (naming the files), empties the batch and
    // returns the plan it applied.
    ReplyBatch& reply_batch() { return replies_; }
    void receive_replies(const std::string& source, const std::string& text);
    const participants::MergePlan& reply_review();
    participants::MergePlan apply_replies();
    // The same for a batch of the caller's own (the portal's mergeReplies with "apply"), leaving
    // the coordinator's review as it is.
    participants::MergePlan merge_batch(ReplyBatch& batch);

    // Earlier versions (File › Restore an earlier version…): the last saves and the last of each
    // recent day, newest first, after saving what is pending.
    std::vector<RestorePoint> restore_points();
    // The document as it was at `point` (to preview before restoring).
    Result<Document> read_restore_point(const RestorePoint& point);
    // Makes `version` (read from `point`) the document, as one undoable edit; the state it
    // replaces stays restorable too.
    void restore(const RestorePoint& point, Document version);

    // Demo program: replaces the document with a realistic one (undoable).
    void load_demo();
    // Empties the document (undoable), e.g. to clear the demo and start for real.
    void clear_all();

    // New ids that are not yet used in the document ("P0042", "R0007", ...).
    std::string next_participant_id() const;
    std::string next_program_id() const;

    // Messages for the status area.
    const std::vector<UserMessage>& messages() const { return messages_; }
    void dismiss_message(std::size_t index);
    void post(MessageKind kind, std::string text, std::vector<std::string> details = {}, std::string title = {});
    void post(UserMessage message);

    StorageUsage storage_usage() const;

    // Asks for People to show only the people who lack `gap` (the button of a cause line on
    // Matching or Calendar): the shell brings People forward, and People takes the request.
    void show_people_with_gap(ProfileGap gap) { people_gap_request_ = gap; }
    bool people_view_requested() const { return people_gap_request_.has_value(); }
    std::optional<ProfileGap> take_people_gap_request() {
        const std::optional<ProfileGap> request = people_gap_request_;
        people_gap_request_.reset();
        return request;
    }
    // Asks for Participants › Invite… to open on the people still missing details (the other
    // button of a cause line): the shell opens the dialog and takes the request.
    void request_invitations_for_missing() { invitations_for_missing_requested_ = true; }
    bool take_invitations_request() { return std::exchange(invitations_for_missing_requested_, false); }

    // A form holding edits it cannot save yet (a date half typed) names them here, and the status
    // bar shows that instead of "All changes saved"; empty when every form is saved.
    void set_unsaved_form(std::string what) { unsaved_form_ = std::move(what); }
    const std::string& unsaved_form() const { return unsaved_form_; }

    // Read-only: for people who may look but not change (an HR portal embeds Flipside in
    // "readonly" mode). While on, every edit, undo, redo and import is refused with a message,
    // so no screen has to know about it for the data to stay unchanged.
    void set_read_only(bool on) { read_only_ = on; }
    bool read_only() const { return read_only_ || editing_elsewhere_; }

    // Another tab or window edits this data (platform::EditingLease): this one is read-only
    // and saves nothing until it takes editing over.
    void set_editing_elsewhere(bool elsewhere);
    bool editing_elsewhere() const { return editing_elsewhere_; }
    void request_editing_here();
    // Reads the saved data again, as another tab left it (when editing moves to this tab).
    void reload_from_storage();

    // Kiosk mode: participants serve themselves; leaving needs the coordinator's PIN.
    KioskLock& kiosk() { return kiosk_; }
    const KioskLock& kiosk() const { return kiosk_; }
    const SaveStatus& save_status() const { return autosave_.status(); }

private:
    void replace_document(Document next, std::string label);
    // True (and tells the user why) when read-only mode refuses a change.
    bool refuse_when_read_only();
    // Once a week while the data holds pairs and has not been exported for two weeks.
    void remind_to_export_when_due();

    platform::Platform& platform_;
    Document document_;
    UndoHistory history_;
    Autosave autosave_;
    KioskLock kiosk_;
    ExportReminder export_reminder_;
    std::vector<UserMessage> messages_;
    std::optional<PendingCsvImport> pending_csv_;
    ReplyBatch replies_;
    std::vector<std::string> people_selection_;
    std::optional<ProfileGap> people_gap_request_;
    bool invitations_for_missing_requested_ = false;
    std::string unsaved_form_;
    std::uint64_t revision_ = 0;
    bool read_only_ = false;
    bool editing_elsewhere_ = false;
};

}  // namespace flipside::app
