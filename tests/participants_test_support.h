// Shared by the participants tests: a paired program with sessions and a key, deterministic
// randomness, and invitations issued and recorded as `flipside invite` does.
#pragma once

#include <cstdint>
#include <string>

#include <doctest/doctest.h>

#include "core/demo_program.h"
#include "core/participants/invitation.h"
#include "core/participants/merge.h"
#include "core/participants/reply.h"
#include "test_support.h"

namespace flipside::testing {

inline constexpr UtcSeconds kIssued = 1795392000;  // 2026-11-23T00:00:00Z
inline constexpr UtcSeconds kDay = 86400;

// Bytes that differ call by call but are the same in every run.
inline std::string counter_bytes(std::size_t count) {
    static std::uint64_t state = 0;  // splitmix64: every call new bytes, the same in every run
    std::string bytes;
    while (bytes.size() < count) {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        for (int i = 0; i < 8 && bytes.size() < count; ++i) bytes.push_back(static_cast<char>((z >> (8 * i)) & 0xFF));
    }
    return bytes;
}

// small_document() with the pair's sessions brought to `sessions` (planned, each with an agenda,
// with confidential notes), and the coordinator's notes on the pair.
inline Document paired_document(int sessions = 12) {
    Document d = small_document();
    d.pairs[0].notes = "Coordinator only: watch the cadence";
    d.sessions[0].notes = "Confidential pair notes";
    for (int i = 1; i < sessions; ++i) {
        Session s;
        s.id = "ses-" + std::to_string(i + 1);
        s.pair_id = "pair-1";
        s.start = kIssued + i * 14 * kDay + 9 * 3600;
        s.agenda = "Agenda " + std::to_string(i + 1) + ": one hands-on exercise";
        s.notes = "Notes of session " + std::to_string(i + 1);
        d.sessions.push_back(s);
    }
    return d;
}

// Issues invitations to `ids` in program `program_id` and records them in the document.
inline std::vector<participants::Invitation> invite(Document& d, const std::string& program_id,
                                                    const std::vector<std::string>& ids, UtcSeconds now = kIssued) {
    auto batch = participants::issue_invitations(d, program_id, ids, now, counter_bytes);
    REQUIRE_MESSAGE(batch.ok(), batch.message());
    for (Program& p : d.programs)
        if (p.id == program_id) p = batch->program;
    return batch->invitations;
}

// A signed reply of the invitation's participant with `changes` (field, value) recorded.
inline participants::Reply reply_with(const participants::Invitation& invitation,
                                      const std::vector<std::pair<std::string, participants::FieldValue>>& changes,
                                      long long sequence, UtcSeconds written_at = kIssued + kDay) {
    participants::ReplyDraft draft(invitation);
    for (const auto& [field, value] : changes) {
        const Result<void> recorded = draft.record(field, value);
        REQUIRE_MESSAGE(recorded.ok(), recorded.message());
    }
    return participants::sign_reply(draft, sequence, written_at);
}

}  // namespace flipside::testing
