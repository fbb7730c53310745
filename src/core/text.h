// Text rules shared by every module: ASCII case folding, trimming, and the one rule for lists
// typed as text. All of it is locale-free on purpose: the same bytes give the same answer
// natively and in WebAssembly, whatever the machine's or the browser's locale. Letters outside
// ASCII ("É", "ß") are left as they are: folding them needs Unicode tables the core does not
// carry, and ids, e-mail addresses and the names people search for are compared this way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace flipside {

// 'A'..'Z' -> 'a'..'z'; every other byte (UTF-8 sequences included) unchanged.
constexpr char fold_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string fold_ascii(std::string_view text);

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b);
// "hughes" is in "Aoife Hughes". An empty needle is in every text.
bool contains_ignoring_ascii_case(std::string_view text, std::string_view needle);
bool ends_with_ignoring_ascii_case(std::string_view text, std::string_view suffix);

// Without ASCII white space (space, tab, CR, LF) and no-break spaces (U+00A0, common in cells
// copied from spreadsheets) at either end.
std::string trim_space(std::string_view text);

// A list typed as text, "Python; Power BI, Excel" or one item per line, the way a
// coordinator reads it: {"Python", "Power BI", "Excel"}. The rule, everywhere (person editor,
// kiosk, program blackout dates, CSV import):
//   - items end at ',', ';' or a line break, which may be mixed freely;
//   - except that ',' and ';' inside parentheses belong to their item: "Power BI (DAX, M);
//     TikTok" is {"Power BI (DAX, M)", "TikTok"}. A '(' with no ')' after it on its line is
//     plain text; a line break always ends an item;
//   - each item is trimmed (trim_space above); empty items are dropped ("Excel,, Python,");
//   - an item that repeats an earlier one ignoring ASCII case is dropped, and the first
//     spelling is kept ("Excel, excel" -> {"Excel"});
//   - the order of first appearance is kept.
// So an item holds ',' or ';' only between parentheses.
std::vector<std::string> split_list(std::string_view text);

// "1 person", "3 people": a count with the word for it.
std::string plural(std::uint64_t count, const char* one, const char* many);

// A person's (or anything's) name as part of a file name that is safe everywhere: lower-case
// ASCII letters and digits, words joined by '-', accented Latin letters written without their
// accent ("Zoë Åkesson" -> "zoe-akesson", "Jürgen Groß" -> "jurgen-gross"), every other
// character dropped, at most 60 bytes (cut at a '-' when there is one). Empty when nothing is
// left ("李娜"): callers then use an id.
std::string file_name_part(std::string_view name);

// "mailto:<address>?subject=...&body=..." with RFC 6068 percent-encoding of the UTF-8 bytes
// (everything but RFC 3986's unreserved characters; the address keeps its '@'): an e-mail
// draft the person's mail program opens.
std::string mailto_url(std::string_view address, std::string_view subject, std::string_view body);

}  // namespace flipside
