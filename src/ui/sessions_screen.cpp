// The Sessions screen: follow each pair. Left, the pairs of a wave; right, the selected pair's
// relationship state, the pair in words (what their match rests on, for the current wave),
// confidential notes, sessions (status, agenda, follow-ups, notes) and the
// feedback of each side. Everything saves as it is edited (a text once its field lets go), each
// change one undoable step; times are shown in the mentee's or the mentor's zone, or in UTC.
//
// Index
// [SECTION] Pair list
// [SECTION] Relationship
// [SECTION] One session
// [SECTION] Feedback
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/app.h"
#include "app/edit.h"
#include "app/matching_explanations.h"
#include "app/calendar_view.h"
#include "app/session_records.h"
#include "core/ids.h"
#include "core/local_time.h"
#include "core/text.h"
#include "ui/pair_words_view.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

const char* const kStatusLabels[] = {"planned", "held", "cancelled", "no-show", "moved"};
const char* const kStateLabels[] = {"active", "on hiatus", "completed"};
const char* const kEndReasons[] = {"purpose met", "moved on", "schedule did not work", "left the company", "other"};

// "Tue 2027-01-12 14:00" in `zone`.
std::string local_time_label(const app::App& app, UtcSeconds start, const std::string& zone) {
    static const char* const kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    const LocalWallClock local = local_wall_clock(app.platform().time_zones, start, zone);
    return std::string(kDays[weekday_of(local.date)]) + " " + format_iso_date(local.date) + " " +
           format_clock_minutes(local.minute_of_day);
}

// Whose clock the session times are read on, as on the Calendar: a person's own zone or UTC.
enum class TimesIn { Mentee, Mentor, Utc };

class SessionsScreen final : public Screen {
public:
    const char* title() const override { return "Sessions"; }

    void draw(app::App& app) override {
        const Document& d = app.document();
        if (d.pairs.empty()) {
            hint("No pairs yet: pairs appear here once a Matching proposal is accepted.");
            return;
        }
        if (app.revision() != seen_revision_) {  // drafts follow every change, undo and redo included
            drafts_.clear();
            pair_drafts_.clear();
        }
        seen_revision_ = app.revision();

        ImGui::BeginChild("PairList", ImVec2(ImGui::GetFontSize() * 22, 0), ImGuiChildFlags_Border);
        draw_pair_list(d);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("PairDetail", ImVec2(0, 0), ImGuiChildFlags_Border);
        const Pair* pair = nullptr;
        for (const Pair& p : d.pairs)
            if (p.id == selected_pair_) pair = &p;
        if (pair)
            draw_pair(app, *pair);
        else
            hint("Choose a pair on the left to see its sessions, notes and feedback.");
        ImGui::EndChild();
    }

private:
    //-------------------------------------------------------------------------
    // [SECTION] Pair list
    //-------------------------------------------------------------------------
    void draw_pair_list(const Document& d) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##Find pair", "Find a pair by name", &filter_);
        std::unordered_map<std::string, int> held;
        for (const Session& s : d.sessions) held[s.pair_id] += s.status == SessionStatus::Held;
        // Newest wave first: the pairs a coordinator follows now are at the top.
        for (auto program = d.programs.rbegin(); program != d.programs.rend(); ++program) {
            ImGui::SeparatorText(program->name.c_str());
            for (const Pair& pair : d.pairs) {
                if (pair.program_id != program->id) continue;
                const std::string label = participant_label(d, pair.mentee_id) + " ← " + participant_label(d, pair.mentor_id);
                if (!contains_ignoring_ascii_case(label, filter_)) continue;
                ImGui::PushID(pair.id.c_str());
                if (ImGui::Selectable(label.c_str(), selected_pair_ == pair.id)) selected_pair_ = pair.id;
                ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - ImGui::GetFontSize() * 5);
                ImGui::TextDisabled("%d held", held[pair.id]);
                ImGui::PopID();
            }
        }
    }

    //-------------------------------------------------------------------------
    // [SECTION] Relationship
    //-------------------------------------------------------------------------
    void draw_pair(app::App& app, const Pair& pair) {
        const Document& d = app.document();
        const Participant* mentor = find_participant(d, pair.mentor_id);
        const Participant* mentee = find_participant(d, pair.mentee_id);
        ImGui::TextColored(theme::accent(), "%s (mentee) with %s (mentor)", participant_label(d, pair.mentee_id).c_str(),
                           participant_label(d, pair.mentor_id).c_str());
        if (mentor && mentee)
            ImGui::TextDisabled("%s · %s   |   %s · %s", mentee->email.c_str(), mentee->time_zone.c_str(),
                                mentor->email.c_str(), mentor->time_zone.c_str());
        draw_pair_words(app, pair);

        Pair& draft = pair_draft(pair);
        int state = static_cast<int>(draft.state);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
        if (combo("Relationship", &state, kStateLabels, 3)) draft.state = static_cast<PairState>(state);
        if (draft.state == PairState::Completed) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
            if (begin_combo("Reason", draft.end_reason.empty() ? "choose…" : draft.end_reason.c_str())) {
                for (const char* reason : kEndReasons)
                    if (ImGui::Selectable(reason, draft.end_reason == reason)) draft.end_reason = reason;
                ImGui::EndCombo();
            }
        }
        multiline_field("Coordinator notes (confidential)", draft.notes, 2.5f);
        Pair after = draft;
        if (after.state != PairState::Completed) after.end_reason.clear();
        if (after != pair && edits_settled()) app.apply(app::update_pair(pair, after, "edit pair"));

        ImGui::SeparatorText("Sessions");
        std::vector<const Session*> sessions;
        for (const Session& s : d.sessions)
            if (s.pair_id == pair.id) sessions.push_back(&s);
        std::stable_sort(sessions.begin(), sessions.end(), [](const Session* a, const Session* b) { return a->start < b->start; });
        if (sessions.empty()) hint("No sessions yet. Generate the schedule on the Calendar tab, or add one here.");
        const std::string zone = draw_zone_choice(mentor, mentee);
        for (const Session* session : sessions) draw_session(app, pair, *session, zone);
        draw_add_session(app, pair, zone);

        ImGui::SeparatorText("Close-out rating");
        for (const std::string& author : {pair.mentee_id, pair.mentor_id}) draw_close_out(app, pair, author);
    }

    // What the match rests on, in the current wave's terms (an earlier wave was scored under
    // settings that may have changed since, so its pairs are not explained with today's).
    void draw_pair_words(app::App& app, const Pair& pair) {
        const Program* program = app.document().current_program();
        if (!program || pair.program_id != program->id) return;
        explanations_.explain_document(app.document(), app.revision(), app.platform().time_zones);
        const std::vector<matching::PairSentence>& words = explanations_.pair_words(pair.mentor_id, pair.mentee_id);
        if (words.empty()) return;
        if (ImGui::TreeNodeEx("The pair in words", ImGuiTreeNodeFlags_DefaultOpen)) {
            draw_pair_sentences("session-words", words);
            ImGui::TreePop();
        }
    }

    // "Times in: Jon Lee's zone (America/New_York) | Maria Costa's zone | UTC"; the zone chosen.
    std::string draw_zone_choice(const Participant* mentor, const Participant* mentee) {
        const std::string mentee_zone = mentee ? mentee->time_zone : "UTC";
        const std::string mentor_zone = mentor ? mentor->time_zone : "UTC";
        const std::string labels[] = {(mentee ? mentee->name : std::string("the mentee")) + "'s zone (" + mentee_zone + ")",
                                      (mentor ? mentor->name : std::string("the mentor")) + "'s zone (" + mentor_zone + ")",
                                      "UTC"};
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Times in");
        for (int i = 0; i < 3; ++i) {
            ImGui::SameLine();
            int choice = static_cast<int>(times_in_);
            if (ImGui::RadioButton((labels[i] + "###times-in-" + std::to_string(i)).c_str(), &choice, i))
                times_in_ = static_cast<TimesIn>(choice);
        }
        return times_in_ == TimesIn::Mentee ? mentee_zone : times_in_ == TimesIn::Mentor ? mentor_zone : "UTC";
    }

    Pair& pair_draft(const Pair& pair) {
        auto found = pair_drafts_.find(pair.id);
        if (found == pair_drafts_.end()) found = pair_drafts_.emplace(pair.id, pair).first;
        return found->second;
    }

    //-------------------------------------------------------------------------
    // [SECTION] One session
    //-------------------------------------------------------------------------
    void draw_session(app::App& app, const Pair& pair, const Session& session, const std::string& zone) {
        ImGui::PushID(session.id.c_str());
        const std::string header = local_time_label(app, session.start, zone) + " " + zone + "  ·  " +
                                   session_status_name(session.status) + "###" + session.id;
        if (ImGui::CollapsingHeader(header.c_str())) {
            ImGui::Indent();
            draw_status(app, session);
            ImGui::SameLine();
            ImGui::TextDisabled("%d min · UTC %s", session.minutes, format_utc_timestamp(session.start).c_str());

            Session& draft = session_draft(session);
            multiline_field("Agenda", draft.agenda, 2.0f);
            multiline_field("Notes (confidential to the pair)", draft.notes, 2.0f);
            ImGui::TextUnformatted("Follow-ups");
            int remove = -1;
            for (std::size_t i = 0; i < draft.follow_ups.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                ImGui::Checkbox("##done", &draft.follow_ups[i].done);
                ImGui::SameLine();
                ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
                ImGui::InputText("##text", &draft.follow_ups[i].text);
                ImGui::SameLine();
                if (ImGui::SmallButton("Remove")) remove = static_cast<int>(i);
                ImGui::PopID();
            }
            if (remove >= 0) draft.follow_ups.erase(draft.follow_ups.begin() + remove);
            if (ImGui::SmallButton("Add follow-up")) draft.follow_ups.push_back(FollowUp{"", false});
            if (app::session_notes_changed(session, draft) && edits_settled())
                app.apply(app::save_session_notes(session, draft));

            // The ratings are there from the start, greyed with the reason until the session is held.
            const bool held = session.status == SessionStatus::Held;
            ImGui::TextUnformatted("Feedback");
            if (!held) {
                ImGui::SameLine();
                readable_text("why-no-rating", theme::muted(), "(rated once the session is marked held)");
            }
            ImGui::BeginDisabled(!held);
            for (const std::string& author : {pair.mentee_id, pair.mentor_id})
                draw_feedback(app, pair, session.id, author, FeedbackKind::Session);
            ImGui::EndDisabled();
            ImGui::Unindent();
        }
        ImGui::PopID();
    }

    // Held and no-show are offered once the session has started; before, greyed with why.
    void draw_status(app::App& app, const Session& session) {
        const UtcSeconds now = app.platform().clock.now_utc();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        if (!begin_combo("Status", kStatusLabels[static_cast<int>(session.status)])) return;
        for (int i = 0; i < 5; ++i) {
            const auto status = static_cast<SessionStatus>(i);
            const std::optional<std::string> refusal = app::status_refusal(session, status, now);
            ImGui::BeginDisabled(refusal.has_value());
            if (ImGui::Selectable(kStatusLabels[i], status == session.status) && status != session.status)
                app.apply(app::mark_session(session, status));
            ImGui::EndDisabled();
            if (refusal) ImGui::SetItemTooltip("%s", refusal->c_str());
        }
        ImGui::EndCombo();
    }

    Session& session_draft(const Session& session) {
        auto found = drafts_.find(session.id);
        if (found == drafts_.end()) found = drafts_.emplace(session.id, session).first;
        return found->second;
    }

    // A day (typed or picked) and a local time in the zone the times are shown in.
    void draw_add_session(app::App& app, const Pair& pair, const std::string& zone) {
        const Date today = civil_from_days(floor_days(app.platform().clock.now_utc()));
        date_field("##New session day", new_session_day_, today);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
        ImGui::InputTextWithHint("##New session time", "HH:MM", &new_session_time_);
        ImGui::SameLine();
        ImGui::TextDisabled("%s", zone.c_str());
        ImGui::SameLine();
        // The zone's rules are looked up only once there is something to read.
        std::optional<UtcSeconds> start;
        if (!new_session_day_.empty() && !new_session_time_.empty()) {
            ZoneRules rules(app.platform().time_zones, zone);
            start = app::parse_local_minute(rules, new_session_day_ + " " + new_session_time_);
        }
        ImGui::BeginDisabled(!start);
        if (ImGui::Button("Add session")) {
            app.apply(app::add_session(app::hand_placed_session(app.document(), pair, *start)));
            new_session_day_.clear();
            new_session_time_.clear();
        }
        ImGui::EndDisabled();
        if ((!new_session_day_.empty() || !new_session_time_.empty()) && !start) {
            ImGui::SameLine();
            ImGui::TextColored(theme::error(), "a day and a time like 2027-01-12 and 14:00");
        }
    }

    //-------------------------------------------------------------------------
    // [SECTION] Feedback
    //-------------------------------------------------------------------------
    void draw_close_out(app::App& app, const Pair& pair, const std::string& author) {
        draw_feedback(app, pair, std::string(), author, FeedbackKind::CloseOut);
    }

    void draw_feedback(app::App& app, const Pair& pair, const std::string& session_id, const std::string& author,
                       FeedbackKind kind) {
        const Document& d = app.document();
        const Feedback* existing = nullptr;
        for (const Feedback& f : d.feedback)
            if (f.pair_id == pair.id && f.session_id == session_id && f.author_id == author && f.kind == kind) existing = &f;
        const std::string key = pair.id + "/" + session_id + "/" + author;
        auto found = feedback_drafts_.find(key);
        if (found == feedback_drafts_.end() || found->second.revision != seen_revision_) {
            FeedbackDraft draft;
            draft.revision = seen_revision_;
            if (existing) {
                draft.rating = existing->rating;
                draft.comment = existing->comment;
            }
            found = feedback_drafts_.insert_or_assign(key, draft).first;
        }
        FeedbackDraft& draft = found->second;
        ImGui::PushID(key.c_str());
        ImGui::TextUnformatted(participant_label(d, author).c_str());
        ImGui::SameLine(ImGui::GetFontSize() * 12);
        for (int star = 1; star <= 5; ++star) {
            ImGui::PushID(star);
            const bool lit = star <= draft.rating;
            if (lit) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.98f, 0.80f, 0.30f, 1.0f));
            if (ImGui::SmallButton(std::to_string(star).c_str())) draft.rating = star;
            if (lit) ImGui::PopStyleColor();
            ImGui::PopID();
            ImGui::SameLine();
        }
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##comment", "comment", &draft.comment);
        const bool changed = existing ? (draft.rating != existing->rating || draft.comment != existing->comment)
                                      : draft.rating > 0;
        if (changed && edits_settled()) {
            Feedback after;
            if (existing) after = *existing;
            else {
                after.id = unused_id(d.feedback, kFeedbackIds);
                after.pair_id = pair.id;
                after.session_id = session_id;
                after.author_id = author;
                after.kind = kind;
            }
            after.rating = draft.rating;
            after.comment = draft.comment;
            app.apply(existing ? app::update_feedback(*existing, after) : app::add_feedback(after));
        }
        ImGui::PopID();
    }

    struct FeedbackDraft {
        std::uint64_t revision = 0;
        int rating = 0;
        std::string comment;
    };

    std::string selected_pair_;
    app::MatchingExplanations explanations_;  // the selected pair's words, kept per revision
    std::string filter_;
    std::string new_session_day_, new_session_time_;
    TimesIn times_in_ = TimesIn::Mentee;
    std::uint64_t seen_revision_ = ~0ull;
    std::unordered_map<std::string, Session> drafts_;
    std::unordered_map<std::string, Pair> pair_drafts_;
    std::unordered_map<std::string, FeedbackDraft> feedback_drafts_;
};

}  // namespace

std::unique_ptr<Screen> make_sessions_screen() { return std::make_unique<SessionsScreen>(); }

}  // namespace flipside::ui
