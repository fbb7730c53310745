#include "core/time_zone_catalog.h"

namespace flipside {

bool ShapeOnlyTimeZoneCatalog::is_known(const std::string& name) const {
    if (name == "UTC") return true;
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') return false;
    bool has_slash = false;
    for (const char c : name) {
        if (c == '/') {
            has_slash = true;
            continue;
        }
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                             (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+';
        if (!allowed) return false;
    }
    return has_slash;
}

}  // namespace flipside
