#include "cli/matching_json.h"

#include <nlohmann/json.hpp>

namespace flipside::cli {

std::string json_string(const std::string& text) { return nlohmann::json(text).dump(); }

}  // namespace flipside::cli
