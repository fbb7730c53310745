// A realistic synthetic program: a roster of juniors (mentors) and seniors (mentees) with
// Unicode names, departments, reporting lines, skills, goals, time zones and availability,
// an earlier wave with its pairs, sessions and feedback, and the current wave ready to pair.
// Deterministic for a given seed and "today".
#pragma once

#include <cstdint>

#include "core/model.h"

namespace flipside {

// A small seeded generator (SplitMix64): the same seed gives the same roster everywhere.
class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    // Uniform in [0, bound).
    std::uint32_t below(std::uint32_t bound);
    bool chance(int percent) { return below(100) < static_cast<std::uint32_t>(percent); }

private:
    std::uint64_t state_;
};

Document make_demo_program(int participant_count, std::uint64_t seed, UtcSeconds now);

}  // namespace flipside
