// flipside reply (synopsis: main.cpp's command table)
// Builds a signed reply from an invitation file, as the participant's app does: each --set
// FIELD=VALUE is one change (list items separated by ';'). The command line has no device to
// count replies on, so its sequence number is the reply's time in seconds: a later reply is
// always newer (the app counts 1, 2, 3 instead).
#include <cstdio>

#include "cli/cli_support.h"
#include "core/participants/reply.h"
#include "core/text.h"
#include "io/invitation_json.h"
#include "io/reply_json.h"

namespace flipside::cli {

namespace {

// "a;b; c" -> {"a", "b", " c"}; "" -> {} (an emptied field).
participants::FieldValue split_items(const std::string& text) {
    participants::FieldValue items;
    if (text.empty()) return items;
    std::size_t start = 0;
    while (true) {
        const std::size_t semicolon = text.find(';', start);
        items.push_back(text.substr(start, semicolon == std::string::npos ? std::string::npos : semicolon - start));
        if (semicolon == std::string::npos) return items;
        start = semicolon + 1;
    }
}

}  // namespace

int run_reply(const Arguments& args) {
    const Options options(args, {"-o", "--set"});
    if (!options.ok()) return usage_error("reply", options.error());
    if (options.positional().size() != 1)
        return usage_error("reply", "give exactly one invitation: flipside reply INVITE --set FIELD=VALUE -o REPLY");
    const auto output = options.value("-o");
    if (!output) return usage_error("reply", "give the reply file to write with -o REPLY");
    const std::vector<std::string> sets = options.values("--set");
    if (sets.empty()) return usage_error("reply", "give at least one change with --set FIELD=VALUE");
    const auto now = current_time("reply");
    if (!now) return 2;

    const std::string& path = options.positional()[0];
    const auto text = read_file(path, "reply");
    if (!text) return 2;
    Result<participants::Invitation> invitation = io::read_invitation_json(*text, path, *now);
    if (!invitation) return usage_error("reply", invitation.message());

    participants::ReplyDraft draft(std::move(*invitation));
    for (const std::string& set : sets) {
        const std::size_t equals = set.find('=');
        if (equals == std::string::npos || equals == 0)
            return usage_error("reply", "--set \"" + set + "\" is not FIELD=VALUE");
        const std::string field = set.substr(0, equals);
        if (Result<void> recorded = draft.record(field, split_items(set.substr(equals + 1))); !recorded)
            return usage_error("reply", "--set " + field + ": " + recorded.message());
    }
    const participants::Reply reply = participants::sign_reply(draft, *now, *now);
    const bool block = ends_with_ignoring_ascii_case(*output, ".txt");
    if (!write_file(*output, block ? io::reply_text_block(reply) : io::write_reply_json(reply), "reply")) return 1;
    std::printf("wrote a signed reply of %s with %zu change%s to %s%s\n", reply.participant_id.c_str(),
                reply.changes.size(), reply.changes.size() == 1 ? "" : "s", output->c_str(),
                block ? " (a text block for an e-mail body)" : "");
    return 0;
}

}  // namespace flipside::cli
