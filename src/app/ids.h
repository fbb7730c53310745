// New record ids: a prefix and a zero-padded number not yet used in the collection
// ("P0041", "ses-00128"). Ids are never reused while the record exists.
#pragma once

#include <cstdio>
#include <string>
#include <unordered_set>
#include <vector>

namespace flipside::app {

template <typename Record>
std::string unused_id(const std::vector<Record>& records, const std::string& prefix, int width = 4) {
    std::unordered_set<std::string> used;
    used.reserve(records.size());
    for (const Record& r : records) used.insert(r.id);
    for (std::size_t n = records.size() + 1;; ++n) {
        char digits[32];
        std::snprintf(digits, sizeof digits, "%0*zu", width, n);
        std::string id = prefix + digits;
        if (!used.count(id)) return id;
    }
}

}  // namespace flipside::app
