// The Program screen: one wave's name, objectives, norms, dates, cadence, session length and
// blackout dates, edited on a draft with inline validation and saved as you go: each finished
// field is one undoable step. A draft that cannot be saved yet (a date half typed) stays on the
// screen, and the status bar says so, until it is fixed or reverted.
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/app.h"
#include "app/edit.h"
#include "app/program_defaults.h"
#include "core/validation.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

class ProgramScreen final : public Screen {
public:
    const char* title() const override { return "Program"; }

    void draw(app::App& app) override {
        const Document& d = app.document();
        if (d.programs.empty()) {
            hint("No program yet. A program is one wave of pairs with its dates, cadence, objectives and norms.");
            if (ImGui::Button("Create a program")) app.apply(app::add_program(new_program(app, nullptr)));
            return;
        }
        if (selected_ >= d.programs.size()) {
            selected_ = d.programs.size() - 1;
            load(d.programs[selected_]);
        } else if (app.revision() != seen_revision_ && d.programs[selected_] != original_) {
            load(d.programs[selected_]);  // changed by Undo, Redo, an import or another tab: the form follows
        }
        seen_revision_ = app.revision();

        const std::vector<Problem> found = problems();
        ImGui::BeginDisabled(app.read_only());
        // Another wave is chosen once this one's draft is saved or reverted, so none is dropped.
        ImGui::BeginDisabled(draft_ != original_ || !found.empty());
        draw_wave_selector(app, d);
        ImGui::EndDisabled();
        ImGui::Separator();
        draw_form(found);
        ImGui::EndDisabled();
        save_when_settled(app, found);
        draw_actions(found);
    }

private:
    // The defaults are app/program_defaults.h's, from today's date in UTC.
    static Program new_program(const app::App& app, const Program* previous) {
        const Date today = civil_from_days(floor_days(app.platform().clock.now_utc()));
        return previous ? app::next_wave(*previous, app.next_program_id(), today)
                        : app::first_program(app.next_program_id(), today);
    }

    void load(const Program& program) {
        original_ = program;
        draft_ = program;
        start_text_ = format_iso_date(program.start_date);
        end_text_ = format_iso_date(program.end_date);
        std::vector<std::string> dates;
        for (const Date& date : program.blackout_dates) dates.push_back(format_iso_date(date));
        blackout_text_ = join_list(dates);
    }

    std::vector<Problem> problems() {
        std::vector<Problem> found = validate_program(draft_);
        if (!parse_iso_date(start_text_)) found.push_back({"/start_date", "start date must be YYYY-MM-DD"});
        if (!parse_iso_date(end_text_)) found.push_back({"/end_date", "end date must be YYYY-MM-DD"});
        draft_.blackout_dates.clear();
        for (const std::string& item : split_list(blackout_text_)) {
            if (const auto date = parse_iso_date(item))
                draft_.blackout_dates.push_back(*date);
            else
                found.push_back({"/blackout_dates", "\"" + item + "\" is not a date YYYY-MM-DD"});
        }
        return found;
    }

    void draw_wave_selector(app::App& app, const Document& d) {
        ImGui::TextUnformatted("Wave");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
        if (begin_combo("##Wave", d.programs[selected_].name.c_str())) {
            for (std::size_t i = 0; i < d.programs.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                const bool current = i + 1 == d.programs.size();
                const std::string label = d.programs[i].name + (current ? "  (current)" : "");
                if (ImGui::Selectable(label.c_str(), i == selected_)) {
                    selected_ = i;
                    load(d.programs[i]);
                }
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        if (ImGui::Button("New wave")) {
            app.apply(app::add_program(new_program(app, &d.programs.back())));
            selected_ = app.document().programs.size() - 1;
            load(app.document().programs[selected_]);
        }
        help_marker("A new wave starts two weeks after the current one ends, with the same settings. "
                    "Pairs of earlier waves stay visible to the pairing engine, which avoids repeating them.");
        std::size_t pairs = 0;
        for (const Pair& pair : d.pairs) pairs += pair.program_id == d.programs[selected_].id;
        ImGui::SameLine();
        ImGui::TextDisabled("%zu pairs in this wave", pairs);
    }

    void draw_form(const std::vector<Problem>& found) {
        ImGui::TextUnformatted("Program name");
        text_field("##Program name", draft_.name);
        show_problems(found, "/name");
        multiline_field("Objectives", draft_.objectives, 3.0f);
        multiline_field("Norms and guidelines (how to communicate, where to meet, confidentiality)", draft_.norms, 4.0f);

        ImGui::TextUnformatted("Dates");
        date_field("Start date", start_text_, draft_.start_date);
        if (const auto date = parse_iso_date(start_text_)) draft_.start_date = *date;
        ImGui::SameLine();
        date_field("End date", end_text_, draft_.end_date);
        if (const auto date = parse_iso_date(end_text_)) draft_.end_date = *date;
        show_problems(found, "/start_date");
        show_problems(found, "/end_date");

        ImGui::TextUnformatted("Cadence");
        const char* kinds[] = {"Every N weeks", "Monthly, on the n-th weekday", "Every N days"};
        int kind = static_cast<int>(draft_.cadence.kind);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        if (combo("##Cadence", &kind, kinds, 3)) draft_.cadence.kind = static_cast<CadenceKind>(kind);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (draft_.cadence.kind == CadenceKind::MonthlyNthWeekday)
            ImGui::InputInt("n-th (-1 = last)", &draft_.cadence.nth);
        else
            ImGui::InputInt(draft_.cadence.kind == CadenceKind::Weekly ? "weeks" : "days", &draft_.cadence.interval);
        show_problems(found, "/cadence");

        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        ImGui::InputInt("Session length (minutes)", &draft_.session_minutes, 15);
        show_problems(found, "/session_minutes");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        ImGui::InputInt("Target number of sessions", &draft_.target_sessions);
        show_problems(found, "/target_sessions");

        ImGui::TextUnformatted("Blackout dates (company holidays; no sessions on these days)");
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##Blackout dates", "2027-12-24, 2027-12-25", &blackout_text_);
        show_problems(found, "/blackout_dates");
    }

    // A valid draft is saved once the field being edited lets go; an invalid one is kept, and
    // the status bar says that this wave has changes not saved yet.
    void save_when_settled(app::App& app, const std::vector<Problem>& found) {
        const bool changed = draft_ != original_;
        if (changed && found.empty() && !app.read_only() && edits_settled()) {
            app.apply(app::update_program(original_, draft_));
            original_ = draft_;
            seen_revision_ = app.revision();
        }
        // A date half typed leaves the draft as it was: its problem is what is not saved.
        const bool unsaved = draft_ != original_ || !found.empty();
        app.set_unsaved_form(unsaved ? "Program \"" + original_.name + "\": " + plural(found.size(), "problem", "problems") +
                                           " to fix; this change is not saved yet"
                                     : std::string());
    }

    void draw_actions(const std::vector<Problem>& found) {
        ImGui::Spacing();
        if (found.empty()) {
            ImGui::TextDisabled("Changes are saved as you go; Edit › Undo (Ctrl+Z) takes one back.");
            return;
        }
        ImGui::TextColored(theme::error(), "%s to fix; until then this change is not saved",
                           plural(found.size(), "problem", "problems").c_str());
        ImGui::SameLine();
        if (ImGui::Button("Revert")) load(original_);
    }

    std::size_t selected_ = static_cast<std::size_t>(-1);
    std::uint64_t seen_revision_ = ~0ull;
    Program original_;
    Program draft_;
    std::string start_text_, end_text_, blackout_text_;
};

}  // namespace

std::unique_ptr<Screen> make_program_screen() { return std::make_unique<ProgramScreen>(); }

}  // namespace flipside::ui
