#include "platform/memory_platform.h"

namespace flipside::platform {

std::optional<std::string> MemoryStorage::read(const std::string& key) {
    const auto found = entries_.find(key);
    if (found == entries_.end()) return std::nullopt;
    return found->second;
}

Storage::WriteResult MemoryStorage::write(const std::string& key, const std::string& value) {
    const long long number = ++writes_;
    const bool corrupt = corrupt_write_numbers_.erase(number) > 0;
    if (failing_write_numbers_.erase(number) > 0) return WriteResult::Failed;
    if (failing_writes_ > 0) {
        --failing_writes_;
        return WriteResult::Failed;
    }
    std::size_t used = 0;
    for (const auto& [k, v] : entries_)
        if (k != key) used += 2 * (k.size() + v.size());
    // Counted as UTF-16 code units, as browsers do.
    if (used + 2 * (key.size() + value.size()) > quota_) return WriteResult::QuotaExceeded;
    std::string& stored = entries_[key] = value;
    if (corrupt) {
        if (stored.empty()) stored = "?";
        else stored.back() = static_cast<char>(stored.back() ^ 1);
    }
    return WriteResult::Ok;
}

void MemoryStorage::remove(const std::string& key) { entries_.erase(key); }

std::size_t MemoryStorage::used_bytes(const std::string& prefix) {
    std::size_t used = 0;
    for (const auto& [k, v] : entries_)
        if (k.compare(0, prefix.size(), prefix) == 0) used += 2 * (k.size() + v.size());
    return used;
}

std::string SeededRandomBytes::bytes(std::size_t count) {
    std::string out;
    out.reserve(count + 8);
    while (out.size() < count) {
        std::uint64_t word = generator_.next();
        for (int i = 0; i < 8; ++i, word >>= 8) out.push_back(static_cast<char>(word & 0xff));
    }
    out.resize(count);
    return out;
}

MemoryPlatform::MemoryPlatform(const MemoryPlatform& other)
    : storage(other.storage),
      files(other.files),
      clipboard(other.clipboard),
      clock(other.clock),
      random(other.random),
      navigation(other.navigation),
      platform{storage,          files, clipboard, clock, random, navigation, other.platform.time_zones,
               other.platform.storage_namespace} {}

}  // namespace flipside::platform
