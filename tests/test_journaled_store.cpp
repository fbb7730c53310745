// The journaled store: saves proportional to the change, replay that gives back the document
// exactly, compaction, recovery from a save cut short at any write, damaged or newer entries,
// and two writers that never overwrite each other.
#include <doctest/doctest.h>

#include <functional>
#include <map>

#include "app/autosave.h"
#include "app/edit.h"
#include "app/journaled_store.h"
#include "core/demo_program.h"
#include "io/journal_json.h"
#include "io/json_document.h"
#include "platform/interface/time_zones.h"
#include "platform/memory_platform.h"
#include "test_support.h"

using namespace flipside;
using namespace flipside::app;
using namespace flipside::io;

namespace {

const TimeZoneCatalog& zones() { return platform::system_time_zones(); }
std::string as_json(const Document& d) { return io::write_document_json(d, -1); }

// Passes every call to a MemoryStorage until `budget` writes and removes have happened; after
// that the "tab" is dead: nothing it does reaches storage any more.
class DyingStorage final : public platform::Storage {
public:
    DyingStorage(platform::MemoryStorage& real, int budget) : real_(real), budget_(budget) {}
    std::optional<std::string> read(const std::string& key) override { return real_.read(key); }
    WriteResult write(const std::string& key, const std::string& value) override {
        if (!alive()) return WriteResult::Ok;  // the page died while the write was under way
        return real_.write(key, value);
    }
    void remove(const std::string& key) override {
        if (alive()) real_.remove(key);
    }
    std::size_t used_bytes(const std::string& prefix) override { return real_.used_bytes(prefix); }
    std::uint64_t quota_bytes() override { return real_.quota_bytes(); }
    bool dead() const { return budget_ < 0; }

private:
    bool alive() { return --budget_ >= 0; }
    platform::MemoryStorage& real_;
    int budget_;
};

// A fresh store's first save: the snapshot of `d` (generation 1).
void start_with(JournaledStore& store, const Document& d) {
    store.load(zones());
    REQUIRE(store.write_snapshot(d, 0) == JournaledStore::SaveOutcome::Saved);
}

Participant renamed(const Participant& p, const std::string& name) {
    Participant out = p;
    out.name = name;
    return out;
}

}  // namespace

TEST_CASE("a change to one person of a large program writes that person, not the document") {
    platform::MemoryStorage storage;
    storage.set_quota(std::size_t{1} << 30);
    JournaledStore store(storage, "big");
    Document d = make_demo_program(2000, 11, 1795392000);
    REQUIRE(store.load(zones()).found == false);
    REQUIRE(store.write_snapshot(d, 0) == JournaledStore::SaveOutcome::Saved);
    const std::size_t snapshot_bytes = storage.used_bytes("flipside/big/");
    CHECK(snapshot_bytes > 1'000'000);

    const Edit edit = update_participant(d.participants[1234], renamed(d.participants[1234], "Ana Ruiz"));
    apply_edit(d, edit);
    REQUIRE(store.append({edit}, 10) == JournaledStore::SaveOutcome::Saved);
    const std::size_t entry_bytes = storage.used_bytes("flipside/big/") - snapshot_bytes;
    CHECK(entry_bytes < 8 * 1024);
    CHECK(store.entries() == 1);

    JournaledStore reopened(storage, "big");
    const JournaledStore::Loaded loaded = reopened.load(zones());
    REQUIRE(loaded.ok);
    CHECK(loaded.warnings.empty());
    CHECK(as_json(loaded.document) == as_json(d));
}

TEST_CASE("replaying the journal gives back the document exactly, record order included") {
    platform::MemoryStorage storage;
    JournaledStore store(storage, "t");
    Document d = testing::small_document();
    start_with(store, d);

    std::vector<Edit> history;
    const auto commit = [&](Edit edit) {
        apply_edit(d, edit);
        REQUIRE(store.append({edit}, 1) == JournaledStore::SaveOutcome::Saved);
        history.push_back(std::move(edit));
    };
    commit(add_participant(testing::person("P9", Role::Mentee, "Γιώργος Παπαδόπουλος")));
    commit(update_participant(d.participants[0], renamed(d.participants[0], "Zoë Å. Lind")));
    commit(remove_participants(d, {"P3"}));
    commit(history[1].inverse());  // an undo is journalled like any edit
    // Several edits in one entry, as an autosave after a burst of changes writes them.
    const Edit first = add_participant(testing::person("P10", Role::Mentor, "Rhys Hughes"));
    apply_edit(d, first);
    const Edit second = update_participant(d.participants.back(), renamed(d.participants.back(), "Rhys O. Hughes"));
    apply_edit(d, second);
    REQUIRE(store.append({first, second}, 2) == JournaledStore::SaveOutcome::Saved);

    JournaledStore reopened(storage, "t");
    const JournaledStore::Loaded loaded = reopened.load(zones());
    REQUIRE(loaded.ok);
    CHECK(as_json(loaded.document) == as_json(d));
    CHECK(reopened.entries() == 5);
}

TEST_CASE("an entry survives the round trip through its text") {
    Document d = testing::small_document();
    const Edit edit = remove_participants(d, {"P2"});
    const DecodedJournalEntry decoded = decode_journal_entry(encode_journal_entry({edit}, 7, 1795392000));
    REQUIRE(decoded.ok);
    CHECK(decoded.entry.sequence == 7);
    CHECK(decoded.entry.saved_at == 1795392000);
    Document replayed = d;
    apply_edit(replayed, decoded.entry.edits.at(0));
    apply_edit(d, edit);
    CHECK(as_json(replayed) == as_json(d));
}

TEST_CASE("damaged journal entries are refused with where and why") {
    CHECK_FALSE(decode_journal_entry("").ok);
    CHECK_FALSE(decode_journal_entry("{\"journal\":1").ok);
    CHECK(decode_journal_entry("[]").problem.find("not a journal entry") != std::string::npos);
    CHECK(decode_journal_entry("{\"journal\":1,\"sequence\":1,\"saved_at\":0,\"edits\":[{\"participants\":[{\"insert\":null}]}]}")
              .problem == "/edits/0/participants/0/record: missing");
    const DecodedJournalEntry bad_record = decode_journal_entry(
        "{\"journal\":1,\"sequence\":1,\"saved_at\":0,\"edits\":[{\"participants\":[{\"insert\":null,\"record\":{\"id\":3}}]}]}");
    CHECK_FALSE(bad_record.ok);
    CHECK(bad_record.problem.rfind("/edits/0/participants/0/record/", 0) == 0);
    const DecodedJournalEntry newer = decode_journal_entry("{\"journal\":9,\"sequence\":1,\"saved_at\":0,\"edits\":[]}");
    CHECK_FALSE(newer.ok);
    CHECK(newer.newer_format);
}

TEST_CASE("compaction starts a new generation; the old journal loses its marker and stays as a backup") {
    platform::MemoryStorage storage;
    JournaledStore store(storage, "t");
    Document d = testing::small_document();
    start_with(store, d);
    CHECK(store.generation() == 1);
    for (int i = 0; i < 3; ++i) {
        const Edit edit = update_participant(d.participants[1], renamed(d.participants[1], "Name " + std::to_string(i)));
        apply_edit(d, edit);
        REQUIRE(store.append({edit}, i) == JournaledStore::SaveOutcome::Saved);
    }
    CHECK(storage.read("flipside/t/journal/1/3").has_value());
    REQUIRE(store.write_snapshot(d, 5) == JournaledStore::SaveOutcome::Saved);
    CHECK(store.generation() == 2);
    CHECK(store.entries() == 0);
    // No writer can append to generation 1 any more; its versions stay restorable.
    CHECK_FALSE(storage.read("flipside/t/journal/1/0").has_value());
    for (int sequence = 1; sequence <= 3; ++sequence)
        CHECK(storage.read("flipside/t/journal/1/" + std::to_string(sequence)).has_value());
    CHECK(storage.read("flipside/t/backup/1").has_value());
    CHECK(storage.read("flipside/t/journal/2/0").has_value());

    JournaledStore reopened(storage, "t");
    const JournaledStore::Loaded loaded = reopened.load(zones());
    REQUIRE(loaded.ok);
    CHECK(as_json(loaded.document) == as_json(d));
}

TEST_CASE("a long journal asks for a snapshot") {
    platform::MemoryStorage storage;
    JournaledStore store(storage, "t");
    store.load(zones());
    CHECK(store.wants_snapshot());  // nothing saved yet: the first save is a snapshot
    Document d = testing::small_document();
    REQUIRE(store.write_snapshot(d, 0) == JournaledStore::SaveOutcome::Saved);
    CHECK_FALSE(store.wants_snapshot());
    int appended = 0;
    while (!store.wants_snapshot() && appended < 1000) {
        const Edit edit = update_participant(d.participants[1], renamed(d.participants[1], "N" + std::to_string(appended)));
        apply_edit(d, edit);
        REQUIRE(store.append({edit}, appended) == JournaledStore::SaveOutcome::Saved);
        ++appended;
    }
    CHECK(appended > 10);
    CHECK(appended <= 200);
}

TEST_CASE("a save cut short at any write leaves the last committed state or the one being saved") {
    // A scenario of saves; for every number of writes the page manages before it dies, the
    // store reopened afterwards holds a state that was committed, never an empty or mixed one.
    Document base = testing::small_document();
    std::vector<std::function<void(Document&, JournaledStore&)>> saves;
    std::vector<std::string> states;  // the document after each save
    {
        Document d = base;
        states.push_back(as_json(d));  // after save 0 (the first snapshot)
        std::vector<Edit> edits = {add_participant(testing::person("P7", Role::Mentee, "Ana Ruiz"))};
        apply_edit(d, edits[0]);
        states.push_back(as_json(d));
        edits.push_back(update_participant(d.participants[0], renamed(d.participants[0], "Zoë Lind")));
        apply_edit(d, edits[1]);
        states.push_back(as_json(d));
        edits.push_back(remove_participants(d, {"P3"}));
        apply_edit(d, edits[2]);
        states.push_back(as_json(d));  // then a compaction of the same state
        states.push_back(as_json(d));
        saves = {
            [](Document& doc, JournaledStore& s) { REQUIRE(s.write_snapshot(doc, 0) != JournaledStore::SaveOutcome::Conflict); },
            [edits](Document& doc, JournaledStore& s) { apply_edit(doc, edits[0]); s.append({edits[0]}, 1); },
            [edits](Document& doc, JournaledStore& s) { apply_edit(doc, edits[1]); s.append({edits[1]}, 2); },
            [edits](Document& doc, JournaledStore& s) { apply_edit(doc, edits[2]); s.append({edits[2]}, 3); },
            [](Document& doc, JournaledStore& s) { s.write_snapshot(doc, 4); },
        };
    }
    bool reached_the_end = false;
    for (int budget = 0; budget < 100 && !reached_the_end; ++budget) {
        CAPTURE(budget);
        platform::MemoryStorage real;
        DyingStorage dying(real, budget);
        JournaledStore store(dying, "t");
        store.load(zones());
        Document d = base;
        std::size_t completed = 0;
        for (const auto& save : saves) {
            save(d, store);
            if (dying.dead()) break;
            ++completed;
        }
        reached_the_end = !dying.dead();
        JournaledStore reopened(real, "t");
        const JournaledStore::Loaded loaded = reopened.load(zones());
        if (!loaded.found) {
            CHECK(completed == 0);  // only before the first snapshot is nothing there
            continue;
        }
        REQUIRE(loaded.ok);
        const std::string got = as_json(loaded.document);
        const bool last_done = completed > 0 && got == states[completed - 1];
        const bool being_saved = completed < states.size() && got == states[completed];
        CHECK((last_done || being_saved));
        // And the store goes on saving after the recovery.
        Document next = loaded.document;
        const Edit edit = add_participant(testing::person("P8", Role::Mentor, "Rhys Hughes"));
        apply_edit(next, edit);
        const auto outcome = reopened.wants_snapshot() ? reopened.write_snapshot(next, 9) : reopened.append({edit}, 9);
        CHECK(outcome == JournaledStore::SaveOutcome::Saved);
        JournaledStore again(real, "t");
        CHECK(as_json(again.load(zones()).document) == as_json(next));
    }
    CHECK(reached_the_end);
}

TEST_CASE("a second tab that saved first is never overwritten: the stale one gets a conflict") {
    platform::MemoryStorage storage;
    Document d = testing::small_document();
    {
        JournaledStore first(storage, "t");
        first.load(zones());
        REQUIRE(first.write_snapshot(d, 0) == JournaledStore::SaveOutcome::Saved);
    }
    JournaledStore tab_a(storage, "t"), tab_b(storage, "t");
    Document doc_a = tab_a.load(zones()).document;
    Document doc_b = tab_b.load(zones()).document;

    const Edit edit_a = add_participant(testing::person("P7", Role::Mentee, "Ana Ruiz"));
    apply_edit(doc_a, edit_a);
    REQUIRE(tab_a.append({edit_a}, 1) == JournaledStore::SaveOutcome::Saved);

    const Edit edit_b = add_participant(testing::person("P8", Role::Mentor, "Rhys Hughes"));
    apply_edit(doc_b, edit_b);
    CHECK(tab_b.append({edit_b}, 2) == JournaledStore::SaveOutcome::Conflict);
    CHECK(tab_b.write_snapshot(doc_b, 2) == JournaledStore::SaveOutcome::Conflict);

    // A tab that slept through another's compaction cannot write into the old generation.
    JournaledStore sleeper(storage, "t");
    Document doc_s = sleeper.load(zones()).document;
    REQUIRE(tab_a.write_snapshot(doc_a, 3) == JournaledStore::SaveOutcome::Saved);
    apply_edit(doc_s, edit_b);
    CHECK(sleeper.append({edit_b}, 4) == JournaledStore::SaveOutcome::Conflict);

    JournaledStore reader(storage, "t");
    CHECK(as_json(reader.load(zones()).document) == as_json(doc_a));
}

TEST_CASE("autosave reports a conflict and stops saving instead of overwriting") {
    platform::MemoryStorage storage;
    Document d = testing::small_document();
    Autosave tab_a{JournaledStore(storage, "t")}, tab_b{JournaledStore(storage, "t")};
    tab_a.store().load(zones());
    tab_b.store().load(zones());
    tab_a.record(replace_document(Document{}, d, "import"), 0);
    REQUIRE(tab_a.tick(d, 0, 5));
    REQUIRE(tab_a.status().last_error.empty());
    // Tab B opened before A's first save: it believes nothing is saved yet.
    tab_b.record(replace_document(Document{}, d, "import"), 0);
    REQUIRE(tab_b.tick(d, 0, 5));
    CHECK(tab_b.status().conflict);
    CHECK(tab_b.status().last_error.find("Another tab or window") != std::string::npos);
    tab_b.record(add_participant(testing::person("P9", Role::Mentee, "X")), 6);
    CHECK_FALSE(tab_b.tick(d, 0, 10));  // stopped for good: no retry over newer data
}

TEST_CASE("an unreadable journal entry is left out with a message, and what came before stays") {
    platform::MemoryStorage storage;
    JournaledStore store(storage, "t");
    Document d = testing::small_document();
    start_with(store, d);
    const Edit good = add_participant(testing::person("P7", Role::Mentee, "Ana Ruiz"));
    apply_edit(d, good);
    REQUIRE(store.append({good}, 1) == JournaledStore::SaveOutcome::Saved);
    const std::string after_good = as_json(d);
    const Edit lost = add_participant(testing::person("P8", Role::Mentor, "Rhys Hughes"));
    REQUIRE(store.append({lost}, 2) == JournaledStore::SaveOutcome::Saved);
    storage.entries()["flipside/t/journal/1/2"].resize(20);  // cut short by a disk fault

    JournaledStore reopened(storage, "t");
    JournaledStore::Loaded loaded = reopened.load(zones());
    REQUIRE(loaded.ok);
    CHECK(as_json(loaded.document) == after_good);
    REQUIRE(loaded.warnings.size() == 1);
    CHECK(loaded.warnings[0].find("1 saved change could not be read") != std::string::npos);
    CHECK(reopened.wants_snapshot());
    CHECK(reopened.write_snapshot(loaded.document, 3) == JournaledStore::SaveOutcome::Saved);
}

TEST_CASE("an entry from a newer version is kept and nothing is saved over it") {
    platform::MemoryStorage storage;
    JournaledStore store(storage, "t");
    Document d = testing::small_document();
    start_with(store, d);
    storage.entries()["flipside/t/journal/1/1"] = "{\"journal\":2,\"sequence\":1,\"saved_at\":0,\"edits\":[]}";
    JournaledStore reopened(storage, "t");
    const JournaledStore::Loaded loaded = reopened.load(zones());
    CHECK(loaded.ok);
    CHECK(loaded.newer_version);
    CHECK(loaded.warnings.at(0).find("newer version") != std::string::npos);
}

TEST_CASE("an entry that would break the document's references is left out") {
    platform::MemoryStorage storage;
    JournaledStore store(storage, "t");
    Document d = testing::small_document();
    start_with(store, d);
    Participant dangling = testing::person("P7", Role::Mentee, "Ana Ruiz");
    dangling.manager_id = "P404";
    REQUIRE(store.append({add_participant(dangling)}, 1) == JournaledStore::SaveOutcome::Saved);
    JournaledStore reopened(storage, "t");
    const JournaledStore::Loaded loaded = reopened.load(zones());
    REQUIRE(loaded.ok);
    CHECK(as_json(loaded.document) == as_json(d));
    CHECK(loaded.warnings.at(0).find("left out") != std::string::npos);
}

TEST_CASE("data saved before the journal existed loads and keeps being saved") {
    platform::MemoryStorage storage;
    Document d = testing::small_document();
    {
        DocumentStore legacy(storage, "t");
        REQUIRE(legacy.save(as_json(d)) == DocumentStore::SaveOutcome::Saved);
    }
    JournaledStore store(storage, "t");
    JournaledStore::Loaded loaded = store.load(zones());
    REQUIRE(loaded.ok);
    CHECK(store.generation() == 0);
    const Edit edit = add_participant(testing::person("P7", Role::Mentee, "Ana Ruiz"));
    apply_edit(loaded.document, edit);
    REQUIRE(store.append({edit}, 1) == JournaledStore::SaveOutcome::Saved);
    JournaledStore reopened(storage, "t");
    CHECK(as_json(reopened.load(zones()).document) == as_json(loaded.document));
}

TEST_CASE("an entry whose records are of a newer schema is newer data, not damage") {
    const DecodedJournalEntry newer =
        decode_journal_entry("{\"journal\":1,\"schema_version\":99,\"sequence\":1,\"saved_at\":0,\"edits\":[]}");
    CHECK_FALSE(newer.ok);
    CHECK(newer.newer_format);
    CHECK(decode_journal_entry(encode_journal_entry({}, 1, 0)).ok);
}

TEST_CASE("a read-only load leaves storage exactly as it found it") {
    platform::MemoryStorage storage;
    {
        DocumentStore legacy(storage, "t");  // no marker yet: an editing load would write one
        REQUIRE(legacy.save(as_json(testing::small_document())) == DocumentStore::SaveOutcome::Saved);
    }
    storage.entries()["flipside/t/journal/1/0"] = "{\"generation\":1}";  // a compaction under way
    const auto before = storage.entries();
    JournaledStore reader(storage, "t");
    REQUIRE(reader.load(zones(), false).ok);
    CHECK(storage.entries() == before);
}
