// The platform seam: everything Flipside needs from the world outside its own code. The app
// depends on these interfaces only; each platform implements them in whole files of its own:
// the browser in src/platform/web_*.cpp (web_platform.h), tests and headless runs in
// memory_platform.h. Only src/platform/ may include Emscripten headers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/civil_time.h"
#include "core/time_zone_catalog.h"

namespace flipside::platform {

// A string key/value store (localStorage in the browser).
class Storage {
public:
    enum class WriteResult { Ok, QuotaExceeded, Failed };

    virtual ~Storage() = default;
    virtual std::optional<std::string> read(const std::string& key) = 0;
    virtual WriteResult write(const std::string& key, const std::string& value) = 0;
    virtual void remove(const std::string& key) = 0;
    // Bytes held by every key that starts with `prefix` (keys and values, as the store counts them).
    virtual std::size_t used_bytes(const std::string& prefix) = 0;
    // Bytes the store can hold for this origin (an estimate where the platform does not say).
    virtual std::size_t quota_bytes() = 0;
};

// Files leaving or entering the app. An upload arrives later, through App::receive_file.
class Files {
public:
    virtual ~Files() = default;
    virtual void download(const std::string& file_name, const std::string& mime_type,
                          const std::string& content) = 0;
    // Opens the file picker; `accept` is a list such as ".json,application/json".
    virtual void request_upload(const std::string& accept) = 0;
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

// Everything above, plus the namespace that keeps one embed's data apart from another's.
struct Platform {
    Storage& storage;
    Files& files;
    Clipboard& clipboard;
    Clock& clock;
    const TimeZoneCatalog& time_zones;
    std::string storage_namespace = "default";
};

}  // namespace flipside::platform
