// An in-memory platform for tests and headless runs: storage in a map (with an adjustable
// quota to provoke "storage full"), downloads kept in a list, a clock the test moves by hand, seeded randomness,
// addresses opened kept in a list.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/demo_program.h"
#include "platform/interface/platform.h"

namespace flipside::platform {

class MemoryStorage final : public Storage {
public:
    std::optional<std::string> read(const std::string& key) override;
    WriteResult write(const std::string& key, const std::string& value) override;
    void remove(const std::string& key) override;
    std::size_t used_bytes(const std::string& prefix) override;
    std::uint64_t quota_bytes() override { return quota_; }

    void set_quota(std::size_t bytes) { quota_ = bytes; }
    // Faults a test injects, for the writes after the call (nth 1: the next write). A failed
    // write reports Failed and stores nothing. A corrupted write stores other bytes (the value
    // with its last byte changed, "?" for an empty value) and still reports Ok, as storage that
    // loses data silently would: only reading back finds out.
    void fail_next_writes(int count) { failing_writes_ = count; }
    void fail_write(int nth) { failing_write_numbers_.insert(writes_ + nth); }
    void corrupt_write(int nth) { corrupt_write_numbers_.insert(writes_ + nth); }
    std::map<std::string, std::string>& entries() { return entries_; }

private:
    std::map<std::string, std::string> entries_;
    std::size_t quota_ = 10u << 20;
    int failing_writes_ = 0;
    long long writes_ = 0;  // write() calls so far, each one counted
    std::set<long long> failing_write_numbers_, corrupt_write_numbers_;
};

class MemoryFiles final : public Files {
public:
    struct Download {
        std::string file_name, mime_type, content;
    };
    void download(const std::string& file_name, const std::string& mime_type, const std::string& content) override {
        downloads.push_back({file_name, mime_type, content});
    }
    void request_upload(const std::string& accept) override { upload_requests.push_back(accept); }

    std::vector<Download> downloads;
    std::vector<std::string> upload_requests;
};

class MemoryClipboard final : public Clipboard {
public:
    void set_text(const std::string& text) override { text_ = text; }
    std::string text() override { return text_; }

private:
    std::string text_;
};

class ManualClock final : public Clock {
public:
    UtcSeconds now_utc() override { return utc; }
    double monotonic_seconds() override { return monotonic; }
    UtcSeconds utc = 1795392000;  // 2026-11-23T00:00:00Z
    double monotonic = 0;
};

// Seeded (SplitMix64), so a test's invitations are the same on every run.
class SeededRandomBytes final : public Random {
public:
    explicit SeededRandomBytes(std::uint64_t seed = 20261123) : generator_(seed) {}
    std::string bytes(std::size_t count) override;

private:
    SeededRandom generator_;
};

class MemoryNavigation final : public Navigation {
public:
    std::string app_address() override { return address; }
    void open_url(const std::string& url) override { opened.push_back(url); }
    std::string address;  // none by default, as a native run has
    std::vector<std::string> opened;
};

// All of the above bundled, for a test to construct in one line. `platform` always refers to
// this object's own members: a copy (which is also what a move does) starts with the original's
// stored entries, downloads, clipboard text, time, random state and opened addresses, then keeps its own, sharing only the time
// zone catalog. Assignment is deleted, since `platform` cannot be pointed at another catalog.
struct MemoryPlatform {
    explicit MemoryPlatform(const TimeZoneCatalog& zones, std::string storage_namespace = "test")
        : platform{storage, files, clipboard, clock, random, navigation, zones, std::move(storage_namespace)} {}
    MemoryPlatform(const MemoryPlatform& other);
    MemoryPlatform& operator=(const MemoryPlatform&) = delete;

    MemoryStorage storage;
    MemoryFiles files;
    MemoryClipboard clipboard;
    ManualClock clock;
    SeededRandomBytes random;
    MemoryNavigation navigation;
    Platform platform;
};

}  // namespace flipside::platform
