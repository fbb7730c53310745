// Keeps the document in key/value storage so that a save can never leave it empty or half
// written: the new text goes into the spare slot, is read back and compared, and only then
// does the pointer switch to it. The old slot is removed afterwards to save space.
//
// Keys (namespace N): "flipside/N/current" -> "a" or "b"; "flipside/N/doc.a", "flipside/N/doc.b".
#pragma once

#include <optional>
#include <string>

#include "platform/interface/platform.h"

namespace flipside::app {

class DocumentStore {
public:
    enum class SaveOutcome { Saved, QuotaExceeded, Failed };

    DocumentStore(platform::Storage& storage, std::string storage_namespace);

    SaveOutcome save(const std::string& text);
    // The text the pointer designates; when that slot is missing, the other one.
    std::optional<std::string> load() const;
    // The text of the slot not designated by the pointer, if any (a fallback when the current
    // one cannot be read).
    std::optional<std::string> load_spare() const;
    // Everything under this namespace's prefix, in bytes as the storage counts them. Counted
    // once after each save (a browser has to walk every key to count), not on every call.
    std::size_t used_bytes() const;
    const std::string& prefix() const { return prefix_; }

private:
    std::string current_slot() const;  // "a" or "b"
    std::string slot_key(const std::string& slot) const { return prefix_ + "doc." + slot; }

    platform::Storage& storage_;
    std::string prefix_;
    mutable std::optional<std::size_t> used_bytes_;  // forgotten by every save
};

}  // namespace flipside::app
