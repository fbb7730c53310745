// The names of the demo roster: offices in several time zones, each with given and family names
// of its region (diacritics and non-Latin scripts), and a name book that hands out each full name
// once. A person's name is first the office's "given family" pair drawn for them; when that is
// taken, the next free name of a fixed, seeded order: a double-barrelled family name, a second
// given name, both, the same shapes with another office's family names, then three given names.
// There are over two million names in all, so every roster the command line can make (up to
// 1,000,000 people) has no two people of the same name; the same seed gives the same names.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace flipside {

inline constexpr std::size_t kDemoOfficeCount = 9;
inline constexpr std::size_t kDemoNamesPerList = 8;  // given names, and family names, per office

struct DemoNamePart {
    const char* shown;
    const char* ascii;  // for e-mail addresses
};

struct DemoOffice {
    const char* time_zone;
    const char* language;  // spoken besides English, or nullptr
    std::array<DemoNamePart, kDemoNamesPerList> given;
    std::array<DemoNamePart, kDemoNamesPerList> family;
};

const std::array<DemoOffice, kDemoOfficeCount>& demo_offices();

struct DemoName {
    std::string shown;       // "Siti Ismail", "Siti Ismail-Tan", "Siti Hafiz Ismail"
    std::string email_stem;  // "siti.ismail", "siti.ismail-tan", "siti.hafiz.ismail"
};

class DemoNameBook {
public:
    explicit DemoNameBook(std::uint64_t seed) : seed_(seed) {}

    // "given family" of `office` when no one has that name yet, else the next free name of the
    // order above (starting with `office`'s own names, then the next office's). Throws
    // std::length_error once every name is taken.
    DemoName take(std::size_t office, std::size_t given, std::size_t family);

private:
    // A run of names of one shape: `givens` given names of the first office and `families`
    // family names of the office `family_office_step` after it, visited in a seeded order.
    struct Shape {
        std::size_t family_office_step;
        std::size_t givens;
        std::size_t families;
    };
    struct Cursor {
        std::size_t shape = 0;     // into shapes()
        std::uint64_t visited = 0;  // names of that shape already looked at
        std::uint64_t stride = 0, offset = 0;  // its seeded order: (visited * stride + offset) % count
    };
    static const std::vector<Shape>& shapes();
    bool claim(const DemoName& name) { return taken_.insert(name.shown).second; }
    // The next free name of `office`'s shapes, or false when they are all taken.
    bool next_free(std::size_t office, DemoName& out);

    std::uint64_t seed_;
    std::unordered_set<std::string> taken_;
    std::array<Cursor, kDemoOfficeCount> cursors_{};
};

}  // namespace flipside
