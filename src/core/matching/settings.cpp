#include "core/matching/settings.h"

#include <tuple>

namespace flipside::matching {

namespace {
constexpr std::array<const char*, kCriterionCount> kCriterionNames = {
    "skills", "interests", "language", "cross_department", "availability", "seniority", "previous_partner"};
constexpr std::array<const char*, 4> kSeniorityBasisNames = {"level", "tenure", "level-or-tenure",
                                                             "level-and-tenure"};
constexpr std::array<const char*, 3> kModeNames = {"optimal", "fair", "stable"};
}  // namespace

const char* criterion_name(Criterion criterion) { return kCriterionNames[static_cast<std::size_t>(criterion)]; }

std::optional<Criterion> parse_criterion(std::string_view name) {
    for (std::size_t i = 0; i < kCriterionNames.size(); ++i)
        if (name == kCriterionNames[i]) return static_cast<Criterion>(i);
    return std::nullopt;
}

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

const char* seniority_basis_name(SeniorityBasis basis) {
    return kSeniorityBasisNames[static_cast<std::size_t>(basis)];
}

std::optional<SeniorityBasis> parse_seniority_basis(std::string_view name) {
    for (std::size_t i = 0; i < kSeniorityBasisNames.size(); ++i)
        if (name == kSeniorityBasisNames[i]) return static_cast<SeniorityBasis>(i);
    return std::nullopt;
}

bool operator==(const MatchingRules& a, const MatchingRules& b) {
    return std::tie(a.require_common_language, a.forbid_same_department, a.require_junior_mentor,
                    a.seniority_basis, a.forbid_previous_partners, a.rare_skills_count_more,
                    a.minimum_overlap_minutes, a.full_overlap_minutes) ==
           std::tie(b.require_common_language, b.forbid_same_department, b.require_junior_mentor,
                    b.seniority_basis, b.forbid_previous_partners, b.rare_skills_count_more,
                    b.minimum_overlap_minutes, b.full_overlap_minutes);
}

const char* matching_mode_name(MatchingMode mode) { return kModeNames[static_cast<std::size_t>(mode)]; }

std::optional<MatchingMode> parse_matching_mode(std::string_view name) {
    for (std::size_t i = 0; i < kModeNames.size(); ++i)
        if (name == kModeNames[i]) return static_cast<MatchingMode>(i);
    return std::nullopt;
}

bool operator==(const MatchingSettings& a, const MatchingSettings& b) {
    return std::tie(a.mode, a.weights, a.rules, a.candidates_per_mentee, a.locked_pairs, a.forbidden_pairs) ==
           std::tie(b.mode, b.weights, b.rules, b.candidates_per_mentee, b.locked_pairs, b.forbidden_pairs);
}

}  // namespace flipside::matching
