// flipside match (synopsis: main.cpp's command table)
// Prints the proposal as JSON; with -o also writes the data file with the pairs accepted.
#include <cstdio>
#include <string>

#include "cli/cli_support.h"
#include "cli/matching_json.h"
#include "core/matching/accept.h"
#include "core/matching/run.h"
#include "io/json_document.h"
#include "platform/interface/time_zones.h"

namespace flipside::cli {

namespace {

std::string proposal_json(const matching::MatchingProposal& proposal) {
    std::string out = "{\"mode\":\"" + std::string(matching::matching_mode_name(proposal.mode)) + "\",\"pairs\":[";
    for (std::size_t k = 0; k < proposal.pairs.size(); ++k) {
        const matching::ProposedPair& pair = proposal.pairs[k];
        out += k ? ",\n" : "\n";
        out += "{\"mentor\":" + json_string(pair.mentor_id) + ",\"mentee\":" + json_string(pair.mentee_id) +
               ",\"score\":" + matching::format_score(pair.score) + ",\"breakdown\":{";
        for (std::size_t c = 0; c < matching::kCriterionCount; ++c)
            out += std::string(c ? "," : "") + "\"" + matching::criterion_name(static_cast<matching::Criterion>(c)) + "\":" +
                   matching::format_score(pair.breakdown[c]);
        out += "}";
        if (pair.locked) out += ",\"locked\":true";
        out += "}";
    }
    out += "],\"unmatched\":[";
    for (std::size_t k = 0; k < proposal.unmatched.size(); ++k) {
        const matching::UnmatchedParticipant& person = proposal.unmatched[k];
        out += k ? ",\n" : "\n";
        out += "{\"id\":" + json_string(person.id) + ",\"role\":\"" + role_name(person.role) +
               "\",\"reason\":" + json_string(person.reason) + "}";
    }
    out += "],\n\"total_score\":" + matching::format_score(proposal.total_score);
    if (!proposal.pairs.empty()) out += ",\"lowest_score\":" + matching::format_score(proposal.lowest_score);
    if (proposal.mode == matching::MatchingMode::Stable) out += ",\"blocking_pairs\":" + std::to_string(proposal.blocking_pairs);
    if (proposal.candidates_per_mentee > 0) {
        out += ",\"candidates_per_mentee\":" + std::to_string(proposal.candidates_per_mentee);
        if (proposal.dense_total_score)
            out += ",\"dense_total_score\":" + matching::format_score(*proposal.dense_total_score) +
                   ",\"dense_matched\":" + std::to_string(*proposal.dense_matched);
    }
    out += ",\"warnings\":[";
    for (std::size_t k = 0; k < proposal.warnings.size(); ++k) out += (k ? "," : "") + json_string(proposal.warnings[k]);
    out += "]}\n";
    return out;
}

}  // namespace

int run_match(const Arguments& args) {
    const Options options(args, {"--mode", "--candidates", "-o"});
    if (!options.ok()) return usage_error("match", options.error());
    if (options.positional().size() != 1)
        return usage_error("match", "give exactly one file: flipside match data.json [--mode optimal|fair|stable] [-o out.json]");
    const auto document = load_document(options.positional()[0], "match");
    if (!document) return 2;
    matching::MatchingSettings settings = document->current_program() ? document->current_program()->matching : matching::MatchingSettings{};
    if (const auto mode = options.value("--mode")) {
        const auto parsed = matching::parse_matching_mode(*mode);
        if (!parsed) return usage_error("match", "--mode must be optimal, fair or stable, not \"" + *mode + "\"");
        settings.mode = *parsed;
    }
    if (const auto candidates = options.value("--candidates")) {
        const auto parsed = parse_integer(*candidates, 0, 1000000);
        if (!parsed) return usage_error("match", "--candidates must be a whole number from 0 (all) to 1000000");
        settings.candidates_per_mentee = static_cast<int>(*parsed);
    }
    const auto output = options.value("-o");
    if (output && !document->current_program())
        return usage_error("match", options.positional()[0] + " has no program to accept the pairs into");

    const matching::MatchingProposal proposal =
        matching::run_matching(*document, settings, platform::system_time_zones(), matching::default_reference_instant(*document));
    const std::string text = proposal_json(proposal);
    std::fputs(text.c_str(), stdout);
    if (output) {
        if (!write_file(*output, io::write_document_json(matching::accept_proposal(*document, proposal)), "match")) return 1;
        std::fprintf(stderr, "flipside match: wrote %zu pairs to %s\n", proposal.pairs.size(), output->c_str());
    }
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace flipside::cli
