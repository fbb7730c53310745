// The week time grid (see week_time_grid.h).
#include "ui/week_time_grid.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>

namespace flipside::ui {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kDefaultFirstHour = 8, kDefaultLastHour = 18;

}  // namespace

std::vector<WeekGridLane> week_grid_lanes(const std::vector<WeekGridEntry>& entries) {
    std::vector<WeekGridLane> lanes(entries.size());
    std::vector<std::size_t> order(entries.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (entries[a].weekday != entries[b].weekday) return entries[a].weekday < entries[b].weekday;
        return entries[a].start_minute < entries[b].start_minute;
    });
    std::vector<int> lane_end;               // per lane of the open cluster: where its last entry ends
    std::vector<std::size_t> cluster;        // entries of the open cluster
    int cluster_day = -1, cluster_end = INT_MIN, clusters = 0;
    const auto close_cluster = [&]() {
        if (cluster.empty()) return;
        for (const std::size_t e : cluster) {
            lanes[e].lanes = static_cast<int>(lane_end.size());
            lanes[e].cluster = clusters;
        }
        ++clusters;
        cluster.clear();
        lane_end.clear();
    };
    for (const std::size_t e : order) {
        const WeekGridEntry& entry = entries[e];
        const int end = std::max(entry.end_minute, entry.start_minute + 1);
        if (entry.weekday != cluster_day || entry.start_minute >= cluster_end) {
            close_cluster();
            cluster_day = entry.weekday;
            cluster_end = INT_MIN;
        }
        std::size_t lane = 0;
        while (lane < lane_end.size() && lane_end[lane] > entry.start_minute) ++lane;
        if (lane == lane_end.size()) lane_end.push_back(end);
        else lane_end[lane] = end;
        lanes[e].lane = static_cast<int>(lane);
        cluster.push_back(e);
        cluster_end = std::max(cluster_end, end);
    }
    close_cluster();
    return lanes;
}

void draw_week_time_grid(const char* id, const std::array<std::string, 7>& day_labels,
                         std::vector<WeekGridEntry> entries, const WeekGridDrawing& drawing, int scroll_key) {
    for (WeekGridEntry& e : entries) {
        e.start_minute = std::clamp(e.start_minute, 0, kMinutesPerDay - 1);
        e.end_minute = std::clamp(e.end_minute, e.start_minute + 1, kMinutesPerDay);
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    const float axis = ImGui::CalcTextSize("00:00").x + style.ItemSpacing.x * 2.0f;
    const float header = line + style.CellPadding.y * 2.0f;
    const ImVec2 available = ImGui::GetContentRegionAvail();

    // The busy hours fill the body; a smaller hour would not hold a line of text.
    int first_hour = kDefaultFirstHour, last_hour = kDefaultLastHour;
    for (const WeekGridEntry& e : entries) {
        first_hour = std::min(first_hour, e.start_minute / 60);
        last_hour = std::max(last_hour, (e.end_minute + 59) / 60);
    }
    const float body = std::max(available.y - header, line * 4.0f);
    const float hour_height =
        std::max(std::floor(line * 1.25f), std::floor((body - 2.0f) / static_cast<float>(last_hour - first_hour)));
    const bool scrolls = hour_height * 24.0f > body - 2.0f;
    const float day_width =
        std::floor((available.x - axis - (scrolls ? style.ScrollbarSize : 0.0f) - 2.0f) / 7.0f);

    // Day names above the scrolling hours, in the same columns.
    ImDrawList* header_list = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    header_list->AddRectFilled(origin, ImVec2(origin.x + available.x, origin.y + header),
                               ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    for (int d = 0; d < 7; ++d)
        header_list->AddText(ImVec2(origin.x + axis + day_width * static_cast<float>(d) + style.CellPadding.x,
                                    origin.y + style.CellPadding.y),
                             ImGui::GetColorU32(ImGuiCol_Text), day_labels[static_cast<std::size_t>(d)].c_str());
    ImGui::Dummy(ImVec2(available.x, header));

    if (!ImGui::BeginChild(id, ImVec2(available.x, body), ImGuiChildFlags_Border)) {
        ImGui::EndChild();
        return;
    }
    // Aim at the first busy hour when the week or the scale changes.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    int* aimed_key = storage->GetIntRef(ImGui::GetID("aimed week"), INT_MIN);
    float* aimed_scale = storage->GetFloatRef(ImGui::GetID("aimed scale"), -1.0f);
    if (*aimed_key != scroll_key || *aimed_scale != hour_height) {
        ImGui::SetScrollY(static_cast<float>(first_hour) * hour_height + ImGui::GetStyle().WindowPadding.y);
        *aimed_key = scroll_key;
        *aimed_scale = hour_height;
    }

    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const ImU32 rule = ImGui::GetColorU32(ImGuiCol_TableBorderLight);
    const ImU32 strong_rule = ImGui::GetColorU32(ImGuiCol_TableBorderStrong);
    const float right = top.x + axis + day_width * 7.0f;
    for (int hour = 0; hour <= 24; ++hour) {
        const float y = top.y + hour_height * static_cast<float>(hour);
        list->AddLine(ImVec2(top.x + axis, y), ImVec2(right, y), rule);
        if (hour < 24) {
            char text[16];
            std::snprintf(text, sizeof text, "%02d:00", hour);
            list->AddText(ImVec2(top.x + style.ItemSpacing.x, y + 1.0f), ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
        }
    }
    for (int d = 0; d <= 7; ++d) {
        const float x = top.x + axis + day_width * static_cast<float>(d);
        list->AddLine(ImVec2(x, top.y), ImVec2(x, top.y + hour_height * 24.0f), strong_rule);
    }

    // A box at `lane` of `lanes` in its day, from `start` to `end` minutes.
    const auto place = [&](int weekday, int lane, int lanes, int start, int end) {
        const float lane_width = (day_width - 3.0f) / static_cast<float>(lanes);
        const float y0 = hour_height * static_cast<float>(start) / 60.0f;
        const float y1 = hour_height * static_cast<float>(end) / 60.0f;
        ImGui::SetCursorScreenPos(ImVec2(top.x + axis + day_width * static_cast<float>(weekday) + 2.0f +
                                             lane_width * static_cast<float>(lane),
                                         top.y + y0 + 1.0f));
        return ImVec2(std::max(lane_width - 1.0f, 1.0f), std::max(y1 - y0 - 2.0f, line));
    };
    const int most_lanes = std::max(1, static_cast<int>((day_width - 3.0f) / (line * 3.0f)));
    const std::vector<WeekGridLane> lanes = week_grid_lanes(entries);
    struct Overflow {
        int weekday = 0, start = INT_MAX, end = INT_MIN;
        std::vector<std::size_t> indices;
    };
    std::map<int, Overflow> overflows;  // by cluster
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const WeekGridEntry& e = entries[i];
        const WeekGridLane& at = lanes[i];
        if (at.lanes <= most_lanes) {
            drawing.entry(e.index, place(e.weekday, at.lane, at.lanes, e.start_minute, e.end_minute));
        } else if (at.lane < most_lanes - 1) {
            drawing.entry(e.index, place(e.weekday, at.lane, most_lanes, e.start_minute, e.end_minute));
        } else {
            Overflow& rest = overflows[at.cluster];
            rest.weekday = e.weekday;
            rest.start = std::min(rest.start, e.start_minute);
            rest.end = std::max(rest.end, e.end_minute);
            rest.indices.push_back(e.index);
        }
    }
    for (const auto& [cluster, rest] : overflows) {
        ImGui::PushID(cluster);
        drawing.overflow(rest.indices, place(rest.weekday, most_lanes - 1, most_lanes, rest.start, rest.end));
        ImGui::PopID();
    }
    // The whole day is the scrolled content.
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + hour_height * 24.0f));
    ImGui::Dummy(ImVec2(1.0f, 1.0f));
    ImGui::EndChild();
}

}  // namespace flipside::ui
