#include "core/matching/scores.h"

#include "core/matching/detail/pool.h"
#include "core/matching/detail/score_table.h"

namespace flipside::matching {

std::optional<int> ScoreMatrix::score(std::size_t row, std::size_t column) const {
    const std::int32_t value = cells_[row * columns() + column];
    if (value == kForbiddenScore) return std::nullopt;
    return value;
}

ScoreMatrix compute_score_matrix(const Document& document, const MatchingSettings& settings,
                                 const TimeZoneCatalog& time_zones, UtcSeconds reference_instant) {
    const MatchingPool pool = build_matching_pool(document, settings, time_zones, reference_instant);
    const ScoreTable table = build_score_table(pool, 0);
    ScoreMatrix matrix;
    for (std::size_t t = 0; t < pool.mentee_count(); ++t) matrix.mentee_ids.push_back(pool.mentee_participant(t).id);
    for (std::size_t m = 0; m < pool.mentor_count(); ++m) {
        matrix.mentor_ids.push_back(pool.mentor_participant(m).id);
        matrix.capacity.push_back(pool.mentors[m].active ? pool.mentors[m].capacity : 0);
    }
    matrix.cells_.assign(table.dense.begin(), table.dense.end());
    return matrix;
}

}  // namespace flipside::matching
