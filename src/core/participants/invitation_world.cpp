#include "core/participants/invitation_world.h"

namespace flipside::participants {

Document invitation_world(const Invitation& inv) {
    Document world;
    Program program;
    program.id = inv.program.id;
    program.name = inv.program.name;
    program.objectives = inv.program.objectives;
    program.norms = inv.program.norms;
    program.start_date = inv.program.start_date;
    program.end_date = inv.program.end_date;
    world.programs.push_back(std::move(program));
    world.participants.push_back(inv.participant);
    for (const InvitationPartner& partner : inv.partners) {
        Participant other;
        other.id = partner.id;
        other.name = partner.name;
        other.role = partner.role;
        other.department = partner.department;
        other.email = partner.email;
        world.participants.push_back(std::move(other));
        Pair pair;
        pair.id = partner.pair_id;
        pair.program_id = inv.program.id;
        pair.mentor_id = partner.role == Role::Mentor ? partner.id : inv.participant.id;
        pair.mentee_id = partner.role == Role::Mentor ? inv.participant.id : partner.id;
        world.pairs.push_back(std::move(pair));
    }
    for (const InvitationSession& s : inv.sessions) {
        Session session;
        session.id = s.id;
        session.pair_id = s.pair_id;
        session.start = s.start;
        session.minutes = s.minutes;
        session.status = s.status;
        session.agenda = s.agenda;
        world.sessions.push_back(std::move(session));
    }
    return world;
}

WorldWithChanges world_with_changes(const Invitation& inv, const std::vector<FieldChange>& changes,
                                    const TimeZoneCatalog& time_zones) {
    WorldWithChanges out{invitation_world(inv), {}};
    for (const FieldChange& change : changes) {
        const Result<FieldName> field = parse_field_name(change.field);
        if (!field) {
            out.refused.push_back(change.field + ": " + field.message());
            continue;
        }
        const Result<void> written =
            write_value(out.world, inv.program.id, inv.participant.id, *field, change.after, time_zones);
        if (!written) out.refused.push_back(change.field + ": " + written.message());
    }
    return out;
}

}  // namespace flipside::participants
