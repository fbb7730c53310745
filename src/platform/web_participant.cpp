#include "platform/web_participant.h"

#include <emscripten.h>

#include <cstdlib>
#include <exception>
#include <string>

#include <nlohmann/json.hpp>

#include "app/participant_workspace.h"
#include "platform/web_platform.h"
#include "platform/web_runtime.h"

namespace flipside::platform::web {
namespace {

EM_JS(int, flipside_js_participant_mode, (), {
    var storage = window.FlipsideStorage;
    return storage && storage.participantMode && storage.participantMode() ? 1 : 0;
});

// {"link": "#invite=…"} or {"file": "<text>", "name": "P0001.flipside-invite"} or null; taken once.
EM_JS(char*, flipside_js_take_start_invitation, (), {
    var storage = window.FlipsideStorage;
    var pending = storage && storage.takeStartInvitation ? storage.takeStartInvitation() : null;
    if (!pending) return 0;
    var text = JSON.stringify(pending);
    var size = lengthBytesUTF8(text) + 1;
    var copy = _malloc(size);
    if (!copy) return 0;
    stringToUTF8(text, copy, size);
    return copy;
});

EM_JS(void, flipside_js_reply_made, (const char* payload), {
    var shell = Module["flipsideShell"];
    if (shell && shell.replyMade) shell.replyMade(JSON.parse(UTF8ToString(payload)));
});

const char* status_name(app::OpenedInvitation::Kind kind) {
    switch (kind) {
        case app::OpenedInvitation::Kind::First: return "opened";
        case app::OpenedInvitation::Kind::Newer: return "updated";
        case app::OpenedInvitation::Kind::Same: return "already-open";
        case app::OpenedInvitation::Kind::Older: return "older";
    }
    return "opened";
}

bool looks_like_link(const std::string& text) {
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    return start != std::string::npos && text[start] != '{';
}

}  // namespace

bool page_opens_participant_mode() { return flipside_js_participant_mode() != 0; }

void open_start_invitation(app::ParticipantWorkspace& workspace) {
    char* copy = flipside_js_take_start_invitation();
    if (copy == nullptr) return;
    const nlohmann::json pending = nlohmann::json::parse(take_js_string(copy), nullptr, false);
    if (!pending.is_object()) return;
    if (pending.contains("link") && pending["link"].is_string()) {
        workspace.open_link_and_say(pending["link"].get<std::string>());
    } else if (pending.contains("file") && pending["file"].is_string()) {
        const std::string name = pending.value("name", std::string("invitation.flipside-invite"));
        workspace.receive_file(name, pending["file"].get<std::string>());
    }
}

void report_participant_replies(const app::ParticipantWorkspace& workspace) {
    static std::size_t reported = 0;
    if (workspace.replies_made() == reported || !workspace.last_reply()) return;
    reported = workspace.replies_made();
    const app::MadeReply& made = *workspace.last_reply();
    const nlohmann::json payload{{"participantId", made.reply.participant_id},
                                 {"programId", made.reply.program_id},
                                 {"sequence", made.reply.sequence},
                                 {"fileName", made.file_name},
                                 {"reply", nlohmann::json::parse(made.json)},
                                 {"textBlock", made.text_block}};
    flipside_js_reply_made(payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

}  // namespace flipside::platform::web

using flipside::platform::web::runtime;

extern "C" {

// An invitation from the page (the embed bridge's openInvitation): a link, its fragment, or an
// invitation file's text. {"ok":true,"status":"opened"|"updated"|"already-open"|"older",
// "participant":{"id","name"},"program":{"id","name"}} or {"ok":false,"code","message"}.
EMSCRIPTEN_KEEPALIVE const char* flipside_participant_open(const char* text, int length) {
    static std::string result;
    using nlohmann::json;
    auto keep = [](const json& value) {
        result = value.dump(-1, ' ', false, json::error_handler_t::replace);
        return result.c_str();
    };
    flipside::app::ParticipantWorkspace* workspace = runtime().participant;
    if (workspace == nullptr)
        return keep({{"ok", false},
                     {"code", "not-participant-mode"},
                     {"message", "openInvitation needs an embed mounted with mode 'participant'."}});
    if (text == nullptr || length < 0) return keep({{"ok", false}, {"code", "invalid-payload"}, {"message", "No invitation."}});
    try {
        flipside::platform::web::note_activity();
        const std::string given(text, static_cast<std::size_t>(length));
        const flipside::Result<flipside::app::OpenedInvitation> opened =
            flipside::platform::web::looks_like_link(given) ? workspace->open_link(given)
                                                            : workspace->open_file(given, "the portal's invitation");
        if (!opened) {
            workspace->post(flipside::app::MessageKind::Error, "This invitation cannot be opened: " + opened.message());
            return keep({{"ok", false}, {"code", "invitation-refused"}, {"message", opened.message()}});
        }
        const auto& inv = workspace->invitation();
        return keep({{"ok", true},
                     {"status", flipside::platform::web::status_name(opened->kind)},
                     {"participant", {{"id", inv.participant.id}, {"name", inv.participant.name}}},
                     {"program", {{"id", inv.program.id}, {"name", inv.program.name}}}});
    } catch (const std::exception& error) {
        return keep({{"ok", false}, {"code", "internal"}, {"message", error.what()}});
    }
}

}  // extern "C"
