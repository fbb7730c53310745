// Time zone rules are supplied from outside the core: the browser's Intl on the web,
// the system zoneinfo natively. The core only sees this interface.
#pragma once

#include <string>

#include "core/civil_time.h"

namespace flipside {

class TimeZoneCatalog {
public:
    virtual ~TimeZoneCatalog() = default;
    // True when `name` is a time zone the rules know (an IANA name such as "Europe/Paris").
    virtual bool is_known(const std::string& name) const = 0;
    // Offset from UTC in seconds in effect at `instant` in zone `name` (0 for unknown zones).
    virtual int utc_offset_seconds(const std::string& name, UtcSeconds instant) const = 0;
};

// Accepts any name shaped like an IANA zone ("Area/Location" or "UTC"); offsets are zero.
// For tests and for places where no rules are at hand.
class ShapeOnlyTimeZoneCatalog final : public TimeZoneCatalog {
public:
    bool is_known(const std::string& name) const override;
    int utc_offset_seconds(const std::string&, UtcSeconds) const override { return 0; }
};

}  // namespace flipside
