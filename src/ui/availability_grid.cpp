#include "ui/availability_grid.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "ui/theme.h"

namespace flipside::ui {

namespace {

constexpr int kDays = 7;
constexpr int kSlots = 48;        // half-hours in a day
constexpr int kFirstShown = 12;   // 06:00: the grid shows 06:00–22:00 unless windows lie outside
constexpr int kLastShown = 44;    // 22:00

const char* const kDayInitials[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

}  // namespace

std::vector<bool> windows_to_cells(const std::vector<WeeklyWindow>& windows) {
    std::vector<bool> cells(kDays * kSlots, false);
    for (const WeeklyWindow& w : windows) {
        if (w.weekday < 0 || w.weekday >= kDays) continue;
        // A cell is available when the window covers any part of it.
        for (int slot = w.start_minute / 30; slot < kSlots && slot * 30 < w.end_minute; ++slot)
            if (slot >= 0) cells[static_cast<std::size_t>(w.weekday * kSlots + slot)] = true;
    }
    return cells;
}

std::vector<WeeklyWindow> cells_to_windows(const std::vector<bool>& cells) {
    std::vector<WeeklyWindow> windows;
    for (int day = 0; day < kDays; ++day) {
        int slot = 0;
        while (slot < kSlots) {
            if (!cells[static_cast<std::size_t>(day * kSlots + slot)]) {
                ++slot;
                continue;
            }
            const int start = slot;
            while (slot < kSlots && cells[static_cast<std::size_t>(day * kSlots + slot)]) ++slot;
            windows.push_back(WeeklyWindow{day, start * 30, slot * 30});
        }
    }
    return windows;
}

bool availability_grid(const char* id, std::vector<WeeklyWindow>& windows) {
    static ImGuiID dragging = 0;   // the grid being painted, if any
    static bool painting = true;   // paint (true) or erase (false) during this drag

    std::vector<bool> cells = windows_to_cells(windows);
    int first = kFirstShown, last = kLastShown;
    for (int day = 0; day < kDays; ++day)
        for (int slot = 0; slot < kSlots; ++slot)
            if (cells[static_cast<std::size_t>(day * kSlots + slot)]) {
                first = std::min(first, slot);
                last = std::max(last, slot + 1);
            }

    ImGui::PushID(id);
    const ImGuiID grid_id = ImGui::GetID("grid");
    const float label_width = ImGui::CalcTextSize("00:00 ").x;
    const float cell_width = std::max(24.0f, (ImGui::GetContentRegionAvail().x - label_width) / kDays);
    const float cell_height = ImGui::GetFontSize() * 0.6f;
    const float header = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(label_width + cell_width * kDays, header + cell_height * static_cast<float>(last - first));
    ImGui::InvisibleButton("grid", size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();

    auto cell_at = [&](ImVec2 point, int& day, int& slot) {
        const float x = point.x - origin.x - label_width;
        const float y = point.y - origin.y - header;
        if (x < 0 || y < 0) return false;
        day = static_cast<int>(x / cell_width);
        slot = first + static_cast<int>(y / cell_height);
        return day >= 0 && day < kDays && slot >= first && slot < last;
    };

    bool changed = false;
    int day = 0, slot = 0;
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && cell_at(ImGui::GetMousePos(), day, slot)) {
        dragging = grid_id;
        painting = !cells[static_cast<std::size_t>(day * kSlots + slot)];
    }
    if (dragging == grid_id) {
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            dragging = 0;
        } else if (cell_at(ImGui::GetMousePos(), day, slot)) {
            const auto index = static_cast<std::size_t>(day * kSlots + slot);
            if (cells[index] != painting) {
                cells[index] = painting;
                changed = true;
            }
        }
    }

    const ImU32 free_colour = ImGui::GetColorU32(ImGuiCol_FrameBg);
    const ImU32 taken_colour = ImGui::GetColorU32(theme::accent());
    const ImU32 line_colour = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
    for (int d = 0; d < kDays; ++d)
        draw->AddText(ImVec2(origin.x + label_width + cell_width * static_cast<float>(d) + 4, origin.y), text_colour,
                      kDayInitials[d]);
    for (int s = first; s < last; ++s) {
        const float y = origin.y + header + cell_height * static_cast<float>(s - first);
        if (s % 4 == 0) {
            char label[8];
            std::snprintf(label, sizeof label, "%02d:00", (s / 2) % 100);
            draw->AddText(ImGui::GetFont(), ImGui::GetFontSize() * 0.8f, ImVec2(origin.x, y - 2), text_colour, label);
        }
        for (int d = 0; d < kDays; ++d) {
            const ImVec2 a(origin.x + label_width + cell_width * static_cast<float>(d), y);
            const ImVec2 b(a.x + cell_width, a.y + cell_height);
            draw->AddRectFilled(a, b, cells[static_cast<std::size_t>(d * kSlots + s)] ? taken_colour : free_colour);
            draw->AddRect(a, b, line_colour);
        }
    }
    if (hovered && cell_at(ImGui::GetMousePos(), day, slot))
        ImGui::SetTooltip("%s %02d:%02d–%02d:%02d", kDayInitials[day], slot / 2, slot % 2 * 30, (slot + 1) / 2,
                          (slot + 1) % 2 * 30);
    ImGui::PopID();
    if (changed) windows = cells_to_windows(cells);
    return changed;
}

}  // namespace flipside::ui
