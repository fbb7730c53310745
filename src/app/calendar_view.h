// What the Calendar screen shows, without ImGui: the sessions of one program that pass its
// filters (person, pair, department and the Find text), in start order; the ones that start
// within a range of days (what a month or week grid draws); pairs by id; and instants written
// and read as "YYYY-MM-DD HH:MM" in a zone. CalendarView works the sessions out once per
// document revision and filter: a cohort has 100,000+ sessions and the screen asks every frame.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/local_time.h"
#include "core/model.h"

namespace flipside::app {

// Every field narrows the sessions shown; an empty one lets everything through.
struct CalendarFilter {
    std::string program_id;  // only this program's sessions (the Calendar passes the current one)
    std::string person_id;   // only the sessions of pairs this person is in ("Person", "Only theirs")
    std::string pair_id;     // only this pair's sessions ("Pair")
    std::string department;  // only pairs with at least one person of this department ("Department")
    // "Find": a session whose id, pair id, or either person's id or name contains this text,
    // ignoring the case of ASCII letters ("hughes" finds "Aoife Hughes").
    std::string find;

    friend bool operator==(const CalendarFilter& a, const CalendarFilter& b) {
        return a.program_id == b.program_id && a.person_id == b.person_id && a.pair_id == b.pair_id &&
               a.department == b.department && a.find == b.find;
    }
    friend bool operator!=(const CalendarFilter& a, const CalendarFilter& b) { return !(a == b); }
};

// The sessions of `document` that pass `filter`, in start order (equal starts: document order).
// Sessions of pairs that are not in the document are never shown.
std::vector<const Session*> filter_sessions(const Document& document, const CalendarFilter& filter);

// The sessions of `shown` (in start order) that start on UTC days [first_day, end_day),
// counted from 1970-01-01 (days_from_civil): a session at midnight belongs to the day it
// opens, and one ending on first_day is not in.
std::vector<const Session*> starting_within(const std::vector<const Session*>& shown, std::int64_t first_day,
                                            std::int64_t end_day);

// The people the Calendar's Person filter offers for what was typed in its search box: those
// whose name or id contains `typed` (ASCII case ignored; empty: everyone), by name ignoring
// ASCII case, equal names by id.
std::vector<const Participant*> person_filter_choices(const Document& document, const std::string& typed);

// "YYYY-MM-DD HH:MM" of `instant` in `zone`, and back: how the Calendar writes times and reads
// the "Move to" field. Text of another shape gives nothing; a local time that does not exist
// (a daylight-saving gap) resolves as ZoneRules::to_utc does.
std::string format_local_minute(ZoneRules& zone, UtcSeconds instant);
std::optional<UtcSeconds> parse_local_minute(ZoneRules& zone, const std::string& text);

class CalendarView {
public:
    // The sessions of `document` that pass `filter`, as filter_sessions() gives them, worked out
    // again only when `revision` (App::revision()), the document or the filter changed. The
    // pointers are into `document` and hold until it changes.
    const std::vector<const Session*>& sessions(const Document& document, std::uint64_t revision,
                                                const CalendarFilter& filter);

    // A pair of the document by id (the first of equal ids), or nullptr, from a table built
    // once per revision (not a scan per look-up): valid for the document and revision of the
    // last sessions() call, so a screen asks for its sessions first in each frame.
    const Pair* pair(const std::string& id) const;

    // How many times the sessions were worked out (tests check that asking again is free).
    std::size_t computations() const { return computations_; }

private:
    void index_pairs(const Document& document, std::uint64_t revision);

    struct Key {
        const Document* document = nullptr;
        std::uint64_t revision = 0;
    };
    std::optional<Key> pairs_key_;  // what pairs_by_id_ was built for
    std::unordered_map<std::string, const Pair*> pairs_by_id_;
    std::optional<Key> sessions_key_;  // what shown_ was worked out for, with shown_filter_
    CalendarFilter shown_filter_;
    std::vector<const Session*> shown_;
    std::size_t computations_ = 0;
};

}  // namespace flipside::app
