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

namespace {

// Latin-1 letters (U+00C0..U+00FF, UTF-8 C3 80..C3 BF) without their accents, lower case.
const char* latin1_letter(unsigned char second) {
    static const char* const kLetters[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0..CF
        "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0..DF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0..EF
        "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0..FF
    };
    return second >= 0x80 && second <= 0xBF ? kLetters[second - 0x80] : "";
}

}  // namespace

std::string plural(std::uint64_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string file_name_part(std::string_view name) {
    constexpr std::size_t kMaxBytes = 60;
    std::string out;
    bool pending_dash = false;
    const auto add = [&](const char* letters) {
        if (!*letters) return;
        if (pending_dash && !out.empty()) out += '-';
        pending_dash = false;
        out += letters;
    };
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            const char letter[2] = {static_cast<char>(c), 0};
            add(letter);
        } else if (c >= 'A' && c <= 'Z') {
            const char letter[2] = {fold_ascii(static_cast<char>(c)), 0};
            add(letter);
        } else if (c == 0xC3 && i + 1 < name.size()) {
            add(latin1_letter(static_cast<unsigned char>(name[++i])));
        } else if (c == '\'' || (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
                                  static_cast<unsigned char>(name[i + 2]) == 0x99)) {
            if (c == 0xE2) i += 2;  // "O'Neil", "O’Neil": one word
        } else {
            pending_dash = true;  // spaces, punctuation and letters of other scripts separate words
            while (i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80) ++i;
        }
    }
    if (out.size() > kMaxBytes) {
        const std::size_t dash = out.rfind('-', kMaxBytes);
        out.resize(dash != std::string::npos && dash > 0 ? dash : kMaxBytes);
    }
    return out;
}

namespace {
// Everything but RFC 3986's unreserved characters as %XX: safe in any part of a mailto: URL.
std::string percent_encoded(std::string_view text) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' || byte == '~';
        if (unreserved) out += c;
        else out += {'%', kHex[byte >> 4], kHex[byte & 15]};
    }
    return out;
}
}  // namespace

std::string mailto_url(std::string_view address, std::string_view subject, std::string_view body) {
    // The address keeps its '@' (RFC 6068 allows it unencoded in the address part).
    std::string to = percent_encoded(address);
    const std::size_t at = to.find("%40");
    if (at != std::string::npos) to.replace(at, 3, "@");
    return "mailto:" + to + "?subject=" + percent_encoded(subject) + "&body=" + percent_encoded(body);
}

}  // namespace flipside
