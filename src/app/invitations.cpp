#include "app/invitations.h"

#include <unordered_set>

#include "app/edit.h"
#include "core/matching/explainer.h"
#include "core/matching/pair_words.h"
#include "core/matching/scores.h"
#include "core/participants/invitation.h"
#include "core/profile_gaps.h"

namespace flipside::app {

std::vector<std::string> people_to_invite(const Document& document, InviteWho who,
                                          const std::vector<std::string>& selected) {
    std::vector<std::string> ids;
    if (who == InviteWho::Selected) {
        const std::unordered_set<std::string> chosen(selected.begin(), selected.end());
        for (const Participant& p : document.participants)
            if (chosen.count(p.id) != 0) ids.push_back(p.id);
        return ids;
    }
    const bool language_rule = common_language_required(document);
    for (const Participant& p : document.participants) {
        if (!p.active) continue;
        bool wanted = who == InviteWho::EveryoneActive;
        for (const ProfileGap gap : kAllProfileGaps) wanted = wanted || has_gap(p, gap, language_rule);
        if (wanted) ids.push_back(p.id);
    }
    return ids;
}

Result<IssuedInvitations> issue_invitations(const Document& document, const std::vector<std::string>& participant_ids,
                                            UtcSeconds now, platform::Random& random, const std::string& base_url,
                                            const TimeZoneCatalog& time_zones) {
    const Program* program = document.current_program();
    if (program == nullptr) return Problem{"", "There is no program to invite anyone to yet."};
    if (participant_ids.empty()) return Problem{"", "Nobody to invite: choose who first."};
    Result<participants::IssuedBatch> batch = participants::issue_invitations(
        document, program->id, participant_ids, now, [&random](std::size_t count) { return random.bytes(count); });
    if (!batch) return batch.problems();
    // What each pair shares, from the engine's own profiles: only facts the two have in common,
    // said to the reader, so an invitation never tells one person more of the other than that.
    bool anyone_paired = false;
    for (const participants::Invitation& invitation : batch->invitations) anyone_paired = anyone_paired || !invitation.partners.empty();
    if (anyone_paired) {
        const matching::MatchingExplainer explainer(document, program->matching, time_zones,
                                                    matching::default_reference_instant(document));
        for (participants::Invitation& invitation : batch->invitations) {
            const std::string& reader = invitation.participant.id;
            for (participants::InvitationPartner& partner : invitation.partners) {
                const bool reader_mentors = partner.role == Role::Mentee;
                auto shared = matching::own_pair_words(explainer, reader_mentors ? reader : partner.id,
                                                       reader_mentors ? partner.id : reader, reader);
                if (shared) partner.shared = std::move(*shared);
            }
        }
    }
    IssuedInvitations issued;
    issued.key_added = batch->key_added;
    issued.edit = update_program(*program, std::move(batch->program));
    const std::size_t count = batch->invitations.size();
    issued.edit.label = "invite " + (count == 1 ? batch->invitations.front().participant.name
                                                : std::to_string(count) + " people");
    issued.handouts = io::invitation_handouts(batch->invitations, base_url);
    issued.csv = io::write_invitations_csv(issued.handouts);
    return issued;
}

}  // namespace flipside::app
