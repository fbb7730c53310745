#include "app/demo_workspace.h"

#include <unordered_set>

#include "core/demo_program.h"
#include "core/matching/accept.h"
#include "core/matching/run.h"
#include "core/scheduling/scheduler.h"

namespace flipside::app {

namespace {

constexpr int kNewJoinerPercent = 15;  // joined after the wave was paired: still waiting

}  // namespace

Document make_demo_workspace(int participant_count, std::uint64_t seed, UtcSeconds now,
                             const TimeZoneCatalog& time_zones) {
    Document doc = make_demo_program(participant_count, seed, now);
    const Program* current = doc.current_program();
    if (!current) return doc;
    const std::string program_id = current->id;
    SeededRandom random(seed ^ 0x5eed);

    // New joiners sit out the pairing run (as if they were not there yet), then come back.
    std::unordered_set<std::string> joiners;
    for (Participant& p : doc.participants)
        if (p.active && random.chance(kNewJoinerPercent)) {
            joiners.insert(p.id);
            p.active = false;
        }
    const UtcSeconds reference = days_from_civil(current->start_date) * kSecondsPerDay + 12 * 3600;
    matching::MatchingRun run(doc, current->matching, time_zones, reference);
    while (!run.step(1 << 20)) {
    }
    doc = matching::accept_proposal(doc, run.proposal());
    for (Participant& p : doc.participants)
        if (joiners.count(p.id)) p.active = true;

    scheduling::schedule_unscheduled_pairs(doc, program_id, time_zones);

    // Play the weeks so far: most sessions held, some cancelled or missed, ratings on many.
    std::unordered_set<std::string> wave_pairs;
    for (const Pair& pair : doc.pairs)
        if (pair.program_id == program_id) wave_pairs.insert(pair.id);
    std::string struggling_pair;  // one pair keeps missing its sessions: the dashboard flags it
    for (const Pair& pair : doc.pairs)
        if (pair.program_id == program_id) struggling_pair = pair.id;
    static const char* const kComments[] = {"", "Great discussion about prompts.", "Useful; let's go deeper next time.",
                                            "We ran out of time.", "", "Practical and fun."};
    std::vector<Feedback> feedback;
    for (Session& session : doc.sessions) {
        if (!wave_pairs.count(session.pair_id) || session.start + session.minutes * 60 > now) continue;
        const std::uint32_t roll = random.below(100);
        if (session.pair_id == struggling_pair)
            session.status = roll < 50 ? SessionStatus::NoShow : SessionStatus::Cancelled;
        else
            session.status = roll < 85 ? SessionStatus::Held : roll < 93 ? SessionStatus::Cancelled : SessionStatus::NoShow;
        if (session.status != SessionStatus::Held || !random.chance(70)) continue;
        const Pair* pair = nullptr;
        for (const Pair& p : doc.pairs)
            if (p.id == session.pair_id) pair = &p;
        Feedback fb;
        fb.id = "fb-w2-" + session.id;
        fb.pair_id = session.pair_id;
        fb.session_id = session.id;
        fb.author_id = random.chance(60) ? pair->mentee_id : pair->mentor_id;
        fb.rating = 2 + static_cast<int>(random.below(4));
        fb.comment = kComments[random.below(6)];
        feedback.push_back(std::move(fb));
    }
    for (Feedback& fb : feedback) doc.feedback.push_back(std::move(fb));
    return doc;
}

}  // namespace flipside::app
