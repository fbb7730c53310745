// One record of the document as JSON, exactly as it appears inside an exported file: for the
// store's journal, which keeps the records an edit leaves behind instead of the whole document.
// Reading checks each field as the document reader does (a Problem with a JSON path for every
// wrong one) but not the references between records: the journal's replay ends with the
// document's own validation.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model.h"
#include "core/validation.h"

namespace flipside::io {

nlohmann::json record_to_json(const Program& program);
nlohmann::json record_to_json(const Participant& participant);
nlohmann::json record_to_json(const Pair& pair);
nlohmann::json record_to_json(const Session& session);
nlohmann::json record_to_json(const Feedback& feedback);

// False (with problems under `path`) when the value is not a readable record of that kind.
bool read_record(const nlohmann::json& value, const std::string& path, Program& out, std::vector<Problem>& problems);
bool read_record(const nlohmann::json& value, const std::string& path, Participant& out, std::vector<Problem>& problems);
bool read_record(const nlohmann::json& value, const std::string& path, Pair& out, std::vector<Problem>& problems);
bool read_record(const nlohmann::json& value, const std::string& path, Session& out, std::vector<Problem>& problems);
bool read_record(const nlohmann::json& value, const std::string& path, Feedback& out, std::vector<Problem>& problems);

}  // namespace flipside::io
