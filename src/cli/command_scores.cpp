// flipside scores data.json: the score of every (mentee, mentor) pair of the current program,
// null where a hard rule forbids it, so that any outside solver can check an answer.
// Locked pairs are not represented (they are settled before solving).
#include <cstdio>
#include <string>

#include "cli/cli_support.h"
#include "cli/matching_json.h"
#include "core/matching_pool.h"
#include "core/matching_score_table.h"
#include "core/matching_scoring.h"
#include "platform/time_zones.h"

namespace flipside::cli {

int run_scores(const Arguments& args) {
    const Options options(args, {});
    if (!options.ok()) return usage_error("scores", options.error());
    if (options.positional().size() != 1) return usage_error("scores", "give exactly one file: flipside scores data.json");
    const auto document = load_document(options.positional()[0], "scores");
    if (!document) return 2;
    const MatchingSettings settings = document->current_program() ? document->current_program()->matching : MatchingSettings{};
    const MatchingPool pool = build_matching_pool(*document, settings, platform::system_time_zones(),
                                                  default_reference_instant(*document));
    const ScoreTable table = build_score_table(pool, 0);

    std::string out = "{\"mentees\":[";
    for (std::size_t t = 0; t < pool.mentee_count(); ++t)
        out += (t ? "," : "") + json_string(pool.mentee_participant(t).id);
    out += "],\"mentors\":[";
    for (std::size_t m = 0; m < pool.mentor_count(); ++m)
        out += (m ? "," : "") + json_string(pool.mentor_participant(m).id);
    out += "],\"capacity\":[";
    for (std::size_t m = 0; m < pool.mentor_count(); ++m)
        out += (m ? "," : "") + std::to_string(pool.mentors[m].active ? pool.mentors[m].capacity : 0);
    out += "],\"score\":[";
    std::fputs(out.c_str(), stdout);
    std::string row;
    for (std::size_t t = 0; t < table.rows; ++t) {
        row = t ? ",[" : "[";
        for (std::size_t m = 0; m < table.columns; ++m) {
            if (m) row += ',';
            const std::int32_t score = table.score(t, m);
            row += score == kForbiddenScore ? "null" : format_score(score);
        }
        row += ']';
        std::fputs(row.c_str(), stdout);
    }
    std::fputs("]}\n", stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace flipside::cli
