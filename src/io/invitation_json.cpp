// Index
// [SECTION] Writing
// [SECTION] Reading
// [SECTION] Links
#include "io/invitation_json.h"

#include <nlohmann/json.hpp>

#include "io/base64url.h"
#include "io/deflate.h"
#include "io/json_fields.h"
#include "io/json_records.h"

namespace flipside::io {

using nlohmann::json;
using participants::Invitation;

namespace {

constexpr const char* kFormatName = "flipside-invitation";
constexpr const char* kLinkKey = "invite=";

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------

json invitation_to_json(const Invitation& inv) {
    json participant = record_to_json(inv.participant);
    participant.erase("manager_id");
    json partners = json::array();
    for (const auto& p : inv.partners) {
        json partner{{"pair_id", p.pair_id}, {"id", p.id},     {"name", p.name},
                     {"role", role_name(p.role)}, {"department", p.department}, {"email", p.email}};
        if (!p.shared.empty()) partner["shared"] = p.shared;
        partners.push_back(std::move(partner));
    }
    json sessions = json::array();
    for (const auto& s : inv.sessions)
        sessions.push_back(json{{"id", s.id}, {"pair_id", s.pair_id}, {"start", format_utc_timestamp(s.start)},
                                {"minutes", s.minutes}, {"status", session_status_name(s.status)}, {"agenda", s.agenda}});
    json shortlist = json::array();
    for (const auto& c : inv.asks.shortlist) {
        json shown = json::object();
        for (const auto& [field, value] : c.shown) shown[field] = value;
        shortlist.push_back(json{{"id", c.id}, {"name", c.name}, {"shown", std::move(shown)}});
    }
    return json{{"format", kFormatName},
                {"version", inv.format},
                {"id", inv.id},
                {"issued_at", format_utc_timestamp(inv.issued_at)},
                {"expires_at", format_utc_timestamp(inv.expires_at)},
                {"secret", base64url_encode(inv.secret)},
                {"program", json{{"id", inv.program.id}, {"name", inv.program.name},
                                 {"objectives", inv.program.objectives}, {"norms", inv.program.norms},
                                 {"start_date", format_iso_date(inv.program.start_date)},
                                 {"end_date", format_iso_date(inv.program.end_date)}}},
                {"participant", std::move(participant)},
                {"partners", std::move(partners)},
                {"sessions", std::move(sessions)},
                {"asks", json{{"complete_profile", inv.asks.complete_profile},
                              {"availability", inv.asks.availability},
                              {"shortlist", std::move(shortlist)}}},
                {"seal", participants::invitation_seal(inv)}};
}

//-----------------------------------------------------------------------------
// [SECTION] Reading
//-----------------------------------------------------------------------------

Date read_date(ObjectReader& r, const char* key) {
    const std::string text = r.text(key, kMaxShortText, true);
    const auto date = parse_iso_date(text);
    if (!text.empty() && !date) r.problem(r.field_path(key), "\"" + text.substr(0, 40) + "\" is not a date YYYY-MM-DD");
    return date.value_or(Date{});
}

template <typename Enum, std::size_t N>
Enum read_name(ObjectReader& r, const char* key, const EnumNames<Enum, N>& names, Enum fallback) {
    const std::string text = r.text(key, kMaxShortText, true);
    const auto value = value_named(names, text);
    if (!text.empty() && !value) r.problem(r.field_path(key), "\"" + text.substr(0, 40) + "\" is not one of: " + list_names(names));
    return value.value_or(fallback);
}

// Every problem at once, each as "<source>: <JSON path>: <reason>".
Result<Invitation> refused(const std::string& source, const std::vector<Problem>& problems) {
    std::vector<Problem> named;
    for (const Problem& p : problems) named.push_back({source, describe(p)});
    return named;
}

Result<Invitation> invitation_from_json(const json& root, const std::string& source, UtcSeconds now) {
    std::vector<Problem> problems;
    ObjectReader r(root, "", problems);
    if (!r.ok() || r.text("format", kMaxShortText, false) != kFormatName)
        return Problem{source, "this is not a Flipside invitation"};
    Invitation inv;
    inv.format = r.integer("version", 0, true);
    if (inv.format > participants::kInvitationFormat)
        return Problem{source, "made by a newer Flipside (invitation version " + std::to_string(inv.format) +
                                   "); open it with the newest version of the app"};
    r.reject_unknown({"format", "version", "id", "issued_at", "expires_at", "secret", "program", "participant",
                      "partners", "sessions", "asks", "seal"});
    inv.id = r.text("id", kMaxShortText, true);
    inv.issued_at = r.instant("issued_at");
    inv.expires_at = r.instant("expires_at");
    const auto secret = base64url_decode(r.text("secret", 128, true));
    if (!secret || secret->size() != participants::kKeyBytes) r.problem("/secret", "not a secret of 32 bytes in base64url");
    else inv.secret = *secret;
    if (const json* program = r.field("program")) {
        ObjectReader p(*program, "/program", problems);
        if (p.ok()) {
            p.reject_unknown({"id", "name", "objectives", "norms", "start_date", "end_date"});
            inv.program.id = p.text("id", kMaxShortText, true);
            inv.program.name = p.text("name", kMaxShortText, true);
            inv.program.objectives = p.text("objectives", kMaxLongText, false);
            inv.program.norms = p.text("norms", kMaxLongText, false);
            inv.program.start_date = read_date(p, "start_date");
            inv.program.end_date = read_date(p, "end_date");
        }
    } else {
        r.problem("/program", "required field is missing");
    }
    if (const json* participant = r.field("participant")) read_record(*participant, "/participant", inv.participant, problems);
    else r.problem("/participant", "required field is missing");
    if (const json* partners = r.array("partners", false)) {
        for (std::size_t i = 0; i < partners->size() && i < kMaxListItems; ++i) {
            ObjectReader p((*partners)[i], "/partners/" + std::to_string(i), problems);
            if (!p.ok()) continue;
            p.reject_unknown({"pair_id", "id", "name", "role", "department", "email", "shared"});
            participants::InvitationPartner partner;
            partner.pair_id = p.text("pair_id", kMaxShortText, true);
            partner.id = p.text("id", kMaxShortText, true);
            partner.name = p.text("name", kMaxShortText, true);
            partner.role = read_name(p, "role", kRoleNames, Role::Mentor);
            partner.department = p.text("department", kMaxShortText, false);
            partner.email = p.text("email", kMaxShortText, false);
            partner.shared = p.text_list("shared", kMaxLongText);
            inv.partners.push_back(std::move(partner));
        }
    }
    if (const json* sessions = r.array("sessions", false)) {
        for (std::size_t i = 0; i < sessions->size() && i < 2000; ++i) {
            ObjectReader s((*sessions)[i], "/sessions/" + std::to_string(i), problems);
            if (!s.ok()) continue;
            s.reject_unknown({"id", "pair_id", "start", "minutes", "status", "agenda"});
            participants::InvitationSession session;
            session.id = s.text("id", kMaxShortText, true);
            session.pair_id = s.text("pair_id", kMaxShortText, true);
            session.start = s.instant("start");
            session.minutes = s.integer("minutes", 60, true);
            session.status = read_name(s, "status", kSessionStatusNames, SessionStatus::Planned);
            session.agenda = s.text("agenda", kMaxLongText, false);
            inv.sessions.push_back(std::move(session));
        }
    }
    if (const json* asks = r.field("asks")) {
        ObjectReader a(*asks, "/asks", problems);
        if (a.ok()) {
            a.reject_unknown({"complete_profile", "availability", "shortlist"});
            inv.asks.complete_profile = a.boolean("complete_profile", false);
            inv.asks.availability = a.boolean("availability", false);
            if (const json* shortlist = a.array("shortlist", false)) {
                for (std::size_t i = 0; i < shortlist->size() && i < kMaxListItems; ++i) {
                    ObjectReader c((*shortlist)[i], "/asks/shortlist/" + std::to_string(i), problems);
                    if (!c.ok()) continue;
                    c.reject_unknown({"id", "name", "shown"});
                    participants::Candidate candidate{c.text("id", kMaxShortText, true), c.text("name", kMaxShortText, true), {}};
                    if (const json* shown = c.field("shown"); shown && shown->is_object()) {
                        for (const auto& item : shown->items()) {
                            ObjectReader holder(*shown, c.field_path("shown"), problems);
                            candidate.shown.emplace_back(item.key(), holder.text_list(item.key().c_str(), kMaxLongText));
                        }
                    }
                    inv.asks.shortlist.push_back(std::move(candidate));
                }
            }
        }
    }
    const std::string seal = r.text("seal", 128, false);
    if (!problems.empty()) return refused(source, problems);
    if (seal.empty()) return Problem{source, "the invitation has no seal: it was not made by Flipside, or was cut short"};
    if (seal != participants::invitation_seal(inv))
        return Problem{source, "the invitation was changed after it was issued (its seal does not match): "
                               "ask the program's coordinator for the original"};
    if (Result<void> usable = participants::check_invitation_usable(inv, now); !usable)
        return Problem{source, usable.message()};
    return inv;
}

}  // namespace

std::string write_invitation_json(const Invitation& invitation) {
    return invitation_to_json(invitation).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<Invitation> read_invitation_json(std::string_view text, const std::string& source, UtcSeconds now) {
    if (text.size() > kMaxInvitationBytes)
        return Problem{source, "too large for an invitation (" + std::to_string(text.size() / 1024) + " KiB; the limit is " +
                                   std::to_string(kMaxInvitationBytes / 1024) + " KiB)"};
    const json root = json::parse(text.begin(), text.end(), nullptr, false);
    if (root.is_discarded()) return Problem{source, "not valid JSON: the invitation is truncated or garbled"};
    return invitation_from_json(root, source, now);
}

//-----------------------------------------------------------------------------
// [SECTION] Links
//-----------------------------------------------------------------------------

std::string invitation_link(const Invitation& invitation, const std::string& base_url) {
    const std::string compact = invitation_to_json(invitation).dump(-1, ' ', false, json::error_handler_t::replace);
    return base_url + "#" + kLinkKey + base64url_encode(deflate_raw(compact));
}

Result<Invitation> read_invitation_link(std::string_view link, UtcSeconds now) {
    const std::string source = "the invitation link";
    const std::size_t at = link.find(kLinkKey);
    if (at == std::string_view::npos) return Problem{source, "it holds no invitation (no \"#invite=\" part)"};
    std::string_view payload = link.substr(at + std::char_traits<char>::length(kLinkKey));
    payload = payload.substr(0, payload.find('&'));
    if (payload.size() > kMaxInvitationBytes) return Problem{source, "too long to be an invitation"};
    const auto compressed = base64url_decode(payload);
    if (!compressed) return Problem{source, "garbled: it holds characters a link does not (was it cut or changed?)"};
    const Result<std::string> text = inflate_raw(*compressed, kMaxInvitationBytes);
    if (!text) return Problem{source, text.message() + " (was the link cut short when it was copied?)"};
    return read_invitation_json(*text, source, now);
}

}  // namespace flipside::io
