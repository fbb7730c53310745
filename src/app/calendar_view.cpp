#include "app/calendar_view.h"

#include <algorithm>

#include "core/participant_lookup.h"
#include "core/text.h"

namespace flipside::app {

namespace {

using PairIndex = std::unordered_map<std::string, const Pair*>;

PairIndex pair_index(const Document& document) {
    PairIndex pairs;
    pairs.reserve(document.pairs.size());
    for (const Pair& p : document.pairs) pairs.emplace(p.id, &p);  // the first of equal ids wins
    return pairs;
}

std::vector<const Session*> filter_with(const Document& d, const PairIndex& pairs, const CalendarFilter& filter) {
    ParticipantLookup people;
    std::vector<const Session*> shown;
    const std::string& needle = filter.find;
    // Find looks in the session and pair ids and in both people's names and ids; a pair is
    // looked at once, not once per session.
    std::unordered_map<const Pair*, bool> pair_found;
    // ASCII case folding is enough for ids and for finding "hughes" in "Aoife Hughes".
    const auto contains = [&](const std::string& text) { return contains_ignoring_ascii_case(text, needle); };
    const auto found_by_search = [&](const Session& s, const Pair& pair) {
        if (needle.empty() || contains(s.id)) return true;
        const auto [known, inserted] = pair_found.emplace(&pair, false);
        if (inserted) {
            known->second = contains(pair.id);
            for (const std::string* id : {&pair.mentor_id, &pair.mentee_id}) {
                const Participant* p = people.find(d, *id);
                known->second = known->second || contains(*id) || (p && contains(p->name));
            }
        }
        return known->second;
    };
    const auto in_department = [&](const std::string& person_id) {
        const Participant* p = people.find(d, person_id);
        return p && p->department == filter.department;
    };
    for (const Session& s : d.sessions) {
        const auto found_pair = pairs.find(s.pair_id);
        const Pair* pair = found_pair == pairs.end() ? nullptr : found_pair->second;
        if (!pair || pair->program_id != filter.program_id) continue;
        if (!filter.pair_id.empty() && pair->id != filter.pair_id) continue;
        if (!filter.person_id.empty() && pair->mentor_id != filter.person_id && pair->mentee_id != filter.person_id)
            continue;
        if (!filter.department.empty() && !in_department(pair->mentor_id) && !in_department(pair->mentee_id)) continue;
        if (!found_by_search(s, *pair)) continue;
        shown.push_back(&s);
    }
    std::stable_sort(shown.begin(), shown.end(), [](const Session* a, const Session* b) { return a->start < b->start; });
    return shown;
}

}  // namespace

std::vector<const Session*> filter_sessions(const Document& document, const CalendarFilter& filter) {
    return filter_with(document, pair_index(document), filter);
}

std::vector<const Session*> starting_within(const std::vector<const Session*>& shown, std::int64_t first_day,
                                            std::int64_t end_day) {
    const auto by_start = [](const Session* s, UtcSeconds t) { return s->start < t; };
    const auto begin = std::lower_bound(shown.begin(), shown.end(), first_day * 86400, by_start);
    const auto end = std::lower_bound(begin, shown.end(), end_day * 86400, by_start);
    return {begin, end};
}

std::vector<const Participant*> person_filter_choices(const Document& document, const std::string& typed) {
    std::vector<const Participant*> people;
    for (const Participant& p : document.participants)
        if (contains_ignoring_ascii_case(p.name, typed) || contains_ignoring_ascii_case(p.id, typed)) people.push_back(&p);
    std::vector<std::pair<std::string, const Participant*>> keyed;  // folded once, not per comparison
    keyed.reserve(people.size());
    for (const Participant* p : people) keyed.emplace_back(fold_ascii(p->name), p);
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
    });
    for (std::size_t i = 0; i < keyed.size(); ++i) people[i] = keyed[i].second;
    return people;
}

std::string format_local_minute(ZoneRules& zone, UtcSeconds instant) {
    const LocalDateTime at = zone.to_local(instant);
    return format_iso_date(at.date) + " " + format_clock_minutes(at.second_of_day / 60);
}

std::optional<UtcSeconds> parse_local_minute(ZoneRules& zone, const std::string& text) {
    if (text.size() != 16 || text[10] != ' ') return std::nullopt;
    const auto date = parse_iso_date(text.substr(0, 10));
    const auto minute = parse_clock_minutes(text.substr(11), false);
    if (!date || !minute) return std::nullopt;
    return zone.to_utc(*date, *minute).instant;
}

void CalendarView::index_pairs(const Document& document, std::uint64_t revision) {
    if (pairs_key_ && pairs_key_->document == &document && pairs_key_->revision == revision) return;
    pairs_by_id_ = pair_index(document);
    pairs_key_ = Key{&document, revision};
}

const Pair* CalendarView::pair(const std::string& id) const {
    const auto found = pairs_by_id_.find(id);
    return found == pairs_by_id_.end() ? nullptr : found->second;
}

const std::vector<const Session*>& CalendarView::sessions(const Document& document, std::uint64_t revision,
                                                          const CalendarFilter& filter) {
    if (sessions_key_ && sessions_key_->document == &document && sessions_key_->revision == revision &&
        shown_filter_ == filter)
        return shown_;
    index_pairs(document, revision);
    shown_ = filter_with(document, pairs_by_id_, filter);
    sessions_key_ = Key{&document, revision};
    shown_filter_ = filter;
    ++computations_;
    return shown_;
}

}  // namespace flipside::app
