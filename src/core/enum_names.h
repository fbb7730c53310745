// Names of enumerations as they are written (files, exports, command lines): one table of
// {value, name} pairs per enumeration, read by the writer and the reader alike. Values come
// from the table, never from a position in it, so reordering an enumeration or its table
// changes nothing that is written or read. Every value must appear once; the tests check that
// each one round-trips by name.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace flipside {

template <typename Enum>
struct EnumName {
    Enum value;
    const char* name;
};

template <typename Enum, std::size_t N>
using EnumNames = std::array<EnumName<Enum>, N>;

// The name of `value`; nullptr when the table lacks it (a table missing a value is a bug).
template <typename Enum, std::size_t N>
constexpr const char* name_of(const EnumNames<Enum, N>& names, Enum value) {
    for (const EnumName<Enum>& entry : names)
        if (entry.value == value) return entry.name;
    return nullptr;
}

// The value named `name` (exact spelling); nullopt when no entry has that name.
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> value_named(const EnumNames<Enum, N>& names, std::string_view name) {
    for (const EnumName<Enum>& entry : names)
        if (name == entry.name) return entry.value;
    return std::nullopt;
}

// "mentor, mentee": the names in table order, for messages that list what is accepted.
template <typename Enum, std::size_t N>
std::string list_names(const EnumNames<Enum, N>& names) {
    std::string out;
    for (const EnumName<Enum>& entry : names) out += (out.empty() ? "" : ", ") + std::string(entry.name);
    return out;
}

}  // namespace flipside
