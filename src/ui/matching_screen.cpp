// The Matching screen: the coordinator steers the pairing engine and accepts its proposal.
// Settings sit on the left, the run and its proposal on the right (stacked when narrow), so a
// proposal shows where the coordinator is looking. Nothing changes until Accept, which says
// beforehand what it keeps, adds and removes, and asks first when it would remove pairs (with
// their sessions and feedback); "Keep the current pairs" locks them so a run only pairs the rest.
//
// Index
// [SECTION] Layout (summary of the wave, settings pane, proposal pane)
// [SECTION] Settings (weights as sliders, rules as toggles, mode) - saved with the program;
//           while a slider is dragged, a preview of what it would change (app/matching_preview.h)
// [SECTION] Running (sliced over frames with a progress bar, so the tab never freezes)
// [SECTION] Proposal (sortable table, breakdown on hover, a row opens to the pair in words,
//           lock / forbid and re-run, accept)
// [SECTION] Unmatched people with their reasons and nearest fixes, and the wave's current pairs
// [SECTION] Explanations (why not these two, candidates side by side): ui/why_not_panel.h,
//           ui/candidates_panel.h over app/matching_explanations.h, solved in slices per frame
#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <utility>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include <imgui_internal.h>

#include "app/app.h"
#include "app/matching_explanations.h"
#include "app/matching_preview.h"
#include "app/profile_gap_cause.h"
#include "core/matching/accept.h"
#include "core/matching/explanations.h"
#include "core/matching/run.h"
#include "core/matching/why_not.h"
#include "core/program_statistics.h"
#include "ui/candidates_panel.h"
#include "ui/criterion_labels.h"
#include "ui/gap_cause_line.h"
#include "ui/pair_table.h"
#include "ui/pair_words_view.h"
#include "ui/person_picker.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/why_not_panel.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

// Work per frame: about 2 million candidate looks, a few tens of milliseconds in the browser.
constexpr std::int64_t kWorkPerFrame = 2'000'000;

// Below this width the settings and the proposal are stacked instead of side by side.
constexpr float kSideBySideWidth = 980.0f;
constexpr float kSettingsWidth = 450.0f;

// "Lock##P0021:P0006": one id per pair (stable when the table is re-sorted), which browser
// tests read to know which rows the proposal holds.
std::string row_label(const char* action, const std::string& mentor_id, const std::string& mentee_id) {
    return std::string(action) + "##" + mentor_id + ":" + mentee_id;
}

// The current program's pairs as mentor/mentee keys.
std::set<matching::PairKey> wave_pairs(const Document& d, const std::string& program_id) {
    std::set<matching::PairKey> keys;
    for (const Pair& pair : d.pairs)
        if (pair.program_id == program_id) keys.insert(matching::PairKey{pair.mentor_id, pair.mentee_id});
    return keys;
}

// "3 current pairs<joint>36 sessions and 4 feedback entries".
std::string removed_text(const matching::AcceptEffect& e, const char* joint) {
    return std::to_string(e.removed) + " current pair" + (e.removed == 1 ? "" : "s") + joint +
           std::to_string(e.removed_sessions) + " session" + (e.removed_sessions == 1 ? "" : "s") + " and " +
           std::to_string(e.removed_feedback) + " feedback entr" + (e.removed_feedback == 1 ? "y" : "ies");
}

class MatchingScreen final : public Screen {
public:
    const char* title() const override { return "Matching"; }

    void draw(app::App& app) override {
        const Document& d = app.document();
        const Program* program = d.current_program();
        if (!program) {
            hint("Create a program first (Program tab).");
            return;
        }
        advance_run(app);
        if (ImGui::GetContentRegionAvail().x >= kSideBySideWidth) {
            ImGui::BeginChild("Settings", ImVec2(kSettingsWidth, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
            draw_summary(app, *program);
            ImGui::SeparatorText("Weights and rules");
            draw_settings(app, *program);
            ImGui::EndChild();
            ImGui::SameLine(0, 16.0f);
            ImGui::BeginChild("ProposalPane", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
            draw_proposal_pane(app);
            ImGui::EndChild();
        } else {
            draw_summary(app, *program);
            if (ImGui::CollapsingHeader("Weights and rules", ImGuiTreeNodeFlags_DefaultOpen)) draw_settings(app, *program);
            ImGui::Separator();
            draw_proposal_pane(app);
        }
    }

private:
    //-----------------------------------------------------------------------------
    // [SECTION] Layout
    //-----------------------------------------------------------------------------

    // Who takes part and how far pairing has got: "14 pairs; 12 active people have no partner".
    // The dashboard's definitions (waiting: active and in none of the wave's pairs).
    void draw_summary(const app::App& app, const Program& program) {
        const WaveSummary& w = wave_summary(app, program);
        ImGui::TextWrapped("%s: %d active mentors, %d active mentees", program.name.c_str(), w.mentors, w.mentees);
        ImGui::TextWrapped("%d pair%s in this wave; %d active %s no partner yet.", w.pairs, w.pairs == 1 ? "" : "s",
                           w.waiting, w.waiting == 1 ? "person has" : "people have");
    }

    // Counted once per document revision, not every frame (rosters run to tens of thousands).
    struct WaveSummary {
        int mentors = 0, mentees = 0, pairs = 0, waiting = 0;
        std::vector<matching::PairKey> unlocked_current;  // the wave's pairs that runs may still split
    };
    const WaveSummary& wave_summary(const app::App& app, const Program& program) {
        if (summary_revision_ == app.revision() && summary_program_ == program.id) return summary_;
        StatisticsOptions options;
        options.program_id = program.id;
        options.now = app.platform().clock.now_utc();
        const ProgramStatistics statistics = compute_program_statistics(app.document(), options);
        summary_ = WaveSummary{statistics.active_mentors, statistics.active_mentees, statistics.pairs, statistics.waiting, {}};
        const std::set<matching::PairKey> locked(program.matching.locked_pairs.begin(), program.matching.locked_pairs.end());
        for (const matching::PairKey& key : wave_pairs(app.document(), program.id))
            if (!locked.count(key)) summary_.unlocked_current.push_back(key);
        summary_revision_ = app.revision();
        summary_program_ = program.id;
        return summary_;
    }

    // The program is looked up again after each step: an edit above may have replaced the document.
    void draw_proposal_pane(app::App& app) {
        // One line for the cause most people share, before anyone's own reason.
        if (cause_revision_ != app.revision()) {
            cause_ = app::matching_gap_cause(app.document());
            cause_revision_ = app.revision();
        }
        if (cause_) gap_cause_line(app, "matching", *cause_);
        if (const Program* program = app.document().current_program()) draw_run_controls(app, *program);
        if (proposal_)
            if (const Program* program = app.document().current_program()) {
                draw_proposal(app, *program);
                draw_unmatched();
                draw_explanations(app);
            }
        if (const Program* program = app.document().current_program())
            if (ImGui::CollapsingHeader("Current pairs of this wave"))
                draw_pair_table("CurrentPairs", app.document(), program->id);
    }

private:
    //-----------------------------------------------------------------------------
    // [SECTION] Settings
    //-----------------------------------------------------------------------------

    // Edits land in the program as one undoable change when a widget is released, not per frame.
    void commit_settings(app::App& app, const Program& program, const matching::MatchingSettings& settings, bool rerun) {
        if (settings == program.matching) return;
        Program after = program;
        after.matching = settings;
        app.apply(app::update_program(program, after));
        if (rerun && proposal_) start_run(app);
    }

    void draw_settings(app::App& app, const Program& program) {
        if (!editing_) draft_ = program.matching;
        bool released = false;
        ImGui::PushItemWidth(220.0f);
        for (std::size_t c = 0; c < matching::kCriterionCount; ++c) {
            const auto criterion = static_cast<matching::Criterion>(c);
            int weight = draft_.weights.of(criterion);
            if (ImGui::SliderInt(criterion_label(criterion), &weight, 0, matching::kMaxWeight)) draft_.weights.set(criterion, weight);
            track_edit(released);
        }
        ImGui::PopItemWidth();
        help_marker("A criterion fully met earns its weight in points; the score of a pair is the sum.");
        draw_preview(app);

        matching::MatchingRules& rules = draft_.rules;
        if (ImGui::Checkbox("A common language is required", &rules.require_common_language)) released = true;
        if (ImGui::Checkbox("Never pair within one department", &rules.forbid_same_department)) released = true;
        if (ImGui::Checkbox("The mentor must be junior", &rules.require_junior_mentor)) released = true;
        ImGui::SameLine();
        ImGui::SetNextItemWidth(160.0f);
        const char* bases[] = {"by level", "by tenure", "by level or tenure", "by level and tenure"};
        int basis = static_cast<int>(rules.seniority_basis);
        if (combo("##basis", &basis, bases, 4)) {
            rules.seniority_basis = static_cast<matching::SeniorityBasis>(basis);
            released = true;
        }
        if (ImGui::Checkbox("Never pair earlier partners again", &rules.forbid_previous_partners)) released = true;
        if (ImGui::Checkbox("Rare skills count more", &rules.rare_skills_count_more)) released = true;
        ImGui::SetNextItemWidth(220.0f);
        int minimum_hours = rules.minimum_overlap_minutes / 60;
        if (ImGui::SliderInt("Minimum shared hours a week", &minimum_hours, 0, 20)) rules.minimum_overlap_minutes = minimum_hours * 60;
        track_edit(released);
        reporting_line_note();

        int mode = static_cast<int>(draft_.mode);
        const auto radio_width = [](const char* label) {
            return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
        };
        if (ImGui::RadioButton("Best total", &mode, 0)) released = true;
        same_line_if_room(radio_width("Fairest lowest pair"));
        if (ImGui::RadioButton("Fairest lowest pair", &mode, 1)) released = true;
        same_line_if_room(radio_width("Stable (participants' rankings)"));
        if (ImGui::RadioButton("Stable (participants' rankings)", &mode, 2)) released = true;
        draft_.mode = static_cast<matching::MatchingMode>(mode);
        ImGui::SetNextItemWidth(120.0f);
        if (ImGui::InputInt("Candidates per mentee (0 = all)", &draft_.candidates_per_mentee, 5, 50))
            draft_.candidates_per_mentee = std::clamp(draft_.candidates_per_mentee, 0, 1000000);
        track_edit(released);
        help_marker("For very large programs: keep only each mentee's best candidates, so the run fits in memory.");

        // The coordinator's own decisions, made in the proposal table, and a way to take them back.
        const std::size_t locks = program.matching.locked_pairs.size(), forbids = program.matching.forbidden_pairs.size();
        if (locks + forbids > 0) {
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%zu locked pair%s, %zu forbidden pair%s", locks, locks == 1 ? "" : "s", forbids, forbids == 1 ? "" : "s");
            ImGui::SameLine();
            if (ImGui::SmallButton("Clear locks and forbids")) {
                matching::MatchingSettings cleared = program.matching;
                cleared.locked_pairs.clear();
                cleared.forbidden_pairs.clear();
                commit_settings(app, program, cleared, true);
                return;
            }
            // Each one by name, removable on its own (a forbidden pair no longer shows anywhere else).
            std::optional<matching::MatchingSettings> removed;
            const auto list = [&](const std::vector<matching::PairKey>& keys, const char* what, const char* button,
                                  bool locked) {
                for (const matching::PairKey& key : keys) {
                    ImGui::PushID(what);
                    ImGui::AlignTextToFramePadding();
                    ImGui::BulletText("%s & %s: %s", participant_label(app.document(), key.mentor_id).c_str(),
                                      participant_label(app.document(), key.mentee_id).c_str(), what);
                    ImGui::SameLine();
                    if (ImGui::SmallButton(row_label(button, "rule-" + key.mentor_id, key.mentee_id).c_str())) {
                        removed = program.matching;
                        auto& from = locked ? removed->locked_pairs : removed->forbidden_pairs;
                        from.erase(std::remove(from.begin(), from.end(), key), from.end());
                    }
                    ImGui::PopID();
                }
            };
            list(program.matching.locked_pairs, "locked", "Remove lock", true);
            list(program.matching.forbidden_pairs, "forbidden", "Allow again", false);
            if (removed) {
                commit_settings(app, program, *removed, true);
                return;
            }
        }

        if (released) {
            editing_ = false;
            commit_settings(app, program, draft_, true);
        }
    }

    // While a weight is dragged, what letting go would do to the proposal shown: solved in
    // slices (advance_run), started over each time the draft moves on.
    void draw_preview(app::App& app) {
        if (!editing_ || !proposal_ || run_ || draft_ == app.document().current_program()->matching) {
            preview_.clear();
            return;
        }
        preview_.want(app.document(), draft_, *proposal_, app.platform().time_zones);
        if (const auto& outcome = preview_.outcome()) {
            const std::string changed = outcome->pairs_changed == 0 ? std::string("no proposed pair would change")
                                        : std::to_string(outcome->pairs_changed) +
                                              (outcome->pairs_changed == 1 ? " proposed pair would change" : " proposed pairs would change");
            readable_text("preview", theme::accent(),
                          "With these weights " + changed + "; the total would be " + matching::format_score(outcome->total_score) +
                              " instead of " + matching::format_score(proposal_->total_score) + ".");
        } else {
            ImGui::ProgressBar(static_cast<float>(preview_.progress()), ImVec2(220.0f, 0.0f), "Previewing the change");
        }
    }

    // Remembers that a slider is being dragged, and reports when it is let go after a change.
    void track_edit(bool& released) {
        if (ImGui::IsItemActive()) editing_ = true;
        if (ImGui::IsItemDeactivatedAfterEdit()) released = true;
        else if (ImGui::IsItemDeactivated()) editing_ = false;
    }

    static void reporting_line_note() {
        hint("Always: nobody is paired inside their own reporting line, nor with inactive people, nor above capacity.");
    }

    //-----------------------------------------------------------------------------
    // [SECTION] Running
    //-----------------------------------------------------------------------------

    void start_run(app::App& app) {
        const Document& d = app.document();
        run_revision_ = app.revision();
        run_ = std::make_unique<matching::MatchingRun>(d, d.current_program()->matching, app.platform().time_zones,
                                             matching::default_reference_instant(d));
        run_document_ = d;
    }

    // One budget per frame: the run first, else the explanations' re-solves.
    void advance_run(app::App& app) {
        if (!run_) {
            if (!preview_.step(kWorkPerFrame)) explanations_.step(kWorkPerFrame);
            return;
        }
        if (run_->step(kWorkPerFrame)) {
            proposal_ = std::make_unique<matching::MatchingProposal>(run_->proposal());
            proposal_document_ = run_document_;
            if (const Program* program = proposal_document_.current_program()) {
                current_pairs_ = wave_pairs(proposal_document_, program->id);
                effect_ = matching::accept_effect(proposal_document_, *proposal_);
            }
            rows_.clear();
            for (std::size_t k = 0; k < proposal_->pairs.size(); ++k) rows_.push_back(k);
            sort_dirty_ = true;
            run_.reset();
            explanations_.explain_proposal(proposal_document_, run_revision_, *proposal_, app.platform().time_zones);
            list_people();
            find_expanded_row();
        }
    }

    void draw_run_controls(app::App& app, const Program& program) {
        const Document& d = app.document();
        if (run_) {
            ImGui::ProgressBar(static_cast<float>(run_->progress()), ImVec2(260.0f, 0.0f), matching::matching_phase_label(run_->phase()));
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) run_.reset();
            return;
        }
        if (ImGui::Button("Run")) start_run(app);
        ImGui::SetItemTooltip("Proposes pairs for this wave's active people. Nothing changes until you press Accept.");

        // Locking every current pair makes a run add partners for the others without splitting anyone.
        const std::vector<matching::PairKey>& unlocked_current = wave_summary(app, program).unlocked_current;
        const std::size_t unlocked = unlocked_current.size();
        if (unlocked > 0) {
            ImGui::SameLine();
            if (ImGui::Button("Keep the current pairs")) {
                matching::MatchingSettings settings = program.matching;
                settings.locked_pairs.insert(settings.locked_pairs.end(), unlocked_current.begin(), unlocked_current.end());
                commit_settings(app, program, settings, true);
            }
            ImGui::SetItemTooltip("Locks the wave's %zu current pair%s, so a run only finds partners for everyone else.",
                                  unlocked, unlocked == 1 ? "" : "s");
        }
        if (!proposal_) {
            hint("Run proposes pairs for everyone active in this wave; it may split current pairs unless they are "
                 "locked. Nothing changes until you press Accept.");
            return;
        }

        if (accepted_revision_ == app.revision()) {
            readable_text("accepted", theme::success(),
                          "Accepted: these are now the wave's pairs. Edit > Undo (Ctrl+Z) takes it back.");
            return;
        }
        if (!(proposal_document_ == d)) {
            readable_text("stale", theme::muted(), "The data changed since this proposal: run again before accepting.");
            return;
        }
        const matching::AcceptEffect& e = effect_;
        std::string what = "Accept makes these the wave's pairs: " + std::to_string(e.kept) + " kept, " +
                           std::to_string(e.added) + " new";
        if (e.removed > 0) what += ", and " + removed_text(e, " removed with ");
        what += ".";
        if (ImGui::Button("Accept")) {
            if (e.removed > 0) ImGui::OpenPopup("Replace the wave's pairs?");
            else accept(app);
        }
        ImGui::SameLine();
        readable_text("effect", e.removed > 0 ? theme::error() : theme::muted(), what);

        ImGui::SetNextWindowSize(ImVec2(460.0f, 0.0f), ImGuiCond_Appearing);
        if (ImGui::BeginPopupModal("Replace the wave's pairs?", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
            readable_text("confirm", ImGui::GetStyleColorVec4(ImGuiCol_Text),
                          "Accepting removes " + removed_text(e, " of this wave, with their ") +
                              ". Edit > Undo brings them back. To keep them instead, use \"Keep the current pairs\" and run again.");
            if (ImGui::Button("Accept and remove")) {
                accept(app);
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Go back")) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
    }

    void accept(app::App& app) {
        app.apply(app::replace_document(app.document(), matching::accept_proposal(app.document(), *proposal_),
                                        "accept the proposed pairs"));
        accepted_revision_ = app.revision();
        // What was proposed is now the wave's pairs: rows say "current", not "new".
        if (const Program* program = app.document().current_program()) current_pairs_ = wave_pairs(app.document(), program->id);
    }

    //-----------------------------------------------------------------------------
    // [SECTION] Proposal
    //-----------------------------------------------------------------------------

    enum Column { kMentor, kMentee, kScore, kStatus, kActions };

    // "new", "current" (already a pair of this wave) or "locked" (kept by the coordinator).
    int row_status(const matching::ProposedPair& pair) const {
        if (pair.locked) return 2;
        return current_pairs_.count(matching::PairKey{pair.mentor_id, pair.mentee_id}) ? 1 : 0;
    }

    void sort_rows() {
        const auto& pairs = proposal_->pairs;
        const Document& d = proposal_document_;
        std::stable_sort(rows_.begin(), rows_.end(), [&](std::size_t a, std::size_t b) {
            const matching::ProposedPair& x = pairs[a];
            const matching::ProposedPair& y = pairs[b];
            bool less = false, greater = false;
            switch (sort_column_) {
                case kMentor: {
                    const std::string p = participant_label(d, x.mentor_id), q = participant_label(d, y.mentor_id);
                    less = p < q, greater = q < p;
                    break;
                }
                case kMentee: {
                    const std::string p = participant_label(d, x.mentee_id), q = participant_label(d, y.mentee_id);
                    less = p < q, greater = q < p;
                    break;
                }
                case kStatus: {
                    const int p = row_status(x), q = row_status(y);
                    less = p < q, greater = q < p;
                    break;
                }
                default: less = x.score < y.score, greater = y.score < x.score; break;
            }
            return sort_descending_ ? greater : less;
        });
    }

    void draw_proposal(app::App& app, const Program& program) {
        const matching::MatchingProposal& p = *proposal_;
        ImGui::Separator();
        const bool accepted = accepted_revision_ == app.revision();
        const std::string added = accepted ? "accepted" : std::to_string(effect_.added) + " new";
        ImGui::Text("Proposal: %zu pairs (%s), total score %s, lowest pair %s", p.pairs.size(), added.c_str(),
                    matching::format_score(p.total_score).c_str(), matching::format_score(p.lowest_score).c_str());
        if (p.mode == matching::MatchingMode::Stable) {
            ImGui::SameLine();
            ImGui::Text("- %zu blocking pairs", p.blocking_pairs);
        }
        if (p.dense_total_score) {
            ImGui::Text("Best %d candidates per mentee: %zu matched vs %zu and total %s vs %s with every candidate.",
                        p.candidates_per_mentee, p.pairs.size(), *p.dense_matched, matching::format_score(p.total_score).c_str(),
                        matching::format_score(*p.dense_total_score).c_str());
        }
        for (const std::string& warning : p.warnings) ImGui::TextColored(ImVec4(0.85f, 0.55f, 0.1f, 1.0f), "%s", warning.c_str());

        const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                      ImGuiTableFlags_BordersV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                      ImGuiTableFlags_SizingStretchProp;
        // Tall enough for every row (rows hold text and small buttons, one text line high), but
        // leaving room below for the two headers when the pane is short; never under 8 rows.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float row_height = ImGui::GetFontSize() + style.CellPadding.y * 2.0f;
        // (The sentences of an opened row as many slots as last frame measured them.)
        const float wanted = (1.0f + static_cast<float>(rows_.size() + static_cast<std::size_t>(words_slots_))) * row_height + 4.0f;
        const float room = ImGui::GetContentRegionAvail().y - 2.0f * (ImGui::GetFrameHeight() + style.ItemSpacing.y) - style.ItemSpacing.y;
        const float height = std::min(wanted, std::max(room, 9.0f * row_height));
        if (!ImGui::BeginTable("Proposal", 5, flags, ImVec2(0.0f, height))) return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Mentor", 0, 3.0f, kMentor);
        ImGui::TableSetupColumn("Mentee", 0, 3.0f, kMentee);
        // Names share what is left after the fixed columns, so the buttons never run off the edge.
        const float inner = style.ItemInnerSpacing.x;
        ImGui::TableSetupColumn("Score",
                                ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                                    ImGuiTableColumnFlags_PreferSortDescending,
                                ImGui::CalcTextSize("Score").x + ImGui::GetFontSize() + inner, kScore);
        ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize("current").x + ImGui::GetFontSize() + inner, kStatus);
        ImGui::TableSetupColumn("Next runs", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort,
                                ImGui::CalcTextSize("Unlock").x + ImGui::CalcTextSize("Forbid").x +
                                    4.0f * style.FramePadding.x + style.ItemSpacing.x + inner,
                                kActions);
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
            if ((specs->SpecsDirty || sort_dirty_) && specs->SpecsCount > 0) {
                sort_column_ = static_cast<int>(specs->Specs[0].ColumnUserID);
                sort_descending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
                sort_rows();
                find_expanded_row();
                specs->SpecsDirty = false;
                sort_dirty_ = false;
            }
        }
        std::optional<matching::PairKey> lock, forbid;
        // An opened row is followed by its sentences, laid over as many row slots as they need,
        // so the clipper keeps every row at a place it can compute.
        const std::vector<matching::PairSentence>* words = nullptr;
        int words_slots = 0;
        if (expanded_row_) {
            const matching::ProposedPair& open = p.pairs[rows_[*expanded_row_]];
            words = &explanations_.pair_words(open.mentor_id, open.mentee_id);
            words_slots = words_slot_count(*words, row_height);
        }
        words_slots_ = words_slots;
        const int opened = expanded_row_ ? static_cast<int>(*expanded_row_) : -1;
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows_.size()) + words_slots, row_height);
        if (opened >= 0) clipper.IncludeItemByIndex(opened + 1);
        while (clipper.Step()) {
            for (int slot = clipper.DisplayStart; slot < clipper.DisplayEnd; ++slot) {
                if (opened >= 0 && slot > opened && slot <= opened + words_slots) {
                    draw_words_slot(*words, p.pairs[rows_[static_cast<std::size_t>(opened)]], slot - opened - 1, words_slots,
                                    row_height);
                    continue;
                }
                const int row = opened >= 0 && slot > opened ? slot - words_slots : slot;
                const matching::ProposedPair& pair = p.pairs[rows_[static_cast<std::size_t>(row)]];
                const matching::PairKey key{pair.mentor_id, pair.mentee_id};
                ImGui::TableNextRow(ImGuiTableRowFlags_None, row_height);
                ImGui::TableSetColumnIndex(kMentor);
                const bool is_open = row == opened;
                // As high as a line of text, like the row's small buttons, so rows keep row_height.
                ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, 0.0f));
                const bool toggled = ImGui::ArrowButton(row_label("Words", key.mentor_id, key.mentee_id).c_str(),
                                                        is_open ? ImGuiDir_Down : ImGuiDir_Right);
                ImGui::PopStyleVar();
                if (toggled) toggle_expanded(key);
                ImGui::SetItemTooltip(is_open ? "Hide the pair in words." : "The pair in words: what the score is made of.");
                ImGui::SameLine();
                ImGui::TextUnformatted(participant_label(proposal_document_, pair.mentor_id).c_str());
                ImGui::TableSetColumnIndex(kMentee);
                ImGui::TextUnformatted(participant_label(proposal_document_, pair.mentee_id).c_str());
                ImGui::TableSetColumnIndex(kScore);
                ImGui::TextUnformatted(matching::format_score(pair.score).c_str());
                if (ImGui::IsItemHovered()) breakdown_tooltip(pair);
                ImGui::TableSetColumnIndex(kStatus);
                static const char* const kStatusNames[] = {"new", "current", "locked"};
                const ImVec4 status_colours[] = {theme::accent(), theme::muted(), theme::success()};
                const int status = row_status(pair);
                readable_text(("status-" + pair.mentor_id + ":" + pair.mentee_id).c_str(), status_colours[status],
                              kStatusNames[status]);
                ImGui::TableSetColumnIndex(kActions);
                if (ImGui::SmallButton(row_label(pair.locked ? "Unlock" : "Lock", key.mentor_id, key.mentee_id).c_str()))
                    lock = key;
                ImGui::SetItemTooltip(pair.locked ? "Let runs decide about this pair again."
                                                  : "Keep this pair in every run (saved with the program).");
                ImGui::SameLine();
                if (ImGui::SmallButton(row_label("Forbid", key.mentor_id, key.mentee_id).c_str())) forbid = key;
                ImGui::SetItemTooltip("Never propose this pair again (saved with the program).");
            }
        }
        ImGui::EndTable();

        // Locking or forbidding a row is saved with the program and the proposal re-run at once.
        if (lock || forbid) {
            matching::MatchingSettings settings = program.matching;
            if (lock) {
                auto& locked = settings.locked_pairs;
                const auto found = std::find(locked.begin(), locked.end(), *lock);
                if (found != locked.end()) locked.erase(found); else locked.push_back(*lock);
            }
            if (forbid) {
                settings.locked_pairs.erase(std::remove(settings.locked_pairs.begin(), settings.locked_pairs.end(), *forbid),
                                            settings.locked_pairs.end());
                settings.forbidden_pairs.push_back(*forbid);
            }
            commit_settings(app, program, settings, true);
        }
    }

    static void breakdown_tooltip(const matching::ProposedPair& pair) {
        ImGui::BeginTooltip();
        for (std::size_t c = 0; c < matching::kCriterionCount; ++c)
            ImGui::Text("%-28s %8s", criterion_label(static_cast<matching::Criterion>(c)), matching::format_score(pair.breakdown[c]).c_str());
        if (pair.broken_rules != 0) {
            for (std::uint32_t bit = 1; bit != 0 && bit <= pair.broken_rules; bit <<= 1)
                if (pair.broken_rules & bit) ImGui::Text("kept although: %s", matching::hard_rule_phrase(bit));
        }
        ImGui::EndTooltip();
    }

    // The width the sentences of an opened row wrap at: the table's, less the bullet's indent.
    static float words_wrap_width() {
        const ImGuiTable* table = ImGui::GetCurrentTable();
        return table->WorkRect.GetWidth() - ImGui::GetTreeNodeToLabelSpacing() - 2.0f * ImGui::GetStyle().CellPadding.x;
    }

    // Row slots for the sentences: as tall as they were drawn last frame (an estimate from their
    // wrapped size on the first).
    int words_slot_count(const std::vector<matching::PairSentence>& words, float row_height) const {
        float height = words_drawn_height_;
        if (height <= 0.0f) {
            const float wrap = std::max(80.0f, words_wrap_width());
            for (const matching::PairSentence& sentence : words)
                height += ImGui::CalcTextSize(sentence.text.c_str(), nullptr, false, wrap).y + ImGui::GetStyle().ItemSpacing.y;
            if (words.empty()) height += ImGui::GetFontSize();
        }
        return std::max(1, static_cast<int>(std::ceil(height / row_height)));
    }

    // One of the slots an opened row's sentences take. The first slot draws them all across the
    // table's width (over the column clipping, inside the table's own); the others keep their
    // place empty, so whichever slot scrolls into view the rows below stay where they belong.
    void draw_words_slot(const std::vector<matching::PairSentence>& words, const matching::ProposedPair& pair, int slot,
                         int slots, float row_height) {
        ImGui::TableNextRow(ImGuiTableRowFlags_None, row_height);
        ImGui::TableSetColumnIndex(kMentor);
        const ImGuiTable* table = ImGui::GetCurrentTable();
        const float top = ImGui::GetCursorScreenPos().y - static_cast<float>(slot) * row_height;
        ImRect area(table->WorkRect.Min.x, top, table->WorkRect.Max.x, top + static_cast<float>(slots) * row_height);
        area.ClipWith(table->InnerClipRect);
        if (slot != 0 || area.GetHeight() <= 0.0f) return;  // the first slot (always drawn) holds the words
        ImGui::PushClipRect(area.Min, area.Max, false);
        // The words must not make this row taller (the slots after it hold their place), so the
        // cell's extent is put back once they are drawn.
        ImGuiWindow* window = ImGui::GetCurrentWindow();
        const ImVec2 start = window->DC.CursorPos, extent = window->DC.CursorMaxPos;
        ImGui::Indent(ImGui::GetTreeNodeToLabelSpacing());
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + words_wrap_width());
        const std::string id = "words-" + pair.mentor_id + ":" + pair.mentee_id;
        if (words.empty()) readable_text(id.c_str(), theme::muted(), "No criterion is weighted: nothing to say about this pair.");
        else draw_pair_sentences(id, words);
        ImGui::PopTextWrapPos();
        ImGui::Unindent(ImGui::GetTreeNodeToLabelSpacing());
        ImGui::PopClipRect();
        words_drawn_height_ = window->DC.CursorPos.y - start.y;
        window->DC.CursorPos = start;
        window->DC.CursorMaxPos = extent;
    }

    void toggle_expanded(const matching::PairKey& key) {
        if (expanded_ && *expanded_ == key) expanded_.reset();
        else expanded_ = key;
        words_drawn_height_ = 0.0f;
        find_expanded_row();
    }

    // Where the opened pair sits in the sorted rows (none when it left the proposal).
    void find_expanded_row() {
        expanded_row_.reset();
        if (!expanded_ || !proposal_) return;
        for (std::size_t row = 0; row < rows_.size(); ++row) {
            const matching::ProposedPair& pair = proposal_->pairs[rows_[row]];
            if (pair.mentor_id == expanded_->mentor_id && pair.mentee_id == expanded_->mentee_id) expanded_row_ = row;
        }
    }

    //-----------------------------------------------------------------------------
    // [SECTION] Unmatched
    //-----------------------------------------------------------------------------

    // Each person with the reason and the nearest fix, solved for the rows in view (queued,
    // one change per frame), and buttons that hand them to why-not and the candidates.
    void draw_unmatched() {
        const matching::MatchingProposal& p = *proposal_;
        if (p.unmatched.empty()) {  // nothing to open: one line, not an empty table
            readable_text("unmatched-none", theme::muted(), "Unmatched: nobody; everyone active has a partner in this proposal.");
            return;
        }
        const std::string label = "Unmatched (" + std::to_string(p.unmatched.size()) + ")###Unmatched";
        if (!ImGui::CollapsingHeader(label.c_str())) return;
        // Rows are as tall as their words; a long list (thousands, in a large program) is clipped
        // with rows of three lines, so only those in view are drawn and have their fixes solved.
        // The table shows about six rows and scrolls beyond.
        constexpr std::size_t kRowsWithoutClipping = 200;
        const bool clipped = p.unmatched.size() > kRowsWithoutClipping;
        const float row_height = 3.0f * ImGui::GetTextLineHeightWithSpacing() + 2.0f * ImGui::GetStyle().CellPadding.y;
        const float shown = static_cast<float>(std::min<std::size_t>(p.unmatched.size(), 6));
        if (!ImGui::BeginTable("UnmatchedTable", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                                        ImGuiTableFlags_SizingStretchProp,
                               ImVec2(0.0f, shown * row_height + ImGui::GetFrameHeightWithSpacing() + 4.0f)))
            return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Person", 0, 2.0f);
        ImGui::TableSetupColumn("Role", 0, 0.8f);
        ImGui::TableSetupColumn("Why, and the nearest fix", 0, 7.0f);
        ImGui::TableSetupColumn("Ask", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize("Candidates").x + 2.0f * ImGui::GetStyle().FramePadding.x);
        ImGui::TableHeadersRow();
        const auto draw_row = [&](std::size_t row) {
            const matching::UnmatchedParticipant& person = p.unmatched[row];
            ImGui::TableNextRow(ImGuiTableRowFlags_None, clipped ? row_height : 0.0f);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", participant_label(proposal_document_, person.id).c_str());
            const bool in_view = ImGui::IsItemVisible();  // only rows in view ask for their fix
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(role_name(person.role));
            ImGui::TableNextColumn();
            const std::string id = "fix-" + person.id;
            if (const matching::NearestFix* fix = in_view ? explanations_.nearest_fix(person.id) : nullptr) {
                readable_text(id.c_str(), ImGui::GetStyleColorVec4(ImGuiCol_Text), fix->text);
            } else {
                ImGui::TextWrapped("%s", person.reason.c_str());
                ImGui::TextColored(theme::muted(), "Finding the nearest fix…");
            }
            ImGui::TableNextColumn();
            ImGui::PushID(person.id.c_str());
            if (ImGui::SmallButton(("Why not##unmatched-" + person.id).c_str())) {
                why_not_.pick(person.id, person.role);
                open_why_not_ = true;
            }
            ImGui::SetItemTooltip("Ask why-not for %s with someone of the other side.",
                                  participant_label(proposal_document_, person.id).c_str());
            if (ImGui::SmallButton(("Candidates##unmatched-" + person.id).c_str())) {
                candidates_.show(person.id);
                open_candidates_ = true;
            }
            ImGui::PopID();
        };
        if (!clipped) {
            for (std::size_t row = 0; row < p.unmatched.size(); ++row) draw_row(row);
        } else {
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(p.unmatched.size()), row_height);
            while (clipper.Step())
                for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) draw_row(static_cast<std::size_t>(row));
        }
        ImGui::EndTable();
    }

    //-----------------------------------------------------------------------------
    // [SECTION] Explanations
    //-----------------------------------------------------------------------------

    // The pickers' lists, made once per proposal: the people the engine weighed, by name.
    void list_people() {
        mentors_.clear();
        mentees_.clear();
        everyone_.clear();
        const matching::MatchingExplainer* engine = explanations_.explainer();
        if (!engine) return;
        for (const Participant& person : proposal_document_.participants) {
            if (engine->is_mentor(person.id)) mentors_.push_back({person.id, person.name});
            if (engine->is_mentee(person.id)) mentees_.push_back({person.id, person.name});
        }
        const auto by_name = [](const PickablePerson& a, const PickablePerson& b) { return a.name < b.name; };
        std::stable_sort(mentors_.begin(), mentors_.end(), by_name);
        std::stable_sort(mentees_.begin(), mentees_.end(), by_name);
        for (const PickablePerson& mentee : mentees_) everyone_.push_back({mentee.id, mentee.name + " (mentee)"});
        for (const PickablePerson& mentor : mentors_) everyone_.push_back({mentor.id, mentor.name + " (mentor)"});
    }

    // A panel just opened (by its header or a button) scrolls up to the top of the pane, so
    // what it answers shows where the coordinator looks.
    static void bring_into_view(bool asked) {
        if (asked || ImGui::IsItemToggledOpen()) ImGui::SetScrollHereY(0.0f);
    }

    void draw_explanations(app::App& app) {
        const bool why_not_asked = std::exchange(open_why_not_, false);
        const bool candidates_asked = std::exchange(open_candidates_, false);
        if (why_not_asked) ImGui::SetNextItemOpen(true);
        if (ImGui::CollapsingHeader("Why not these two?###WhyNot")) {
            // Each new answer (and its price when it arrives) scrolls the panel up into view.
            const std::optional<app::WhyNotQuestion>& question = explanations_.why_not();
            const std::string answer_state =
                question ? question->mentor_id + ":" + question->mentee_id + (question->pricing ? ":pricing" : ":done") : std::string();
            bring_into_view(why_not_asked || answer_state != why_not_seen_);
            why_not_seen_ = answer_state;
            if (const auto lock = why_not_.draw(explanations_, proposal_document_, mentors_, mentees_))
                if (const Program* program = app.document().current_program()) {
                    commit_settings(app, *program, matching::settings_with_pair_locked(program->matching, lock->mentor_id, lock->mentee_id),
                                    true);
                    return;
                }
        }
        if (candidates_asked) ImGui::SetNextItemOpen(true);
        if (ImGui::CollapsingHeader("Candidates side by side###Candidates")) {
            bring_into_view(candidates_asked);
            if (const auto asked = candidates_.draw(explanations_, proposal_document_, everyone_)) {
                why_not_.pick(asked->mentor_id, Role::Mentor);
                why_not_.pick(asked->mentee_id, Role::Mentee);
                open_why_not_ = true;
            }
        }
    }

    matching::MatchingSettings draft_;
    bool editing_ = false;
    std::unique_ptr<matching::MatchingRun> run_;
    Document run_document_;
    std::uint64_t run_revision_ = 0;  // the revision run_document_ was taken at
    std::unique_ptr<matching::MatchingProposal> proposal_;
    Document proposal_document_;  // what the proposal was computed from: Accept only applies to it
    std::set<matching::PairKey> current_pairs_;  // the wave's pairs when the proposal was computed
    matching::AcceptEffect effect_;  // what Accept does, counted once when the proposal arrives
    std::uint64_t accepted_revision_ = ~std::uint64_t{0};  // the revision our Accept produced
    std::optional<app::GapCause> cause_;
    std::uint64_t cause_revision_ = ~std::uint64_t{0};
    WaveSummary summary_;
    std::uint64_t summary_revision_ = ~std::uint64_t{0};
    std::string summary_program_;
    std::vector<std::size_t> rows_;
    std::optional<matching::PairKey> expanded_;  // the row opened to its words
    std::optional<std::size_t> expanded_row_;    // where it is in rows_
    int words_slots_ = 0;                        // row slots its words took last frame
    float words_drawn_height_ = 0.0f;            // and their height as drawn (0: not yet)
    app::MatchingExplanations explanations_;     // of the proposal, solved in slices by advance_run
    app::MatchingPreview preview_;               // of the draft while a weight is dragged
    WhyNotPanel why_not_;
    CandidatesPanel candidates_;
    bool open_why_not_ = false, open_candidates_ = false;  // a button asked for the panel to open
    std::string why_not_seen_;  // the why-not answer last drawn ("mentor:mentee:pricing|done")
    std::vector<PickablePerson> mentors_, mentees_, everyone_;  // the pickers' lists, by name
    int sort_column_ = kScore;
    bool sort_descending_ = true;
    bool sort_dirty_ = false;
};

}  // namespace

std::unique_ptr<Screen> make_matching_screen() { return std::make_unique<MatchingScreen>(); }

}  // namespace flipside::ui
