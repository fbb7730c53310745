// Time zone rules from the browser's Intl (also node's, where the WebAssembly tests run).
// Intl has no "offset at instant" call: the offset is what Intl.DateTimeFormat says the wall
// clock reads at that instant minus the instant itself. Each call costs microseconds, so
// offsets are kept per zone in an OffsetTimeline (probed once per day, changes bisected).
#include <emscripten.h>

#include <map>
#include <memory>
#include <string>

#include "core/local_time.h"
#include "platform/interface/time_zones.h"

namespace flipside::platform {
namespace {

EM_JS(int, flipside_js_zone_known, (const char* name), {
    try {
        new Intl.DateTimeFormat("en-US", {timeZone: UTF8ToString(name)});
        return 1;
    } catch (e) {
        return 0;
    }
});

// Seconds east of UTC in `name` at `instant_seconds`; formatters are kept per zone.
EM_JS(int, flipside_js_zone_offset, (const char* name, double instant_seconds), {
    const zone = UTF8ToString(name);
    const cache = globalThis.flipsideZoneFormatters || (globalThis.flipsideZoneFormatters = new Map());
    let format = cache.get(zone);
    if (!format) {
        try {
            format = new Intl.DateTimeFormat("en-US", {
                timeZone: zone, hourCycle: "h23", era: "short", year: "numeric", month: "numeric",
                day: "numeric", hour: "numeric", minute: "numeric", second: "numeric"});
        } catch (e) {
            return 0;
        }
        cache.set(zone, format);
    }
    const ms = instant_seconds * 1000;
    if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return 0;  // outside what a Date can hold
    const fields = {};
    for (const part of format.formatToParts(new Date(ms))) fields[part.type] = part.value;
    let year = Number(fields.year);
    if (fields.era === "BC" || fields.era === "B") year = 1 - year;
    const wall = Date.UTC(year, Number(fields.month) - 1, Number(fields.day),
                          Number(fields.hour) % 24, Number(fields.minute), Number(fields.second));
    // Date.UTC maps years 0..99 to 1900..1999; such instants are far outside any program.
    return Math.round((wall - ms) / 1000);
});

class IntlCatalog final : public TimeZoneCatalog {
public:
    // Asking Intl means building a formatter (tens of microseconds): answers are kept.
    bool is_known(const std::string& name) const override {
        if (name == "UTC") return true;
        const auto cached = known_.find(name);
        if (cached != known_.end()) return cached->second;
        const bool known = shape_.is_known(name) && flipside_js_zone_known(name.c_str()) != 0;
        if (known_.size() < 4096) known_.emplace(name, known);  // bounded: names can come from typing
        return known;
    }

    int utc_offset_seconds(const std::string& name, UtcSeconds instant) const override {
        auto found = timelines_.find(name);
        if (found == timelines_.end()) {
            if (!is_known(name)) return 0;
            found = timelines_
                        .emplace(name, std::make_unique<OffsetTimeline>([name](UtcSeconds at) {
                            return flipside_js_zone_offset(name.c_str(), static_cast<double>(at));
                        }))
                        .first;
        }
        return found->second->offset_at(instant);
    }

private:
    ShapeOnlyTimeZoneCatalog shape_;
    // The page is single-threaded: no lock.
    mutable std::map<std::string, std::unique_ptr<OffsetTimeline>> timelines_;
    mutable std::map<std::string, bool> known_;
};

}  // namespace

const TimeZoneCatalog& system_time_zones() {
    static const IntlCatalog catalog;
    return catalog;
}

}  // namespace flipside::platform
