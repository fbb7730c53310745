#include "core/text.h"

#include <algorithm>
#include <unordered_set>

namespace flipside {

namespace {

bool same_ignoring_ascii_case(char a, char b) { return fold_ascii(a) == fold_ascii(b); }

// Bytes of white space (or of a no-break space, C2 A0) at `i`, reading forwards or backwards.
std::size_t space_at(std::string_view text, std::size_t i, bool backwards) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (!backwards && i + 1 < text.size() && c == '\xC2' && text[i + 1] == '\xA0') return 2;
    if (backwards && i >= 1 && c == '\xA0' && text[i - 1] == '\xC2') return 2;
    return 0;
}

}  // namespace

std::string fold_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = fold_ascii(c);
    return out;
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same_ignoring_ascii_case);
}

bool contains_ignoring_ascii_case(std::string_view text, std::string_view needle) {
    return std::search(text.begin(), text.end(), needle.begin(), needle.end(), same_ignoring_ascii_case) != text.end() ||
           needle.empty();
}

bool ends_with_ignoring_ascii_case(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && equals_ignoring_ascii_case(text.substr(text.size() - suffix.size()), suffix);
}

std::string trim_space(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t n = space_at(text, begin, false);
        if (!n) break;
        begin += n;
    }
    std::size_t end = text.size();
    while (end > begin) {
        const std::size_t n = space_at(text, end - 1, true);
        if (!n) break;
        end -= n;
    }
    return std::string(text.substr(begin, end - begin));
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> items;
    std::unordered_set<std::string> seen;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] == '(') {
            // Separators up to the matching ')' on this line are part of the item.
            const std::size_t close = text.find_first_of(")\n", i + 1);
            if (close != std::string_view::npos && text[close] == ')') i = close;
            continue;
        }
        if (i < text.size() && text[i] != ',' && text[i] != ';' && text[i] != '\n') continue;
        std::string item = trim_space(text.substr(begin, i - begin));
        begin = i + 1;
        if (!item.empty() && seen.insert(fold_ascii(item)).second) items.push_back(std::move(item));
    }
    return items;
}

}  // namespace flipside
