// flipside: the command-line tool over the core and io layers (see commands.h).
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "cli/commands.h"

namespace {

struct Command {
    const char* name;
    int (*run)(const flipside::cli::Arguments&);
    const char* usage;
};

const Command kCommands[] = {
    {"demo", flipside::cli::run_demo, "demo --participants N --seed S -o data.json   write a realistic synthetic program"},
    {"validate", flipside::cli::run_validate, "validate data.json                           check a Flipside file"},
    {"schedule", flipside::cli::run_schedule, "schedule data.json [--program ID] [-o out.json]  plan every unscheduled pair's sessions"},
    {"ics", flipside::cli::run_ics, "ics data.json [--participant ID | --pair ID] [--reminder MIN] -o file.ics  export a calendar"},
    {"scores", flipside::cli::run_scores, "scores data.json                             print every pair's score (null: forbidden)"},
    {"match", flipside::cli::run_match, "match data.json [--mode optimal|fair|stable] [--candidates K] [-o out.json]   propose pairs"},
    {"import-csv", flipside::cli::run_import_csv, "import-csv roster.csv [--map \"CSV header=field\" ...] [--into data.json] [--dates dmy|mdy] [--role mentor|mentee] [--dry-run] -o data.json   import people from an HR export"},
    {"report", flipside::cli::run_report, "report data.json [--program ID] [--now YYYY-MM-DD] [--at-risk-weeks N] [--csv] [-o file]   print the dashboard's figures as JSON"},
    {"export-csv", flipside::cli::run_export_csv, "export-csv data.json (--roster | --pairs) [-o file.csv]   roster or pairs for spreadsheets"},
};

void print_usage(std::FILE* out) {
    std::fprintf(out, "usage: flipside <command> [options]\n\ncommands:\n");
    for (const Command& command : kCommands) std::fprintf(out, "  flipside %s\n", command.usage);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        print_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const flipside::cli::Arguments args(argv + 2, argv + argc);
    for (const Command& command : kCommands) {
        if (std::strcmp(argv[1], command.name) != 0) continue;
        try {
            return command.run(args);
        } catch (const std::bad_alloc&) {
            std::fprintf(stderr, "flipside %s: out of memory\n", command.name);
            return 1;
        } catch (const std::exception& error) {
            std::fprintf(stderr, "flipside %s: %s\n", command.name, error.what());
            return 1;
        }
    }
    std::fprintf(stderr, "flipside: unknown command \"%s\"\n\n", argv[1]);
    print_usage(stderr);
    return 2;
}
