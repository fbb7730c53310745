#include "core/matching/settings.h"

#include <tuple>

namespace flipside::matching {

namespace {

// {value, name} pairs, read both ways, as core/enum_names.h does for the model (this target
// sits below the core, so it keeps its own two lookups): a value never comes from a position.
template <typename Enum>
struct Named {
    Enum value;
    const char* name;
};

constexpr Named<Criterion> kCriterionNames[] = {
    {Criterion::Skills, "skills"},
    {Criterion::Interests, "interests"},
    {Criterion::Language, "language"},
    {Criterion::CrossDepartment, "cross_department"},
    {Criterion::Availability, "availability"},
    {Criterion::Seniority, "seniority"},
    {Criterion::PreviousPartner, "previous_partner"},
};
constexpr Named<SeniorityBasis> kSeniorityBasisNames[] = {
    {SeniorityBasis::Level, "level"},
    {SeniorityBasis::Tenure, "tenure"},
    {SeniorityBasis::LevelOrTenure, "level-or-tenure"},
    {SeniorityBasis::LevelAndTenure, "level-and-tenure"},
};
constexpr Named<MatchingMode> kModeNames[] = {
    {MatchingMode::Optimal, "optimal"},
    {MatchingMode::Fair, "fair"},
    {MatchingMode::Stable, "stable"},
};

template <typename Enum, std::size_t N>
const char* name_in(const Named<Enum> (&names)[N], Enum value) {
    for (const Named<Enum>& entry : names)
        if (entry.value == value) return entry.name;
    return names[0].name;  // not reached: every value is listed
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_in(const Named<Enum> (&names)[N], std::string_view name) {
    for (const Named<Enum>& entry : names)
        if (name == entry.name) return entry.value;
    return std::nullopt;
}

}  // namespace

const char* criterion_name(Criterion criterion) { return name_in(kCriterionNames, criterion); }

std::optional<Criterion> parse_criterion(std::string_view name) { return value_in(kCriterionNames, name); }

int MatchingWeights::of(Criterion criterion) const {
    switch (criterion) {
        case Criterion::Skills: return skills;
        case Criterion::Interests: return interests;
        case Criterion::Language: return language;
        case Criterion::CrossDepartment: return cross_department;
        case Criterion::Availability: return availability;
        case Criterion::Seniority: return seniority;
        case Criterion::PreviousPartner: return previous_partner;
    }
    return 0;
}

void MatchingWeights::set(Criterion criterion, int weight) {
    switch (criterion) {
        case Criterion::Skills: skills = weight; break;
        case Criterion::Interests: interests = weight; break;
        case Criterion::Language: language = weight; break;
        case Criterion::CrossDepartment: cross_department = weight; break;
        case Criterion::Availability: availability = weight; break;
        case Criterion::Seniority: seniority = weight; break;
        case Criterion::PreviousPartner: previous_partner = weight; break;
    }
}

bool operator==(const MatchingWeights& a, const MatchingWeights& b) {
    return std::tie(a.skills, a.interests, a.language, a.cross_department, a.availability, a.seniority,
                    a.previous_partner) == std::tie(b.skills, b.interests, b.language, b.cross_department,
                                                    b.availability, b.seniority, b.previous_partner);
}

const char* seniority_basis_name(SeniorityBasis basis) { return name_in(kSeniorityBasisNames, basis); }

std::optional<SeniorityBasis> parse_seniority_basis(std::string_view name) {
    return value_in(kSeniorityBasisNames, name);
}

bool operator==(const MatchingRules& a, const MatchingRules& b) {
    return std::tie(a.require_common_language, a.forbid_same_department, a.require_junior_mentor,
                    a.seniority_basis, a.forbid_previous_partners, a.rare_skills_count_more,
                    a.minimum_overlap_minutes, a.full_overlap_minutes) ==
           std::tie(b.require_common_language, b.forbid_same_department, b.require_junior_mentor,
                    b.seniority_basis, b.forbid_previous_partners, b.rare_skills_count_more,
                    b.minimum_overlap_minutes, b.full_overlap_minutes);
}

const char* matching_mode_name(MatchingMode mode) { return name_in(kModeNames, mode); }

std::optional<MatchingMode> parse_matching_mode(std::string_view name) { return value_in(kModeNames, name); }

bool operator==(const MatchingSettings& a, const MatchingSettings& b) {
    return std::tie(a.mode, a.weights, a.rules, a.candidates_per_mentee, a.locked_pairs, a.forbidden_pairs) ==
           std::tie(b.mode, b.weights, b.rules, b.candidates_per_mentee, b.locked_pairs, b.forbidden_pairs);
}

}  // namespace flipside::matching
