// For a person the proposal leaves without a partner: the reason in words and the smallest
// change that would pair them, computed by re-solving, not guessed. The changes tried: turning
// off one switchable hard rule that keeps a partner away ("with *A common language is required*
// off, 3 mentors qualify, best Rhys Hughes 61"), one more place for an allowed mentor who is
// full (or a first place for a mentor with capacity 0), and locking the person with their best
// allowed partner. Each is solved under the same settings and mode; the nearest is the one that
// pairs them and changes the fewest other pairs, then keeps the highest total.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
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

// The same search in slices, for a screen that keeps drawing: each change tried is one
// MatchingRun stepped with the caller's budget. The explainer must outlive the search.
class NearestFixSearch {
public:
    // Refused for an unknown id.
    static Result<NearestFixSearch> start(const MatchingExplainer& explainer, const std::string& person_id,
                                          const MatchingProposal& proposal);
    // About `budget` units of work (MatchingRun::step). True when the answer is ready.
    bool step(std::int64_t budget);
    bool finished() const { return !run_ && next_trial_ >= trials_.size(); }
    double progress() const;  // 0..1 over the changes to try
    const NearestFix& answer() const { return fix_; }  // complete once finished()

    NearestFixSearch(NearestFixSearch&&) noexcept;
    NearestFixSearch& operator=(NearestFixSearch&&) noexcept;
    ~NearestFixSearch();

private:
    struct Trial {  // one change to solve under
        FixOption option;                  // the change, its text so far
        std::optional<Document> document;  // the document with the change (MoreCapacity), else the explainer's
        MatchingSettings settings;
    };
    NearestFixSearch(const MatchingExplainer& explainer, const MatchingProposal& proposal);
    void choose_nearest();

    const MatchingExplainer* explainer_;
    MatchingProposal proposal_;
    NearestFix fix_;
    bool active_ = true;
    std::vector<Trial> trials_;
    std::size_t next_trial_ = 0;
    std::unique_ptr<MatchingRun> run_;  // solving trials_[next_trial_]
};

}  // namespace flipside::matching
