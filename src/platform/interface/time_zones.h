// Time zone rules for this build: native_time_zones.cpp reads the system zoneinfo (TZif
// files), web_time_zones.cpp asks the browser's Intl.
#pragma once

#include "core/time_zone_catalog.h"

namespace flipside::platform {

// The catalog for this build: the system zoneinfo natively, the browser's Intl on the web.
const TimeZoneCatalog& system_time_zones();

}  // namespace flipside::platform
