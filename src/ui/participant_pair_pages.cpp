// The participant's pair: partner, sessions (add to calendar, mark held, agenda, a note for both,
// a private note), and feedback (rate a held session, close out the pairing).
#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/pair_words_view.h"
#include "ui/participant_screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui::participant {

namespace {

std::string text_of(const participants::FieldValue& value) { return value.empty() ? std::string() : value.front(); }

// The draft of a text kept under `key`, taken from the workspace the first time it is drawn.
std::string& draft_text(std::map<std::string, std::string>& drafts, const std::string& key, const std::string& initial) {
    const auto it = drafts.find(key);
    if (it != drafts.end()) return it->second;
    return drafts.emplace(key, initial).first->second;
}

// Applies a change from a page, remembering a refusal to show it.
void keep(app::ParticipantWorkspace& workspace, Drafts& drafts, const Result<void>& result) {
    drafts.revision = workspace.revision();
    drafts.problem = result ? std::string() : result.message();
}

const char* status_words(SessionStatus status) {
    switch (status) {
        case SessionStatus::Planned: return "planned";
        case SessionStatus::Held: return "took place";
        case SessionStatus::Cancelled: return "cancelled";
        case SessionStatus::NoShow: return "missed";
        case SessionStatus::Moved: return "moved";
    }
    return "";
}

void draw_session(app::ParticipantWorkspace& workspace, Drafts& drafts, const Session& session, UtcSeconds now,
                  bool open) {
    ImGui::PushID(session.id.c_str());
    const std::string title = when(workspace, session.start) + ", " + std::to_string(session.minutes) + " min — " +
                              status_words(session.status);
    if (ImGui::CollapsingHeader((title + "###" + session.id).c_str(), open ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
        const bool started = session.start <= now;
        if (session.status == SessionStatus::Planned || session.status == SessionStatus::Moved) {
            ImGui::BeginDisabled(!started);
            if (ImGui::Button("It took place")) keep(workspace, drafts, workspace.mark_session(session.id, true));
            ImGui::EndDisabled();
            if (!started) {
                ImGui::SameLine();
                hint("Once it has started, mark it here.");
            }
        } else if (session.status == SessionStatus::Held) {
            if (ImGui::Button("It did not take place after all"))
                keep(workspace, drafts, workspace.mark_session(session.id, false));
        }
        std::string& agenda = draft_text(drafts.agendas, session.id, session.agenda);
        if (multiline_field("Agenda (shared with your partner and coordinator)", agenda, 2))
            keep(workspace, drafts, workspace.set("session/" + session.id + "/agenda", {agenda}));
        const std::string note_field = "session/" + session.id + "/notes";
        std::string& note = draft_text(drafts.notes, session.id, text_of(workspace.value(note_field)));
        if (multiline_field("A note for both of you (sent with your reply)", note, 2))
            keep(workspace, drafts, workspace.set(note_field, {note}));
        std::string& mine = draft_text(drafts.private_notes, session.id, workspace.private_note(session.id));
        if (multiline_field("Private notes (only on this device, never sent)", mine, 2))
            workspace.set_private_note(session.id, mine);
    }
    ImGui::PopID();
}

// Stars 1–5 as large buttons; true when one was pressed.
bool stars(int& rating) {
    bool changed = false;
    for (int star = 1; star <= 5; ++star) {
        ImGui::PushID(star);
        const bool lit = star <= rating;
        if (lit) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.98f, 0.80f, 0.30f, 1.0f));
        if (big_button((std::to_string(star) + " ★").c_str())) {
            rating = star;
            changed = true;
        }
        if (lit) ImGui::PopStyleColor();
        ImGui::PopID();
        ImGui::SameLine();
    }
    ImGui::NewLine();
    return changed;
}

// A rating with a comment, kept under `field` ("feedback/<session>" or "close-out/<pair>").
void rating_editor(app::ParticipantWorkspace& workspace, Drafts& drafts, const std::string& field) {
    const participants::FieldValue current = workspace.value(field);
    int& rating = drafts.ratings.try_emplace(field, current.empty() ? 0 : std::max(0, current[0][0] - '0')).first->second;
    std::string& comment = draft_text(drafts.comments, field, current.size() > 1 ? current[1] : std::string());
    bool changed = stars(rating);
    ImGui::SetNextItemWidth(-1);
    changed |= ImGui::InputTextWithHint("##Comment", "A comment (optional; your coordinator reads it)", &comment);
    if (changed && rating > 0) {
        participants::FieldValue value{std::to_string(rating)};
        if (!comment.empty()) value.push_back(comment);
        keep(workspace, drafts, workspace.set(field, value));
    }
}

}  // namespace

void draw_sessions(app::ParticipantWorkspace& workspace, Drafts& drafts) {
    const Document& world = workspace.world();
    const auto& inv = workspace.invitation();
    const UtcSeconds now = workspace.platform().clock.now_utc();
    ImGui::TextColored(theme::accent(), inv.partners.size() > 1 ? "My partners and sessions" : "My partner and sessions");
    if (inv.partners.empty())
        hint("You have no partner yet. When your coordinator has paired you, they send you a new invitation.");
    for (const auto& partner : inv.partners) {
        ImGui::SeparatorText(partner.name.c_str());
        ImGui::TextWrapped("%s%s%s", partner.role == Role::Mentor ? "Your mentor" : "Your mentee",
                           partner.department.empty() ? "" : ", ", partner.department.c_str());
        if (!partner.email.empty()) readable_text(("Contact " + partner.id).c_str(), theme::muted(), partner.email);
        if (!partner.shared.empty()) {
            ImGui::TextColored(theme::accent(), "What you share");
            draw_sentences("shared-" + partner.id, partner.shared);
        }
    }
    ImGui::SeparatorText("Sessions");
    if (world.sessions.empty()) {
        hint("No sessions are planned yet.");
        return;
    }
    if (big_button("Add to my calendar")) workspace.export_calendar();
    ImGui::SameLine();
    hint("A calendar file with every session and a reminder 15 minutes before.");
    // Those waiting for the participant's word first, then what comes next, then the past.
    // Copies: a change made while drawing rebuilds the world, and pointers into it would dangle.
    const std::vector<Session> sessions = world.sessions;
    std::vector<const Session*> to_confirm, coming, earlier;
    for (const Session& s : sessions) {
        const bool open_status = s.status == SessionStatus::Planned || s.status == SessionStatus::Moved;
        if (s.start > now) coming.push_back(&s);
        else if (open_status) to_confirm.push_back(&s);
        else earlier.push_back(&s);
    }
    const auto by_start = [](const Session* a, const Session* b) { return a->start < b->start; };
    std::sort(to_confirm.begin(), to_confirm.end(), by_start);
    std::sort(coming.begin(), coming.end(), by_start);
    std::sort(earlier.begin(), earlier.end(), [](const Session* a, const Session* b) { return a->start > b->start; });
    if (!to_confirm.empty()) {
        ImGui::TextColored(theme::accent(), "Did these take place?");
        for (const Session* session : to_confirm) draw_session(workspace, drafts, *session, now, true);
    }
    if (!coming.empty()) {
        ImGui::TextColored(theme::accent(), "Coming up");
        for (std::size_t i = 0; i < coming.size(); ++i) draw_session(workspace, drafts, *coming[i], now, i < 2);
    }
    if (!earlier.empty()) {
        ImGui::TextColored(theme::accent(), "Earlier");
        for (const Session* session : earlier) draw_session(workspace, drafts, *session, now, false);
    }
    if (!drafts.problem.empty()) readable_text("SessionProblem", theme::error(), drafts.problem);
}

void draw_feedback(app::ParticipantWorkspace& workspace, Drafts& drafts) {
    const Document& world = workspace.world();
    const auto& inv = workspace.invitation();
    ImGui::TextColored(theme::accent(), "Feedback");
    ImGui::TextWrapped("How did your sessions go? Your ratings help your coordinator see which pairs need a hand. "
                       "They are sent with your reply and shown to nobody else.");
    // The most recent first: the one fresh in mind.
    // Copies: a rating made while drawing rebuilds the world, and pointers into it would dangle.
    const std::vector<Session> sessions = world.sessions;
    std::vector<const Session*> held;
    for (const Session& session : sessions)
        if (session.status == SessionStatus::Held) held.push_back(&session);
    std::sort(held.begin(), held.end(), [](const Session* a, const Session* b) { return a->start > b->start; });
    const bool any = !held.empty();
    for (const Session* session : held) {
        ImGui::PushID(session->id.c_str());
        ImGui::SeparatorText(("Session of " + when(workspace, session->start)).c_str());
        rating_editor(workspace, drafts, "feedback/" + session->id);
        ImGui::PopID();
    }
    if (!any) hint("Once a session took place (mark it in My partner and sessions), rate it here.");
    for (const auto& partner : inv.partners) {
        ImGui::PushID(partner.pair_id.c_str());
        ImGui::SeparatorText(("Closing out: your pairing with " + partner.name).c_str());
        hint("At the end of the program: how did the pairing go overall?");
        rating_editor(workspace, drafts, "close-out/" + partner.pair_id);
        ImGui::PopID();
    }
    if (!drafts.problem.empty()) readable_text("FeedbackProblem", theme::error(), drafts.problem);
}

}  // namespace flipside::ui::participant
