// The Calendar screen: the program's sessions in a month, week or list view, coloured by pair
// (cancelled and no-show dimmed), filtered by person, pair or department or found by name, pair
// or session id, shown in UTC or in a person's own time zone. The month grid fits the window (a
// day with more sessions than fit shows "+N more", which opens its week); the week is drawn on
// an hour axis, each session as long as it lasts (src/ui/week_time_grid.h). Clicking a
// session opens it: mark it held or a no-show, cancel it, pin it, or move it with a conflict
// check that names who is busy. "Generate schedule" plans every active pair that has no session
// yet and says what could not be placed; "Export calendar" downloads an .ics for one person,
// one pair or everyone. What is shown (app/calendar_view.h), what Generate schedule does
// (app/schedule_commands.h) and the export (App::export_calendar) live in app/; the open
// session's panel is ui/calendar_session_panel.h.
//
// Index
// [SECTION] Helpers (status marks, toolbar labels, times)
// [SECTION] CalendarScreen: toolbar, views
#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/app.h"
#include "app/calendar_view.h"
#include "app/profile_gap_cause.h"
#include "app/schedule_commands.h"
#include "core/local_time.h"
#include "ui/calendar_session_panel.h"
#include "ui/gap_cause_line.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/week_time_grid.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// Short marks keep a session chip narrow enough for a day cell; the legend and the chip's
// tooltip spell them out.
const char* status_mark(SessionStatus status) {
    switch (status) {
        case SessionStatus::Planned: return "";
        case SessionStatus::Held: return " \u2713";       // ✓
        case SessionStatus::Cancelled: return " \u2715";  // ✕
        case SessionStatus::NoShow: return " \u26A0";     // ⚠
        case SessionStatus::Moved: return " \u21BB";      // ↻
    }
    return "";
}
constexpr const char* kStatusLegend = "\u2713 held   \u2715 cancelled   \u26A0 no-show   \u21BB moved";

// "Person [everyone v]": the label reads before its box, as in a form. `width` is the box's;
// after the first field of a toolbar, the pair goes on the same line when it fits.
void label_before(const char* label, float width, bool first = false) {
    const ImGuiStyle& style = ImGui::GetStyle();
    if (!first) same_line_if_room(ImGui::CalcTextSize(label).x + style.ItemInnerSpacing.x + width);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    ImGui::SetNextItemWidth(width);
}

const char* const kWeekdayShort[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

using app::starting_within;

// "YYYY-MM-DD HH:MM" in the display zone (or a person's).
std::string local_text(ZoneRules& zone, UtcSeconds instant) { return app::format_local_minute(zone, instant); }

//-----------------------------------------------------------------------------
// [SECTION] CalendarScreen
//-----------------------------------------------------------------------------

class CalendarScreen final : public Screen {
public:
    const char* title() const override { return "Calendar"; }

    void draw(app::App& app) override {
        const Document& d = app.document();
        const Program* program = d.current_program();
        if (!program) {
            hint("No program yet: create one on the Program tab, pair people, then generate the schedule here.");
            return;
        }
        if (!anchor_set_) {  // today's month while the program runs, else its first month
            const Date today = civil_from_days(floor_days(app.platform().clock.now_utc()));
            anchor_ = program->start_date <= today && today <= program->end_date ? today : program->start_date;
            anchor_set_ = true;
        }
        const std::string zone_name = display_zone(d);
        if (!zone_ || zone_->zone() != zone_name) {
            // The "Move to" text is in the display zone: keep the instant it names, not its digits.
            const std::optional<UtcSeconds> typed = zone_ ? panel_.move_target(*zone_) : std::nullopt;
            zone_.emplace(app.platform().time_zones, zone_name);
            if (typed) panel_.set_move_target(*zone_, *typed);
        }
        draw_toolbar(app, d, *program, visible_sessions(app, *program).size());
        // Why sessions cannot be placed, once, before any pair's own reason.
        if (cause_revision_ != app.revision() || cause_program_ != program->id) {
            cause_ = app::scheduling_gap_cause(app.document(), program->id);
            cause_revision_ = app.revision();
            cause_program_ = program->id;
        }
        if (cause_) gap_cause_line(app, "calendar", *cause_);
        ImGui::Separator();
        // Again after the toolbar: a filter it changed applies in this very frame.
        const std::vector<const Session*>& shown = visible_sessions(app, *program);

        const float panel_width = panel_.is_open() ? 340.0f : 0.0f;
        // The grids size their rows to this child, so it never needs a scrollbar for them.
        ImGui::BeginChild("CalendarView", ImVec2(-panel_width - (panel_width > 0 ? 8.0f : 0.0f), 0));
        if (view_ == 0) draw_month(d, shown);
        else if (view_ == 1) draw_week(d, shown);
        else draw_list(d, shown);
        ImGui::EndChild();
        if (panel_.is_open()) {
            ImGui::SameLine();
            ImGui::BeginChild("SelectedSession", ImVec2(0, 0), true);
            panel_.draw(app, visible_, *zone_, filter_.person_id);
            ImGui::EndChild();
        }
    }

private:
    // Times are shown in the filtered person's zone, else in UTC.
    std::string display_zone(const Document& d) const {
        if (!filter_.person_id.empty())
            if (const Participant* p = find_participant(d, filter_.person_id)) return p->time_zone;
        return "UTC";
    }

    // Worked out again only when the document or a filter changes (a cohort has 100,000+ sessions).
    const std::vector<const Session*>& visible_sessions(const app::App& app, const Program& program) {
        filter_.program_id = program.id;
        return visible_.sessions(app.document(), app.revision(), filter_);
    }

    void draw_toolbar(app::App& app, const Document& d, const Program& program, std::size_t shown_count) {
        label_before("View", 100, true);
        const char* views[] = {"Month", "Week", "List"};
        combo("##view", &view_, views, 3);
        ImGui::SameLine();
        if (view_ == 2) {
            // The list holds every session that matches the filters: no month to step through.
            ImGui::TextDisabled("%zu session%s", shown_count, shown_count == 1 ? "" : "s");
        } else {
            if (ImGui::ArrowButton("##previous", ImGuiDir_Left))
                anchor_ = view_ == 1 ? add_days(anchor_, -7) : add_months(anchor_, -1);
            ImGui::SameLine();
            if (ImGui::ArrowButton("##next", ImGuiDir_Right))
                anchor_ = view_ == 1 ? add_days(anchor_, 7) : add_months(anchor_, 1);
            ImGui::SameLine();
            char heading[64];
            static const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                            "August", "September", "October", "November", "December"};
            if (view_ == 1) {  // the week shown, not just its month: "12 – 18 October 2026"
                const Date monday = add_days(anchor_, -weekday_of(anchor_)), sunday = add_days(monday, 6);
                if (monday.month == sunday.month)
                    std::snprintf(heading, sizeof heading, "%d \u2013 %d %s %d", monday.day, sunday.day,
                                  kMonths[sunday.month - 1], sunday.year);
                else
                    std::snprintf(heading, sizeof heading, "%d %.3s \u2013 %d %.3s %d", monday.day,
                                  kMonths[monday.month - 1], sunday.day, kMonths[sunday.month - 1], sunday.year);
            } else {
                std::snprintf(heading, sizeof heading, "%s %d", kMonths[anchor_.month - 1], anchor_.year);
            }
            // A fixed width, so the filters after it do not shift while stepping through months.
            const float heading_width = std::max(ImGui::CalcTextSize("28 \u2013 30 September 2026").x,
                                                 ImGui::CalcTextSize("28 Sep \u2013 30 Sep 2026").x) + 8.0f;
            const ImVec2 at = ImGui::GetCursorPos();
            readable_text("shown period", ImGui::GetStyleColorVec4(ImGuiCol_Text), heading);
            ImGui::SameLine();
            ImGui::SetCursorPosX(at.x + heading_width);
            ImGui::Dummy(ImVec2(0, 0));
        }

        // Filters: person, pair, department, and free text.
        label_before("Person", 180);
        const std::string person = filter_.person_id.empty() ? "everyone" : participant_label(d, filter_.person_id);
        if (begin_combo("##Person", person.c_str())) {
            // By name, narrowed as the person types; Enter takes the first shown.
            const bool entered = combo_search_field("##Find person", "type a name", person_search_);
            const std::vector<const Participant*> choices = app::person_filter_choices(d, person_search_);
            if (entered && !choices.empty()) {
                filter_.person_id = choices.front()->id;
                ImGui::CloseCurrentPopup();
            }
            if (person_search_.empty() && ImGui::Selectable("everyone", filter_.person_id.empty())) filter_.person_id.clear();
            if (choices.empty()) hint("No one by that name.");
            ImGuiListClipper clipper;  // a cohort has thousands of people
            clipper.Begin(static_cast<int>(choices.size()));
            while (clipper.Step())
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    const Participant& p = *choices[static_cast<std::size_t>(i)];
                    ImGui::PushID(p.id.c_str());  // two people may share a name
                    if (ImGui::Selectable(p.name.empty() ? p.id.c_str() : p.name.c_str(), p.id == filter_.person_id))
                        filter_.person_id = p.id;
                    ImGui::PopID();
                }
            ImGui::EndCombo();
        }
        label_before("Pair", 120);
        if (begin_combo("##Pair", filter_.pair_id.empty() ? "all" : filter_.pair_id.c_str())) {
            if (ImGui::Selectable("all", filter_.pair_id.empty())) filter_.pair_id.clear();
            for (const Pair& p : d.pairs)
                if (p.program_id == program.id && ImGui::Selectable(p.id.c_str(), p.id == filter_.pair_id))
                    filter_.pair_id = p.id;
            ImGui::EndCombo();
        }
        label_before("Department", 140);
        if (begin_combo("##Department", filter_.department.empty() ? "all" : filter_.department.c_str())) {
            if (ImGui::Selectable("all", filter_.department.empty())) filter_.department.clear();
            std::vector<std::string> departments;
            for (const Participant& p : d.participants)
                if (!p.department.empty() && std::find(departments.begin(), departments.end(), p.department) == departments.end())
                    departments.push_back(p.department);
            std::sort(departments.begin(), departments.end());
            for (const std::string& department : departments)
                if (ImGui::Selectable(department.c_str(), department == filter_.department)) filter_.department = department;
            ImGui::EndCombo();
        }
        label_before("Find", 170);
        ImGui::InputTextWithHint("##Find", "name, pair or session", &filter_.find);
        if (!filter_.find.empty()) {
            ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
            if (ImGui::SmallButton("Clear##find")) filter_.find.clear();
        }

        // Actions.
        if (ImGui::Button("Generate schedule")) generate(app, program);
        ImGui::SameLine();
        help_marker("Plans every active pair of this program that has no session yet. Existing sessions never move.");
        ImGui::SameLine();
        const char* scope = !filter_.person_id.empty() ? "Export calendar (this person)"
                            : !filter_.pair_id.empty() ? "Export calendar (this pair)"
                                                       : "Export calendar (everyone)";
        if (ImGui::Button(scope)) export_calendar(app);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("times in %s", display_zone(d).c_str());
        if (view_ != 2) {  // what the marks on the session chips mean
            const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
            if (ImGui::GetItemRectMax().x + 24.0f + ImGui::CalcTextSize(kStatusLegend).x <= right_edge)
                ImGui::SameLine(0, 24.0f);
            ImGui::TextDisabled("%s", kStatusLegend);
        }
    }

    static Date add_months(const Date& date, int months) {
        int month = date.month - 1 + months;
        const int year = date.year + (month >= 0 ? month / 12 : -((11 - month) / 12));
        month = ((month % 12) + 12) % 12 + 1;
        return Date{year, month, 1};
    }

    void generate(app::App& app, const Program& program) {
        app::GeneratedSchedule generated = app::generate_schedule(app.document(), program.id, app.platform().time_zones);
        if (!generated.edit.empty()) app.apply(std::move(generated.edit));
        app.post(std::move(generated.message));
        // The month or week shown moves to the first new session, not an empty one before it.
        if (generated.first_new_start) anchor_ = zone_->to_local(*generated.first_new_start).date;
    }

    void export_calendar(app::App& app) const {
        using Who = app::CalendarSelection::Who;
        if (!filter_.person_id.empty()) app.export_calendar({Who::Person, filter_.person_id});
        else if (!filter_.pair_id.empty()) app.export_calendar({Who::Pair, filter_.pair_id});
        else app.export_calendar({Who::Everyone, {}});
    }

    // A pair by id, from the view's table (built once per revision with the sessions on screen).
    const Pair* shown_pair(const std::string& id) const { return visible_.pair(id); }

    // Who meets, in the few characters a chip has: the partner's name when the view shows one
    // person's sessions, otherwise both first names ("Rhys & Chloé"); the pair id if it is gone.
    std::string chip_people(const Document& d, const std::string& pair_id) const {
        const Pair* pair = shown_pair(pair_id);
        if (!pair) return pair_id;
        if (pair->mentor_id == filter_.person_id) return participant_label(d, pair->mentee_id);
        if (pair->mentee_id == filter_.person_id) return participant_label(d, pair->mentor_id);
        const auto first_name = [&](const std::string& id) {
            const std::string name = participant_label(d, id);
            return name.substr(0, name.find(' '));
        };
        return first_name(pair->mentor_id) + " & " + first_name(pair->mentee_id);
    }

    // "14:00 Rhys & Chloé ✓##<session id>": a session as chips and lists name it.
    std::string chip_label(const Document& d, const Session& s) {
        return local_text(*zone_, s.start).substr(11) + " " + chip_people(d, s.pair_id) + status_mark(s.status) + "##" + s.id;
    }

    // One session as a coloured chip as wide as its day cell (the text is clipped to the chip);
    // hovering shows it in full, clicking opens it.
    // In the week grid the chip is a box of `size` with its text at the top.
    void session_chip(const Document& d, const Session& s, ImVec2 size = ImVec2(-FLT_MIN, 0.0f)) {
        const ImVec4 colour = pair_colour(s.pair_id, s.status);
        ImGui::PushStyleColor(ImGuiCol_Button, colour);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(colour.x * 1.15f, colour.y * 1.15f, colour.z * 1.15f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.05f, 0.05f, 0.08f, 1.0f));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x * 0.5f, 0.0f));
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, size.y > 0.0f ? 0.0f : 0.5f));
        if (ImGui::Button(chip_label(d, s).c_str(), size)) select(s);
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor(3);
        if (ImGui::BeginItemTooltip()) {
            ImGui::Text("%s, %d minutes: %s", local_text(*zone_, s.start).substr(11).c_str(), s.minutes,
                        session_status_name(s.status));
            if (const Pair* pair = shown_pair(s.pair_id))
                ImGui::Text("%s: %s & %s", s.pair_id.c_str(), participant_label(d, pair->mentor_id).c_str(),
                            participant_label(d, pair->mentee_id).c_str());
            ImGui::EndTooltip();
        }
    }

    // `weeks` rows of seven days from `first`. The rows share the height of the view; a day
    // with more sessions than fit shows the first ones and "+N more", which opens its week.
    void draw_days(const Document& d, const std::vector<const Session*>& shown, Date first, int weeks) {
        // Only the sessions of the days on screen (a day more each side for the zone's offset).
        std::map<std::int64_t, std::vector<const Session*>> by_day;
        for (const Session* s : starting_within(shown, days_from_civil(first) - 1, days_from_civil(first) + 7 * weeks + 1))
            by_day[floor_days(s->start + zone_->offset_at(s->start))].push_back(s);

        const ImGuiStyle& style = ImGui::GetStyle();
        const float line = ImGui::GetTextLineHeight();
        const float chip_step = ImGui::GetFontSize() + style.ItemSpacing.y;  // chips have no vertical padding
        const float padding = style.CellPadding.y * 2.0f;
        const float header = ImGui::GetFontSize() + padding;
        // A row holds at least its day number and one chip (or "N sessions"); 2 px for the borders.
        const float smallest_row = padding + line + chip_step;
        const float available = ImGui::GetContentRegionAvail().y - header - 2.0f;
        const float row_height = std::max(smallest_row, std::floor(available / static_cast<float>(weeks)));
        const auto fitting = static_cast<std::size_t>(std::max(1.0f, std::floor((row_height - padding - line) / chip_step)));

        // One pixel short of the full width, so the right border is not clipped away.
        if (!ImGui::BeginTable("Days", 7, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame, ImVec2(-1.0f, 0.0f)))
            return;
        for (const char* day : kWeekdayShort) ImGui::TableSetupColumn(day);
        ImGui::TableHeadersRow();
        for (int week = 0; week < weeks; ++week) {
            ImGui::TableNextRow(0, row_height);
            for (int weekday = 0; weekday < 7; ++weekday) {
                ImGui::TableNextColumn();
                const Date date = add_days(first, week * 7 + weekday);
                const bool other_month = weeks > 1 && date.month != anchor_.month;
                if (other_month) ImGui::TextDisabled("%d", date.day);
                else ImGui::Text("%d", date.day);
                const auto found = by_day.find(days_from_civil(date));
                if (found == by_day.end()) continue;
                const std::vector<const Session*>& day = found->second;
                const std::size_t chips = day.size() <= fitting ? day.size() : fitting - 1;
                for (std::size_t i = 0; i < chips; ++i) session_chip(d, *day[i]);
                if (chips < day.size()) {
                    const std::string more = (chips == 0 ? std::to_string(day.size()) + " sessions##"
                                                         : "+" + std::to_string(day.size() - chips) + " more##") +
                                             format_iso_date(date);
                    if (ImGui::SmallButton(more.c_str())) {
                        view_ = 1;
                        anchor_ = date;
                    }
                    ImGui::SetItemTooltip("Show the week of %s", format_iso_date(date).c_str());
                }
            }
        }
        ImGui::EndTable();
    }

    void draw_month(const Document& d, const std::vector<const Session*>& shown) {
        const Date first_of_month{anchor_.year, anchor_.month, 1};
        draw_days(d, shown, add_days(first_of_month, -weekday_of(first_of_month)), 6);
    }

    // The week on an hour axis, each session as long as it lasts, in the display zone.
    void draw_week(const Document& d, const std::vector<const Session*>& shown) {
        const Date monday = add_days(anchor_, -weekday_of(anchor_));
        const std::int64_t first_day = days_from_civil(monday);
        std::array<std::string, 7> labels;
        for (int i = 0; i < 7; ++i)
            labels[static_cast<std::size_t>(i)] = std::string(kWeekdayShort[i]) + " " + std::to_string(add_days(monday, i).day);
        std::vector<WeekGridEntry> entries;
        std::vector<const Session*> sessions;
        for (const Session* s : starting_within(shown, first_day - 1, first_day + 8)) {
            const LocalDateTime local = zone_->to_local(s->start);
            const std::int64_t day = days_from_civil(local.date) - first_day;
            if (day < 0 || day > 6) continue;
            const int start = local.second_of_day / 60;
            entries.push_back({static_cast<int>(day), start, start + s->minutes, sessions.size()});
            sessions.push_back(s);
        }
        WeekGridDrawing drawing;
        drawing.entry = [&](std::size_t i, ImVec2 size) { session_chip(d, *sessions[i], size); };
        drawing.overflow = [&](const std::vector<std::size_t>& hidden, ImVec2 size) {
            hidden_sessions_button(d, sessions, hidden, size);
        };
        draw_week_time_grid("WeekHours", labels, std::move(entries), drawing, static_cast<int>(first_day));
    }

    // "+N" for the sessions of a crowded hour that have no room in the week grid: a click lists
    // them, and choosing one opens it.
    void hidden_sessions_button(const Document& d, const std::vector<const Session*>& sessions,
                                const std::vector<std::size_t>& hidden, ImVec2 size) {
        if (ImGui::Button(("+" + std::to_string(hidden.size()) + "##hidden").c_str(), size))
            ImGui::OpenPopup("Hidden sessions");
        ImGui::SetItemTooltip("%zu more sessions at these hours: click to list them", hidden.size());
        if (!ImGui::BeginPopup("Hidden sessions")) return;
        const float row = ImGui::GetTextLineHeightWithSpacing();
        ImGui::BeginChild("List", ImVec2(ImGui::GetFontSize() * 24.0f,
                                         row * static_cast<float>(std::min<std::size_t>(hidden.size(), 14))));
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(hidden.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Session& s = *sessions[hidden[static_cast<std::size_t>(i)]];
                if (ImGui::Selectable(chip_label(d, s).c_str(), s.id == panel_.session_id())) {
                    select(s);
                    ImGui::CloseCurrentPopup();
                }
            }
        }
        ImGui::EndChild();
        ImGui::EndPopup();
    }

    void draw_list(const Document& d, const std::vector<const Session*>& shown) {
        if (shown.empty()) {
            hint("No sessions match. Generate the schedule, or change the filters.");
            return;
        }
        if (!ImGui::BeginTable("SessionList", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersOuter))
            return;
        ImGui::TableSetupScrollFreeze(0, 1);
        // Fixed columns for what has a known width; the names take the rest.
        const float pad = ImGui::GetStyle().CellPadding.x * 2.0f;
        ImGui::TableSetupColumn("Start", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("2026-10-12 06:30").x + pad);
        ImGui::TableSetupColumn("Minutes", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Minutes").x + pad);
        ImGui::TableSetupColumn("Pair", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("pair-00000").x + pad);
        ImGui::TableSetupColumn("People", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("cancelled").x + pad);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(shown.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Session& s = *shown[static_cast<std::size_t>(i)];
                const Pair* pair = shown_pair(s.pair_id);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (ImGui::Selectable((local_text(*zone_, s.start) + "##" + s.id).c_str(), s.id == panel_.session_id(),
                                      ImGuiSelectableFlags_SpanAllColumns))
                    select(s);
                ImGui::TableNextColumn();
                ImGui::Text("%d", s.minutes);
                ImGui::TableNextColumn();
                ImGui::TextColored(pair_colour(s.pair_id, s.status), "%s", s.pair_id.c_str());
                ImGui::TableNextColumn();
                if (pair)
                    ImGui::TextUnformatted((participant_label(d, pair->mentor_id) + " & " +
                                            participant_label(d, pair->mentee_id)).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(session_status_name(s.status));
            }
        }
        ImGui::EndTable();
    }

    void select(const Session& s) {
        // Picked from the list: the month and week views open on its day.
        if (view_ == 2) anchor_ = zone_->to_local(s.start).date;
        panel_.open(s, *zone_);
    }

    app::CalendarFilter filter_;  // person, pair, department and Find, as the toolbar sets them
    std::string person_search_;   // typed in the Person drop-down
    app::CalendarView visible_;   // the sessions that pass filter_, and the document's pairs by id
    int view_ = 0;  // 0 month, 1 week, 2 list
    Date anchor_;
    bool anchor_set_ = false;
    CalendarSessionPanel panel_;  // the open session, if any
    std::optional<ZoneRules> zone_;
    std::optional<app::GapCause> cause_;  // worked out once per revision
    std::uint64_t cause_revision_ = ~std::uint64_t{0};
    std::string cause_program_;
};

}  // namespace

std::unique_ptr<Screen> make_calendar_screen() { return std::make_unique<CalendarScreen>(); }

}  // namespace flipside::ui
