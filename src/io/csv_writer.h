// Writing CSV that spreadsheet software opens safely and exactly.
//
// RFC 4180: cells holding the delimiter, a quote, a line break or leading/trailing spaces are
// quoted, quotes doubled; records end with CRLF. A UTF-8 byte order mark is written first by
// default because Excel otherwise reads UTF-8 as the local code page (é becomes Ã©).
//
// Formula injection: a cell starting with = + - @, a tab or a carriage return may be run as a
// formula by Excel, LibreOffice or Google Sheets ("=HYPERLINK(...)" in a name typed by a
// participant). Such cells get a leading apostrophe, which spreadsheets show as text and hide.
// This applies to every cell, numbers included: "-3" is written "'-3" (OWASP's advice; our
// exports have no negative numbers). undo_formula_neutralisation() reverses it on import.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace flipside::io {

struct CsvWriteOptions {
    char delimiter = ',';
    bool byte_order_mark = true;
    bool neutralise_formulas = true;
};

// One cell as it appears in the file (neutralised and quoted when needed).
std::string csv_cell(std::string_view value, const CsvWriteOptions& options = {});

// Whole table: every row, each ended by CRLF.
std::string write_csv(const std::vector<std::vector<std::string>>& rows, const CsvWriteOptions& options = {});

// True for text a spreadsheet could take as a formula (the cells that get an apostrophe).
bool starts_like_formula(std::string_view value);
// "'=1+1" -> "=1+1": drops the apostrophe csv_cell() added; any other text is returned as is.
std::string undo_formula_neutralisation(std::string_view value);

}  // namespace flipside::io
