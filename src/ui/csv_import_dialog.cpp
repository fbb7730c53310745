#include "ui/csv_import_dialog.h"

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/app.h"
#include "app/roster_import_edit.h"
#include "io/roster_import.h"
#include "io/roster_mapping.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

struct CsvImportDialog::State {
    const app::PendingCsvImport* file = nullptr;  // the file the mapping below belongs to
    std::vector<io::RosterField> mapping;
    std::vector<io::RosterField> guessed;  // the mapping as first guessed: a change is a choice to keep
    int date_order = 0;   // 0 as detected, 1 day/month, 2 month/day
    int default_role = 0; // 0 mentor, 1 mentee
    bool report_stale = true;
    std::uint64_t report_revision = 0;
    io::RosterImportReport report;
    std::string refused;  // why the mapping cannot be used at all (then `report` is empty)
    std::vector<std::string> report_lines;
    DialogEscape escape;
    DialogEscape confirm_escape;
};

CsvImportDialog::CsvImportDialog() : state_(std::make_unique<State>()) {}
CsvImportDialog::~CsvImportDialog() = default;

namespace {

constexpr const char* kTitle = "Import people from CSV";
constexpr const char* kConfirmTitle = "Discard the column choices?";
constexpr int kPreviewRows = 5;

void plan(app::App& app, CsvImportDialog::State& s) {
    io::RosterImportOptions options;
    if (s.date_order == 1) options.date_order = io::DateOrder::DayMonthYear;
    if (s.date_order == 2) options.date_order = io::DateOrder::MonthDayYear;
    options.default_role = s.default_role == 0 ? Role::Mentor : Role::Mentee;
    Result<io::RosterImportReport> planned =
        io::plan_roster_import(app.document(), s.file->table, s.mapping, options, app.platform().time_zones);
    s.refused = planned ? std::string() : planned.message();
    s.report = planned ? std::move(*planned) : io::RosterImportReport{};
    s.report_lines = io::format_import_report(s.report, 200);
    s.report_stale = false;
    s.report_revision = app.revision();
}

void draw_mapping(CsvImportDialog::State& s) {
    const io::CsvTable& table = s.file->table;
    const int columns = static_cast<int>(table.header.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    const float height = ImGui::GetTextLineHeightWithSpacing() * (kPreviewRows + 3.5f);
    if (!ImGui::BeginTable("Mapping", std::max(1, std::min(columns, 64)), flags, ImVec2(0, height))) return;
    for (int c = 0; c < columns && c < 64; ++c) ImGui::TableSetupColumn(table.header[static_cast<std::size_t>(c)].c_str());
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    for (int c = 0; c < columns && c < 64; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::PushID(c);
        io::RosterField& field = s.mapping[static_cast<std::size_t>(c)];
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
        if (begin_combo("##field", io::roster_field_label(field))) {
            for (const io::RosterField option : io::all_roster_fields())
                if (ImGui::Selectable(io::roster_field_label(option), option == field)) {
                    field = option;
                    s.report_stale = true;
                }
            ImGui::EndCombo();
        }
        ImGui::PopID();
    }
    for (std::size_t r = 0; r < table.rows.size() && r < kPreviewRows; ++r) {
        ImGui::TableNextRow();
        for (int c = 0; c < columns && c < 64; ++c) {
            ImGui::TableSetColumnIndex(c);
            const auto& cells = table.rows[r].cells;
            if (static_cast<std::size_t>(c) < cells.size()) {
                const std::string& cell = cells[static_cast<std::size_t>(c)];
                ImGui::TextUnformatted(cell.size() > 60 ? (cell.substr(0, 57) + "...").c_str() : cell.c_str());
            }
        }
    }
    ImGui::EndTable();
}

void draw_report(const CsvImportDialog::State& s) {
    const io::RosterImportReport& report = s.report;
    if (!s.refused.empty()) {
        ImGui::TextColored(theme::error(), "%s", s.refused.c_str());
        return;
    }
    ImGui::Text("%zu to add, %zu to update, %zu already up to date, %zu refused", report.to_add, report.to_update,
                report.unchanged, report.refused);
    ImGui::BeginChild("Report", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 9), ImGuiChildFlags_Border);
    // Warnings first in the error colour (what matching will lack, ambiguous dates); each line is
    // an item the widget hooks list, so tests read the report as a coordinator does.
    for (std::size_t i = 0; i < s.report_lines.size(); ++i) {
        const std::string& line = s.report_lines[i];
        const bool warning = line.rfind("warning: ", 0) == 0 || line.rfind("refused: ", 0) == 0;
        readable_text(("report-" + std::to_string(i)).c_str(), warning ? theme::error() : ImGui::GetStyleColorVec4(ImGuiCol_Text), line);
    }
    ImGui::EndChild();
}

}  // namespace

void CsvImportDialog::draw(app::App& app) {
    State& s = *state_;
    const auto& pending = app.pending_csv_import();
    if (!pending) {
        s.file = nullptr;
        return;
    }
    if (s.file != &*pending) {  // a new file: guess its mapping
        s.file = &*pending;
        s.mapping = io::guess_roster_mapping(pending->table.header);
        s.guessed = s.mapping;
        s.date_order = 0;
        s.default_role = 0;
        s.report_stale = true;
        ImGui::OpenPopup(kTitle);
    }
    if (!ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    if (s.report_stale || s.report_revision != app.revision()) plan(app, s);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.85f, viewport->WorkSize.y * 0.85f), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;

    const io::CsvTable& table = pending->table;
    ImGui::Text("%s: %zu rows, %zu columns, %s, separated by %s", pending->file_name.c_str(), table.rows.size(),
                table.header.size(), io::text_encoding_name(table.encoding),
                table.delimiter == '\t' ? "tabs" : table.delimiter == ';' ? "semicolons" : "commas");
    for (const std::string& warning : table.warnings) ImGui::BulletText("%s", warning.c_str());
    ImGui::SeparatorText("1. Match each column to a profile field");
    draw_mapping(s);
    for (const std::string& problem : io::mapping_problems(s.mapping)) ImGui::TextColored(theme::error(), "%s", problem.c_str());

    ImGui::SeparatorText("2. Options");
    const char* orders[] = {"as detected", "day/month/year", "month/day/year"};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (combo("Dates like 03/04/2024", &s.date_order, orders, 3)) s.report_stale = true;
    if (s.report.date_order_ambiguous && s.date_order == 0) {
        ImGui::SameLine();
        ImGui::TextColored(theme::error(), "ambiguous in this file: read as %s — check and choose",
                           io::date_order_name(s.report.date_order));
    }
    const char* roles[] = {"mentor", "mentee"};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (combo("Role of new people without one", &s.default_role, roles, 2)) s.report_stale = true;

    ImGui::SeparatorText("3. Check the report");
    draw_report(s);

    const std::size_t valid = s.report.to_add + s.report.to_update;
    ImGui::BeginDisabled(!s.refused.empty() || valid == 0);
    const std::string label = "Import " + std::to_string(valid) + " valid row" + (valid == 1 ? "" : "s") + "###Import";
    if (ImGui::Button(label.c_str())) {
        const app::Edit edit = app::roster_import_edit(app.document(), s.report, pending->file_name);
        const std::size_t added = s.report.to_add, updated = s.report.to_update;
        ImGui::CloseCurrentPopup();
        app.commit_csv_import(edit, added, updated);
        s.file = nullptr;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    // Closing throws the column choices away: ask first when the coordinator made any.
    const bool choices_made = s.mapping != s.guessed || s.date_order != 0 || s.default_role != 0;
    bool close = false;
    if (ImGui::Button("Cancel") || s.escape.pressed()) {
        if (choices_made) ImGui::OpenPopup(kConfirmTitle);
        else close = true;
    }
    if (discard_question(kConfirmTitle, "You changed how the columns or values are read. Close the import and lose these choices?",
                         s.confirm_escape))
        close = true;
    if (close) {
        ImGui::CloseCurrentPopup();
        app.cancel_csv_import();
        s.file = nullptr;
    }
    s.escape.remember();
    ImGui::EndPopup();
}

}  // namespace flipside::ui
