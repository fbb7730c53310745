// The Calendar screen: the program's sessions in a month, week or list view, coloured by pair
// (cancelled and no-show dimmed), filtered by person, pair or department or found by name, pair
// or session id, shown in UTC or in a person's own time zone. The month grid fits the window (a
// day with more sessions than fit shows "+N more", which opens its week); the week is drawn on
// an hour axis, each session as long as it lasts (src/ui/week_time_grid.h). Clicking a
// session opens it: mark it held or a no-show, cancel it, pin it, or move it with a conflict
// check that names who is busy. "Generate schedule" plans every active pair that has no session
// yet and says what could not be placed; "Export calendar" downloads an .ics for one person,
// one pair or everyone.
//
// Index
// [SECTION] Helpers (colours, time zones, filters)
// [SECTION] CalendarScreen: toolbar, views, the selected session
#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/app.h"
#include "app/edit.h"
#include "core/local_time.h"
#include "core/scheduling/scheduler.h"
#include "core/text.h"
#include "io/ical_writer.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/week_time_grid.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// A stable colour per pair (hue from the id), dimmed for sessions that will not take place.
ImVec4 pair_colour(const std::string& pair_id, SessionStatus status) {
    unsigned hash = 2166136261u;
    for (const char c : pair_id) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    float r = 0, g = 0, b = 0;
    const bool dim = status == SessionStatus::Cancelled || status == SessionStatus::NoShow;
    ImGui::ColorConvertHSVtoRGB(static_cast<float>(hash % 360) / 360.0f, dim ? 0.15f : 0.55f, dim ? 0.45f : 0.75f, r, g, b);
    return ImVec4(r, g, b, 1.0f);
}

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

// The sessions of `shown` (in start order) that start on days [first_day, end_day) in UTC.
std::vector<const Session*> starting_within(const std::vector<const Session*>& shown, std::int64_t first_day,
                                            std::int64_t end_day) {
    const auto by_start = [](const Session* s, UtcSeconds t) { return s->start < t; };
    const auto begin = std::lower_bound(shown.begin(), shown.end(), first_day * 86400, by_start);
    const auto end = std::lower_bound(begin, shown.end(), end_day * 86400, by_start);
    return {begin, end};
}

// "Nearest free time" looks this many days either side of the session.
constexpr int kNearestFreeDays = 7;

const Pair* find_pair(const Document& d, const std::string& id) {
    for (const Pair& p : d.pairs)
        if (p.id == id) return &p;
    return nullptr;
}

// "YYYY-MM-DD HH:MM" <-> instants in one zone (the display zone or a person's).
std::string local_text(ZoneRules& zone, UtcSeconds instant) {
    const LocalDateTime at = zone.to_local(instant);
    return format_iso_date(at.date) + " " + format_clock_minutes(at.second_of_day / 60);
}

std::optional<UtcSeconds> parse_local(ZoneRules& zone, const std::string& text) {
    if (text.size() != 16 || text[10] != ' ') return std::nullopt;
    const auto date = parse_iso_date(text.substr(0, 10));
    const auto minute = parse_clock_minutes(text.substr(11), false);
    if (!date || !minute) return std::nullopt;
    return zone.to_utc(*date, *minute).instant;
}

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
            const std::optional<UtcSeconds> typed = zone_ ? parse_local(*zone_, move_text_) : std::nullopt;
            zone_.emplace(app.platform().time_zones, zone_name);
            if (typed) move_text_ = local_text(*zone_, *typed);
        }
        draw_toolbar(app, d, *program, visible_sessions(app, *program).size());
        ImGui::Separator();
        // Again after the toolbar: a filter it changed applies in this very frame.
        const std::vector<const Session*>& shown = visible_sessions(app, *program);

        const float panel_width = selected_.empty() ? 0.0f : 340.0f;
        // The grids size their rows to this child, so it never needs a scrollbar for them.
        ImGui::BeginChild("CalendarView", ImVec2(-panel_width - (panel_width > 0 ? 8.0f : 0.0f), 0));
        if (view_ == 0) draw_month(d, shown);
        else if (view_ == 1) draw_week(d, shown);
        else draw_list(d, shown);
        ImGui::EndChild();
        if (!selected_.empty()) {
            ImGui::SameLine();
            ImGui::BeginChild("SelectedSession", ImVec2(0, 0), true);
            draw_selected(app, d);
            ImGui::EndChild();
        }
    }

private:
    // Times are shown in the filtered person's zone, else in UTC.
    std::string display_zone(const Document& d) const {
        if (!person_filter_.empty())
            if (const Participant* p = find_participant(d, person_filter_)) return p->time_zone;
        return "UTC";
    }

    // Recomputed only when the document or a filter changes (a cohort has 100,000+ sessions).
    const std::vector<const Session*>& visible_sessions(const app::App& app, const Program& program) {
        const std::string key =
            program.id + '\n' + person_filter_ + '\n' + pair_filter_ + '\n' + department_filter_ + '\n' + search_;
        if (app.revision() == shown_revision_ && key == shown_key_) return shown_;
        shown_revision_ = app.revision();
        shown_key_ = key;
        const Document& d = app.document();
        std::unordered_map<std::string, const Pair*>& pairs = pairs_by_id_;
        pairs.clear();
        for (const Pair& p : d.pairs) pairs.emplace(p.id, &p);
        std::vector<const Session*>& shown = shown_;
        shown.clear();
        const std::string& needle = search_;
        // "Find" looks in the session and pair ids and in both people's names and ids; a pair
        // is looked at once, not once per session.
        std::unordered_map<const Pair*, bool> pair_found;
        const auto contains = [&](const std::string& text) { return contains_ignoring_ascii_case(text, needle); };
        const auto found_by_search = [&](const Session& s, const Pair& pair) {
            if (needle.empty() || contains(s.id)) return true;
            const auto [known, inserted] = pair_found.emplace(&pair, false);
            if (inserted) {
                known->second = contains(pair.id);
                for (const std::string* id : {&pair.mentor_id, &pair.mentee_id}) {
                    const Participant* p = find_participant(d, *id);
                    known->second = known->second || contains(*id) || (p && contains(p->name));
                }
            }
            return known->second;
        };
        for (const Session& s : d.sessions) {
            const auto found_pair = pairs.find(s.pair_id);
            const Pair* pair = found_pair == pairs.end() ? nullptr : found_pair->second;
            if (!pair || pair->program_id != program.id) continue;
            if (!pair_filter_.empty() && pair->id != pair_filter_) continue;
            if (!person_filter_.empty() && pair->mentor_id != person_filter_ && pair->mentee_id != person_filter_) continue;
            if (!department_filter_.empty()) {
                const Participant* mentor = find_participant(d, pair->mentor_id);
                const Participant* mentee = find_participant(d, pair->mentee_id);
                if (!(mentor && mentor->department == department_filter_) && !(mentee && mentee->department == department_filter_))
                    continue;
            }
            if (!found_by_search(s, *pair)) continue;
            shown.push_back(&s);
        }
        std::stable_sort(shown.begin(), shown.end(), [](const Session* a, const Session* b) { return a->start < b->start; });
        return shown;
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
            ImGui::TextUnformatted(heading);
            ImGui::SameLine();
            ImGui::SetCursorPosX(at.x + heading_width);
            ImGui::Dummy(ImVec2(0, 0));
        }

        // Filters: person, pair, department, and free text.
        label_before("Person", 180);
        if (begin_combo("##Person", person_filter_.empty() ? "everyone" : participant_label(d, person_filter_).c_str())) {
            if (ImGui::Selectable("everyone", person_filter_.empty())) person_filter_.clear();
            for (const Participant& p : d.participants)
                if (ImGui::Selectable(participant_label(d, p.id).c_str(), p.id == person_filter_)) person_filter_ = p.id;
            ImGui::EndCombo();
        }
        label_before("Pair", 120);
        if (begin_combo("##Pair", pair_filter_.empty() ? "all" : pair_filter_.c_str())) {
            if (ImGui::Selectable("all", pair_filter_.empty())) pair_filter_.clear();
            for (const Pair& p : d.pairs)
                if (p.program_id == program.id && ImGui::Selectable(p.id.c_str(), p.id == pair_filter_)) pair_filter_ = p.id;
            ImGui::EndCombo();
        }
        label_before("Department", 140);
        if (begin_combo("##Department", department_filter_.empty() ? "all" : department_filter_.c_str())) {
            if (ImGui::Selectable("all", department_filter_.empty())) department_filter_.clear();
            std::vector<std::string> departments;
            for (const Participant& p : d.participants)
                if (!p.department.empty() && std::find(departments.begin(), departments.end(), p.department) == departments.end())
                    departments.push_back(p.department);
            std::sort(departments.begin(), departments.end());
            for (const std::string& department : departments)
                if (ImGui::Selectable(department.c_str(), department == department_filter_)) department_filter_ = department;
            ImGui::EndCombo();
        }
        label_before("Find", 170);
        ImGui::InputTextWithHint("##Find", "name, pair or session", &search_);
        if (!search_.empty()) {
            ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
            if (ImGui::SmallButton("Clear##find")) search_.clear();
        }

        // Actions.
        if (ImGui::Button("Generate schedule")) generate(app, program);
        ImGui::SameLine();
        help_marker("Plans every active pair of this program that has no session yet. Existing sessions never move.");
        ImGui::SameLine();
        const char* scope = !person_filter_.empty() ? "Export calendar (this person)"
                            : !pair_filter_.empty() ? "Export calendar (this pair)"
                                                    : "Export calendar (everyone)";
        if (ImGui::Button(scope)) export_calendar(app, program);
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
        Document next = app.document();
        const std::size_t before = next.sessions.size();
        const scheduling::ScheduleReport report = scheduling::schedule_unscheduled_pairs(next, program.id, app.platform().time_zones);
        app::Edit edit;
        edit.label = "Generate schedule";
        for (std::size_t i = before; i < next.sessions.size(); ++i)
            edit.sessions.push_back(app::RecordChange<Session>{std::nullopt, next.sessions[i], app::kAppend});
        if (!edit.empty()) app.apply(edit);
        std::vector<std::string> details;
        for (const scheduling::UnscheduledPair& u : report.unscheduled) details.push_back(u.pair_id + ": " + u.reason);
        const std::string summary = std::to_string(report.added_session_ids.size()) + " sessions planned; " +
                                    std::to_string(report.pairs_fully_scheduled) + " of " +
                                    std::to_string(report.pairs_considered) + " pairs fully scheduled";
        if (report.pairs_considered == 0)
            app.post(app::MessageKind::Info, "Every active pair already has sessions: nothing to generate.");
        else
            app.post(details.empty() ? app::MessageKind::Info : app::MessageKind::Error, summary, details);
    }

    void export_calendar(app::App& app, const Program& program) {
        io::IcsOptions options;
        options.program_id = program.id;
        options.now = app.platform().clock.now_utc();
        options.reminder_minutes = 15;
        std::string file = "flipside-calendar.ics";
        if (!person_filter_.empty()) {
            options.scope = io::IcsOptions::Scope::Participant;
            options.id = person_filter_;
            file = "flipside-" + person_filter_ + ".ics";
        } else if (!pair_filter_.empty()) {
            options.scope = io::IcsOptions::Scope::Pair;
            options.id = pair_filter_;
            file = "flipside-" + pair_filter_ + ".ics";
        }
        app.platform().files.download(file, "text/calendar", io::write_ics(app.document(), options));
    }

    // A pair of the sessions on screen, by id (from the table built with them).
    const Pair* shown_pair(const std::string& id) const {
        const auto found = pairs_by_id_.find(id);
        return found == pairs_by_id_.end() ? nullptr : found->second;
    }

    // Who meets, in the few characters a chip has: the partner's name when the view shows one
    // person's sessions, otherwise both first names ("Rhys & Chloé"); the pair id if it is gone.
    std::string chip_people(const Document& d, const std::string& pair_id) const {
        const Pair* pair = shown_pair(pair_id);
        if (!pair) return pair_id;
        if (pair->mentor_id == person_filter_) return participant_label(d, pair->mentee_id);
        if (pair->mentee_id == person_filter_) return participant_label(d, pair->mentor_id);
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
                if (ImGui::Selectable(chip_label(d, s).c_str(), s.id == selected_)) {
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
                if (ImGui::Selectable((local_text(*zone_, s.start) + "##" + s.id).c_str(), s.id == selected_,
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
        selected_ = s.id;
        // Picked from the list: the month and week views open on its day.
        if (view_ == 2) anchor_ = zone_->to_local(s.start).date;
        move_text_ = local_text(*zone_, s.start);
        conflicts_.clear();
        checked_ = false;
    }

    // Applies `change` to a copy of the session (via the scheduler's session edits) and records it as one edit.
    template <typename Change>
    void change_session(app::App& app, const Session& before, const char* label, Change change) {
        Document scratch;
        scratch.sessions.push_back(before);
        if (change(scratch) != scheduling::SessionEditResult::Done) return;
        app.apply(app::update_session(before, scratch.sessions.front(), label));
    }

    void draw_selected(app::App& app, const Document& d) {
        const Session* found = nullptr;
        for (const Session& s : d.sessions)
            if (s.id == selected_) found = &s;
        if (!found) {
            selected_.clear();
            return;
        }
        const Session session = *found;  // the document changes below
        const Pair* pair = find_pair(d, session.pair_id);
        ImGui::Text("Session %s", session.id.c_str());
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - 20);
        if (ImGui::SmallButton("x")) {
            selected_.clear();
            return;
        }
        ImGui::TextColored(pair_colour(session.pair_id, session.status), "pair %s", session.pair_id.c_str());
        ImGui::Text("%s, %d minutes%s", session_status_name(session.status), session.minutes,
                    session.pinned ? ", pinned" : "");
        if (pair) {
            for (const std::string* id : {&pair->mentor_id, &pair->mentee_id}) {
                const Participant* p = find_participant(d, *id);
                if (!p) continue;
                ZoneRules zone(app.platform().time_zones, p->time_zone);
                ImGui::Bullet();
                ImGui::TextUnformatted(participant_label(d, p->id).c_str());
                // Their own calendar: only their sessions, in their time zone, ready to export.
                if (person_filter_ != p->id) {
                    ImGui::SameLine();
                    if (ImGui::SmallButton(("Only theirs##" + p->id).c_str())) person_filter_ = p->id;
                    ImGui::SetItemTooltip("Show only %s's sessions, in their time zone; Export calendar then gives theirs.",
                                          participant_label(d, p->id).c_str());
                }
                ImGui::Indent();
                ImGui::TextDisabled("%s %s, %s", local_text(zone, session.start).c_str(), p->time_zone.c_str(),
                                    p->id == pair->mentor_id ? "mentor" : "mentee");
                ImGui::Unindent();
            }
        }
        if (!session.history.empty()) {
            ImGui::TextDisabled("moved or changed %zu time(s); was:", session.history.size());
            for (const SessionChange& change : session.history)
                ImGui::BulletText("%s (%s)", local_text(*zone_, change.previous_start).c_str(),
                                  session_status_name(change.previous_status));
        }
        ImGui::Separator();

        if (ImGui::Button("Mark held"))
            change_session(app, session, "Mark session held",
                           [&](Document& s) { return scheduling::set_session_status(s, session.id, SessionStatus::Held); });
        ImGui::SameLine();
        if (ImGui::Button("No-show"))
            change_session(app, session, "Mark session no-show",
                           [&](Document& s) { return scheduling::set_session_status(s, session.id, SessionStatus::NoShow); });
        ImGui::SameLine();
        if (session.status == SessionStatus::Cancelled ? ImGui::Button("Restore") : ImGui::Button("Cancel session"))
            change_session(app, session, session.status == SessionStatus::Cancelled ? "Restore session" : "Cancel session",
                           [&](Document& s) {
                               return scheduling::set_session_status(s, session.id, session.status == SessionStatus::Cancelled
                                                                            ? SessionStatus::Planned
                                                                            : SessionStatus::Cancelled);
                           });
        bool pinned = session.pinned;
        if (ImGui::Checkbox("Pinned (the scheduler never moves it)", &pinned))
            change_session(app, session, pinned ? "Pin session" : "Unpin session",
                           [&](Document& s) { return scheduling::set_session_pinned(s, session.id, pinned); });

        ImGui::Separator();
        ImGui::Text("Move to (%s):", zone_->zone().c_str());
        ImGui::SetNextItemWidth(-1);
        if (text_field("##move", move_text_)) checked_ = false;
        const auto target = parse_local(*zone_, move_text_);
        if (!target) ImGui::TextColored(theme::error(), "Type a time as YYYY-MM-DD HH:MM");
        if (ImGui::Button("Nearest free time")) {
            if (const auto free = scheduling::nearest_free_start(d, session.id, app.platform().time_zones, kNearestFreeDays)) {
                move_text_ = local_text(*zone_, *free);
                checked_ = false;
            } else {
                conflicts_ = {"Both people have no free time in common within a week either side."};
                checked_ = true;
            }
        }
        ImGui::SameLine();
        if (target && ImGui::Button("Check")) {
            conflicts_ = scheduling::slot_conflicts(d, session.id, *target, app.platform().time_zones);
            checked_ = true;
        }
        if (checked_) {
            if (conflicts_.empty()) readable_text("free", theme::success(), "Everyone is free then.");
            for (std::size_t i = 0; i < conflicts_.size(); ++i)
                readable_text(("conflict" + std::to_string(i)).c_str(), theme::error(), conflicts_[i]);
        }
        if (target && checked_ && *target != session.start) {
            if (ImGui::Button(conflicts_.empty() ? "Move" : "Move anyway"))
                change_session(app, session, "Move session",
                               [&](Document& s) { return scheduling::move_session(s, session.id, *target, true); });
        }
    }

    std::vector<const Session*> shown_;  // valid for shown_revision_ and shown_key_
    std::unordered_map<std::string, const Pair*> pairs_by_id_;  // valid for shown_revision_
    std::uint64_t shown_revision_ = 0;
    std::string shown_key_ = "\x01";  // matches no real key: the first frame computes
    int view_ = 0;  // 0 month, 1 week, 2 list
    Date anchor_;
    bool anchor_set_ = false;
    std::string person_filter_, pair_filter_, department_filter_, search_;
    std::string selected_;
    std::string move_text_;
    std::vector<std::string> conflicts_;
    bool checked_ = false;
    std::optional<ZoneRules> zone_;
};

}  // namespace

std::unique_ptr<Screen> make_calendar_screen() { return std::make_unique<CalendarScreen>(); }

}  // namespace flipside::ui
