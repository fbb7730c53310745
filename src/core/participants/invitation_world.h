// A participant's own world as their app shows it: a small Document built from their
// invitation alone (them, their partners as name/role/department/contact, their program, their
// pairs and sessions), with their unsent changes written in exactly as the coordinator's merge
// would write them (fields.h, write_value). The participant's screens read this; nothing in it
// comes from anywhere but the invitation and the participant's own hands.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "core/participants/invitation.h"
#include "core/participants/reply.h"
#include "core/result.h"
#include "core/time_zone_catalog.h"

namespace flipside::participants {

// The invitation as a Document: one program (current), the participant, a record per partner
// holding only what the invitation says of them, a pair per partner and the pairs' sessions.
Document invitation_world(const Invitation& invitation);

// The world with `changes` written in, in order. A change that no longer fits (its value is not
// valid) is left out and named in `refused`, so one bad field never hides the others.
struct WorldWithChanges {
    Document world;
    std::vector<std::string> refused;  // "skills: …why…"
};
WorldWithChanges world_with_changes(const Invitation& invitation, const std::vector<FieldChange>& changes,
                                    const TimeZoneCatalog& time_zones);

}  // namespace flipside::participants
