// The pages of the participant's app, drawn by ui/participant_shell.cpp: what they share (the
// drafts of what is being typed, the reply just made) and one draw function per page.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "app/participant_workspace.h"
#include "core/model.h"

namespace flipside::ui::participant {

enum class Page { Welcome, Profile, Availability, Preferences, Sessions, Feedback, Send };

struct Drafts {
    std::uint64_t revision = 0;  // the workspace's revision the drafts were taken from
    Participant profile;         // as being edited (a time zone may be half typed)
    std::string profile_problem;
    std::map<std::string, std::string> agendas, notes, private_notes, comments;  // by session or pair id
    std::map<std::string, int> ratings;
    std::string problem;  // the last refusal on the page, in words
    std::optional<app::MadeReply> reply;  // the reply just made, until the next change
    std::string link;     // the link typed on the opening page
};

// Takes the drafts from the workspace again when it changed from outside (a newer invitation).
void refresh_drafts(const app::ParticipantWorkspace& workspace, Drafts& drafts);

void draw_welcome(app::ParticipantWorkspace& workspace, Drafts& drafts, Page& page);
void draw_profile(app::ParticipantWorkspace& workspace, Drafts& drafts);
void draw_availability(app::ParticipantWorkspace& workspace, Drafts& drafts);
void draw_preferences(app::ParticipantWorkspace& workspace, Drafts& drafts);
void draw_sessions(app::ParticipantWorkspace& workspace, Drafts& drafts);
void draw_feedback(app::ParticipantWorkspace& workspace, Drafts& drafts);
void draw_send(app::ParticipantWorkspace& workspace, Drafts& drafts);
// Before any invitation: paste the link or drop the file.
void draw_open_invitation(app::ParticipantWorkspace& workspace, Drafts& drafts);

// Shared pieces.
bool big_button(const char* label, float width = 0.0f);
// "Tue 2027-01-12 09:00 (Europe/London)" in the participant's zone.
std::string when(const app::ParticipantWorkspace& workspace, UtcSeconds instant);

}  // namespace flipside::ui::participant
