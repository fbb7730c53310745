// Calls the embed bridge (web_shell/flipside-embed-bridge.js) makes into the app. Each returns
// a JSON result owned by this file, valid until the next call: {"ok":true,...} or
// {"ok":false,"code":"…","message":"…"}; the bridge turns failures into "error" replies.
#include "platform/web_embed.h"

#include <emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "platform/web_runtime.h"
#include "ui/theme.h"

namespace flipside::platform::web {
namespace {

EM_JS(void, flipside_js_embed_changed, (double revision, const char* mode), {
    var shell = Module["flipsideShell"];
    if (shell && shell.changed) shell.changed(revision, UTF8ToString(mode));
});

const char* mode_name(const app::App& app) {
    if (app.kiosk().in_kiosk_mode()) return "kiosk";
    return app.read_only() ? "readonly" : "coordinator";
}

const char* keep(std::string& slot, const nlohmann::json& value) {
    slot = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return slot.c_str();
}

nlohmann::json failure(const std::string& code, const std::string& message) {
    return {{"ok", false}, {"code", code}, {"message", message}};
}

nlohmann::json success(const app::App& app) { return {{"ok", true}, {"mode", mode_name(app)}}; }

// Switching modes. Entering kiosk needs a PIN in this data set: the one a coordinator set, or
// one the host hands over when none is set yet (it is hashed in the core like any other PIN,
// never stored as given). Leaving kiosk needs that PIN, with the same rate limit as the
// "Coordinator" button: a host message is no back door out of the kiosk.
nlohmann::json set_mode(app::App& app, const std::string& mode, const std::string& pin) {
    app::KioskLock& lock = app.kiosk();
    if (mode == "kiosk") {
        if (lock.in_kiosk_mode()) return success(app);
        if (!lock.has_pin()) {
            if (pin.empty())
                return failure("kiosk-needs-pin",
                               "Kiosk mode needs a coordinator PIN: set one in Participants > Kiosk mode… "
                               "(coordinator mode), or send it with this request.");
            const Result<void> set = lock.set_pin(pin);
            if (!set) return failure("invalid-pin", set.message());
        }
        app.flush();  // nothing unsaved stays behind the participant's screen
        app.set_read_only(false);  // participants update their own profile in kiosk mode
        lock.enter_kiosk_mode();
        return success(app);
    }
    if (mode != "coordinator" && mode != "readonly")
        return failure("invalid-payload", "mode must be \"coordinator\", \"kiosk\" or \"readonly\".");
    if (lock.in_kiosk_mode()) {
        switch (lock.leave_kiosk_mode(pin)) {
            case app::KioskLock::UnlockResult::Accepted: break;
            case app::KioskLock::UnlockResult::Wrong:
                return failure(pin.empty() ? "pin-required" : "wrong-pin",
                               pin.empty() ? "Leaving kiosk mode needs the coordinator's PIN."
                                           : "Wrong PIN: kiosk mode stays on.");
            case app::KioskLock::UnlockResult::LockedOut:
                return failure("locked-out", "Too many wrong PINs: try again in " +
                                                 std::to_string(lock.seconds_locked()) + " s.");
        }
    }
    app.set_read_only(mode == "readonly");
    return success(app);
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "#rrggbb" -> colour; false for anything else.
bool parse_accent(const std::string& text, ImVec4& colour) {
    if (text.size() != 7 || text[0] != '#') return false;
    float channels[3];
    for (int i = 0; i < 3; ++i) {
        const int high = hex_digit(text[1 + 2 * i]), low = hex_digit(text[2 + 2 * i]);
        if (high < 0 || low < 0) return false;
        channels[i] = static_cast<float>(high * 16 + low) / 255.0f;
    }
    colour = ImVec4(channels[0], channels[1], channels[2], 1.0f);
    return true;
}

const char* outcome_name(participants::ReplyOutcome outcome, bool applied) {
    switch (outcome) {
        case participants::ReplyOutcome::Applied: return applied ? "applied" : "will-apply";
        case participants::ReplyOutcome::Skipped: return "skipped";
        case participants::ReplyOutcome::Refused: return "refused";
    }
    return "refused";
}

// Replies the host sends (the portal received them from participants). Without "apply" they
// join the coordinator's review, which opens in the embed: the coordinator decides conflicts.
// With "apply" they are merged at once, apart from that review, with the review's defaults (in
// a conflict the coordinator's value stays) as one undoable step. Either way the host learns,
// per reply it sent (by its index), what became of it and why.
nlohmann::json merge_replies(app::App& app, const nlohmann::json& texts, bool apply_now) {
    if (app.kiosk().in_kiosk_mode())
        return failure("not-allowed-in-kiosk", "Replies are merged by the coordinator; this embed is in kiosk mode.");
    if (app.read_only())
        return failure("read-only", "This is a read-only view: replies cannot be merged here.");
    static int requests = 0;
    const std::string prefix = "portal request " + std::to_string(++requests) + ", reply ";
    app::ReplyBatch own;
    app::ReplyBatch& batch = apply_now ? own : app.reply_batch();
    const std::size_t unreadable_before = batch.unreadable().size();
    std::vector<std::string> sources;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        sources.push_back(prefix + std::to_string(i + 1));
        if (apply_now)
            batch.add(sources.back(), texts[i].get_ref<const std::string&>());
        else
            app.receive_replies(sources.back(), texts[i].get_ref<const std::string&>());
    }
    const participants::MergePlan plan = apply_now ? app.merge_batch(batch) : app.reply_review();
    const auto index_of = [&](const std::string& source) -> long long {
        if (source.compare(0, prefix.size(), prefix) != 0) return -1;
        return std::atoll(source.c_str() + prefix.size()) - 1;  // "... reply 3 (reply block 2)" -> 2
    };
    nlohmann::json replies = nlohmann::json::array();
    std::size_t applied = 0, skipped = 0, refused = 0;
    for (const participants::ReplyReview& review : plan.replies) {
        const long long index = index_of(review.source);
        if (index < 0) continue;  // dropped by the coordinator earlier, not this request's
        nlohmann::json changes = nlohmann::json::array();
        for (const participants::ChangeReview& change : review.changes)
            changes.push_back({{"field", change.field},
                               {"conflict", change.conflict},
                               {"superseded", change.superseded},
                               {"applied", change.applied}});
        applied += review.outcome == participants::ReplyOutcome::Applied;
        skipped += review.outcome == participants::ReplyOutcome::Skipped;
        refused += review.outcome == participants::ReplyOutcome::Refused;
        replies.push_back({{"index", index},
                           {"source", review.source},
                           {"participantId", review.participant_id},
                           {"name", review.participant_name},
                           {"outcome", outcome_name(review.outcome, apply_now)},
                           {"reason", review.reason},
                           {"changes", std::move(changes)}});
    }
    const std::vector<app::ReplyBatch::Unreadable>& unreadable = batch.unreadable();
    for (std::size_t i = unreadable_before; i < unreadable.size(); ++i) {
        const long long index = index_of(unreadable[i].source);
        if (index < 0) continue;
        ++refused;
        replies.push_back({{"index", index}, {"source", unreadable[i].source}, {"outcome", "refused"},
                           {"reason", unreadable[i].reason}, {"changes", nlohmann::json::array()}});
    }
    // A text whose replies were all in the batch already (sent twice, or dropped by the coordinator too).
    std::vector<bool> answered(texts.size(), false);
    for (const nlohmann::json& reply : replies) answered[reply["index"].get<std::size_t>()] = true;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (answered[i]) continue;
        ++skipped;
        replies.push_back({{"index", i}, {"source", sources[i]}, {"outcome", "skipped"},
                           {"reason", "the same reply is in this batch already"}, {"changes", nlohmann::json::array()}});
    }
    std::stable_sort(replies.begin(), replies.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
        return a["index"].get<long long>() < b["index"].get<long long>();
    });
    return {{"ok", true},
            {"status", apply_now ? "merged" : "awaiting-coordinator"},
            {"applied", applied},
            {"skipped", skipped},
            {"refused", refused},
            {"replies", std::move(replies)}};
}

std::string text_or_empty(const char* text) { return text != nullptr ? std::string(text) : std::string(); }

}  // namespace

void report_embed_changes(const app::App& app) {
    static std::uint64_t reported_revision = 0;
    static std::string reported_mode = "coordinator";
    const std::string mode = mode_name(app);
    if (app.revision() == reported_revision && mode == reported_mode) return;
    reported_revision = app.revision();
    reported_mode = mode;
    flipside_js_embed_changed(static_cast<double>(reported_revision), mode.c_str());
}

}  // namespace flipside::platform::web

using flipside::platform::web::runtime;
namespace web = flipside::platform::web;

extern "C" {

// "coordinator", "kiosk", "readonly" or "participant" ("" before start-up).
EMSCRIPTEN_KEEPALIVE const char* flipside_embed_mode() {
    if (runtime().participant != nullptr) return "participant";
    return runtime().app != nullptr ? web::mode_name(*runtime().app) : "";
}

EMSCRIPTEN_KEEPALIVE const char* flipside_embed_set_mode(const char* mode, const char* pin) {
    static std::string result;
    if (runtime().app == nullptr) return web::keep(result, web::failure("not-ready", "Flipside has not started."));
    try {
        web::note_activity();
        return web::keep(result, web::set_mode(*runtime().app, web::text_or_empty(mode), web::text_or_empty(pin)));
    } catch (const std::exception& error) {
        return web::keep(result, web::failure("internal", error.what()));
    }
}

// scheme: "light" or "dark"; accent: "#rrggbb" or "" for Flipside's own blue.
EMSCRIPTEN_KEEPALIVE const char* flipside_embed_set_theme(const char* scheme, const char* accent) {
    static std::string result;
    const std::string scheme_text = web::text_or_empty(scheme), accent_text = web::text_or_empty(accent);
    if (scheme_text != "light" && scheme_text != "dark")
        return web::keep(result, web::failure("invalid-payload", "scheme must be \"light\" or \"dark\"."));
    ImVec4 colour = flipside::ui::theme::kDefaultAccent;
    if (!accent_text.empty() && !web::parse_accent(accent_text, colour))
        return web::keep(result, web::failure("invalid-payload", "accent must be a colour like \"#1a73e8\"."));
    if (ImGui::GetCurrentContext() == nullptr)
        return web::keep(result, web::failure("not-ready", "Flipside has not started."));
    flipside::ui::theme::apply_style(scheme_text == "dark" ? flipside::ui::theme::Scheme::Dark
                                                           : flipside::ui::theme::Scheme::Light,
                                     colour);
    web::note_activity();
    return web::keep(result, {{"ok", true}, {"scheme", scheme_text}, {"accent", accent_text}});
}

// A roster from the host, as if the coordinator had dropped the file: a ".json" name replaces
// the data all-or-nothing, a ".csv" name opens the CSV import dialog for the column mapping.
EMSCRIPTEN_KEEPALIVE const char* flipside_embed_import(const char* name, const char* content, int length) {
    static std::string result;
    flipside::app::App* app = runtime().app;
    if (app == nullptr) return web::keep(result, web::failure("not-ready", "Flipside has not started."));
    if (name == nullptr || content == nullptr || length < 0)
        return web::keep(result, web::failure("invalid-payload", "No file name or text."));
    try {
        web::note_activity();
        const std::string file_name(name);
        const bool csv = file_name.size() >= 4 && file_name.compare(file_name.size() - 4, 4, ".csv") == 0;
        if (csv && app->kiosk().in_kiosk_mode())
            return web::keep(result, web::failure("not-allowed-in-kiosk",
                                                  "A CSV import needs the coordinator's column mapping; "
                                                  "it cannot start in kiosk mode."));
        const std::uint64_t revision = app->revision();
        app->receive_file(file_name, std::string(content, static_cast<std::size_t>(length)));
        if (csv && app->pending_csv_import())
            return web::keep(result, {{"ok", true}, {"status", "awaiting-coordinator"}});
        if (!csv && app->revision() != revision)
            return web::keep(result, {{"ok", true},
                                      {"status", "imported"},
                                      {"participants", app->document().participants.size()}});
        // Refused: the app said why in its message area; the host gets the same words.
        nlohmann::json details = nlohmann::json::array();
        std::string message = "The import was refused.";
        const auto& messages = app->messages();
        if (!messages.empty()) {
            message = messages.back().text;
            details = messages.back().details;
        }
        nlohmann::json refused = web::failure(app->read_only() ? "read-only" : "import-refused", message);
        refused["details"] = details;
        return web::keep(result, refused);
    } catch (const std::exception& error) {
        return web::keep(result, web::failure("internal", error.what()));
    }
}

// {"replies":["<reply JSON or text block>", ...], "apply":false}: see merge_replies above.
EMSCRIPTEN_KEEPALIVE const char* flipside_embed_merge_replies(const char* payload, int length) {
    static std::string result;
    flipside::app::App* app = runtime().app;
    if (app == nullptr) return web::keep(result, web::failure("not-ready", "Flipside has not started."));
    if (payload == nullptr || length < 0) return web::keep(result, web::failure("invalid-payload", "No replies."));
    try {
        const nlohmann::json request =
            nlohmann::json::parse(payload, payload + length, nullptr, false);
        const auto replies = request.is_object() ? request.find("replies") : request.end();
        if (replies == request.end() || !replies->is_array() || replies->empty() ||
            !std::all_of(replies->begin(), replies->end(), [](const nlohmann::json& r) { return r.is_string(); }))
            return web::keep(result, web::failure("invalid-payload", "replies must be a list of texts (reply files or text blocks)."));
        const auto apply = request.find("apply");
        web::note_activity();
        return web::keep(result, web::merge_replies(*app, *replies, apply != request.end() && apply->is_boolean() && apply->get<bool>()));
    } catch (const std::exception& error) {
        return web::keep(result, web::failure("internal", error.what()));
    }
}

}  // extern "C"
