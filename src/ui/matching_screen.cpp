// The Matching screen: the coordinator steers the pairing engine and accepts its proposal.
//
// Index
// [SECTION] Settings (weights as sliders, rules as toggles, mode) - saved with the program
// [SECTION] Running (sliced over frames with a progress bar, so the tab never freezes)
// [SECTION] Proposal (sortable table, breakdown on hover, lock / forbid and re-run, accept)
// [SECTION] Unmatched people with their reasons, and the wave's current pairs
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/app.h"
#include "core/matching_accept.h"
#include "core/matching_rules.h"
#include "core/matching_run.h"
#include "ui/pair_table.h"
#include "ui/screen.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

// Work per frame: about 2 million candidate looks, a few tens of milliseconds in the browser.
constexpr std::int64_t kWorkPerFrame = 2'000'000;

const char* const kCriterionLabels[kCriterionCount] = {
    "Skills taught vs goals", "Shared interests", "Common language", "Cross-department",
    "Shared weekly hours",    "Mentor is junior", "Earlier partners (penalty)"};

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
        std::size_t mentors = 0, mentees = 0;
        for (const Participant& p : d.participants) {
            if (!p.active) continue;
            mentors += p.role == Role::Mentor;
            mentees += p.role == Role::Mentee;
        }
        ImGui::Text("%s: %zu active mentors, %zu active mentees", program->name.c_str(), mentors, mentees);

        if (ImGui::CollapsingHeader("Weights and rules", ImGuiTreeNodeFlags_DefaultOpen)) draw_settings(app, *program);
        draw_run_controls(app, *program);
        advance_run();
        if (proposal_) {
            draw_proposal(app, *program);
            draw_unmatched();
        }
        if (ImGui::CollapsingHeader("Current pairs of this wave")) draw_pair_table("CurrentPairs", d, program->id);
    }

private:
    //-----------------------------------------------------------------------------
    // [SECTION] Settings
    //-----------------------------------------------------------------------------

    // Edits land in the program as one undoable change when a widget is released, not per frame.
    void commit_settings(app::App& app, const Program& program, const MatchingSettings& settings, bool rerun) {
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
        for (std::size_t c = 0; c < kCriterionCount; ++c) {
            const auto criterion = static_cast<Criterion>(c);
            int weight = draft_.weights.of(criterion);
            if (ImGui::SliderInt(kCriterionLabels[c], &weight, 0, kMaxWeight)) draft_.weights.set(criterion, weight);
            track_edit(released);
        }
        ImGui::PopItemWidth();
        help_marker("A criterion fully met earns its weight in points; the score of a pair is the sum.");

        MatchingRules& rules = draft_.rules;
        if (ImGui::Checkbox("A common language is required", &rules.require_common_language)) released = true;
        if (ImGui::Checkbox("Never pair within one department", &rules.forbid_same_department)) released = true;
        if (ImGui::Checkbox("The mentor must be junior", &rules.require_junior_mentor)) released = true;
        ImGui::SameLine();
        ImGui::SetNextItemWidth(160.0f);
        const char* bases[] = {"by level", "by tenure", "by level or tenure", "by level and tenure"};
        int basis = static_cast<int>(rules.seniority_basis);
        if (combo("##basis", &basis, bases, 4)) {
            rules.seniority_basis = static_cast<SeniorityBasis>(basis);
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
        if (ImGui::RadioButton("Best total", &mode, 0)) released = true;
        ImGui::SameLine();
        if (ImGui::RadioButton("Fairest lowest pair", &mode, 1)) released = true;
        ImGui::SameLine();
        if (ImGui::RadioButton("Stable (participants' rankings)", &mode, 2)) released = true;
        draft_.mode = static_cast<MatchingMode>(mode);
        ImGui::SetNextItemWidth(120.0f);
        if (ImGui::InputInt("Candidates per mentee (0 = all)", &draft_.candidates_per_mentee, 5, 50))
            draft_.candidates_per_mentee = std::clamp(draft_.candidates_per_mentee, 0, 1000000);
        track_edit(released);
        help_marker("For very large programs: keep only each mentee's best candidates, so the run fits in memory.");

        if (released) {
            editing_ = false;
            commit_settings(app, program, draft_, true);
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
        run_ = std::make_unique<MatchingRun>(d, d.current_program()->matching, app.platform().time_zones,
                                             default_reference_instant(d));
        run_document_ = d;
    }

    void advance_run() {
        if (!run_) return;
        if (run_->step(kWorkPerFrame)) {
            proposal_ = std::make_unique<MatchingProposal>(run_->proposal());
            proposal_document_ = run_document_;
            rows_.clear();
            for (std::size_t k = 0; k < proposal_->pairs.size(); ++k) rows_.push_back(k);
            sort_dirty_ = true;
            run_.reset();
        }
    }

    void draw_run_controls(app::App& app, const Program& program) {
        if (run_) {
            ImGui::ProgressBar(static_cast<float>(run_->progress()), ImVec2(260.0f, 0.0f), matching_phase_label(run_->phase()));
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) run_.reset();
            return;
        }
        if (ImGui::Button("Run")) start_run(app);
        if (proposal_) {
            ImGui::SameLine();
            const bool stale = !(proposal_document_ == app.document());
            if (stale) {
                ImGui::SameLine();
                hint("The data changed since this proposal: run again before accepting.");
            } else if (ImGui::Button("Accept")) {
                app.apply(app::replace_document(app.document(), accept_proposal(app.document(), *proposal_),
                                                "accept the proposed pairs"));
                proposal_document_ = app.document();
            }
        }
    }

    //-----------------------------------------------------------------------------
    // [SECTION] Proposal
    //-----------------------------------------------------------------------------

    enum Column { kMentor, kMentee, kScore, kLocked, kActions };

    void sort_rows() {
        const auto& pairs = proposal_->pairs;
        const Document& d = proposal_document_;
        std::stable_sort(rows_.begin(), rows_.end(), [&](std::size_t a, std::size_t b) {
            const ProposedPair& x = pairs[a];
            const ProposedPair& y = pairs[b];
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
                case kLocked: less = x.locked < y.locked, greater = y.locked < x.locked; break;
                default: less = x.score < y.score, greater = y.score < x.score; break;
            }
            return sort_descending_ ? greater : less;
        });
    }

    void draw_proposal(app::App& app, const Program& program) {
        const MatchingProposal& p = *proposal_;
        ImGui::Separator();
        ImGui::Text("%zu pairs, total score %s, lowest pair %s", p.pairs.size(), format_score(p.total_score).c_str(),
                    format_score(p.lowest_score).c_str());
        if (p.mode == MatchingMode::Stable) {
            ImGui::SameLine();
            ImGui::Text("- %zu blocking pairs", p.blocking_pairs);
        }
        if (p.dense_total_score) {
            ImGui::Text("Best %d candidates per mentee: %zu matched vs %zu and total %s vs %s with every candidate.",
                        p.candidates_per_mentee, p.pairs.size(), *p.dense_matched, format_score(p.total_score).c_str(),
                        format_score(*p.dense_total_score).c_str());
        }
        for (const std::string& warning : p.warnings) ImGui::TextColored(ImVec4(0.85f, 0.55f, 0.1f, 1.0f), "%s", warning.c_str());

        const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                      ImGuiTableFlags_BordersV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                      ImGuiTableFlags_SizingStretchProp;
        const float height = std::min(18.0f, 1.0f + static_cast<float>(rows_.size())) * ImGui::GetFrameHeightWithSpacing();
        if (!ImGui::BeginTable("Proposal", 5, flags, ImVec2(0.0f, height))) return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Mentor", 0, 3.0f, kMentor);
        ImGui::TableSetupColumn("Mentee", 0, 3.0f, kMentee);
        ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending, 1.0f, kScore);
        ImGui::TableSetupColumn("Locked", 0, 0.8f, kLocked);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort, 1.6f, kActions);
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
            if ((specs->SpecsDirty || sort_dirty_) && specs->SpecsCount > 0) {
                sort_column_ = static_cast<int>(specs->Specs[0].ColumnUserID);
                sort_descending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
                sort_rows();
                specs->SpecsDirty = false;
                sort_dirty_ = false;
            }
        }
        std::optional<PairKey> lock, forbid;
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows_.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const ProposedPair& pair = p.pairs[rows_[static_cast<std::size_t>(row)]];
                ImGui::PushID(row);
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(kMentor);
                ImGui::TextUnformatted(participant_label(proposal_document_, pair.mentor_id).c_str());
                ImGui::TableSetColumnIndex(kMentee);
                ImGui::TextUnformatted(participant_label(proposal_document_, pair.mentee_id).c_str());
                ImGui::TableSetColumnIndex(kScore);
                ImGui::TextUnformatted(format_score(pair.score).c_str());
                if (ImGui::IsItemHovered()) breakdown_tooltip(pair);
                ImGui::TableSetColumnIndex(kLocked);
                ImGui::TextUnformatted(pair.locked ? "locked" : "");
                ImGui::TableSetColumnIndex(kActions);
                if (!pair.locked && ImGui::SmallButton("Lock")) lock = PairKey{pair.mentor_id, pair.mentee_id};
                if (pair.locked && ImGui::SmallButton("Unlock")) lock = PairKey{pair.mentor_id, pair.mentee_id};
                ImGui::SameLine();
                if (ImGui::SmallButton("Forbid")) forbid = PairKey{pair.mentor_id, pair.mentee_id};
                ImGui::PopID();
            }
        }
        ImGui::EndTable();

        // Locking or forbidding a row is saved with the program and the proposal re-run at once.
        if (lock || forbid) {
            MatchingSettings settings = program.matching;
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

    static void breakdown_tooltip(const ProposedPair& pair) {
        ImGui::BeginTooltip();
        for (std::size_t c = 0; c < kCriterionCount; ++c)
            ImGui::Text("%-28s %8s", kCriterionLabels[c], format_score(pair.breakdown[c]).c_str());
        if (pair.broken_rules != 0) {
            for (std::uint32_t bit = 1; bit != 0 && bit <= pair.broken_rules; bit <<= 1)
                if (pair.broken_rules & bit) ImGui::Text("kept although: %s", hard_rule_phrase(bit));
        }
        ImGui::EndTooltip();
    }

    //-----------------------------------------------------------------------------
    // [SECTION] Unmatched
    //-----------------------------------------------------------------------------

    void draw_unmatched() {
        const MatchingProposal& p = *proposal_;
        const std::string label = "Unmatched (" + std::to_string(p.unmatched.size()) + ")###Unmatched";
        if (!ImGui::CollapsingHeader(label.c_str())) return;
        if (!ImGui::BeginTable("UnmatchedTable", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                                        ImGuiTableFlags_SizingStretchProp,
                               ImVec2(0.0f, 12.0f * ImGui::GetFrameHeightWithSpacing())))
            return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Person", 0, 2.0f);
        ImGui::TableSetupColumn("Role", 0, 0.8f);
        ImGui::TableSetupColumn("Why", 0, 6.0f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(p.unmatched.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const UnmatchedParticipant& person = p.unmatched[static_cast<std::size_t>(row)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(participant_label(proposal_document_, person.id).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(role_name(person.role));
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", person.reason.c_str());
            }
        }
        ImGui::EndTable();
    }

    MatchingSettings draft_;
    bool editing_ = false;
    std::unique_ptr<MatchingRun> run_;
    Document run_document_;
    std::unique_ptr<MatchingProposal> proposal_;
    Document proposal_document_;  // what the proposal was computed from: Accept only applies to it
    std::vector<std::size_t> rows_;
    int sort_column_ = kScore;
    bool sort_descending_ = true;
    bool sort_dirty_ = false;
};

}  // namespace

std::unique_ptr<Screen> make_matching_screen() { return std::make_unique<MatchingScreen>(); }

}  // namespace flipside::ui
