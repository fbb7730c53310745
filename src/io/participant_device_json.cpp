#include "io/participant_device_json.h"

#include <nlohmann/json.hpp>

#include "io/invitation_json.h"
#include "io/json_fields.h"

namespace flipside::io {

using nlohmann::json;
using participants::DeviceState;

namespace {
constexpr const char* kFormatName = "flipside-participant-device";
constexpr int kVersion = 1;
}  // namespace

std::string write_participant_device_json(const DeviceState& state) {
    json changes = json::array();
    for (const auto& change : state.changes)
        changes.push_back(json{{"field", change.field}, {"before", change.before}, {"after", change.after}});
    json sent = json::object();
    for (const auto& [field, value] : state.sent) sent[field] = value;
    json notes = json::object();
    for (const auto& [session, text] : state.private_notes) notes[session] = text;
    json replies = json::array();
    for (const auto& reply : state.replies)
        replies.push_back(json{{"sequence", reply.sequence},
                               {"written_at", format_utc_timestamp(reply.written_at)},
                               {"file_name", reply.file_name},
                               {"changes", reply.changes}});
    const json root{{"format", kFormatName},
                    {"version", kVersion},
                    {"invitation", json::parse(write_invitation_json(state.invitation))},
                    {"changes", std::move(changes)},
                    {"sent", std::move(sent)},
                    {"next_sequence", state.next_sequence},
                    {"private_notes", std::move(notes)},
                    {"replies", std::move(replies)}};
    return root.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<DeviceState> read_participant_device_json(std::string_view text, const std::string& source) {
    const json root = json::parse(text.begin(), text.end(), nullptr, false);
    std::vector<Problem> problems;
    ObjectReader r(root, "", problems);
    if (root.is_discarded() || !r.ok() || r.text("format", kMaxShortText, false) != kFormatName)
        return Problem{source, "this is not a participant's saved state"};
    if (r.integer("version", 0, true) > kVersion)
        return Problem{source, "saved by a newer Flipside: open it with the newest version of the app"};
    r.reject_unknown({"format", "version", "invitation", "changes", "sent", "next_sequence", "private_notes", "replies"});
    DeviceState state;
    const json* invitation = r.field("invitation");
    if (!invitation || !invitation->is_object()) return Problem{source, "the saved invitation is missing"};
    // Expiry is the app's to show, not a reason to lose what the participant entered: read as of its issue.
    Result<participants::Invitation> read = read_invitation_json(invitation->dump(), source, 0);
    if (!read) return read.problems();
    state.invitation = std::move(*read);
    if (const json* changes = r.array("changes", true)) {
        for (std::size_t i = 0; i < changes->size(); ++i) {
            ObjectReader c((*changes)[i], "/changes/" + std::to_string(i), problems);
            if (!c.ok()) continue;
            participants::FieldChange change;
            change.field = c.text("field", kMaxShortText, true);
            change.before = c.text_list("before", kMaxLongText);
            change.after = c.text_list("after", kMaxLongText);
            state.changes.push_back(std::move(change));
        }
    }
    if (const json* sent = r.field("sent"); sent && sent->is_object())
        for (const auto& [field, value] : sent->items()) {
            participants::FieldValue items;
            if (value.is_array())
                for (const json& item : value)
                    if (item.is_string()) items.push_back(item.get<std::string>());
            state.sent[field] = std::move(items);
        }
    if (const json* next = r.field("next_sequence"); next && next->is_number_integer())
        state.next_sequence = std::max<long long>(1, next->get<long long>());
    if (const json* notes = r.field("private_notes"); notes && notes->is_object())
        for (const auto& [session, note] : notes->items())
            if (note.is_string()) state.private_notes[session] = note.get<std::string>();
    if (const json* replies = r.array("replies", false)) {
        for (std::size_t i = 0; i < replies->size(); ++i) {
            ObjectReader c((*replies)[i], "/replies/" + std::to_string(i), problems);
            if (!c.ok()) continue;
            participants::SentReply reply;
            if (const json* sequence = c.field("sequence"); sequence && sequence->is_number_integer())
                reply.sequence = sequence->get<long long>();
            reply.written_at = c.instant("written_at");
            reply.file_name = c.text("file_name", kMaxShortText, false);
            reply.changes = static_cast<std::size_t>(std::max(0, c.integer("changes", 0, false)));
            state.replies.push_back(std::move(reply));
        }
    }
    if (!problems.empty()) {
        for (Problem& p : problems) p.path = source + (p.path.empty() ? "" : " at " + p.path);
        return problems;
    }
    return state;
}

}  // namespace flipside::io
