// platform::Storage over window.localStorage, and the storage namespace from the page URL.
#include <emscripten.h>

#include <cstdlib>

#include "platform/web_platform.h"

namespace flipside::platform::web {
namespace {

// Returns a malloc'd UTF-8 copy of the value, or 0 when the key is absent or storage is
// unreachable (localStorage access itself throws in sandboxed frames and some private modes).
EM_JS(char*, flipside_js_storage_read, (const char* key, int key_length), {
    try {
        var value = window.localStorage.getItem(UTF8ToString(key, key_length));
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

// 0 = stored, 1 = over quota, 2 = any other failure. Browsers name the quota error
// differently: "QuotaExceededError" (code 22) everywhere now, Firefox formerly
// "NS_ERROR_DOM_QUOTA_REACHED" (code 1014).
EM_JS(int, flipside_js_storage_write, (const char* key, int key_length, const char* value, int value_length), {
    try {
        window.localStorage.setItem(UTF8ToString(key, key_length), UTF8ToString(value, value_length));
        return 0;
    } catch (e) {
        var quota = e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
                          e.code === 22 || e.code === 1014);
        return quota ? 1 : 2;
    }
});

EM_JS(void, flipside_js_storage_remove, (const char* key, int key_length), {
    try {
        window.localStorage.removeItem(UTF8ToString(key, key_length));
    } catch (e) {
    }
});

// Browsers count localStorage in UTF-16 code units, so bytes = 2 x (key + value) lengths.
EM_JS(double, flipside_js_storage_used, (const char* prefix, int prefix_length), {
    try {
        var wanted = UTF8ToString(prefix, prefix_length);
        var storage = window.localStorage;
        var total = 0;
        for (var i = 0; i < storage.length; ++i) {
            var key = storage.key(i);
            if (key === null || !key.startsWith(wanted)) continue;
            var value = storage.getItem(key);
            total += 2 * (key.length + (value === null ? 0 : value.length));
        }
        return total;
    } catch (e) {
        return 0;
    }
});

EM_JS(char*, flipside_js_query_namespace, (), {
    try {
        var ns = new URLSearchParams(window.location.search).get("ns");
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

std::string take_js_string(char* copy) {
    std::string text(copy);
    std::free(copy);
    return text;
}

}  // namespace

std::optional<std::string> WebStorage::read(const std::string& key) {
    char* copy = flipside_js_storage_read(key.data(), static_cast<int>(key.size()));
    if (copy == nullptr) return std::nullopt;
    return take_js_string(copy);
}

Storage::WriteResult WebStorage::write(const std::string& key, const std::string& value) {
    switch (flipside_js_storage_write(key.data(), static_cast<int>(key.size()), value.data(),
                                      static_cast<int>(value.size()))) {
        case 0: return WriteResult::Ok;
        case 1: return WriteResult::QuotaExceeded;
        default: return WriteResult::Failed;
    }
}

void WebStorage::remove(const std::string& key) {
    flipside_js_storage_remove(key.data(), static_cast<int>(key.size()));
}

std::size_t WebStorage::used_bytes(const std::string& prefix) {
    return static_cast<std::size_t>(flipside_js_storage_used(prefix.data(), static_cast<int>(prefix.size())));
}

// No browser reports the localStorage quota. Chromium allows about 5 Mi UTF-16 code units
// (keys plus values) per origin, i.e. 10 MiB as used_bytes() counts them; Firefox and Safari
// are in the same range. This is an estimate for the storage readout, not a guarantee: a write
// that does not fit still reports QuotaExceeded.
std::size_t WebStorage::quota_bytes() { return std::size_t{5} * 1024 * 1024 * 2; }

std::string storage_namespace_or_default(std::string_view requested) {
    if (requested.empty() || requested.size() > 40) return "default";
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
