#include <cstdio>
#include <ctime>

#include "cli/cli_support.h"
#include "core/demo_program.h"
#include "io/json_document.h"

namespace flipside::cli {

int run_demo(const Arguments& args) {
    const Options options(args, {"--participants", "--seed", "-o", "--today"});
    if (!options.ok()) return usage_error("demo", options.error());
    if (!options.positional().empty()) return usage_error("demo", "unexpected argument " + options.positional()[0]);
    const auto count = parse_integer(options.value("--participants").value_or("40"), 2, 1000000);
    if (!count) return usage_error("demo", "--participants must be a whole number from 2 to 1000000");
    const auto seed = parse_integer(options.value("--seed").value_or("1"), 0, 1LL << 62);
    if (!seed) return usage_error("demo", "--seed must be a non-negative whole number");
    // --today fixes the dates so the same command gives the same file on any day.
    UtcSeconds now = static_cast<UtcSeconds>(std::time(nullptr));
    if (const auto today = options.value("--today")) {
        const auto date = parse_iso_date(*today);
        if (!date) return usage_error("demo", "--today must be a date YYYY-MM-DD");
        now = days_from_civil(*date) * kSecondsPerDay;
    }
    const auto output = options.value("-o");
    if (!output) return usage_error("demo", "-o <file> is required");
    const Document document = make_demo_program(static_cast<int>(*count), static_cast<std::uint64_t>(*seed), now);
    if (!write_file(*output, io::write_document_json(document), "demo")) return 1;
    std::fprintf(stderr, "flipside demo: wrote %zu participants to %s\n", document.participants.size(), output->c_str());
    return 0;
}

}  // namespace flipside::cli
