#include "io/csv_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>

namespace flipside::io {

namespace {

constexpr std::size_t kMaxWarnings = 50;  // past this, one summary line: the report stays readable

void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

// Windows-1252 bytes 0x80..0x9F (the WHATWG Encoding Standard's index). The five bytes the
// code page leaves undefined (81, 8D, 8F, 90, 9D) map to the C1 control of the same value,
// as browsers do, so that no byte is ever lost.
constexpr std::array<std::uint16_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80..87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88..8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90..97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98..9F
};

std::string utf16_to_utf8(std::string_view bytes, bool little_endian) {
    std::string out;
    out.reserve(bytes.size());
    const auto unit_at = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return little_endian ? (a | (b << 8)) : ((a << 8) | b);
    };
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        const std::uint32_t unit = unit_at(i);
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < bytes.size()) {
            const std::uint32_t low = unit_at(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        // A lone surrogate has no UTF-8 form: the replacement character keeps the cell visible.
        append_utf8(out, unit >= 0xD800 && unit <= 0xDFFF ? 0xFFFD : unit);
    }
    if (i < bytes.size()) append_utf8(out, 0xFFFD);  // odd trailing byte
    return out;
}

std::string megabytes(std::size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

std::string delimiter_name(char delimiter) {
    switch (delimiter) {
        case ',': return "comma";
        case ';': return "semicolon";
        case '\t': return "tab";
        default: return std::string("\"") + delimiter + "\"";
    }
}

bool is_blank(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& cell) {
        return cell.find_first_not_of(" \t") == std::string::npos;
    });
}

// The record scanner shared by delimiter detection (on a prefix, stopping quietly) and the
// full read. Every step advances `pos`, so the loop ends after at most text.size() steps.
struct ScanLimits {
    std::size_t max_records = SIZE_MAX;  // stop after this many records (detection)
    std::size_t max_data_rows = SIZE_MAX;
    std::size_t max_columns = SIZE_MAX;
    bool stop_quietly_at_open_quote = false;  // a prefix may end inside a quoted field
};

struct ScanResult {
    std::vector<CsvRecord> records;  // blank records included (detection) or not (full read)
    std::vector<std::string> warnings;
    std::size_t warnings_dropped = 0;
    std::optional<Problem> error;
};

ScanResult scan_records(std::string_view text, char delimiter, const ScanLimits& limits, bool keep_blank,
                        std::size_t first_line) {
    ScanResult result;
    const std::size_t n = text.size();
    std::size_t pos = 0;
    std::size_t line = first_line;
    std::size_t row = 0;          // records seen, blank ones included: spreadsheet row numbers
    std::size_t non_blank = 0;
    const char stops[] = {delimiter, '\r', '\n', '"', '\0'};

    const auto warn = [&](std::string message) {
        if (result.warnings.size() < kMaxWarnings)
            result.warnings.push_back(std::move(message));
        else
            ++result.warnings_dropped;
    };
    // Consumes one line break at `pos` (CRLF, LF or CR); true when there was one.
    const auto take_line_break = [&]() {
        if (pos >= n) return false;
        if (text[pos] == '\r') {
            ++pos;
            if (pos < n && text[pos] == '\n') ++pos;
        } else if (text[pos] == '\n') {
            ++pos;
        } else {
            return false;
        }
        ++line;
        return true;
    };

    while (pos < n) {
        CsvRecord record;
        record.line = line;
        record.row = ++row;
        bool record_done = false;
        while (!record_done) {
            std::string cell;
            const std::size_t column = record.cells.size() + 1;
            if (pos < n && text[pos] == '"') {
                const std::size_t quote_line = line;
                ++pos;
                bool closed = false;
                while (pos < n) {
                    const std::size_t next = text.find_first_of("\"\r\n", pos);
                    if (next == std::string_view::npos) {
                        cell.append(text.substr(pos));
                        pos = n;
                        break;
                    }
                    cell.append(text.substr(pos, next - pos));
                    pos = next;
                    if (text[pos] == '"') {
                        if (pos + 1 < n && text[pos + 1] == '"') {
                            cell += '"';
                            pos += 2;
                        } else {
                            ++pos;
                            closed = true;
                            break;
                        }
                    } else {
                        take_line_break();
                        cell += '\n';  // one line break inside a cell, whatever the file used
                    }
                }
                if (!closed) {
                    if (limits.stop_quietly_at_open_quote) return result;
                    result.error = Problem{describe_row(record.row, record.line) + ", column " + std::to_string(column),
                                           "a quoted value opened on line " + std::to_string(quote_line) +
                                               " is never closed (a missing \" would swallow the rest of the file)"};
                    return result;
                }
                // RFC 4180 wants the delimiter or a line break right after the closing quote;
                // spreadsheets keep what follows, and so do we, saying so.
                const std::size_t after = text.find_first_of(std::string_view(stops, 3), pos);
                const std::size_t end = after == std::string_view::npos ? n : after;
                if (end > pos) {
                    cell.append(text.substr(pos, end - pos));
                    warn(describe_row(record.row, record.line) + ", column " + std::to_string(column) +
                         ": text after the closing quote was kept");
                    pos = end;
                }
            } else {
                const std::size_t end = text.find_first_of(std::string_view(stops, 3), pos);
                const std::size_t stop = end == std::string_view::npos ? n : end;
                cell.assign(text.substr(pos, stop - pos));
                pos = stop;
            }
            record.cells.push_back(std::move(cell));
            if (record.cells.size() > limits.max_columns) {
                result.error = Problem{"", describe_row(record.row, record.line) + " has more than " +
                                               std::to_string(limits.max_columns) + " columns; the limit is " +
                                               std::to_string(limits.max_columns)};
                return result;
            }
            if (pos < n && text[pos] == delimiter) {
                ++pos;  // at the end of the text, the next pass reads the empty last cell of "a,b,"
                continue;
            }
            take_line_break();
            record_done = true;
        }
        const bool blank = is_blank(record.cells);
        if (!blank) ++non_blank;
        if (!blank || keep_blank) result.records.push_back(std::move(record));
        // The first non-blank record is the header, so data rows are the ones after it.
        if (non_blank > 1 && non_blank - 1 > limits.max_data_rows) {
            result.error = Problem{"", "the file has more than " + std::to_string(limits.max_data_rows) +
                                           " data rows; the limit is " + std::to_string(limits.max_data_rows) +
                                           " (split it into smaller files)"};
            return result;
        }
        if (result.records.size() >= limits.max_records) return result;
    }
    return result;
}

}  // namespace

const char* text_encoding_name(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::Utf8: return "UTF-8";
        case TextEncoding::Utf8WithBom: return "UTF-8 with BOM";
        case TextEncoding::Utf16LittleEndian: return "UTF-16 LE";
        case TextEncoding::Utf16BigEndian: return "UTF-16 BE";
        case TextEncoding::Windows1252: return "Windows-1252";
    }
    return "UTF-8";
}

std::string describe_row(std::size_t row, std::size_t line) {
    std::string text = "row " + std::to_string(row);
    if (line != row) text += " (line " + std::to_string(line) + ")";
    return text;
}

bool is_valid_utf8(std::string_view bytes) {
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t code_point = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            code_point = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            code_point = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            code_point = c & 0x07;
        } else {
            return false;  // continuation byte first, overlong lead (C0, C1) or beyond F4
        }
        if (i + length > n) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code_point = (code_point << 6) | (next & 0x3F);
        }
        if ((length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000)) return false;  // overlong
        if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return false;
        i += length;
    }
    return true;
}

std::string windows1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char byte : bytes) {
        const auto c = static_cast<unsigned char>(byte);
        if (c < 0x80)
            out += byte;
        else if (c < 0xA0)
            append_utf8(out, kWindows1252High[c - 0x80]);
        else
            append_utf8(out, c);  // A0..FF are Latin-1, the same code points
    }
    return out;
}

std::string decode_text(std::string_view bytes, TextEncoding& encoding) {
    const auto starts_with = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
    if (starts_with("\xEF\xBB\xBF")) {
        const std::string_view rest = bytes.substr(3);
        if (is_valid_utf8(rest)) {
            encoding = TextEncoding::Utf8WithBom;
            return std::string(rest);
        }
        encoding = TextEncoding::Windows1252;
        return windows1252_to_utf8(rest);
    }
    if (starts_with("\xFF\xFE")) {
        encoding = TextEncoding::Utf16LittleEndian;
        return utf16_to_utf8(bytes.substr(2), true);
    }
    if (starts_with("\xFE\xFF")) {
        encoding = TextEncoding::Utf16BigEndian;
        return utf16_to_utf8(bytes.substr(2), false);
    }
    if (is_valid_utf8(bytes)) {
        encoding = TextEncoding::Utf8;
        return std::string(bytes);
    }
    encoding = TextEncoding::Windows1252;
    return windows1252_to_utf8(bytes);
}

char detect_delimiter(std::string_view text) {
    // Judge on the first records only: the header decides, the rows after it confirm.
    constexpr std::size_t kSampleBytes = 64 * 1024;
    constexpr std::size_t kSampleRecords = 30;
    const std::string_view sample = text.substr(0, kSampleBytes);
    ScanLimits limits;
    limits.max_records = kSampleRecords;
    limits.stop_quietly_at_open_quote = true;

    char best = ',';
    double best_consistency = -1;
    std::size_t best_columns = 1;
    // Tab first, then semicolon, then comma: on a tie the rarer character inside real values
    // wins (names and job titles hold commas far more often than tabs).
    for (const char candidate : {'\t', ';', ','}) {
        const ScanResult scan = scan_records(sample, candidate, limits, false, 1);
        if (scan.records.empty()) continue;
        const std::size_t columns = scan.records.front().cells.size();
        if (columns < 2) continue;
        std::size_t matching = 0;
        std::size_t counted = 0;
        // The last sampled record may be cut by the sample's end; leave it out of the vote.
        const std::size_t last = scan.records.size() > 2 && sample.size() < text.size() ? scan.records.size() - 1
                                                                                      : scan.records.size();
        for (std::size_t i = 1; i < last; ++i) {
            ++counted;
            // Rows shorter than the header are common (trailing empty cells dropped), so they
            // only count against a delimiter when they have a single cell.
            const std::size_t cells = scan.records[i].cells.size();
            if (cells == columns || (cells > 1 && cells < columns)) ++matching;
        }
        const double consistency = counted == 0 ? 1.0 : static_cast<double>(matching) / static_cast<double>(counted);
        if (consistency > best_consistency + 1e-9 ||
            (consistency > best_consistency - 1e-9 && columns > best_columns)) {
            best = candidate;
            best_consistency = consistency;
            best_columns = columns;
        }
    }
    return best;
}

Result<CsvTable> read_csv(std::string_view bytes, const CsvOptions& options) {
    const CsvLimits& limits = options.limits;
    if (bytes.size() > limits.max_bytes)
        return Problem{"", "the file is " + megabytes(bytes.size()) + "; the limit is " + megabytes(limits.max_bytes) +
                               " (split it into smaller files)"};
    if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4))
        return Problem{"", "this is a spreadsheet workbook (.xlsx or .ods), not CSV: save it as \"CSV UTF-8\" first"};
    CsvTable table;
    std::string text = decode_text(bytes, table.encoding);
    if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
        std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n'));
        return Problem{"", "line " + std::to_string(line) + " holds a NUL byte: this is not a text file"};
    }

    std::string_view body = text;
    std::size_t first_line = 1;
    char delimiter = options.delimiter;
    // Excel writes and honours a first line "sep=;" naming the delimiter; it is not a row.
    if (body.size() >= 5 && (body.substr(0, 4) == "sep=" || body.substr(0, 4) == "SEP=") &&
        (body.size() == 5 || body[5] == '\r' || body[5] == '\n') && body[4] != '"') {
        if (delimiter == 0) delimiter = body[4];
        body.remove_prefix(5);
        if (!body.empty() && body[0] == '\r') body.remove_prefix(1);
        if (!body.empty() && body[0] == '\n') body.remove_prefix(1);
        first_line = 2;
    }
    if (delimiter == 0) delimiter = detect_delimiter(body);
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n')
        return Problem{"", "the delimiter cannot be a quote or a line break"};
    table.delimiter = delimiter;

    ScanLimits scan_limits;
    scan_limits.max_data_rows = limits.max_rows;
    scan_limits.max_columns = limits.max_columns;
    ScanResult scan = scan_records(body, delimiter, scan_limits, false, first_line);
    if (scan.error) return std::move(*scan.error);
    if (scan.records.empty()) return Problem{"", "the file has no rows"};
    table.header = std::move(scan.records.front().cells);
    table.header_row = scan.records.front().row;
    table.rows.assign(std::make_move_iterator(scan.records.begin() + 1), std::make_move_iterator(scan.records.end()));
    table.warnings = std::move(scan.warnings);
    if (scan.warnings_dropped)
        table.warnings.push_back("… and " + std::to_string(scan.warnings_dropped) + " more like these");
    if (table.encoding == TextEncoding::Windows1252)
        table.warnings.insert(table.warnings.begin(),
                              "the file is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\" on Windows)");
    if (table.header.size() < 2 && options.delimiter == 0)
        table.warnings.insert(table.warnings.begin(), "only one column was found (no comma, semicolon or tab "
                                                      "between the header's names); the delimiter used is " +
                                                          delimiter_name(delimiter));
    return table;
}

}  // namespace flipside::io
