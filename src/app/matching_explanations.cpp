#include "app/matching_explanations.h"

#include <algorithm>

namespace flipside::app {

namespace {
const std::vector<matching::PairSentence> kNoSentences;
const std::vector<matching::PairCandidate> kNoCandidates;
}  // namespace

void MatchingExplanations::forget() {
    explainer_.reset();
    pair_words_.clear();
    own_words_.clear();
    candidates_.clear();
    why_not_.reset();
    why_not_run_.reset();
    fixes_.clear();
    fix_queue_.clear();
    fix_search_.reset();
}

void MatchingExplanations::explain_proposal(const Document& document, std::uint64_t revision,
                                            const matching::MatchingProposal& proposal, const TimeZoneCatalog& time_zones) {
    forget();
    document_ = std::make_unique<const Document>(document);
    revision_ = revision;
    proposal_ = proposal;
    time_zones_ = &time_zones;
}

void MatchingExplanations::explain_document(const Document& document, std::uint64_t revision,
                                            const TimeZoneCatalog& time_zones) {
    if (document_ && revision == revision_ && !proposal_ && time_zones_ == &time_zones) return;
    forget();
    document_ = std::make_unique<const Document>(document);
    revision_ = revision;
    proposal_.reset();
    time_zones_ = &time_zones;
}

const matching::MatchingExplainer* MatchingExplanations::explainer() {
    if (explainer_) return explainer_.get();
    if (!document_ || !time_zones_) return nullptr;
    const Program* program = document_->current_program();
    if (!program) return nullptr;
    explainer_ = std::make_unique<matching::MatchingExplainer>(*document_, program->matching, *time_zones_,
                                                               matching::default_reference_instant(*document_));
    return explainer_.get();
}

const std::vector<matching::PairSentence>& MatchingExplanations::pair_words(const std::string& mentor_id,
                                                                            const std::string& mentee_id) {
    const auto key = std::make_pair(mentor_id, mentee_id);
    if (const auto found = pair_words_.find(key); found != pair_words_.end()) return found->second;
    const matching::MatchingExplainer* engine = explainer();
    if (!engine) return kNoSentences;
    auto words = matching::pair_words(*engine, mentor_id, mentee_id);
    return pair_words_[key] = words ? std::move(*words) : std::vector<matching::PairSentence>{};
}

const std::vector<std::string>& MatchingExplanations::own_pair_words(const std::string& mentor_id,
                                                                     const std::string& mentee_id,
                                                                     const std::string& viewer_id) {
    const std::string key = mentor_id + ":" + mentee_id + ":" + viewer_id;
    if (const auto found = own_words_.find(key); found != own_words_.end()) return found->second;
    std::vector<std::string> words;
    if (const matching::MatchingExplainer* engine = explainer())
        if (auto said = matching::own_pair_words(*engine, mentor_id, mentee_id, viewer_id)) words = std::move(*said);
    return own_words_[key] = std::move(words);
}

void MatchingExplanations::ask_why_not(const std::string& mentor_id, const std::string& mentee_id) {
    if (why_not_ && why_not_->mentor_id == mentor_id && why_not_->mentee_id == mentee_id) return;
    why_not_run_.reset();
    why_not_ = WhyNotQuestion{mentor_id, mentee_id, std::nullopt, {}, false, 0.0};
    const matching::MatchingExplainer* engine = explainer();
    if (!engine || !proposal_) {
        why_not_->problem = "Run the matching first: why-not compares with a proposal.";
        return;
    }
    auto answer = matching::why_not_before_forcing(*engine, mentor_id, mentee_id, *proposal_);
    if (!answer) {
        why_not_->problem = answer.message();
        return;
    }
    why_not_->answer = std::move(*answer);
    if (!why_not_->answer->allowed) return;
    why_not_->pricing = true;
    why_not_run_ = std::make_unique<matching::MatchingRun>(
        engine->document(), matching::settings_with_pair_locked(engine->settings(), mentor_id, mentee_id),
        engine->time_zones(), engine->reference_instant());
}

const std::vector<matching::PairCandidate>& MatchingExplanations::candidates(const std::string& person_id,
                                                                             std::size_t count) {
    const auto key = std::make_pair(person_id, count);
    if (const auto found = candidates_.find(key); found != candidates_.end()) return found->second;
    const matching::MatchingExplainer* engine = explainer();
    if (!engine) return kNoCandidates;
    auto found = matching::pair_candidates(*engine, person_id, count, proposal());
    return candidates_[key] = found ? std::move(*found) : std::vector<matching::PairCandidate>{};
}

const matching::NearestFix* MatchingExplanations::nearest_fix(const std::string& person_id) {
    if (const auto found = fixes_.find(person_id); found != fixes_.end()) return &found->second;
    if (proposal_ && std::find(fix_queue_.begin(), fix_queue_.end(), person_id) == fix_queue_.end())
        fix_queue_.push_back(person_id);
    return nullptr;
}

bool MatchingExplanations::step(std::int64_t budget) {
    if (why_not_run_) {
        if (why_not_run_->step(budget)) {
            why_not_->answer->forced = matching::forced_pairing(*explainer_, *proposal_, why_not_run_->proposal());
            why_not_->pricing = false;
            why_not_->progress = 1.0;
            why_not_run_.reset();
        } else {
            why_not_->progress = why_not_run_->progress();
        }
        return busy();
    }
    if (fix_queue_.empty()) return false;
    const matching::MatchingExplainer* engine = explainer();
    if (!engine) {
        fix_queue_.clear();
        return false;
    }
    const std::string person_id = fix_queue_.front();
    if (!fix_search_) {
        auto started = matching::NearestFixSearch::start(*engine, person_id, *proposal_);
        if (!started) {
            matching::NearestFix refused;
            refused.person_id = person_id;
            refused.text = started.message();
            fixes_[person_id] = std::move(refused);
            fix_queue_.pop_front();
            return busy();
        }
        fix_search_.emplace(std::move(*started));
    }
    if (fix_search_->step(budget)) {
        fixes_[person_id] = fix_search_->answer();
        fix_search_.reset();
        fix_queue_.pop_front();
    }
    return busy();
}

}  // namespace flipside::app
