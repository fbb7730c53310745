// Inviting participants of the current program from the app (Participants › Invite…): whom to
// invite, and the invitations issued as one undoable edit that records them (and the program's
// invitation key, the first time) in the program's ledger, with what is handed out for each
// (io/invitation_handout.h: link, e-mail draft, file, and invitations.csv for all of them).
#pragma once

#include <string>
#include <vector>

#include "core/edit.h"
#include "core/model.h"
#include "core/result.h"
#include "io/invitation_handout.h"
#include "platform/interface/platform.h"

namespace flipside::app {

enum class InviteWho {
    Selected,        // the people selected in People
    EveryoneActive,  // every active participant
    MissingDetails,  // active people still lacking availability or a profile field matching reads
};

// The ids to invite, in roster order. Selected keeps the selection's inactive people, so that
// issuing says who cannot be invited rather than leaving them out unseen.
std::vector<std::string> people_to_invite(const Document& document, InviteWho who,
                                          const std::vector<std::string>& selected);

struct IssuedInvitations {
    Edit edit;  // the current program with the invitations recorded: one undo step
    std::vector<io::InvitationHandout> handouts;  // in the order of the ids asked for
    std::string csv;                              // invitations.csv
    bool key_added = false;                       // the program got its invitation key now
};

// Invitations of the current program for `participant_ids`, made with `random`'s bytes and
// linked to `base_url` (empty: io::kDefaultInvitationBase). Each partner comes with what the
// two share in words, said to the invited person (matching::own_pair_words, with `time_zones`). Refused, and nothing issued, when
// there is no program, nobody to invite, or anyone cannot be invited (unknown or inactive).
Result<IssuedInvitations> issue_invitations(const Document& document, const std::vector<std::string>& participant_ids,
                                            UtcSeconds now, platform::Random& random, const std::string& base_url,
                                            const TimeZoneCatalog& time_zones);

}  // namespace flipside::app
