#include "ui/criterion_labels.h"

#include <cstddef>

namespace flipside::ui {

const char* criterion_label(matching::Criterion criterion) {
    static const char* const kLabels[matching::kCriterionCount] = {
        "Skills taught vs goals", "Shared interests", "Common language", "Cross-department",
        "Shared weekly hours",    "Mentor is junior", "Earlier partners (penalty)"};
    const auto index = static_cast<std::size_t>(criterion);
    return index < matching::kCriterionCount ? kLabels[index] : "";
}

}  // namespace flipside::ui
