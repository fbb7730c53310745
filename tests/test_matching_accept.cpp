// Accepting a proposal, and what the Matching screen says beforehand: which current pairs stay,
// which go with their sessions and feedback, and that earlier programs are never touched. The
// count (accept_effect) and the change (accept_proposal) follow the same rule, checked here on
// hand-made waves and on a whole demo run.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/matching/accept.h"
#include "core/matching/run.h"
#include "matching_test_support.h"

using namespace flipside;
using namespace flipside::matching;
using namespace flipside::matching_testing;

namespace {

const ShapeOnlyTimeZoneCatalog kZones;

Session session_of(const std::string& id, const std::string& pair_id) {
    Session s;
    s.id = id;
    s.pair_id = pair_id;
    return s;
}

Feedback feedback_of(const std::string& id, const std::string& pair_id, const std::string& author) {
    Feedback f;
    f.id = id;
    f.pair_id = pair_id;
    f.author_id = author;
    return f;
}

const Pair* pair_by_id(const Document& d, const std::string& id) {
    const auto found = std::find_if(d.pairs.begin(), d.pairs.end(), [&](const Pair& p) { return p.id == id; });
    return found == d.pairs.end() ? nullptr : &*found;
}

const Pair* pair_by_people(const Document& d, const std::string& program_id, const std::string& mentor,
                           const std::string& mentee) {
    for (const Pair& p : d.pairs)
        if (p.program_id == program_id && p.mentor_id == mentor && p.mentee_id == mentee) return &p;
    return nullptr;
}

std::size_t sessions_of(const Document& d, const std::string& pair_id) {
    return static_cast<std::size_t>(
        std::count_if(d.sessions.begin(), d.sessions.end(), [&](const Session& s) { return s.pair_id == pair_id; }));
}

std::size_t feedback_of_pair(const Document& d, const std::string& pair_id) {
    return static_cast<std::size_t>(
        std::count_if(d.feedback.begin(), d.feedback.end(), [&](const Feedback& f) { return f.pair_id == pair_id; }));
}

// Two waves: R0 (earlier) with M1-S2, R1 (current) with M1-S1 (kept by the proposal below)
// and M2-S2 (dropped), each with sessions and feedback.
Document two_waves() {
    Document d = roster({member("M1", Role::Mentor), member("M2", Role::Mentor), member("M3", Role::Mentor),
                         member("S1", Role::Mentee), member("S2", Role::Mentee), member("S3", Role::Mentee)});
    Program earlier;
    earlier.id = "R0";
    earlier.name = "Wave 0";
    d.programs.insert(d.programs.begin(), earlier);
    d.pairs = {Pair{"pair-0001", "R0", "M1", "S2", PairState::Completed, "purpose met", "earlier notes"},
               Pair{"pair-0002", "R1", "M1", "S1", PairState::Active, "", "notes stay"},
               Pair{"pair-0003", "R1", "M2", "S2", PairState::Active, "", "notes go"}};
    d.sessions = {session_of("ses-1", "pair-0001"), session_of("ses-2", "pair-0002"), session_of("ses-3", "pair-0003"),
                  session_of("ses-4", "pair-0003"), session_of("ses-5", "pair-0001")};
    d.feedback = {feedback_of("fb-1", "pair-0001", "S2"), feedback_of("fb-2", "pair-0002", "S1"),
                  feedback_of("fb-3", "pair-0003", "S2")};
    return d;
}

MatchingProposal proposal_of(std::initializer_list<PairKey> keys) {
    MatchingProposal proposal;
    for (const PairKey& key : keys) proposal.pairs.push_back(ProposedPair{key.mentor_id, key.mentee_id});
    return proposal;
}

}  // namespace

TEST_CASE("a pair the proposal holds is kept with its id, notes, sessions and feedback") {
    const Document d = two_waves();
    const MatchingProposal proposal = proposal_of({{"M1", "S1"}, {"M2", "S2"}});
    const AcceptEffect effect = accept_effect(d, proposal);
    CHECK(effect.kept == 2);
    CHECK(effect.added == 0);
    CHECK(effect.removed == 0);
    CHECK(effect.removed_sessions == 0);
    CHECK(effect.removed_feedback == 0);
    CHECK(accept_proposal(d, proposal) == d);
}

TEST_CASE("a pair the proposal drops is counted, then removed with its sessions and feedback") {
    const Document d = two_waves();
    const MatchingProposal proposal = proposal_of({{"M1", "S1"}, {"M3", "S2"}, {"M2", "S3"}});
    const AcceptEffect effect = accept_effect(d, proposal);
    CHECK(effect.kept == 1);
    CHECK(effect.added == 2);
    CHECK(effect.removed == 1);
    CHECK(effect.removed_sessions == 2);
    CHECK(effect.removed_feedback == 1);

    const Document after = accept_proposal(d, proposal);
    CHECK(pair_by_id(after, "pair-0003") == nullptr);
    CHECK(sessions_of(after, "pair-0003") == 0);
    CHECK(feedback_of_pair(after, "pair-0003") == 0);
    REQUIRE(pair_by_id(after, "pair-0002") != nullptr);
    CHECK(*pair_by_id(after, "pair-0002") == d.pairs[1]);
    CHECK(sessions_of(after, "pair-0002") == 1);
    CHECK(feedback_of_pair(after, "pair-0002") == 1);
    // What the screen said is what happened.
    CHECK(d.sessions.size() - after.sessions.size() == effect.removed_sessions);
    CHECK(d.feedback.size() - after.feedback.size() == effect.removed_feedback);
    const Pair* m3 = pair_by_people(after, "R1", "M3", "S2");
    const Pair* m2 = pair_by_people(after, "R1", "M2", "S3");
    REQUIRE(m3 != nullptr);
    REQUIRE(m2 != nullptr);
    CHECK(m3->id == "pair-0004");
    CHECK(m2->id == "pair-0005");
}

TEST_CASE("a locked current pair stays through a run and its accept") {
    Document d = two_waves();
    // Left to itself the run would pair S1 elsewhere: M2 teaches what S1 wants to learn.
    for (Participant& p : d.participants) {
        if (p.id == "M2") p.skills = {Skill{"Python", 5}};
        if (p.id == "S1") p.learning_goals = {"Python"};
    }
    const MatchingProposal unlocked = run_matching(d, MatchingSettings{}, kZones, default_reference_instant(d));
    CHECK(std::none_of(unlocked.pairs.begin(), unlocked.pairs.end(),
                       [](const ProposedPair& p) { return p.mentor_id == "M1" && p.mentee_id == "S1"; }));
    MatchingSettings settings;
    settings.locked_pairs = {PairKey{"M1", "S1"}};
    const MatchingProposal proposal = run_matching(d, settings, kZones, default_reference_instant(d));
    const auto locked = std::find_if(proposal.pairs.begin(), proposal.pairs.end(),
                                     [](const ProposedPair& p) { return p.mentee_id == "S1"; });
    REQUIRE(locked != proposal.pairs.end());
    CHECK(locked->mentor_id == "M1");
    CHECK(locked->locked);

    const AcceptEffect effect = accept_effect(d, proposal);
    CHECK(effect.kept >= 1);
    const Document after = accept_proposal(d, proposal);
    REQUIRE(pair_by_id(after, "pair-0002") != nullptr);
    CHECK(*pair_by_id(after, "pair-0002") == d.pairs[1]);
    CHECK(sessions_of(after, "pair-0002") == 1);
    CHECK(feedback_of_pair(after, "pair-0002") == 1);
}

TEST_CASE("an earlier program's pairs are neither counted nor touched, even when the proposal holds their people") {
    const Document d = two_waves();
    // M1-S2 was a pair of R0; proposing it again makes a new pair of R1 and leaves R0's alone.
    const MatchingProposal proposal = proposal_of({{"M1", "S2"}});
    const AcceptEffect effect = accept_effect(d, proposal);
    CHECK(effect.kept == 0);
    CHECK(effect.added == 1);
    CHECK(effect.removed == 2);
    CHECK(effect.removed_sessions == 3);
    CHECK(effect.removed_feedback == 2);

    const Document after = accept_proposal(d, proposal);
    REQUIRE(pair_by_id(after, "pair-0001") != nullptr);
    CHECK(*pair_by_id(after, "pair-0001") == d.pairs[0]);
    CHECK(sessions_of(after, "pair-0001") == 2);
    CHECK(feedback_of_pair(after, "pair-0001") == 1);
    const Pair* again = pair_by_people(after, "R1", "M1", "S2");
    REQUIRE(again != nullptr);
    CHECK(again->id == "pair-0004");
    CHECK(after.pairs.size() == 2);
}

TEST_CASE("two current pairs with the same people: the first is kept, the second dropped") {
    Document d = two_waves();
    d.pairs.push_back(Pair{"pair-0009", "R1", "M1", "S1", PairState::Active, "", "a duplicate"});
    d.sessions.push_back(session_of("ses-9", "pair-0009"));
    const MatchingProposal proposal = proposal_of({{"M1", "S1"}, {"M2", "S2"}});
    const AcceptEffect effect = accept_effect(d, proposal);
    CHECK(effect.kept == 2);
    CHECK(effect.removed == 1);
    CHECK(effect.removed_sessions == 1);
    const Document after = accept_proposal(d, proposal);
    CHECK(pair_by_id(after, "pair-0002") != nullptr);
    CHECK(pair_by_id(after, "pair-0009") == nullptr);
    CHECK(sessions_of(after, "pair-0009") == 0);
}

TEST_CASE("on a demo wave, what accept_effect counts is what accept_proposal does") {
    Document d = make_demo_program(60, 11, 1767614400);
    REQUIRE(d.current_program() != nullptr);
    const std::string program_id = d.current_program()->id;
    const auto current = [&](const Document& doc) {
        return static_cast<std::size_t>(std::count_if(doc.pairs.begin(), doc.pairs.end(),
                                                      [&](const Pair& p) { return p.program_id == program_id; }));
    };
    for (const bool forbid_departments : {false, true}) {
        MatchingSettings settings = d.current_program()->matching;
        settings.rules.forbid_same_department = forbid_departments;
        const MatchingProposal proposal = run_matching(d, settings, kZones, default_reference_instant(d));
        const AcceptEffect effect = accept_effect(d, proposal);
        const Document after = accept_proposal(d, proposal);
        CHECK(effect.kept + effect.removed == current(d));
        CHECK(effect.kept + effect.added == current(after));
        CHECK(d.sessions.size() - after.sessions.size() == effect.removed_sessions);
        CHECK(d.feedback.size() - after.feedback.size() == effect.removed_feedback);
        CHECK(d.pairs.size() - current(d) == after.pairs.size() - current(after));  // other programs' pairs
    }
}

TEST_CASE("no program: nothing to count and nothing changes") {
    Document d = two_waves();
    d.programs.clear();
    const MatchingProposal proposal = proposal_of({{"M3", "S3"}});
    CHECK(accept_effect(d, proposal) == AcceptEffect{});
    CHECK(accept_proposal(d, proposal) == d);
}
