#include "app/edit.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/participants/invitation.h"

namespace flipside::app {

namespace {

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
    for (std::size_t i = 0; i < document.programs.size(); ++i) {
        Program after = document.programs[i];
        if (participants::forget_participants(after.invitations, ids))
            edit.programs.push_back({document.programs[i], std::move(after), i});
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
