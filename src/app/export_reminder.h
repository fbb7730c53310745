// A reminder to export: the browser's copy is the only one until the coordinator exports, and
// a browser can lose it (a cleared profile, a new laptop). When the data holds pairs and has not
// been exported for kExportReminderDays, the coordinator is reminded, at most once every
// kRemindAgainDays. Kept per namespace under "flipside/<namespace>/export-reminder" as
//   exported <utc seconds>\nreminded <utc seconds>\nsince <utc seconds>\n
// ("since": when this browser first held the data, the start of the count before any export).
#pragma once

#include <string>
#include <string_view>

#include "core/civil_time.h"
#include "platform/interface/platform.h"

namespace flipside::app {

inline constexpr int kExportReminderDays = 14;
inline constexpr int kRemindAgainDays = 7;

struct ExportReminderState {
    UtcSeconds exported_at = 0;  // 0: never exported here
    UtcSeconds reminded_at = 0;  // 0: never reminded
    UtcSeconds since = 0;        // 0: not known yet
};

std::string encode_export_reminder(const ExportReminderState& state);
ExportReminderState decode_export_reminder(std::string_view text);  // unreadable fields stay 0

// True when a reminder is due at `now`.
bool export_reminder_due(const ExportReminderState& state, UtcSeconds now, bool holds_pairs);

class ExportReminder {
public:
    ExportReminder(platform::Storage& storage, std::string key) : storage_(storage), key_(std::move(key)) {}

    // Reads the state; starts the count at `now` when there is none (`writable`: this tab edits).
    void load(UtcSeconds now, bool writable);
    bool due(UtcSeconds now, bool holds_pairs) const { return export_reminder_due(state_, now, holds_pairs); }
    void exported(UtcSeconds now);
    void reminded(UtcSeconds now);
    const ExportReminderState& state() const { return state_; }

private:
    void save();

    platform::Storage& storage_;
    std::string key_;
    ExportReminderState state_;
};

}  // namespace flipside::app
