#include "app/own_calendar_mail.h"

#include <algorithm>
#include <vector>

#include "core/civil_time.h"
#include "core/local_time.h"
#include "core/participant_lookup.h"
#include "core/participants/invitation.h"
#include "core/text.h"
#include "io/invitation_handout.h"

namespace flipside::app {

namespace {

// The link of the newest unexpired invitation of `participant_id` in `program`, rebuilt from the
// ledger (its secret comes from the wave key and its id); empty when there is none.
std::string invitation_link(const Document& document, const Program& program, const std::string& participant_id,
                            UtcSeconds now, const std::string& app_address) {
    const IssuedInvitation* newest = nullptr;
    for (const IssuedInvitation& issued : program.invitations.issued)
        if (issued.participant_id == participant_id && issued.expires_at > now &&
            (!newest || issued.issued_at >= newest->issued_at))
            newest = &issued;
    if (!newest) return {};
    participants::InvitationRequest request;
    request.program_id = program.id;
    request.participant_id = participant_id;
    request.invitation_id = newest->id;
    request.issued_at = newest->issued_at;
    request.expires_at = newest->expires_at;
    const auto built = participants::build_invitation(document, request);
    if (!built) return {};
    return io::invitation_handout(built.value().invitation, app_address).link;
}

}  // namespace

OwnCalendarMail own_calendar_mail(const Document& document, const std::string& participant_id, UtcSeconds now,
                                  const TimeZoneCatalog& time_zones, const std::string& app_address) {
    OwnCalendarMail mail;
    ParticipantLookup people;
    const Participant* me = people.find(document, participant_id);
    if (!me) return mail;
    const Program* program = document.current_program();

    std::vector<const Session*> upcoming;
    std::vector<std::string> partners;
    for (const Pair& pair : document.pairs) {
        if (pair.mentor_id != me->id && pair.mentee_id != me->id) continue;
        if ((program && pair.program_id != program->id) || pair.state == PairState::Completed) continue;
        const Participant* partner = people.find(document, pair.mentor_id == me->id ? pair.mentee_id : pair.mentor_id);
        if (partner) partners.push_back(partner->name);
        for (const Session& s : document.sessions)
            if (s.pair_id == pair.id && s.start + s.minutes * 60 >= now &&
                (s.status == SessionStatus::Planned || s.status == SessionStatus::Moved))
                upcoming.push_back(&s);
    }
    std::sort(upcoming.begin(), upcoming.end(), [](const Session* a, const Session* b) { return a->start < b->start; });

    std::string body = "Hello " + me->name + ",\n\n";
    body += "Your sessions";
    if (program) body += " of " + program->name;
    for (std::size_t i = 0; i < partners.size(); ++i) body += (i == 0 ? " with " : " and ") + partners[i];
    body += ", in your time zone (" + me->time_zone + "):\n";
    ZoneRules zone(time_zones, me->time_zone);
    for (const Session* s : upcoming) {
        const LocalDateTime local = zone.to_local(s->start);
        body += "- " + std::string(weekday_short_name(weekday_of(local.date))) + " " + format_iso_date(local.date) + ", " +
                format_clock_minutes(local.second_of_day / 60) + " (" + std::to_string(s->minutes) + " minutes)\n";
    }
    if (upcoming.empty()) body += "- none planned yet\n";
    const std::string link = program ? invitation_link(document, *program, me->id, now, app_address) : std::string();
    if (!link.empty()) {
        body += "\nOpen your own page on your phone or computer to add them to your calendar there:\n" + link + "\n";
        mail.carries_invitation_link = true;
    } else {
        body += "\nAdd them to your calendar on your own phone or computer.\n";
    }
    mail.mailto = mailto_url(me->email, "Your mentoring sessions", body);
    return mail;
}

}  // namespace flipside::app
