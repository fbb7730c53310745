// Reading CSV files exported by HR systems and spreadsheets (RFC 4180 plus what real exports do).
//
// What it accepts, exactly:
//   - encodings: UTF-8 with or without a byte order mark; UTF-16 LE/BE with a BOM (Excel's
//     "Unicode text"); anything else that is not valid UTF-8 is read as Windows-1252, the
//     encoding Excel on Windows uses for "CSV" in Western locales. Output is always UTF-8.
//   - delimiters: comma, semicolon or tab, detected from the first records (or an Excel
//     "sep=;" first line, or given by the caller).
//   - records: CRLF, LF or a lone CR end a record; quoted fields may hold delimiters, doubled
//     quotes ("") and line breaks, which come out as "\n" whatever the file used.
//   - leniency: a quote inside an unquoted field is kept as text ("5'11\"" stays as is); text
//     after a closing quote is appended to the field with a warning.
// What it refuses, with a message saying where: files over the size or row limit, text with
// NUL bytes (not a text file), a quoted field never closed (it would swallow the rest of the
// file). Parsing is one linear pass: no input can make it loop or recurse.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace flipside::io {

enum class TextEncoding { Utf8, Utf8WithBom, Utf16LittleEndian, Utf16BigEndian, Windows1252 };
const char* text_encoding_name(TextEncoding encoding);  // "UTF-8", "UTF-8 with BOM", "Windows-1252", ...

struct CsvLimits {
    std::size_t max_bytes = 32u << 20;  // 32 MiB: a 100,000-person roster is about 20 MB
    std::size_t max_rows = 100000;      // data rows after the header
    std::size_t max_columns = 500;
};

struct CsvOptions {
    char delimiter = 0;  // 0: detect; otherwise ',', ';' or '\t'
    CsvLimits limits;
};

struct CsvRecord {
    std::vector<std::string> cells;
    std::size_t row = 0;   // 1-based record number as a spreadsheet shows it (the header is row 1)
    std::size_t line = 0;  // 1-based line of the file where the record starts (differs after
                           // quoted line breaks or a "sep=" line)
};

struct CsvTable {
    TextEncoding encoding = TextEncoding::Utf8;
    char delimiter = ',';
    std::vector<std::string> header;  // the first non-blank record
    std::size_t header_row = 1;
    std::vector<CsvRecord> rows;      // data records; blank records (no text in any cell) are left out
    std::vector<std::string> warnings;  // leniencies applied, each naming its row and column
};

// The table, or the one problem that stops the file being read: message() says what is wrong
// and where, ready to show ("row 3, column 1: a quoted value opened on line 3 is never closed
// ..."). Never throws (except std::bad_alloc), never hangs: any bytes give a result.
Result<CsvTable> read_csv(std::string_view bytes, const CsvOptions& options = {});

// The pieces, for tests and for callers that only need them.
bool is_valid_utf8(std::string_view bytes);
std::string windows1252_to_utf8(std::string_view bytes);
// Detects the encoding, drops any BOM and returns UTF-8 text.
std::string decode_text(std::string_view bytes, TextEncoding& encoding);
// ',' ';' or '\t' for UTF-8 text (BOM already removed).
char detect_delimiter(std::string_view text);

// "row 5" or "row 5 (line 7)" when a record spans lines; used in every message about a row.
std::string describe_row(std::size_t row, std::size_t line);

}  // namespace flipside::io
