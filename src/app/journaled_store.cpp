#include "app/journaled_store.h"

#include <string_view>

#include "core/text.h"
#include "io/journal_json.h"
#include "core/validation.h"
#include "io/json_document.h"

namespace flipside::app {

namespace {

constexpr std::string_view kSnapshotHeader = "FLIPSIDE-SNAPSHOT ";
constexpr std::uint64_t kMostEntries = 200;          // replaying more than this makes starts slow
constexpr std::size_t kSmallJournalBytes = 256 * 1024;  // below this, the journal never wants a snapshot

// The snapshot's generation and where its document starts; a bare document is generation 0.
bool split_snapshot(std::string_view text, std::uint64_t& generation, std::string_view& document) {
    if (text.substr(0, kSnapshotHeader.size()) != kSnapshotHeader) {
        generation = 0;
        document = text;
        return true;
    }
    std::size_t at = kSnapshotHeader.size();
    std::uint64_t value = 0;
    const std::size_t digits_start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9' && at - digits_start < 18)
        value = value * 10 + static_cast<std::uint64_t>(text[at++] - '0');
    if (at == digits_start || at >= text.size() || text[at] != '\n') return false;
    generation = value;
    document = text.substr(at + 1);
    return true;
}

bool says_newer_version(const std::vector<Problem>& problems) {
    for (const Problem& problem : problems)
        if (problem.path == "/schema_version" && problem.reason.find("newer") != std::string::npos) return true;
    return false;
}

}  // namespace

JournaledStore::JournaledStore(platform::Storage& storage, std::string storage_namespace)
    : storage_(storage), documents_(storage, std::move(storage_namespace)) {}

std::string JournaledStore::entry_key(std::uint64_t generation, std::uint64_t sequence) const {
    return prefix() + "journal/" + std::to_string(generation) + "/" + std::to_string(sequence);
}

bool JournaledStore::generation_is_live() const {
    if (fresh_) return !storage_.read(prefix() + "current").has_value();
    return storage_.read(entry_key(generation_, 0)).has_value();
}

// The last entry first, the marker last: a removal cut short leaves entries 0..k, which the
// next load finds by counting up from the marker.
void JournaledStore::remove_journal(std::uint64_t generation, std::uint64_t through) const {
    for (std::uint64_t sequence = through + 1; sequence-- > 0;) storage_.remove(entry_key(generation, sequence));
}

JournaledStore::Loaded JournaledStore::load(const TimeZoneCatalog& time_zones, bool tidy) {
    Loaded out;
    generation_ = 0;
    next_sequence_ = 1;
    journal_bytes_ = 0;
    snapshot_wanted_ = false;
    fresh_ = false;
    left_out_ = 0;
    entry_times_.clear();
    snapshot_at_ = 0;
    kept_.clear();
    const std::optional<std::string> text = documents_.load();
    if (!text) {
        fresh_ = true;
        return out;
    }
    if (const std::optional<std::string> catalog = storage_.read(catalog_key())) kept_ = decode_backup_catalog(*catalog);
    out.found = true;

    // The snapshot: the current slot, else the one before it (a switch cut short).
    const auto read_snapshot = [&](const std::string& snapshot, std::uint64_t& generation) -> Result<io::LoadedDocument> {
        std::string_view document_text;
        if (!split_snapshot(snapshot, generation, document_text))
            return Problem{"/", "the saved snapshot's header is damaged"};
        return io::read_document_json(document_text, time_zones);
    };
    std::uint64_t generation = 0;
    Result<io::LoadedDocument> read = read_snapshot(*text, generation);
    if (!read) {
        out.newer_version = says_newer_version(read.problems());
        // The same snapshot's backup copy (the live generation is the catalogue's last), else the
        // spare slot: the snapshot before, when a switch was cut short.
        std::optional<Result<io::LoadedDocument>> fallback;
        if (!out.newer_version && !kept_.empty()) {
            const std::uint64_t live = kept_.back().generation;
            if (const std::optional<std::string> copy = storage_.read(backup_key(live));
                copy && storage_.read(entry_key(live, 0))) {
                std::uint64_t copy_generation = 0;
                Result<io::LoadedDocument> copied = read_snapshot(*copy, copy_generation);
                if (copied && copy_generation == live) {
                    out.warnings.push_back("The saved data could not be read; its backup copy was used instead.");
                    generation = copy_generation;
                    fallback = std::move(copied);
                }
            }
        }
        if (!fallback && !out.newer_version) {
            if (const std::optional<std::string> spare = documents_.load_spare()) {
                std::uint64_t spare_generation = 0;
                Result<io::LoadedDocument> older = read_snapshot(*spare, spare_generation);
                if (older) {
                    out.used_spare = true;
                    out.warnings.push_back("The last save could not be read; the save before it was restored.");
                    generation = spare_generation;
                    fallback = std::move(older);
                }
            }
        }
        if (!fallback) {
            for (const Problem& problem : read.problems()) out.problems.push_back(describe(problem));
            return out;
        }
        read = std::move(*fallback);
        snapshot_wanted_ = true;  // move off the damaged slot at the next save
    }
    generation_ = generation;
    snapshot_bytes_ = text->size();
    out.document = std::move(read->document);

    // The journal of this generation, in order, up to the first entry that cannot be used.
    std::vector<io::JournalEntry> entries;
    for (std::uint64_t sequence = 1;; ++sequence) {
        const std::optional<std::string> entry = storage_.read(entry_key(generation_, sequence));
        if (!entry) break;
        io::DecodedJournalEntry decoded = io::decode_journal_entry(*entry);
        if (!decoded.ok || decoded.entry.sequence != sequence) {
            std::uint64_t left_out = 1;
            while (storage_.read(entry_key(generation_, sequence + left_out))) ++left_out;
            left_out_ = left_out;
            if (decoded.newer_format) {
                out.newer_version = true;
                out.warnings.push_back("The latest " + plural(left_out, "change was", "changes were") +
                                       " saved by a newer version of Flipside and cannot be shown here; "
                                       "nothing will be saved over them.");
            } else {
                out.warnings.push_back("The latest " + plural(left_out, "saved change", "saved changes") +
                                       " could not be read and " + (left_out == 1 ? "was" : "were") +
                                       " left out (" + (decoded.ok ? "out of order" : decoded.problem) + ").");
            }
            snapshot_wanted_ = true;
            // The next entry would land on the unreadable one: start a new generation instead.
            break;
        }
        journal_bytes_ += entry->size();
        entry_times_.push_back(decoded.entry.saved_at);
        entries.push_back(std::move(decoded.entry));
        next_sequence_ = sequence + 1;
    }
    for (const KeptGeneration& kept : kept_)
        if (kept.generation == generation_) snapshot_at_ = kept.snapshot_at;
    if (!entries.empty()) {
        Document replayed = out.document;
        std::size_t used = entries.size();
        for (;;) {
            for (std::size_t e = 0; e < used; ++e)
                for (const Edit& edit : entries[e].edits) apply_edit(replayed, edit);
            if (used == 0 || validate_document(replayed, time_zones).empty()) break;
            replayed = out.document;  // the last entry breaks the document: leave it out
            --used;
        }
        entry_times_.resize(used);
        if (used < entries.size()) {
            out.warnings.push_back("The latest " + plural(entries.size() - used, "saved change", "saved changes") +
                                   " did not fit the rest of the data and " +
                                   (entries.size() - used == 1 ? "was" : "were") + " left out.");
            snapshot_wanted_ = true;
        }
        out.document = std::move(replayed);
    }
    out.ok = true;

    // Leftovers of a compaction cut short: the generation before (removed after the switch) and
    // the one after (its marker is written before the switch). A tab that only reads writes
    // nothing: the one that edits may be in the middle of a compaction.
    if (!tidy) return out;
    if (generation_ > 0) {
        if (is_kept(generation_ - 1)) {
            storage_.remove(entry_key(generation_ - 1, 0));
        } else {
            std::uint64_t last = 0;
            while (storage_.read(entry_key(generation_ - 1, last + 1))) ++last;
            if (last > 0 || storage_.read(entry_key(generation_ - 1, 0))) remove_journal(generation_ - 1, last);
        }
    }
    storage_.remove(entry_key(generation_ + 1, 0));
    // A store written before the journal existed has no marker for its generation 0.
    if (!out.newer_version && !storage_.read(entry_key(generation_, 0)))
        storage_.write(entry_key(generation_, 0), "{\"generation\":" + std::to_string(generation_) + "}");
    return out;
}

std::size_t JournaledStore::used_bytes() const {
    if (!used_bytes_) used_bytes_ = storage_.used_bytes(prefix());
    return *used_bytes_;
}

void JournaledStore::resync() {
    used_bytes_.reset();
    const std::optional<std::string> text = documents_.load();
    fresh_ = !text.has_value();
    generation_ = 0;
    std::string_view document;
    if (text && !split_snapshot(*text, generation_, document)) generation_ = 0;
    next_sequence_ = 1;
    journal_bytes_ = 0;
    entry_times_.clear();
    while (const std::optional<std::string> entry = storage_.read(entry_key(generation_, next_sequence_))) {
        journal_bytes_ += entry->size();
        entry_times_.push_back(io::decode_journal_entry(*entry).entry.saved_at);
        ++next_sequence_;
    }
    kept_.clear();
    if (const std::optional<std::string> catalog = storage_.read(catalog_key())) kept_ = decode_backup_catalog(*catalog);
    snapshot_bytes_ = text ? text->size() : 0;
    snapshot_wanted_ = true;
    left_out_ = 0;
}

bool JournaledStore::wants_snapshot() const {
    if (fresh_ || snapshot_wanted_) return true;
    if (next_sequence_ - 1 >= kMostEntries) return true;
    return journal_bytes_ > kSmallJournalBytes && journal_bytes_ > snapshot_bytes_ / 2;
}

JournaledStore::SaveOutcome JournaledStore::append(const std::vector<Edit>& edits, UtcSeconds now) {
    if (fresh_) return SaveOutcome::Failed;  // the first save is a snapshot (wants_snapshot says so)
    if (!generation_is_live()) return SaveOutcome::Conflict;
    used_bytes_.reset();
    const std::string key = entry_key(generation_, next_sequence_);
    const std::string text = io::encode_journal_entry(edits, next_sequence_, now);
    for (bool retried = false;; retried = true) {
        const platform::Storage::WriteResult written = storage_.create(key, text);
        if (written == platform::Storage::WriteResult::Ok) break;
        if (written == platform::Storage::WriteResult::Exists) return SaveOutcome::Conflict;
        storage_.remove(key);
        if (written == platform::Storage::WriteResult::Failed) return SaveOutcome::Failed;
        if (retried || !release_backups()) return SaveOutcome::QuotaExceeded;
    }
    const std::optional<std::string> written = storage_.read(key);
    if (!written || *written != text) {
        storage_.remove(key);
        return SaveOutcome::Failed;
    }
    ++next_sequence_;
    journal_bytes_ += text.size();
    entry_times_.push_back(now);
    return SaveOutcome::Saved;
}

JournaledStore::SaveOutcome JournaledStore::write_snapshot(const Document& document, UtcSeconds now) {
    if (!generation_is_live()) return SaveOutcome::Conflict;
    // Another writer may have appended after this store last looked: its entry would be lost.
    // (Entries the load left out as unreadable are known, and go with the old journal.)
    if (!fresh_ && left_out_ == 0 && storage_.read(entry_key(generation_, next_sequence_))) return SaveOutcome::Conflict;
    used_bytes_.reset();
    const std::uint64_t next_generation = fresh_ ? 1 : generation_ + 1;
    const std::string marker = "{\"generation\":" + std::to_string(next_generation) + "}";
    std::string text(kSnapshotHeader);
    text += std::to_string(next_generation);
    text += '\n';
    text += io::write_document_json(document, -1);
    for (bool retried = false;; retried = true) {
        SaveOutcome outcome = SaveOutcome::Saved;
        switch (storage_.write(entry_key(next_generation, 0), marker)) {
            case platform::Storage::WriteResult::Ok:
                switch (documents_.save(text)) {
                    case DocumentStore::SaveOutcome::Saved: break;
                    case DocumentStore::SaveOutcome::QuotaExceeded: outcome = SaveOutcome::QuotaExceeded; break;
                    case DocumentStore::SaveOutcome::Failed: outcome = SaveOutcome::Failed; break;
                }
                if (outcome != SaveOutcome::Saved) storage_.remove(entry_key(next_generation, 0));
                break;
            case platform::Storage::WriteResult::QuotaExceeded: outcome = SaveOutcome::QuotaExceeded; break;
            default: outcome = SaveOutcome::Failed; break;
        }
        if (outcome == SaveOutcome::Saved) break;
        if (outcome == SaveOutcome::Failed || retried || !release_backups()) return outcome;
    }
    keep_backups(generation_, next_sequence_ - 1 + left_out_, text, now);
    fresh_ = false;
    left_out_ = 0;
    generation_ = next_generation;
    next_sequence_ = 1;
    journal_bytes_ = 0;
    snapshot_bytes_ = text.size();
    snapshot_wanted_ = false;
    snapshot_at_ = now;
    entry_times_.clear();
    return SaveOutcome::Saved;
}

bool JournaledStore::is_kept(std::uint64_t generation) const {
    for (const KeptGeneration& kept : kept_)
        if (kept.generation == generation) return true;
    return false;
}

void JournaledStore::write_catalog() {
    used_bytes_.reset();
    if (kept_.empty()) storage_.remove(catalog_key());
    else storage_.write(catalog_key(), encode_backup_catalog(kept_));
}

// Called once the pointer designates the new snapshot (generation_ is still the ended one;
// `ended_entries` counts its journal, unreadable entries included; 0 and `fresh_` for the first).
void JournaledStore::keep_backups(std::uint64_t ended, std::uint64_t ended_entries, const std::string& snapshot,
                                  UtcSeconds now) {
    const std::uint64_t next_generation = fresh_ ? 1 : generation_ + 1;
    if (!fresh_) {
        const std::uint64_t readable = next_sequence_ - 1;
        bool kept = false;
        for (KeptGeneration& generation : kept_) {
            if (generation.generation != ended) continue;
            kept = true;
            generation.entries = readable;
            generation.last_saved_at = entry_times_.empty() ? generation.snapshot_at : entry_times_.back();
        }
        if (kept) {
            // The marker first, so that no writer appends to an ended generation; then the entries
            // no version can use.
            storage_.remove(entry_key(ended, 0));
            for (std::uint64_t sequence = ended_entries; sequence > readable; --sequence)
                storage_.remove(entry_key(ended, sequence));
        } else {
            remove_journal(ended, ended_entries);
        }
    }
    kept_.push_back({next_generation, now, now, 0});
    write_catalog();
    const platform::Storage::WriteResult copied = storage_.write(backup_key(next_generation), snapshot);
    if (copied != platform::Storage::WriteResult::Ok) {
        storage_.remove(backup_key(next_generation));
        kept_.pop_back();
    }
    const std::set<std::uint64_t> keep = generations_to_keep(kept_, now);
    std::vector<KeptGeneration> still_kept;
    for (const KeptGeneration& generation : kept_) {
        // The live generation's journal is the store's own, whatever the policy says of its copy.
        if (keep.count(generation.generation) || generation.generation == next_generation) {
            still_kept.push_back(generation);
            continue;
        }
        storage_.remove(backup_key(generation.generation));
        remove_journal(generation.generation, generation.entries);
    }
    kept_ = std::move(still_kept);
    write_catalog();
}

bool JournaledStore::release_backups() {
    bool released = false;
    std::vector<KeptGeneration> still_kept;
    for (const KeptGeneration& generation : kept_) {
        released = true;
        storage_.remove(backup_key(generation.generation));
        if (generation.generation != generation_) remove_journal(generation.generation, generation.entries);
    }
    kept_.clear();
    if (released) write_catalog();
    return released;
}

std::vector<RestorePoint> JournaledStore::restore_points(UtcSeconds now) {
    std::vector<RestorePoint> points;
    for (const KeptGeneration& kept : kept_) {
        if (kept.generation == generation_) continue;
        points.push_back({kept.generation, 0, kept.snapshot_at});
        for (std::uint64_t sequence = 1; sequence <= kept.entries; ++sequence) {
            const std::optional<std::string> entry = storage_.read(entry_key(kept.generation, sequence));
            if (!entry) break;
            const io::DecodedJournalEntry decoded = io::decode_journal_entry(*entry);
            if (!decoded.ok) break;
            points.push_back({kept.generation, sequence, decoded.entry.saved_at});
        }
    }
    if (!fresh_) {
        if (snapshot_at_ > 0 && !entry_times_.empty()) points.push_back({generation_, 0, snapshot_at_});
        // The last entry is the current state, not an earlier version.
        for (std::size_t e = 0; e + 1 < entry_times_.size(); ++e)
            points.push_back({generation_, e + 1, entry_times_[e]});
    }
    return restore_points_to_offer(std::move(points), now);
}

Result<Document> JournaledStore::read_restore_point(const RestorePoint& point, const TimeZoneCatalog& time_zones) {
    const std::optional<std::string> text =
        point.generation == generation_ ? documents_.load() : storage_.read(backup_key(point.generation));
    if (!text) return Problem{"/", "this version is no longer kept"};
    std::uint64_t generation = 0;
    std::string_view document_text;
    if (!split_snapshot(*text, generation, document_text) || generation != point.generation)
        return Problem{"/", "the saved copy of this version is damaged"};
    Result<io::LoadedDocument> read = io::read_document_json(document_text, time_zones);
    if (!read) return read.problems();
    Document document = std::move(read->document);
    for (std::uint64_t sequence = 1; sequence <= point.entries; ++sequence) {
        const std::optional<std::string> entry = storage_.read(entry_key(point.generation, sequence));
        if (!entry) return Problem{"/", "a change of this version is no longer kept"};
        const io::DecodedJournalEntry decoded = io::decode_journal_entry(*entry);
        if (!decoded.ok) return Problem{"/journal/" + std::to_string(sequence), decoded.problem};
        for (const Edit& edit : decoded.entry.edits) apply_edit(document, edit);
    }
    if (std::vector<Problem> problems = validate_document(document, time_zones); !problems.empty()) return problems;
    return document;
}

}  // namespace flipside::app
