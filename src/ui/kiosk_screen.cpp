// Index
// [SECTION] State and helpers
// [SECTION] Start: find yourself, confirm
// [SECTION] Your world
// [SECTION] Leaving kiosk mode
// [SECTION] Frame
#include "ui/kiosk_screen.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/app.h"
#include "app/edit.h"
#include "app/own_calendar_mail.h"
#include "app/matching_explanations.h"
#include "core/ids.h"
#include "core/matching/settings.h"
#include "core/text.h"
#include "ui/availability_grid.h"
#include "ui/pair_words_view.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

//-----------------------------------------------------------------------------
// [SECTION] State and helpers
//-----------------------------------------------------------------------------

struct KioskScreen::State {
    enum class Step { Find, Confirm, Home };
    Step step = Step::Find;
    std::string search;
    std::string person_id;
    std::string email;
    std::string message;
    double last_activity = 0;
    bool unlocking = false;
    std::string pin;
    std::string unlock_message;
    // Drafts of what the person edits here.
    Participant draft;
    std::string skills_text;
    std::string rating_comment;
    std::string rating_session;
    int rating = 0;
    // "Add to my calendar" left a file on this machine, or "E-mail them to me" opened a draft: said here.
    std::string calendar_note;
    bool calendar_note_new = false;  // scrolled into view in the frame it first shows
    // What the person and their partner share, in words (only their own pair's facts).
    app::MatchingExplanations explanations;

    void reset() { *this = State{}; }
};

KioskScreen::KioskScreen() : state_(std::make_unique<State>()) {}
KioskScreen::~KioskScreen() = default;

namespace {

using State = KioskScreen::State;

// Upcoming sessions listed by name; the rest are in the calendar file. Few enough that the
// rating below stays on screen.
constexpr std::size_t kSessionsListed = 3;

bool big_button(const char* label) {
    return ImGui::Button(label, ImVec2(0, ImGui::GetFrameHeight() * 1.3f));
}

std::string local_time(const app::App& app, UtcSeconds instant, const std::string& zone) {
    static const char* const kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    const LocalWallClock local = local_wall_clock(app.platform().time_zones, instant, zone);
    return std::string(kDays[weekday_of(local.date)]) + " " + format_iso_date(local.date) + ", " +
           format_clock_minutes(local.minute_of_day);
}

// The pairs this person is in, in the current wave (the kiosk is about now).
std::vector<const Pair*> own_pairs(const Document& d, const std::string& id) {
    std::vector<const Pair*> pairs;
    const Program* current = d.current_program();
    for (const Pair& p : d.pairs)
        if ((p.mentor_id == id || p.mentee_id == id) && (!current || p.program_id == current->id) &&
            p.state != PairState::Completed)
            pairs.push_back(&p);
    return pairs;
}

//-----------------------------------------------------------------------------
// [SECTION] Start: find yourself, confirm
//-----------------------------------------------------------------------------

void draw_find(app::App& app, State& s) {
    const Document& d = app.document();
    const Program* program = d.current_program();
    ImGui::TextColored(theme::accent(), "%s", program ? program->name.c_str() : "Reverse mentoring");
    ImGui::TextUnformatted("Welcome. Find yourself by name to see your partner and your sessions.");
    ImGui::Spacing();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##Your name", "Type your name", &s.search);
    const std::string& needle = s.search;
    if (needle.size() < 2) {
        hint("Type at least two letters of your first or last name.");
        return;
    }
    int shown = 0;
    for (const Participant& p : d.participants) {
        if (!p.active || !contains_ignoring_ascii_case(p.name, needle)) continue;
        if (++shown > 8) {
            hint("More people match: type more of your name.");
            break;
        }
        ImGui::PushID(p.id.c_str());
        // Only the name is shown before the person has confirmed who they are.
        if (big_button(p.name.c_str())) {
            s.person_id = p.id;
            s.email.clear();
            s.message.clear();
            s.step = State::Step::Confirm;
        }
        ImGui::PopID();
    }
    if (shown == 0) hint("No one by that name takes part. Ask the program coordinator.");
}

void open_home(const Participant& p, State& s) {
    s.step = State::Step::Home;
    s.draft = p;
    s.skills_text.clear();
    for (const Skill& skill : p.skills) s.skills_text += (s.skills_text.empty() ? "" : ", ") + skill.name;
    s.search.clear();
    s.email.clear();
}

void draw_confirm(app::App& app, State& s) {
    const Participant* p = find_participant(app.document(), s.person_id);
    if (!p) {
        s.reset();
        return;
    }
    ImGui::Text("Hello %s. To make sure it is you, type your work e-mail address.", p->name.c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool entered = ImGui::InputTextWithHint("##Your e-mail", "name@company.com", &s.email,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    if (big_button("Continue") || entered) {
        std::string typed = s.email;
        typed.erase(std::remove_if(typed.begin(), typed.end(), [](unsigned char c) { return std::isspace(c); }), typed.end());
        if (!typed.empty() && equals_ignoring_ascii_case(typed, p->email))
            open_home(*p, s);
        else
            s.message = "That e-mail does not match. Try again, or ask the coordinator.";
    }
    ImGui::SameLine();
    if (big_button("Back")) s.reset();
    if (!s.message.empty()) ImGui::TextColored(theme::error(), "%s", s.message.c_str());
}

//-----------------------------------------------------------------------------
// [SECTION] Your world
//-----------------------------------------------------------------------------

void draw_partners_and_sessions(app::App& app, State& s, const Participant& me) {
    const Document& d = app.document();
    const auto pairs = own_pairs(d, me.id);
    ImGui::SeparatorText("Your partner");
    if (pairs.empty()) hint("You have no partner yet in this wave. The coordinator will let you know.");
    for (const Pair* pair : pairs) {
        const std::string partner_id = pair->mentor_id == me.id ? pair->mentee_id : pair->mentor_id;
        const Participant* partner = find_participant(d, partner_id);
        if (!partner) continue;
        // A partner is shown by name, role and contact only; the address on a line of its own,
        // wrapped in the column rather than cut off at its edge.
        ImGui::BulletText("%s — %s", partner->name.c_str(), partner->role == Role::Mentor ? "your mentor" : "your mentee");
        ImGui::Indent();
        readable_text(("partner e-mail " + partner->id).c_str(), ImGui::GetStyleColorVec4(ImGuiCol_Text), partner->email);
        ImGui::Unindent();
        if (pair->state == PairState::Hiatus) ImGui::TextDisabled("   (on hiatus)");
        s.explanations.explain_document(d, app.revision(), app.platform().time_zones);
        const std::vector<std::string>& shared = s.explanations.own_pair_words(pair->mentor_id, pair->mentee_id, me.id);
        if (!shared.empty()) {
            ImGui::Indent();
            ImGui::TextColored(theme::accent(), "What you share");
            draw_sentences("kiosk-shared-" + pair->id, shared);
            ImGui::Unindent();
        }
    }

    ImGui::SeparatorText("Your next sessions");
    const UtcSeconds now = app.platform().clock.now_utc();
    std::vector<const Session*> upcoming;
    for (const Session& session : d.sessions) {
        if (session.start + session.minutes * 60 < now) continue;
        if (session.status != SessionStatus::Planned && session.status != SessionStatus::Moved) continue;
        if (std::any_of(pairs.begin(), pairs.end(), [&](const Pair* p) { return p->id == session.pair_id; }))
            upcoming.push_back(&session);
    }
    std::sort(upcoming.begin(), upcoming.end(), [](const Session* a, const Session* b) { return a->start < b->start; });
    if (upcoming.empty()) hint("No sessions planned yet.");
    for (std::size_t i = 0; i < upcoming.size() && i < kSessionsListed; ++i)
        ImGui::BulletText("%s (%d min, %s)", local_time(app, upcoming[i]->start, me.time_zone).c_str(),
                          upcoming[i]->minutes, me.time_zone.c_str());
    if (upcoming.size() > kSessionsListed)
        ImGui::TextDisabled("and %zu more in your calendar", upcoming.size() - kSessionsListed);
    if (upcoming.empty()) return;
    if (big_button("Add to my calendar")) {
        const std::string file =
            app.export_calendar(app::CalendarSelection{app::CalendarSelection::Who::OwnSessions, me.id});
        s.calendar_note = "Saved " + file +
                          " in this computer's Downloads folder. This is a shared computer: to have your sessions on "
                          "your own phone or computer, e-mail them to yourself instead.";
        s.calendar_note_new = true;
    }
    ImGui::SameLine();
    if (big_button("E-mail them to me")) {
        const app::OwnCalendarMail mail = app::own_calendar_mail(app.document(), me.id, now, app.platform().time_zones,
                                                                 app.platform().navigation.app_address());
        app.platform().navigation.open_url(mail.mailto);
        s.calendar_note = "Your mail program opens a message to " + me.email + (mail.carries_invitation_link
                              ? " with your sessions and the link to your own page: send it, then open it on your own device."
                              : " with your sessions: send it, then add them to the calendar of your own device.");
        s.calendar_note_new = true;
    }
    ImGui::SetItemTooltip("A message to %s with your sessions, to open on your own phone or computer", me.email.c_str());
    if (!s.calendar_note.empty()) {
        readable_text("calendar note", theme::success(), s.calendar_note);
        if (s.calendar_note_new) ImGui::SetScrollHereY(1.0f);  // the answer to the click shows where it was made
        s.calendar_note_new = false;
    }
}

void draw_rating(app::App& app, State& s, const Participant& me) {
    const Document& d = app.document();
    const auto pairs = own_pairs(d, me.id);
    // Held sessions this person has not rated yet, most recent first.
    std::vector<const Session*> unrated;
    for (const Session& session : d.sessions) {
        if (session.status != SessionStatus::Held) continue;
        const auto pair = std::find_if(pairs.begin(), pairs.end(), [&](const Pair* p) { return p->id == session.pair_id; });
        if (pair == pairs.end()) continue;
        const bool rated = std::any_of(d.feedback.begin(), d.feedback.end(), [&](const Feedback& f) {
            return f.session_id == session.id && f.author_id == me.id;
        });
        if (!rated) unrated.push_back(&session);
    }
    if (unrated.empty()) return;
    std::sort(unrated.begin(), unrated.end(), [](const Session* a, const Session* b) { return a->start > b->start; });
    const Session& session = *unrated.front();
    ImGui::SeparatorText("Rate your last session");
    ImGui::Text("%s", local_time(app, session.start, me.time_zone).c_str());
    if (s.rating_session != session.id) {
        s.rating_session = session.id;
        s.rating = 0;
        s.rating_comment.clear();
    }
    for (int star = 1; star <= 5; ++star) {
        ImGui::PushID(star);
        const bool lit = star <= s.rating;
        if (lit) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.98f, 0.80f, 0.30f, 1.0f));
        if (big_button(std::to_string(star).c_str())) s.rating = star;
        if (lit) ImGui::PopStyleColor();
        ImGui::PopID();
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##Rating comment", "A comment (optional; the coordinator reads it)", &s.rating_comment);
    ImGui::BeginDisabled(s.rating == 0);
    if (big_button("Send rating")) {
        Feedback fb;
        fb.id = unused_id(d.feedback, kFeedbackIds);
        fb.pair_id = session.pair_id;
        fb.session_id = session.id;
        fb.author_id = me.id;
        fb.rating = s.rating;
        fb.comment = s.rating_comment;
        app.apply(app::add_feedback(fb));
        s.rating_session.clear();
    }
    ImGui::EndDisabled();
}

void draw_profile(app::App& app, State& s, const Participant& me) {
    ImGui::SeparatorText("Your availability and profile");
    hint("Mark when you are free each week, in your own time zone; drag across the grid.");
    availability_grid("Kiosk availability", s.draft.availability);
    ImGui::TextUnformatted("Time zone");
    text_field("##Kiosk time zone", s.draft.time_zone);
    ImGui::TextUnformatted("Skills you can share (separated by commas)");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##Kiosk skills", &s.skills_text)) {
        std::vector<Skill> skills;
        for (const std::string& name : split_list(s.skills_text)) {
            const auto existing = std::find_if(me.skills.begin(), me.skills.end(), [&](const Skill& k) { return k.name == name; });
            skills.push_back(Skill{name, existing != me.skills.end() ? existing->proficiency : 3});
        }
        s.draft.skills = skills;
    }
    ImGui::TextUnformatted("What you want to learn");
    list_field("##Kiosk goals", s.draft.learning_goals);
    ImGui::TextUnformatted("Interests");
    list_field("##Kiosk interests", s.draft.interests);
    ImGui::TextUnformatted("Languages");
    list_field("##Kiosk languages", s.draft.languages);

    const std::vector<Problem> problems = validate_participant(s.draft, app.platform().time_zones);
    show_problems(problems, "");
    ImGui::BeginDisabled(!problems.empty() || s.draft == me);
    if (big_button("Save my profile")) {
        app.apply(app::update_participant(me, s.draft));
        s.message = "Saved. Thank you!";
    }
    ImGui::EndDisabled();
    if (!s.message.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(theme::success(), "%s", s.message.c_str());
    }
}

// Participants rank the other side when the program pairs by mutual preference.
void draw_preferences(app::App& app, State& s, const Participant& me) {
    const Document& d = app.document();
    const Program* program = d.current_program();
    if (!program || program->matching.mode != matching::MatchingMode::Stable) return;
    ImGui::SeparatorText("Who would you like to be paired with?");
    hint("Put the people you would most like to work with first. Everyone keeps their rankings private.");
    std::vector<std::string>& ranking = s.draft.preferences;
    int move_up = -1, remove = -1;
    for (std::size_t i = 0; i < ranking.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const Participant* other = find_participant(d, ranking[i]);
        ImGui::Text("%zu. %s", i + 1, other ? other->name.c_str() : ranking[i].c_str());
        ImGui::SameLine();
        if (i > 0 && ImGui::SmallButton("Up")) move_up = static_cast<int>(i);
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove")) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (move_up > 0) std::swap(ranking[static_cast<std::size_t>(move_up)], ranking[static_cast<std::size_t>(move_up - 1)]);
    if (remove >= 0) ranking.erase(ranking.begin() + remove);
    if (begin_combo("##Add a person", "Add a person to your list")) {
        for (const Participant& other : d.participants) {
            if (!other.active || other.role == me.role) continue;
            if (std::find(ranking.begin(), ranking.end(), other.id) != ranking.end()) continue;
            const std::string label = other.name + " — " + other.job_title;
            ImGui::PushID(other.id.c_str());
            if (ImGui::Selectable(label.c_str())) ranking.push_back(other.id);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::BeginDisabled(ranking == me.preferences);
    if (big_button("Save my ranking")) app.apply(app::update_participant(me, s.draft));
    ImGui::EndDisabled();
}

void draw_home(app::App& app, State& s) {
    const Participant* me = find_participant(app.document(), s.person_id);
    if (!me) {
        s.reset();
        return;
    }
    ImGui::TextColored(theme::accent(), "Hello, %s", me->name.c_str());
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5);
    if (big_button("Sign out")) {
        s.reset();
        return;
    }
    if (ImGui::BeginTable("KioskHome", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        draw_rating(app, s, *me);  // what is asked of them first, where it shows without scrolling
        draw_partners_and_sessions(app, s, *me);
        draw_preferences(app, s, *me);
        ImGui::TableNextColumn();
        draw_profile(app, s, *me);
        ImGui::EndTable();
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Leaving kiosk mode
//-----------------------------------------------------------------------------

void draw_unlock(app::App& app, State& s) {
    app::KioskLock& lock = app.kiosk();
    if (!s.unlocking) {
        if (ImGui::SmallButton("Coordinator")) {
            s.unlocking = true;
            s.pin.clear();
            s.unlock_message.clear();
        }
        return;
    }
    ImGui::TextUnformatted("Coordinator PIN");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    const bool entered = ImGui::InputText("##Coordinator PIN", &s.pin,
                                          ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    const int wait = lock.seconds_locked();
    ImGui::BeginDisabled(wait > 0);
    if (ImGui::Button("Unlock") || (entered && wait == 0)) {
        switch (lock.leave_kiosk_mode(s.pin)) {
            case app::KioskLock::UnlockResult::Accepted: s.reset(); return;
            case app::KioskLock::UnlockResult::Wrong: s.unlock_message = "Wrong PIN."; break;
            case app::KioskLock::UnlockResult::LockedOut: s.unlock_message = "Too many wrong PINs."; break;
        }
        s.pin.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel##unlock")) s.unlocking = false;
    if (wait > 0)
        ImGui::TextColored(theme::error(), "Too many wrong PINs: try again in %d s.", wait);
    else if (!s.unlock_message.empty())
        ImGui::TextColored(theme::error(), "%s", s.unlock_message.c_str());
}

bool any_input() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.InputQueueCharacters.Size > 0)
        return true;
    for (int button = 0; button < 3; ++button)
        if (io.MouseDown[button]) return true;
    for (int key = ImGuiKey_NamedKey_BEGIN; key < ImGuiKey_NamedKey_END; ++key)
        if (ImGui::IsKeyDown(static_cast<ImGuiKey>(key))) return true;
    return false;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Frame
//-----------------------------------------------------------------------------

void KioskScreen::draw(app::App& app) {
    State& s = *state_;
    const double now = app.platform().clock.monotonic_seconds();
    if (any_input() || s.last_activity == 0) s.last_activity = now;
    // Walking away returns the screen to the start and forgets what was on it.
    if (s.step != State::Step::Find || !s.search.empty() || s.unlocking) {
        if (now - s.last_activity > app.kiosk().idle_seconds()) {
            s.reset();
            s.last_activity = now;
        }
    }

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(14, 10));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(14, 12));
    ImGui::PushFont(theme::large_font());  // large and touch-friendly, rasterised at its size (sharp)
    ImGui::Begin("Kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    // Below the body only what draw_unlock needs: the Coordinator button, or the PIN row and its message.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float unlock_height = s.unlocking ? ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing()
                                            : ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("KioskBody", ImVec2(0, -(unlock_height + style.ItemSpacing.y + style.WindowPadding.y)));
    switch (s.step) {
        case State::Step::Find: draw_find(app, s); break;
        case State::Step::Confirm: draw_confirm(app, s); break;
        case State::Step::Home: draw_home(app, s); break;
    }
    ImGui::EndChild();
    ImGui::Separator();
    draw_unlock(app, s);
    ImGui::End();
    ImGui::PopFont();
    ImGui::PopStyleVar(2);
}

}  // namespace flipside::ui
