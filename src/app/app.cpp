#include "app/app.h"

#include <algorithm>
#include <cstdio>

#include "app/ids.h"
#include "app/demo_workspace.h"
#include "io/ical_writer.h"
#include "io/json_document.h"
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
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            slug += static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z')
            slug += static_cast<char>(c - 'A' + 'a');
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
      autosave_(DocumentStore(platform.storage, platform.storage_namespace)),
      kiosk_(platform.storage, platform.clock, platform.storage_namespace) {}

void App::start() {
    const DocumentStore& store = autosave_.store();
    const auto saved = store.load();
    if (!saved) {
        document_ = make_demo_workspace(kDemoParticipants, kDemoSeed, platform_.clock.now_utc(), platform_.time_zones);
        autosave_.mark_changed(platform_.clock.monotonic_seconds());
        post(MessageKind::Info, "Welcome to Flipside. This is a demo program with " +
                                    std::to_string(document_.participants.size()) +
                                    " people; File > Clear all data starts your own.");
        messages_.back().about_the_data = true;
        return;
    }
    io::ReadResult read = io::read_document_json(*saved, platform_.time_zones);
    if (!read.ok) {
        // The spare slot holds the save before the last one, when the last switch was interrupted.
        if (const auto spare = store.load_spare()) {
            io::ReadResult older = io::read_document_json(*spare, platform_.time_zones);
            if (older.ok) {
                document_ = std::move(older.document);
                post(MessageKind::Error, "The last save could not be read; the save before it was restored.");
                return;
            }
        }
        std::vector<std::string> details;
        for (std::size_t i = 0; i < read.problems.size() && i < kMaxDetailsShown; ++i)
            details.push_back(read.problems[i].path + ": " + read.problems[i].reason);
        autosave_.block("Saved data could not be read; it is left untouched in browser storage.");
        post(MessageKind::Error,
             "The data saved in this browser could not be read, so it has been left untouched and nothing "
             "will be saved over it. Import a JSON export, load the demo, or clear all data to go on.",
             std::move(details));
        return;
    }
    document_ = std::move(read.document);
}

void App::tick() { autosave_.tick(document_, platform_.clock.monotonic_seconds()); }

void App::flush() { autosave_.tick(document_, platform_.clock.monotonic_seconds(), true); }

bool App::refuse_when_read_only() {
    if (!read_only_) return false;
    // Widgets may retry every frame (a dragged slider): one message is enough.
    const std::string text = "This is a read-only view: changes are not possible here.";
    if (messages_.empty() || messages_.back().text != text) post(MessageKind::Error, text);
    return true;
}

void App::apply(Edit edit) {
    if (edit.empty() || refuse_when_read_only()) return;
    apply_edit(document_, edit);
    history_.record(std::move(edit));
    ++revision_;
    autosave_.mark_changed(platform_.clock.monotonic_seconds());
}

void App::undo() {
    if (!history_.can_undo() || refuse_when_read_only()) return;
    apply_edit(document_, history_.take_undo());
    ++revision_;
    autosave_.mark_changed(platform_.clock.monotonic_seconds());
}

void App::redo() {
    if (!history_.can_redo() || refuse_when_read_only()) return;
    apply_edit(document_, history_.take_redo());
    ++revision_;
    autosave_.mark_changed(platform_.clock.monotonic_seconds());
}

void App::replace_document(Document next, std::string label) {
    if (refuse_when_read_only()) return;  // before unblocking autosave: nothing may change
    autosave_.unblock();  // the user chose what the saved data becomes
    apply(flipside::app::replace_document(document_, std::move(next), std::move(label)));
    messages_.erase(std::remove_if(messages_.begin(), messages_.end(),
                                   [](const UserMessage& m) { return m.about_the_data; }),
                    messages_.end());
}

void App::export_json() { export_text("", "json", "application/json", io::write_document_json(document_)); }

// flipside-<program>[-<what>]-<date>.<extension>
void App::export_text(const std::string& what, const std::string& extension, const std::string& mime_type,
                      const std::string& content) {
    const Program* program = document_.current_program();
    const Date today = civil_from_days(platform_.clock.now_utc() / 86400);
    const std::string name = "flipside-" + file_slug(program ? program->name : "program") +
                             (what.empty() ? "" : "-" + what) + "-" + format_iso_date(today) + "." + extension;
    deliver(name, mime_type, content);
}

void App::deliver(const std::string& file_name, const std::string& mime_type, const std::string& content,
                  const std::string& note) {
    platform_.files.download(file_name, mime_type, content);
    post(MessageKind::Info, "Exported " + file_name + (note.empty() ? "" : " (" + note + ")"));
}

void App::export_calendar(const CalendarSelection& selection) {
    io::IcsOptions options;
    if (const Program* program = document_.current_program()) options.program_id = program->id;
    options.now = platform_.clock.now_utc();
    options.reminder_minutes = 15;
    std::string file = "flipside-calendar.ics";
    switch (selection.who) {
        case CalendarSelection::Who::Everyone: break;
        case CalendarSelection::Who::Person:
            options.scope = io::IcsOptions::Scope::Participant;
            options.id = selection.id;
            file = "flipside-" + selection.id + ".ics";
            break;
        case CalendarSelection::Who::Pair:
            options.scope = io::IcsOptions::Scope::Pair;
            options.id = selection.id;
            file = "flipside-" + selection.id + ".ics";
            break;
        case CalendarSelection::Who::OwnSessions:
            options.scope = io::IcsOptions::Scope::Participant;
            options.id = selection.id;
            file = "flipside-my-sessions.ics";
            break;
    }
    const std::string ics = io::write_ics(document_, options);
    // One event per session, each opening with this line (a folded line continues with a space).
    const std::string event = "\r\nBEGIN:VEVENT\r\n";
    std::size_t events = 0;
    for (std::size_t at = ics.find(event); at != std::string::npos; at = ics.find(event, at + 1)) ++events;
    deliver(file, "text/calendar", ics, std::to_string(events) + (events == 1 ? " session" : " sessions"));
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

namespace {

bool ends_with_folded(const std::string& text, const std::string& suffix) {
    if (text.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        char c = text[text.size() - suffix.size() + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[i]) return false;
    }
    return true;
}

}  // namespace

void App::receive_file(const std::string& file_name, const std::string& content) {
    if (refuse_when_read_only()) return;  // a CSV would open the import dialog for nothing
    if (ends_with_folded(file_name, ".csv") || ends_with_folded(file_name, ".tsv") ||
        ends_with_folded(file_name, ".txt")) {
        io::CsvReadResult read = io::read_csv(content);
        if (!read.ok) {
            post(MessageKind::Error, "Import refused: " + file_name + " could not be read as CSV; nothing changed.",
                 {read.error}, "Import refused");
            return;
        }
        pending_csv_ = PendingCsvImport{file_name, std::move(read.table)};
        return;
    }
    io::ReadResult read = io::read_document_json(content, platform_.time_zones);
    if (!read.ok) {
        std::vector<std::string> details;
        for (std::size_t i = 0; i < read.problems.size() && i < kMaxDetailsShown; ++i)
            details.push_back(read.problems[i].path + ": " + read.problems[i].reason);
        if (read.problems.size() > kMaxDetailsShown)
            details.push_back("… and " + std::to_string(read.problems.size() - kMaxDetailsShown) + " more");
        post(MessageKind::Error,
             "Import refused: " + file_name + " was not imported; your data is unchanged.", std::move(details),
             "Import refused");
        return;
    }
    std::string note = "Imported " + file_name + ": " + std::to_string(read.document.participants.size()) +
                       " people, " + std::to_string(read.document.pairs.size()) + " pairs";
    if (read.migrated_from_version)
        note += " (updated from file version " + std::to_string(read.migrated_from_version) + ")";
    replace_document(std::move(read.document), "import " + file_name);
    post(MessageKind::Info, note);
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

std::string App::next_participant_id() const { return unused_id(document_.participants, "P"); }
std::string App::next_program_id() const { return unused_id(document_.programs, "R"); }

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
    return StorageUsage{autosave_.store().used_bytes(), platform_.storage.quota_bytes()};
}

}  // namespace flipside::app
