// Match scores as the rest of Flipside sees them: integers in hundredths of a point
// (kScoreScale) so that every sum is exact and identical natively and in WebAssembly (a
// criterion fully met earns its weight, e.g. 40 points = 4000), broken down by criterion; and
// the whole score matrix of a program, for outside solvers (`flipside scores`).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/matching/settings.h"
#include "core/model.h"
#include "core/time_zone_catalog.h"

namespace flipside::matching {

inline constexpr int kScoreScale = 100;
using ScoreBreakdown = std::array<int, kCriterionCount>;  // indexed by Criterion

// Highest score any pair can reach with these weights.
int max_possible_score(const MatchingWeights& weights);

// "12.5", "40", "-20": hundredths shown without trailing zeros, never in exponent form.
std::string format_score(long long hundredths);

// The instant whose UTC offsets are used when nothing else is said: noon UTC on the current
// program's first day (or 2026-01-05 without a program), so a run never depends on a clock.
UtcSeconds default_reference_instant(const Document& document);

// Every (mentee, mentor) score of the document's current program under `settings`. Locked
// pairs are not represented (they are settled before solving).
class ScoreMatrix {
public:
    std::vector<std::string> mentee_ids;  // rows, in roster order
    std::vector<std::string> mentor_ids;  // columns, in roster order
    std::vector<int> capacity;            // per mentor: mentees it may take (0 when inactive)

    std::size_t rows() const { return mentee_ids.size(); }
    std::size_t columns() const { return mentor_ids.size(); }
    // Nothing where a hard rule forbids the pair.
    std::optional<int> score(std::size_t row, std::size_t column) const;

private:
    friend ScoreMatrix compute_score_matrix(const Document&, const MatchingSettings&, const TimeZoneCatalog&,
                                            UtcSeconds);
    std::vector<std::int32_t> cells_;  // rows x columns, row-major; INT32_MIN = forbidden
};

ScoreMatrix compute_score_matrix(const Document& document, const MatchingSettings& settings,
                                 const TimeZoneCatalog& time_zones, UtcSeconds reference_instant);

}  // namespace flipside::matching
