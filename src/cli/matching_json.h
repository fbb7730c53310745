// Small JSON writing helpers for the pairing commands, which stream large matrices and
// proposals without building a document tree (a 5,000 x 5,000 matrix would not fit).
#pragma once

#include <string>

namespace flipside::cli {

// The text as a JSON string literal, quotes included.
std::string json_string(const std::string& text);

}  // namespace flipside::cli
