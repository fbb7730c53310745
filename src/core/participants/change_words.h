// A change of a reply in words a person reads: what it is about ("Skills you can share",
// "Session on Tue 2027-01-12 09:00, Europe/London: held?") and the values before and after,
// joined for reading. The participant sees these before sending; the coordinator's review
// says the same.
#pragma once

#include <string>

#include "core/model.h"
#include "core/participants/invitation.h"
#include "core/participants/reply.h"
#include "core/time_zone_catalog.h"

namespace flipside::participants {

struct ChangeWords {
    std::string what;
    std::string before;  // "(empty)" when nothing was there
    std::string after;
};

// `invitation` names the sessions and partners; times are in `zone` (the participant's).
ChangeWords describe_change(const Invitation& invitation, const FieldChange& change, const std::string& zone,
                            const TimeZoneCatalog& time_zones);

// The same words for the coordinator's review, said of the participant ("Their rating of …"),
// from the document: their own pairs' partners and sessions, times in their time zone.
ChangeWords describe_change(const Document& document, const std::string& program_id,
                            const std::string& participant_id, const FieldChange& change,
                            const TimeZoneCatalog& time_zones);

// A field value joined for reading: items separated by ", " (availability windows by "; ").
std::string value_in_words(const FieldValue& value);

// "Tue 2027-01-12 09:00" at `instant` in `zone`.
std::string local_date_time(UtcSeconds instant, const std::string& zone, const TimeZoneCatalog& time_zones);

}  // namespace flipside::participants
