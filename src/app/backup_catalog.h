// Which earlier versions the store keeps, so that File › Restore an earlier version… can bring
// back the last ten saves and the last save of each of the past seven days.
//
// A version is a point in a snapshot generation: its snapshot (entry 0) or the state after its
// journal entry k. When a generation ends (a new snapshot is written), its snapshot copy and its
// journal stay behind as long as the policy below wants one of its versions; then both go. The
// catalogue, one small text key, lists the generations kept:
//
//   FLIPSIDE-BACKUPS 1
//   <generation> <snapshot saved_at> <last saved_at> <entries>     one line per generation
//
// Times are UTC seconds; a generation still live has the entries and time of its last save
// when the catalogue was last written (the journal itself is the authority for it).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.h"

namespace flipside::app {

struct KeptGeneration {
    std::uint64_t generation = 0;
    UtcSeconds snapshot_at = 0;    // when its snapshot was written
    UtcSeconds last_saved_at = 0;  // its last save (the snapshot's time when it has no entries)
    std::uint64_t entries = 0;     // journal entries after the snapshot
    friend bool operator==(const KeptGeneration& a, const KeptGeneration& b) {
        return a.generation == b.generation && a.snapshot_at == b.snapshot_at &&
               a.last_saved_at == b.last_saved_at && a.entries == b.entries;
    }
};

// Oldest generation first. Lines that cannot be read are skipped: a damaged catalogue loses
// backups, never the data.
std::vector<KeptGeneration> decode_backup_catalog(std::string_view text);
std::string encode_backup_catalog(const std::vector<KeptGeneration>& generations);

inline constexpr std::size_t kRecentVersionsKept = 10;
inline constexpr int kDailyVersionsKept = 7;

// The generations to keep of `generations` (oldest first; the last one is live and always
// kept): those holding the kRecentVersionsKept latest versions, and for each of the last
// kDailyVersionsKept UTC days up to `now`, the one holding that day's last save.
std::set<std::uint64_t> generations_to_keep(const std::vector<KeptGeneration>& generations, UtcSeconds now);

// A version that can be restored.
struct RestorePoint {
    std::uint64_t generation = 0;
    std::uint64_t entries = 0;  // journal entries replayed over the snapshot (0: the snapshot itself)
    UtcSeconds saved_at = 0;
    friend bool operator==(const RestorePoint& a, const RestorePoint& b) {
        return a.generation == b.generation && a.entries == b.entries && a.saved_at == b.saved_at;
    }
};

// What to offer of `points` (any order): the kRecentVersionsKept latest and the latest of each
// of the last kDailyVersionsKept days, newest first, without repeats.
std::vector<RestorePoint> restore_points_to_offer(std::vector<RestorePoint> points, UtcSeconds now);

}  // namespace flipside::app
