#include <doctest/doctest.h>

#include "app/autosave.h"
#include "app/document_store.h"
#include "app/edit.h"
#include "platform/interface/time_zones.h"
#include "platform/memory_platform.h"

using namespace flipside;
using namespace flipside::app;

TEST_CASE("saves alternate slots and keep only the latest") {
    platform::MemoryStorage storage;
    DocumentStore store(storage, "ns1");
    CHECK_FALSE(store.load().has_value());
    CHECK(store.save("first") == DocumentStore::SaveOutcome::Saved);
    CHECK(store.load() == "first");
    CHECK(store.save("second") == DocumentStore::SaveOutcome::Saved);
    CHECK(store.load() == "second");
    CHECK(store.save("third") == DocumentStore::SaveOutcome::Saved);
    CHECK(store.load() == "third");
    CHECK(storage.entries().size() == 2);  // pointer + one slot
}

TEST_CASE("a failed or over-quota save leaves the previous save readable") {
    platform::MemoryStorage storage;
    DocumentStore store(storage, "ns1");
    REQUIRE(store.save("good data") == DocumentStore::SaveOutcome::Saved);
    storage.set_quota(200);
    CHECK(store.save(std::string(500, 'x')) == DocumentStore::SaveOutcome::QuotaExceeded);
    CHECK(store.load() == "good data");
    storage.set_quota(1 << 20);
    storage.fail_next_writes(1);
    CHECK(store.save("newer") == DocumentStore::SaveOutcome::Failed);
    CHECK(store.load() == "good data");
    CHECK(store.save("newer") == DocumentStore::SaveOutcome::Saved);
    CHECK(store.load() == "newer");
}

TEST_CASE("a save that storage reports as done but holds other bytes fails, and the pointer stays") {
    platform::MemoryStorage storage;
    DocumentStore store(storage, "ns1");
    REQUIRE(store.save("first") == DocumentStore::SaveOutcome::Saved);
    REQUIRE(storage.entries().at("flipside/ns1/current") == "a");
    storage.corrupt_write(1);  // the spare slot "b"
    CHECK(store.save("second") == DocumentStore::SaveOutcome::Failed);
    CHECK(storage.entries().at("flipside/ns1/current") == "a");
    CHECK(store.load() == "first");
    CHECK_FALSE(store.load_spare().has_value());  // the bad copy is not kept as a fallback
    CHECK(store.save("second") == DocumentStore::SaveOutcome::Saved);
    CHECK(store.load() == "second");
}

TEST_CASE("whichever write of a save fails, the previous save stays the one loaded") {
    // A save writes the spare slot, then the pointer: failing the nth write for n = 1, 2, ...
    // reaches every write until a save goes through untouched.
    for (int nth = 1;; ++nth) {
        CAPTURE(nth);
        platform::MemoryStorage storage;
        DocumentStore store(storage, "ns1");
        REQUIRE(store.save("first") == DocumentStore::SaveOutcome::Saved);
        storage.fail_write(nth);
        const DocumentStore::SaveOutcome outcome = store.save("second");
        if (outcome == DocumentStore::SaveOutcome::Saved) {
            CHECK(nth == 3);
            CHECK(store.load() == "second");
            break;
        }
        CHECK(outcome == DocumentStore::SaveOutcome::Failed);
        CHECK(storage.entries().at("flipside/ns1/current") == "a");
        CHECK(store.load() == "first");
        REQUIRE(nth < 3);
    }
}

TEST_CASE("namespaces never see each other's data") {
    platform::MemoryStorage storage;
    DocumentStore a(storage, "portal-a");
    DocumentStore b(storage, "portal-b");
    REQUIRE(a.save("A data") == DocumentStore::SaveOutcome::Saved);
    CHECK_FALSE(b.load().has_value());
    REQUIRE(b.save("B data") == DocumentStore::SaveOutcome::Saved);
    CHECK(a.load() == "A data");
    CHECK(b.load() == "B data");
    CHECK(a.used_bytes() > 0);
}

TEST_CASE("used bytes are counted once per save and follow every save") {
    platform::MemoryStorage storage;
    DocumentStore store(storage, "t");
    REQUIRE(store.save("short") == DocumentStore::SaveOutcome::Saved);
    const std::size_t small = store.used_bytes();
    CHECK(small == storage.used_bytes(store.prefix()));
    REQUIRE(store.save(std::string(1000, 'x')) == DocumentStore::SaveOutcome::Saved);
    CHECK(store.used_bytes() == storage.used_bytes(store.prefix()));
    CHECK(store.used_bytes() > small + 1000);
    storage.set_quota(1);  // a refused save forgets the count too: nothing stale is shown
    CHECK(store.save(std::string(2000, 'y')) != DocumentStore::SaveOutcome::Saved);
    CHECK(store.used_bytes() == storage.used_bytes(store.prefix()));
}

TEST_CASE("autosave waits for a pause but never more than a second") {
    platform::MemoryStorage storage;
    Autosave autosave{JournaledStore(storage, "t")};
    Document d;
    Participant person;
    person.id = "P0001";
    const Edit change = add_participant(person);
    autosave.record(change, 0.0);
    CHECK_FALSE(autosave.tick(d, 0, 0.1));
    autosave.record(change, 0.3);
    autosave.record(change, 0.6);
    autosave.record(change, 0.9);
    CHECK_FALSE(autosave.tick(d, 0, 0.95));
    CHECK(autosave.tick(d, 0, 1.0));  // first change was a second ago
    CHECK_FALSE(autosave.status().pending);
    CHECK(autosave.store().load(platform::system_time_zones()).found);
    autosave.record(change, 2.0);
    CHECK(autosave.tick(d, 0, 2.5));  // a quiet pause
}

TEST_CASE("a save asks whether the current slot exists without reading it") {
    // A storage that counts the bytes it hands out: saving must not copy the snapshot it keeps.
    class CountingStorage final : public platform::Storage {
    public:
        std::optional<std::string> read(const std::string& key) override {
            const auto value = real.read(key);
            if (value) bytes_read += value->size();
            return value;
        }
        bool contains(const std::string& key) override { return real.contains(key); }
        WriteResult write(const std::string& key, const std::string& value) override { return real.write(key, value); }
        void remove(const std::string& key) override { real.remove(key); }
        std::size_t used_bytes(const std::string& prefix) override { return real.used_bytes(prefix); }
        std::uint64_t quota_bytes() override { return real.quota_bytes(); }
        platform::MemoryStorage real;
        std::size_t bytes_read = 0;
    } storage;
    app::DocumentStore store(storage, "ns1");
    const std::string first(100000, 'a');
    const std::string second(100000, 'b');
    REQUIRE(store.save(first) == app::DocumentStore::SaveOutcome::Saved);
    storage.bytes_read = 0;
    REQUIRE(store.save(second) == app::DocumentStore::SaveOutcome::Saved);
    // Only the read-back of what was just written, and the one-letter pointer.
    CHECK(storage.bytes_read <= second.size() + 8);
    CHECK(store.load() == second);
}

TEST_CASE("a storage that keeps failing accepted writes is tried again less and less often, then normally") {
    // Writes are accepted, and each is reported lost at the next check, until `failing` is off.
    class LosingStorage final : public platform::Storage {
    public:
        std::optional<std::string> read(const std::string& key) override { return real.read(key); }
        WriteResult write(const std::string& key, const std::string& value) override {
            ++writes;
            lost_since_check = lost_since_check || failing;
            return real.write(key, value);
        }
        void remove(const std::string& key) override { real.remove(key); }
        std::size_t used_bytes(const std::string& prefix) override { return real.used_bytes(prefix); }
        std::uint64_t quota_bytes() override { return real.quota_bytes(); }
        Durability durability() override {
            Durability out;
            if (lost_since_check) out.failure = WriteResult::Failed, out.detail = "the disk went away";
            lost_since_check = false;
            return out;
        }
        platform::MemoryStorage real;
        bool failing = true;
        bool lost_since_check = false;
        int writes = 0;
    } storage;
    Autosave autosave{JournaledStore(storage, "t")};
    autosave.store().load(platform::system_time_zones());
    Document d;
    Participant person;
    person.id = "P0001";
    autosave.record(add_participant(person), 0.0);
    int saves = 0;
    double now = 0;
    for (; now < 60.0; now += 0.1) saves += autosave.tick(d, 0, now) ? 1 : 0;
    // Once a second for a minute would be 60; waits of 1, 2, 4, 8, 16 and 32 s leave about 7.
    CHECK(saves >= 5);
    CHECK(saves <= 8);
    CHECK(autosave.status().pending);
    CHECK(autosave.status().last_error.find("the disk went away") != std::string::npos);
    // Closing the page saves at once, whatever the wait.
    CHECK(autosave.tick(d, 0, now, true));
    autosave.check_durability(now);  // that one was lost too
    CHECK(autosave.status().pending);
    // The storage works again: the next try saves, and later changes are saved as usual.
    storage.failing = false;
    for (int i = 0; i < 700 && autosave.status().pending; ++i, now += 0.1) autosave.tick(d, 0, now);
    CHECK_FALSE(autosave.status().pending);
    autosave.tick(d, 0, now);  // hears that the save is on disk
    autosave.record(add_participant(person), now);
    CHECK(autosave.tick(d, 0, now + 1.0));
}
