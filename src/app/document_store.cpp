#include "app/document_store.h"

namespace flipside::app {

DocumentStore::DocumentStore(platform::Storage& storage, std::string storage_namespace)
    : storage_(storage), prefix_("flipside/" + storage_namespace + "/") {}

std::string DocumentStore::current_slot() const {
    const auto pointer = storage_.read(prefix_ + "current");
    return pointer && *pointer == "b" ? "b" : "a";
}

DocumentStore::SaveOutcome DocumentStore::save(const std::string& text) {
    used_bytes_.reset();
    const std::optional<std::string> pointer = storage_.read(prefix_ + "current");
    const std::string current = pointer && *pointer == "b" ? "b" : "a";
    const std::string spare = current == "a" ? "b" : "a";
    // First save ever: write slot "a" directly; there is nothing to protect yet.
    const std::string target = storage_.contains(slot_key(current)) ? spare : current;

    switch (storage_.write(slot_key(target), text)) {
        case platform::Storage::WriteResult::Ok: break;
        case platform::Storage::WriteResult::QuotaExceeded:
            storage_.remove(slot_key(target));
            return SaveOutcome::QuotaExceeded;
        case platform::Storage::WriteResult::Failed:
        case platform::Storage::WriteResult::Exists:  // write() never says so
            storage_.remove(slot_key(target));
            return SaveOutcome::Failed;
    }
    const auto written = storage_.read(slot_key(target));
    if (!written || *written != text) {
        storage_.remove(slot_key(target));
        return SaveOutcome::Failed;
    }
    if (target != current || !pointer) {
        if (storage_.write(prefix_ + "current", target) != platform::Storage::WriteResult::Ok) {
            storage_.remove(slot_key(target));
            return SaveOutcome::Failed;
        }
    }
    if (target != current) storage_.remove(slot_key(current));
    return SaveOutcome::Saved;
}

std::optional<std::string> DocumentStore::load() const {
    const std::string current = current_slot();
    if (auto text = storage_.read(slot_key(current))) return text;
    return storage_.read(slot_key(current == "a" ? "b" : "a"));
}

std::optional<std::string> DocumentStore::load_spare() const {
    const std::string current = current_slot();
    if (!storage_.contains(slot_key(current))) return std::nullopt;  // load() already returned the spare
    return storage_.read(slot_key(current == "a" ? "b" : "a"));
}

std::size_t DocumentStore::used_bytes() const {
    if (!used_bytes_) used_bytes_ = storage_.used_bytes(prefix_);
    return *used_bytes_;
}

}  // namespace flipside::app
