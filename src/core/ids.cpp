#include "core/ids.h"

#include <cstdio>

namespace flipside {

std::string numbered_id(IdFormat format, std::size_t number) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%0*zu", format.width, number);
    std::string id(format.prefix);
    id += digits;
    return id;
}

IdMaker scheduled_session_ids(const std::string& pair_id) {
    const std::string prefix = pair_id + "-S";
    return IdMaker(IdFormat{prefix, 0});  // the maker keeps its own copy of the prefix
}

}  // namespace flipside
