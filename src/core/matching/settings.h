// How the coordinator steers the pairing of one program: criterion weights, hard-rule
// toggles, the solver mode, and pairs locked in or forbidden by hand. Saved with the program.
// Standard library only; no reference to the rest of the model so that model.h can hold it.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flipside::matching {

// The criteria a candidate pair is scored on. Order is the order of every breakdown.
enum class Criterion {
    Skills,           // what the mentor can teach against what the mentee wants to learn
    Interests,        // shared interests
    Language,         // at least one common language
    CrossDepartment,  // different departments ("a finance executive with a junior IT member")
    Availability,     // weekly hours both are free, across their time zones
    Seniority,        // the mentor is junior to the mentee (the "reverse" in reverse mentoring)
    PreviousPartner,  // a penalty: the two were paired in an earlier wave
};
inline constexpr std::size_t kCriterionCount = 7;
const char* criterion_name(Criterion criterion);  // "skills", "cross_department", ...
std::optional<Criterion> parse_criterion(std::string_view name);

// Integer weights (0..kMaxWeight): a criterion fully met earns its weight in points.
// PreviousPartner is subtracted. Integers keep scores identical natively and in WebAssembly.
struct MatchingWeights {
    int skills = 40;
    int interests = 10;
    int language = 5;
    int cross_department = 10;
    int availability = 15;
    int seniority = 10;
    int previous_partner = 20;

    int of(Criterion criterion) const;
    void set(Criterion criterion, int weight);
    friend bool operator==(const MatchingWeights& a, const MatchingWeights& b);
    friend bool operator!=(const MatchingWeights& a, const MatchingWeights& b) { return !(a == b); }
};
inline constexpr int kMaxWeight = 100;

// What makes a mentor "junior" to a mentee.
enum class SeniorityBasis {
    Level,           // lower grade
    Tenure,          // hired later (unknown hire dates give the benefit of the doubt)
    LevelOrTenure,   // either of the two
    LevelAndTenure,  // both
};
const char* seniority_basis_name(SeniorityBasis basis);  // "level", "tenure", "level-or-tenure", "level-and-tenure"
std::optional<SeniorityBasis> parse_seniority_basis(std::string_view name);

// Hard rules that a coordinator may switch. Reporting lines, inactive people, forbidden pairs
// and capacities are always hard.
struct MatchingRules {
    bool require_common_language = true;   // no shared language: never paired
    bool forbid_same_department = false;   // same department: never paired (else only scored lower)
    bool require_junior_mentor = true;     // the mentor must be junior (else only scored)
    SeniorityBasis seniority_basis = SeniorityBasis::Level;
    bool forbid_previous_partners = false; // earlier waves' partners: never again (else a penalty)
    bool rare_skills_count_more = true;    // a goal few mentors can teach weighs more
    // Weekly shared time below this: never paired (0 = off). One hour by default: a pair that
    // cannot find an hour a week together cannot hold its sessions.
    int minimum_overlap_minutes = 60;
    int full_overlap_minutes = 120;        // weekly shared time that earns the whole availability weight

    friend bool operator==(const MatchingRules& a, const MatchingRules& b);
    friend bool operator!=(const MatchingRules& a, const MatchingRules& b) { return !(a == b); }
};
inline constexpr int kMinutesPerWeek = 7 * 24 * 60;

enum class MatchingMode {
    Optimal,  // most mentees matched, then the highest total score
    Fair,     // most mentees matched, then the highest lowest pair score, then the total
    Stable,   // participants' rankings; no mentor and mentee would both rather have each other
};
const char* matching_mode_name(MatchingMode mode);  // "optimal" / "fair" / "stable"
std::optional<MatchingMode> parse_matching_mode(std::string_view name);

// A mentor and a mentee by participant id.
struct PairKey {
    std::string mentor_id;
    std::string mentee_id;
    friend bool operator==(const PairKey& a, const PairKey& b) {
        return a.mentor_id == b.mentor_id && a.mentee_id == b.mentee_id;
    }
    friend bool operator!=(const PairKey& a, const PairKey& b) { return !(a == b); }
    friend bool operator<(const PairKey& a, const PairKey& b) {
        return a.mentor_id != b.mentor_id ? a.mentor_id < b.mentor_id : a.mentee_id < b.mentee_id;
    }
};

struct MatchingSettings {
    MatchingMode mode = MatchingMode::Optimal;
    MatchingWeights weights;
    MatchingRules rules;
    // 0: every allowed candidate is kept (dense). k > 0: only each mentee's best k mentors
    // (sparse), which is what lets 50,000 people fit in browser memory.
    int candidates_per_mentee = 0;
    std::vector<PairKey> locked_pairs;     // always in the proposal
    std::vector<PairKey> forbidden_pairs;  // never in the proposal

    friend bool operator==(const MatchingSettings& a, const MatchingSettings& b);
    friend bool operator!=(const MatchingSettings& a, const MatchingSettings& b) { return !(a == b); }
};

}  // namespace flipside::matching
