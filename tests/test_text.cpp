#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text.h"

using namespace flipside;

using List = std::vector<std::string>;

TEST_CASE("ASCII case folding changes A-Z only, whatever the locale") {
    CHECK(fold_ascii("Aoife HUGHES-O'Neil 42") == "aoife hughes-o'neil 42");
    // Bytes of other scripts are left alone: "É" (C3 89) is not folded, and no UTF-8 byte is
    // mistaken for a capital.
    CHECK(fold_ascii("ÉMILE Ølstad Ольга") == "Émile Ølstad Ольга");
    CHECK(fold_ascii('[') == '[');  // the byte after 'Z'
    CHECK(fold_ascii('@') == '@');  // the byte before 'A'
    CHECK(fold_ascii(std::string("\xC9T\xC9")) == std::string("\xC9t\xC9"));  // Latin-1 bytes stay
}

TEST_CASE("comparisons ignoring ASCII case") {
    CHECK(equals_ignoring_ascii_case("Ana.Ruiz@Example.COM", "ana.ruiz@example.com"));
    CHECK_FALSE(equals_ignoring_ascii_case("ana@example.com", "ana@example.co"));
    CHECK_FALSE(equals_ignoring_ascii_case("Émile", "émile"));  // not ASCII: not folded

    CHECK(contains_ignoring_ascii_case("Aoife Hughes", "hughes"));
    CHECK(contains_ignoring_ascii_case("Aoife Hughes", "E HU"));
    CHECK(contains_ignoring_ascii_case("Aoife Hughes", ""));  // an empty search finds everyone
    CHECK(contains_ignoring_ascii_case("", ""));
    CHECK_FALSE(contains_ignoring_ascii_case("Aoife", "Aoife Hughes"));
    CHECK_FALSE(contains_ignoring_ascii_case("Hughes", "hughs"));

    CHECK(ends_with_ignoring_ascii_case("Roster.CSV", ".csv"));
    CHECK(ends_with_ignoring_ascii_case(".csv", ".csv"));
    CHECK_FALSE(ends_with_ignoring_ascii_case("csv", ".csv"));
    CHECK_FALSE(ends_with_ignoring_ascii_case("roster.csv.json", ".csv"));
}

TEST_CASE("trimming drops ASCII white space and no-break spaces at the ends only") {
    CHECK(trim_space("  Power BI\t\r\n") == "Power BI");
    CHECK(trim_space("\xC2\xA0" "Excel\xC2\xA0 ") == "Excel");  // U+00A0 from a copied cell
    CHECK(trim_space("Power\xC2\xA0" "BI") == "Power\xC2\xA0" "BI");
    CHECK(trim_space(" \t ") == "");
    CHECK(trim_space("") == "");
    CHECK(trim_space("\xA0x") == "\xA0x");  // a lone continuation byte is not a space
}

TEST_CASE("lists typed as text: one rule for every field") {
    SUBCASE("',' ';' and line breaks all end an item, mixed freely") {
        CHECK(split_list("Python; Power BI, Excel") == List{"Python", "Power BI", "Excel"});
        CHECK(split_list("English\nDeutsch, Français") == List{"English", "Deutsch", "Français"});
        CHECK(split_list("Excel\r\nSQL") == List{"Excel", "SQL"});
    }
    SUBCASE("items are trimmed and empty ones dropped") {
        CHECK(split_list("  Excel ,, ;Python,\n ") == List{"Excel", "Python"});
        CHECK(split_list("\xC2\xA0" "Kotlin\xC2\xA0") == List{"Kotlin"});
        CHECK(split_list("").empty());
        CHECK(split_list(" ; , \n").empty());
    }
    SUBCASE("repeats ignoring ASCII case are dropped; the first spelling and the order stay") {
        CHECK(split_list("Excel, SQL, excel, EXCEL, Sql") == List{"Excel", "SQL"});
        CHECK(split_list("Émile, émile") == List{"Émile", "émile"});  // not ASCII: two spellings
    }
    SUBCASE("separators inside parentheses belong to their item") {
        CHECK(split_list("Power BI (DAX, M); TikTok") == List{"Power BI (DAX, M)", "TikTok"});
        CHECK(split_list("Python (4), Excel (2)") == List{"Python (4)", "Excel (2)"});
        // A '(' never closed on its line is plain text, so it cannot swallow the rest.
        CHECK(split_list("Python (advanced, Excel") == List{"Python (advanced", "Excel"});
        CHECK(split_list("Go (fast\nRust), C") == List{"Go (fast", "Rust)", "C"});
    }
}

TEST_CASE("names become safe parts of file names") {
    CHECK(file_name_part("Maria Costa") == "maria-costa");
    CHECK(file_name_part("Zoë Åkesson") == "zoe-akesson");
    CHECK(file_name_part("Jürgen Groß") == "jurgen-gross");
    CHECK(file_name_part("Aoife O'Neil-Hughes") == "aoife-oneil-hughes");
    CHECK(file_name_part("Aoife O’Neil") == "aoife-oneil");
    CHECK(file_name_part("  Dr. Ana  Ruiz, PhD  ") == "dr-ana-ruiz-phd");
    CHECK(file_name_part("../../etc/passwd") == "etc-passwd");
    CHECK(file_name_part("Nguyễn Thị Hương") == "nguy-n-th-h-ng");  // letters outside Latin-1 separate
    CHECK(file_name_part("李娜").empty());
    CHECK(file_name_part("").empty());
    const std::string long_name = file_name_part(std::string(30, 'a') + " " + std::string(40, 'b'));
    CHECK(long_name == std::string(30, 'a'));
    CHECK(file_name_part(std::string(80, 'x')).size() == 60);
    CHECK(file_name_part("\xC3") .empty());  // a cut UTF-8 sequence
}

TEST_CASE("a count is said with the word for one or for many") {
    CHECK(plural(0, "person", "people") == "0 people");
    CHECK(plural(1, "person", "people") == "1 person");
    CHECK(plural(2, "change was", "changes were") == "2 changes were");
}
