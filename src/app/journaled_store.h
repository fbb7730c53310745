// The document in key/value storage as a snapshot plus a journal of the edits since, so that a
// save writes what changed: one person edited in a 50,000-person program is a few kilobytes.
//
// Keys under "flipside/<namespace>/":
//   current, doc.a, doc.b   the snapshot, in DocumentStore's two slots (written into the spare
//                           one, read back, then switched to): "FLIPSIDE-SNAPSHOT <generation>\n"
//                           followed by the document's JSON (a bare JSON document is generation 0,
//                           as every save before the journal was)
//   journal/<g>/0           the marker of generation g: present while g is the live snapshot
//   journal/<g>/<n>         entry n (1, 2, ...) of generation g (io/journal_json.h)
//   backup/<g>              a copy of generation g's snapshot, written with it, so that the
//                           generation's versions can be restored after it has ended
//   backups                 the catalogue of generations kept for restoring (app/backup_catalog.h)
//
// Guarantees:
//   - every write is of one key, and a key is never left half written, so a crash or a killed
//     tab loses at most the entry being written, never what was saved before;
//   - an entry is created only where none exists, and only while its generation's marker is
//     there: a second tab (or a tab that slept through another's saves) finds its entry or its
//     generation taken and gets Conflict instead of writing over newer data;
//   - a new snapshot (compaction, or a whole-document edit such as an import) gets the next
//     generation; the journal of the one before loses its marker only once the pointer has
//     switched, and its entries stay while the backup policy keeps the generation;
//   - backups never cost a save: when the storage is full, they are removed and the save tried
//     again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/backup_catalog.h"
#include "app/document_store.h"
#include "core/edit.h"
#include "core/model.h"
#include "core/result.h"
#include "core/time_zone_catalog.h"
#include "platform/interface/platform.h"

namespace flipside::app {

class JournaledStore {
public:
    enum class SaveOutcome { Saved, QuotaExceeded, Failed, Conflict };

    struct Loaded {
        bool found = false;                // anything was saved in this namespace
        bool ok = false;                   // `document` holds it
        Document document;
        std::vector<std::string> warnings;  // what was recovered around ("2 saved changes could not be read")
        std::vector<std::string> problems;  // why nothing could be loaded: "path: reason"
        bool newer_version = false;         // written by a later Flipside: never save over it
        bool used_spare = false;            // the snapshot before the last one was used
    };

    JournaledStore(platform::Storage& storage, std::string storage_namespace);

    // `tidy`: also remove what a save cut short left behind (only the tab that edits may write).
    Loaded load(const TimeZoneCatalog& time_zones, bool tidy = true);

    // One entry with `edits` (record edits only), after the last one.
    SaveOutcome append(const std::vector<Edit>& edits, UtcSeconds now);
    // A new snapshot of `document` (a new generation); the journal starts again.
    SaveOutcome write_snapshot(const Document& document, UtcSeconds now);
    // True when the next save must be a snapshot: nothing is saved yet, the journal has grown to
    // a good share of the snapshot (appending forever would make every start replay it), or a
    // load had to leave entries out.
    bool wants_snapshot() const;

    // After the storage reported that earlier writes did not reach the disk (a write-behind
    // store rolled them back): reads the generation and journal length back from storage, and
    // makes the next save a snapshot.
    void resync();

    // The versions that can be restored, newest first (restore_points_to_offer at `now`),
    // without the current state.
    std::vector<RestorePoint> restore_points(UtcSeconds now);
    // The document as it was at `point`; a problem when its data is gone or cannot be read.
    Result<Document> read_restore_point(const RestorePoint& point, const TimeZoneCatalog& time_zones);
    // Removes every backup (the storage is full); true when there was any.
    bool release_backups();
    platform::Storage::Durability durability() { return storage_.durability(); }

    std::uint64_t generation() const { return generation_; }
    std::uint64_t entries() const { return next_sequence_ - 1; }
    std::size_t journal_bytes() const { return journal_bytes_; }
    // Everything under this namespace's prefix, in bytes as the storage counts them; counted
    // again only after a write (a browser walks every key to count).
    std::size_t used_bytes() const;
    const std::string& prefix() const { return documents_.prefix(); }

private:
    std::string entry_key(std::uint64_t generation, std::uint64_t sequence) const;
    bool generation_is_live() const;
    void remove_journal(std::uint64_t generation, std::uint64_t through) const;
    std::string backup_key(std::uint64_t generation) const { return prefix() + "backup/" + std::to_string(generation); }
    std::string catalog_key() const { return prefix() + "backups"; }
    void write_catalog();
    bool is_kept(std::uint64_t generation) const;
    // After a new generation began: its snapshot copy, the ended generation's journal, and the
    // generations the policy no longer wants.
    void keep_backups(std::uint64_t ended, std::uint64_t ended_entries, const std::string& snapshot, UtcSeconds now);

    platform::Storage& storage_;
    DocumentStore documents_;
    std::uint64_t generation_ = 0;
    std::uint64_t next_sequence_ = 1;
    std::size_t journal_bytes_ = 0;
    std::size_t snapshot_bytes_ = 0;
    bool snapshot_wanted_ = false;
    bool fresh_ = true;  // nothing saved in this namespace yet
    std::uint64_t left_out_ = 0;  // unreadable entries after the last one replayed
    std::vector<KeptGeneration> kept_;            // the catalogue, oldest first
    std::vector<UtcSeconds> entry_times_;          // saved_at of the live generation's entries
    UtcSeconds snapshot_at_ = 0;                   // of the live snapshot; 0 when not known
    mutable std::optional<std::size_t> used_bytes_;
};

}  // namespace flipside::app
