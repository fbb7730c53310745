#include "app/office_hours.h"

#include <unordered_set>

#include "core/availability_text.h"

namespace flipside::app {

Result<std::vector<WeeklyWindow>> read_office_hours(std::string_view text) {
    Result<std::vector<WeeklyWindow>> windows = parse_weekly_availability(text);
    if (windows && windows->empty()) return Problem{"", "the template holds no hours (write Mon-Fri 09:00-17:00)"};
    return windows;
}

Edit office_hours_edit(const Document& document, const std::vector<std::string>& ids,
                       const std::vector<WeeklyWindow>& windows) {
    const std::unordered_set<std::string> wanted(ids.begin(), ids.end());
    std::vector<Participant> updated;
    for (const Participant& p : document.participants) {
        if (!wanted.count(p.id) || p.availability == windows) continue;
        Participant after = p;
        after.availability = windows;
        updated.push_back(std::move(after));
    }
    if (updated.empty()) return Edit{};
    const std::string label = "apply office hours to " + std::to_string(updated.size()) +
                              (updated.size() == 1 ? " person" : " people");
    return update_participants(document, updated, label);
}

}  // namespace flipside::app
