#include <doctest/doctest.h>

#include <algorithm>

#include "app/app.h"
#include "core/text.h"
#include "io/ical_writer.h"
#include "io/json_document.h"
#include "platform/memory_platform.h"
#include "platform/interface/time_zones.h"
#include "participants_test_support.h"
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

TEST_CASE("merging a batch of replies is one undo step, and survives a restart") {
    Fixture f;
    f.app.start();
    Document document = testing::paired_document();
    const std::vector<participants::Invitation> invitations = testing::invite(document, "R1", {"P1", "P2"});
    f.app.apply(app::replace_document(f.app.document(), document, "load the wave"));
    const Document before = f.app.document();
    const std::vector<participants::IncomingReply> batch{
        {"zoe.json", testing::reply_with(invitations[0], {{"interests", {"Chess"}}, {"session/ses-2/status", {"held"}},
                                                       {"feedback/ses-1", {"5", "Inspiring"}}}, 1)},
        {"lukasz.json", testing::reply_with(invitations[1], {{"languages", {"Polski", "English"}}}, 1)}};
    const participants::MergePlan plan = participants::plan_merge(before, batch, testing::kIssued + testing::kDay,
                                                                  platform::system_time_zones(), {});
    REQUIRE(plan.applied == 2);
    f.app.apply(plan.edit);
    CHECK(f.app.document().participants[0].interests == std::vector<std::string>{"Chess"});
    CHECK(f.app.document().sessions[1].status == SessionStatus::Held);
    CHECK(f.app.document().feedback.back().comment == "Inspiring");
    CHECK(f.app.document().participants[1].languages == std::vector<std::string>{"Polski", "English"});
    f.advance(2.0);
    app::App restarted(f.memory.platform);
    restarted.start();
    CHECK(restarted.document() == f.app.document());  // the merged ledger is saved with the rest
    f.app.undo();
    CHECK(f.app.document() == before);
    f.app.redo();
    CHECK(f.app.document().participants[0].interests == std::vector<std::string>{"Chess"});
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
    // No room, even once the backups (which give way first) are gone.
    const std::size_t backup_bytes = f.memory.storage.used_bytes("flipside/test/backup/");
    REQUIRE(backup_bytes > 0);
    f.memory.storage.set_quota(f.app.storage_usage().used_bytes - backup_bytes + 100);
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

namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

}  // namespace

TEST_CASE("calendar exports: named by their selection, iCalendar, downloaded, and said in the message area") {
    Fixture f;
    f.app.start();
    const Document& d = f.app.document();
    REQUIRE(d.current_program() != nullptr);
    const std::string program_id = d.current_program()->id;
    const auto found = std::find_if(d.pairs.begin(), d.pairs.end(), [&](const Pair& p) {
        return p.program_id == program_id &&
               std::any_of(d.sessions.begin(), d.sessions.end(), [&](const Session& s) { return s.pair_id == p.id; });
    });
    REQUIRE(found != d.pairs.end());
    const Pair pair = *found;
    const auto ics = [&](io::IcsOptions::Scope scope, const std::string& id) {
        io::IcsOptions options;
        options.scope = scope;
        options.id = id;
        options.program_id = program_id;
        options.now = f.memory.clock.now_utc();
        options.reminder_minutes = 15;
        return io::write_ics(d, options);
    };
    std::size_t program_sessions = 0;
    for (const Session& s : d.sessions)
        for (const Pair& p : d.pairs)
            if (p.id == s.pair_id && p.program_id == program_id) {
                ++program_sessions;
                break;
            }
    REQUIRE(program_sessions > 0);

    using Who = app::CalendarSelection::Who;
    const auto check_export = [&](const app::CalendarSelection& selection, const std::string& file_name,
                                  const std::string& content, const std::string& whose) {
        INFO(file_name);
        const std::size_t downloads = f.memory.files.downloads.size();
        f.app.export_calendar(selection);
        REQUIRE(f.memory.files.downloads.size() == downloads + 1);
        const platform::MemoryFiles::Download& download = f.memory.files.downloads.back();
        CHECK(download.file_name == file_name);
        CHECK(download.mime_type == "text/calendar");
        CHECK(download.content == content);
        CHECK(download.content.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
        CHECK(download.content.find("END:VCALENDAR\r\n") == download.content.size() - 15);
        const std::size_t events = count_of(download.content, "\r\nBEGIN:VEVENT\r\n");
        CHECK(events > 0);
        CHECK(events == count_of(download.content, "\r\nEND:VEVENT\r\n"));
        CHECK(count_of(download.content, "BEGIN:VALARM") == count_of(download.content, "TRIGGER:-PT15M"));
        REQUIRE_FALSE(f.app.messages().empty());
        CHECK(f.app.messages().back().kind == app::MessageKind::Info);
        CHECK(f.app.messages().back().text ==
              "Exported " + file_name + " (" + std::to_string(events) + " sessions of " + whose + ")");
    };
    // Files and the message name people, never ids: "flipside-maria-costa.ics".
    const Participant& mentor = *std::find_if(d.participants.begin(), d.participants.end(),
                                              [&](const Participant& p) { return p.id == pair.mentor_id; });
    const Participant& mentee = *std::find_if(d.participants.begin(), d.participants.end(),
                                              [&](const Participant& p) { return p.id == pair.mentee_id; });
    const std::string pair_file = "flipside-" + file_name_part(mentor.name) + "-and-" + file_name_part(mentee.name) + ".ics";
    check_export({Who::Everyone, {}}, "flipside-calendar.ics", ics(io::IcsOptions::Scope::Everyone, ""), "everyone");
    check_export({Who::Person, pair.mentee_id}, "flipside-" + file_name_part(mentee.name) + ".ics",
                 ics(io::IcsOptions::Scope::Participant, pair.mentee_id), mentee.name);
    check_export({Who::Pair, pair.id}, pair_file, ics(io::IcsOptions::Scope::Pair, pair.id),
                 mentor.name + " & " + mentee.name);
    // A participant's own, at the kiosk: the file does not carry their name on a shared machine.
    check_export({Who::OwnSessions, pair.mentor_id}, "flipside-my-sessions.ics",
                 ics(io::IcsOptions::Scope::Participant, pair.mentor_id), mentor.name);
    CHECK(count_of(f.memory.files.downloads[0].content, "\r\nBEGIN:VEVENT\r\n") == program_sessions);

    // Looking is allowed in a read-only view: the calendar still comes.
    f.app.set_read_only(true);
    f.app.export_calendar({Who::Pair, pair.id});
    CHECK(f.memory.files.downloads.back().file_name == pair_file);
}

namespace {

// A lease the test hands out or takes away, as the page's Web Lock would.
class TestLease final : public platform::EditingLease {
public:
    explicit TestLease(bool held) : held_(held) {}
    bool held_at_start() override { return held_; }
    void request() override { ++requests; }
    int requests = 0;

private:
    bool held_;
};

}  // namespace

TEST_CASE("a tab without the editing lease shows the data read-only, saves nothing, and takes editing over") {
    platform::MemoryPlatform memory{platform::system_time_zones()};
    TestLease editing_here(true), elsewhere(false);
    memory.platform.editing = &editing_here;
    app::App tab_a(memory.platform);
    tab_a.start();
    memory.clock.monotonic += 2;
    tab_a.tick();  // the demo is saved

    platform::Platform second = memory.platform;
    second.editing = &elsewhere;
    app::App tab_b(second);
    tab_b.start();
    CHECK(tab_b.editing_elsewhere());
    CHECK(tab_b.read_only());
    const std::size_t people = tab_b.document().participants.size();
    tab_b.apply(app::add_participant(testing::person("P900", Role::Mentee, "Ana Ruiz")));
    CHECK(tab_b.document().participants.size() == people);
    CHECK(tab_b.messages().back().text.find("Edit here") != std::string::npos);

    // Tab A goes on editing and saving.
    tab_a.apply(app::add_participant(testing::person("P901", Role::Mentor, "Rhys Hughes")));
    memory.clock.monotonic += 2;
    tab_a.tick();
    REQUIRE_FALSE(tab_a.save_status().pending);

    tab_b.request_editing_here();
    CHECK(elsewhere.requests == 1);
    // The page lets go of A and hands the lease to B.
    tab_a.set_editing_elsewhere(true);
    CHECK(tab_a.read_only());
    tab_b.set_editing_elsewhere(false);
    CHECK_FALSE(tab_b.read_only());
    const auto& names = tab_b.document().participants;
    CHECK(std::any_of(names.begin(), names.end(), [](const Participant& p) { return p.name == "Rhys Hughes"; }));
    CHECK_FALSE(tab_b.can_undo());  // A's changes came in between

    tab_b.apply(app::add_participant(testing::person("P902", Role::Mentee, "Zoë Lind")));
    memory.clock.monotonic += 2;
    tab_b.tick();
    CHECK(tab_b.save_status().last_error.empty());
    app::App reader(memory.platform);
    reader.start();
    CHECK(reader.document() == tab_b.document());
}

TEST_CASE("a tab that loses editing before it could save says so") {
    platform::MemoryPlatform memory{platform::system_time_zones()};
    app::App tab(memory.platform);
    tab.start();
    memory.clock.monotonic += 2;
    tab.tick();
    // Another writer saved in between: this tab's next save would conflict, so it cannot
    // save its change when editing moves away.
    app::App other(memory.platform);
    other.start();
    other.apply(app::add_participant(testing::person("P901", Role::Mentor, "Rhys Hughes")));
    memory.clock.monotonic += 2;
    other.tick();
    tab.apply(app::add_participant(testing::person("P900", Role::Mentee, "Ana Ruiz")));
    tab.set_editing_elsewhere(true);
    CHECK(tab.messages().back().kind == app::MessageKind::Error);
    CHECK(tab.messages().back().text.find("export them") != std::string::npos);
}
