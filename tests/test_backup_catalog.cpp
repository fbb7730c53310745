// Earlier versions: the catalogue's text, the policy of what is kept (the last ten saves and
// the last of each of seven days), restoring a version exactly as it was, no key left behind
// by generations the policy dropped, and backups that give way when the storage is full.
#include <doctest/doctest.h>

#include <string>

#include "app/app.h"
#include "app/backup_catalog.h"
#include "app/edit.h"
#include "app/journaled_store.h"
#include "io/json_document.h"
#include "platform/interface/time_zones.h"
#include "platform/memory_platform.h"
#include "test_support.h"

using namespace flipside;
using namespace flipside::app;

namespace {

const TimeZoneCatalog& zones() { return platform::system_time_zones(); }
std::string as_json(const Document& d) { return io::write_document_json(d, -1); }
constexpr UtcSeconds kDay = kSecondsPerDay;
constexpr UtcSeconds kMonday = 1795392000;  // 2026-11-23T00:00:00Z, a Monday

Edit rename(Document& d, std::size_t index, const std::string& name) {
    Participant changed = d.participants[index];
    changed.name = name;
    Edit edit = update_participant(d.participants[index], changed);
    apply_edit(d, edit);
    return edit;
}

std::size_t keys_with(platform::MemoryStorage& storage, const std::string& part) {
    std::size_t count = 0;
    for (const auto& [key, value] : storage.entries())
        if (key.find(part) != std::string::npos) ++count;
    return count;
}

// A fresh store's first save, on Monday at midnight: the snapshot of `d` (generation 1).
void start_with(JournaledStore& store, const Document& d) {
    store.load(zones());
    REQUIRE(store.write_snapshot(d, kMonday) == JournaledStore::SaveOutcome::Saved);
}

}  // namespace

TEST_CASE("the catalogue reads back what it wrote and skips lines it cannot read") {
    const std::vector<KeptGeneration> kept = {{3, 100, 180, 4}, {4, 200, 200, 0}, {9, -5, 7, 12}};
    CHECK(decode_backup_catalog(encode_backup_catalog(kept)) == kept);
    CHECK(decode_backup_catalog("").empty());
    CHECK(decode_backup_catalog("FLIPSIDE-BACKUPS 2\n3 1 2 3\n").empty());  // a newer layout: nothing claimed
    const std::vector<KeptGeneration> partly =
        decode_backup_catalog("FLIPSIDE-BACKUPS 1\n3 1 2 3\ngarbage\n2 1 1 1\n5 1 2\n6 10 20 x\n7 10 20 1\n");
    REQUIRE(partly.size() == 2);  // 2 is out of order, 5 and 6 are incomplete
    CHECK(partly[0].generation == 3);
    CHECK(partly[1].generation == 7);
}

TEST_CASE("the policy keeps the generations of the last ten saves and of each of the last seven days") {
    SUBCASE("the live generation is always kept") {
        CHECK(generations_to_keep({{1, 0, 0, 0}}, 100 * kDay) == std::set<std::uint64_t>{1});
    }
    SUBCASE("ten recent versions reach back over small generations") {
        // Generations of 3 entries (4 versions each) on the same day.
        std::vector<KeptGeneration> kept;
        for (std::uint64_t g = 1; g <= 6; ++g)
            kept.push_back({g, kMonday + static_cast<UtcSeconds>(g) * 60, kMonday + static_cast<UtcSeconds>(g) * 60 + 30, 3});
        const std::set<std::uint64_t> keep = generations_to_keep(kept, kMonday + 3600);
        CHECK(keep == std::set<std::uint64_t>{4, 5, 6});  // 4 + 4 + 4 >= 10
    }
    SUBCASE("one generation a day for a week, nothing older") {
        std::vector<KeptGeneration> kept;
        for (std::uint64_t g = 1; g <= 12; ++g) {
            const UtcSeconds at = kMonday + static_cast<UtcSeconds>(g - 1) * kDay + 9 * 3600;
            kept.push_back({g, at, at + 3600, 200});
        }
        const UtcSeconds now = kMonday + 11 * kDay + 12 * 3600;  // day of generation 12
        const std::set<std::uint64_t> keep = generations_to_keep(kept, now);
        CHECK(keep == std::set<std::uint64_t>{6, 7, 8, 9, 10, 11, 12});
    }
    SUBCASE("a day without saves keeps nothing for itself") {
        const std::vector<KeptGeneration> kept = {{1, kMonday, kMonday + 60, 200}, {2, kMonday + 5 * kDay, kMonday + 5 * kDay, 200}};
        // Days 1..4 had no save: generation 1's last is on day 0, five days back, still in the week.
        CHECK(generations_to_keep(kept, kMonday + 5 * kDay + 60) == std::set<std::uint64_t>{1, 2});
        CHECK(generations_to_keep(kept, kMonday + 7 * kDay + 60) == std::set<std::uint64_t>{2});
    }
}

TEST_CASE("the versions offered are the last ten and the last of each recent day, newest first") {
    std::vector<RestorePoint> points;
    for (std::uint64_t k = 0; k < 30; ++k) points.push_back({1, k, kMonday + static_cast<UtcSeconds>(k) * 60});
    for (std::uint64_t k = 0; k < 5; ++k) points.push_back({0, k, kMonday - 3 * kDay + static_cast<UtcSeconds>(k)});
    points.push_back({0, 9, kMonday - 30 * kDay});  // older than a week: not offered
    const std::vector<RestorePoint> offered = restore_points_to_offer(points, kMonday + kDay - 1);
    REQUIRE(offered.size() == 11);
    CHECK(offered.front().entries == 29);
    CHECK(offered[9].entries == 20);
    CHECK(offered[10].generation == 0);
    CHECK(offered[10].entries == 4);  // the last of its day
}

TEST_CASE("a version restores exactly as it was saved, across compactions") {
    platform::MemoryStorage storage;
    JournaledStore store(storage, "t");
    Document d = testing::small_document();
    start_with(store, d);
    std::vector<std::string> states = {as_json(d)};
    std::vector<UtcSeconds> times = {kMonday};
    for (int save = 1; save <= 8; ++save) {
        const UtcSeconds now = kMonday + save * 600;
        const Edit edit = rename(d, static_cast<std::size_t>(save % 4), "Name " + std::to_string(save));
        if (save % 3 == 0) REQUIRE(store.write_snapshot(d, now) == JournaledStore::SaveOutcome::Saved);
        else REQUIRE(store.append({edit}, now) == JournaledStore::SaveOutcome::Saved);
        states.push_back(as_json(d));
        times.push_back(now);
    }
    // Reopened, as after a reload.
    JournaledStore reopened(storage, "t");
    REQUIRE(reopened.load(zones()).ok);
    const std::vector<RestorePoint> points = reopened.restore_points(kMonday + 5000);
    REQUIRE(points.size() == 8);  // every earlier state, not the current one
    for (const RestorePoint& point : points) {
        CAPTURE(point.saved_at);
        std::size_t index = 0;
        while (times[index] != point.saved_at) ++index;
        const Result<Document> version = reopened.read_restore_point(point, zones());
        REQUIRE(version.ok());
        CHECK(as_json(*version) == states[index]);
    }
    CHECK(points.front().saved_at == times[7]);
}

TEST_CASE("generations the policy drops leave no key behind") {
    platform::MemoryStorage storage;
    JournaledStore store(storage, "t");
    Document d = testing::small_document();
    start_with(store, d);
    for (int day = 0; day < 30; ++day) {
        for (int save = 0; save < 5; ++save) {
            const UtcSeconds now = kMonday + day * kDay + save * 60;
            REQUIRE(store.append({rename(d, 1, "N" + std::to_string(day * 10 + save))}, now) == JournaledStore::SaveOutcome::Saved);
        }
        REQUIRE(store.write_snapshot(d, kMonday + day * kDay + 3600) == JournaledStore::SaveOutcome::Saved);
    }
    // A week of daily generations and the recent ones, with their journals; nothing older.
    const std::size_t backups = keys_with(storage, "/backup/");
    CHECK(backups >= 7);
    CHECK(backups <= 9);
    CHECK(keys_with(storage, "/journal/") <= backups * 6);
    CHECK_FALSE(storage.read("flipside/t/backup/2").has_value());
    CHECK_FALSE(storage.read("flipside/t/journal/2/1").has_value());
    JournaledStore reopened(storage, "t");
    REQUIRE(reopened.load(zones()).ok);
    const std::vector<RestorePoint> points = reopened.restore_points(kMonday + 29 * kDay + 7200);
    CHECK(points.size() >= 10);
    for (const RestorePoint& point : points) CHECK(reopened.read_restore_point(point, zones()).ok());
}

TEST_CASE("backups give way when the storage is full: the save still succeeds") {
    platform::MemoryStorage storage;
    JournaledStore store(storage, "t");
    Document d = testing::small_document();
    start_with(store, d);
    REQUIRE(store.append({rename(d, 1, "A")}, kMonday + 60) == JournaledStore::SaveOutcome::Saved);
    REQUIRE(store.write_snapshot(d, kMonday + 120) == JournaledStore::SaveOutcome::Saved);
    REQUIRE(storage.read("flipside/t/backup/1").has_value());
    // Room for what is there and not much more.
    storage.set_quota(storage.used_bytes("") + 64);
    const Edit big = rename(d, 2, std::string(200, 'x'));
    CHECK(store.append({big}, kMonday + 180) == JournaledStore::SaveOutcome::Saved);
    CHECK_FALSE(storage.read("flipside/t/backup/1").has_value());
    JournaledStore reopened(storage, "t");
    const JournaledStore::Loaded loaded = reopened.load(zones());
    REQUIRE(loaded.ok);
    CHECK(as_json(loaded.document) == as_json(d));
}

TEST_CASE("restoring a version is one undoable step, and the replaced state can be restored too") {
    platform::MemoryPlatform memory{platform::system_time_zones()};
    App app(memory.platform);
    const auto advance = [&](double seconds) {
        memory.clock.monotonic += seconds;
        memory.clock.utc += static_cast<UtcSeconds>(seconds);
    };
    app.start();
    advance(10);
    app.flush();
    const std::string demo = as_json(app.document());
    app.clear_all();
    advance(10);
    app.flush();
    REQUIRE(app.document().participants.empty());
    const std::vector<RestorePoint> points = app.restore_points();
    REQUIRE_FALSE(points.empty());
    const Result<Document> version = app.read_restore_point(points.front());
    REQUIRE(version.ok());
    CHECK(as_json(*version) == demo);
    app.restore(points.front(), *version);
    CHECK(as_json(app.document()) == demo);
    CHECK(app.messages().back().text.find("Restored the version of") == 0);
    app.undo();
    CHECK(app.document().participants.empty());
    app.redo();
    advance(10);
    app.flush();
    // The emptied state is now an earlier version itself.
    bool empty_offered = false;
    for (const RestorePoint& point : app.restore_points()) {
        const Result<Document> earlier = app.read_restore_point(point);
        if (earlier.ok() && earlier->participants.empty()) empty_offered = true;
    }
    CHECK(empty_offered);
}

TEST_CASE("a damaged snapshot is read from its backup copy, with the journal after it") {
    platform::MemoryStorage storage;
    JournaledStore store(storage, "t");
    Document d = testing::small_document();
    start_with(store, d);
    REQUIRE(store.append({rename(d, 1, "After the snapshot")}, kMonday + 60) == JournaledStore::SaveOutcome::Saved);
    const std::string slot = "flipside/t/doc." + storage.entries().at("flipside/t/current");
    storage.entries()[slot] = "FLIPSIDE-SNAPSHOT 1\n{\"format\": \"flipside\", \"sche";  // cut short on disk

    JournaledStore reopened(storage, "t");
    const JournaledStore::Loaded loaded = reopened.load(zones());
    REQUIRE(loaded.ok);
    CHECK(as_json(loaded.document) == as_json(d));
    REQUIRE(loaded.warnings.size() == 1);
    CHECK(loaded.warnings[0].find("backup copy") != std::string::npos);
    // The next save moves off the damaged slot.
    CHECK(reopened.wants_snapshot());
    REQUIRE(reopened.write_snapshot(loaded.document, kMonday + 120) == JournaledStore::SaveOutcome::Saved);
    JournaledStore again(storage, "t");
    const JournaledStore::Loaded clean = again.load(zones());
    REQUIRE(clean.ok);
    CHECK(clean.warnings.empty());
    CHECK(as_json(clean.document) == as_json(d));
}

TEST_CASE("a backup copy of an ended generation is never taken for a damaged live snapshot") {
    platform::MemoryStorage storage;
    JournaledStore store(storage, "t");
    Document d = testing::small_document();
    start_with(store, d);
    rename(d, 1, "Second generation");
    REQUIRE(store.write_snapshot(d, kMonday + 60) == JournaledStore::SaveOutcome::Saved);
    // The second generation's copy is lost (as if its write had failed), then its slot is damaged:
    // the first generation's copy is older data and must not pass for the current one.
    storage.entries().erase("flipside/t/backup/2");
    storage.entries()["flipside/t/backups"] = "FLIPSIDE-BACKUPS 1\n1 " + std::to_string(kMonday) + " " +
                                             std::to_string(kMonday) + " 0\n";
    const std::string slot = "flipside/t/doc." + storage.entries().at("flipside/t/current");
    storage.entries()[slot] = "FLIPSIDE-SNAPSHOT 2\n{";
    JournaledStore reopened(storage, "t");
    const JournaledStore::Loaded loaded = reopened.load(zones());
    CHECK_FALSE(loaded.ok);
    CHECK_FALSE(loaded.problems.empty());
}
