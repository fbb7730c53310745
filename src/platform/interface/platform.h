// The platform seam: everything Flipside needs from the world outside its own code. The app
// depends on these interfaces only; each platform implements them in whole files of its own:
// the browser in src/platform/web_*.cpp (web_platform.h), tests and headless runs in
// memory_platform.h. Only src/platform/ may include Emscripten headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/civil_time.h"
#include "core/time_zone_catalog.h"

namespace flipside::platform {

// A string key/value store: localStorage in the browser while the data fits it, IndexedDB
// (behind an in-memory mirror of this namespace's keys) beyond that; a map in tests.
class Storage {
public:
    enum class WriteResult {
        Ok,
        QuotaExceeded,
        Failed,
        Exists,  // create(): the key was there already (another tab or window wrote it)
    };

    // What became of writes that a write-behind store (IndexedDB) accepted but has not yet
    // put on disk. A synchronous store (localStorage, memory) is always settled.
    struct Durability {
        std::size_t unsettled_writes = 0;             // accepted, not yet known to be on disk
        WriteResult failure = WriteResult::Ok;        // the first write that failed since the last check
        std::string detail;                           // the browser's words for it
    };

    virtual ~Storage() = default;
    virtual std::optional<std::string> read(const std::string& key) = 0;
    // Whether `key` holds a value, without copying it (a snapshot can be 87 MB).
    virtual bool contains(const std::string& key) { return read(key).has_value(); }
    virtual WriteResult write(const std::string& key, const std::string& value) = 0;
    // Writes only when the key is absent: the journal's guard against two writers.
    virtual WriteResult create(const std::string& key, const std::string& value) {
        if (contains(key)) return WriteResult::Exists;
        return write(key, value);
    }
    virtual void remove(const std::string& key) = 0;
    // Bytes held by every key that starts with `prefix` (keys and values, as the store counts them).
    virtual std::size_t used_bytes(const std::string& prefix) = 0;
    // Bytes the store can hold for this origin (an estimate where the platform does not say).
    virtual std::uint64_t quota_bytes() = 0;  // 64 bits: a disk share exceeds 4 GiB, size_t in WebAssembly does not
    // Reports (and forgets) the failure of an earlier write; see Durability.
    virtual Durability durability() { return {}; }
    // Whether the browser promised not to clear this data when the disk runs low
    // (navigator.storage.persist()); Unknown where nobody asks (tests, file stores).
    enum class Persistence { Unknown, Granted, Refused };
    virtual Persistence persistence() { return Persistence::Unknown; }
    // Why this store cannot keep data at all (storage switched off, a sandboxed frame), in words
    // for the user; empty when it can.
    virtual std::string problem() { return {}; }
};

// Files leaving or entering the app. An upload arrives later, through App::receive_file.
class Files {
public:
    virtual ~Files() = default;
    virtual void download(const std::string& file_name, const std::string& mime_type,
                          const std::string& content) = 0;
    // Opens the file picker; `accept` is a list such as ".json,application/json".
    virtual void request_upload(const std::string& accept) = 0;
    // The same, letting the user pick several files at once (a batch of replies); each arrives
    // through App::receive_file on its own.
    virtual void request_uploads(const std::string& accept) { request_upload(accept); }
};

class Clipboard {
public:
    virtual ~Clipboard() = default;
    virtual void set_text(const std::string& text) = 0;
    virtual std::string text() = 0;
};

class Clock {
public:
    virtual ~Clock() = default;
    virtual UtcSeconds now_utc() = 0;        // wall clock, for dates shown and file names
    virtual double monotonic_seconds() = 0;  // for debouncing
};

// Unpredictable bytes: invitation keys and ids, which must not be guessable by a participant
// who wants to answer for someone else. crypto.getRandomValues in the browser; a seeded
// generator in tests, so that their files come out the same on every run. The core never draws
// randomness itself: what it needs is passed in from here.
class Random {
public:
    virtual ~Random() = default;
    virtual std::string bytes(std::size_t count) = 0;
};

// Where the app is served from, and leaving it for another address (a mailto: draft opens the
// person's mail program).
class Navigation {
public:
    virtual ~Navigation() = default;
    // The app's own address as participants should open it: without fragment and query (the
    // query carries this page's own namespace, mode and allowed origins); empty when the app has
    // no address of its own (tests, the command line, a page opened from a file).
    virtual std::string app_address() = 0;
    virtual void open_url(const std::string& url) = 0;
};

// Which tab or window edits this data: one at a time (Web Locks in the browser), the others
// show it read-only. Where there is no lease (tests, the CLI), this tab always edits.
class EditingLease {
public:
    virtual ~EditingLease() = default;
    // Whether this tab held the lease when the page started.
    virtual bool held_at_start() = 0;
    // Asks for the lease; the answer comes later through App::set_editing_elsewhere.
    virtual void request() = 0;
};

// Everything above, plus the namespace that keeps one embed's data apart from another's.
struct Platform {
    Storage& storage;
    Files& files;
    Clipboard& clipboard;
    Clock& clock;
    Random& random;
    Navigation& navigation;
    const TimeZoneCatalog& time_zones;
    std::string storage_namespace = "default";
    EditingLease* editing = nullptr;  // none: this tab always edits
};

}  // namespace flipside::platform
