#include "io/json_fields.h"

#include <algorithm>
#include <limits>

namespace flipside::io {

const char* json_type_name(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::null: return "null";
        case nlohmann::json::value_t::object: return "an object";
        case nlohmann::json::value_t::array: return "an array";
        case nlohmann::json::value_t::string: return "text";
        case nlohmann::json::value_t::boolean: return "true/false";
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned: return "a whole number";
        case nlohmann::json::value_t::number_float: return "a decimal number";
        default: return "an unsupported value";
    }
}

ObjectReader::ObjectReader(const nlohmann::json& value, std::string path, std::vector<Problem>& problems)
    : path_(std::move(path)), problems_(problems) {
    if (value.is_object())
        object_ = &value;
    else
        problem(path_.empty() ? "/" : path_, std::string("expected an object, found ") + json_type_name(value));
}

const nlohmann::json* ObjectReader::field(const char* key) const {
    if (!object_) return nullptr;
    const auto found = object_->find(key);
    return found == object_->end() ? nullptr : &*found;
}

void ObjectReader::reject_unknown(std::initializer_list<const char*> known) {
    if (!object_) return;
    for (const auto& item : object_->items()) {
        const bool listed = std::any_of(known.begin(), known.end(),
                                        [&](const char* name) { return item.key() == name; });
        if (!listed) problem(path_ + "/" + item.key(), "unknown field \"" + item.key().substr(0, 60) + "\"");
    }
}

std::string ObjectReader::text(const char* key, std::size_t max_length, bool required) {
    const nlohmann::json* value = field(key);
    if (!value) {
        if (required && object_) problem(field_path(key), "required field is missing");
        return {};
    }
    if (!value->is_string()) {
        problem(field_path(key), std::string("expected text, found ") + json_type_name(*value));
        return {};
    }
    const std::string& text = value->get_ref<const std::string&>();
    if (text.size() > max_length) {
        problem(field_path(key), "text is " + std::to_string(text.size()) + " bytes long; the limit is " +
                                     std::to_string(max_length));
        return {};
    }
    return text;
}

UtcSeconds ObjectReader::instant(const char* key) {
    const std::string value = text(key, kMaxShortText, true);
    if (value.empty()) return 0;
    const auto parsed = parse_utc_timestamp(value);
    if (!parsed) {
        problem(field_path(key), "\"" + value.substr(0, 40) + "\" is not a UTC time YYYY-MM-DDTHH:MM:SSZ");
        return 0;
    }
    return *parsed;
}

int ObjectReader::integer(const char* key, int fallback, bool required) {
    const nlohmann::json* value = field(key);
    if (!value) {
        if (required && object_) problem(field_path(key), "required field is missing");
        return fallback;
    }
    if (value->is_number_integer() || value->is_number_unsigned()) {
        if (value->is_number_unsigned()) {
            const auto number = value->get<std::uint64_t>();
            if (number <= static_cast<std::uint64_t>(std::numeric_limits<int>::max())) return static_cast<int>(number);
        } else {
            const auto number = value->get<std::int64_t>();
            if (number >= std::numeric_limits<int>::min() && number <= std::numeric_limits<int>::max())
                return static_cast<int>(number);
        }
        problem(field_path(key), "number is out of range");
        return fallback;
    }
    problem(field_path(key), std::string("expected a whole number, found ") + json_type_name(*value));
    return fallback;
}

bool ObjectReader::boolean(const char* key, bool fallback) {
    const nlohmann::json* value = field(key);
    if (!value) return fallback;
    if (!value->is_boolean()) {
        problem(field_path(key), std::string("expected true or false, found ") + json_type_name(*value));
        return fallback;
    }
    return value->get<bool>();
}

const nlohmann::json* ObjectReader::array(const char* key, bool required) {
    const nlohmann::json* value = field(key);
    if (!value) {
        if (required && object_) problem(field_path(key), "required field is missing");
        return nullptr;
    }
    if (!value->is_array()) {
        problem(field_path(key), std::string("expected an array, found ") + json_type_name(*value));
        return nullptr;
    }
    return value;
}

std::vector<std::string> ObjectReader::text_list(const char* key, std::size_t max_length) {
    std::vector<std::string> out;
    const nlohmann::json* items = array(key, false);
    if (!items) return out;
    if (items->size() > kMaxListItems) {
        problem(field_path(key), std::to_string(items->size()) + " entries; the limit is " +
                                     std::to_string(kMaxListItems));
        return out;
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto& item = (*items)[i];
        const std::string path = field_path(key) + "/" + std::to_string(i);
        if (!item.is_string())
            problem(path, std::string("expected text, found ") + json_type_name(item));
        else if (item.get_ref<const std::string&>().size() > max_length)
            problem(path, "text is longer than " + std::to_string(max_length) + " bytes");
        else
            out.push_back(item.get<std::string>());
    }
    return out;
}

}  // namespace flipside::io
