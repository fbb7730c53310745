#include "core/matching/detail/score_table.h"

#include <algorithm>

#include "core/matching/detail/rules.h"
#include "core/matching/detail/scoring.h"

namespace flipside::matching {

std::int32_t ScoreTable::score(std::size_t row, std::size_t column) const {
    if (!sparse) return dense[row * columns + column];
    for (std::size_t e = row_begin[row]; e < row_begin[row + 1]; ++e)
        if (static_cast<std::size_t>(entry_column[e]) == column) return entry_score[e];
    return kForbiddenScore;
}

std::size_t ScoreTable::entry_count() const {
    if (sparse) return entry_column.size();
    return static_cast<std::size_t>(std::count_if(dense.begin(), dense.end(),
                                                  [](std::int32_t s) { return s != kForbiddenScore; }));
}

ScoreTableBuilder::ScoreTableBuilder(const MatchingPool& pool, int candidates_per_mentee)
    : pool_(pool), keep_(candidates_per_mentee > 0 ? static_cast<std::size_t>(candidates_per_mentee) : 0) {
    table_.rows = pool.mentee_count();
    table_.columns = pool.mentor_count();
    table_.sparse = keep_ > 0;
    if (table_.sparse) {
        table_.row_begin.assign(1, 0);
        table_.entry_column.reserve(table_.rows * std::min(keep_, table_.columns));
        table_.entry_score.reserve(table_.rows * std::min(keep_, table_.columns));
        if (pool.small_vocabularies) finder_ = std::make_unique<TopCandidateFinder>(pool, keep_);
    } else {
        // Left uninitialised: build_row writes every cell.
        table_.dense.resize(table_.rows * table_.columns);
        if (pool.small_vocabularies) row_scorer_ = std::make_unique<RowScorer>(pool);
    }
}

double ScoreTableBuilder::progress() const {
    return table_.rows == 0 ? 1.0 : static_cast<double>(next_row_) / static_cast<double>(table_.rows);
}

bool ScoreTableBuilder::step(std::int64_t budget) {
    std::int64_t done = 0;
    while (!finished() && done < budget) {
        (this->*build_row_call_)(next_row_++);
        done += static_cast<std::int64_t>(table_.columns) + 1;
    }
    return finished();
}

void ScoreTableBuilder::build_row(std::size_t row) {
    const MatchingProfile& mentee = pool_.mentees[row];
    if (!table_.sparse) {
        std::int32_t* values = table_.dense.data() + row * table_.columns;  // empty with no mentors
        if (row_scorer_) {
            row_scorer_->score_row(row, values);
            return;
        }
        if (!mentee.active) {
            std::fill(values, values + table_.columns, kForbiddenScore);
            return;
        }
        for (std::size_t c = 0; c < table_.columns; ++c)
            values[c] = broken_hard_rules(pool_, row, c) == 0 ? score_pair(pool_, row, c) : kForbiddenScore;
        return;
    }
    scratch_.clear();
    if (finder_) {
        finder_->find(row, scratch_);
    } else if (mentee.active) {
        for (std::size_t c = 0; c < table_.columns; ++c)
            if (broken_hard_rules(pool_, row, c) == 0)
                scratch_.emplace_back(score_pair(pool_, row, c), static_cast<std::int32_t>(c));
    }
    // Best first; equal scores keep the lower column so the cut is deterministic.
    const auto better = [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
    if (!finder_ && scratch_.size() > keep_) {
        std::nth_element(scratch_.begin(), scratch_.begin() + static_cast<std::ptrdiff_t>(keep_), scratch_.end(), better);
        scratch_.resize(keep_);
    }
    std::sort(scratch_.begin(), scratch_.end(), better);
    for (const auto& [score, column] : scratch_) {
        table_.entry_column.push_back(column);
        table_.entry_score.push_back(score);
    }
    table_.row_begin.push_back(table_.entry_column.size());
}

ScoreTable build_score_table(const MatchingPool& pool, int candidates_per_mentee) {
    ScoreTableBuilder builder(pool, candidates_per_mentee);
    while (!builder.step(INT64_MAX)) {
    }
    return builder.take();
}

}  // namespace flipside::matching
