#include "io/json_matching.h"

#include "io/json_fields.h"

namespace flipside::io {

using nlohmann::json;

namespace {

json pairs_to_json(const std::vector<matching::PairKey>& pairs) {
    json out = json::array();
    for (const matching::PairKey& key : pairs) out.push_back(json{{"mentor_id", key.mentor_id}, {"mentee_id", key.mentee_id}});
    return out;
}

int bounded(ObjectReader& reader, const char* key, int fallback, int min, int max) {
    const int value = reader.integer(key, fallback, false);
    if (value < min || value > max) {
        reader.problem(reader.field_path(key), "must be from " + std::to_string(min) + " to " + std::to_string(max));
        return fallback;
    }
    return value;
}

std::vector<matching::PairKey> read_pairs(ObjectReader& reader, const char* key, std::vector<Problem>& problems) {
    std::vector<matching::PairKey> pairs;
    const json* list = reader.array(key, false);
    if (!list) return pairs;
    constexpr std::size_t kMaxPairs = 100000;
    if (list->size() > kMaxPairs) reader.problem(reader.field_path(key), "more than 100000 pairs");
    for (std::size_t i = 0; i < list->size() && i < kMaxPairs; ++i) {
        ObjectReader item((*list)[i], reader.field_path(key) + "/" + std::to_string(i), problems);
        if (!item.ok()) continue;
        item.reject_unknown({"mentor_id", "mentee_id"});
        pairs.push_back(matching::PairKey{item.text("mentor_id", kMaxShortText, true), item.text("mentee_id", kMaxShortText, true)});
    }
    return pairs;
}

}  // namespace

json matching_settings_to_json(const matching::MatchingSettings& s) {
    json weights = json::object();
    for (std::size_t c = 0; c < matching::kCriterionCount; ++c)
        weights[matching::criterion_name(static_cast<matching::Criterion>(c))] = s.weights.of(static_cast<matching::Criterion>(c));
    const matching::MatchingRules& r = s.rules;
    return json{{"mode", matching::matching_mode_name(s.mode)},
                {"weights", std::move(weights)},
                {"rules", json{{"require_common_language", r.require_common_language},
                               {"forbid_same_department", r.forbid_same_department},
                               {"require_junior_mentor", r.require_junior_mentor},
                               {"seniority_basis", matching::seniority_basis_name(r.seniority_basis)},
                               {"forbid_previous_partners", r.forbid_previous_partners},
                               {"rare_skills_count_more", r.rare_skills_count_more},
                               {"minimum_overlap_minutes", r.minimum_overlap_minutes},
                               {"full_overlap_minutes", r.full_overlap_minutes}}},
                {"candidates_per_mentee", s.candidates_per_mentee},
                {"locked_pairs", pairs_to_json(s.locked_pairs)},
                {"forbidden_pairs", pairs_to_json(s.forbidden_pairs)}};
}

matching::MatchingSettings read_matching_settings(const json& value, const std::string& path, std::vector<Problem>& problems) {
    matching::MatchingSettings s;
    ObjectReader reader(value, path, problems);
    if (!reader.ok()) return s;
    reader.reject_unknown({"mode", "weights", "rules", "candidates_per_mentee", "locked_pairs", "forbidden_pairs"});
    const std::string mode = reader.text("mode", kMaxShortText, false);
    if (!mode.empty()) {
        if (const auto parsed = matching::parse_matching_mode(mode)) s.mode = *parsed;
        else reader.problem(reader.field_path("mode"), "\"" + mode.substr(0, 40) + "\" is not one of: optimal, fair, stable");
    }
    if (const json* weights = reader.field("weights")) {
        ObjectReader w(*weights, reader.field_path("weights"), problems);
        if (w.ok()) {
            w.reject_unknown({"skills", "interests", "language", "cross_department", "availability", "seniority",
                              "previous_partner"});
            for (std::size_t c = 0; c < matching::kCriterionCount; ++c) {
                const auto criterion = static_cast<matching::Criterion>(c);
                s.weights.set(criterion, bounded(w, matching::criterion_name(criterion), s.weights.of(criterion), 0, matching::kMaxWeight));
            }
        }
    }
    if (const json* rules = reader.field("rules")) {
        ObjectReader r(*rules, reader.field_path("rules"), problems);
        if (r.ok()) {
            r.reject_unknown({"require_common_language", "forbid_same_department", "require_junior_mentor",
                              "seniority_basis", "forbid_previous_partners", "rare_skills_count_more",
                              "minimum_overlap_minutes", "full_overlap_minutes"});
            matching::MatchingRules& out = s.rules;
            out.require_common_language = r.boolean("require_common_language", out.require_common_language);
            out.forbid_same_department = r.boolean("forbid_same_department", out.forbid_same_department);
            out.require_junior_mentor = r.boolean("require_junior_mentor", out.require_junior_mentor);
            const std::string basis = r.text("seniority_basis", kMaxShortText, false);
            if (!basis.empty()) {
                if (const auto parsed = matching::parse_seniority_basis(basis)) out.seniority_basis = *parsed;
                else r.problem(r.field_path("seniority_basis"),
                               "\"" + basis.substr(0, 40) + "\" is not one of: level, tenure, level-or-tenure, level-and-tenure");
            }
            out.forbid_previous_partners = r.boolean("forbid_previous_partners", out.forbid_previous_partners);
            out.rare_skills_count_more = r.boolean("rare_skills_count_more", out.rare_skills_count_more);
            out.minimum_overlap_minutes = bounded(r, "minimum_overlap_minutes", out.minimum_overlap_minutes, 0, matching::kMinutesPerWeek);
            out.full_overlap_minutes = bounded(r, "full_overlap_minutes", out.full_overlap_minutes, 0, matching::kMinutesPerWeek);
        }
    }
    s.candidates_per_mentee = bounded(reader, "candidates_per_mentee", s.candidates_per_mentee, 0, 1000000);
    s.locked_pairs = read_pairs(reader, "locked_pairs", problems);
    s.forbidden_pairs = read_pairs(reader, "forbidden_pairs", problems);
    return s;
}

}  // namespace flipside::io
