// The canonical serialisation that invitation seals and reply signatures are computed over:
// each value as "<byte length>:<bytes>\n", in a fixed order. A length prefix makes the text
// unambiguous whatever the values hold (no escaping, no separators to confuse), and the same
// values always give the same bytes in every build.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace flipside::participants::detail {

class CanonicalText {
public:
    explicit CanonicalText(std::string_view kind) { add(kind); }
    CanonicalText& add(std::string_view value) {
        text_ += std::to_string(value.size());
        text_ += ':';
        text_.append(value.data(), value.size());
        text_ += '\n';
        return *this;
    }
    CanonicalText& add(long long value) { return add(std::to_string(value)); }
    // A list: its length, then each item.
    CanonicalText& add_list(const std::vector<std::string>& items) {
        add(static_cast<long long>(items.size()));
        for (const std::string& item : items) add(item);
        return *this;
    }
    const std::string& text() const { return text_; }

private:
    std::string text_;
};

}  // namespace flipside::participants::detail
