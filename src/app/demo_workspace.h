// The program a new coordinator sees on first start: the synthetic roster of
// core/demo_program.h with its current wave under way — paired by the real pairing engine,
// scheduled by the real scheduler, the weeks so far played out (sessions held, a few
// cancelled or missed, ratings given) — and a handful of new joiners still waiting for a
// partner, so that every screen has something true to show.
#pragma once

#include <cstdint>

#include "core/model.h"
#include "core/time_zone_catalog.h"

namespace flipside::app {

Document make_demo_workspace(int participant_count, std::uint64_t seed, UtcSeconds now,
                             const TimeZoneCatalog& time_zones);

}  // namespace flipside::app
