#include "ui/calendar_session_panel.h"

#include <optional>
#include <string>

#include <imgui.h>

#include "app/edit.h"
#include "app/schedule_commands.h"
#include "app/session_records.h"
#include "core/scheduling/scheduler.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

// "Nearest free time" looks this many days either side of the session.
constexpr int kNearestFreeDays = 7;

// Applies `change` to a copy of the session (via the scheduler's session edits) and records it as one edit.
template <typename Change>
void change_session(app::App& app, const Session& before, const char* label, Change change) {
    Document scratch;
    scratch.sessions.push_back(before);
    if (change(scratch) != scheduling::SessionEditResult::Done) return;
    app.apply(app::update_session(before, scratch.sessions.front(), label));
}

}  // namespace

void CalendarSessionPanel::open(const Session& session, ZoneRules& zone) {
    session_id_ = session.id;
    move_text_ = app::format_local_minute(zone, session.start);
    forget_check();
}

std::optional<UtcSeconds> CalendarSessionPanel::move_target(ZoneRules& zone) const {
    return app::parse_local_minute(zone, move_text_);
}

void CalendarSessionPanel::set_move_target(ZoneRules& zone, UtcSeconds instant) {
    move_text_ = app::format_local_minute(zone, instant);
}

const Session* CalendarSessionPanel::open_session(const app::App& app) {
    const std::vector<Session>& sessions = app.document().sessions;
    if (found_revision_ != app.revision() || found_id_ != session_id_) {
        found_index_.reset();
        for (std::size_t i = 0; i < sessions.size(); ++i)  // the last of equal ids, as ever
            if (sessions[i].id == session_id_) found_index_ = i;
        found_revision_ = app.revision();
        found_id_ = session_id_;
    }
    if (!found_index_ || *found_index_ >= sessions.size() || sessions[*found_index_].id != session_id_) return nullptr;
    return &sessions[*found_index_];
}

void CalendarSessionPanel::draw(app::App& app, const app::CalendarView& view, ZoneRules& zone,
                                std::string& person_filter) {
    const Session* found = open_session(app);
    if (!found) {
        close();
        return;
    }
    const Document& d = app.document();
    const Session session = *found;  // the document changes below
    const Pair* pair = view.pair(session.pair_id);
    ImGui::Text("Session %s", session.id.c_str());
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - 20);
    if (ImGui::SmallButton("x")) {
        close();
        return;
    }
    ImGui::TextColored(pair_colour(session.pair_id, session.status), "pair %s", session.pair_id.c_str());
    ImGui::Text("%s, %d minutes%s", session_status_name(session.status), session.minutes,
                session.pinned ? ", pinned" : "");
    if (pair) {
        for (const std::string* id : {&pair->mentor_id, &pair->mentee_id}) {
            const Participant* p = find_participant(d, *id);
            if (!p) continue;
            ZoneRules their_zone(app.platform().time_zones, p->time_zone);
            ImGui::Bullet();
            ImGui::TextUnformatted(participant_label(d, p->id).c_str());
            // Their own calendar: only their sessions, in their time zone, ready to export.
            if (person_filter != p->id) {
                ImGui::SameLine();
                if (ImGui::SmallButton(("Only theirs##" + p->id).c_str())) person_filter = p->id;
                ImGui::SetItemTooltip("Show only %s's sessions, in their time zone; Export calendar then gives theirs.",
                                      participant_label(d, p->id).c_str());
            }
            ImGui::Indent();
            ImGui::TextDisabled("%s %s, %s", app::format_local_minute(their_zone, session.start).c_str(),
                                p->time_zone.c_str(), p->id == pair->mentor_id ? "mentor" : "mentee");
            ImGui::Unindent();
        }
    }
    if (!session.history.empty()) {
        ImGui::TextDisabled("moved or changed %zu time(s); was:", session.history.size());
        for (const SessionChange& change : session.history)
            ImGui::BulletText("%s (%s)", app::format_local_minute(zone, change.previous_start).c_str(),
                              session_status_name(change.previous_status));
    }
    ImGui::Separator();

    // Held and no-show say what happened: greyed, with why, until the session has started.
    const std::optional<std::string> not_yet =
        app::status_refusal(session, SessionStatus::Held, app.platform().clock.now_utc());
    ImGui::BeginDisabled(not_yet.has_value());
    if (ImGui::Button("Mark held"))
        change_session(app, session, "Mark session held",
                       [&](Document& s) { return scheduling::set_session_status(s, session.id, SessionStatus::Held); });
    ImGui::SameLine();
    if (ImGui::Button("No-show"))
        change_session(app, session, "Mark session no-show",
                       [&](Document& s) { return scheduling::set_session_status(s, session.id, SessionStatus::NoShow); });
    ImGui::EndDisabled();
    if (not_yet) ImGui::SetItemTooltip("%s", not_yet->c_str());
    ImGui::SameLine();
    if (session.status == SessionStatus::Cancelled ? ImGui::Button("Restore") : ImGui::Button("Cancel session"))
        change_session(app, session, session.status == SessionStatus::Cancelled ? "Restore session" : "Cancel session",
                       [&](Document& s) {
                           return scheduling::set_session_status(s, session.id, session.status == SessionStatus::Cancelled
                                                                        ? SessionStatus::Planned
                                                                        : SessionStatus::Cancelled);
                       });
    bool pinned = session.pinned;
    if (ImGui::Checkbox("Pinned (the scheduler never moves it)", &pinned))
        change_session(app, session, pinned ? "Pin session" : "Unpin session",
                       [&](Document& s) { return scheduling::set_session_pinned(s, session.id, pinned); });

    ImGui::Separator();
    ImGui::Text("Move to (%s):", zone.zone().c_str());
    ImGui::SetNextItemWidth(-1);
    if (text_field("##move", move_text_)) forget_check();
    const auto target = move_target(zone);
    if (ImGui::Button("Nearest free time")) {
        if (const auto free = scheduling::nearest_free_start(d, session.id, app.platform().time_zones, kNearestFreeDays)) {
            move_text_ = app::format_local_minute(zone, *free);
            forget_check();
        } else {
            check_ = app::MoveCheck{app::MoveCheck::Verdict::Refused,
                                    "Both people have no free time in common within a week either side.", {}};
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Check")) check_ = app::check_move(d, session.id, target, app.platform().time_zones);
    ImGui::SameLine();
    // Always offered: it checks first, moves at once when everyone is free, else says why not.
    if (ImGui::Button("Move\u2026")) {
        check_ = app::check_move(d, session.id, target, app.platform().time_zones);
        if (check_->verdict == app::MoveCheck::Verdict::Free) move_to(app, session, *target, zone);
    }
    if (!moved_text_.empty()) readable_text("moved", theme::success(), moved_text_);
    if (!check_) return;
    switch (check_->verdict) {
        case app::MoveCheck::Verdict::Refused: readable_text("refusal", theme::error(), check_->refusal); break;
        case app::MoveCheck::Verdict::Free: readable_text("free", theme::success(), "Everyone is free then."); break;
        case app::MoveCheck::Verdict::Busy:
            for (std::size_t i = 0; i < check_->conflicts.size(); ++i)
                readable_text(("conflict" + std::to_string(i)).c_str(), theme::error(), check_->conflicts[i]);
            if (target && ImGui::Button("Move anyway")) move_to(app, session, *target, zone);
            break;
    }
}

void CalendarSessionPanel::move_to(app::App& app, const Session& session, UtcSeconds target, ZoneRules& zone) {
    app::Edit edit = app::move_session_edit(app.document(), session.id, target);
    if (edit.empty()) return;
    app.apply(std::move(edit));
    forget_check();
    moved_text_ = "Moved to " + app::format_local_minute(zone, target) + " " + zone.zone() + ".";
}

}  // namespace flipside::ui
