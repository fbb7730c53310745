// The edit panel for one person: every profile field on a draft copy, inline validation, and
// Save / Revert / Delete below them, in view however far the fields are scrolled. Nothing
// reaches the document until "Save changes".
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "core/validation.h"

namespace flipside::app {
class App;
}

namespace flipside::ui {

class ParticipantEditor {
public:
    // Starts editing an existing person.
    void open(const Participant& participant);
    // Starts a new, unsaved person.
    void open_new(Participant draft);
    void close() { open_ = false; }
    bool is_open() const { return open_; }
    const std::string& id() const { return draft_.id; }

    void draw(app::App& app);

private:
    void load_text_fields();
    void draw_fields(app::App& app, const std::vector<Problem>& found);  // scrolls
    void draw_actions(app::App& app, const std::vector<Problem>& found);  // always in view
    void draw_availability();
    std::vector<Problem> problems(const app::App& app) const;

    bool open_ = false;
    bool is_new_ = false;
    Participant original_;
    Participant draft_;
    std::string hire_date_text_;
    std::string skills_text_;
    bool confirm_delete_ = false;
};

}  // namespace flipside::ui
