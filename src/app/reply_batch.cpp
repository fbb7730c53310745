#include "app/reply_batch.h"

#include "io/reply_json.h"

namespace flipside::app {

std::size_t ReplyBatch::add(const std::string& source, std::string_view text) {
    Result<std::vector<participants::Reply>> read = io::read_replies(text, source);
    ++generation_;
    if (!read) {
        unreadable_.push_back({source, read.message()});
        return 0;
    }
    std::size_t added = 0;
    for (std::size_t k = 0; k < read->size(); ++k) {
        participants::Reply& reply = (*read)[k];
        // The same reply twice (one file dropped again) is one; a copy edited after signing is
        // not the same reply and stays, for the merge to refuse by name.
        if (!seen_.insert(participants::canonical_reply_text(reply) + '\n' + reply.signature).second) continue;
        replies_.push_back({read->size() == 1 ? source : source + " (reply block " + std::to_string(k + 1) + ")",
                            std::move(reply)});
        ++added;
    }
    return added;
}

void ReplyBatch::clear() {
    replies_.clear();
    unreadable_.clear();
    seen_.clear();
    choices_ = {};
    plan_ = {};
    ++generation_;
}

bool ReplyBatch::takes_participant(std::size_t reply, const std::string& field) const {
    return choices_.take_participant.count({reply, field}) != 0;
}

void ReplyBatch::set_takes_participant(std::size_t reply, const std::string& field, bool take) {
    if (take == takes_participant(reply, field)) return;
    if (take)
        choices_.take_participant.insert({reply, field});
    else
        choices_.take_participant.erase({reply, field});
    ++generation_;
}

const participants::MergePlan& ReplyBatch::plan(const Document& document, std::uint64_t revision, UtcSeconds now,
                                                const TimeZoneCatalog& time_zones) {
    if (revision != planned_revision_ || generation_ != planned_generation_) {
        plan_ = participants::plan_merge(document, replies_, now, time_zones, choices_);
        planned_revision_ = revision;
        planned_generation_ = generation_;
    }
    return plan_;
}

}  // namespace flipside::app
