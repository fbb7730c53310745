// flipside: the command-line tool over the core and io layers (see commands.h).
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "cli/commands.h"

namespace {

// The one list of subcommands: main dispatches through it and `flipside --help` prints it, so
// a command cannot be added without its synopsis. README.md's "Command line" block is this
// text too (tests/suites/cli.sh compares them).
struct Command {
    const char* name;
    int (*run)(const flipside::cli::Arguments&);
    const char* arguments;  // every option the command accepts
    const char* summary;
};

const Command kCommands[] = {
    {"demo", flipside::cli::run_demo, "[--participants N] [--seed S] [--today YYYY-MM-DD] -o data.json",
     "write a realistic synthetic program (40 participants unless N says otherwise)"},
    {"validate", flipside::cli::run_validate, "data.json", "check a Flipside file: exit 0 valid, 2 with each problem"},
    {"import-csv", flipside::cli::run_import_csv,
     "roster.csv [--map \"CSV header=field\" ...] [--into data.json] [--delimiter comma|semicolon|tab] "
     "[--dates dmy|mdy] [--role mentor|mentee] [--time-zone ZONE] (-o data.json | --dry-run)",
     "import people from an HR export; the report of refused rows goes to stderr"},
    {"export-csv", flipside::cli::run_export_csv, "data.json (--roster | --pairs) [-o file.csv]",
     "the roster or the pairs for spreadsheets"},
    {"scores", flipside::cli::run_scores, "data.json", "every (mentee, mentor) pair's score as JSON (null: forbidden)"},
    {"match", flipside::cli::run_match, "data.json [--mode optimal|fair|stable] [--candidates K] [-o out.json]",
     "propose pairs; -o also writes the file with them accepted"},
    {"explain", flipside::cli::run_explain, "data.json --mentor ID --mentee ID",
     "why two people are (not) paired, in words, and what forcing the pair would cost, as JSON"},
    {"schedule", flipside::cli::run_schedule, "data.json [--program ID] [-o out.json]",
     "plan every unscheduled pair's sessions"},
    {"ics", flipside::cli::run_ics,
     "data.json [--participant ID | --pair ID] [--program ID] [--reminder MINUTES] [--now YYYY-MM-DDTHH:MM:SSZ] "
     "-o file.ics",
     "the sessions of one person, one pair or everyone as an iCalendar file"},
    {"report", flipside::cli::run_report,
     "data.json [--program ID] [--now YYYY-MM-DD|YYYY-MM-DDTHH:MM:SSZ] [--at-risk-weeks N] [--leaders N] [--csv] "
     "[-o file]",
     "the dashboard's figures as JSON (or CSV)"},
    {"invite", flipside::cli::run_invite, "data.json (--participant ID | --all) [--base-url URL] -o DIR",
     "personal invitations: DIR/<id>.flipside-invite and DIR/invitations.csv; records them in data.json"},
    {"reply", flipside::cli::run_reply, "INVITE --set FIELD=VALUE [--set ...] -o REPLY",
     "a signed reply as the participant's app makes it (REPLY.txt: an e-mail text block)"},
    {"merge-replies", flipside::cli::run_merge_replies, "data.json REPLY... -o out.json",
     "apply every valid reply (files or pasted text blocks); exit 2 when any was refused"},
};

void print_usage(std::FILE* out) {
    std::fprintf(out, "usage: flipside <command> [options]\n\ncommands:\n");
    for (const Command& command : kCommands)
        std::fprintf(out, "  flipside %s %s\n      %s\n", command.name, command.arguments, command.summary);
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
