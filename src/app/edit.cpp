#include "app/edit.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace flipside::app {

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

template <typename Record>
std::unordered_map<std::string, std::size_t> positions_of(const std::vector<Record>& records) {
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) index.emplace(records[i].id, i);
    return index;
}

// An edit of one record of one collection: inserted (no `before`) or replaced.
template <typename Record>
Edit one_record(std::vector<RecordChange<Record>> Edit::*collection, std::optional<Record> before, Record after,
                std::string label) {
    Edit edit;
    edit.label = std::move(label);
    (edit.*collection).push_back({std::move(before), std::move(after), kAppend});
    return edit;
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

Edit replace_document(const Document& before, Document after, std::string label) {
    Edit edit;
    edit.label = std::move(label);
    edit.document_before = std::make_shared<const Document>(before);
    edit.document_after = std::make_shared<const Document>(std::move(after));
    return edit;
}

Edit add_participant(Participant participant) {
    std::string label = "add " + participant.name;
    return one_record(&Edit::participants, {}, std::move(participant), std::move(label));
}

Edit update_participant(const Participant& before, Participant after) {
    std::string label = "edit " + after.name;
    return one_record(&Edit::participants, std::optional<Participant>(before), std::move(after), std::move(label));
}

Edit update_participants(const Document& document, const std::vector<Participant>& updated, std::string label) {
    Edit edit;
    edit.label = std::move(label);
    const auto index = positions_of(document.participants);
    for (const Participant& after : updated) {
        const auto found = index.find(after.id);
        if (found == index.end()) continue;
        const Participant& before = document.participants[found->second];
        if (before != after) edit.participants.push_back({before, after, found->second});
    }
    return edit;
}

Edit remove_participants(const Document& document, const std::vector<std::string>& ids) {
    Edit edit;
    const std::unordered_set<std::string> doomed(ids.begin(), ids.end());
    for (std::size_t i = 0; i < document.participants.size(); ++i) {
        const Participant& p = document.participants[i];
        if (doomed.count(p.id)) edit.participants.push_back({p, std::nullopt, i});
    }
    edit.label = edit.participants.size() == 1 ? "delete " + edit.participants.front().before->name
                                               : "delete " + std::to_string(edit.participants.size()) + " people";
    // Reports to a removed manager would dangle: they now report to no one in the roster.
    for (const Participant& p : document.participants) {
        if (!doomed.count(p.id) && doomed.count(p.manager_id)) {
            Participant after = p;
            after.manager_id.clear();
            edit.participants.push_back({p, std::move(after), kAppend});
        }
    }
    {
        std::unordered_set<std::string> doomed_pairs;
        for (std::size_t i = 0; i < document.pairs.size(); ++i) {
            const Pair& pair = document.pairs[i];
            if (doomed.count(pair.mentor_id) || doomed.count(pair.mentee_id)) {
                doomed_pairs.insert(pair.id);
                edit.pairs.push_back({pair, std::nullopt, i});
            }
        }
        for (std::size_t i = 0; i < document.sessions.size(); ++i)
            if (doomed_pairs.count(document.sessions[i].pair_id))
                edit.sessions.push_back({document.sessions[i], std::nullopt, i});
        for (std::size_t i = 0; i < document.feedback.size(); ++i) {
            const Feedback& fb = document.feedback[i];
            if (doomed_pairs.count(fb.pair_id) || doomed.count(fb.author_id))
                edit.feedback.push_back({fb, std::nullopt, i});
        }
    }
    return edit;
}

Edit add_program(Program program) {
    std::string label = "add program " + program.name;
    return one_record(&Edit::programs, {}, std::move(program), std::move(label));
}

Edit update_program(const Program& before, Program after) {
    std::string label = "edit program " + after.name;
    return one_record(&Edit::programs, std::optional<Program>(before), std::move(after), std::move(label));
}

Edit update_pair(const Pair& before, Pair after, std::string label) {
    return one_record(&Edit::pairs, std::optional<Pair>(before), std::move(after), std::move(label));
}

Edit add_session(Session session) {
    return one_record(&Edit::sessions, {}, std::move(session), "add session");
}

Edit update_session(const Session& before, Session after, std::string label) {
    return one_record(&Edit::sessions, std::optional<Session>(before), std::move(after), std::move(label));
}

Edit add_feedback(Feedback feedback) {
    return one_record(&Edit::feedback, {}, std::move(feedback), "add feedback");
}

Edit update_feedback(const Feedback& before, Feedback after) {
    return one_record(&Edit::feedback, std::optional<Feedback>(before), std::move(after), "edit feedback");
}

}  // namespace flipside::app
