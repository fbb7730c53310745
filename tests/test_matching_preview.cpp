// The preview of settings being changed (app/matching_preview.h): solved in slices, the same
// counts a full run gives, kept while the draft stays and started over when it changes.
#include <doctest/doctest.h>

#include "app/matching_preview.h"
#include "core/demo_program.h"
#include "matching_test_support.h"

using namespace flipside;
using namespace flipside::matching;
using namespace flipside::matching_testing;

TEST_CASE("matching preview: mentees whose mentor differs, paired in one proposal only included") {
    MatchingProposal from, to;
    from.pairs = {ProposedPair{"M1", "S1"}, ProposedPair{"M2", "S2"}, ProposedPair{"M3", "S3"}};
    to.pairs = {ProposedPair{"M1", "S1"}, ProposedPair{"M3", "S2"}, ProposedPair{"M2", "S4"}};
    CHECK(app::mentees_with_other_mentor(from, to) == 3);  // S2 moved, S3 left, S4 new
    CHECK(app::mentees_with_other_mentor(from, from) == 0);
}

TEST_CASE("matching preview: a draft is solved in slices and counted against the proposal shown") {
    const FixedOffsets zones;
    const Document d = make_demo_program(60, 9, 1767614400);
    const MatchingSettings settings = d.current_program()->matching;
    const MatchingProposal base = run_matching(d, settings, zones, default_reference_instant(d));
    MatchingSettings draft = settings;
    draft.weights.set(Criterion::Skills, 0);
    draft.weights.set(Criterion::Interests, kMaxWeight);
    const MatchingProposal expected = run_matching(d, draft, zones, default_reference_instant(d));

    app::MatchingPreview preview;
    preview.want(d, draft, base, zones);
    CHECK(preview.solving());
    CHECK_FALSE(preview.outcome());
    std::size_t steps = 0;
    while (preview.step(50)) REQUIRE(++steps < 100000);
    CHECK(steps > 1);
    REQUIRE(preview.outcome());
    CHECK(preview.outcome()->total_score == expected.total_score);
    CHECK(preview.outcome()->matched == expected.pairs.size());
    CHECK(preview.outcome()->pairs_changed == app::mentees_with_other_mentor(base, expected));
    CHECK(preview.outcome()->pairs_changed > 0);

    preview.want(d, draft, base, zones);  // the same draft: the outcome stays
    CHECK_FALSE(preview.solving());
    CHECK(preview.outcome());
    preview.want(d, settings, base, zones);  // back to the proposal's own settings: nothing changes
    while (preview.step(1'000'000)) {
    }
    REQUIRE(preview.outcome());
    CHECK(preview.outcome()->pairs_changed == 0);
    CHECK(preview.outcome()->total_score == base.total_score);
    preview.clear();
    CHECK_FALSE(preview.outcome());
}
