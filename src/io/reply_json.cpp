// Index
// [SECTION] Writing
// [SECTION] Reading the JSON
// [SECTION] Text blocks
#include "io/reply_json.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "io/base64url.h"
#include "io/deflate.h"
#include "io/json_fields.h"

namespace flipside::io {

using nlohmann::json;
using participants::Reply;

namespace {

constexpr const char* kFormatName = "flipside-reply";
constexpr std::string_view kBegin = "-----BEGIN FLIPSIDE REPLY-----";
constexpr std::string_view kEnd = "-----END FLIPSIDE REPLY-----";
constexpr std::size_t kBlockLine = 64;

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------

json reply_to_json(const Reply& reply) {
    json changes = json::array();
    for (const auto& change : reply.changes)
        changes.push_back(json{{"field", change.field}, {"before", change.before}, {"after", change.after}});
    return json{{"format", kFormatName},
                {"version", reply.format},
                {"program_id", reply.program_id},
                {"participant_id", reply.participant_id},
                {"invitation_id", reply.invitation_id},
                {"sequence", reply.sequence},
                {"written_at", format_utc_timestamp(reply.written_at)},
                {"changes", std::move(changes)},
                {"signature", reply.signature}};
}

//-----------------------------------------------------------------------------
// [SECTION] Reading the JSON
//-----------------------------------------------------------------------------

Result<Reply> reply_from_json(const json& root, const std::string& source) {
    std::vector<Problem> problems;
    ObjectReader r(root, "", problems);
    if (!r.ok() || r.text("format", kMaxShortText, false) != kFormatName)
        return Problem{source, "this is not a Flipside reply"};
    Reply reply;
    reply.format = r.integer("version", 0, true);
    if (reply.format > participants::kReplyFormat)
        return Problem{source, "written by a newer Flipside (reply version " + std::to_string(reply.format) +
                                   "); this one reads up to " + std::to_string(participants::kReplyFormat)};
    r.reject_unknown({"format", "version", "program_id", "participant_id", "invitation_id", "sequence", "written_at",
                      "changes", "signature"});
    reply.program_id = r.text("program_id", kMaxShortText, true);
    reply.participant_id = r.text("participant_id", kMaxShortText, true);
    reply.invitation_id = r.text("invitation_id", kMaxShortText, true);
    if (const json* sequence = r.field("sequence"); sequence && sequence->is_number_integer())
        reply.sequence = sequence->get<long long>();
    else r.problem("/sequence", "expected a whole number");
    reply.written_at = r.instant("written_at");
    if (const json* changes = r.array("changes", true)) {
        if (changes->size() > participants::kMaxReplyChanges)
            r.problem("/changes", "more than " + std::to_string(participants::kMaxReplyChanges) + " changes");
        for (std::size_t i = 0; i < changes->size() && i < participants::kMaxReplyChanges; ++i) {
            ObjectReader c((*changes)[i], "/changes/" + std::to_string(i), problems);
            if (!c.ok()) continue;
            c.reject_unknown({"field", "before", "after"});
            participants::FieldChange change;
            change.field = c.text("field", kMaxShortText, true);
            if (!c.array("before", true) || !c.array("after", true)) continue;
            change.before = c.text_list("before", kMaxLongText);
            change.after = c.text_list("after", kMaxLongText);
            reply.changes.push_back(std::move(change));
        }
    }
    reply.signature = r.text("signature", 128, false);
    if (!problems.empty()) {
        std::vector<Problem> named;
        for (const Problem& p : problems) named.push_back({source, describe(p)});
        return named;
    }
    return reply;
}

Result<Reply> parse_reply_json(std::string_view text, const std::string& source) {
    const json root = json::parse(text.begin(), text.end(), nullptr, false);
    if (root.is_discarded()) return Problem{source, "not valid JSON: the reply is truncated or garbled"};
    return reply_from_json(root, source);
}

//-----------------------------------------------------------------------------
// [SECTION] Text blocks
//-----------------------------------------------------------------------------

bool is_base64url(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

Result<std::vector<Reply>> read_blocks(std::string_view text, const std::string& source) {
    std::vector<Reply> replies;
    std::size_t at = 0;
    for (std::size_t number = 1;; ++number) {
        const std::size_t begin = text.find(kBegin, at);
        if (begin == std::string_view::npos) break;
        const std::string block_source = source + " (reply block " + std::to_string(number) + ")";
        const std::size_t body = begin + kBegin.size();
        const std::size_t end = text.find(kEnd, body);
        if (end == std::string_view::npos)
            return Problem{block_source, "truncated: the block has no END FLIPSIDE REPLY line (was the text cut short?)"};
        std::string cleaned;
        for (const char c : text.substr(body, end - body))
            if (is_base64url(c)) cleaned += c;  // line breaks, quoting "> " and spaces added by mail clients
        const auto compressed = base64url_decode(cleaned);
        if (!compressed) return Problem{block_source, "garbled: the block's text was damaged"};
        const Result<std::string> json_text = inflate_raw(*compressed, kMaxReplyBytes);
        if (!json_text) return Problem{block_source, json_text.message()};
        Result<Reply> reply = parse_reply_json(*json_text, block_source);
        if (!reply) return reply.problems();
        replies.push_back(std::move(*reply));
        at = end + kEnd.size();
    }
    return replies;
}

}  // namespace

std::string write_reply_json(const Reply& reply) {
    return reply_to_json(reply).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string reply_text_block(const Reply& reply) {
    const std::string payload =
        base64url_encode(deflate_raw(reply_to_json(reply).dump(-1, ' ', false, json::error_handler_t::replace)));
    std::string out(kBegin);
    out += '\n';
    for (std::size_t i = 0; i < payload.size(); i += kBlockLine) out += payload.substr(i, kBlockLine) + "\n";
    out += kEnd;
    out += '\n';
    return out;
}

std::string reply_file_name(const std::string& participant_name, UtcSeconds written_at) {
    std::string name;
    for (const char c : participant_name) {
        const char lower = fold_ascii(c);
        if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) name += lower;
        else if (!name.empty() && name.back() != '-') name += '-';
    }
    while (!name.empty() && name.back() == '-') name.pop_back();
    if (name.empty()) name = "participant";
    return "flipside-reply-" + name + "-" + format_utc_timestamp(written_at).substr(0, 10) + ".json";
}

Result<std::vector<Reply>> read_replies(std::string_view text, const std::string& source) {
    if (text.size() > kMaxReplyBytes)
        return Problem{source, "too large for a reply (" + std::to_string(text.size() / 1024) + " KiB; the limit is " +
                                   std::to_string(kMaxReplyBytes / 1024) + " KiB)"};
    if (text.find(kBegin) != std::string_view::npos) return read_blocks(text, source);
    if (text.find(kEnd) != std::string_view::npos)
        return Problem{source, "truncated: an END FLIPSIDE REPLY line without its BEGIN line"};
    Result<Reply> reply = parse_reply_json(text, source);
    if (!reply) return reply.problems();
    return std::vector<Reply>{std::move(*reply)};
}

bool is_reply_text(std::string_view text) {
    if (text.find(kBegin) != std::string_view::npos) return true;
    constexpr std::string_view kFormatValue = "\"flipside-reply\"";
    if (text.find(kFormatValue) == std::string_view::npos) return false;
    // Small enough to be a reply: ask the JSON itself. Larger: a reply too large to read
    // (read_replies says so) unless it is a document, whose own marker no reply has.
    if (text.size() <= 2 * kMaxReplyBytes) {
        const json root = json::parse(text.begin(), text.end(), nullptr, false);
        if (root.is_discarded()) return text.find("\"schema_version\"") == std::string_view::npos;
        const auto format = root.is_object() ? root.find("format") : root.end();
        return format != root.end() && format->is_string() && *format == kFormatName;
    }
    return text.find("\"schema_version\"") == std::string_view::npos;
}

}  // namespace flipside::io
