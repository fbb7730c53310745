#include "ui/theme.h"

namespace flipside::ui::theme {

void apply_default_style() {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.TabRounding = 4.0f;
    style.FramePadding = ImVec2(8.0f, 5.0f);
    style.ItemSpacing = ImVec2(10.0f, 7.0f);
    style.CellPadding = ImVec2(6.0f, 4.0f);
    style.WindowPadding = ImVec2(12.0f, 10.0f);
    style.ScrollbarSize = 16.0f;
    ImVec4* colors = style.Colors;
    colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
    colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    colors[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    colors[ImGuiCol_Border] = ImVec4(0.80f, 0.82f, 0.86f, 1.0f);
    colors[ImGuiCol_Button] = ImVec4(0.88f, 0.91f, 0.96f, 1.0f);
    colors[ImGuiCol_ButtonHovered] = ImVec4(0.75f, 0.83f, 0.95f, 1.0f);
    colors[ImGuiCol_ButtonActive] = ImVec4(0.62f, 0.74f, 0.93f, 1.0f);
    colors[ImGuiCol_Header] = ImVec4(0.80f, 0.87f, 0.97f, 1.0f);
    colors[ImGuiCol_HeaderHovered] = ImVec4(0.72f, 0.81f, 0.95f, 1.0f);
    colors[ImGuiCol_HeaderActive] = ImVec4(0.62f, 0.74f, 0.93f, 1.0f);
    colors[ImGuiCol_Tab] = ImVec4(0.88f, 0.90f, 0.94f, 1.0f);
    colors[ImGuiCol_TabActive] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    colors[ImGuiCol_TabHovered] = ImVec4(0.78f, 0.85f, 0.96f, 1.0f);
    colors[ImGuiCol_CheckMark] = kAccent;
    colors[ImGuiCol_NavHighlight] = kAccent;
    colors[ImGuiCol_TableHeaderBg] = ImVec4(0.91f, 0.93f, 0.96f, 1.0f);
    colors[ImGuiCol_TableRowBgAlt] = ImVec4(0.96f, 0.97f, 0.99f, 1.0f);
}

}  // namespace flipside::ui::theme
