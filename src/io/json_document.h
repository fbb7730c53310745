// The exported Flipside file: a JSON document with a schema version, read all-or-nothing.
// Schema: assets/schema/flipside.schema.json. Serialization is kept out of the domain types.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/time_zone_catalog.h"
#include "core/validation.h"

namespace flipside::io {

inline constexpr int kSchemaVersion = 2;  // version 1 files are migrated on import

std::string write_document_json(const Document& document, int indent = 2);

struct ReadResult {
    bool ok = false;
    Document document;               // complete and valid when ok
    std::vector<Problem> problems;   // each with a JSON path ("/participants/3/email") and reason
    int migrated_from_version = 0;   // older schema version the file was migrated from, or 0
};

// Parses, migrates and validates. Never throws, never aborts: any text gives a result.
ReadResult read_document_json(std::string_view text, const TimeZoneCatalog& time_zones);

}  // namespace flipside::io
