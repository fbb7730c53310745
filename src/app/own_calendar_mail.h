// What a participant at a shared kiosk takes to their own device instead of a calendar file left
// in this machine's Downloads: an e-mail draft to their own address (a mailto: the browser hands
// to the mail program) that lists their upcoming sessions in their own time zone and, when an
// invitation of theirs is still valid, carries its link, which opens their own app with the
// sessions and its own "Add to my calendar". Nothing is recorded: the draft is rebuilt from the
// document each time.
#pragma once

#include <string>

#include "core/model.h"
#include "core/time_zone_catalog.h"

namespace flipside::app {

struct OwnCalendarMail {
    std::string mailto;
    bool carries_invitation_link = false;
};

// The draft for `participant_id`'s sessions of the current program that start from `now` on
// (planned or moved). The link is that of their newest invitation of the current program that
// has not expired, pointing at `app_address` (empty: the single-file build's name).
OwnCalendarMail own_calendar_mail(const Document& document, const std::string& participant_id, UtcSeconds now,
                                  const TimeZoneCatalog& time_zones, const std::string& app_address);

}  // namespace flipside::app
