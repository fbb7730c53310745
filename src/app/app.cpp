#include "app/app.h"

#include <algorithm>
#include <cstdio>

#include "app/demo_workspace.h"
#include "io/ical_writer.h"
#include "core/display_names.h"
#include "core/ids.h"
#include "core/text.h"
#include "io/json_document.h"
#include "io/reply_json.h"
#include "io/roster_export.h"

namespace flipside::app {

namespace {

constexpr std::uint64_t kDemoSeed = 2027;
constexpr int kDemoParticipants = 40;
constexpr std::size_t kMaxDetailsShown = 12;

// "Digital Fluency — Wave 2" -> "digital-fluency-wave-2"; letters outside ASCII are dropped.
std::string file_slug(const std::string& name) {
    std::string slug;
    for (const unsigned char c : name) {
        const char folded = fold_ascii(static_cast<char>(c));
        if ((folded >= 'a' && folded <= 'z') || (folded >= '0' && folded <= '9'))
            slug += folded;
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.size() > 40) slug.resize(40);
    return slug.empty() ? "program" : slug;
}

}  // namespace

App::App(platform::Platform& platform)
    : platform_(platform),
      autosave_(JournaledStore(platform.storage, platform.storage_namespace)),
      kiosk_(platform.storage, platform.clock, platform.storage_namespace),
      export_reminder_(platform.storage, "flipside/" + platform.storage_namespace + "/export-reminder") {}

void App::start() {
    editing_elsewhere_ = platform_.editing != nullptr && !platform_.editing->held_at_start();
    export_reminder_.load(platform_.clock.now_utc(), !editing_elsewhere_);
    if (std::string problem = platform_.storage.problem(); !problem.empty()) post(MessageKind::Error, std::move(problem));
    JournaledStore::Loaded loaded = autosave_.store().load(platform_.time_zones, !editing_elsewhere_);
    if (!loaded.found) {
        document_ = make_demo_workspace(kDemoParticipants, kDemoSeed, platform_.clock.now_utc(), platform_.time_zones);
        autosave_.record(flipside::app::replace_document(Document{}, document_, "load demo"),
                         platform_.clock.monotonic_seconds());
        post(MessageKind::Info, "Welcome to Flipside. This is a demo program with " +
                                    std::to_string(document_.participants.size()) +
                                    " people; File > Clear all data starts your own.");
        messages_.back().about_the_data = true;
        return;
    }
    if (!loaded.ok) {
        std::vector<std::string> details;
        for (std::size_t i = 0; i < loaded.problems.size() && i < kMaxDetailsShown; ++i)
            details.push_back(loaded.problems[i]);
        if (loaded.newer_version) {
            autosave_.block("The saved data was written by a newer version of Flipside; nothing is saved over it.");
            post(MessageKind::Error,
                 "The data saved in this browser was written by a newer version of Flipside, which this one cannot "
                 "read. It has been left untouched and nothing will be saved over it: open the newer version, or "
                 "import a JSON export here.",
                 std::move(details));
            return;
        }
        autosave_.block("Saved data could not be read; it is left untouched in browser storage.");
        post(MessageKind::Error,
             "The data saved in this browser could not be read, so it has been left untouched and nothing "
             "will be saved over it. Import a JSON export, load the demo, or clear all data to go on.",
             std::move(details));
        return;
    }
    document_ = std::move(loaded.document);
    if (loaded.newer_version)
        autosave_.block("Part of the saved data was written by a newer version of Flipside; nothing is saved over it.");
    for (std::string& warning : loaded.warnings) post(MessageKind::Error, std::move(warning));
}

void App::tick() {
    if (editing_elsewhere_) {
        // The other tab saves; this one only hears what became of its own last writes.
        autosave_.check_durability(platform_.clock.monotonic_seconds());
        return;
    }
    autosave_.tick(document_, platform_.clock.now_utc(), platform_.clock.monotonic_seconds());
    remind_to_export_when_due();
}

void App::remind_to_export_when_due() {
    const UtcSeconds now = platform_.clock.now_utc();
    if (kiosk_.in_kiosk_mode() || !export_reminder_.due(now, !document_.pairs.empty())) return;
    const UtcSeconds exported = export_reminder_.state().exported_at;
    export_reminder_.reminded(now);
    post(MessageKind::Info,
         std::string("This browser holds the only copy of the program's data") +
             (exported > 0 ? ", last exported " + std::to_string((now - exported) / kSecondsPerDay) + " days ago"
                           : ", and it has never been exported") +
             ". Keep a copy elsewhere: File > Export JSON… (a browser can lose its data when its profile is cleared "
             "or the laptop is replaced).",
         {}, "Time to export a copy");
}

void App::flush() {
    if (editing_elsewhere_) return;
    autosave_.tick(document_, platform_.clock.now_utc(), platform_.clock.monotonic_seconds(), true);
}

void App::set_editing_elsewhere(bool elsewhere) {
    if (elsewhere == editing_elsewhere_) return;
    if (!elsewhere) {
        editing_elsewhere_ = false;
        reload_from_storage();
        return;
    }
    // Editing moved away. The page let this tab save first when it could; once the lease is gone
    // nothing more may be written (it could land under the other tab's saves), so what is still
    // unsaved is said, to be exported.
    editing_elsewhere_ = true;
    const SaveStatus& save = autosave_.status();
    if (save.pending || save.settling || save.conflict)
        post(MessageKind::Error,
             "Editing moved to another tab or window before this one could save its latest changes: export them "
             "as JSON now if you need them, then use Edit here or reload.");
    else
        post(MessageKind::Info, "Another tab or window is editing this data now; this one shows it read-only. "
                                "Use Edit here in the status bar to edit in this tab instead.");
}

void App::request_editing_here() {
    if (platform_.editing != nullptr) platform_.editing->request();
}

void App::reload_from_storage() {
    JournaledStore::Loaded loaded = autosave_.store().load(platform_.time_zones);
    if (!loaded.ok) {
        autosave_.block("The saved data could not be read; it is left untouched in browser storage.");
        post(MessageKind::Error, "The data the other tab saved could not be read; this tab keeps what it showed "
                                 "and saves nothing over it.");
        return;
    }
    document_ = std::move(loaded.document);
    history_.clear();  // the other tab's changes came in between: earlier undo steps no longer fit
    ++revision_;
    autosave_.restart();  // this tab's earlier unsaved edits and conflicts belong to the old data
    if (loaded.newer_version)
        autosave_.block("Part of the saved data was written by a newer version of Flipside; nothing is saved over it.");
    for (std::string& warning : loaded.warnings) post(MessageKind::Error, std::move(warning));
    post(MessageKind::Info, "Editing in this tab now, with the data as last saved (" +
                                std::to_string(document_.participants.size()) + " people).");
}

bool App::refuse_when_read_only() {
    if (!read_only()) return false;
    // Widgets may retry every frame (a dragged slider): one message is enough.
    const std::string text = editing_elsewhere_
        ? "Another tab or window is editing this data: use Edit here in the status bar to edit in this tab."
        : "This is a read-only view: changes are not possible here.";
    if (messages_.empty() || messages_.back().text != text) post(MessageKind::Error, text);
    return true;
}

void App::apply(Edit edit) {
    if (edit.empty() || refuse_when_read_only()) return;
    apply_edit(document_, edit);
    autosave_.record(edit, platform_.clock.monotonic_seconds());
    history_.record(std::move(edit));
    ++revision_;
}

void App::undo() {
    if (!history_.can_undo() || refuse_when_read_only()) return;
    const Edit edit = history_.take_undo();
    apply_edit(document_, edit);
    autosave_.record(edit, platform_.clock.monotonic_seconds());
    ++revision_;
}

void App::redo() {
    if (!history_.can_redo() || refuse_when_read_only()) return;
    const Edit edit = history_.take_redo();
    apply_edit(document_, edit);
    autosave_.record(edit, platform_.clock.monotonic_seconds());
    ++revision_;
}

void App::replace_document(Document next, std::string label) {
    if (refuse_when_read_only()) return;  // before unblocking autosave: nothing may change
    autosave_.unblock();  // the user chose what the saved data becomes
    apply(flipside::app::replace_document(document_, std::move(next), std::move(label)));
    messages_.erase(std::remove_if(messages_.begin(), messages_.end(),
                                   [](const UserMessage& m) { return m.about_the_data; }),
                    messages_.end());
}

void App::export_json() {
    export_text("", "json", "application/json", io::write_document_json(document_));
    if (!editing_elsewhere_) export_reminder_.exported(platform_.clock.now_utc());
}

std::vector<RestorePoint> App::restore_points() {
    flush();
    return autosave_.store().restore_points(platform_.clock.now_utc());
}

Result<Document> App::read_restore_point(const RestorePoint& point) {
    return autosave_.store().read_restore_point(point, platform_.time_zones);
}

void App::restore(const RestorePoint& point, Document version) {
    if (refuse_when_read_only()) return;
    const std::size_t people = version.participants.size();
    replace_document(std::move(version), "restore the version of " + format_readable_utc(point.saved_at));
    post(MessageKind::Info, "Restored the version of " + format_readable_utc(point.saved_at) + " (" + std::to_string(people) +
                                " people). Edit > Undo brings back what was there before.");
}


// flipside-<program>[-<what>]-<date>.<extension>
void App::export_text(const std::string& what, const std::string& extension, const std::string& mime_type,
                      const std::string& content) {
    const Program* program = document_.current_program();
    const Date today = civil_from_days(floor_days(platform_.clock.now_utc()));
    const std::string name = "flipside-" + file_slug(program ? program->name : "program") +
                             (what.empty() ? "" : "-" + what) + "-" + format_iso_date(today) + "." + extension;
    deliver(name, mime_type, content);
}

void App::deliver(const std::string& file_name, const std::string& mime_type, const std::string& content,
                  const std::string& note) {
    platform_.files.download(file_name, mime_type, content);
    post(MessageKind::Info, "Exported " + file_name + (note.empty() ? "" : " (" + note + ")"));
}

std::string App::export_calendar(const CalendarSelection& selection) {
    io::IcsOptions options;
    if (const Program* program = document_.current_program()) options.program_id = program->id;
    options.now = platform_.clock.now_utc();
    options.reminder_minutes = 15;
    std::string file = "flipside-calendar.ics";
    std::string whose = "everyone";
    // Files carry the people's names (ids only when a name gives nothing safe to write).
    const auto named = [](const std::string& name, const std::string& id) {
        const std::string part = file_name_part(name);
        return "flipside-" + (part.empty() ? file_name_part(id) : part) + ".ics";
    };
    switch (selection.who) {
        case CalendarSelection::Who::Everyone: break;
        case CalendarSelection::Who::Person:
            options.scope = io::IcsOptions::Scope::Participant;
            options.id = selection.id;
            whose = person_name(document_, selection.id);
            file = named(whose, selection.id);
            break;
        case CalendarSelection::Who::Pair: {
            options.scope = io::IcsOptions::Scope::Pair;
            options.id = selection.id;
            const auto pair = std::find_if(document_.pairs.begin(), document_.pairs.end(),
                                           [&](const Pair& p) { return p.id == selection.id; });
            whose = pair == document_.pairs.end() ? selection.id : pair_names(document_, *pair);
            file = pair == document_.pairs.end()
                       ? named(selection.id, selection.id)
                       : named(person_name(document_, pair->mentor_id) + " and " + person_name(document_, pair->mentee_id),
                               selection.id);
            break;
        }
        case CalendarSelection::Who::OwnSessions:
            options.scope = io::IcsOptions::Scope::Participant;
            options.id = selection.id;
            whose = person_name(document_, selection.id);
            file = "flipside-my-sessions.ics";
            break;
    }
    const std::string ics = io::write_ics(document_, options);
    // One event per session, each opening with this line (a folded line continues with a space).
    const std::string event = "\r\nBEGIN:VEVENT\r\n";
    std::size_t events = 0;
    for (std::size_t at = ics.find(event); at != std::string::npos; at = ics.find(event, at + 1)) ++events;
    deliver(file, "text/calendar", ics, std::to_string(events) + (events == 1 ? " session of " : " sessions of ") + whose);
    return file;
}

void App::export_roster_csv() { export_text("people", "csv", "text/csv", io::write_roster_csv(document_)); }
void App::export_pairs_csv() { export_text("pairs", "csv", "text/csv", io::write_pairs_csv(document_)); }

void App::request_import() { platform_.files.request_upload(".json,application/json"); }
void App::request_csv_import() { platform_.files.request_upload(".csv,.tsv,.txt,text/csv"); }

void App::commit_csv_import(const Edit& edit, std::size_t added, std::size_t updated) {
    if (refuse_when_read_only()) return;
    const std::string file_name = pending_csv_ ? pending_csv_->file_name : "CSV file";
    pending_csv_.reset();
    apply(edit);
    post(MessageKind::Info, "Imported " + file_name + ": " + std::to_string(added) + " added, " +
                                std::to_string(updated) + " updated (Edit > Undo reverts the whole import).");
}

void App::receive_file(const std::string& file_name, const std::string& content) {
    if (refuse_when_read_only()) return;  // a CSV would open the import dialog for nothing
    // Before anything else reads it: a reply (even a damaged one) is never a document to import
    // over the data, and a text file of reply blocks is no CSV.
    if (io::is_reply_text(content)) {
        receive_replies(file_name, content);
        return;
    }
    if (ends_with_ignoring_ascii_case(file_name, ".csv") || ends_with_ignoring_ascii_case(file_name, ".tsv") ||
        ends_with_ignoring_ascii_case(file_name, ".txt")) {
        Result<io::CsvTable> read = io::read_csv(content);
        if (!read) {
            post(MessageKind::Error, "Import refused: " + file_name + " could not be read as CSV; nothing changed.",
                 {read.message()}, "Import refused");
            return;
        }
        pending_csv_ = PendingCsvImport{file_name, std::move(*read)};
        return;
    }
    Result<io::LoadedDocument> read = io::read_document_json(content, platform_.time_zones);
    if (!read) {
        const std::vector<Problem>& problems = read.problems();
        std::vector<std::string> details;
        for (std::size_t i = 0; i < problems.size() && i < kMaxDetailsShown; ++i) details.push_back(describe(problems[i]));
        if (problems.size() > kMaxDetailsShown)
            details.push_back("… and " + std::to_string(problems.size() - kMaxDetailsShown) + " more");
        post(MessageKind::Error,
             "Import refused: " + file_name + " was not imported; your data is unchanged.", std::move(details),
             "Import refused");
        return;
    }
    std::string note = "Imported " + file_name + ": " + std::to_string(read->document.participants.size()) +
                       " people, " + std::to_string(read->document.pairs.size()) + " pairs";
    if (read->migrated_from_version)
        note += " (updated from file version " + std::to_string(read->migrated_from_version) + ")";
    replace_document(std::move(read->document), "import " + file_name);
    post(MessageKind::Info, note);
}

void App::copy_text(const std::string& text, const std::string& what) {
    platform_.clipboard.set_text(text);
    post(MessageKind::Info, "Copied " + what + " to the clipboard.");
}

Result<IssuedInvitations> App::invite(const std::vector<std::string>& participant_ids) {
    if (read_only()) {
        refuse_when_read_only();
        return Problem{"", "This view is read-only: invitations are recorded in the data, so none can be issued here."};
    }
    Result<IssuedInvitations> issued = issue_invitations(document_, participant_ids, platform_.clock.now_utc(),
                                                         platform_.random, platform_.navigation.app_address(),
                                                         platform_.time_zones);
    if (!issued) {
        post(MessageKind::Error, "No invitation was issued: " + issued.message());
        return issued;
    }
    apply(issued->edit);
    const std::size_t count = issued->handouts.size();
    post(MessageKind::Info, "Issued " + plural(count, "invitation", "invitations") + " in " +
                                (document_.current_program() ? document_.current_program()->name : std::string("the program")) +
                                (issued->key_added ? " (the program got its invitation key)" : "") +
                                ". Replies to them can be merged with Participants > Merge replies…");
    return issued;
}

void App::receive_replies(const std::string& source, const std::string& text) {
    if (refuse_when_read_only()) return;
    if (kiosk_.in_kiosk_mode()) {
        // The review is the coordinator's: a participant at the kiosk must not start it.
        post(MessageKind::Error, source + " is a participant's reply: replies are merged by the coordinator, "
                                          "outside kiosk mode (Participants > Merge replies…).");
        return;
    }
    replies_.add(source, text);
}

const participants::MergePlan& App::reply_review() {
    return replies_.plan(document_, revision_, platform_.clock.now_utc(), platform_.time_zones);
}

participants::MergePlan App::apply_replies() {
    participants::MergePlan plan = merge_batch(replies_);
    if (!read_only()) replies_.clear();
    return plan;
}

participants::MergePlan App::merge_batch(ReplyBatch& batch) {
    if (refuse_when_read_only()) return {};
    participants::MergePlan plan =
        participants::plan_merge(document_, batch.replies(), platform_.clock.now_utc(), platform_.time_zones, batch.choices());
    std::vector<std::string> details;
    for (const ReplyBatch::Unreadable& unreadable : batch.unreadable()) details.push_back(unreadable.reason);
    for (const participants::ReplyReview& review : plan.replies) {
        if (review.outcome == participants::ReplyOutcome::Refused)
            details.push_back("Refused " + review.source + ": " + review.reason);
        else if (review.outcome == participants::ReplyOutcome::Skipped)
            details.push_back("Skipped " + review.source + ": " + review.reason);
    }
    const std::size_t refused = plan.refused + batch.unreadable().size();
    apply(plan.edit);
    if (details.size() > kMaxDetailsShown) {
        const std::size_t more = details.size() - kMaxDetailsShown;
        details.resize(kMaxDetailsShown);
        details.push_back("… and " + std::to_string(more) + " more");
    }
    std::string text = "Merged " + plural(plan.applied, "reply", "replies") + " (" + std::to_string(plan.skipped) +
                       " skipped, " + std::to_string(refused) + " refused)";
    text += plan.applied > 0 ? ". Edit > Undo takes the whole merge back." : "; nothing changed.";
    post(refused > 0 ? MessageKind::Error : MessageKind::Info, std::move(text), std::move(details));
    return plan;
}

void App::load_demo() {
    if (refuse_when_read_only()) return;
    replace_document(make_demo_workspace(kDemoParticipants, kDemoSeed, platform_.clock.now_utc(), platform_.time_zones), "load demo");
    post(MessageKind::Info, "Demo program loaded (Edit > Undo brings back what was there).");
}

void App::clear_all() {
    if (refuse_when_read_only()) return;
    replace_document(Document{}, "clear all data");
    post(MessageKind::Info, "All data cleared (Edit > Undo brings it back).");
}

std::string App::next_participant_id() const { return unused_id(document_.participants, kParticipantIds); }
std::string App::next_program_id() const { return unused_id(document_.programs, kProgramIds); }

void App::dismiss_message(std::size_t index) {
    if (index < messages_.size()) messages_.erase(messages_.begin() + static_cast<std::ptrdiff_t>(index));
}

void App::post(MessageKind kind, std::string text, std::vector<std::string> details, std::string title) {
    post(UserMessage{kind, std::move(text), std::move(title), std::move(details)});
}

void App::post(UserMessage message) {
    messages_.push_back(std::move(message));
    if (messages_.size() > 20) messages_.erase(messages_.begin());
}

StorageUsage App::storage_usage() const {
    return StorageUsage{autosave_.store().used_bytes(), platform_.storage.quota_bytes(),
                        platform_.storage.persistence()};
}

}  // namespace flipside::app
