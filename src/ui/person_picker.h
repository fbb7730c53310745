// A searchable drop-down of people by name, for rosters of thousands: typing narrows the list
// (any part of the name, case folded), and only the rows in view are drawn. The drop-down is
// "##<label>" (the caller writes what it is beside it); each person is a Selectable
// "<name>##<label>-<id>", so tests pick one by its full label.
#pragma once

#include <string>
#include <vector>

namespace flipside::ui {

struct PickablePerson {
    std::string id;
    std::string name;
};

class PersonPicker {
public:
    // True when `picked_id` changed. The list is filtered again each time the drop-down opens.
    bool draw(const char* label, const std::vector<PickablePerson>& people, std::string& picked_id, float width);

private:
    std::string filter_;
    std::string filtered_for_;  // the filter `matches_` was made for
    std::vector<std::size_t> matches_;
};

}  // namespace flipside::ui
