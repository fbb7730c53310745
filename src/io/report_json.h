// Program statistics (core/program_statistics.h) as JSON: what `flipside report` prints.
// Shares are numbers 0..1 rounded to 4 decimals, averages to 2; a figure that has no value
// (an average of no ratings) is null. Instants are "YYYY-MM-DDTHH:MM:SSZ", dates ISO.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/program_statistics.h"

namespace flipside::io {

nlohmann::json program_statistics_to_json(const ProgramStatistics& statistics);
std::string write_program_statistics_json(const ProgramStatistics& statistics, int indent = 2);

}  // namespace flipside::io
