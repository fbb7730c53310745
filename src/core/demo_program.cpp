#include "core/demo_program.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include "core/demo_names.h"
#include "core/ids.h"

namespace flipside {

namespace {

const std::array<const char*, 8> kDepartments = {"Finance", "IT", "Marketing", "Human Resources",
                                                 "Operations", "Sales", "Legal", "Research & Development"};

// What juniors can teach and seniors want to learn (knowledge flows up).
const std::array<const char*, 14> kDigitalTopics = {
    "Generative AI", "Social media", "Data visualisation", "Python", "Power BI", "Excel automation",
    "Collaboration tools", "Cybersecurity hygiene", "LinkedIn presence", "Mobile-first customers",
    "Gen Z expectations at work", "Cloud basics", "Video content", "Remote teamwork"};
// What seniors bring back down.
const std::array<const char*, 8> kLeadershipTopics = {
    "Strategy", "Negotiation", "Stakeholder management", "Public speaking",
    "Budgeting", "Career planning", "Leading teams", "Navigating the organisation"};
const std::array<const char*, 12> kInterests = {
    "Running", "Chess", "Photography", "Cooking", "Gaming", "Sailing", "Jazz", "Climbing",
    "Volunteering", "Podcasts", "Gardening", "Cycling"};

const std::array<const char*, 4> kJuniorTitles = {"Analyst", "Associate", "Graduate trainee", "Specialist"};
const std::array<const char*, 5> kSeniorTitles = {"Director", "Senior Vice President", "Head of Department",
                                                  "Chief Officer", "Vice President"};

template <typename T, std::size_t N>
const T& pick(SeededRandom& random, const std::array<T, N>& items) {
    return items[random.below(static_cast<std::uint32_t>(N))];
}

// `count` distinct entries of `items`.
template <std::size_t N>
std::vector<std::string> pick_distinct(SeededRandom& random, const std::array<const char*, N>& items, int count) {
    std::array<std::size_t, N> order;
    for (std::size_t i = 0; i < N; ++i) order[i] = i;
    std::vector<std::string> out;
    for (int k = 0; k < count && static_cast<std::size_t>(k) < N; ++k) {
        const std::size_t j = k + random.below(static_cast<std::uint32_t>(N - k));
        std::swap(order[k], order[j]);
        out.push_back(items[order[k]]);
    }
    return out;
}

std::vector<WeeklyWindow> make_availability(SeededRandom& random) {
    std::vector<WeeklyWindow> windows;
    const int count = 2 + static_cast<int>(random.below(3));
    std::array<int, 5> days = {0, 1, 2, 3, 4};
    for (int k = 0; k < count; ++k) {
        const int j = k + static_cast<int>(random.below(static_cast<std::uint32_t>(5 - k)));
        std::swap(days[k], days[j]);
        const int start = (8 * 60) + 30 * static_cast<int>(random.below(14));  // 08:00..14:30
        const int length = 60 * (1 + static_cast<int>(random.below(3)));       // 1..3 hours
        windows.push_back(WeeklyWindow{days[k], start, std::min(start + length, 18 * 60)});
    }
    std::sort(windows.begin(), windows.end(),
              [](const WeeklyWindow& a, const WeeklyWindow& b) { return a.weekday < b.weekday; });
    return windows;
}

Date next_monday_after(const Date& date, int weeks) {
    const Date start = add_days(date, 7 * weeks);
    return add_days(start, (7 - weekday_of(start)) % 7);
}

}  // namespace

std::uint64_t SeededRandom::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint32_t SeededRandom::below(std::uint32_t bound) {
    return bound == 0 ? 0 : static_cast<std::uint32_t>(next() % bound);
}

Document make_demo_program(int participant_count, std::uint64_t seed, UtcSeconds now) {
    SeededRandom random(seed);
    Document doc;
    const Date today = civil_from_days(floor_days(now));
    const int count = std::max(2, participant_count);

    Program earlier;
    earlier.id = numbered_id(kProgramIds, 1);
    earlier.name = "Digital Fluency — Wave 1";
    earlier.objectives = "Build confidence with digital tools among senior leaders; give junior talent visibility.";
    earlier.norms = "Meet every two weeks for an hour. Anything said in a session stays in the pair.";
    earlier.start_date = next_monday_after(today, -36);
    earlier.end_date = add_days(earlier.start_date, 7 * 24 - 3);
    earlier.cadence = Cadence{CadenceKind::Weekly, 2, 1};
    earlier.target_sessions = 12;

    Program current;
    current.id = numbered_id(kProgramIds, 2);
    current.name = "Digital Fluency — Wave 2";
    current.objectives =
        "Seniors learn generative AI, data and social media from junior colleagues; juniors learn how the "
        "organisation works and build a network. Each pair agrees three concrete goals in its first session.";
    current.norms =
        "The senior partner owns the relationship and books the first meeting. Meet every two weeks for an "
        "hour, in person or by video; informal places are fine. Notes are confidential to the pair. "
        "Tell the coordinator if a session cannot happen.";
    current.start_date = next_monday_after(today, -6);  // running for about six weeks
    current.end_date = add_days(current.start_date, 7 * 26 - 3);
    current.cadence = Cadence{CadenceKind::Weekly, 2, 1};
    current.session_minutes = 60;
    current.target_sessions = 12;
    current.blackout_dates = {Date{current.start_date.year, 12, 25}, Date{current.start_date.year, 12, 26},
                              Date{current.start_date.year + 1, 1, 1}};
    std::sort(current.blackout_dates.begin(), current.blackout_dates.end());
    doc.programs = {earlier, current};

    // Seniors first so juniors can name a senior manager; about 45 % of the roster is senior.
    const int seniors = std::max(1, count * 45 / 100);
    DemoNameBook names(seed);  // no two people share a name
    std::unordered_map<std::string, int> email_uses;
    std::vector<std::vector<std::size_t>> seniors_by_department(kDepartments.size());
    doc.participants.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const bool senior = i < seniors;
        const std::size_t office_index = random.below(static_cast<std::uint32_t>(kDemoOfficeCount));
        const DemoOffice& office = demo_offices()[office_index];
        const std::size_t given = random.below(static_cast<std::uint32_t>(kDemoNamesPerList));
        const std::size_t family = random.below(static_cast<std::uint32_t>(kDemoNamesPerList));
        DemoName name = names.take(office_index, given, family);
        Participant p;
        p.id = numbered_id(kParticipantIds, static_cast<std::size_t>(i + 1));
        p.name = std::move(name.shown);
        std::string stem = std::move(name.email_stem);
        const int uses = ++email_uses[stem];
        if (uses > 1) stem += std::to_string(uses);
        p.email = stem + "@example.com";
        p.role = senior ? Role::Mentee : Role::Mentor;
        const std::size_t department = random.below(static_cast<std::uint32_t>(kDepartments.size()));
        p.department = kDepartments[department];
        p.level = senior ? 8 + static_cast<int>(random.below(5)) : 1 + static_cast<int>(random.below(4));
        p.job_title = senior ? pick(random, kSeniorTitles) : pick(random, kJuniorTitles);
        if (senior) p.job_title += std::string(", ") + p.department;
        const int years = senior ? 8 + static_cast<int>(random.below(20)) : static_cast<int>(random.below(4));
        p.hire_date = add_days(today, -(years * 365 + static_cast<int>(random.below(300)) + 30));
        auto& department_seniors = seniors_by_department[department];
        if (!department_seniors.empty() && random.chance(senior ? 60 : 80)) {
            // Managers are more senior: pick among seniors already created in this department.
            const std::size_t manager = department_seniors[random.below(static_cast<std::uint32_t>(department_seniors.size()))];
            if (!senior || doc.participants[manager].level > p.level) p.manager_id = doc.participants[manager].id;
        }
        if (senior) department_seniors.push_back(static_cast<std::size_t>(i));
        if (senior) {
            for (const auto& topic : pick_distinct(random, kLeadershipTopics, 2 + static_cast<int>(random.below(2))))
                p.skills.push_back(Skill{topic, 4 + static_cast<int>(random.below(2))});
            p.learning_goals = pick_distinct(random, kDigitalTopics, 2 + static_cast<int>(random.below(3)));
        } else {
            for (const auto& topic : pick_distinct(random, kDigitalTopics, 3 + static_cast<int>(random.below(3))))
                p.skills.push_back(Skill{topic, 3 + static_cast<int>(random.below(3))});
            p.learning_goals = pick_distinct(random, kLeadershipTopics, 1 + static_cast<int>(random.below(3)));
        }
        p.interests = pick_distinct(random, kInterests, 1 + static_cast<int>(random.below(3)));
        p.languages = {"English"};
        if (office.language && random.chance(70)) p.languages.push_back(office.language);
        p.time_zone = office.time_zone;
        p.availability = make_availability(random);
        p.capacity = senior ? 1 : (random.chance(20) ? 2 : 1);
        p.active = random.chance(93);
        p.background = senior ? "Joined " + std::to_string(p.hire_date->year) + "; leads a team in " + p.department + "."
                              : "Joined " + std::to_string(p.hire_date->year) + " through the graduate programme.";
        doc.participants.push_back(std::move(p));
    }

    // The earlier wave: a third of the roster was paired, met, and rated the experience.
    static const std::array<const char*, 3> kEndReasons = {"purpose met", "purpose met", "moved on"};
    std::size_t session_number = 0;
    std::size_t feedback_number = 0;
    const int earlier_pairs = std::min(seniors, count - seniors) / 3;
    for (int k = 0; k < earlier_pairs; ++k) {
        Pair pair;
        pair.id = numbered_id(kPairIds, static_cast<std::size_t>(k + 1));
        pair.program_id = earlier.id;
        pair.mentee_id = doc.participants[static_cast<std::size_t>(k * 3 % seniors)].id;
        pair.mentor_id = doc.participants[static_cast<std::size_t>(seniors + k * 3 % (count - seniors))].id;
        pair.state = PairState::Completed;
        pair.end_reason = kEndReasons[static_cast<std::size_t>(k) % kEndReasons.size()];
        const int held = 4 + static_cast<int>(random.below(6));
        for (int s = 0; s < held; ++s) {
            Session session;
            session.id = numbered_id(kSessionIds, ++session_number);
            session.pair_id = pair.id;
            const Date day = add_days(earlier.start_date, 14 * s + 1 + static_cast<int>(random.below(3)));
            session.start = days_from_civil(day) * kSecondsPerDay + (9 + static_cast<int>(random.below(7))) * 3600;
            session.minutes = 60;
            session.status = random.chance(88) ? SessionStatus::Held : SessionStatus::Cancelled;
            if (s == 0) session.agenda = "Introductions; agree three goals for the wave.";
            doc.sessions.push_back(session);
            if (session.status == SessionStatus::Held && random.chance(60)) {
                Feedback fb;
                fb.id = numbered_id(kFeedbackIds, ++feedback_number);
                fb.pair_id = pair.id;
                fb.session_id = session.id;
                fb.author_id = random.chance(50) ? pair.mentor_id : pair.mentee_id;
                fb.rating = 3 + static_cast<int>(random.below(3));
                doc.feedback.push_back(fb);
            }
        }
        Feedback close;
        close.id = numbered_id(kFeedbackIds, ++feedback_number);
        close.pair_id = pair.id;
        close.author_id = pair.mentee_id;
        close.kind = FeedbackKind::CloseOut;
        close.rating = 3 + static_cast<int>(random.below(3));
        close.comment = close.rating >= 4 ? "I use what I learned every week." : "Useful, though hard to find time.";
        doc.feedback.push_back(close);
        doc.pairs.push_back(std::move(pair));
    }
    return doc;
}

}  // namespace flipside
