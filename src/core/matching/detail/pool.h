// Everything the pairing engine knows about one program's people, prepared once per run:
// who is a mentee or a mentor, their profiles turned into small integer sets, availability
// on a UTC week grid, reporting lines, earlier partners, and the coordinator's locked and
// forbidden pairs. Mentees and mentors are addressed by position in `mentees` / `mentors`.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/matching/detail/availability.h"
#include "core/matching/detail/reporting_lines.h"
#include "core/matching/settings.h"
#include "core/model.h"
#include "core/result.h"
#include "core/time_zone_catalog.h"

namespace flipside::matching {

// One participant's profile reduced to what scoring needs. Names are interned into small
// integers (case and surrounding spaces ignored) and kept sorted for merge walks.
// Fields read for every candidate pair come first, so that they share one or two cache lines.
struct MatchingProfile {
    // The sets below as bits when every vocabulary has at most 64 names (the usual case), so a
    // candidate pair costs a few AND and popcount instructions instead of merge walks.
    std::uint64_t skill_bits = 0, goal_bits = 0, interest_bits = 0, language_bits = 0;
    std::int64_t hire_day = 0;                       // days since 1970
    long long wanted_weight = 0;  // mentees: 5 x the rarity of every goal (the skills denominator)
    std::size_t participant = 0;                     // index in Document::participants
    int line_enter = 0, line_leave = 0;              // reporting-line visit times (see ReportingLines)
    int level = 1;
    int department = -1;                             // -1: none given
    int capacity = 1;
    int interest_count = 0;
    bool active = true;
    bool has_hire_date = false;
    std::vector<std::pair<int, int>> skills;         // (skill, proficiency 1..5), by skill
    std::vector<int> goals;                          // skills wanted, sorted, unique
    std::vector<int> interests;                      // sorted, unique
    std::vector<int> languages;                      // sorted, unique
};

struct LockedPair {
    int mentee = 0;  // positions
    int mentor = 0;
};

struct MatchingPool {
    const Document* document = nullptr;
    MatchingSettings settings;
    std::vector<MatchingProfile> mentees;
    std::vector<MatchingProfile> mentors;
    AvailabilityGrid availability;       // mentees first, then mentors
    std::vector<int> utc_offset_seconds; // the offsets the grid was laid with, in its order
    ReportingLines reporting_lines{std::vector<Participant>{}};
    std::vector<int> skill_rarity;       // per skill: 1 (common) .. 3 (few mentors teach it)
    bool small_vocabularies = false;     // skills, interests and languages each fit 64 bits
    std::vector<std::uint8_t> mentor_proficiency;  // small vocabularies: mentors x 64, 0 = not taught
    // Points looked up instead of divided per pair (filled by prepare_scoring).
    std::vector<int> availability_points;  // by shared weekly slots
    std::vector<int> interest_points;      // small vocabularies: [common * 65 + shorter list]
    std::vector<std::vector<int>> forbidden_mentors;  // per mentee, sorted mentor positions
    std::vector<std::vector<int>> previous_mentors;   // per mentee, sorted mentor positions
    std::vector<LockedPair> locked;       // valid locks only
    std::vector<std::string> warnings;    // locks or forbids that could not be honoured, and why
    // The interned names by id, as first written: what explanations say.
    std::vector<std::string> skill_names, interest_names, language_names, department_names;
    std::unordered_map<std::string, int> mentee_by_id;
    std::unordered_map<std::string, int> mentor_by_id;

    std::size_t mentee_count() const { return mentees.size(); }
    std::size_t mentor_count() const { return mentors.size(); }
    const Participant& mentee_participant(std::size_t mentee) const;
    const Participant& mentor_participant(std::size_t mentor) const;
    int overlap_minutes(std::size_t mentee, std::size_t mentor) const {
        return availability.overlap_minutes(mentee, mentees.size() + mentor);
    }
    int mentee_position(const std::string& id) const;  // -1 when not a mentee
    int mentor_position(const std::string& id) const;  // -1 when not a mentor
};

// A mentor and a mentee of the pool by position, from their ids; refused, naming the id, when
// either is not on that side of the program.
struct PairPositions {
    std::size_t mentee = 0;
    std::size_t mentor = 0;
};
Result<PairPositions> find_pair(const MatchingPool& pool, const std::string& mentor_id, const std::string& mentee_id);

// Prepares the pool for the document's current program (its settings) or `settings` when
// given. `reference_instant` fixes the UTC offsets used for availability.
MatchingPool build_matching_pool(const Document& document, const MatchingSettings& settings,
                                 const TimeZoneCatalog& time_zones, UtcSeconds reference_instant);

}  // namespace flipside::matching
