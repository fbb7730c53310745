#include <doctest/doctest.h>

#include <string>

#include "app/app.h"
#include "app/office_hours.h"
#include "core/availability_text.h"
#include "platform/interface/time_zones.h"
#include "platform/memory_platform.h"

using namespace flipside;
using namespace flipside::app;

namespace {

Document people() {
    Document d;
    const char* zones[] = {"Europe/Lisbon", "America/New_York", "Asia/Tokyo"};
    for (int i = 0; i < 3; ++i) {
        Participant p;
        p.id = "P" + std::to_string(i);
        p.name = "Person " + std::to_string(i);
        p.email = "p" + std::to_string(i) + "@example.com";
        p.time_zone = zones[i];
        d.participants.push_back(p);
    }
    d.participants[2].availability = {{6, 600, 660}};
    return d;
}

}  // namespace

TEST_CASE("the default template is Monday to Friday, nine to five, less an hour for lunch") {
    const Result<std::vector<WeeklyWindow>> windows = read_office_hours(kDefaultOfficeHours);
    REQUIRE(windows.ok());
    CHECK(windows->size() == 10);
    CHECK(windows->front() == WeeklyWindow{0, 9 * 60, 12 * 60});
    CHECK((*windows)[1] == WeeklyWindow{0, 13 * 60, 17 * 60});
    CHECK(windows->back() == WeeklyWindow{4, 13 * 60, 17 * 60});
    CHECK(format_weekly_availability(*windows) == kDefaultOfficeHours);
}

TEST_CASE("a template that cannot be read, or holds no hours, is refused with why") {
    CHECK(read_office_hours("Mon-Fri 9-5").message().find("ends at or before it starts") != std::string::npos);
    CHECK(read_office_hours("none").message().find("holds no hours") != std::string::npos);
}

TEST_CASE("office hours for the selected people, in their own zones, as one undo step") {
    platform::MemoryPlatform memory{platform::system_time_zones()};
    App app(memory.platform);
    app.apply(replace_document(app.document(), people(), "set up"));
    const Document before = app.document();
    const std::vector<WeeklyWindow> hours = *read_office_hours("Tue-Thu 10:00-12:00");
    app.apply(office_hours_edit(app.document(), {"P0", "P2", "nobody"}, hours));
    const Document& after = app.document();
    CHECK(after.participants[0].availability == hours);
    CHECK(after.participants[0].time_zone == "Europe/Lisbon");  // local hours: the zone stays the person's
    CHECK(after.participants[1].availability.empty());           // not selected
    CHECK(after.participants[2].availability == hours);         // replaced
    CHECK(after.participants[2].time_zone == "Asia/Tokyo");
    CHECK(app.undo_label() == "apply office hours to 2 people");
    app.undo();
    CHECK(app.document() == before);
    // Nobody to change: no step at all.
    CHECK(office_hours_edit(before, {"P1"}, before.participants[1].availability).empty());
}
