// Typed, path-aware access to the fields of a JSON object. Every wrong type, missing field,
// unknown field or over-long text becomes a Problem naming its JSON Pointer path; reading
// goes on so one import reports every problem at once.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/civil_time.h"
#include "core/validation.h"

namespace flipside::io {

inline constexpr std::size_t kMaxShortText = 300;     // names, e-mails, titles, ids
inline constexpr std::size_t kMaxLongText = 20000;    // objectives, notes, background
inline constexpr std::size_t kMaxListItems = 200;     // skills, goals, windows per person

class ObjectReader {
public:
    ObjectReader(const nlohmann::json& value, std::string path, std::vector<Problem>& problems);

    bool ok() const { return object_ != nullptr; }
    const std::string& path() const { return path_; }

    // Reports fields of the object not in `known` (catches typos in hand-edited files).
    void reject_unknown(std::initializer_list<const char*> known);

    std::string text(const char* key, std::size_t max_length, bool required);
    int integer(const char* key, int fallback, bool required);
    bool boolean(const char* key, bool fallback);
    std::vector<std::string> text_list(const char* key, std::size_t max_length);
    // A required UTC time "YYYY-MM-DDTHH:MM:SSZ"; 0 with a problem when missing or not one.
    UtcSeconds instant(const char* key);
    // The field's array (empty with a problem when it is not one); nullptr when absent.
    const nlohmann::json* array(const char* key, bool required);
    const nlohmann::json* field(const char* key) const;

    std::string field_path(const char* key) const { return path_ + "/" + key; }
    void problem(const std::string& path, std::string reason) { problems_.push_back({path, std::move(reason)}); }

private:
    const nlohmann::json* object_ = nullptr;
    std::string path_;
    std::vector<Problem>& problems_;
};

const char* json_type_name(const nlohmann::json& value);

}  // namespace flipside::io
