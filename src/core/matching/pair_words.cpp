#include "core/matching/pair_words.h"

#include <algorithm>

#include "core/civil_time.h"
#include "core/matching/detail/pair_sentences.h"
#include "core/matching/detail/phrases.h"
#include "core/matching/detail/rules.h"
#include "core/matching/detail/scoring.h"

namespace flipside::matching {

namespace {

// Who is spoken of: the coordinator reads both names; a participant reads "you" for themself.
struct Voice {
    std::string mentor, mentee;  // display names
    bool to_participant = false;
    Role viewer = Role::Mentor;
    bool is_viewer(Role role) const { return to_participant && viewer == role; }
};

std::vector<int> common_ids(const std::vector<int>& a, const std::vector<int>& b) {
    std::vector<int> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
    return both;
}

// The shared weekly time as runs of the UTC week [start, end) in minutes, a run across the
// week's end joined into one.
std::vector<std::pair<int, int>> shared_runs(const MatchingPool& pool, std::size_t mentee, std::size_t mentor) {
    const AvailabilityGrid& grid = pool.availability;
    const std::uint64_t* a = grid.person_bits(mentee);
    const std::uint64_t* b = grid.person_bits(pool.mentee_count() + mentor);
    const int slot = grid.slot_minutes();
    const int slots = kMinutesPerWeek / slot;
    std::vector<std::pair<int, int>> runs;
    for (int s = 0; s < slots; ++s) {
        const std::size_t word = static_cast<std::size_t>(s) / 64;
        const bool free = ((a[word] & b[word]) >> (s % 64)) & 1u;
        if (!free) continue;
        if (!runs.empty() && runs.back().second == s * slot) runs.back().second += slot;
        else runs.emplace_back(s * slot, (s + 1) * slot);
    }
    if (runs.size() > 1 && runs.front().first == 0 && runs.back().second == kMinutesPerWeek) {
        runs.back().second += runs.front().second;  // past the week's end
        runs.erase(runs.begin());
    }
    return runs;
}

int offset_of(const MatchingPool& pool, std::size_t grid_person) {
    return utc_offset_minutes(pool.utc_offset_seconds[grid_person]);
}

std::string skills_sentence(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, const Voice& voice) {
    const MatchingProfile& wanting = pool.mentees[mentee];
    const MatchingProfile& teaching = pool.mentors[mentor];
    const std::string owner = voice.is_viewer(Role::Mentee) ? "your" : voice.mentee + "'s";
    if (wanting.goals.empty()) return (voice.is_viewer(Role::Mentee) ? "You have" : voice.mentee + " has") + std::string(" listed no learning goals.");
    std::vector<std::string> taught, rare;
    for (const int goal : wanting.goals) {
        const auto found = std::find_if(teaching.skills.begin(), teaching.skills.end(), [goal](const auto& s) { return s.first == goal; });
        if (found == teaching.skills.end()) continue;
        const std::string& name = pool.skill_names[static_cast<std::size_t>(goal)];
        taught.push_back(name + " (" + std::to_string(found->second) + "/5)");
        if (pool.skill_rarity[static_cast<std::size_t>(goal)] > 1) rare.push_back(name);
    }
    const std::string subject = voice.is_viewer(Role::Mentor) ? "You teach " : voice.mentor + " teaches ";
    if (taught.empty())
        return subject + "none of " + owner + " goals (" + join_with_and(names_of(wanting.goals, pool.skill_names)) + ").";
    const std::size_t goals = wanting.goals.size();
    std::string text = subject + join_with_and(taught) + ", " +
                       (goals == 1 ? owner + " one goal"
                        : taught.size() == goals ? "all " + count_word(goals) + " of " + owner + " goals"
                                                 : count_word(taught.size()) + " of " + owner + " " + count_word(goals) + " goals");
    if (!rare.empty() && !voice.to_participant)
        text += "; few mentors teach " + join_with_and(rare) + ", so " + (rare.size() == 1 ? "it counts" : "they count") + " more";
    return text + ".";
}

std::string interests_sentence(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, const Voice& voice) {
    const MatchingProfile& a = pool.mentees[mentee];
    const MatchingProfile& b = pool.mentors[mentor];
    if (a.interests.empty() || b.interests.empty()) {
        if (a.interests.empty() && b.interests.empty()) return "Neither lists any interests.";
        return (a.interests.empty() ? voice.mentee : voice.mentor) + " lists no interests.";
    }
    const std::vector<int> shared = common_ids(a.interests, b.interests);
    if (shared.empty())
        return "No shared interests (" + voice.mentor + ": " + join_with_and(names_of(b.interests, pool.interest_names)) + "; " +
               voice.mentee + ": " + join_with_and(names_of(a.interests, pool.interest_names)) + ").";
    return (voice.to_participant ? "You both like " : "Both like ") + join_with_and(names_of(shared, pool.interest_names)) + ".";
}

std::string availability_sentence(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, const Voice& voice) {
    const Participant& mentee_person = pool.mentee_participant(mentee);
    const Participant& mentor_person = pool.mentor_participant(mentor);
    const std::vector<std::pair<int, int>> runs = shared_runs(pool, mentee, mentor);
    if (runs.empty()) {
        const auto none = [&](std::size_t grid_person, const std::string& name) {
            return pool.availability.total_minutes(grid_person) == 0 ? name + " has given no weekly hours" : std::string();
        };
        std::string missing = none(pool.mentee_count() + mentor, voice.mentor);
        const std::string other = none(mentee, voice.mentee);
        if (!other.empty()) missing += (missing.empty() ? "" : "; ") + other;
        return "No weekly hours in common (" + (missing.empty() ? voice.mentor + " in " + zone_city(mentor_person.time_zone) + ", " +
                                                                      voice.mentee + " in " + zone_city(mentee_person.time_zone)
                                                                : missing) + ").";
    }
    // The longest run (the earliest of equals) in both zones, the viewer's first.
    const auto longest = std::max_element(runs.begin(), runs.end(), [](const auto& x, const auto& y) {
        return x.second - x.first < y.second - y.first;
    });
    const int length = longest->second - longest->first;
    int total = 0;
    for (const auto& run : runs) total += run.second - run.first;
    struct Side {
        std::string zone;
        int offset;
    };
    Side first{mentor_person.time_zone, offset_of(pool, pool.mentee_count() + mentor)};
    Side second{mentee_person.time_zone, offset_of(pool, mentee)};
    if (voice.is_viewer(Role::Mentee)) std::swap(first, second);
    std::string when = local_span(longest->first, length, first.offset) + " " + zone_city(first.zone);
    if (second.zone != first.zone) when += " = " + local_span(longest->first, length, second.offset) + " " + zone_city(second.zone);
    std::string text = (voice.to_participant ? "You share " : "They share ") + when;
    if (total > length) {
        const int more = total - length;
        text += " and " + (more % 60 == 0 ? count_word(static_cast<std::size_t>(more / 60)) + (more == 60 ? " more hour" : " more hours")
                                          : duration_text(more) + " more");
        text += " a week";
    } else {
        text += " each week";
    }
    return text + ".";
}

std::string department_sentence(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, const Voice& voice) {
    const int a = pool.mentees[mentee].department, b = pool.mentors[mentor].department;
    if (a < 0 && b < 0) return "Neither department is given.";
    if (a < 0 || b < 0) return (a < 0 ? voice.mentee : voice.mentor) + "'s department is not given.";
    const std::string& mentee_department = pool.department_names[static_cast<std::size_t>(a)];
    const std::string& mentor_department = pool.department_names[static_cast<std::size_t>(b)];
    if (a == b) return "Both in " + mentor_department + ".";
    return "Different departments (" + mentor_department + ", " + mentee_department + ").";
}

std::string language_sentence(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, const Voice& voice) {
    const MatchingProfile& a = pool.mentees[mentee];
    const MatchingProfile& b = pool.mentors[mentor];
    const std::vector<int> shared = common_ids(a.languages, b.languages);
    if (!shared.empty())
        return (voice.to_participant ? "You both speak " : "Both speak ") + join_with_and(names_of(shared, pool.language_names)) + ".";
    if (a.languages.empty() && b.languages.empty()) return "Neither lists a language.";
    if (a.languages.empty() || b.languages.empty()) return (a.languages.empty() ? voice.mentee : voice.mentor) + " lists no language.";
    return "No common language: " + languages_spoken(pool, mentee, mentor) + ".";
}

std::string earlier_wave_name(const MatchingPool& pool, std::size_t mentee, std::size_t mentor) {
    const Document& d = *pool.document;
    const std::string& a = pool.mentee_participant(mentee).id;
    const std::string& b = pool.mentor_participant(mentor).id;
    const std::string current = d.current_program() ? d.current_program()->id : std::string();
    for (const Pair& pair : d.pairs) {
        if (pair.program_id == current) continue;
        if (!((pair.mentee_id == a && pair.mentor_id == b) || (pair.mentee_id == b && pair.mentor_id == a))) continue;
        for (const Program& program : d.programs)
            if (program.id == pair.program_id) return program.name.empty() ? program.id : program.name;
        return pair.program_id;
    }
    return "an earlier wave";
}

Voice voice_of(const MatchingPool& pool, std::size_t mentee, std::size_t mentor) {
    return Voice{display_name(pool.mentor_participant(mentor)), display_name(pool.mentee_participant(mentee))};
}

}  // namespace

std::string languages_spoken(const MatchingPool& pool, std::size_t mentee, std::size_t mentor) {
    const Voice voice = voice_of(pool, mentee, mentor);
    return voice.mentor + " speaks " + join_with_and(names_of(pool.mentors[mentor].languages, pool.language_names)) + ", " +
           voice.mentee + " " + join_with_and(names_of(pool.mentees[mentee].languages, pool.language_names));
}

std::string seniority_sentence(const MatchingPool& pool, std::size_t mentee, std::size_t mentor) {
    const Voice voice = voice_of(pool, mentee, mentor);
    const MatchingProfile& a = pool.mentees[mentee];
    const MatchingProfile& b = pool.mentors[mentor];
    const SeniorityBasis basis = pool.settings.rules.seniority_basis;
    const bool by_level = b.level < a.level;
    const bool dates_known = b.has_hire_date && a.has_hire_date;
    const bool by_tenure = !dates_known || b.hire_day > a.hire_day;
    const auto level_text = [&] {
        if (by_level) {
            const int gap = a.level - b.level;
            return voice.mentor + " is " + count_word(static_cast<std::size_t>(gap)) + (gap == 1 ? " level" : " levels") +
                   " junior to " + voice.mentee;
        }
        if (a.level == b.level) return voice.mentor + " and " + voice.mentee + " are both level " + std::to_string(a.level);
        return voice.mentor + " (level " + std::to_string(b.level) + ") is senior to " + voice.mentee + " (level " +
               std::to_string(a.level) + ")";
    };
    const auto tenure_text = [&] {
        if (!dates_known) return std::string("their hire dates are not both known, so ") + voice.mentor + " counts as the newer";
        const std::string dates = " (" + format_iso_date(*pool.mentor_participant(mentor).hire_date) + ", " +
                                  format_iso_date(*pool.mentee_participant(mentee).hire_date) + ")";
        return voice.mentor + (by_tenure ? " joined after " : " did not join after ") + voice.mentee + dates;
    };
    switch (basis) {
        case SeniorityBasis::Level: return level_text();
        case SeniorityBasis::Tenure: return tenure_text();
        case SeniorityBasis::LevelOrTenure:
            if (by_level) return level_text();
            if (by_tenure) return tenure_text();
            return level_text() + ", and " + tenure_text();
        case SeniorityBasis::LevelAndTenure:
            if (by_level && by_tenure) return level_text() + ", and " + tenure_text();
            if (!by_level && !by_tenure) return level_text() + ", and " + tenure_text();
            return by_level ? tenure_text() : level_text();
    }
    return level_text();
}

std::vector<PairSentence> pair_sentences(const MatchingPool& pool, std::size_t mentee, std::size_t mentor) {
    ScoreBreakdown breakdown{};
    score_pair(pool, mentee, mentor, &breakdown);
    const MatchingWeights& weights = pool.settings.weights;
    const Voice voice = voice_of(pool, mentee, mentor);
    std::vector<PairSentence> sentences;
    const auto say = [&](Criterion criterion, std::string text) {
        sentences.push_back({criterion, breakdown[static_cast<std::size_t>(criterion)], std::move(text)});
    };
    if (weights.skills != 0) say(Criterion::Skills, skills_sentence(pool, mentee, mentor, voice));
    if (weights.interests != 0) say(Criterion::Interests, interests_sentence(pool, mentee, mentor, voice));
    if (weights.language != 0) say(Criterion::Language, language_sentence(pool, mentee, mentor, voice));
    if (weights.cross_department != 0) say(Criterion::CrossDepartment, department_sentence(pool, mentee, mentor, voice));
    if (weights.availability != 0) say(Criterion::Availability, availability_sentence(pool, mentee, mentor, voice));
    if (weights.seniority != 0) say(Criterion::Seniority, seniority_sentence(pool, mentee, mentor) + ".");
    if (weights.previous_partner != 0 && were_partners(pool, mentee, mentor))
        say(Criterion::PreviousPartner, "They were partners in " + earlier_wave_name(pool, mentee, mentor) + ".");
    return sentences;
}

std::vector<std::string> own_pair_sentences(const MatchingPool& pool, std::size_t mentee, std::size_t mentor, Role viewer) {
    Voice voice = voice_of(pool, mentee, mentor);
    voice.to_participant = true;
    voice.viewer = viewer;
    const MatchingProfile& a = pool.mentees[mentee];
    const MatchingProfile& b = pool.mentors[mentor];
    std::vector<std::string> sentences;
    bool teaches = false;
    for (const auto& skill : b.skills) teaches = teaches || std::binary_search(a.goals.begin(), a.goals.end(), skill.first);
    if (teaches) sentences.push_back(skills_sentence(pool, mentee, mentor, voice));
    if (!common_ids(a.interests, b.interests).empty()) sentences.push_back(interests_sentence(pool, mentee, mentor, voice));
    if (pool.overlap_minutes(mentee, mentor) > 0) sentences.push_back(availability_sentence(pool, mentee, mentor, voice));
    if (!common_ids(a.languages, b.languages).empty()) sentences.push_back(language_sentence(pool, mentee, mentor, voice));
    return sentences;
}

Result<std::vector<PairSentence>> pair_words(const MatchingExplainer& explainer, const std::string& mentor_id,
                                             const std::string& mentee_id) {
    const auto at = find_pair(explainer.pool(), mentor_id, mentee_id);
    if (!at) return at.problems();
    return pair_sentences(explainer.pool(), at->mentee, at->mentor);
}

Result<std::vector<std::string>> own_pair_words(const MatchingExplainer& explainer, const std::string& mentor_id,
                                                const std::string& mentee_id, const std::string& viewer_id) {
    const auto at = find_pair(explainer.pool(), mentor_id, mentee_id);
    if (!at) return at.problems();
    if (viewer_id != mentor_id && viewer_id != mentee_id)
        return Problem{"", "\"" + viewer_id + "\" is neither of the pair, so sees nothing of it"};
    return own_pair_sentences(explainer.pool(), at->mentee, at->mentor, viewer_id == mentor_id ? Role::Mentor : Role::Mentee);
}

}  // namespace flipside::matching
