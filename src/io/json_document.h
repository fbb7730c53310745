// The exported Flipside file: a JSON document with a schema version, read all-or-nothing.
// Schema: assets/schema/flipside.schema.json. Serialization is kept out of the domain types.
#pragma once

#include <string>
#include <string_view>

#include "core/model.h"
#include "core/result.h"
#include "core/time_zone_catalog.h"

namespace flipside::io {

inline constexpr int kSchemaVersion = 2;  // version 1 files are migrated on import

std::string write_document_json(const Document& document, int indent = 2);

struct LoadedDocument {
    Document document;               // complete and valid
    int migrated_from_version = 0;   // older schema version the file was migrated from, or 0
};

// Parses, migrates and validates, all or nothing: the document, or every problem found, each
// with its JSON path ("/participants/3/email") and reason ("/" for the file as a whole).
// Never throws, never aborts: any text gives a result.
Result<LoadedDocument> read_document_json(std::string_view text, const TimeZoneCatalog& time_zones);

}  // namespace flipside::io
