// The Matching screen: the current wave's pairs. (The pairing engine's controls join it.)
#include <imgui.h>

#include "app/app.h"
#include "ui/pair_table.h"
#include "ui/screen.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

class MatchingScreen final : public Screen {
public:
    const char* title() const override { return "Matching"; }
    void draw(app::App& app) override {
        const Document& d = app.document();
        const Program* program = d.current_program();
        if (!program) {
            hint("Create a program first (Program tab).");
            return;
        }
        std::size_t mentors = 0, mentees = 0;
        for (const Participant& p : d.participants) {
            if (!p.active) continue;
            mentors += p.role == Role::Mentor;
            mentees += p.role == Role::Mentee;
        }
        ImGui::Text("%s: %zu active mentors, %zu active mentees", program->name.c_str(), mentors, mentees);
        draw_pair_table("CurrentPairs", d, program->id);
    }
};

}  // namespace

std::unique_ptr<Screen> make_matching_screen() { return std::make_unique<MatchingScreen>(); }

}  // namespace flipside::ui
