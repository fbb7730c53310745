// Small pieces of English shared by the explanations: counts in words, lists joined with
// "and", durations, a zone's city, a person's display name, and a local weekly time span.
#pragma once

#include <string>
#include <vector>

#include "core/matching/detail/pool.h"

namespace flipside::matching {

// "one" .. "twelve", digits above.
std::string count_word(std::size_t count);
// "Python", "Python and SQL", "Python, SQL and Excel".
std::string join_with_and(const std::vector<std::string>& items);
// "30 minutes", "1 hour", "2 hours 30 minutes".
std::string duration_text(int minutes);
// "Europe/London" -> "London", "America/Argentina/Buenos_Aires" -> "Buenos Aires", "UTC" -> "UTC".
std::string zone_city(const std::string& time_zone);
// The name people read (the id only when the record has no name).
std::string display_name(const Participant& participant);
// A span of the UTC week ([start, start + length) in minutes from Monday 00:00 UTC) in local
// time at `offset_minutes`: "Tuesday 09:00–10:30", "Monday 23:00–Tuesday 00:30".
std::string local_span(int utc_start, int length, int offset_minutes);
// The interned names of `ids` in `names`.
std::vector<std::string> names_of(const std::vector<int>& ids, const std::vector<std::string>& names);

}  // namespace flipside::matching
