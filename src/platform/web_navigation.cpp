// platform::Navigation in the browser: the page's own address (origin and path, without the
// query and fragment that belong to this page: its namespace, mode, allowed origins) and
// opening another address through the page (web_shell/flipside-shell.js), which a mailto: draft
// needs to reach the person's mail program.
#include <emscripten.h>

#include <cstdlib>

#include "platform/web_platform.h"

namespace flipside::platform::web {
namespace {

// file:// pages (the single-file build) have the origin "null": their whole address without
// query and fragment is what a participant opens too.
EM_JS(char*, flipside_js_app_address, (), {
    var address = location.protocol === 'file:' ? location.href.split(/[?#]/)[0]
                                                : location.origin + location.pathname;
    var size = lengthBytesUTF8(address) + 1;
    var copy = _malloc(size);
    stringToUTF8(address, copy, size);
    return copy;
});

EM_JS(void, flipside_js_open_url, (const char* url), {
    var shell = Module["flipsideShell"];
    if (shell && shell.openUrl) shell.openUrl(UTF8ToString(url));
});

}  // namespace

std::string WebNavigation::app_address() {
    char* text = flipside_js_app_address();
    std::string address = text != nullptr ? text : "";
    std::free(text);
    return address;
}

void WebNavigation::open_url(const std::string& url) { flipside_js_open_url(url.c_str()); }

}  // namespace flipside::platform::web
