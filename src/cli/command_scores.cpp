// flipside scores (synopsis: main.cpp's command table)
// The score of every (mentee, mentor) pair of the current program, null where a hard rule
// forbids it, so that any outside solver can check an answer.
// Locked pairs are not represented (they are settled before solving).
#include <cstdio>
#include <optional>
#include <string>

#include "cli/cli_support.h"
#include "cli/matching_json.h"
#include "core/matching/scores.h"
#include "platform/interface/time_zones.h"

namespace flipside::cli {

int run_scores(const Arguments& args) {
    const Options options(args, {});
    if (!options.ok()) return usage_error("scores", options.error());
    if (options.positional().size() != 1) return usage_error("scores", "give exactly one file: flipside scores data.json");
    const auto document = load_document(options.positional()[0], "scores");
    if (!document) return 2;
    const matching::MatchingSettings settings =
        document->current_program() ? document->current_program()->matching : matching::MatchingSettings{};
    const matching::ScoreMatrix matrix = matching::compute_score_matrix(
        *document, settings, platform::system_time_zones(), matching::default_reference_instant(*document));

    std::string out = "{\"mentees\":[";
    for (std::size_t t = 0; t < matrix.rows(); ++t) out += (t ? "," : "") + json_string(matrix.mentee_ids[t]);
    out += "],\"mentors\":[";
    for (std::size_t m = 0; m < matrix.columns(); ++m) out += (m ? "," : "") + json_string(matrix.mentor_ids[m]);
    out += "],\"capacity\":[";
    for (std::size_t m = 0; m < matrix.columns(); ++m) out += (m ? "," : "") + std::to_string(matrix.capacity[m]);
    out += "],\"score\":[";
    std::fputs(out.c_str(), stdout);
    std::string row;
    for (std::size_t t = 0; t < matrix.rows(); ++t) {
        row = t ? ",[" : "[";
        for (std::size_t m = 0; m < matrix.columns(); ++m) {
            if (m) row += ',';
            const std::optional<int> score = matrix.score(t, m);
            row += score ? matching::format_score(*score) : "null";
        }
        row += ']';
        std::fputs(row.c_str(), stdout);
    }
    std::fputs("]}\n", stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace flipside::cli
