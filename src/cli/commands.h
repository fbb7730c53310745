// The flipside command-line tool: one function per subcommand, each in its own file
// (command_<name>.cpp). Exit codes: 0 success, 1 I/O failure, 2 bad input or usage.
#pragma once

#include <string>
#include <vector>

namespace flipside::cli {

using Arguments = std::vector<std::string>;  // what follows the subcommand name

int run_demo(const Arguments& args);      // flipside demo --participants N --seed S -o data.json
int run_validate(const Arguments& args);  // flipside validate data.json
int run_schedule(const Arguments& args);  // flipside schedule data.json [--program ID] [-o out.json]
int run_ics(const Arguments& args);       // flipside ics data.json [--participant ID | --pair ID] -o file.ics
int run_scores(const Arguments& args);    // flipside scores data.json  (the score matrix, for outside solvers)
int run_match(const Arguments& args);     // flipside match data.json [--mode optimal|fair|stable] [--candidates K] [-o out.json]
int run_import_csv(const Arguments& args);  // flipside import-csv roster.csv [--map "CSV header=field" ...] [--into data.json] -o data.json
int run_report(const Arguments& args);      // flipside report data.json [--now DATE] [--csv]  (dashboard figures as JSON)
int run_export_csv(const Arguments& args);  // flipside export-csv data.json (--roster | --pairs) [-o file.csv]

}  // namespace flipside::cli
