#include "io/csv_writer.h"

namespace flipside::io {

bool starts_like_formula(std::string_view value) {
    if (value.empty()) return false;
    switch (value.front()) {
        case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
        default: return false;
    }
}

std::string undo_formula_neutralisation(std::string_view value) {
    if (value.size() >= 2 && value.front() == '\'' && starts_like_formula(value.substr(1)))
        return std::string(value.substr(1));
    return std::string(value);
}

std::string csv_cell(std::string_view value, const CsvWriteOptions& options) {
    std::string text;
    text.reserve(value.size() + 3);
    if (options.neutralise_formulas && starts_like_formula(value)) text += '\'';
    text.append(value);
    const bool needs_quotes = text.find_first_of(std::string{options.delimiter, '"', '\r', '\n'}) != std::string::npos ||
                              (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!needs_quotes) return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string write_csv(const std::vector<std::vector<std::string>>& rows, const CsvWriteOptions& options) {
    std::string out;
    if (options.byte_order_mark) out += "\xEF\xBB\xBF";
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out += options.delimiter;
            out += csv_cell(row[i], options);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace flipside::io
