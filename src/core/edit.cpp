#include "core/edit.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace flipside {

namespace {

template <typename Record>
std::vector<RecordChange<Record>> inverted(const std::vector<RecordChange<Record>>& changes) {
    std::vector<RecordChange<Record>> out;
    out.reserve(changes.size());
    for (const auto& change : changes) out.push_back(RecordChange<Record>{change.after, change.before, change.position});
    return out;
}

// Replacements first, then removals, then insertions in ascending position: the order that
// makes an edit and its inverse restore record order exactly.
template <typename Record>
void apply_changes(std::vector<Record>& records, const std::vector<RecordChange<Record>>& changes) {
    if (changes.empty()) return;
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) index.emplace(records[i].id, i);

    std::unordered_set<std::string> removed;
    std::vector<const RecordChange<Record>*> inserted;
    for (const auto& change : changes) {
        if (change.before && change.after) {
            const auto found = index.find(change.before->id);
            if (found != index.end()) records[found->second] = *change.after;
        } else if (change.before) {
            removed.insert(change.before->id);
        } else if (change.after) {
            inserted.push_back(&change);
        }
    }
    if (!removed.empty())
        records.erase(std::remove_if(records.begin(), records.end(),
                                     [&](const Record& r) { return removed.count(r.id) != 0; }),
                      records.end());
    std::stable_sort(inserted.begin(), inserted.end(),
                     [](const auto* a, const auto* b) { return a->position < b->position; });
    for (const auto* change : inserted) {
        const std::size_t at = std::min(change->position, records.size());
        records.insert(records.begin() + static_cast<std::ptrdiff_t>(at), *change->after);
    }
}

}  // namespace

bool Edit::empty() const {
    return programs.empty() && participants.empty() && pairs.empty() && sessions.empty() &&
           feedback.empty() && !document_after;
}

Edit Edit::inverse() const {
    Edit out;
    out.label = label;
    out.programs = inverted(programs);
    out.participants = inverted(participants);
    out.pairs = inverted(pairs);
    out.sessions = inverted(sessions);
    out.feedback = inverted(feedback);
    out.document_before = document_after;
    out.document_after = document_before;
    return out;
}

void apply_edit(Document& document, const Edit& edit) {
    if (edit.document_after) {
        document = *edit.document_after;
        return;
    }
    apply_changes(document.programs, edit.programs);
    apply_changes(document.participants, edit.participants);
    apply_changes(document.pairs, edit.pairs);
    apply_changes(document.sessions, edit.sessions);
    apply_changes(document.feedback, edit.feedback);
}

}  // namespace flipside
