// The screens' explanations (app/matching_explanations.h): the same answers as the engine's own
// calls, the re-solving ones only after step() has worked them out in slices, and everything
// dropped when what it explains changes.
#include <doctest/doctest.h>

#include "app/matching_explanations.h"
#include "core/demo_program.h"
#include "matching_test_support.h"

using namespace flipside;
using namespace flipside::matching;
using namespace flipside::matching_testing;

namespace {

const FixedOffsets kZones;
constexpr UtcSeconds kNow = 1767614400;
constexpr std::int64_t kSmallBudget = 50;  // many slices for a 60-person program

MatchingProposal solve(const Document& d) {
    return run_matching(d, d.current_program()->matching, kZones, default_reference_instant(d));
}

std::size_t steps_until_done(app::MatchingExplanations& explanations) {
    std::size_t steps = 0;
    while (explanations.step(kSmallBudget)) REQUIRE(++steps < 100000);
    return steps;
}

// A demo program's proposal, the engine's own explainer and the screens' explanations of it.
struct ExplainedProposal {
    const Document d;
    const MatchingProposal base;
    const MatchingExplainer engine;
    app::MatchingExplanations explanations;
    ExplainedProposal(std::uint64_t seed, std::uint64_t revision)
        : d(make_demo_program(60, seed, kNow)),
          base(solve(d)),
          engine(d, d.current_program()->matching, kZones, default_reference_instant(d)) {
        explanations.explain_proposal(d, revision, base, kZones);
    }
};

}  // namespace

TEST_CASE("matching explanations: why-not is answered at once and priced in slices, as the engine prices it") {
    ExplainedProposal explained(3, 7);
    const MatchingProposal& base = explained.base;
    const MatchingExplainer& engine = explained.engine;
    app::MatchingExplanations& explanations = explained.explanations;
    REQUIRE(!base.pairs.empty());
    CHECK(explanations.revision() == 7);

    // An allowed pair the proposal does not hold: a mentee's best candidate who is not chosen.
    std::string mentor, mentee;
    for (const ProposedPair& pair : base.pairs) {
        for (const PairCandidate& candidate : explanations.candidates(pair.mentee_id, 5))
            if (!candidate.chosen && candidate.forbidden_by.empty()) {
                mentor = candidate.partner_id;
                mentee = pair.mentee_id;
                break;
            }
        if (!mentor.empty()) break;
    }
    REQUIRE(!mentor.empty());
    explanations.ask_why_not(mentor, mentee);
    REQUIRE(explanations.why_not());
    const app::WhyNotQuestion& asked = *explanations.why_not();
    REQUIRE(asked.answer);
    CHECK(asked.answer->allowed);
    CHECK(asked.pricing);
    CHECK_FALSE(asked.answer->forced);
    CHECK(!asked.answer->words.empty());
    CHECK(explanations.busy());

    CHECK(steps_until_done(explanations) > 1);  // not solved in the frame that asked
    const app::WhyNotQuestion& priced = *explanations.why_not();
    CHECK_FALSE(priced.pricing);
    REQUIRE(priced.answer->forced);
    const auto expected = why_not(engine, mentor, mentee, &base);
    REQUIRE(expected.ok());
    CHECK(priced.answer->forced->total_score == expected->forced->total_score);
    CHECK(priced.answer->forced->difference.changes.size() == expected->forced->difference.changes.size());
    CHECK(priced.answer->forced->difference.left_unpaired == expected->forced->difference.left_unpaired);
    CHECK(priced.answer->best_total == base.total_score);
    bool forced_has_pair = false;
    for (const ProposedPair& pair : priced.answer->forced->proposal.pairs)
        forced_has_pair = forced_has_pair || (pair.mentor_id == mentor && pair.mentee_id == mentee);
    CHECK(forced_has_pair);

    SUBCASE("asking again keeps the answer; a refused question says why") {
        explanations.ask_why_not(mentor, mentee);
        CHECK(explanations.why_not()->answer->forced);
        explanations.ask_why_not(mentee, mentor);  // the roles swapped
        CHECK_FALSE(explanations.why_not()->answer);
        CHECK(!explanations.why_not()->problem.empty());
        CHECK_FALSE(explanations.busy());
    }
}

TEST_CASE("matching explanations: the nearest fix is queued, solved in slices and equals the engine's") {
    ExplainedProposal explained(5, 1);
    const MatchingProposal& base = explained.base;
    const MatchingExplainer& engine = explained.engine;
    app::MatchingExplanations& explanations = explained.explanations;
    REQUIRE(!base.unmatched.empty());
    const std::string first = base.unmatched.front().id, last = base.unmatched.back().id;
    CHECK(explanations.nearest_fix(first) == nullptr);
    CHECK(explanations.nearest_fix(last) == nullptr);
    CHECK(explanations.nearest_fix(first) == nullptr);  // asked twice, queued once
    steps_until_done(explanations);
    for (const std::string& id : {first, last}) {
        const NearestFix* fix = explanations.nearest_fix(id);
        REQUIRE(fix != nullptr);
        const auto expected = nearest_fix(engine, id, base);
        REQUIRE(expected.ok());
        CHECK(fix->text == expected->text);
        CHECK(fix->options.size() == expected->options.size());
        CHECK(fix->nearest == expected->nearest);
    }
}

TEST_CASE("matching explanations: pair words as the engine says them, kept per revision") {
    const Document d = make_demo_program(40, 2, kNow);
    const MatchingProposal base = solve(d);
    REQUIRE(!base.pairs.empty());
    const ProposedPair& pair = base.pairs.front();
    const MatchingExplainer engine(d, d.current_program()->matching, kZones, default_reference_instant(d));
    app::MatchingExplanations explanations;
    explanations.explain_document(d, 4, kZones);
    const auto expected = pair_words(engine, pair.mentor_id, pair.mentee_id);
    REQUIRE(expected.ok());
    const auto& words = explanations.pair_words(pair.mentor_id, pair.mentee_id);
    REQUIRE(words.size() == expected->size());
    for (std::size_t k = 0; k < words.size(); ++k) CHECK(words[k].text == (*expected)[k].text);
    const auto own = own_pair_words(engine, pair.mentor_id, pair.mentee_id, pair.mentee_id);
    REQUIRE(own.ok());
    CHECK(explanations.own_pair_words(pair.mentor_id, pair.mentee_id, pair.mentee_id) == *own);
    CHECK(explanations.pair_words(pair.mentee_id, pair.mentor_id).empty());  // roles swapped: not a pair
    // Without a proposal nothing is solved: why-not and the nearest fix wait for one.
    explanations.ask_why_not(pair.mentor_id, pair.mentee_id);
    CHECK_FALSE(explanations.why_not()->answer);
    CHECK(explanations.nearest_fix(pair.mentee_id) == nullptr);
    CHECK_FALSE(explanations.busy());

    // The same revision keeps what was said; another one explains the document anew.
    const auto* kept = &explanations.pair_words(pair.mentor_id, pair.mentee_id);
    explanations.explain_document(d, 4, kZones);
    CHECK(&explanations.pair_words(pair.mentor_id, pair.mentee_id) == kept);
    CHECK(explanations.why_not());
    Document renamed = d;
    for (Participant& p : renamed.participants)
        if (p.id == pair.mentor_id) p.name = "Renamed Mentor";
    explanations.explain_document(renamed, 5, kZones);
    CHECK_FALSE(explanations.why_not());
    bool names_new = false;
    for (const PairSentence& s : explanations.pair_words(pair.mentor_id, pair.mentee_id))
        names_new = names_new || s.text.find("Renamed") != std::string::npos;
    CHECK(names_new);
}
