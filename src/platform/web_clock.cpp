// platform::Clock in the browser: Date.now() for the wall clock, performance.now() for
// intervals (monotonic, unaffected by the user changing the system time).
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>

#include "platform/web_platform.h"

namespace flipside::platform::web {

UtcSeconds WebClock::now_utc() {
    return static_cast<UtcSeconds>(std::floor(emscripten_date_now() / 1000.0));
}

double WebClock::monotonic_seconds() { return emscripten_get_now() / 1000.0; }

}  // namespace flipside::platform::web
