// The reminder to export: due after two weeks without an export while the data holds pairs,
// at most once a week, counted from the first day this browser held the data, kept across
// reloads, and shown by the app as a dialog that names the last export.
#include <doctest/doctest.h>

#include "app/app.h"
#include "app/export_reminder.h"
#include "platform/interface/time_zones.h"
#include "platform/memory_platform.h"

using namespace flipside;
using namespace flipside::app;

namespace {
constexpr UtcSeconds kDay = kSecondsPerDay;
constexpr UtcSeconds kStart = 1795392000;
}  // namespace

TEST_CASE("an export reminder is due after two weeks without an export, then weekly") {
    ExportReminderState state;
    state.since = kStart;
    CHECK_FALSE(export_reminder_due(state, kStart + 13 * kDay, true));
    CHECK(export_reminder_due(state, kStart + 14 * kDay, true));
    CHECK_FALSE(export_reminder_due(state, kStart + 14 * kDay, false));  // nothing paired: little to lose yet
    state.reminded_at = kStart + 14 * kDay;
    CHECK_FALSE(export_reminder_due(state, kStart + 20 * kDay, true));
    CHECK(export_reminder_due(state, kStart + 21 * kDay, true));
    state.exported_at = kStart + 20 * kDay;
    CHECK_FALSE(export_reminder_due(state, kStart + 33 * kDay, true));
    CHECK(export_reminder_due(state, kStart + 34 * kDay, true));
    CHECK_FALSE(export_reminder_due(ExportReminderState{}, kStart + 400 * kDay, true));  // count not started
}

TEST_CASE("the reminder's state reads back what it wrote and ignores what it cannot read") {
    const ExportReminderState state{11, 22, 33};
    const ExportReminderState back = decode_export_reminder(encode_export_reminder(state));
    CHECK(back.exported_at == 11);
    CHECK(back.reminded_at == 22);
    CHECK(back.since == 33);
    const ExportReminderState damaged = decode_export_reminder("exported x\nreminded -4\nsince 9\nother 5\nnoline");
    CHECK(damaged.exported_at == 0);
    CHECK(damaged.reminded_at == 0);
    CHECK(damaged.since == 9);
}

TEST_CASE("the app reminds once a week to export a paired program, and an export resets the count") {
    platform::MemoryPlatform memory{platform::system_time_zones()};
    const auto reminders = [](const App& app) {
        int count = 0;
        for (const UserMessage& m : app.messages())
            if (m.title == "Time to export a copy") ++count;
        return count;
    };
    const auto pass_days = [&](int days) {
        memory.clock.utc += days * kDay;
        memory.clock.monotonic += days * 86400.0;
    };
    {
        App app(memory.platform);
        app.start();  // the demo: paired
        REQUIRE_FALSE(app.document().pairs.empty());
        app.tick();
        CHECK(reminders(app) == 0);
        pass_days(13);
        app.tick();
        CHECK(reminders(app) == 0);
        pass_days(1);
        app.tick();
        app.tick();
        CHECK(reminders(app) == 1);
        CHECK(app.messages().back().text.find("never been exported") != std::string::npos);
        pass_days(3);
        app.tick();
        CHECK(reminders(app) == 1);
    }
    {
        App reopened(memory.platform);  // a reload: the week since the reminder still counts
        reopened.start();
        pass_days(3);
        reopened.tick();
        CHECK(reminders(reopened) == 0);
        pass_days(1);
        reopened.tick();
        CHECK(reminders(reopened) == 1);
        reopened.export_json();
        pass_days(13);
        reopened.tick();
        CHECK(reminders(reopened) == 1);
        pass_days(1);
        reopened.tick();
        CHECK(reminders(reopened) == 2);
        CHECK(reopened.messages().back().text.find("last exported 14 days ago") != std::string::npos);
    }
}
