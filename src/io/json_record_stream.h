// Reads a JSON text whose top level is an object without building the whole of it in memory:
// each element of a top-level array named in `streamed` is built on its own and handed to
// `on_element` as soon as it is complete, then dropped. A 50,000-person document is thus never
// held twice (as text and as a JSON tree) before it becomes the model; only one record's tree
// exists at a time.
//
// The rest of the top level is returned as a tree in which each streamed array is present but
// empty, so that a caller can check the top level's fields (unknown, missing, wrong type) as it
// would on the whole tree.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace flipside::io {

struct StreamedTopLevel {
    bool ok = false;
    nlohmann::json top_level;  // the top level, each streamed array left empty
    std::string error;         // when !ok: nlohmann's message ("parse error at line 3, column 5: ...")
};

using StreamedElement = std::function<void(const std::string& array_key, std::size_t index, nlohmann::json&& element)>;

StreamedTopLevel stream_top_level_arrays(std::string_view text, const std::vector<std::string>& streamed,
                                         const StreamedElement& on_element);

}  // namespace flipside::io
