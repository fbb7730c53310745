// The in-memory platform that the app's tests run on: a copy is a platform of its own, and the
// storage faults tests inject (failed and silently corrupted writes) behave as documented.
#include <doctest/doctest.h>

#include <vector>

#include "platform/interface/time_zones.h"
#include "platform/memory_platform.h"

using namespace flipside;
using Write = platform::Storage::WriteResult;

TEST_CASE("a copied memory platform has storage, files, clipboard and clock of its own") {
    platform::MemoryPlatform original(platform::system_time_zones(), "embed-1");
    REQUIRE(original.platform.storage.write("kept", "before the copy") == Write::Ok);
    original.clock.utc = 1000;

    platform::MemoryPlatform copy = original;
    CHECK(&copy.platform.storage == &copy.storage);
    CHECK(&copy.platform.files == &copy.files);
    CHECK(&copy.platform.clipboard == &copy.clipboard);
    CHECK(&copy.platform.clock == &copy.clock);
    CHECK(&copy.platform.time_zones == &original.platform.time_zones);
    CHECK(copy.platform.storage_namespace == "embed-1");
    CHECK(copy.platform.storage.read("kept") == "before the copy");

    // What goes through the copy's platform lands in the copy only, and the other way round.
    REQUIRE(copy.platform.storage.write("new", "copy only") == Write::Ok);
    copy.platform.files.download("a.json", "application/json", "{}");
    copy.platform.clipboard.set_text("copied");
    copy.clock.utc = 2000;
    CHECK(copy.storage.entries().count("new") == 1);
    CHECK(original.storage.entries().count("new") == 0);
    CHECK(copy.files.downloads.size() == 1);
    CHECK(original.files.downloads.empty());
    CHECK(original.platform.clipboard.text().empty());
    CHECK(copy.platform.clock.now_utc() == 2000);
    CHECK(original.platform.clock.now_utc() == 1000);
}

TEST_CASE("memory platforms moved by a growing vector keep pointing at themselves") {
    std::vector<platform::MemoryPlatform> platforms;
    for (int i = 0; i < 5; ++i) {
        platforms.emplace_back(platform::system_time_zones(), "embed-" + std::to_string(i));
        platforms.back().clock.utc = i;
    }
    for (std::size_t i = 0; i < platforms.size(); ++i) {
        CHECK(&platforms[i].platform.storage == &platforms[i].storage);
        CHECK(&platforms[i].platform.clock == &platforms[i].clock);
        CHECK(platforms[i].platform.clock.now_utc() == static_cast<UtcSeconds>(i));
        CHECK(platforms[i].platform.storage_namespace == "embed-" + std::to_string(i));
    }
}

TEST_CASE("memory storage fails the nth write from now, and only that one") {
    platform::MemoryStorage storage;
    REQUIRE(storage.write("before", "1") == Write::Ok);
    storage.fail_write(2);
    CHECK(storage.write("k1", "a") == Write::Ok);
    CHECK(storage.write("k2", "b") == Write::Failed);
    CHECK(storage.write("k3", "c") == Write::Ok);
    CHECK_FALSE(storage.read("k2").has_value());
    CHECK(storage.read("k3") == "c");
}

TEST_CASE("memory storage can store other bytes than written and still report Ok") {
    platform::MemoryStorage storage;
    storage.corrupt_write(1);
    storage.corrupt_write(2);
    CHECK(storage.write("text", "saved text") == Write::Ok);
    CHECK(storage.write("empty", "") == Write::Ok);
    CHECK(storage.write("later", "intact") == Write::Ok);
    REQUIRE(storage.read("text").has_value());
    CHECK(*storage.read("text") != "saved text");
    CHECK(storage.read("text")->size() == std::string("saved text").size());
    CHECK(storage.read("empty") == "?");
    CHECK(storage.read("later") == "intact");
}
