// Small widgets shared by the screens: text fields bound to std::string, list fields edited as
// comma-separated text, date fields, problem lists, and lookups of names by id.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/model.h"
#include "core/text.h"
#include "core/time_zone_catalog.h"
#include "core/validation.h"

namespace flipside::ui {

bool text_field(const char* label, std::string& value, float width = -1.0f);
// Shows the text wrapped to the field's width while at rest (ImGui's editor does not wrap) and
// becomes the editor when clicked, caret after the text, until it loses focus. The label is
// drawn above the field.
bool multiline_field(const char* label, std::string& value, float height_in_lines = 4.0f);
// "Excel; Python, Power BI" <-> {"Excel", "Python", "Power BI"}: split_list() of core/text.h
// (',' ';' and line breaks separate, repeats dropped), shown joined with ", ". While the field
// is active its text stays as typed ("Excel, " is not normalised).
bool list_field(const char* label, std::vector<std::string>& items);
// Free text with a "YYYY-MM-DD" hint, and beside it a button that opens a small month calendar:
// picking a day writes it into the text (typing still works). Nothing else is parsed here, so
// the caller decides whether the text is a valid date and whether empty is allowed. The
// calendar opens on the text's month, or on `shown_when_unreadable`'s when the text is no date.
// The button is labelled "Pick date##<label>"; days are "<day>##<YYYY-MM-DD>".
bool date_field(const char* label, std::string& text, const Date& shown_when_unreadable);
std::string join_list(const std::vector<std::string>& items);

// Problems whose path starts with `path_prefix`, shown in the error colour under a field.
void show_problems(const std::vector<Problem>& problems, const std::string& path_prefix);
// Combo boxes that tell the widget hooks their label (ImGui 1.90's own combos do not), so
// browser tests and accessibility tools find them by label like every other widget.
bool combo(const char* label, int* current, const char* const items[], int count);
bool begin_combo(const char* label, const char* preview);
// A search box at the top of a drop-down opened with begin_combo, for long lists such as
// people: empty and focused each time the drop-down opens, so typing narrows the list at once.
// Returns true when Enter is pressed in it (the caller picks the first entry shown and closes
// the drop-down). `label` is "##<name>" for the widget hooks; `hint` shows while it is empty.
bool combo_search_field(const char* label, const char* hint, std::string& text);

// Keeps the next item on the current line when `next_width` still fits, else starts a new
// line: toolbars that wrap on narrow windows instead of running off the edge.
void same_line_if_room(float next_width);
// A muted one-line hint.
void hint(const char* text);
// Wrapped text in `colour` that the widget hooks also list as an item labelled `text` (plain
// ImGui text is not an item): results a person reads and a browser test must read too, such as
// "Ana Ruiz already has session S4 at 14:00 UTC". `id` keeps the item apart from others.
void readable_text(const char* id, const ImVec4& colour, const std::string& text);
// The same item over what was drawn last (a group, a figure drawn large): labelled `text`.
void name_last_item(const char* id, const std::string& text);
// Esc for a dialog: it closes the innermost thing only. A drop-down, a nested popup or a text
// being edited inside the dialog takes Esc for itself, and ImGui closes such things before the
// dialog's own code runs in that frame, so the dialog asks whether one was open at the end of
// the previous frame; and a dialog opened by this Esc (a "discard?" question) ignores it. Call
// pressed() inside the dialog and remember() last, before EndPopup(), every frame it is drawn.
class DialogEscape {
public:
    bool pressed() const;
    void remember();

private:
    bool inner_had_focus_ = false;
    int remembered_frame_ = -1;
};

// The question a dialog asks before closing throws choices away: opened with
// ImGui::OpenPopup(title) inside the dialog, drawn every frame with this; true when the answer is
// "Discard and close" (the caller then closes its dialog), "Keep editing" or Esc only close it.
bool discard_question(const char* title, const char* text, DialogEscape& escape);

// True when no field is in the middle of an edit: no item is active, or the one active in the
// previous frame has just let go of it (Enter, Tab, a click elsewhere, even on another tab).
// Forms that save as they go commit their draft then: each finished field is one undoable step,
// and a value is never saved half typed.
bool edits_settled();

// "(?)" with a tooltip, on the same line as the previous item.
void help_marker(const char* text);
// A stable colour per pair (hue from its id), dimmed for sessions that will not take place
// (cancelled, no-show): the Calendar's chips, list and session panel agree on it.
ImVec4 pair_colour(const std::string& pair_id, SessionStatus status);

// An instant as a wall-clock date and minute of the day in `zone`, for display.
struct LocalWallClock {
    Date date;
    int minute_of_day = 0;
};
LocalWallClock local_wall_clock(const TimeZoneCatalog& time_zones, UtcSeconds instant, const std::string& zone);

const Participant* find_participant(const Document& document, const std::string& id);
std::string participant_label(const Document& document, const std::string& id);

}  // namespace flipside::ui
