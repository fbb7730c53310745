// Replies waiting for the coordinator's review (Participants › Merge replies…): read from
// dropped or picked files and pasted text blocks, checked and described by plan_merge
// (core/participants/merge.h) against the document as it is, and applied as one undoable edit.
//
// The review is derived once per change of the document (its revision), of the replies or of
// the choices, never per frame: 2,000 replies against 5,000 people take a while to check.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.h"
#include "core/participants/merge.h"
#include "core/time_zone_catalog.h"

namespace flipside::app {

class ReplyBatch {
public:
    // A file or pasted text that holds no reply that could be read, and why (the reason names it).
    struct Unreadable {
        std::string source;
        std::string reason;
    };

    // Reads every reply in `text` (one JSON reply or any number of text blocks) from `source`
    // (a file name, or "pasted text 2"). A reply already in the batch is not added twice.
    // Returns how many were added; when none could be read, the text is listed as unreadable.
    std::size_t add(const std::string& source, std::string_view text);
    // A name for the next pasted text: "pasted text 1", "pasted text 2", ...
    std::string next_paste_name() { return "pasted text " + std::to_string(++pastes_); }

    bool empty() const { return replies_.empty() && unreadable_.empty(); }
    const std::vector<participants::IncomingReply>& replies() const { return replies_; }
    const std::vector<Unreadable>& unreadable() const { return unreadable_; }
    void clear();

    // In a conflict the coordinator's value is kept unless they take the participant's.
    bool takes_participant(std::size_t reply, const std::string& field) const;
    void set_takes_participant(std::size_t reply, const std::string& field, bool take);
    const participants::MergeChoices& choices() const { return choices_; }

    // The review of the batch against `document` at `revision`, with the choices made.
    const participants::MergePlan& plan(const Document& document, std::uint64_t revision, UtcSeconds now,
                                        const TimeZoneCatalog& time_zones);
    // Raised whenever what plan() returns may change: screens derive their rows from it.
    std::uint64_t generation() const { return generation_; }

private:
    std::vector<participants::IncomingReply> replies_;
    std::vector<Unreadable> unreadable_;
    std::set<std::string> seen_;  // each reply's signed text and signature, to leave out a file dropped twice
    participants::MergeChoices choices_;
    participants::MergePlan plan_;
    std::uint64_t planned_revision_ = 0;
    std::uint64_t planned_generation_ = ~0ull;
    std::uint64_t generation_ = 0;
    int pastes_ = 0;
};

}  // namespace flipside::app
