#include "app/export_reminder.h"

#include <cstdlib>

namespace flipside::app {

namespace {

constexpr UtcSeconds days(int count) { return static_cast<UtcSeconds>(count) * kSecondsPerDay; }

}  // namespace

std::string encode_export_reminder(const ExportReminderState& state) {
    return "exported " + std::to_string(state.exported_at) + "\nreminded " + std::to_string(state.reminded_at) +
           "\nsince " + std::to_string(state.since) + "\n";
}

ExportReminderState decode_export_reminder(std::string_view text) {
    ExportReminderState state;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string line(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        const std::size_t space = line.find(' ');
        if (space == std::string::npos) continue;
        const std::string name = line.substr(0, space);
        const char* digits = line.c_str() + space + 1;
        char* after = nullptr;
        const long long value = std::strtoll(digits, &after, 10);
        if (after == digits || *after != '\0' || value < 0) continue;
        if (name == "exported") state.exported_at = value;
        else if (name == "reminded") state.reminded_at = value;
        else if (name == "since") state.since = value;
    }
    return state;
}

bool export_reminder_due(const ExportReminderState& state, UtcSeconds now, bool holds_pairs) {
    if (!holds_pairs) return false;
    const UtcSeconds counted_from = state.exported_at > 0 ? state.exported_at : state.since;
    if (counted_from <= 0 || now - counted_from < days(kExportReminderDays)) return false;
    return state.reminded_at <= 0 || now - state.reminded_at >= days(kRemindAgainDays);
}

void ExportReminder::load(UtcSeconds now, bool writable) {
    const std::optional<std::string> text = storage_.read(key_);
    state_ = text ? decode_export_reminder(*text) : ExportReminderState{};
    if (state_.since <= 0 && writable) {
        state_.since = now;
        save();
    }
}

void ExportReminder::exported(UtcSeconds now) {
    state_.exported_at = now;
    save();
}

void ExportReminder::reminded(UtcSeconds now) {
    state_.reminded_at = now;
    save();
}

void ExportReminder::save() { storage_.write(key_, encode_export_reminder(state_)); }

}  // namespace flipside::app
