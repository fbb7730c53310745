#include <doctest/doctest.h>

#include <random>
#include <string>

#include "io/csv_reader.h"
#include "io/csv_writer.h"
#include "test_support.h"

using namespace flipside;
using namespace flipside::io;

namespace {

CsvTable read_ok(const std::string& bytes, const CsvOptions& options = {}) {
    const Result<CsvTable> result = read_csv(bytes, options);
    INFO("error: " << result.message());
    REQUIRE(result.ok());
    return *result;
}

}  // namespace

TEST_CASE("a Workday-style export: BOM, CRLF, semicolons, quoted lists") {
    const CsvTable table = read_ok(testing::read_fixture("csv/workday_export.csv"));
    CHECK(table.encoding == TextEncoding::Utf8WithBom);
    CHECK(table.delimiter == ';');
    REQUIRE(table.header.size() == 13);
    CHECK(table.header.front() == "Employee ID");  // the BOM is not part of the first header
    CHECK(table.header.back() == "Cost Center");   // no stray '\r'
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0].cells[1] == "Zoë");
    CHECK(table.rows[0].cells[8] == "Excel; Python; Power BI");
    CHECK(table.rows[2].cells[5] == "Developer; Backend");
    CHECK(table.rows[2].row == 4);
    CHECK(table.warnings.empty());
}

TEST_CASE("Windows-1252 bytes are decoded to UTF-8") {
    const CsvTable table = read_ok(testing::read_fixture("csv/windows1252.csv"));
    CHECK(table.encoding == TextEncoding::Windows1252);
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].cells[0] == "Renée Müller");
    CHECK(table.rows[0].cells[3] == "\u201c" "Brand\u201d stories");
    CHECK(table.rows[0].cells[4] == "Budget \u20ac 5k \u2013 \u2018small\u2019 team\u2026");
    CHECK(table.rows[1].cells[0] == "Jürgen Köhler");
    CHECK(table.rows[1].cells[4] == "\u0160koc\u2014no");
    CHECK(table.warnings.front().find("Windows-1252") != std::string::npos);
}

TEST_CASE("every Windows-1252 byte from 0x80 to 0x9F maps to its WHATWG code point") {
    const char32_t expected[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                   0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                   0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                   0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    for (int byte = 0x80; byte <= 0x9F; ++byte) {
        const std::string utf8 = windows1252_to_utf8(std::string(1, static_cast<char>(byte)));
        // Decode the UTF-8 back to one code point.
        char32_t cp = 0;
        const auto b0 = static_cast<unsigned char>(utf8[0]);
        if (utf8.size() == 2) cp = ((b0 & 0x1F) << 6) | (static_cast<unsigned char>(utf8[1]) & 0x3F);
        if (utf8.size() == 3)
            cp = ((b0 & 0x0F) << 12) | ((static_cast<unsigned char>(utf8[1]) & 0x3F) << 6) |
                 (static_cast<unsigned char>(utf8[2]) & 0x3F);
        INFO("byte 0x" << std::hex << byte);
        CHECK(cp == expected[byte - 0x80]);
        CHECK(is_valid_utf8(utf8));
    }
    CHECK(windows1252_to_utf8("\xE9\xFC\xA0") == "é\u00fc\u00a0");
}

TEST_CASE("UTF-8 validation is strict") {
    CHECK(is_valid_utf8("plain"));
    CHECK(is_valid_utf8("Zoë € 𝄞"));
    CHECK_FALSE(is_valid_utf8("\xC3"));              // truncated
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("caf\xE9"));           // Latin-1 é
}

TEST_CASE("quoted fields hold delimiters, doubled quotes and line breaks") {
    const CsvTable table = read_ok(testing::read_fixture("csv/multiline.csv"));
    CHECK(table.delimiter == ',');
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].cells[0] == "Smith, Jane");
    CHECK(table.rows[0].cells[2] == "VP, Sales");
    CHECK(table.rows[0].cells[3] == "TikTok\nGenerative AI\nData literacy");
    CHECK(table.rows[0].cells[4] == "Said \"hello\"\nthen left");  // CRLF inside a cell becomes \n
    CHECK(table.rows[1].row == 3);
    CHECK(table.rows[1].line == 6);  // the first data row spans lines 2..5
    CHECK(describe_row(3, 6) == "row 3 (line 6)");
    CHECK(describe_row(3, 3) == "row 3");
}

TEST_CASE("line endings: CRLF, LF and a lone CR all end records") {
    for (const std::string eol : {"\r\n", "\n", "\r"}) {
        const CsvTable table = read_ok("a,b" + eol + "1,2" + eol + "3,4" + eol);
        REQUIRE(table.rows.size() == 2);
        CHECK(table.rows[1].cells == std::vector<std::string>{"3", "4"});
        CHECK(table.rows[1].row == 3);
    }
    // No line break at the end, and an empty last cell.
    const CsvTable table = read_ok("a,b,c\n1,2,");
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].cells == std::vector<std::string>{"1", "2", ""});
}

TEST_CASE("delimiter detection among comma, semicolon and tab") {
    CHECK(detect_delimiter("Name,Email\nA,a@x.io\n") == ',');
    CHECK(detect_delimiter("Name;Email\n\"Smith, J\";a@x.io\n") == ';');
    CHECK(detect_delimiter("Name\tEmail\tDept\nSmith, J\ta@x.io\tIT\n") == '\t');
    // Commas inside values but semicolons between them.
    CHECK(detect_delimiter("Name;Skills\nAna;Excel, Python\nBo;R, SQL\n") == ';');
    CHECK(detect_delimiter("just one column\nvalue\n") == ',');
    // Excel's "sep=" line names the delimiter and is not a row.
    const CsvTable table = read_ok("sep=;\nName;Email\nAna;ana@x.io\n");
    CHECK(table.delimiter == ';');
    CHECK(table.header == std::vector<std::string>{"Name", "Email"});
    CHECK(table.rows[0].line == 3);
    // A caller's choice wins.
    CsvOptions forced;
    forced.delimiter = ',';
    CHECK(read_ok("a;b,c\n1;2,3\n", forced).header.size() == 2);
}

TEST_CASE("UTF-16 with a BOM (Excel's Unicode text) is decoded") {
    const std::u16string text = u"Name\tEmail\r\nZoë\tz@x.io\r\n";
    std::string bytes = "\xFF\xFE";
    for (const char16_t unit : text) {
        bytes += static_cast<char>(unit & 0xFF);
        bytes += static_cast<char>(unit >> 8);
    }
    const CsvTable table = read_ok(bytes);
    CHECK(table.encoding == TextEncoding::Utf16LittleEndian);
    CHECK(table.delimiter == '\t');
    CHECK(table.rows[0].cells[0] == "Zoë");
}

TEST_CASE("blank records are skipped but row numbers still count them") {
    const CsvTable table = read_ok("Name,Email\n\nAna,a@x.io\n,,\n;\nBo,b@x.io\n");
    REQUIRE(table.rows.size() == 3);  // ";" is text in a comma file
    CHECK(table.rows[0].row == 3);
    CHECK(table.rows[2].row == 6);
}

TEST_CASE("lenient quotes: a quote inside a value, text after a closing quote") {
    const CsvTable table = read_ok("Name,Height\nAna,5'11\"\n\"Bo\" Chen,170\n");
    CHECK(table.rows[0].cells[1] == "5'11\"");
    CHECK(table.rows[1].cells[0] == "Bo Chen");
    REQUIRE(table.warnings.size() == 1);
    CHECK(table.warnings[0] == "row 3, column 1: text after the closing quote was kept");
}

TEST_CASE("an unterminated quote is refused with where it opened, never hangs") {
    const Result<CsvTable> result = read_csv(testing::read_fixture("csv/unterminated.csv"));
    CHECK_FALSE(result.ok());
    CHECK(result.message() == "row 3, column 1: a quoted value opened on line 3 is never closed "
                          "(a missing \" would swallow the rest of the file)");
    CHECK_FALSE(read_csv("\"").ok());
    CHECK_FALSE(read_csv("a,b\n1,\"2\"\"").ok());
}

TEST_CASE("limits: size, rows and columns give clear messages") {
    CsvOptions options;
    options.limits.max_bytes = 100;
    Result<CsvTable> result = read_csv(std::string(200, 'a'), options);
    CHECK_FALSE(result.ok());
    CHECK(result.message().find("the limit is") != std::string::npos);

    options = {};
    options.limits.max_rows = 3;
    std::string text = "Name,Email\n";
    for (int i = 0; i < 4; ++i) text += "n" + std::to_string(i) + ",e@x.io\n";
    result = read_csv(text, options);
    CHECK_FALSE(result.ok());
    CHECK(result.message() == "the file has more than 3 data rows; the limit is 3 (split it into smaller files)");
    text.resize(text.rfind("n3"));
    CHECK(read_csv(text, options).ok());  // exactly 3 rows is fine

    options = {};
    options.limits.max_columns = 4;
    result = read_csv("a,b,c,d,e\n", options);
    CHECK_FALSE(result.ok());
    CHECK(result.message().find("row 1 has more than 4 columns") == 0);
}

TEST_CASE("what is not CSV at all gets a message, not a crash") {
    CHECK(read_csv("").message() == "the file has no rows");
    CHECK(read_csv("\n\n ,\n").message() == "the file has no rows");
    CHECK(read_csv(std::string("PK\x03\x04rest", 8)).message().find("save it as \"CSV UTF-8\"") != std::string::npos);
    CHECK(read_csv(std::string("a,b\n1,\0", 7)).message() == "line 2 holds a NUL byte: this is not a text file");
}

TEST_CASE("random bytes never crash or hang the reader") {
    std::mt19937 random(12345);
    for (int round = 0; round < 300; ++round) {
        std::string bytes(static_cast<std::size_t>(random() % 2000), '\0');
        for (char& c : bytes) {
            // Bias towards the characters the scanner cares about.
            const unsigned pick = random() % 10;
            c = pick == 0 ? '"' : pick == 1 ? ',' : pick == 2 ? '\n' : pick == 3 ? '\r' : pick == 4 ? ';'
                                                                                   : static_cast<char>(random() % 256);
        }
        const Result<CsvTable> result = read_csv(bytes);
        if (result.ok()) {
            for (const CsvRecord& record : result->rows)
                for (const std::string& cell : record.cells) CHECK(is_valid_utf8(cell));
        } else {
            CHECK_FALSE(result.message().empty());
        }
    }
}

TEST_CASE("a large file is read in one linear pass") {
    // 120,000 rows of ~60 bytes (7 MB): within the limits when raised, refused over them.
    std::string text = "Name,Email,Department\n";
    for (int i = 0; i < 120000; ++i) text += "\"Person " + std::to_string(i) + ", Jr\",p" + std::to_string(i) + "@example.com,Finance\n";
    CsvOptions options;
    options.limits.max_rows = 150000;
    const Result<CsvTable> result = read_csv(text, options);
    REQUIRE(result.ok());
    CHECK(result->rows.size() == 120000);
    CHECK(result->rows.back().cells[0] == "Person 119999, Jr");
    CHECK_FALSE(read_csv(text).ok());  // the default limit is 100,000 rows
}

TEST_CASE("the writer quotes per RFC 4180 and neutralises formulas") {
    CHECK(csv_cell("plain") == "plain");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(csv_cell(" padded ") == "\" padded \"");
    CHECK(csv_cell("=1+1") == "'=1+1");
    CHECK(csv_cell("+44 20 7946 0000") == "'+44 20 7946 0000");
    CHECK(csv_cell("-3") == "'-3");
    CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_cell("\tx") == "'\tx");
    CHECK(csv_cell("\rx") == "\"'\rx\"");
    CHECK(csv_cell("=HYPERLINK(\"http://e.x\",\"go\")") == "\"'=HYPERLINK(\"\"http://e.x\"\",\"\"go\"\")\"");
    CHECK(csv_cell("a=b") == "a=b");
    CsvWriteOptions raw;
    raw.neutralise_formulas = false;
    CHECK(csv_cell("=1+1", raw) == "=1+1");
    CHECK(undo_formula_neutralisation("'=1+1") == "=1+1");
    CHECK(undo_formula_neutralisation("'quoted'") == "'quoted'");
    CHECK(undo_formula_neutralisation("O'Brien") == "O'Brien");

    const std::string file = write_csv({{"Name", "Note"}, {"Zoë", "a,b"}});
    CHECK(file == "\xEF\xBB\xBFName,Note\r\nZoë,\"a,b\"\r\n");
}

TEST_CASE("what the writer writes, the reader reads back") {
    const std::vector<std::vector<std::string>> rows = {
        {"Name", "Text", "More"},
        {"Smith, Jane", "line one\nline two", "\"quoted\""},
        {"=cmd", "", " spaced "},
    };
    for (const char delimiter : {',', ';', '\t'}) {
        CsvWriteOptions options;
        options.delimiter = delimiter;
        const CsvTable table = read_ok(write_csv(rows, options));
        CHECK(table.delimiter == delimiter);
        CHECK(table.header == rows[0]);
        REQUIRE(table.rows.size() == 2);
        CHECK(table.rows[0].cells == rows[1]);
        CHECK(undo_formula_neutralisation(table.rows[1].cells[0]) == "=cmd");
        CHECK(table.rows[1].cells[2] == " spaced ");
    }
}
