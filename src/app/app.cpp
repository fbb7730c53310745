#include "app/app.h"

#include <algorithm>
#include <cstdio>

#include "app/demo_workspace.h"
#include "core/ids.h"
#include "core/text.h"
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
    Result<io::LoadedDocument> read = io::read_document_json(*saved, platform_.time_zones);
    if (!read) {
        // The spare slot holds the save before the last one, when the last switch was interrupted.
        if (const auto spare = store.load_spare()) {
            Result<io::LoadedDocument> older = io::read_document_json(*spare, platform_.time_zones);
            if (older) {
                document_ = std::move(older->document);
                post(MessageKind::Error, "The last save could not be read; the save before it was restored.");
                return;
            }
        }
        std::vector<std::string> details;
        for (std::size_t i = 0; i < read.problems().size() && i < kMaxDetailsShown; ++i)
            details.push_back(describe(read.problems()[i]));
        autosave_.block("Saved data could not be read; it is left untouched in browser storage.");
        post(MessageKind::Error,
             "The data saved in this browser could not be read, so it has been left untouched and nothing "
             "will be saved over it. Import a JSON export, load the demo, or clear all data to go on.",
             std::move(details));
        return;
    }
    document_ = std::move(read->document);
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
    const Date today = civil_from_days(floor_days(platform_.clock.now_utc()));
    const std::string name = "flipside-" + file_slug(program ? program->name : "program") +
                             (what.empty() ? "" : "-" + what) + "-" + format_iso_date(today) + "." + extension;
    platform_.files.download(name, mime_type, content);
    post(MessageKind::Info, "Exported " + name);
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
    messages_.push_back(UserMessage{kind, std::move(text), std::move(title), std::move(details)});
    if (messages_.size() > 20) messages_.erase(messages_.begin());
}

StorageUsage App::storage_usage() const {
    return StorageUsage{autosave_.store().used_bytes(), platform_.storage.quota_bytes()};
}

}  // namespace flipside::app
