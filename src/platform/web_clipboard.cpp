// platform::Clipboard in the browser. Writing goes to the system clipboard through the page
// (navigator.clipboard, and the DOM copy/cut events); reading is only possible inside a DOM
// paste event, which the page forwards to flipside_paste (web_input.cpp).
#include <emscripten.h>

#include "platform/web_platform.h"

namespace flipside::platform::web {
namespace {

EM_JS(void, flipside_js_set_clipboard, (const char* text, int length), {
    var shell = Module["flipsideShell"];
    if (shell && shell.setClipboardText) shell.setClipboardText(UTF8ToString(text, length));
});

}  // namespace

void WebClipboard::set_text(const std::string& text) {
    text_ = text;
    flipside_js_set_clipboard(text_.data(), static_cast<int>(text_.size()));
}

}  // namespace flipside::platform::web
