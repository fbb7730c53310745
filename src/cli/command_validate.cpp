#include <cstdio>

#include "cli/cli_support.h"

namespace flipside::cli {

int run_validate(const Arguments& args) {
    const Options options(args, {});
    if (!options.ok()) return usage_error("validate", options.error());
    if (options.positional().size() != 1) return usage_error("validate", "give exactly one file: flipside validate data.json");
    const std::string& path = options.positional()[0];
    const auto document = load_document(path, "validate");
    if (!document) return 2;
    std::printf("%s: valid (%zu participants, %zu programs, %zu pairs, %zu sessions)\n", path.c_str(),
                document->participants.size(), document->programs.size(), document->pairs.size(),
                document->sessions.size());
    return 0;
}

}  // namespace flipside::cli
