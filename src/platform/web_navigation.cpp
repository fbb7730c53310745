// platform::Navigation in the browser: the page's own address (origin and path, without the
// query and fragment that belong to this page: its namespace, mode, allowed origins) and
// opening another address through the page (web_shell/flipside-shell.js), which a mailto: draft
// needs to reach the person's mail program.
#include <emscripten.h>

#include <cstdlib>

#include "platform/web_platform.h"

namespace flipside::platform::web {
namespace {

// Only a page served over http(s) has an address a participant can open too. A file:// page
// (the single-file build on the coordinator's disk) answers none: its path means nothing on
// another device and would tell them where the coordinator keeps their files, so links then
// name the single file itself (io::kDefaultInvitationBase), sent alongside.
EM_JS(char*, flipside_js_app_address, (), {
    var address = /^https?:$/.test(location.protocol) ? location.origin + location.pathname : '';
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
