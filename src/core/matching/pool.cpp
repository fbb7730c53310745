#include "core/matching/detail/pool.h"

#include "core/matching/detail/scoring.h"

#include <algorithm>
#include <unordered_map>

#include "core/display_names.h"
#include "core/text.h"

namespace flipside::matching {

namespace {

// Interns names so that "Python", " python " and "PYTHON" are one skill. Ids follow first
// appearance, which keeps every run identical for the same document.
class Vocabulary {
public:
    int id_of(const std::string& text) {
        std::string key = normalized(text);
        if (key.empty()) return -1;
        const auto [it, inserted] = ids_.emplace(std::move(key), static_cast<int>(ids_.size()));
        if (inserted) names_.push_back(trim_space(text));
        return it->second;
    }
    std::size_t size() const { return ids_.size(); }
    // By id: each name as first written ("Power BI" even when "power bi" came later).
    std::vector<std::string> take_names() { return std::move(names_); }

private:
    static std::string normalized(const std::string& text) { return fold_ascii(trim_space(text)); }
    std::unordered_map<std::string, int> ids_;
    std::vector<std::string> names_;
};

std::vector<int> interned_set(Vocabulary& vocabulary, const std::vector<std::string>& names) {
    std::vector<int> ids;
    for (const std::string& name : names) {
        const int id = vocabulary.id_of(name);
        if (id >= 0) ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

MatchingProfile make_profile(std::size_t index, const Participant& p, Vocabulary& skills,
                             Vocabulary& interests, Vocabulary& languages, Vocabulary& departments) {
    MatchingProfile profile;
    profile.participant = index;
    profile.active = p.active;
    profile.level = p.level;
    if (p.hire_date) {
        profile.has_hire_date = true;
        profile.hire_day = days_from_civil(*p.hire_date);
    }
    profile.department = departments.id_of(p.department);
    for (const Skill& skill : p.skills) {
        const int id = skills.id_of(skill.name);
        if (id < 0) continue;
        const int proficiency = std::clamp(skill.proficiency, 1, 5);
        profile.skills.emplace_back(id, proficiency);
    }
    // One entry per skill, keeping the highest proficiency given.
    std::sort(profile.skills.begin(), profile.skills.end(),
              [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second > b.second; });
    profile.skills.erase(std::unique(profile.skills.begin(), profile.skills.end(),
                                     [](const auto& a, const auto& b) { return a.first == b.first; }),
                         profile.skills.end());
    profile.goals = interned_set(skills, p.learning_goals);
    profile.interests = interned_set(interests, p.interests);
    profile.languages = interned_set(languages, p.languages);
    profile.capacity = std::max(0, p.capacity);
    return profile;
}

}  // namespace

const Participant& MatchingPool::mentee_participant(std::size_t mentee) const {
    return document->participants[mentees[mentee].participant];
}
const Participant& MatchingPool::mentor_participant(std::size_t mentor) const {
    return document->participants[mentors[mentor].participant];
}
int MatchingPool::mentee_position(const std::string& id) const {
    const auto found = mentee_by_id.find(id);
    return found == mentee_by_id.end() ? -1 : found->second;
}
int MatchingPool::mentor_position(const std::string& id) const {
    const auto found = mentor_by_id.find(id);
    return found == mentor_by_id.end() ? -1 : found->second;
}

Result<PairPositions> find_pair(const MatchingPool& pool, const std::string& mentor_id, const std::string& mentee_id) {
    const int mentor = pool.mentor_position(mentor_id), mentee = pool.mentee_position(mentee_id);
    if (mentor < 0) return Problem{"", "no mentor with id \"" + mentor_id + "\" in the current program"};
    if (mentee < 0) return Problem{"", "no mentee with id \"" + mentee_id + "\" in the current program"};
    return PairPositions{static_cast<std::size_t>(mentee), static_cast<std::size_t>(mentor)};
}

UtcSeconds default_reference_instant(const Document& document) {
    const Date day = document.current_program() ? document.current_program()->start_date : Date{2026, 1, 5};
    return days_from_civil(day) * kSecondsPerDay + 12 * 3600;
}

MatchingPool build_matching_pool(const Document& document, const MatchingSettings& settings,
                                 const TimeZoneCatalog& time_zones, UtcSeconds reference_instant) {
    MatchingPool pool;
    pool.document = &document;
    pool.settings = settings;
    pool.reporting_lines = ReportingLines(document.participants);

    Vocabulary skills, interests, languages, departments;
    for (std::size_t i = 0; i < document.participants.size(); ++i) {
        const Participant& p = document.participants[i];
        auto& side = p.role == Role::Mentee ? pool.mentees : pool.mentors;
        auto& by_id = p.role == Role::Mentee ? pool.mentee_by_id : pool.mentor_by_id;
        by_id.emplace(p.id, static_cast<int>(side.size()));
        side.push_back(make_profile(i, p, skills, interests, languages, departments));
    }

    // Availability on one UTC grid: mentees first, then mentors.
    std::vector<const std::vector<WeeklyWindow>*> windows;
    std::vector<int> offsets;
    std::unordered_map<std::string, int> offset_of_zone;  // one catalog call per zone
    for (const auto* side : {&pool.mentees, &pool.mentors}) {
        for (const MatchingProfile& profile : *side) {
            const Participant& p = document.participants[profile.participant];
            windows.push_back(&p.availability);
            auto found = offset_of_zone.find(p.time_zone);
            if (found == offset_of_zone.end())
                found = offset_of_zone.emplace(p.time_zone, time_zones.utc_offset_seconds(p.time_zone, reference_instant)).first;
            offsets.push_back(found->second);
        }
    }
    pool.availability.build(windows, offsets);
    pool.utc_offset_seconds = std::move(offsets);

    // Rarity: how many active mentors can teach each skill. A goal that only a few can teach
    // counts double or triple, so those mentors go where they are needed.
    std::vector<int> teachers(skills.size(), 0);
    std::size_t active_mentors = 0;
    for (const MatchingProfile& mentor : pool.mentors) {
        if (!mentor.active) continue;
        ++active_mentors;
        for (const auto& skill : mentor.skills) ++teachers[static_cast<std::size_t>(skill.first)];
    }
    pool.skill_rarity.assign(skills.size(), 1);
    if (settings.rules.rare_skills_count_more) {
        for (std::size_t s = 0; s < skills.size(); ++s) {
            const std::size_t t = static_cast<std::size_t>(teachers[s]);
            pool.skill_rarity[s] = 1 + (t * 4 <= active_mentors ? 1 : 0) + (t * 16 <= active_mentors ? 1 : 0);
        }
    }

    for (MatchingProfile& mentee : pool.mentees)
        for (const int goal : mentee.goals) mentee.wanted_weight += 5LL * pool.skill_rarity[static_cast<std::size_t>(goal)];
    pool.small_vocabularies = skills.size() <= 64 && interests.size() <= 64 && languages.size() <= 64;
    if (pool.small_vocabularies) {
        pool.mentor_proficiency.assign(pool.mentors.size() * 64, 0);
        const auto bits_of = [](const std::vector<int>& ids) {
            std::uint64_t bits = 0;
            for (const int id : ids) bits |= std::uint64_t{1} << id;
            return bits;
        };
        for (auto* side : {&pool.mentees, &pool.mentors}) {
            for (MatchingProfile& profile : *side) {
                for (const auto& skill : profile.skills) profile.skill_bits |= std::uint64_t{1} << skill.first;
                profile.goal_bits = bits_of(profile.goals);
                profile.interest_bits = bits_of(profile.interests);
                profile.language_bits = bits_of(profile.languages);
            }
        }
        for (std::size_t m = 0; m < pool.mentors.size(); ++m)
            for (const auto& skill : pool.mentors[m].skills)
                pool.mentor_proficiency[m * 64 + static_cast<std::size_t>(skill.first)] = static_cast<std::uint8_t>(skill.second);
    }
    for (auto* side : {&pool.mentees, &pool.mentors}) {
        for (MatchingProfile& profile : *side) {
            profile.interest_count = static_cast<int>(profile.interests.size());
            profile.line_enter = pool.reporting_lines.enter(profile.participant);
            profile.line_leave = pool.reporting_lines.leave(profile.participant);
        }
    }

    pool.forbidden_mentors.assign(pool.mentees.size(), {});
    pool.previous_mentors.assign(pool.mentees.size(), {});
    const std::string current_id = document.current_program() ? document.current_program()->id : std::string();
    for (const Pair& pair : document.pairs) {
        if (pair.program_id == current_id) continue;
        int mentee = pool.mentee_position(pair.mentee_id), mentor = pool.mentor_position(pair.mentor_id);
        if (mentee < 0 || mentor < 0) {  // the two may have swapped sides since
            mentee = pool.mentee_position(pair.mentor_id);
            mentor = pool.mentor_position(pair.mentee_id);
        }
        if (mentee >= 0 && mentor >= 0) pool.previous_mentors[static_cast<std::size_t>(mentee)].push_back(mentor);
    }
    // Warnings name people ("Maria Costa & Jon Lee (P0003 / P0017)"): the coordinator reads them.
    const auto who = [&](const std::string& id) { return person_name(document, id); };
    const auto pair_text = [&](const char* what, const PairKey& key) {
        return std::string(what) + " " + who(key.mentor_id) + " & " + who(key.mentee_id) + " (" + key.mentor_id + " / " +
               key.mentee_id + ")";
    };
    for (const PairKey& key : settings.forbidden_pairs) {
        const int mentee = pool.mentee_position(key.mentee_id), mentor = pool.mentor_position(key.mentor_id);
        if (mentee < 0 || mentor < 0) {
            pool.warnings.push_back(pair_text("forbidden pair", key) + " ignored: " +
                                    (mentor < 0 ? who(key.mentor_id) + " is not a mentor"
                                                : who(key.mentee_id) + " is not a mentee"));
            continue;
        }
        pool.forbidden_mentors[static_cast<std::size_t>(mentee)].push_back(mentor);
    }
    for (auto* lists : {&pool.forbidden_mentors, &pool.previous_mentors}) {
        for (auto& list : *lists) {
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
        }
    }

    std::vector<int> locks_per_mentor(pool.mentors.size(), 0);
    std::vector<char> mentee_locked(pool.mentees.size(), 0);
    for (const PairKey& key : settings.locked_pairs) {
        const int mentee = pool.mentee_position(key.mentee_id), mentor = pool.mentor_position(key.mentor_id);
        const std::string label = pair_text("locked pair", key);
        if (mentor < 0) { pool.warnings.push_back(label + " ignored: " + who(key.mentor_id) + " is not a mentor"); continue; }
        if (mentee < 0) { pool.warnings.push_back(label + " ignored: " + who(key.mentee_id) + " is not a mentee"); continue; }
        const auto& forbidden = pool.forbidden_mentors[static_cast<std::size_t>(mentee)];
        if (std::binary_search(forbidden.begin(), forbidden.end(), mentor)) {
            pool.warnings.push_back(label + " ignored: the pair is also forbidden");
            continue;
        }
        if (mentee_locked[static_cast<std::size_t>(mentee)]) {
            pool.warnings.push_back(label + " ignored: " + who(key.mentee_id) + " is already locked to another mentor");
            continue;
        }
        if (locks_per_mentor[static_cast<std::size_t>(mentor)] >= pool.mentors[static_cast<std::size_t>(mentor)].capacity) {
            pool.warnings.push_back(label + " ignored: " + who(key.mentor_id) + "'s capacity is already taken by locked pairs");
            continue;
        }
        mentee_locked[static_cast<std::size_t>(mentee)] = 1;
        ++locks_per_mentor[static_cast<std::size_t>(mentor)];
        pool.locked.push_back({mentee, mentor});
    }
    pool.skill_names = skills.take_names();
    pool.interest_names = interests.take_names();
    pool.language_names = languages.take_names();
    pool.department_names = departments.take_names();
    prepare_scoring(pool);
    return pool;
}

}  // namespace flipside::matching
