#include "core/matching/nearest_fix.h"

#include <algorithm>

#include "core/matching/detail/phrases.h"
#include "core/matching/detail/pool.h"
#include "core/matching/detail/rules.h"
#include "core/matching/detail/scoring.h"
#include "core/matching/why_not.h"

namespace flipside::matching {

namespace {

constexpr std::uint32_t kSwitchableRules[] = {kRuleNoCommonLanguage, kRuleSameDepartment, kRuleMentorNotJunior,
                                              kRulePreviousPartner, kRuleTooLittleOverlap};

MatchingSettings settings_without(const MatchingSettings& settings, std::uint32_t rule) {
    MatchingSettings relaxed = settings;
    switch (rule) {
        case kRuleNoCommonLanguage: relaxed.rules.require_common_language = false; break;
        case kRuleSameDepartment: relaxed.rules.forbid_same_department = false; break;
        case kRuleMentorNotJunior: relaxed.rules.require_junior_mentor = false; break;
        case kRulePreviousPartner: relaxed.rules.forbid_previous_partners = false; break;
        case kRuleTooLittleOverlap: relaxed.rules.minimum_overlap_minutes = 0; break;
        default: break;
    }
    return relaxed;
}

bool rule_is_on(const MatchingRules& rules, std::uint32_t rule) {
    switch (rule) {
        case kRuleNoCommonLanguage: return rules.require_common_language;
        case kRuleSameDepartment: return rules.forbid_same_department;
        case kRuleMentorNotJunior: return rules.require_junior_mentor;
        case kRulePreviousPartner: return rules.forbid_previous_partners;
        case kRuleTooLittleOverlap: return rules.minimum_overlap_minutes > 0;
        default: return false;
    }
}

struct Person {
    bool mentee = true;
    std::size_t position = 0;
    PairPositions with(std::size_t partner) const { return mentee ? PairPositions{position, partner} : PairPositions{partner, position}; }
};

// The re-solved proposal's answer for the person, filled into the option.
void record_solve(const MatchingExplainer& explainer, const std::string& person_id, const MatchingProposal& base,
                  const MatchingProposal& solved, FixOption& option) {
    for (const ProposedPair& pair : solved.pairs) {
        if (pair.mentee_id == person_id || pair.mentor_id == person_id) {
            option.paired_with = pair.mentee_id == person_id ? pair.mentor_id : pair.mentee_id;
            option.paired_score = pair.score;
            break;
        }
    }
    const ProposalDifference difference = compare_proposals(explainer, base, solved);
    option.other_pairs_changed = 0;
    for (const MentorChange& change : difference.changes)
        if (change.mentee_id != person_id && change.to_mentor_id != std::optional<std::string>(person_id) &&
            change.from_mentor_id != std::optional<std::string>(person_id))
            ++option.other_pairs_changed;
    option.total_score = solved.total_score;
    option.matched = solved.pairs.size();
}

std::string name_of(const MatchingExplainer& explainer, const std::string& id) {
    const MatchingPool& pool = explainer.pool();
    const int mentor = pool.mentor_position(id), mentee = pool.mentee_position(id);
    return display_name(mentor >= 0 ? pool.mentor_participant(static_cast<std::size_t>(mentor))
                                    : pool.mentee_participant(static_cast<std::size_t>(mentee)));
}

std::string outcome_text(const MatchingExplainer& explainer, const std::string& person_id, const FixOption& option) {
    const std::string person = name_of(explainer, person_id);
    if (!option.paired_with) return ", but the best pairing would still leave " + person + " unmatched";
    return "; the best pairing then pairs " + person + " with " + name_of(explainer, *option.paired_with) + " (" +
           format_score(option.paired_score) + ") and changes " +
           (option.other_pairs_changed == 0 ? std::string("no other pair")
                                            : count_word(option.other_pairs_changed) + (option.other_pairs_changed == 1 ? " other pair" : " other pairs"));
}

// The sentence that ends an option once its change is solved.
std::string solved_text(const MatchingExplainer& explainer, const std::string& person_id, const MatchingProposal& base,
                        const FixOption& option) {
    if (option.kind != FixKind::LockBest) return outcome_text(explainer, person_id, option);
    return " changes " + (option.other_pairs_changed == 0 ? std::string("no other pair")
                                                         : count_word(option.other_pairs_changed) +
                                                               (option.other_pairs_changed == 1 ? " other pair" : " other pairs")) +
           " and makes the total " + format_score(option.total_score) + " instead of " + format_score(base.total_score);
}

}  // namespace

NearestFixSearch::NearestFixSearch(const MatchingExplainer& explainer, const MatchingProposal& proposal)
    : explainer_(&explainer), proposal_(proposal) {}
NearestFixSearch::NearestFixSearch(NearestFixSearch&&) noexcept = default;
NearestFixSearch& NearestFixSearch::operator=(NearestFixSearch&&) noexcept = default;
NearestFixSearch::~NearestFixSearch() = default;

Result<NearestFixSearch> NearestFixSearch::start(const MatchingExplainer& explainer, const std::string& person_id,
                                                 const MatchingProposal& proposal) {
    const MatchingPool& pool = explainer.pool();
    const int as_mentee = pool.mentee_position(person_id), as_mentor = pool.mentor_position(person_id);
    if (as_mentee < 0 && as_mentor < 0) return Problem{"", "no mentor or mentee with id \"" + person_id + "\" in the current program"};
    const Person person{as_mentee >= 0, static_cast<std::size_t>(as_mentee >= 0 ? as_mentee : as_mentor)};
    NearestFixSearch search(explainer, proposal);
    NearestFix& fix = search.fix_;
    fix.person_id = person_id;
    fix.role = person.mentee ? Role::Mentee : Role::Mentor;
    for (const ProposedPair& pair : proposal.pairs)
        if (pair.mentee_id == person_id || pair.mentor_id == person_id) {
            fix.reason = "paired with " + name_of(explainer, pair.mentee_id == person_id ? pair.mentor_id : pair.mentee_id);
            fix.text = fix.reason;
            return search;
        }
    for (const UnmatchedParticipant& unmatched : proposal.unmatched)
        if (unmatched.id == person_id) fix.reason = unmatched.reason;

    const MatchingProfile& profile = person.mentee ? pool.mentees[person.position] : pool.mentors[person.position];
    search.active_ = profile.active;
    const std::size_t partners = person.mentee ? pool.mentor_count() : pool.mentee_count();
    const auto partner_id = [&](std::size_t partner) -> const std::string& {
        return person.mentee ? pool.mentor_participant(partner).id : pool.mentee_participant(partner).id;
    };
    const char* partner_word = person.mentee ? "mentor" : "mentee";
    std::vector<std::uint32_t> broken(partners);
    std::vector<int> score(partners);
    for (std::size_t partner = 0; partner < partners; ++partner) {
        const PairPositions at = person.with(partner);
        broken[partner] = broken_hard_rules(pool, at.mentee, at.mentor, true);
        score[partner] = score_pair(pool, at.mentee, at.mentor);
    }
    // The best partner among those `qualifies` accepts (ties in roster order), and how many it accepts.
    const auto best_of = [&](auto qualifies, FixOption& option) {
        int best = -1;
        for (std::size_t partner = 0; partner < partners; ++partner) {
            if (!qualifies(partner)) continue;
            ++option.qualifying;
            if (best < 0 || score[partner] > score[static_cast<std::size_t>(best)]) best = static_cast<int>(partner);
        }
        if (best >= 0) {
            option.best_partner_id = partner_id(static_cast<std::size_t>(best));
            option.best_score = score[static_cast<std::size_t>(best)];
        }
        return best;
    };
    const auto try_change = [&](FixOption option, std::optional<Document> document, MatchingSettings settings) {
        search.trials_.push_back(Trial{std::move(option), std::move(document), std::move(settings)});
    };
    const std::string qualify_word = std::string(partner_word) + "s qualify";

    if (profile.active) {
        for (const std::uint32_t rule : kSwitchableRules) {
            if (!rule_is_on(explainer.settings().rules, rule)) continue;
            FixOption option;
            option.kind = FixKind::RuleOff;
            option.rule = rule;
            bool opens = false;
            for (std::size_t partner = 0; partner < partners; ++partner)
                opens = opens || ((broken[partner] & rule) != 0 && (broken[partner] & ~rule) == 0);
            if (!opens) continue;
            best_of([&](std::size_t partner) { return (broken[partner] & ~rule) == 0; }, option);
            const bool no_hours = rule == kRuleTooLittleOverlap &&
                                  pool.availability.total_minutes(person.mentee ? person.position : pool.mentee_count() + person.position) == 0;
            option.text = std::string(no_hours ? name_of(explainer, person_id) + " has given no weekly hours: with them, or " : "") +
                          "with *" + hard_rule_setting_label(rule) + "* " + (rule == kRuleTooLittleOverlap ? "at 0" : "off") + ", " +
                          (option.qualifying == 1 ? "1 " + std::string(partner_word) + " qualifies" : std::to_string(option.qualifying) + " " + qualify_word) +
                          ", best " + name_of(explainer, option.best_partner_id) + " " + format_score(option.best_score);
            try_change(std::move(option), std::nullopt, settings_without(explainer.settings(), rule));
        }
    }
    // One more place: for a mentee, the best allowed mentor who is full; for a mentor without
    // any place, a first one.
    std::vector<int> load(pool.mentor_count(), 0);
    for (const ProposedPair& pair : proposal.pairs) {
        const int m = pool.mentor_position(pair.mentor_id);
        if (m >= 0) ++load[static_cast<std::size_t>(m)];
    }
    const auto add_capacity_option = [&](std::size_t mentor) {
        const Participant& who = pool.mentor_participant(mentor);
        FixOption option;
        option.kind = FixKind::MoreCapacity;
        option.mentor_id = who.id;
        option.new_capacity = std::max(0, who.capacity) + 1;
        Document changed = explainer.document();
        for (Participant& p : changed.participants)
            if (p.id == who.id) p.capacity = option.new_capacity;
        option.qualifying = 1;
        option.best_partner_id = person.mentee ? who.id : std::string();
        option.text = "with " + display_name(who) + " taking " + std::to_string(option.new_capacity) + " mentees instead of " +
                      std::to_string(std::max(0, who.capacity));
        try_change(std::move(option), std::move(changed), explainer.settings());
    };
    if (person.mentee && profile.active) {
        int full = -1;
        for (std::size_t m = 0; m < partners; ++m)
            if (broken[m] == 0 && load[m] >= pool.mentors[m].capacity &&
                (full < 0 || score[m] > score[static_cast<std::size_t>(full)]))
                full = static_cast<int>(m);
        if (full >= 0) add_capacity_option(static_cast<std::size_t>(full));
    } else if (!person.mentee && profile.active && profile.capacity <= 0) {
        add_capacity_option(person.position);
    }
    // Locking with the best allowed partner always pairs them; the price is in the total.
    {
        FixOption option;
        option.kind = FixKind::LockBest;
        const int best = best_of([&](std::size_t partner) { return broken[partner] == 0; }, option);
        if (best >= 0) {
            const PairPositions at = person.with(static_cast<std::size_t>(best));
            const std::string& mentor_id = pool.mentor_participant(at.mentor).id;
            const std::string& mentee_id = pool.mentee_participant(at.mentee).id;
            option.text = "locking " + name_of(explainer, person_id) + " with " + name_of(explainer, option.best_partner_id) + " (" +
                          format_score(option.best_score) + ")";
            try_change(std::move(option), std::nullopt, settings_with_pair_locked(explainer.settings(), mentor_id, mentee_id));
        }
    }
    if (search.finished()) search.choose_nearest();
    return search;
}

bool NearestFixSearch::step(std::int64_t budget) {
    if (finished()) return true;
    if (!run_) {
        const Trial& trial = trials_[next_trial_];
        run_ = std::make_unique<MatchingRun>(trial.document ? *trial.document : explainer_->document(), trial.settings,
                                             explainer_->time_zones(), explainer_->reference_instant());
    }
    // One change per call at most: the runs do not say how much of the budget they used.
    if (!run_->step(budget)) return false;
    FixOption option = std::move(trials_[next_trial_].option);
    record_solve(*explainer_, fix_.person_id, proposal_, run_->proposal(), option);
    option.text += solved_text(*explainer_, fix_.person_id, proposal_, option);
    fix_.options.push_back(std::move(option));
    trials_[next_trial_].document.reset();
    run_.reset();
    ++next_trial_;
    if (finished()) choose_nearest();
    return finished();
}

double NearestFixSearch::progress() const {
    if (trials_.empty()) return 1.0;
    const double within = run_ ? run_->progress() : 0.0;
    return (static_cast<double>(next_trial_) + within) / static_cast<double>(trials_.size());
}

void NearestFixSearch::choose_nearest() {
    NearestFix& fix = fix_;
    for (std::size_t k = 0; k < fix.options.size(); ++k) {
        const FixOption& option = fix.options[k];
        if (!option.paired_with) continue;
        if (!fix.nearest) {
            fix.nearest = k;
            continue;
        }
        const FixOption& kept = fix.options[*fix.nearest];
        if (option.other_pairs_changed < kept.other_pairs_changed ||
            (option.other_pairs_changed == kept.other_pairs_changed && option.total_score > kept.total_score))
            fix.nearest = k;
    }
    fix.text = fix.reason;
    if (fix.nearest) fix.text += (fix.text.empty() ? "" : "; ") + fix.options[*fix.nearest].text;
    else if (!active_) fix.text += "; they take part again when marked active";
}

Result<NearestFix> nearest_fix(const MatchingExplainer& explainer, const std::string& person_id,
                               const MatchingProposal& proposal) {
    auto search = NearestFixSearch::start(explainer, person_id, proposal);
    if (!search) return search.problems();
    while (!search->step(INT64_MAX / 4)) {
    }
    return search->answer();
}

}  // namespace flipside::matching
