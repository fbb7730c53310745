// platform::Random in the browser: crypto.getRandomValues, the operating system's generator as
// the page sees it. Invitation keys come from here; Math.random() would be guessable.
#include <emscripten.h>

#include "platform/web_platform.h"

namespace flipside::platform::web {
namespace {

// getRandomValues fills at most 65,536 bytes a call.
EM_JS(void, flipside_js_random_bytes, (char* out, int count), {
    var chunk = 65536;
    for (var at = 0; at < count; at += chunk) {
        crypto.getRandomValues(HEAPU8.subarray(out + at, out + Math.min(count, at + chunk)));
    }
});

}  // namespace

std::string WebRandom::bytes(std::size_t count) {
    std::string out(count, '\0');
    if (count > 0) flipside_js_random_bytes(out.data(), static_cast<int>(count));
    return out;
}

}  // namespace flipside::platform::web
