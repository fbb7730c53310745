#include <doctest/doctest.h>

#include "app/demo_workspace.h"
#include "core/program_statistics.h"
#include "core/validation.h"
#include "platform/interface/time_zones.h"

using namespace flipside;
using namespace flipside::matching;

TEST_CASE("the first-start demo has its current wave under way and people still waiting") {
    const UtcSeconds now = 1795392000;  // 2026-11-23
    const Document d = app::make_demo_workspace(40, 2027, now, platform::system_time_zones());
    const auto problems = validate_document(d, platform::system_time_zones());
    INFO((problems.empty() ? "" : problems[0].path + " " + problems[0].reason));
    CHECK(problems.empty());
    StatisticsOptions options;
    options.now = now;
    const ProgramStatistics s = compute_program_statistics(d, options);
    CHECK(s.pairs >= 10);
    CHECK(s.sessions_held > 0);
    CHECK(s.sessions_upcoming > 0);
    CHECK(s.waiting > 0);
    CHECK(s.ratings.count > 0);
    CHECK(s.pairs_at_risk >= 1);
    CHECK(app::make_demo_workspace(40, 2027, now, platform::system_time_zones()) == d);  // deterministic
}
