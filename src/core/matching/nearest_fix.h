// For a person the proposal leaves without a partner: the reason in words and the smallest
// change that would pair them, computed by re-solving, not guessed. The changes tried: turning
// off one switchable hard rule that keeps a partner away ("with *A common language is required*
// off, 3 mentors qualify, best Rhys Hughes 61"), one more place for an allowed mentor who is
// full (or a first place for a mentor with capacity 0), and locking the person with their best
// allowed partner. Each is solved under the same settings and mode; the nearest is the one that
// pairs them and changes the fewest other pairs, then keeps the highest total.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/matching/explainer.h"
#include "core/matching/run.h"
#include "core/result.h"

namespace flipside::matching {

enum class FixKind {
    RuleOff,       // one switchable hard rule turned off (rule)
    MoreCapacity,  // a mentor takes one more mentee (mentor_id, new_capacity)
    LockBest,      // the person locked with their best allowed partner
};

struct FixOption {
    FixKind kind = FixKind::RuleOff;
    std::uint32_t rule = 0;          // RuleOff: the HardRuleBit
    std::string mentor_id;           // MoreCapacity
    int new_capacity = 0;            // MoreCapacity
    std::size_t qualifying = 0;      // partners allowed with the change
    std::string best_partner_id;     // the best of them by score
    int best_score = 0;              // hundredths
    // The re-solved proposal with the change:
    std::optional<std::string> paired_with;  // nullopt: still unmatched
    int paired_score = 0;
    std::size_t other_pairs_changed = 0;     // other mentees whose mentor differs
    long long total_score = 0;
    std::size_t matched = 0;
    std::string text;  // "with *A common language is required* off, 3 mentors qualify, best Rhys Hughes 61; …"
};

struct NearestFix {
    std::string person_id;
    Role role = Role::Mentee;
    std::string reason;                // why the proposal leaves them unmatched (its own words)
    std::vector<FixOption> options;    // every change tried
    std::optional<std::size_t> nearest;  // index in options of the smallest that pairs them
    std::string text;                  // the reason and the nearest fix in one sentence
};

// `proposal` is the one under the explainer's settings that left the person unmatched. A person
// it pairs gets the partner as the reason and no options. Refused for an unknown id.
Result<NearestFix> nearest_fix(const MatchingExplainer& explainer, const std::string& person_id,
                               const MatchingProposal& proposal);

}  // namespace flipside::matching
