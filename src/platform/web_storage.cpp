// platform::Storage over the page's store (localStorage or IndexedDB, web_shell/flipside-store.js),
// and the storage namespace from the page URL.
#include <emscripten.h>

#include <cstdlib>

#include "platform/web_platform.h"

namespace flipside::platform::web {
namespace {

// The page opens the store before the module starts (web_shell/flipside-store.js) and hands
// it in as Module.flipsideStore: localStorage while the data fits, IndexedDB behind an
// in-memory mirror beyond that. Every call here is synchronous.

// Returns a malloc'd UTF-8 copy of the value, or 0 when the key is absent or storage is
// unreachable.
EM_JS(char*, flipside_js_storage_read, (const char* key, int key_length), {
    try {
        var value = Module.flipsideStore.read(UTF8ToString(key, key_length));
        if (value === null) return 0;
        var size = lengthBytesUTF8(value) + 1;
        var copy = _malloc(size);
        if (!copy) return 0;
        stringToUTF8(value, copy, size);
        return copy;
    } catch (e) {
        return 0;
    }
});

EM_JS(int, flipside_js_storage_contains, (const char* key, int key_length), {
    try {
        return Module.flipsideStore.read(UTF8ToString(key, key_length)) === null ? 0 : 1;
    } catch (e) {
        return 0;
    }
});

// 0 = stored, 1 = over quota, 2 = any other failure, 3 = exists (create only).
EM_JS(int, flipside_js_storage_write, (const char* key, int key_length, const char* value, int value_length, int only_new), {
    try {
        var store = Module.flipsideStore;
        var name = UTF8ToString(key, key_length);
        var text = UTF8ToString(value, value_length);
        return only_new ? store.create(name, text) : store.write(name, text);
    } catch (e) {
        return 2;
    }
});

EM_JS(void, flipside_js_storage_remove, (const char* key, int key_length), {
    try {
        Module.flipsideStore.remove(UTF8ToString(key, key_length));
    } catch (e) {
    }
});

EM_JS(double, flipside_js_storage_used, (const char* prefix, int prefix_length), {
    try {
        return Module.flipsideStore.usedBytes(UTF8ToString(prefix, prefix_length));
    } catch (e) {
        return 0;
    }
});

EM_JS(double, flipside_js_storage_quota, (), {
    try {
        var store = Module.flipsideStore;
        return store.backend === "indexedDB" ? store.quotaBytes : 10485760;
    } catch (e) {
        return 10485760;
    }
});

// Writes the store's state into `out` (unsettled writes, failure code) and returns the
// failure's description as a malloc'd string (0 when none).
EM_JS(char*, flipside_js_storage_durability, (double* unsettled, int* failure), {
    try {
        var state = Module.flipsideStore.durability();
        HEAPF64[unsettled >> 3] = state.unsettled;
        HEAP32[failure >> 2] = state.failure;
        if (!state.detail) return 0;
        var size = lengthBytesUTF8(state.detail) + 1;
        var copy = _malloc(size);
        if (copy) stringToUTF8(state.detail, copy, size);
        return copy;
    } catch (e) {
        HEAPF64[unsettled >> 3] = 0;
        HEAP32[failure >> 2] = 0;
        return 0;
    }
});

// 1 granted, 0 refused, -1 not known (the page could not ask).
EM_JS(int, flipside_js_storage_persisted, (), {
    try {
        var persisted = Module.flipsideStore.persisted;
        return persisted === true ? 1 : persisted === false ? 0 : -1;
    } catch (e) {
        return -1;
    }
});

EM_JS(char*, flipside_js_storage_problem, (), {
    try {
        var problem = Module.flipsideStore.problem();
        if (!problem) return 0;
        var size = lengthBytesUTF8(problem) + 1;
        var copy = _malloc(size);
        if (copy) stringToUTF8(problem, copy, size);
        return copy;
    } catch (e) {
        return 0;
    }
});

Storage::WriteResult write_result(int code) {
    switch (code) {
        case 0: return Storage::WriteResult::Ok;
        case 1: return Storage::WriteResult::QuotaExceeded;
        case 3: return Storage::WriteResult::Exists;
        default: return Storage::WriteResult::Failed;
    }
}

// The page decides (flipside-store.js): "?ns=" of the address, and a namespace of its own for a
// participant's app, so that it never mixes with a coordinator's data on the same origin.
EM_JS(char*, flipside_js_query_namespace, (), {
    try {
        var storage = window.FlipsideStorage;
        var ns = storage && storage.pageNamespace ? storage.pageNamespace()
                                                  : new URLSearchParams(window.location.search).get("ns");
        if (ns === null) return 0;
        var size = lengthBytesUTF8(ns) + 1;
        var copy = _malloc(size);
        if (!copy) return 0;
        stringToUTF8(ns, copy, size);
        return copy;
    } catch (e) {
        return 0;
    }
});

}  // namespace

std::string take_js_string(char* copy) {
    std::string text(copy);
    std::free(copy);
    return text;
}

std::optional<std::string> WebStorage::read(const std::string& key) {
    char* copy = flipside_js_storage_read(key.data(), static_cast<int>(key.size()));
    if (copy == nullptr) return std::nullopt;
    return take_js_string(copy);
}

bool WebStorage::contains(const std::string& key) {
    return flipside_js_storage_contains(key.data(), static_cast<int>(key.size())) != 0;
}

Storage::WriteResult WebStorage::write(const std::string& key, const std::string& value) {
    return write_result(flipside_js_storage_write(key.data(), static_cast<int>(key.size()), value.data(),
                                                  static_cast<int>(value.size()), 0));
}

Storage::WriteResult WebStorage::create(const std::string& key, const std::string& value) {
    return write_result(flipside_js_storage_write(key.data(), static_cast<int>(key.size()), value.data(),
                                                  static_cast<int>(value.size()), 1));
}

void WebStorage::remove(const std::string& key) {
    flipside_js_storage_remove(key.data(), static_cast<int>(key.size()));
}

std::size_t WebStorage::used_bytes(const std::string& prefix) {
    return static_cast<std::size_t>(flipside_js_storage_used(prefix.data(), static_cast<int>(prefix.size())));
}

// No browser reports the localStorage quota. Chromium allows about 5 Mi UTF-16 code units
// (keys plus values) per origin, i.e. 10 MiB as used_bytes() counts them; Firefox and Safari
// are in the same range. For IndexedDB the browser's own estimate of this origin's share.
std::uint64_t WebStorage::quota_bytes() { return static_cast<std::uint64_t>(flipside_js_storage_quota()); }

Storage::Durability WebStorage::durability() {
    double unsettled = 0;
    int failure = 0;
    char* detail = flipside_js_storage_durability(&unsettled, &failure);
    Durability out;
    out.unsettled_writes = static_cast<std::size_t>(unsettled);
    out.failure = write_result(failure);
    if (detail != nullptr) out.detail = take_js_string(detail);
    return out;
}

Storage::Persistence WebStorage::persistence() {
    switch (flipside_js_storage_persisted()) {
        case 1: return Persistence::Granted;
        case 0: return Persistence::Refused;
        default: return Persistence::Unknown;
    }
}

std::string WebStorage::problem() {
    char* copy = flipside_js_storage_problem();
    return copy == nullptr ? std::string() : take_js_string(copy);
}

std::string storage_namespace_or_default(std::string_view requested) {
    // 40 from the address, and "participant-" before it for a participant's app.
    if (requested.empty() || requested.size() > 52) return "default";
    for (char c : requested) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                             (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!allowed) return "default";
    }
    return std::string(requested);
}

std::string page_storage_namespace() {
    char* copy = flipside_js_query_namespace();
    if (copy == nullptr) return "default";
    return storage_namespace_or_default(take_js_string(copy));
}

}  // namespace flipside::platform::web
