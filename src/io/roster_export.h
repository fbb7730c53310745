// CSV exports for spreadsheets: the roster, the pairs, and the dashboard's figures. Every cell
// goes through csv_writer.h, so text starting with = + - @ cannot run as a formula.
// Confidential text (pair notes, session notes) is never exported.
#pragma once

#include <string>

#include "core/model.h"
#include "core/program_statistics.h"
#include "io/csv_writer.h"

namespace flipside::io {

// One row per participant. The headers are ones the import guesses back ("Employee ID",
// "E-mail", "Manager e-mail", ...), and lists are joined with "; ", so an exported roster
// imports again unchanged (list items that themselves hold ',' or ';' outside parentheses are the exception).
std::string write_roster_csv(const Document& document, const CsvWriteOptions& options = {});

// One row per pair, every program: people, state, sessions held and scheduled, last held
// session (UTC date), average rating.
std::string write_pairs_csv(const Document& document, const CsvWriteOptions& options = {});

// The statistics in long form, one figure per row: section, item, measure, value
// ("sessions,,held,45", "department,Finance,matched,4", "week,2026-01-05,held,3").
// Empty value for a figure with none (an average of no ratings).
std::string write_program_statistics_csv(const ProgramStatistics& statistics, const CsvWriteOptions& options = {});

}  // namespace flipside::io
