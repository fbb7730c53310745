#include "core/participants/change_words.h"

#include <algorithm>

#include "core/participants/fields.h"

namespace flipside::participants {

namespace {

const char* profile_field_words(const std::string& field) {
    static const std::pair<const char*, const char*> kWords[] = {
        {"skills", "Skills you can share"},   {"learning_goals", "What you want to learn"},
        {"interests", "Interests"},           {"languages", "Languages"},
        {"time_zone", "Time zone"},           {"background", "About you"},
        {"availability", "Weekly availability"}, {"absences", "Days away"},
        {"preferences", "Your ranking"},
    };
    for (const auto& [name, words] : kWords)
        if (field == name) return words;
    return nullptr;
}

std::string name_of(const Invitation& inv, const std::string& id) {
    for (const InvitationPartner& p : inv.partners)
        if (p.id == id) return p.name;
    for (const Candidate& c : inv.asks.shortlist)
        if (c.id == id) return c.name;
    return id;
}

std::string session_words(const Invitation& inv, const std::string& session_id, const std::string& zone,
                          const TimeZoneCatalog& zones) {
    const auto it = std::find_if(inv.sessions.begin(), inv.sessions.end(),
                                 [&](const InvitationSession& s) { return s.id == session_id; });
    if (it == inv.sessions.end()) return "a session";
    std::string partner;
    for (const InvitationPartner& p : inv.partners)
        if (p.pair_id == it->pair_id) partner = p.name;
    return "the session" + (partner.empty() ? std::string() : " with " + partner) + " on " +
           local_date_time(it->start, zone, zones);
}

std::string or_empty(std::string text) { return text.empty() ? "(empty)" : text; }

}  // namespace

std::string local_date_time(UtcSeconds instant, const std::string& zone, const TimeZoneCatalog& zones) {
    const UtcSeconds local = instant + zones.utc_offset_seconds(zone, instant);
    const std::int64_t days = floor_days(local);
    const Date date = civil_from_days(days);
    return std::string(weekday_short_name(weekday_of(date))) + " " + format_iso_date(date) + " " +
           format_clock_minutes(static_cast<int>((local - days * kSecondsPerDay) / 60));
}

std::string value_in_words(const FieldValue& value) {
    std::string out;
    for (const std::string& item : value) out += (out.empty() ? "" : ", ") + item;
    return out;
}

ChangeWords describe_change(const Invitation& inv, const FieldChange& change, const std::string& zone,
                            const TimeZoneCatalog& zones) {
    ChangeWords words{change.field, or_empty(value_in_words(change.before)), or_empty(value_in_words(change.after))};
    const Result<FieldName> field = parse_field_name(change.field);
    if (!field) return words;
    auto rating = [](const FieldValue& value) {
        if (value.empty()) return std::string("(none)");
        std::string text = value[0] + " of 5";
        const std::string comment = value_in_words(FieldValue(value.begin() + 1, value.end()));
        return comment.empty() ? text : text + " — " + comment;
    };
    switch (field->kind) {
    case FieldKind::Profile: {
        if (const char* label = profile_field_words(field->record_id)) words.what = label;
        if (field->record_id == "skills") {
            // "Excel:4" -> "Excel (4/5)"
            auto skills = [](const FieldValue& items) {
                FieldValue shown;
                for (const std::string& item : items) {
                    const std::size_t colon = item.rfind(':');
                    shown.push_back(colon == std::string::npos ? item
                                                               : item.substr(0, colon) + " (" + item.substr(colon + 1) + "/5)");
                }
                return or_empty(value_in_words(shown));
            };
            words.before = skills(change.before);
            words.after = skills(change.after);
        }
        if (field->record_id == "availability") {
            // "tue 11:30-13:30" -> "Tue 11:30–13:30"
            auto windows = [](const FieldValue& items) {
                FieldValue shown;
                for (std::string item : items) {
                    if (!item.empty() && item[0] >= 'a' && item[0] <= 'z') item[0] = static_cast<char>(item[0] - 'a' + 'A');
                    const std::size_t dash = item.rfind('-');
                    if (dash != std::string::npos) item.replace(dash, 1, "–");
                    shown.push_back(item);
                }
                return or_empty(value_in_words(shown));
            };
            words.before = windows(change.before);
            words.after = windows(change.after);
        }
        if (field->record_id == "preferences") {
            auto names = [&](const FieldValue& ids) {
                std::string out;
                for (std::size_t i = 0; i < ids.size(); ++i)
                    out += (i ? ", " : "") + std::to_string(i + 1) + ". " + name_of(inv, ids[i]);
                return or_empty(out);
            };
            words.before = names(change.before);
            words.after = names(change.after);
        }
        break;
    }
    case FieldKind::SessionStatus:
        words.what = "Whether " + session_words(inv, field->record_id, zone, zones) + " took place";
        break;
    case FieldKind::SessionAgenda:
        words.what = "Agenda of " + session_words(inv, field->record_id, zone, zones);
        break;
    case FieldKind::SessionNotes:
        words.what = "A note for both of you on " + session_words(inv, field->record_id, zone, zones);
        words.before = "(added below the session's notes)";
        break;
    case FieldKind::SessionFeedback:
        words.what = "Your rating of " + session_words(inv, field->record_id, zone, zones);
        words.before = rating(change.before);
        words.after = rating(change.after);
        break;
    case FieldKind::CloseOut: {
        std::string partner;
        for (const InvitationPartner& p : inv.partners)
            if (p.pair_id == field->record_id) partner = p.name;
        words.what = "Your close-out of the pairing" + (partner.empty() ? std::string() : " with " + partner);
        words.before = rating(change.before);
        words.after = rating(change.after);
        break;
    }
    }
    return words;
}

ChangeWords describe_change(const Document& document, const std::string& program_id,
                            const std::string& participant_id, const FieldChange& change,
                            const TimeZoneCatalog& zones) {
    // What an invitation would name (partners, sessions), taken from the document.
    Invitation context;
    std::string zone = "UTC";
    for (const Participant& p : document.participants)
        if (p.id == participant_id) zone = p.time_zone;
    for (const Pair* pair : own_pairs(document, program_id, participant_id)) {
        const std::string& partner_id = pair->mentor_id == participant_id ? pair->mentee_id : pair->mentor_id;
        for (const Participant& p : document.participants)
            if (p.id == partner_id) context.partners.push_back(InvitationPartner{pair->id, p.id, p.name, p.role, {}, {}, {}});
        for (const Session& s : document.sessions)
            if (s.pair_id == pair->id) context.sessions.push_back(InvitationSession{s.id, s.pair_id, s.start, s.minutes, s.status, {}});
    }
    for (const std::string& id : change.after) {
        for (const Participant& p : document.participants)
            if (p.id == id) context.asks.shortlist.push_back(Candidate{p.id, p.name, {}});
    }
    ChangeWords words = describe_change(context, change, zone, zones);
    // Said to the coordinator about the participant, not to the participant.
    static const std::pair<const char*, const char*> kThirdPerson[] = {
        {"Your ", "Their "}, {"Skills you can share", "Skills they can share"},
        {"What you want to learn", "What they want to learn"}, {"A note for both of you", "A note for both of them"}};
    for (const auto& [second, third] : kThirdPerson)
        if (words.what.rfind(second, 0) == 0) words.what = third + words.what.substr(std::string(second).size());
    return words;
}

}  // namespace flipside::participants
