// The Sessions screen: follow each pair. Left, the pairs of a wave; right, the selected pair's
// relationship state, confidential notes, sessions (status, agenda, follow-ups, notes) and the
// feedback of each side. Text is edited on drafts and saved as one undoable step.
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
#include "core/ids.h"
#include "core/text.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

const char* const kStatusLabels[] = {"planned", "held", "cancelled", "no-show", "moved"};
const char* const kStateLabels[] = {"active", "on hiatus", "completed"};
const char* const kEndReasons[] = {"purpose met", "moved on", "schedule did not work", "left the company", "other"};

// "Tue 2027-01-12 14:00 (Europe/London)" in the person's own time zone.
std::string local_time_label(const app::App& app, UtcSeconds start, const std::string& zone) {
    static const char* const kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    const LocalWallClock local = local_wall_clock(app.platform().time_zones, start, zone);
    return std::string(kDays[weekday_of(local.date)]) + " " + format_iso_date(local.date) + " " +
           format_clock_minutes(local.minute_of_day) + " (" + zone + ")";
}

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
        const bool changed = draft != pair;
        ImGui::BeginDisabled(!changed);
        if (ImGui::Button("Save pair")) {
            Pair after = draft;
            if (after.state != PairState::Completed) after.end_reason.clear();
            app.apply(app::update_pair(pair, after, "edit pair"));
        }
        ImGui::EndDisabled();

        ImGui::SeparatorText("Sessions");
        std::vector<const Session*> sessions;
        for (const Session& s : d.sessions)
            if (s.pair_id == pair.id) sessions.push_back(&s);
        std::stable_sort(sessions.begin(), sessions.end(), [](const Session* a, const Session* b) { return a->start < b->start; });
        if (sessions.empty()) hint("No sessions yet. Generate the schedule on the Calendar tab, or add one here.");
        const std::string zone = mentee ? mentee->time_zone : "UTC";
        for (const Session* session : sessions) draw_session(app, pair, *session, zone);
        draw_add_session(app, pair);

        ImGui::SeparatorText("Close-out rating");
        for (const std::string& author : {pair.mentee_id, pair.mentor_id}) draw_close_out(app, pair, author);
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
        const std::string header = local_time_label(app, session.start, zone) + "  ·  " + session_status_name(session.status) +
                                   "###" + session.id;
        if (ImGui::CollapsingHeader(header.c_str())) {
            ImGui::Indent();
            int status = static_cast<int>(session.status);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
            if (combo("Status", &status, kStatusLabels, 5) && status != static_cast<int>(session.status)) {
                Session after = session;
                after.history.push_back(SessionChange{session.start, session.status});
                after.status = static_cast<SessionStatus>(status);
                app.apply(app::update_session(session, after, std::string("mark session ") + kStatusLabels[status]));
            }
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
            const bool changed = draft.agenda != session.agenda || draft.notes != session.notes ||
                                 draft.follow_ups != session.follow_ups;
            ImGui::BeginDisabled(!changed);
            if (ImGui::Button("Save session")) {
                Session after = session;
                after.agenda = draft.agenda;
                after.notes = draft.notes;
                after.follow_ups.clear();
                for (const FollowUp& f : draft.follow_ups)
                    if (!f.text.empty()) after.follow_ups.push_back(f);
                app.apply(app::update_session(session, after, "edit session notes"));
            }
            ImGui::EndDisabled();

            if (session.status == SessionStatus::Held) {
                ImGui::TextUnformatted("Feedback");
                for (const std::string& author : {pair.mentee_id, pair.mentor_id})
                    draw_feedback(app, pair, session.id, author, FeedbackKind::Session);
            }
            ImGui::Unindent();
        }
        ImGui::PopID();
    }

    Session& session_draft(const Session& session) {
        auto found = drafts_.find(session.id);
        if (found == drafts_.end()) found = drafts_.emplace(session.id, session).first;
        return found->second;
    }

    void draw_add_session(app::App& app, const Pair& pair) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
        ImGui::InputTextWithHint("##New session", "YYYY-MM-DDTHH:MM:SSZ", &new_session_text_);
        ImGui::SameLine();
        const auto start = parse_utc_timestamp(new_session_text_);
        ImGui::BeginDisabled(!start);
        if (ImGui::Button("Add session")) {
            Session session;
            session.id = unused_id(app.document().sessions, kSessionIds);
            session.pair_id = pair.id;
            session.start = *start;
            for (const Program& program : app.document().programs)
                if (program.id == pair.program_id) session.minutes = program.session_minutes;
            session.pinned = true;  // placed by hand: the scheduler leaves it where it is
            app.apply(app::add_session(session));
            new_session_text_.clear();
        }
        ImGui::EndDisabled();
        if (!new_session_text_.empty() && !start) {
            ImGui::SameLine();
            ImGui::TextColored(theme::error(), "a UTC time like 2027-01-12T14:00:00Z");
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
        ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6);
        ImGui::InputTextWithHint("##comment", "comment", &draft.comment);
        ImGui::SameLine();
        const bool changed = existing ? (draft.rating != existing->rating || draft.comment != existing->comment)
                                      : draft.rating > 0;
        ImGui::BeginDisabled(!changed);
        if (ImGui::SmallButton("Save rating")) {
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
        ImGui::EndDisabled();
        ImGui::PopID();
    }

    struct FeedbackDraft {
        std::uint64_t revision = 0;
        int rating = 0;
        std::string comment;
    };

    std::string selected_pair_;
    std::string filter_;
    std::string new_session_text_;
    std::uint64_t seen_revision_ = ~0ull;
    std::unordered_map<std::string, Session> drafts_;
    std::unordered_map<std::string, Pair> pair_drafts_;
    std::unordered_map<std::string, FeedbackDraft> feedback_drafts_;
};

}  // namespace

std::unique_ptr<Screen> make_sessions_screen() { return std::make_unique<SessionsScreen>(); }

}  // namespace flipside::ui
