// Merge benchmark: R replies into a demo program of N people (the issue's target: 2,000 replies
// into 5,000 people). Every active participant of the current wave is invited; the first R of
// them each reply with three profile changes and an availability change, signed as their app
// signs. Prints the time to check and plan the merge (plan_merge), to apply its one edit, and
// the replies applied. The browser figure comes from the participant screens' own benchmark.
//
// Native: build/native/bench_merge [people] [replies]   (defaults 5000 2000)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <cstdint>
#include <string>
#include <vector>

#include "core/demo_program.h"
#include "core/participants/merge.h"
#include "platform/interface/time_zones.h"

namespace {

using namespace flipside;
using namespace flipside::participants;

constexpr UtcSeconds kNow = 1795392000;  // 2026-11-23T00:00:00Z

std::string counter_bytes(std::size_t count) {
    static std::mt19937_64 random(2026);  // the same invitations in every run
    std::string bytes;
    for (std::size_t i = 0; i < count; ++i) bytes.push_back(static_cast<char>(random() & 0xFF));
    return bytes;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const int people = argc > 1 ? std::atoi(argv[1]) : 5000;
    const int reply_count = argc > 2 ? std::atoi(argv[2]) : 2000;
    Document document = make_demo_program(people, 11, kNow);
    const Program& program = *document.current_program();
    std::vector<std::string> ids;
    for (const Participant& p : document.participants)
        if (p.active) ids.push_back(p.id);
    auto batch = issue_invitations(document, program.id, ids, kNow, counter_bytes);
    if (!batch) {
        std::fprintf(stderr, "bench_merge: %s\n", batch.message().c_str());
        return 1;
    }
    document.programs.back() = batch->program;

    std::vector<IncomingReply> replies;
    for (int i = 0; i < reply_count && i < static_cast<int>(batch->invitations.size()); ++i) {
        ReplyDraft draft(batch->invitations[static_cast<std::size_t>(i)]);
        (void)draft.record("interests", {"Chess", "Go", "Running"});
        (void)draft.record("languages", {"English", "Deutsch"});
        (void)draft.record("background", {"Reply " + std::to_string(i)});
        (void)draft.record("availability", {"mon 09:00-11:00", "wed 14:00-16:30"});
        replies.push_back({"reply " + std::to_string(i + 1), sign_reply(draft, 1, kNow + 3600)});
    }

    const auto plan_start = std::chrono::steady_clock::now();
    const MergePlan plan = plan_merge(document, replies, kNow + 7200, platform::system_time_zones(), {});
    const double plan_seconds = seconds_since(plan_start);
    const auto apply_start = std::chrono::steady_clock::now();
    apply_edit(document, plan.edit);
    const double apply_seconds = seconds_since(apply_start);
    std::printf("%d people, %zu replies: plan %.3f s, apply %.3f s; %zu applied, %zu skipped, %zu refused\n", people,
                replies.size(), plan_seconds, apply_seconds, plan.applied, plan.skipped, plan.refused);
    for (const ReplyReview& review : plan.replies)
        if (review.outcome == ReplyOutcome::Refused) {
            std::fprintf(stderr, "bench_merge: first refusal: %s: %s\n", review.source.c_str(), review.reason.c_str());
            return 1;
        }
    return 0;
}
