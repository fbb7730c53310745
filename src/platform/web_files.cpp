// platform::Files in the browser: downloads and the file picker, both done by the page
// (web_shell/flipside-shell.js). A picked or dropped file comes back through
// flipside_receive_file (web_main.cpp) into App::receive_file.
#include <emscripten.h>

#include "platform/web_platform.h"

namespace flipside::platform::web {
namespace {

EM_JS(void, flipside_js_download, (const char* name, const char* mime, const char* content, int content_length), {
    var shell = Module["flipsideShell"];
    if (shell && shell.download) {
        shell.download(UTF8ToString(name), UTF8ToString(mime), UTF8ToString(content, content_length));
    }
});

EM_JS(void, flipside_js_request_upload, (const char* accept, int several), {
    var shell = Module["flipsideShell"];
    if (shell && shell.requestUpload) shell.requestUpload(UTF8ToString(accept), several !== 0);
});

}  // namespace

void WebFiles::download(const std::string& file_name, const std::string& mime_type,
                        const std::string& content) {
    flipside_js_download(file_name.c_str(), mime_type.c_str(), content.data(),
                         static_cast<int>(content.size()));
}

// Browsers open a file picker only during a user gesture. This runs in the frame right after
// the click that asked for it, which is still within Chromium's transient activation window.
void WebFiles::request_upload(const std::string& accept) { flipside_js_request_upload(accept.c_str(), 0); }
void WebFiles::request_uploads(const std::string& accept) { flipside_js_request_upload(accept.c_str(), 1); }

}  // namespace flipside::platform::web
