// Streaming the top-level arrays of a JSON text: every element handed on once, in order, with
// its index and whole; everything else kept as a tree with the streamed arrays left empty; parse
// errors worded as nlohmann words them, with line and column.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/json_record_stream.h"

using namespace flipside::io;
using json = nlohmann::json;

namespace {

struct Seen {
    std::string key;
    std::size_t index;
    json element;
};

StreamedTopLevel stream(const std::string& text, std::vector<Seen>& seen) {
    return stream_top_level_arrays(text, {"people", "pairs"},
                                   [&](const std::string& key, std::size_t index, json&& element) {
                                       seen.push_back({key, index, std::move(element)});
                                   });
}

}  // namespace

TEST_CASE("each element of a streamed array is handed on whole, in order, and left out of the tree") {
    const std::string text = R"({"format": "x", "people": [{"id": "P1", "skills": [{"name": "Go", "level": 3}], "n": null},
        "text", 12, -4, 2.5, true, [1, [2]], {}], "other": [1, 2], "meta": {"people": [7]}, "pairs": []})";
    std::vector<Seen> seen;
    const StreamedTopLevel out = stream(text, seen);
    REQUIRE(out.ok);
    const json whole = json::parse(text);
    REQUIRE(seen.size() == whole["people"].size());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        CHECK(seen[i].key == "people");
        CHECK(seen[i].index == i);
        CHECK(seen[i].element == whole["people"][i]);
    }
    json expected = whole;
    expected["people"] = json::array();
    CHECK(out.top_level == expected);  // arrays of other names, and nested ones, stay in the tree
}

TEST_CASE("a top level that is not an object streams nothing") {
    std::vector<Seen> seen;
    const StreamedTopLevel array = stream(R"([{"people": [1]}])", seen);
    REQUIRE(array.ok);
    CHECK(seen.empty());
    CHECK(array.top_level == json::parse(R"([{"people": [1]}])"));
    const StreamedTopLevel number = stream("42", seen);
    REQUIRE(number.ok);
    CHECK(number.top_level == 42);
}

TEST_CASE("a parse error stops the stream and says where, as a whole parse would") {
    const std::string text = "{\"people\": [{\"id\": \"P1\"},\n {\"id\": }]}";
    std::vector<Seen> seen;
    const StreamedTopLevel out = stream(text, seen);
    CHECK_FALSE(out.ok);
    CHECK(seen.size() == 1);
    std::string whole_error;
    try {
        const json parsed = json::parse(text);
        CHECK(parsed.is_null());  // not reached
    } catch (const json::exception& error) {
        whole_error = error.what();
    }
    CHECK(whole_error.find(out.error) != std::string::npos);
    CHECK(out.error.find("line 2") != std::string::npos);
    std::vector<Seen> none;
    CHECK_FALSE(stream("", none).ok);
    CHECK_FALSE(stream("{\"people\": [1, 2", none).ok);
}
