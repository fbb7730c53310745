// flipside merge-replies (synopsis: main.cpp's command table)
// Reads reply files and pasted text blocks, merges every valid reply as the coordinator's
// review screen does with its defaults (in a conflict the coordinator's value is kept), and
// writes the result. Prints one line per reply: applied, skipped (already merged or older:
// not an error) or refused (with why); exits 2 when any was refused, after writing the rest.
#include <cstdio>

#include "cli/cli_support.h"
#include "core/participants/merge.h"
#include "io/json_document.h"
#include "io/reply_json.h"
#include "platform/interface/time_zones.h"

namespace flipside::cli {

namespace {

std::string joined(const participants::FieldValue& value) {
    std::string out;
    for (const std::string& item : value) out += (out.empty() ? "" : "; ") + item;
    return out.empty() ? "(empty)" : out.substr(0, 120);
}

}  // namespace

int run_merge_replies(const Arguments& args) {
    const Options options(args, {"-o"});
    if (!options.ok()) return usage_error("merge-replies", options.error());
    if (options.positional().size() < 2)
        return usage_error("merge-replies", "give the data file and at least one reply: flipside merge-replies data.json REPLY... -o out.json");
    const auto output = options.value("-o");
    if (!output) return usage_error("merge-replies", "give the file to write with -o out.json");
    const auto now = current_time("merge-replies");
    if (!now) return 2;

    const std::string& path = options.positional()[0];
    auto document = load_document(path, "merge-replies");
    if (!document) return 2;

    std::vector<participants::IncomingReply> incoming;
    std::size_t unreadable = 0;
    for (std::size_t i = 1; i < options.positional().size(); ++i) {
        const std::string& source = options.positional()[i];
        const auto text = read_file(source, "merge-replies");
        if (!text) {
            ++unreadable;
            continue;
        }
        Result<std::vector<participants::Reply>> replies = io::read_replies(*text, source);
        if (!replies) {
            ++unreadable;
            std::printf("refused  %s\n", replies.message().c_str());
            continue;
        }
        for (std::size_t k = 0; k < replies->size(); ++k)
            incoming.push_back({replies->size() == 1 ? source : source + " (reply block " + std::to_string(k + 1) + ")",
                                std::move((*replies)[k])});
    }

    const participants::MergePlan plan =
        participants::plan_merge(*document, incoming, *now, platform::system_time_zones(), {});
    for (const participants::ReplyReview& review : plan.replies) {
        const std::string who = (review.participant_name.empty() ? review.participant_id
                                                                 : review.participant_name + " (" + review.participant_id + ")");
        if (review.outcome == participants::ReplyOutcome::Refused) {
            std::printf("refused  %s: %s\n", review.source.c_str(), review.reason.c_str());
            continue;
        }
        if (review.outcome == participants::ReplyOutcome::Skipped) {
            std::printf("skipped  %s: %s, %s\n", review.source.c_str(), who.c_str(), review.reason.c_str());
            continue;
        }
        std::printf("applied  %s: %s, sequence %lld\n", review.source.c_str(), who.c_str(), review.sequence);
        for (const participants::ChangeReview& change : review.changes) {
            if (change.superseded)
                std::printf("           %s: left as is (a newer reply set it)\n", change.field.c_str());
            else if (change.conflict && !change.applied)
                std::printf("           %s: conflict, kept the coordinator's %s (the reply had %s -> %s)\n", change.field.c_str(),
                            joined(change.current).c_str(), joined(change.replaced).c_str(), joined(change.after).c_str());
            else
                std::printf("           %s: %s -> %s\n", change.field.c_str(), joined(change.current).c_str(),
                            joined(change.after).c_str());
        }
    }
    apply_edit(*document, plan.edit);
    if (!write_file(*output, io::write_document_json(*document), "merge-replies")) return 1;
    const std::size_t refused = plan.refused + unreadable;
    std::printf("%zu applied, %zu skipped, %zu refused; wrote %s\n", plan.applied, plan.skipped, refused, output->c_str());
    return refused == 0 ? 0 : 2;
}

}  // namespace flipside::cli
