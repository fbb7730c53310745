// flipside report (synopsis: main.cpp's command table)
// Prints the dashboard's figures as JSON (or CSV), computed as of --now (default: the clock).
#include <cstdio>
#include <ctime>

#include "cli/cli_support.h"
#include "core/program_statistics.h"
#include "io/report_json.h"
#include "io/roster_export.h"

namespace flipside::cli {

namespace {

constexpr const char* kCommand = "report";

}  // namespace

int run_report(const Arguments& args) {
    const Options options(args, {"--program", "--now", "--at-risk-weeks", "--leaders", "-o"}, {"--csv"});
    if (!options.ok()) return usage_error(kCommand, options.error());
    if (options.positional().size() != 1) return usage_error(kCommand, "give exactly one file: flipside report data.json");
    StatisticsOptions statistics;
    statistics.now = static_cast<UtcSeconds>(std::time(nullptr));
    if (const auto now = options.value("--now")) {
        if (const auto date = parse_iso_date(*now))
            statistics.now = days_from_civil(*date) * kSecondsPerDay;
        else if (const auto instant = parse_utc_timestamp(*now))
            statistics.now = *instant;
        else
            return usage_error(kCommand, "--now must be a date YYYY-MM-DD or an instant YYYY-MM-DDTHH:MM:SSZ");
    }
    if (const auto weeks = options.value("--at-risk-weeks")) {
        const auto value = parse_integer(*weeks, 1, 104);
        if (!value) return usage_error(kCommand, "--at-risk-weeks must be a whole number from 1 to 104");
        statistics.at_risk_weeks = static_cast<int>(*value);
    }
    if (const auto leaders = options.value("--leaders")) {
        const auto value = parse_integer(*leaders, 0, 1000000);
        if (!value) return usage_error(kCommand, "--leaders must be a whole number (0: every pair)");
        statistics.leader_board_size = static_cast<std::size_t>(*value);
    }
    const auto document = load_document(options.positional()[0], kCommand);
    if (!document) return 2;
    if (const auto program = options.value("--program")) {
        bool found = false;
        for (const Program& p : document->programs) found = found || p.id == *program;
        if (!found) return usage_error(kCommand, "no program \"" + *program + "\" in " + options.positional()[0]);
        statistics.program_id = *program;
    }
    const ProgramStatistics figures = compute_program_statistics(*document, statistics);
    const std::string text = options.flag("--csv") ? io::write_program_statistics_csv(figures)
                                                   : io::write_program_statistics_json(figures);
    if (const auto output = options.value("-o")) return write_file(*output, text, kCommand) ? 0 : 1;
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

}  // namespace flipside::cli
