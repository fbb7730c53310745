// flipside import-csv (synopsis: main.cpp's command table)
// The report goes to stderr, one line per refused row, in the same words as the import dialog.
#include <cstdio>
#include <fstream>

#include "app/roster_import_edit.h"
#include "cli/cli_support.h"
#include "core/validation.h"
#include "io/csv_reader.h"
#include "io/json_document.h"
#include "io/roster_import.h"
#include "io/roster_mapping.h"
#include "platform/interface/time_zones.h"

namespace flipside::cli {

namespace {

constexpr const char* kCommand = "import-csv";

const char* delimiter_label(char delimiter) {
    switch (delimiter) {
        case ',': return "comma";
        case ';': return "semicolon";
        case '\t': return "tab";
        default: return "custom";
    }
}

}  // namespace

int run_import_csv(const Arguments& args) {
    const Options options(args, {"--map", "--into", "-o", "--dates", "--role", "--time-zone", "--delimiter"},
                          {"--dry-run"});
    if (!options.ok()) return usage_error(kCommand, options.error());
    if (options.positional().size() != 1)
        return usage_error(kCommand, "give exactly one CSV file: flipside import-csv roster.csv -o data.json");
    const std::string& csv_path = options.positional()[0];
    const auto output = options.value("-o");
    const bool dry_run = options.flag("--dry-run");
    if (!output && !dry_run) return usage_error(kCommand, "-o <file> is required (or --dry-run for the report only)");

    io::CsvOptions csv_options;
    if (const auto delimiter = options.value("--delimiter")) {
        if (*delimiter == "," || *delimiter == "comma") csv_options.delimiter = ',';
        else if (*delimiter == ";" || *delimiter == "semicolon") csv_options.delimiter = ';';
        else if (*delimiter == "tab" || *delimiter == "\\t" || *delimiter == "\t") csv_options.delimiter = '\t';
        else return usage_error(kCommand, "--delimiter must be comma, semicolon or tab");
    }
    io::RosterImportOptions import_options;
    if (const auto dates = options.value("--dates")) {
        if (*dates == "dmy") import_options.date_order = io::DateOrder::DayMonthYear;
        else if (*dates == "mdy") import_options.date_order = io::DateOrder::MonthDayYear;
        else return usage_error(kCommand, "--dates must be dmy (day/month/year) or mdy (month/day/year)");
    }
    if (const auto role = options.value("--role")) {
        if (*role == "mentor") import_options.default_role = Role::Mentor;
        else if (*role == "mentee") import_options.default_role = Role::Mentee;
        else return usage_error(kCommand, "--role must be mentor or mentee");
    }
    const TimeZoneCatalog& time_zones = platform::system_time_zones();
    if (const auto zone = options.value("--time-zone")) {
        if (!time_zones.is_known(*zone)) return usage_error(kCommand, "--time-zone: unknown time zone \"" + *zone + "\"");
        import_options.default_time_zone = *zone;
    }
    std::vector<io::MappingOverride> overrides;
    for (const std::string& text : options.values("--map")) {
        Result<io::MappingOverride> parsed = io::parse_mapping_override(text);
        if (!parsed) return usage_error(kCommand, parsed.message());
        overrides.push_back(std::move(*parsed));
    }

    // Refuse an oversized file before reading it into memory (a 5 GB export must not be loaded).
    {
        std::ifstream probe(csv_path, std::ios::binary | std::ios::ate);
        const auto size = probe ? static_cast<long long>(probe.tellg()) : -1;
        if (size > static_cast<long long>(csv_options.limits.max_bytes)) {
            std::fprintf(stderr, "flipside %s: %s: the file is %.1f MB; the limit is %.1f MB (split it into smaller files)\n",
                         kCommand, csv_path.c_str(), static_cast<double>(size) / (1024.0 * 1024.0),
                         static_cast<double>(csv_options.limits.max_bytes) / (1024.0 * 1024.0));
            return 2;
        }
    }
    const auto bytes = read_file(csv_path, kCommand);
    if (!bytes) return 2;
    const Result<io::CsvTable> read = io::read_csv(*bytes, csv_options);
    if (!read) {
        std::fprintf(stderr, "flipside %s: %s: %s\n", kCommand, csv_path.c_str(), read.message().c_str());
        return 2;
    }
    const io::CsvTable& table = *read;
    Document document;
    if (const auto into = options.value("--into")) {
        auto loaded = load_document(*into, kCommand);
        if (!loaded) return 2;
        document = std::move(*loaded);
    }

    const Result<std::vector<io::RosterField>> mapped =
        io::apply_mapping_overrides(io::guess_roster_mapping(table.header), table.header, overrides);
    if (!mapped) return usage_error(kCommand, mapped.message());
    const std::vector<io::RosterField>& mapping = *mapped;
    std::fprintf(stderr, "%s: %s, %s-delimited, %zu data rows\n", csv_path.c_str(),
                 io::text_encoding_name(table.encoding), delimiter_label(table.delimiter), table.rows.size());
    for (std::size_t column = 0; column < table.header.size(); ++column)
        std::fprintf(stderr, "  column %zu \"%s\" -> %s\n", column + 1, table.header[column].c_str(),
                     io::roster_field_name(mapping[column]));
    for (const std::string& warning : table.warnings)
        std::fprintf(stderr, "%s: warning: %s\n", csv_path.c_str(), warning.c_str());

    const Result<io::RosterImportReport> planned = io::plan_roster_import(document, table, mapping, import_options, time_zones);
    if (!planned) {
        std::fprintf(stderr, "flipside %s: %s: %s\n", kCommand, csv_path.c_str(), planned.message().c_str());
        return 2;
    }
    const io::RosterImportReport& report = *planned;
    for (const std::string& line : io::format_import_report(report))
        std::fprintf(stderr, "%s: %s\n", csv_path.c_str(), line.c_str());
    if (!report.has_valid_rows()) {
        std::fprintf(stderr, "flipside %s: nothing to import: %s has no valid row\n", kCommand, csv_path.c_str());
        return 2;
    }
    if (dry_run) return 0;

    app::apply_edit(document, app::roster_import_edit(document, report, csv_path));
    // The plan checks every row; this is the same gate a saved file passes when read back.
    const std::vector<Problem> problems = validate_document(document, time_zones);
    if (!problems.empty()) {
        for (const Problem& problem : problems)
            std::fprintf(stderr, "%s: %s\n", problem.path.c_str(), problem.reason.c_str());
        std::fprintf(stderr, "flipside %s: the imported roster would not be valid; nothing written\n", kCommand);
        return 2;
    }
    if (!write_file(*output, io::write_document_json(document), kCommand)) return 1;
    std::printf("wrote %s: %zu participants (%zu added, %zu updated, %zu unchanged, %zu refused)\n", output->c_str(),
                document.participants.size(), report.to_add, report.to_update, report.unchanged, report.refused);
    return 0;
}

}  // namespace flipside::cli
