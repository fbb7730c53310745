// The Dashboard screen: one wave's figures at a glance, charts drawn with ImGui's draw lists
// (sessions per week, ratings), pairs at risk, the leader board and coverage by department.
//
// Index
// [SECTION] Figures
// [SECTION] Charts
// [SECTION] Tables
#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "app/app.h"
#include "core/program_statistics.h"
#include "io/roster_export.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

std::string percent(const std::optional<double>& share) {
    if (!share) return "–";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.0f %%", *share * 100.0);
    return buffer;
}

std::string rating_text(const RatingSummary& r) {
    if (!r.average) return "no ratings yet";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f of 5 (%d)", *r.average, r.count);
    return buffer;
}

//-----------------------------------------------------------------------------
// [SECTION] Figures
//-----------------------------------------------------------------------------

// A tile: a large number with a caption and a tooltip that says exactly what it counts.
void tile(const char* caption, const std::string& value, const char* definition) {
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextUnformatted(value.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopStyleColor();
    ImGui::TextDisabled("%s", caption);
    ImGui::EndGroup();
    name_last_item(caption, value + " " + caption);  // "not started sessions held", for the widget hooks
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", definition);
}

void draw_tiles(const ProgramStatistics& s) {
    const float width = ImGui::GetFontSize() * 9.5f;
    int column = 0;
    auto next = [&] {
        if (++column % 6 != 0) ImGui::SameLine(width * static_cast<float>(column % 6));
    };
    tile("pairs", std::to_string(s.pairs), "Pairs of this wave, in any state.");
    next();
    tile("people matched", std::to_string(s.matched), "Active people in at least one pair of this wave.");
    next();
    tile("waiting", std::to_string(s.waiting), "Active people in no pair of this wave.");
    next();
    // Before the first session comes due there is nothing to hold the pairs to yet.
    const char* const kNotStarted = "No session of this wave has started yet: the figure begins with the first one.";
    tile("sessions held", s.under_way ? std::to_string(s.sessions_held) + " / " + std::to_string(s.sessions_due) : "not started",
         s.under_way ? "Held, against sessions scheduled before now." : kNotStarted);
    next();
    tile("pairs on cadence", s.under_way ? percent(s.share_on_cadence) : "not started",
         s.under_way ? "Active pairs whose last held session is within the cadence period plus a week's grace."
                     : kNotStarted);
    next();
    tile("pairs at risk", std::to_string(s.pairs_at_risk),
         "Active pairs with no held session for 4 weeks, or an average rating below 3.");
    ImGui::Spacing();
    column = 0;
    tile("average rating", s.ratings.average ? rating_text(s.ratings) : "–", "Every rating of this wave's pairs.");
    next();
    tile("rate it 4 or 5", percent(s.ratings.share_high), "Share of ratings that are 4 or 5.");
    next();
    tile("planned ahead", std::to_string(s.sessions_upcoming), "Planned or moved sessions from now on.");
    next();
    tile("overdue records", std::to_string(s.sessions_overdue),
         "Sessions in the past still marked planned: nobody recorded what happened.");
    next();
    tile("target sessions", std::to_string(s.sessions_target), "Pairs × the program's target number of sessions.");
}

//-----------------------------------------------------------------------------
// [SECTION] Charts
//-----------------------------------------------------------------------------

void legend(ImU32 colour, const char* text) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float size = ImGui::GetTextLineHeight() * 0.7f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + size * 0.2f), ImVec2(at.x + size, at.y + size * 1.2f), colour);
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
    ImGui::SameLine();
}

// Stacked bars per week: held, planned, no-show, cancelled.
void draw_sessions_per_week(const ProgramStatistics& s) {
    const ImU32 held = IM_COL32(46, 125, 50, 255), planned = IM_COL32(66, 133, 244, 255);
    const ImU32 no_show = IM_COL32(239, 108, 0, 255), cancelled = IM_COL32(158, 158, 158, 255);
    ImGui::TextUnformatted("Sessions per week");
    legend(held, "held");
    legend(planned, "planned");
    legend(no_show, "no-show");
    legend(cancelled, "cancelled");
    ImGui::NewLine();
    if (s.weeks.empty()) {
        hint("No weeks in this wave's dates.");
        return;
    }
    int top = 1;
    for (const WeekFigures& w : s.weeks) top = std::max(top, w.held + w.planned + w.no_show + w.cancelled);
    const ImVec2 size(ImGui::GetContentRegionAvail().x * 0.58f, ImGui::GetFontSize() * 9);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("WeeksChart", size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg));
    const float bar = size.x / static_cast<float>(s.weeks.size());
    const float scale = (size.y - 4) / static_cast<float>(top);
    int hovered = -1;
    for (std::size_t i = 0; i < s.weeks.size(); ++i) {
        const WeekFigures& w = s.weeks[i];
        const float x0 = origin.x + bar * static_cast<float>(i) + 1, x1 = x0 + std::max(1.0f, bar - 2);
        float y = origin.y + size.y;
        for (const auto& [count, colour] : {std::pair{w.held, held}, {w.planned, planned}, {w.no_show, no_show}, {w.cancelled, cancelled}}) {
            if (count == 0) continue;
            draw->AddRectFilled(ImVec2(x0, y - scale * static_cast<float>(count)), ImVec2(x1, y), colour);
            y -= scale * static_cast<float>(count);
        }
        if (ImGui::IsItemHovered() && ImGui::GetMousePos().x >= x0 - 1 && ImGui::GetMousePos().x < x1 + 1) hovered = static_cast<int>(i);
    }
    // "Now" as a vertical line, when it falls inside the chart.
    const std::int64_t now_day = s.today;
    const std::int64_t first_day = days_from_civil(s.weeks.front().week_start);
    const float now_x = origin.x + bar * static_cast<float>(now_day - first_day) / 7.0f;
    if (now_x > origin.x && now_x < origin.x + size.x)
        draw->AddLine(ImVec2(now_x, origin.y), ImVec2(now_x, origin.y + size.y), ImGui::GetColorU32(theme::error()), 2.0f);
    if (hovered >= 0) {
        const WeekFigures& w = s.weeks[static_cast<std::size_t>(hovered)];
        ImGui::SetTooltip("Week of %s\nheld %d · planned %d · no-show %d · cancelled %d",
                          format_iso_date(w.week_start).c_str(), w.held, w.planned, w.no_show, w.cancelled);
    }
    ImGui::TextDisabled("%s … %s (peak %d a week)", format_iso_date(s.weeks.front().week_start).c_str(),
                        format_iso_date(s.weeks.back().week_start).c_str(), top);
}

void draw_ratings(const ProgramStatistics& s) {
    ImGui::TextUnformatted("Ratings");
    const RatingSummary& r = s.ratings;
    const int top = std::max(1, *std::max_element(r.distribution.begin(), r.distribution.end()));
    const float width = ImGui::GetContentRegionAvail().x;
    for (int star = 5; star >= 1; --star) {
        const int count = r.distribution[static_cast<std::size_t>(star - 1)];
        ImGui::Text("%d", star);
        ImGui::SameLine();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float full = width - ImGui::GetFontSize() * 4;
        const float length = full * static_cast<float>(count) / static_cast<float>(top);
        const float height = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + full, at.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg));
        if (count > 0)
            ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + length, at.y + height),
                                                      star >= 4 ? IM_COL32(46, 125, 50, 255) : IM_COL32(239, 108, 0, 255));
        ImGui::Dummy(ImVec2(full, height));
        ImGui::SameLine();
        ImGui::Text("%d", count);
    }
    ImGui::TextDisabled("sessions %s · close-out %s", rating_text(s.session_ratings).c_str(),
                        rating_text(s.close_out_ratings).c_str());
}

//-----------------------------------------------------------------------------
// [SECTION] Tables
//-----------------------------------------------------------------------------

void draw_leader_board(const ProgramStatistics& s) {
    ImGui::SeparatorText("Leader board");
    if (s.leader_board.empty()) {
        hint("No pairs in this wave yet.");
        return;
    }
    if (!ImGui::BeginTable("LeaderBoard", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter)) return;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2);
    ImGui::TableSetupColumn("Mentee");
    ImGui::TableSetupColumn("Mentor");
    ImGui::TableSetupColumn("Held", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3);
    ImGui::TableSetupColumn("Rating", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
    ImGui::TableHeadersRow();
    for (const LeaderBoardEntry& e : s.leader_board) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d", e.rank);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.pair.mentee_name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.pair.mentor_name.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", e.pair.sessions_held);
        ImGui::TableNextColumn();
        if (e.pair.ratings.average)
            ImGui::Text("%.1f", *e.pair.ratings.average);
        else
            ImGui::TextDisabled("–");
    }
    ImGui::EndTable();
}

void draw_at_risk(const ProgramStatistics& s) {
    ImGui::SeparatorText("Pairs at risk");
    if (s.at_risk.empty()) {
        hint("None: every active pair has met recently and rates it 3 or more.");
        return;
    }
    for (const PairFigures& p : s.at_risk) {
        std::string reasons;
        for (const std::string& reason : p.risk_reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
        ImGui::BulletText("%s with %s", p.mentee_name.c_str(), p.mentor_name.c_str());
        ImGui::SameLine();
        ImGui::TextColored(theme::error(), "%s", reasons.c_str());
    }
}

void draw_departments(const ProgramStatistics& s) {
    ImGui::SeparatorText("Coverage by department");
    // The figures' columns fit their headings and numbers; the names take the rest of the width
    // and wrap there ("Research & Development" is never cut off).
    if (!ImGui::BeginTable("Departments", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit))
        return;
    ImGui::TableSetupColumn("Department", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Active");
    ImGui::TableSetupColumn("Mentors / mentees");
    ImGui::TableSetupColumn("Matched");
    ImGui::TableSetupColumn("Waiting");
    ImGui::TableHeadersRow();
    for (const DepartmentCoverage& d : s.departments) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        readable_text(("department " + d.department).c_str(), ImGui::GetStyleColorVec4(ImGuiCol_Text),
                      d.department.empty() ? "(none)" : d.department);
        ImGui::TableNextColumn();
        ImGui::Text("%d", d.active_people);
        ImGui::TableNextColumn();
        ImGui::Text("%d / %d", d.mentors, d.mentees);
        ImGui::TableNextColumn();
        ImGui::Text("%d (%s)", d.matched, percent(d.share_matched).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", d.waiting);
    }
    ImGui::EndTable();
}

class DashboardScreen final : public Screen {
public:
    const char* title() const override { return "Dashboard"; }

    void draw(app::App& app) override {
        const Document& d = app.document();
        if (d.programs.empty()) {
            hint("No program yet: create one on the Program tab.");
            return;
        }
        if (program_id_.empty() || std::none_of(d.programs.begin(), d.programs.end(),
                                                [&](const Program& p) { return p.id == program_id_; }))
            program_id_ = d.programs.back().id;
        // Figures are derived once per change (or once a minute, for "now"), not every frame.
        const UtcSeconds now = app.platform().clock.now_utc();
        if (app.revision() != computed_revision_ || program_id_ != computed_program_ || now - computed_at_ >= 60) {
            StatisticsOptions options;
            options.now = now;
            options.program_id = program_id_;
            statistics_ = compute_program_statistics(d, options);
            computed_revision_ = app.revision();
            computed_program_ = program_id_;
            computed_at_ = now;
        }
        draw_wave_picker(d);
        ImGui::SameLine();
        if (ImGui::Button("Export figures as CSV"))
            app.export_text("figures", "csv", "text/csv", io::write_program_statistics_csv(statistics_));
        ImGui::Separator();
        draw_tiles(statistics_);
        ImGui::Spacing();
        ImGui::BeginGroup();
        draw_sessions_per_week(statistics_);
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        draw_ratings(statistics_);
        ImGui::EndGroup();
        if (ImGui::BeginTable("Lists", 2, ImGuiTableFlags_SizingStretchSame)) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            draw_leader_board(statistics_);
            ImGui::TableNextColumn();
            draw_at_risk(statistics_);
            draw_departments(statistics_);
            ImGui::EndTable();
        }
    }

private:
    void draw_wave_picker(const Document& d) {
        const Program* selected = nullptr;
        for (const Program& p : d.programs)
            if (p.id == program_id_) selected = &p;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
        if (begin_combo("Wave", selected ? selected->name.c_str() : "")) {
            for (const Program& p : d.programs)
                if (ImGui::Selectable(p.name.c_str(), p.id == program_id_)) program_id_ = p.id;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s – %s", format_iso_date(statistics_.program_start).c_str(),
                            format_iso_date(statistics_.program_end).c_str());
    }

    std::string program_id_;
    std::string computed_program_;
    std::uint64_t computed_revision_ = ~0ull;
    UtcSeconds computed_at_ = 0;
    ProgramStatistics statistics_;
};

}  // namespace

std::unique_ptr<Screen> make_dashboard_screen() { return std::make_unique<DashboardScreen>(); }

}  // namespace flipside::ui
