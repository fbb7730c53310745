// The People screen: the roster as a sortable, searchable table (clipped, so 10,000 rows stay
// smooth) beside the edit panel of the selected person.
#include <algorithm>
#include <cfloat>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/app.h"
#include "app/edit.h"
#include "app/office_hours.h"
#include "core/availability_text.h"
#include "core/profile_gaps.h"
#include "core/text.h"
#include "io/roster_mapping.h"
#include "ui/participant_editor.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

enum Column { kName, kRole, kDepartment, kLevel, kTimeZone, kActive, kColumnCount };

// Search by name, e-mail, department, job title or skill, ignoring ASCII case.
bool matches(const Participant& p, const std::string& needle) {
    const auto has = [&](const std::string& text) { return contains_ignoring_ascii_case(text, needle); };
    if (needle.empty() || has(p.name) || has(p.email) || has(p.department) || has(p.job_title)) return true;
    return std::any_of(p.skills.begin(), p.skills.end(), [&](const Skill& s) { return has(s.name); });
}

class PeopleScreen final : public Screen {
public:
    const char* title() const override { return "People"; }

    void draw(app::App& app) override {
        take_gap_request(app);
        const Document& d = app.document();
        // The open person may have been deleted or changed by undo: follow the document.
        if (editor_.is_open() && app.revision() != seen_revision_) {
            const Participant* current = find_participant(d, editor_.id());
            if (current && !adding_) editor_.open(*current);
            if (!current && !adding_) editor_.close();
        }

        const float editor_width = editor_.is_open() ? std::max(ImGui::GetContentRegionAvail().x * 0.42f, 360.0f) : 0.0f;
        ImGui::BeginChild("Roster", ImVec2(-editor_width, 0));
        draw_toolbar(app);
        refresh_rows(app, d);
        draw_table(d);
        ImGui::EndChild();
        if (editor_.is_open()) {
            ImGui::SameLine();
            ImGui::BeginChild("Editor", ImVec2(0, 0), ImGuiChildFlags_Border);
            editor_.draw(app);
            if (adding_ && find_participant(app.document(), editor_.id())) adding_ = false;  // saved
            ImGui::EndChild();
        }
        seen_revision_ = app.revision();
        // Dialogs that act on the selection (Participants › Invite…) read it from the app.
        if (selection_ != published_selection_) {
            published_selection_ = selection_;
            app.set_people_selection(std::vector<std::string>(selection_.begin(), selection_.end()));
        }
    }

private:
    // Matching or Calendar asked for the people who lack a field: show only them.
    void take_gap_request(app::App& app) {
        const std::optional<ProfileGap> gap = app.take_people_gap_request();
        if (!gap) return;
        gap_filter_ = 1 + static_cast<int>(*gap);
        search_.clear();
        role_filter_ = status_filter_ = matched_filter_ = 0;
        department_.clear();
        dirty_ = true;
    }

    void draw_toolbar(app::App& app) {
        if (ImGui::Button("Add person")) {
            Participant draft;
            draft.id = app.next_participant_id();
            draft.time_zone = app.document().participants.empty() ? "UTC" : app.document().participants.front().time_zone;
            draft.languages = {"English"};
            adding_ = true;
            editor_.open_new(std::move(draft));
        }
        const float em = ImGui::GetFontSize();
        same_line_if_room(em * 16);
        ImGui::SetNextItemWidth(em * 16);
        if (ImGui::InputTextWithHint("##Search", "Search name, e-mail, department, skill", &search_)) dirty_ = true;
        const char* roles[] = {"Everyone", "Mentors", "Mentees"};
        same_line_if_room(em * 7);
        ImGui::SetNextItemWidth(em * 7);
        if (combo("##Role filter", &role_filter_, roles, 3)) dirty_ = true;
        same_line_if_room(em * 9);
        draw_department_filter(app.document());
        const char* statuses[] = {"Active or not", "Active", "Inactive"};
        same_line_if_room(em * 7);
        ImGui::SetNextItemWidth(em * 7);
        if (combo("##Status filter", &status_filter_, statuses, 3)) dirty_ = true;
        const char* matched[] = {"Matched or not", "Matched this wave", "Waiting"};
        same_line_if_room(em * 8.5f);
        ImGui::SetNextItemWidth(em * 8.5f);
        if (combo("##Matched filter", &matched_filter_, matched, 3)) dirty_ = true;
        const char* gaps[] = {"Any profile", "No availability", "No languages", "No skills (mentors)",
                              "No learning goals (mentees)"};
        same_line_if_room(em * 10);
        ImGui::SetNextItemWidth(em * 10);
        if (combo("##Missing filter", &gap_filter_, gaps, 5)) dirty_ = true;
        same_line_if_room(em * 9);
        ImGui::BeginDisabled(rows_.empty() || app.read_only());
        if (ImGui::Button("Apply office hours…")) open_office_hours_ = true;
        ImGui::EndDisabled();
        ImGui::SetItemTooltip("Give the selected people (or everyone listed) the same weekly hours, in each one's own time zone.");
        same_line_if_room(em * 5);
        ImGui::TextDisabled("%zu of %zu", rows_.size(), app.document().participants.size());
        draw_office_hours(app);
        if (selection_.size() > 1) draw_bulk_actions(app);
    }

    void draw_department_filter(const Document& d) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
        if (!begin_combo("##Department filter", department_.empty() ? "All departments" : department_.c_str()))
            return;
        if (ImGui::Selectable("All departments", department_.empty())) {
            department_.clear();
            dirty_ = true;
        }
        std::vector<std::string> departments;
        for (const Participant& p : d.participants)
            if (!p.department.empty()) departments.push_back(p.department);
        std::sort(departments.begin(), departments.end());
        departments.erase(std::unique(departments.begin(), departments.end()), departments.end());
        for (const std::string& department : departments)
            if (ImGui::Selectable(department.c_str(), department == department_)) {
                department_ = department;
                dirty_ = true;
            }
        ImGui::EndCombo();
    }

    // Actions on every selected person, each one undoable step.
    void draw_bulk_actions(app::App& app) {
        const Document& d = app.document();
        auto change_selected = [&](const std::string& label, auto change) {
            std::vector<Participant> updated;
            for (const Participant& p : d.participants)
                if (selection_.count(p.id)) {
                    Participant after = p;
                    change(after);
                    updated.push_back(std::move(after));
                }
            app.apply(app::update_participants(d, updated, label));
        };
        ImGui::TextColored(theme::accent(), "%zu selected:", selection_.size());
        ImGui::SameLine();
        if (ImGui::SmallButton("Activate")) change_selected("activate " + std::to_string(selection_.size()) + " people", [](Participant& p) { p.active = true; });
        ImGui::SameLine();
        if (ImGui::SmallButton("Deactivate")) change_selected("deactivate " + std::to_string(selection_.size()) + " people", [](Participant& p) { p.active = false; });
        ImGui::SameLine();
        if (ImGui::SmallButton("Make mentors")) change_selected("make mentors", [](Participant& p) { p.role = Role::Mentor; });
        ImGui::SameLine();
        if (ImGui::SmallButton("Make mentees")) change_selected("make mentees", [](Participant& p) { p.role = Role::Mentee; });
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        ImGui::InputInt("##Bulk capacity", &bulk_capacity_);
        bulk_capacity_ = std::clamp(bulk_capacity_, 0, kMaxCapacity);
        ImGui::SameLine();
        if (ImGui::SmallButton("Set capacity")) {
            const int capacity = bulk_capacity_;
            change_selected("set capacity to " + std::to_string(capacity), [capacity](Participant& p) { p.capacity = capacity; });
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete selected…")) ImGui::OpenPopup("Delete selected people?");
        if (ImGui::BeginPopupModal("Delete selected people?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            std::size_t pairs = 0;
            for (const Pair& pair : d.pairs) pairs += selection_.count(pair.mentor_id) || selection_.count(pair.mentee_id);
            ImGui::Text("Delete %zu people and their %zu pairs (with those pairs' sessions and feedback)?", selection_.size(), pairs);
            ImGui::TextDisabled("Edit > Undo brings them back.");
            if (ImGui::Button("Delete")) {
                app.apply(app::remove_participants(d, std::vector<std::string>(selection_.begin(), selection_.end())));
                selection_.clear();
                editor_.close();
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
    }

    // A weekly template, typed the way the CSV import reads availability, given to the selected
    // people (or everyone listed when none is selected) as one undoable step.
    void draw_office_hours(app::App& app) {
        if (open_office_hours_) {
            ImGui::OpenPopup("Apply office hours");
            open_office_hours_ = false;
            office_hours_text_ = app::kDefaultOfficeHours;
        }
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, 0), ImGuiCond_Appearing);
        if (!ImGui::BeginPopupModal("Apply office hours", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
        const Document& d = app.document();
        // From the listed rows themselves: looking each id up again would cost a scan of the
        // roster per person, every frame the dialog is open.
        std::vector<std::string> ids;
        std::size_t with_hours = 0;
        for (const std::size_t i : rows_) {
            const Participant& p = d.participants[i];
            if (!selection_.empty() && !selection_.count(p.id)) continue;
            ids.push_back(p.id);
            if (!p.availability.empty()) ++with_hours;
        }
        const std::string who = std::to_string(ids.size()) + (ids.size() == 1 ? " person" : " people") +
                                (selection_.empty() ? " listed" : " selected");
        ImGui::TextWrapped("Weekly hours for the %s, in each one's own time zone (09:00 is nine in the morning "
                           "where each of them works).", who.c_str());
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputText("##Office hours", &office_hours_text_);
        const Result<std::vector<WeeklyWindow>> windows = app::read_office_hours(office_hours_text_);
        if (windows) {
            int minutes = 0;
            for (const WeeklyWindow& w : *windows) minutes += w.end_minute - w.start_minute;
            readable_text("office-hours-reading", theme::muted(),
                          "Reads as " + format_weekly_availability(*windows) + " (" + std::to_string(minutes / 60) +
                              (minutes % 60 ? " h " + std::to_string(minutes % 60) + " min" : " hours") + " a week).");
        } else {
            readable_text("office-hours-problem", theme::error(), windows.message());
        }
        hint("For example: Mon-Fri 09:00-12:00, 13:00-17:00; Tue/Thu 9-12; weekdays 8am-4pm.");
        if (with_hours > 0)
            readable_text("office-hours-replaces", theme::error(),
                          std::to_string(with_hours) + " of them already " + (with_hours == 1 ? "has" : "have") +
                              " hours, which this replaces. Edit > Undo brings them back.");
        ImGui::BeginDisabled(!windows || ids.empty());
        const std::string apply = "Apply to " + who + "###Apply office hours";
        if (ImGui::Button(apply.c_str()) && windows) {
            app.apply(app::office_hours_edit(d, ids, *windows));
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        // An edited template is a choice: closing asks before it is lost.
        bool close = false;
        if (ImGui::Button("Cancel") || office_hours_escape_.pressed()) {
            if (office_hours_text_ != app::kDefaultOfficeHours) ImGui::OpenPopup("Discard the edited hours?");
            else close = true;
        }
        if (discard_question("Discard the edited hours?", "Close without applying the hours you typed?", discard_escape_))
            close = true;
        if (close) ImGui::CloseCurrentPopup();
        office_hours_escape_.remember();
        ImGui::EndPopup();
    }

    void refresh_rows(const app::App& app, const Document& d) {
        if (!dirty_ && app.revision() == rows_revision_ && rows_count_ == d.participants.size()) return;
        const std::string& needle = search_;
        std::unordered_set<std::string> matched;
        if (const Program* current = d.current_program())
            for (const Pair& pair : d.pairs)
                if (pair.program_id == current->id) {
                    matched.insert(pair.mentor_id);
                    matched.insert(pair.mentee_id);
                }
        rows_.clear();
        const bool language_rule = common_language_required(d);
        for (std::size_t i = 0; i < d.participants.size(); ++i) {
            const Participant& p = d.participants[i];
            if (role_filter_ == 1 && p.role != Role::Mentor) continue;
            if (role_filter_ == 2 && p.role != Role::Mentee) continue;
            if (status_filter_ == 1 && !p.active) continue;
            if (status_filter_ == 2 && p.active) continue;
            if (matched_filter_ == 1 && !matched.count(p.id)) continue;
            if (matched_filter_ == 2 && matched.count(p.id)) continue;
            if (!department_.empty() && p.department != department_) continue;
            if (gap_filter_ > 0 && !has_gap(p, static_cast<ProfileGap>(gap_filter_ - 1), language_rule)) continue;
            if (matches(p, needle)) rows_.push_back(i);
        }
        // People deleted (or filtered out by undo) leave the selection.
        for (auto it = selection_.begin(); it != selection_.end();)
            it = find_participant(d, *it) ? std::next(it) : selection_.erase(it);
        sort_rows(d);
        dirty_ = false;
        rows_revision_ = app.revision();
        rows_count_ = d.participants.size();
    }

    void sort_rows(const Document& d) {
        const auto key = [&](std::size_t i) -> const Participant& { return d.participants[i]; };
        std::stable_sort(rows_.begin(), rows_.end(), [&](std::size_t a, std::size_t b) {
            const Participant& x = key(a);
            const Participant& y = key(b);
            int order = 0;
            switch (sort_column_) {
                case kName: order = x.name.compare(y.name); break;
                case kRole: order = static_cast<int>(x.role) - static_cast<int>(y.role); break;
                case kDepartment: order = x.department.compare(y.department); break;
                case kLevel: order = x.level - y.level; break;
                case kTimeZone: order = x.time_zone.compare(y.time_zone); break;
                case kActive: order = static_cast<int>(x.active) - static_cast<int>(y.active); break;
                default: break;
            }
            return sort_descending_ ? order > 0 : order < 0;
        });
    }

    void draw_table(const Document& d) {
        if (d.participants.empty())
            readable_text("empty roster", theme::muted(),
                          "No one yet. Import your roster with File \u203A Import people from CSV\u2026: it reads the columns " +
                              io::understood_columns_text() +
                              ". Or add people one by one, or import a Flipside JSON file (File menu).");
        const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                      ImGuiTableFlags_BordersV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                      ImGuiTableFlags_SizingStretchProp;
        if (!ImGui::BeginTable("PeopleTable", kColumnCount, flags)) return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_DefaultSort, 3.0f, kName);
        ImGui::TableSetupColumn("Role", 0, 1.2f, kRole);
        ImGui::TableSetupColumn("Department", 0, 2.0f, kDepartment);
        ImGui::TableSetupColumn("Level", 0, 0.8f, kLevel);
        ImGui::TableSetupColumn("Time zone", 0, 2.0f, kTimeZone);
        ImGui::TableSetupColumn("Active", 0, 0.9f, kActive);
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
            if (specs->SpecsDirty && specs->SpecsCount > 0) {
                sort_column_ = static_cast<int>(specs->Specs[0].ColumnUserID);
                sort_descending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
                sort_rows(d);
                specs->SpecsDirty = false;
            }
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows_.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const Participant& p = d.participants[rows_[static_cast<std::size_t>(row)]];
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(kName);
                const bool selected = selection_.count(p.id) != 0;
                ImGui::PushID(p.id.c_str());
                if (ImGui::Selectable(p.name.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                    click_row(d, row, p);
                ImGui::PopID();
                ImGui::TableSetColumnIndex(kRole);
                ImGui::TextUnformatted(role_name(p.role));
                ImGui::TableSetColumnIndex(kDepartment);
                ImGui::TextUnformatted(p.department.c_str());
                ImGui::TableSetColumnIndex(kLevel);
                ImGui::Text("%d", p.level);
                ImGui::TableSetColumnIndex(kTimeZone);
                ImGui::TextUnformatted(p.time_zone.c_str());
                ImGui::TableSetColumnIndex(kActive);
                ImGui::TextUnformatted(p.active ? "yes" : "no");
            }
        }
        ImGui::EndTable();
    }

    // Click: select one and edit; Ctrl+click: add or remove; Shift+click: a range.
    void click_row(const Document& d, int row, const Participant& p) {
        const ImGuiIO& io = ImGui::GetIO();
        if (io.KeyShift && anchor_row_ >= 0) {
            const int from = std::min(anchor_row_, row), to = std::max(anchor_row_, row);
            for (int r = from; r <= to && r < static_cast<int>(rows_.size()); ++r)
                selection_.insert(d.participants[rows_[static_cast<std::size_t>(r)]].id);
        } else if (io.KeyCtrl) {
            if (!selection_.erase(p.id)) selection_.insert(p.id);
            anchor_row_ = row;
        } else {
            selection_ = {p.id};
            anchor_row_ = row;
            adding_ = false;
            editor_.open(p);
        }
        if (selection_.size() > 1) editor_.close();
    }

    ParticipantEditor editor_;
    std::unordered_set<std::string> selection_;
    std::unordered_set<std::string> published_selection_;
    int anchor_row_ = -1;
    int status_filter_ = 0;
    int matched_filter_ = 0;
    int bulk_capacity_ = 1;
    int gap_filter_ = 0;  // 0: any; else 1 + the ProfileGap people must lack
    bool open_office_hours_ = false;
    std::string office_hours_text_;
    DialogEscape office_hours_escape_;
    DialogEscape discard_escape_;
    std::string department_;
    bool adding_ = false;
    std::string search_;
    int role_filter_ = 0;
    int sort_column_ = kName;
    bool sort_descending_ = false;
    bool dirty_ = true;
    std::vector<std::size_t> rows_;
    std::uint64_t rows_revision_ = ~0ull;
    std::size_t rows_count_ = 0;
    std::uint64_t seen_revision_ = ~0ull;
};

}  // namespace

std::unique_ptr<Screen> make_people_screen() { return std::make_unique<PeopleScreen>(); }

}  // namespace flipside::ui
