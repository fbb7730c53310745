// New record ids: a prefix and a number, zero-padded to a width ("P0042", "ses-00128"; width
// 0 pads nothing: "pair-0007-S12"). One maker for every kind of record, so ids look the same
// whichever screen, import or engine made them, and the formats below are the ones files have
// always had.
//
// Where the counting starts is the caller's policy, and there are two:
//   - unused_id(): from the collection's size + 1, the first id not in it. An id can come back
//     after its record was deleted (people, programs, sessions added by hand, feedback).
//   - highest_id_number() + 1: after every number already used with the prefix, so ids of
//     records removed earlier never come back (pairs: a calendar or a report may still name
//     a pair that a new pairing removed).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

namespace flipside {

struct IdFormat {
    std::string_view prefix;
    int width = 0;  // digits at least, zero-padded
};

inline constexpr IdFormat kParticipantIds{"P", 4};   // "P0042"
inline constexpr IdFormat kProgramIds{"R", 4};       // "R0002"
inline constexpr IdFormat kPairIds{"pair-", 4};      // "pair-0017"
inline constexpr IdFormat kSessionIds{"ses-", 5};    // sessions added by hand or in the demo
inline constexpr IdFormat kFeedbackIds{"fb-", 5};    // "fb-00031"

// prefix + number written with at least `width` digits: ({"P", 4}, 42) -> "P0042".
std::string numbered_id(IdFormat format, std::size_t number);

// Counts up from a starting number and hands out ids that `taken` does not hold. The maker
// remembers where it stopped, so an id it handed out is never handed out again by it.
class IdMaker {
public:
    explicit IdMaker(IdFormat format, std::size_t first_number = 1)
        : prefix_(format.prefix), width_(format.width), next_number_(first_number) {}

    // The id of the first number from where it stopped that is not taken. `taken` is a set of
    // ids (anything with count(id)) or a function telling whether an id is taken.
    template <typename Taken>
    std::string next(const Taken& taken) {
        for (;;) {
            std::string id = numbered_id(IdFormat{prefix_, width_}, next_number_++);
            if constexpr (std::is_invocable_r_v<bool, const Taken&, const std::string&>) {
                if (!taken(id)) return id;
            } else {
                if (!taken.count(id)) return id;
            }
        }
    }

private:
    std::string prefix_;  // owned: a scheduled session's prefix is built from its pair's id
    int width_;
    std::size_t next_number_;
};

// The scheduler names the sessions it places after their pair: "<pair id>-S<n>", n from 1,
// not padded ("pair-0007-S12").
IdMaker scheduled_session_ids(const std::string& pair_id);

// The ids of a collection (any records with an `id`), for IdMaker::next.
template <typename Record>
std::unordered_set<std::string> ids_of(const std::vector<Record>& records) {
    std::unordered_set<std::string> ids;
    ids.reserve(records.size());
    for (const Record& r : records) ids.insert(r.id);
    return ids;
}

// A new id for one more record of `records`: the first unused one from records.size() + 1.
template <typename Record>
std::string unused_id(const std::vector<Record>& records, IdFormat format) {
    return IdMaker(format, records.size() + 1).next(ids_of(records));
}

// The largest n for which some id is the prefix followed by n in 1 to 9 digits; 0 when none is.
template <typename Record>
std::size_t highest_id_number(const std::vector<Record>& records, IdFormat format) {
    const std::string_view prefix = format.prefix;
    std::size_t highest = 0;
    for (const Record& r : records) {
        const std::string_view id = r.id;
        if (id.size() <= prefix.size() || id.size() > prefix.size() + 9 || id.substr(0, prefix.size()) != prefix) continue;
        std::size_t number = 0;
        bool digits = true;
        for (const char c : id.substr(prefix.size())) {
            digits = digits && c >= '0' && c <= '9';
            number = number * 10 + static_cast<std::size_t>(c - '0');
        }
        if (digits && number > highest) highest = number;
    }
    return highest;
}

}  // namespace flipside
