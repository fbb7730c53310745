#include <doctest/doctest.h>

#include "app/app.h"
#include "io/json_document.h"
#include "platform/memory_platform.h"
#include "platform/interface/time_zones.h"
#include "test_support.h"

using namespace flipside;
using namespace flipside::matching;

namespace {

struct Fixture {
    platform::MemoryPlatform memory{platform::system_time_zones()};
    app::App app{memory.platform};
    void advance(double seconds) {
        memory.clock.monotonic += seconds;
        app.tick();
    }
};

}  // namespace

TEST_CASE("first start opens the demo program and saves it; a restart restores it exactly") {
    Fixture f;
    f.app.start();
    CHECK(f.app.document().participants.size() == 40);
    CHECK(f.app.document().programs.size() == 2);
    f.advance(2.0);
    CHECK_FALSE(f.app.save_status().pending);

    app::App restarted(f.memory.platform);
    restarted.start();
    CHECK(restarted.document() == f.app.document());
}

TEST_CASE("the demo's welcome goes once the data is replaced; other messages stay") {
    Fixture f;
    f.app.start();
    const auto welcome_shown = [&] {
        for (const app::UserMessage& m : f.app.messages())
            if (m.text.find("demo program with 40 people") != std::string::npos) return true;
        return false;
    };
    REQUIRE(welcome_shown());
    f.app.receive_file("broken.json", "{");
    CHECK(welcome_shown());  // a refused import leaves the demo on screen
    f.app.clear_all();
    CHECK_FALSE(welcome_shown());
    bool refusal_kept = false;
    for (const app::UserMessage& m : f.app.messages()) refusal_kept = refusal_kept || m.kind == app::MessageKind::Error;
    CHECK(refusal_kept);
}

TEST_CASE("a refused import names the file and the path, and changes nothing") {
    Fixture f;
    f.app.start();
    const Document before = f.app.document();
    f.app.receive_file("roster.json", "{\"format\":\"flipside\",\"schema_version\":2,\"participants\":[{\"id\":1}]}");
    CHECK(f.app.document() == before);
    REQUIRE_FALSE(f.app.messages().empty());
    const app::UserMessage& message = f.app.messages().back();
    CHECK(message.kind == app::MessageKind::Error);
    CHECK(message.text.find("roster.json") != std::string::npos);
    REQUIRE_FALSE(message.details.empty());
    CHECK(message.details[0].find("/participants/0/id") != std::string::npos);
}

TEST_CASE("an import replaces the document as one undoable step") {
    Fixture f;
    f.app.start();
    const Document before = f.app.document();
    const Document incoming = testing::small_document();
    f.app.receive_file("small.json", io::write_document_json(incoming));
    CHECK(f.app.document() == incoming);
    f.app.undo();
    CHECK(f.app.document() == before);
    f.app.redo();
    CHECK(f.app.document() == incoming);
}

TEST_CASE("export is named after the program and the day, and reads back identically") {
    Fixture f;
    f.app.start();
    f.app.export_json();
    REQUIRE(f.memory.files.downloads.size() == 1);
    CHECK(f.memory.files.downloads[0].file_name == "flipside-digital-fluency-wave-2-2026-11-23.json");
    const auto read = io::read_document_json(f.memory.files.downloads[0].content, platform::system_time_zones());
    REQUIRE(read.ok());
    CHECK(read->document == f.app.document());
}

TEST_CASE("a full storage is reported and the previous save is kept") {
    Fixture f;
    f.app.start();
    f.advance(2.0);
    const auto saved = f.memory.storage.entries();
    f.memory.storage.set_quota(f.app.storage_usage().used_bytes + 100);
    Participant extra = testing::person("P9999", Role::Mentor, "Extra Person");
    extra.background = std::string(5000, 'b');
    f.app.apply(app::add_participant(extra));
    f.advance(2.0);
    CHECK(f.app.save_status().last_error.find("storage is full") != std::string::npos);
    app::App restarted(f.memory.platform);
    restarted.start();
    CHECK(restarted.document().participants.size() == 40);
}

TEST_CASE("unreadable saved data is left untouched until the user decides") {
    Fixture f;
    f.memory.storage.entries()["flipside/test/current"] = "a";
    f.memory.storage.entries()["flipside/test/doc.a"] = "{ this is not json";
    f.app.start();
    REQUIRE_FALSE(f.app.messages().empty());
    CHECK(f.app.messages().back().kind == app::MessageKind::Error);
    f.app.apply(app::add_participant(testing::person("P1", Role::Mentor, "New Person")));
    f.advance(5.0);
    CHECK(f.memory.storage.entries()["flipside/test/doc.a"] == "{ this is not json");
    f.app.clear_all();  // an explicit choice: saving resumes
    f.advance(5.0);
    app::App restarted(f.memory.platform);
    restarted.start();
    CHECK(restarted.document().participants.empty());
}

TEST_CASE("new ids never collide with existing ones") {
    Fixture f;
    f.app.start();
    const std::string id = f.app.next_participant_id();
    for (const Participant& p : f.app.document().participants) CHECK(p.id != id);
}

TEST_CASE("read-only refuses every change with one message, and lets go when switched off") {
    Fixture f;
    f.app.start();
    f.app.apply(app::add_participant([&] {
        Participant p = f.app.document().participants.front();
        p.id = f.app.next_participant_id();
        p.name = "Before Read Only";
        return p;
    }()));
    const Document before = f.app.document();
    const std::uint64_t revision = f.app.revision();
    f.app.set_read_only(true);
    f.app.clear_all();
    f.app.load_demo();
    f.app.undo();
    f.app.receive_file("roster.json", io::write_document_json(Document{}));
    f.app.receive_file("roster.csv", "Name,Email\nA B,a@b.example\n");
    CHECK(f.app.document() == before);
    CHECK(f.app.revision() == revision);
    CHECK_FALSE(f.app.pending_csv_import());
    CHECK(f.app.messages().back().kind == app::MessageKind::Error);
    CHECK(f.app.messages().back().text.find("read-only") != std::string::npos);

    f.app.set_read_only(false);
    f.app.undo();
    CHECK(f.app.revision() == revision + 1);
}
