// Brings files written by older versions of Flipside up to the current schema, in place,
// before they are read. docs/file-format.md describes every version.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "core/validation.h"

namespace flipside::io {

struct MigrationResult {
    int migrated_from_version = 0;  // 0 when the file was already current
    std::vector<Problem> problems;  // a version this build cannot read, or a broken old file
};

MigrationResult migrate_to_current(nlohmann::json& root);

}  // namespace flipside::io
