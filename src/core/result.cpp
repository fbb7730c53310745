#include "core/result.h"

namespace flipside {

std::string describe(const Problem& problem) {
    return problem.path.empty() ? problem.reason : problem.path + ": " + problem.reason;
}

std::string describe(const std::vector<Problem>& problems, std::string_view separator) {
    std::string out;
    for (const Problem& problem : problems) {
        if (!out.empty()) out += separator;
        out += describe(problem);
    }
    return out;
}

}  // namespace flipside
