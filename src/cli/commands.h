// The flipside command-line tool: one function per subcommand, each in its own file
// (command_<name>.cpp). Exit codes: 0 success, 1 I/O failure, 2 bad input or usage.
#pragma once

#include <string>
#include <vector>

namespace flipside::cli {

using Arguments = std::vector<std::string>;  // what follows the subcommand name

// Their synopses live in one place: the command table in main.cpp, which `flipside --help` prints.
int run_demo(const Arguments& args);
int run_validate(const Arguments& args);
int run_import_csv(const Arguments& args);
int run_export_csv(const Arguments& args);
int run_scores(const Arguments& args);
int run_match(const Arguments& args);
int run_explain(const Arguments& args);
int run_schedule(const Arguments& args);
int run_ics(const Arguments& args);
int run_report(const Arguments& args);
int run_invite(const Arguments& args);
int run_reply(const Arguments& args);
int run_merge_replies(const Arguments& args);

}  // namespace flipside::cli
