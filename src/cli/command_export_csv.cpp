// flipside export-csv (synopsis: main.cpp's command table)
// The same CSV files as the People and Pairs screens' export, safe to open in a spreadsheet.
#include <cstdio>

#include "cli/cli_support.h"
#include "io/roster_export.h"

namespace flipside::cli {

int run_export_csv(const Arguments& args) {
    constexpr const char* kCommand = "export-csv";
    const Options options(args, {"-o"}, {"--roster", "--pairs"});
    if (!options.ok()) return usage_error(kCommand, options.error());
    if (options.positional().size() != 1)
        return usage_error(kCommand, "give exactly one file: flipside export-csv data.json --roster -o roster.csv");
    const bool roster = options.flag("--roster");
    const bool pairs = options.flag("--pairs");
    if (roster == pairs) return usage_error(kCommand, "choose one of --roster or --pairs");
    const auto document = load_document(options.positional()[0], kCommand);
    if (!document) return 2;
    const std::string text = roster ? io::write_roster_csv(*document) : io::write_pairs_csv(*document);
    if (const auto output = options.value("-o")) return write_file(*output, text, kCommand) ? 0 : 1;
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

}  // namespace flipside::cli
