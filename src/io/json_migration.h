// Brings files written by older versions of Flipside up to the current schema, in place,
// before they are read. docs/file-format.md describes every version.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace flipside::io {

// The schema version the file was migrated from, 0 when it was already current; or the
// problems: a version this build cannot read, or a broken old file (each with its JSON path).
Result<int> migrate_to_current(nlohmann::json& root);

}  // namespace flipside::io
