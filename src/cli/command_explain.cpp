// flipside explain (synopsis: main.cpp's command table)
// Why a mentor and a mentee are (not) paired, and what forcing them would cost, as JSON.
#include <cstdio>
#include <string>

#include "cli/cli_support.h"
#include "cli/matching_json.h"
#include "core/matching/explainer.h"
#include "core/matching/why_not.h"
#include "platform/interface/time_zones.h"

namespace flipside::cli {

namespace {

std::string optional_id(const std::optional<std::string>& id) { return id ? json_string(*id) : "null"; }

std::string why_not_json(const matching::WhyNot& answer) {
    std::string out = std::string("{\"allowed\":") + (answer.allowed ? "true" : "false") + ",\"reasons\":[";
    for (std::size_t k = 0; k < answer.reasons.size(); ++k) out += (k ? "," : "") + json_string(answer.reasons[k].text);
    out += "],\"score\":" + (answer.allowed ? matching::format_score(answer.score) : std::string("null")) + ",\"breakdown\":{";
    if (answer.allowed)
        for (std::size_t c = 0; c < matching::kCriterionCount; ++c)
            out += std::string(c ? "," : "") + "\"" + matching::criterion_name(static_cast<matching::Criterion>(c)) + "\":" +
                   matching::format_score(answer.breakdown[c]);
    out += "},\"words\":[";
    for (std::size_t k = 0; k < answer.words.size(); ++k) out += (k ? "," : "") + json_string(answer.words[k].text);
    out += "],\"best_total\":" + matching::format_score(answer.best_total) +
           ",\"forced_total\":" + (answer.forced ? matching::format_score(answer.forced->total_score) : std::string("null")) +
           ",\"changes\":[";
    if (answer.forced) {
        const auto& changes = answer.forced->difference.changes;
        for (std::size_t k = 0; k < changes.size(); ++k)
            out += std::string(k ? ",\n" : "\n") + "{\"mentee\":" + json_string(changes[k].mentee_id) +
                   ",\"from\":" + optional_id(changes[k].from_mentor_id) + ",\"to\":" + optional_id(changes[k].to_mentor_id) + "}";
    }
    out += "],\"unmatched_if_forced\":[";
    if (answer.forced) {
        const auto& left = answer.forced->difference.left_unpaired;
        for (std::size_t k = 0; k < left.size(); ++k) out += (k ? "," : "") + json_string(left[k]);
    }
    return out + "]}\n";
}

}  // namespace

int run_explain(const Arguments& args) {
    const Options options(args, {"--mentor", "--mentee"});
    if (!options.ok()) return usage_error("explain", options.error());
    const auto mentor = options.value("--mentor"), mentee = options.value("--mentee");
    if (options.positional().size() != 1 || !mentor || !mentee)
        return usage_error("explain", "give one file, a mentor and a mentee: flipside explain data.json --mentor ID --mentee ID");
    const auto document = load_document(options.positional()[0], "explain");
    if (!document) return 2;
    const matching::MatchingSettings settings =
        document->current_program() ? document->current_program()->matching : matching::MatchingSettings{};
    const matching::MatchingExplainer explainer(*document, settings, platform::system_time_zones(),
                                                matching::default_reference_instant(*document));
    const auto answer = matching::why_not(explainer, *mentor, *mentee);
    if (!answer) return usage_error("explain", options.positional()[0] + ": " + answer.message());
    const std::string text = why_not_json(*answer);
    std::fputs(text.c_str(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace flipside::cli
