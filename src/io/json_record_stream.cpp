#include "io/json_record_stream.h"

#include <algorithm>
#include <utility>

namespace flipside::io {

namespace {

using json = nlohmann::json;

// nlohmann's SAX events, building a tree like its own DOM parser does, except that the
// elements of the streamed top-level arrays are built apart and handed on one by one.
class StreamingBuilder {
public:
    StreamingBuilder(const std::vector<std::string>& streamed, const StreamedElement& on_element)
        : streamed_keys_(streamed), on_element_(on_element) {}

    bool null() { return scalar(json(nullptr)); }
    bool boolean(bool value) { return scalar(json(value)); }
    bool number_integer(json::number_integer_t value) { return scalar(json(value)); }
    bool number_unsigned(json::number_unsigned_t value) { return scalar(json(value)); }
    bool number_float(json::number_float_t value, const std::string&) { return scalar(json(value)); }
    bool string(json::string_t& value) { return scalar(json(std::move(value))); }
    bool binary(json::binary_t& value) { return scalar(json::binary(std::move(value))); }

    bool start_object(std::size_t) {
        open_.push_back(place(json(json::value_t::object)));
        return true;
    }
    bool key(json::string_t& name) {
        key_ = std::move(name);
        return true;
    }
    bool end_object() { return close(); }

    bool start_array(std::size_t) {
        // An array straight under the top-level object, of a streamed name: its elements go on.
        const bool streams = open_.size() == 1 && open_.back()->is_object() && streamed_array_ == nullptr &&
                             std::find(streamed_keys_.begin(), streamed_keys_.end(), key_) != streamed_keys_.end();
        json* array = place(json(json::value_t::array));
        open_.push_back(array);
        if (streams) {
            streamed_array_ = array;
            streamed_key_ = key_;
            next_index_ = 0;
        }
        return true;
    }
    bool end_array() {
        if (open_.back() == streamed_array_) streamed_array_ = nullptr;
        return close();
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) {
        error_ = error.what();
        return false;
    }

    json& top_level() { return top_level_; }
    const std::string& error() const { return error_; }

private:
    // Where a new value goes: the top level, the element being built, or its parent container.
    json* place(json value) {
        if (open_.empty()) {
            top_level_ = std::move(value);
            return &top_level_;
        }
        json* parent = open_.back();
        if (parent == streamed_array_) {
            element_ = std::move(value);
            return &element_;
        }
        if (parent->is_array()) {
            parent->push_back(std::move(value));
            return &parent->back();
        }
        json& slot = (*parent)[key_];
        slot = std::move(value);
        return &slot;
    }
    bool scalar(json value) {
        place(std::move(value));
        if (!open_.empty() && open_.back() == streamed_array_) deliver();
        return true;
    }
    bool close() {
        open_.pop_back();
        if (!open_.empty() && open_.back() == streamed_array_) deliver();
        return true;
    }
    void deliver() {
        on_element_(streamed_key_, next_index_++, std::move(element_));
        element_ = json();
    }

    const std::vector<std::string>& streamed_keys_;
    const StreamedElement& on_element_;
    json top_level_;
    std::vector<json*> open_;  // containers being built, innermost last
    std::string key_;          // the key whose value comes next, in the innermost object
    json* streamed_array_ = nullptr;
    std::string streamed_key_;
    std::size_t next_index_ = 0;
    json element_;
    std::string error_;
};

}  // namespace

StreamedTopLevel stream_top_level_arrays(std::string_view text, const std::vector<std::string>& streamed,
                                         const StreamedElement& on_element) {
    StreamingBuilder builder(streamed, on_element);
    StreamedTopLevel out;
    out.ok = json::sax_parse(text.begin(), text.end(), &builder);
    if (!out.ok) {
        // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." -> the human part.
        out.error = builder.error();
        const std::size_t bracket = out.error.find("] ");
        if (bracket != std::string::npos) out.error = out.error.substr(bracket + 2);
        return out;
    }
    out.top_level = std::move(builder.top_level());
    return out;
}

}  // namespace flipside::io
