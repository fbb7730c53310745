// iCalendar (RFC 5545) export of sessions: one VEVENT per session in UTC (no VTIMEZONE needed:
// calendars show each instant in the reader's own zone), stable UIDs, SEQUENCE from the
// session, STATUS:CANCELLED for cancelled ones so that re-importing removes them, an optional
// reminder, ORGANIZER (the mentee: the senior side owns the relationship) and ATTENDEEs.
// Lines are folded at 75 octets without splitting a UTF-8 character and end in CRLF.
// RRULE is never used: a rule is only exactly equivalent while no session has moved, and one
// event per session keeps each one's own SEQUENCE and STATUS.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"

namespace flipside::io {

struct IcsOptions {
    enum class Scope { Everyone, Participant, Pair };
    Scope scope = Scope::Everyone;
    std::string id;                      // the participant or pair for those scopes
    std::string program_id;              // only this program's sessions; empty: all
    UtcSeconds now = 0;                  // DTSTAMP (passed in: the core and io read no clock)
    std::optional<int> reminder_minutes; // a VALARM this long before each live session
};

// Sessions are written in start order (then id). Notes stay out: they are the pair's own.
std::string write_ics(const Document& document, const IcsOptions& options);

// Pieces, exposed for tests.
std::string ics_escape_text(std::string_view text);        // TEXT value escaping (§3.3.11)
std::string ics_fold(std::string_view line);               // one content line -> folded + CRLF
std::string ics_utc(UtcSeconds instant);                   // 20260309T140000Z
std::string ics_uid(const Session& session, const std::string& program_id);

}  // namespace flipside::io
