// The program's pairing settings in the file ("matching" on a program). Every field is
// optional on read with the defaults of MatchingSettings, so files without it stay valid.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/matching/settings.h"
#include "core/validation.h"

namespace flipside::io {

nlohmann::json matching_settings_to_json(const matching::MatchingSettings& settings);
matching::MatchingSettings read_matching_settings(const nlohmann::json& value, const std::string& path,
                                        std::vector<Problem>& problems);

}  // namespace flipside::io
