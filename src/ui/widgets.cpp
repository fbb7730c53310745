#include "ui/widgets.h"

#include <cfloat>
#include <cstring>
#include <optional>

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "core/participant_lookup.h"
#include "ui/theme.h"

namespace flipside::ui {

bool text_field(const char* label, std::string& value, float width) {
    ImGui::SetNextItemWidth(width);
    return ImGui::InputText(label, &value);
}

namespace {

// Puts the caret after the text on the first frame of editing (then does nothing).
int caret_to_end(ImGuiInputTextCallbackData* data) {
    bool* pending = static_cast<bool*>(data->UserData);
    if (*pending) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        *pending = false;
    }
    return 0;
}

// The field at rest: its text wrapped to the field's width in the field's frame (what does not
// fit shows in a tooltip). Returns true when it is clicked (or activated from the keyboard).
bool wrapped_text_box(const char* id, const std::string& value, ImVec2 size) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, size);
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 end(at.x + size.x, at.y + size.y);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(at, end, ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                        style.FrameRounding);
    if (style.FrameBorderSize > 0.0f)
        list->AddRect(at, end, ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding, 0, style.FrameBorderSize);
    const float wrap = size.x - style.FramePadding.x * 2.0f;
    const ImVec4 clip(at.x, at.y, end.x, end.y - style.FramePadding.y);
    list->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + style.FramePadding.x, at.y + style.FramePadding.y),
                  ImGui::GetColorU32(ImGuiCol_Text), value.data(), value.data() + value.size(), wrap, &clip);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
        const float needed = ImGui::CalcTextSize(value.data(), value.data() + value.size(), false, wrap).y;
        if (needed > size.y - style.FramePadding.y * 2.0f && ImGui::BeginTooltip()) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 35.0f);
            ImGui::TextUnformatted(value.data(), value.data() + value.size());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    return clicked;
}

}  // namespace

// ImGui's multi-line editor does not wrap lines, so the field shows its text wrapped while it
// rests and turns into the editor when clicked (caret after the text), until it loses focus.
bool multiline_field(const char* label, std::string& value, float height_in_lines) {
    const float height = ImGui::GetTextLineHeight() * height_in_lines + ImGui::GetStyle().FramePadding.y * 2;
    ImGui::TextUnformatted(label);
    const std::string id = std::string("##") + label;
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID editing_key = ImGui::GetID((id + "/editing").c_str());
    if (!storage->GetBool(editing_key, false)) {
        if (wrapped_text_box(id.c_str(), value, ImVec2(ImGui::GetContentRegionAvail().x, height))) {
            storage->SetBool(editing_key, true);
            storage->SetBool(ImGui::GetID((id + "/focus").c_str()), true);
        }
        return false;
    }
    bool* focus = storage->GetBoolRef(ImGui::GetID((id + "/focus").c_str()), false);
    static bool caret_pending = false;
    if (*focus) {
        ImGui::SetKeyboardFocusHere();
        caret_pending = true;
        *focus = false;
    }
    const bool changed = ImGui::InputTextMultiline(id.c_str(), &value, ImVec2(-1.0f, height),
                                                   ImGuiInputTextFlags_CallbackAlways, caret_to_end, &caret_pending);
    if (ImGui::IsItemDeactivated()) storage->SetBool(editing_key, false);
    return changed;
}

std::string join_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out;
}

bool list_field(const char* label, std::vector<std::string>& items) {
    // While a list is being typed in, its text is kept as typed so that "Excel, " is not
    // immediately normalised back to "Excel"; only one field can be active at a time.
    static ImGuiID editing_id = 0;
    static std::string editing_text;
    const ImGuiID id = ImGui::GetID(label);
    std::string text = editing_id == id ? editing_text : join_list(items);
    ImGui::SetNextItemWidth(-1.0f);
    const bool changed = ImGui::InputText(label, &text);
    if (ImGui::IsItemActive()) {
        editing_id = id;
        editing_text = text;
    } else if (editing_id == id) {
        editing_id = 0;
    }
    if (changed) items = split_list(text);
    return changed;
}

namespace {

// The month a date picker shows, kept in ImGui's storage under the picker's popup id, as
// year * 12 + month - 1.
int shown_month(ImGuiID popup, const Date& initial, bool opening) {
    ImGuiStorage* storage = ImGui::GetStateStorage();
    if (opening) storage->SetInt(popup, initial.year * 12 + initial.month - 1);
    return storage->GetInt(popup, initial.year * 12 + initial.month - 1);
}

// A month grid, Monday first; true (and `picked` set) when a day is clicked.
bool month_calendar(ImGuiID popup, const Date& selected, Date& picked) {
    int month_index = shown_month(popup, selected, false);
    static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    if (ImGui::ArrowButton("##previous month", ImGuiDir_Left)) --month_index;
    ImGui::SameLine();
    const int year = month_index / 12, month = month_index % 12 + 1;
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s %d", kMonths[month - 1], year);
    ImGui::SameLine(ImGui::GetFontSize() * 11.5f);
    if (ImGui::ArrowButton("##next month", ImGuiDir_Right)) ++month_index;
    ImGui::GetStateStorage()->SetInt(popup, month_index);

    bool clicked = false;
    if (ImGui::BeginTable("##days", 7, ImGuiTableFlags_SizingFixedSame)) {
        for (const char* day : {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}) {
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", day);
        }
        const int first = weekday_of(Date{year, month, 1});
        for (int blank = 0; blank < first; ++blank) ImGui::TableNextColumn();
        for (int day = 1; day <= days_in_month(year, month); ++day) {
            ImGui::TableNextColumn();
            const Date date{year, month, day};
            const std::string label = std::to_string(day) + "##" + format_iso_date(date);
            if (ImGui::Selectable(label.c_str(), date == selected, 0, ImVec2(ImGui::GetFontSize() * 1.4f, 0))) {
                picked = date;
                clicked = true;
            }
        }
        ImGui::EndTable();
    }
    return clicked;
}

}  // namespace

bool edits_settled() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    return g.ActiveId == 0 || g.ActiveId != g.ActiveIdPreviousFrame;
}

bool date_field(const char* label, std::string& text, const Date& shown_when_unreadable) {
    ImGui::PushID(label);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.5f);
    // The visible label goes after the button, so the field, its button and its name read as one.
    const char* hidden = std::strstr(label, "##");
    const std::string visible = hidden ? std::string(label, hidden) : std::string(label);
    const std::string name = visible.empty() && hidden ? std::string(hidden + 2) : visible;  // "##Hire date"
    bool changed = ImGui::InputTextWithHint(("##" + name).c_str(), "YYYY-MM-DD", &text);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    const std::string button = "Pick date##" + name;
    const ImGuiID popup = ImGui::GetID("calendar");
    const std::optional<Date> typed = parse_iso_date(text);
    const Date selected = typed.value_or(shown_when_unreadable);
    if (ImGui::ArrowButton(button.c_str(), ImGuiDir_Down)) {
        shown_month(popup, selected, true);
        ImGui::OpenPopup("calendar");
    }
    ImGui::SetItemTooltip("Pick the date on a calendar");
    if (!visible.empty()) {
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(visible.c_str());
    }
    if (ImGui::BeginPopup("calendar")) {
        Date picked = selected;
        if (month_calendar(popup, selected, picked)) {
            text = format_iso_date(picked);
            changed = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return changed;
}

void show_problems(const std::vector<Problem>& problems, const std::string& path_prefix) {
    for (const Problem& problem : problems) {
        if (problem.path.compare(0, path_prefix.size(), path_prefix) != 0) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, theme::error());
        ImGui::TextWrapped("%s", problem.reason.c_str());
        ImGui::PopStyleColor();
    }
}

namespace {

// Announces the label of the item about to be added under `label`'s id (the hooks keep it
// until that item arrives).
void announce_label(const char* label) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
    ImGuiTestEngineHook_ItemInfo(ImGui::GetCurrentContext(), ImGui::GetID(label), label, 0);
#else
    (void)label;
#endif
}

}  // namespace

bool combo(const char* label, int* current, const char* const items[], int count) {
    announce_label(label);
    return ImGui::Combo(label, current, items, count);
}

bool begin_combo(const char* label, const char* preview) {
    announce_label(label);
    return ImGui::BeginCombo(label, preview);
}

bool combo_search_field(const char* label, const char* hint, std::string& text) {
    if (ImGui::IsWindowAppearing()) {
        text.clear();
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    return ImGui::InputTextWithHint(label, hint, &text, ImGuiInputTextFlags_EnterReturnsTrue);
}

void same_line_if_room(float next_width) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + spacing + next_width <= right_edge) ImGui::SameLine();
}

void hint(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void readable_text(const char* id, const ImVec4& colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    name_last_item(id, text);
}

void name_last_item(const char* id, const std::string& text) {
    // An item over what was just drawn, without layout of its own, named after the text.
    const std::string label = text + "##" + id;
    const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PushID(id);
    const ImGuiID item_id = ImGui::GetID(label.c_str());
    ImGui::PopID();
    ImGui::ItemAdd(rect, item_id, nullptr, ImGuiItemFlags_NoNav | ImGuiItemFlags_NoNavDefaultFocus);
#ifdef IMGUI_ENABLE_TEST_ENGINE
    ImGuiTestEngineHook_ItemInfo(ImGui::GetCurrentContext(), item_id, label.c_str(), 0);
#endif
}

namespace {
// A popup opened from inside the dialog (a drop-down, a question): ImGui's "current level" of
// the popup stack is the dialog's, so any popup open at it sits above the dialog.
bool popup_above_dialog() { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId); }
}  // namespace

bool DialogEscape::pressed() const {
    // A dialog opened by this very Esc (a question after "close?") must not take it as well.
    const bool shown_last_frame = remembered_frame_ == ImGui::GetFrameCount() - 1;
    return shown_last_frame && !inner_had_focus_ && !popup_above_dialog() && ImGui::IsKeyPressed(ImGuiKey_Escape, false);
}

void DialogEscape::remember() {
    inner_had_focus_ = popup_above_dialog() || ImGui::IsAnyItemActive();
    remembered_frame_ = ImGui::GetFrameCount();
}

bool discard_question(const char* title, const char* text, DialogEscape& escape) {
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
        return false;
    ImGui::TextUnformatted(text);
    bool discard = false;
    if (ImGui::Button("Discard and close")) {
        ImGui::CloseCurrentPopup();
        discard = true;
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep editing") || escape.pressed()) ImGui::CloseCurrentPopup();
    escape.remember();
    ImGui::EndPopup();
    return discard;
}

void help_marker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

ImVec4 pair_colour(const std::string& pair_id, SessionStatus status) {
    unsigned hash = 2166136261u;
    for (const char c : pair_id) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    float r = 0, g = 0, b = 0;
    const bool dim = status == SessionStatus::Cancelled || status == SessionStatus::NoShow;
    ImGui::ColorConvertHSVtoRGB(static_cast<float>(hash % 360) / 360.0f, dim ? 0.15f : 0.55f, dim ? 0.45f : 0.75f, r, g, b);
    return ImVec4(r, g, b, 1.0f);
}

LocalWallClock local_wall_clock(const TimeZoneCatalog& time_zones, UtcSeconds instant, const std::string& zone) {
    const UtcSeconds local = instant + time_zones.utc_offset_seconds(zone, instant);
    const std::int64_t days = floor_days(local);
    return LocalWallClock{civil_from_days(days), static_cast<int>((local - days * kSecondsPerDay) / 60)};
}

const Participant* find_participant(const Document& document, const std::string& id) {
    // Screens look up every pair's people on every frame, in the app's document and in a
    // screen's own copy (the Matching proposal): one table per document, a few documents.
    static ParticipantLookup lookups[4];
    static const Document* owners[4] = {};
    static std::size_t next = 0;
    for (std::size_t i = 0; i < 4; ++i)
        if (owners[i] == &document) return lookups[i].find(document, id);
    const std::size_t slot = next++ % 4;
    owners[slot] = &document;
    return lookups[slot].find(document, id);
}

std::string participant_label(const Document& document, const std::string& id) {
    const Participant* p = find_participant(document, id);
    return p ? p->name : id + " (not in roster)";
}

}  // namespace flipside::ui
