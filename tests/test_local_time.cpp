// Local wall time <-> UTC with the build's rules: unique times, spring-forward gaps (moved
// forward by the gap) and fall-back overlaps (the earlier, with the later one reported),
// including a 30-minute DST (Lord Howe) and both hemispheres.
#include <doctest/doctest.h>

#include "core/local_time.h"
#include "platform/interface/time_zones.h"

namespace {

using namespace flipside;

UtcSeconds utc(const char* text) { return *parse_utc_timestamp(text); }

ResolvedInstant resolve(const char* zone, Date date, int hour, int minute) {
    ZoneRules rules(platform::system_time_zones(), zone);
    return rules.to_utc(date, hour * 60 + minute);
}

}  // namespace

TEST_CASE("local time: an ordinary wall time has exactly one instant") {
    const ResolvedInstant r = resolve("Europe/London", {2026, 3, 9}, 14, 0);
    CHECK(r.kind == LocalTimeKind::Unique);
    CHECK(r.instant == utc("2026-03-09T14:00:00Z"));
    CHECK(resolve("America/New_York", {2026, 3, 9}, 10, 0).instant == utc("2026-03-09T14:00:00Z"));
    CHECK(resolve("Asia/Kathmandu", {2026, 7, 1}, 9, 0).instant == utc("2026-07-01T03:15:00Z"));
}

TEST_CASE("local time: spring-forward gaps move forward by the gap") {
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist.
    const ResolvedInstant ny = resolve("America/New_York", {2026, 3, 8}, 2, 30);
    CHECK(ny.kind == LocalTimeKind::Skipped);
    CHECK(ny.instant == utc("2026-03-08T07:30:00Z"));  // 03:30 EDT
    // London, 2026-03-29: 01:00 GMT jumps to 02:00 BST.
    const ResolvedInstant london = resolve("Europe/London", {2026, 3, 29}, 1, 30);
    CHECK(london.kind == LocalTimeKind::Skipped);
    CHECK(london.instant == utc("2026-03-29T01:30:00Z"));  // 02:30 BST
    // Sydney, 2026-10-04: 02:00 AEST jumps to 03:00 AEDT.
    const ResolvedInstant sydney = resolve("Australia/Sydney", {2026, 10, 4}, 2, 15);
    CHECK(sydney.kind == LocalTimeKind::Skipped);
    CHECK(sydney.instant == utc("2026-10-03T16:15:00Z"));  // 03:15 AEDT
    // Just outside the gap, times are unique.
    CHECK(resolve("America/New_York", {2026, 3, 8}, 1, 59).kind == LocalTimeKind::Unique);
    CHECK(resolve("America/New_York", {2026, 3, 8}, 3, 0).kind == LocalTimeKind::Unique);
}

TEST_CASE("local time: fall-back overlaps give the earlier instant and report the later") {
    const ResolvedInstant ny = resolve("America/New_York", {2026, 11, 1}, 1, 30);
    CHECK(ny.kind == LocalTimeKind::Repeated);
    CHECK(ny.instant == utc("2026-11-01T05:30:00Z"));  // 01:30 EDT
    CHECK(ny.later == utc("2026-11-01T06:30:00Z"));    // 01:30 EST
    // Sydney, 2026-04-05: 03:00 AEDT falls back to 02:00 AEST.
    const ResolvedInstant sydney = resolve("Australia/Sydney", {2026, 4, 5}, 2, 30);
    CHECK(sydney.kind == LocalTimeKind::Repeated);
    CHECK(sydney.instant == utc("2026-04-04T15:30:00Z"));
    CHECK(sydney.later == utc("2026-04-04T16:30:00Z"));
    // Lord Howe falls back by 30 minutes: 02:00 LHDT -> 01:30 LHST.
    const ResolvedInstant lord_howe = resolve("Australia/Lord_Howe", {2026, 4, 5}, 1, 45);
    CHECK(lord_howe.kind == LocalTimeKind::Repeated);
    CHECK(lord_howe.later - lord_howe.instant == 1800);
}

TEST_CASE("local time: to_local inverts to_utc, across the changes") {
    ZoneRules rules(platform::system_time_zones(), "Europe/London");
    for (UtcSeconds at = utc("2026-03-28T22:00:00Z"); at < utc("2026-03-29T04:00:00Z"); at += 900) {
        const LocalDateTime local = rules.to_local(at);
        const ResolvedInstant back = rules.to_utc(local);
        CHECK(back.kind != LocalTimeKind::Skipped);  // a real instant reads as an existing time
        CHECK(back.instant == at);
    }
    CHECK(rules.to_local(utc("2026-07-01T12:00:00Z")) == LocalDateTime{{2026, 7, 1}, 13 * 3600});
}
