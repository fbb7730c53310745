#include "io/ical_writer.h"

#include <algorithm>
#include <map>
#include <vector>

namespace flipside::io {
namespace {

// A parameter value (CN=...): always quoted; DQUOTE and control characters cannot appear.
std::string param_value(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"') out += '\'';
        else if (byte < 0x20 || byte == 0x7f) out += ' ';
        else out += c;
    }
    return out + "\"";
}

std::string mailto(const std::string& email) {
    std::string out = "mailto:";
    for (const char c : email) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte > 0x20 && byte != 0x7f && c != '"' && c != '\\') out += c;
    }
    return out;
}

const char* status_of(SessionStatus status) {
    return status == SessionStatus::Cancelled ? "CANCELLED" : "CONFIRMED";
}

}  // namespace

std::string ics_escape_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF -> one \n
                out += "\\n";
                break;
            default:
                if ((byte < 0x20 && c != '\t') || byte == 0x7f) break;  // not allowed in TEXT
                out += c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    std::size_t pos = 0;
    std::size_t limit = 75;  // octets on the first line; continuation lines hold a space + 74
    while (line.size() - pos > limit) {
        std::size_t cut = pos + limit;
        // Never split a UTF-8 sequence: back off to the start of the character.
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        if (cut == pos) cut = pos + limit;  // not UTF-8 at all: cut anyway
        out.append(line.substr(pos, cut - pos));
        out += "\r\n ";
        pos = cut;
        limit = 74;
    }
    out.append(line.substr(pos));
    out += "\r\n";
    return out;
}

std::string ics_utc(UtcSeconds instant) {
    const std::string iso = format_utc_timestamp(instant);  // 2026-03-09T14:00:00Z
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "T" + iso.substr(11, 2) +
           iso.substr(14, 2) + iso.substr(17, 2) + "Z";
}

std::string ics_uid(const Session& session, const std::string& program_id) {
    return session.id + "." + program_id + "@flipside";
}

std::string write_ics(const Document& document, const IcsOptions& options) {
    std::map<std::string, const Participant*> people;
    for (const Participant& p : document.participants) people[p.id] = &p;
    std::map<std::string, const Pair*> pairs;
    for (const Pair& p : document.pairs) pairs[p.id] = &p;
    std::map<std::string, const Program*> programs;
    for (const Program& p : document.programs) programs[p.id] = &p;

    std::vector<const Session*> chosen;
    for (const Session& session : document.sessions) {
        const auto pair = pairs.find(session.pair_id);
        if (pair == pairs.end()) continue;
        const Pair& p = *pair->second;
        if (!options.program_id.empty() && p.program_id != options.program_id) continue;
        if (options.scope == IcsOptions::Scope::Pair && p.id != options.id) continue;
        if (options.scope == IcsOptions::Scope::Participant && p.mentor_id != options.id &&
            p.mentee_id != options.id)
            continue;
        chosen.push_back(&session);
    }
    std::sort(chosen.begin(), chosen.end(), [](const Session* a, const Session* b) {
        return a->start != b->start ? a->start < b->start : a->id < b->id;
    });

    std::string calendar_name = "Flipside";
    if (options.scope == IcsOptions::Scope::Participant) {
        const auto p = people.find(options.id);
        calendar_name += " — " + (p != people.end() && !p->second->name.empty() ? p->second->name : options.id);
    } else if (options.scope == IcsOptions::Scope::Pair) {
        calendar_name += " — pair " + options.id;
    } else if (!options.program_id.empty() && programs.count(options.program_id)) {
        calendar_name += " — " + programs[options.program_id]->name;
    }

    std::string out;
    const auto line = [&out](std::string_view text) { out += ics_fold(text); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Flipside//Flipside reverse mentoring//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + ics_escape_text(calendar_name));
    const std::string stamp = ics_utc(options.now);
    for (const Session* session : chosen) {
        const Pair& pair = *pairs.at(session->pair_id);
        const auto program_it = programs.find(pair.program_id);
        const Program* program = program_it == programs.end() ? nullptr : program_it->second;
        const auto mentor_it = people.find(pair.mentor_id);
        const auto mentee_it = people.find(pair.mentee_id);
        const Participant* mentor = mentor_it == people.end() ? nullptr : mentor_it->second;
        const Participant* mentee = mentee_it == people.end() ? nullptr : mentee_it->second;
        const auto name = [](const Participant* p, const std::string& id) {
            return p && !p->name.empty() ? p->name : id;
        };
        const std::string mentor_name = name(mentor, pair.mentor_id);
        const std::string mentee_name = name(mentee, pair.mentee_id);

        line("BEGIN:VEVENT");
        line("UID:" + ics_uid(*session, pair.program_id));
        line("DTSTAMP:" + stamp);
        line("DTSTART:" + ics_utc(session->start));
        line("DTEND:" + ics_utc(session->start + static_cast<UtcSeconds>(session->minutes) * 60));
        line("SEQUENCE:" + std::to_string(session->sequence));
        line(std::string("STATUS:") + status_of(session->status));
        line("SUMMARY:" + ics_escape_text("Reverse mentoring: " + mentor_name + " & " + mentee_name));
        std::string description;
        if (program) {
            description = program->name;
            if (!program->objectives.empty()) description += "\nObjectives: " + program->objectives;
            if (!program->norms.empty()) description += "\nNorms: " + program->norms;
        }
        if (!session->agenda.empty()) description += (description.empty() ? "" : "\n") + ("Agenda: " + session->agenda);
        if (!description.empty()) line("DESCRIPTION:" + ics_escape_text(description));
        line("CATEGORIES:" + ics_escape_text("Reverse mentoring"));
        line("TRANSP:OPAQUE");
        if (mentee && !mentee->email.empty())
            line("ORGANIZER;CN=" + param_value(mentee_name) + ":" + mailto(mentee->email));
        for (const Participant* p : {mentor, mentee}) {
            if (!p || p->email.empty()) continue;
            line("ATTENDEE;CN=" + param_value(name(p, p->id)) +
                 ";ROLE=REQ-PARTICIPANT;CUTYPE=INDIVIDUAL:" + mailto(p->email));
        }
        if (options.reminder_minutes && session->status != SessionStatus::Cancelled) {
            line("BEGIN:VALARM");
            line("ACTION:DISPLAY");
            line("DESCRIPTION:" + ics_escape_text("Reverse mentoring with " + mentor_name + " & " + mentee_name));
            line("TRIGGER:-PT" + std::to_string(*options.reminder_minutes) + "M");
            line("END:VALARM");
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    return out;
}

}  // namespace flipside::io
