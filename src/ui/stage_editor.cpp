// The stage editor: names, order, default probabilities, forecast categories, closed and won, with
// Salesforce's defaults one click away. Everything applies as one undoable command: renames reach
// every deal, deals on a stage's default follow a new default, a removed stage's deals move.
#include "app/pipeline_actions.h"
#include "core/format.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace footprint::ui {

namespace {

constexpr const char* kPopup = "Stages##stage-editor";

// The rows' name fields, kept in step with the drafts.
void sync_names(PipelineViewState& pv) {
    pv.stage_names.resize(pv.stage_drafts.size());
    for (std::size_t i = 0; i < pv.stage_drafts.size(); ++i)
        std::snprintf(pv.stage_names[i].data(), pv.stage_names[i].size(), "%s",
                      pv.stage_drafts[i].stage.name.c_str());
}

void reset_to_defaults(const core::Plan& plan, std::vector<core::StageDraft>& drafts) {
    std::vector<core::StageDraft> out;
    for (const core::Stage& s : core::default_stages())
        out.push_back({s, core::find_stage(plan, s.name) ? s.name : std::string(), false, {}});
    for (const core::Stage& s : plan.stages) {
        const bool kept = std::any_of(out.begin(), out.end(), [&](const core::StageDraft& d) {
            return d.original == s.name;
        });
        if (!kept) out.push_back({s, s.name, true, {}});
    }
    drafts = std::move(out);
}

} // namespace

void open_stage_editor(const app::App& app, UiState& ui) {
    ui.pipeline.stages_open = true;
    ui.pipeline.stage_drafts = core::stage_drafts(app.plan());
    ui.pipeline.stage_problems.clear();
    sync_names(ui.pipeline);
}

void draw_stage_editor(app::App& app, UiState& ui) {
    PipelineViewState& pv = ui.pipeline;
    if (pv.stages_open && !ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
    if (!pv.stages_open) return;
    next_modal_placement(ui, 900 * ui.dpr);
    if (!ImGui::BeginPopupModal(kPopup, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize |
                                    ImGuiWindowFlags_NoSavedSettings))
        return;
    const core::Plan& plan = app.plan();
    const Palette& p = palette();
    auto& drafts = pv.stage_drafts;
    auto& names = pv.stage_names;
    if (names.size() != drafts.size()) sync_names(pv);
    modal_title(ui, "Stages",
                "In pipeline order. A deal entering a stage takes its probability and forecast "
                "category, unless you set your own on the deal.");

    std::unordered_map<std::string_view, int> deals;
    for (const core::Opportunity& o : plan.opportunities)
        ++deals[o.stage];

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    int move_up = -1, remove = -1;
    if (ImGui::BeginTable("##stages", 8, flags)) {
        ImGui::TableSetupColumn("Order", 0, 64 * ui.dpr);
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Probability", 0, 96 * ui.dpr);
        ImGui::TableSetupColumn("Forecast category", 0, 150 * ui.dpr);
        ImGui::TableSetupColumn("Closed", 0, 54 * ui.dpr);
        ImGui::TableSetupColumn("Won", 0, 44 * ui.dpr);
        ImGui::TableSetupColumn("Deals", 0, 170 * ui.dpr);
        ImGui::TableSetupColumn("##remove", 0, 34 * ui.dpr);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < drafts.size(); ++i) {
            core::StageDraft& d = drafts[i];
            ImGui::TableNextRow();
            ImGui::PushID(static_cast<int>(i));
            ImGui::BeginDisabled(d.removed);
            ImGui::TableNextColumn();
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(5 * ui.dpr, 3 * ui.dpr));
            if (icon_button(ICON_ARROW_UP "##up", "Move up", i > 0)) move_up = static_cast<int>(i);
            ImGui::SameLine(0, 2 * ui.dpr);
            if (icon_button(ICON_ARROW_DOWN "##down", "Move down", i + 1 < drafts.size()))
                move_up = static_cast<int>(i) + 1;
            ImGui::PopStyleVar();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (ImGui::InputTextWithHint("##name", "Stage name", names[i].data(), names[i].size()))
                d.stage.name = names[i].data();
            if (!d.original.empty() && d.original != d.stage.name)
                tooltip_on_hover(("Was \xE2\x80\x9C" + d.original +
                                  "\xE2\x80\x9D: its deals are renamed with it.")
                                     .c_str());
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::DragInt("##p", &d.stage.probability, 0.5f, 0, 100, "%d%%",
                           ImGuiSliderFlags_AlwaysClamp);
            tooltip_on_hover("Drag, or double-click to type");
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (ImGui::BeginCombo("##cat", category_label(d.stage.category))) {
                for (int c = 0; c < 5; ++c) {
                    const auto cat = static_cast<core::ForecastCategory>(c);
                    if (ImGui::Selectable(category_label(cat), cat == d.stage.category))
                        d.stage.category = cat;
                }
                ImGui::EndCombo();
            }
            ImGui::TableNextColumn();
            if (ImGui::Checkbox("##closed", &d.stage.closed) && !d.stage.closed)
                d.stage.won = false; // an open stage cannot be won
            tooltip_on_hover("Closed: deals here are over (won or lost) and leave the open "
                             "pipeline.");
            ImGui::TableNextColumn();
            if (ImGui::Checkbox("##won", &d.stage.won) && d.stage.won) d.stage.closed = true;
            tooltip_on_hover("Won: deals here count as closed won in their close month (toward "
                             "quota and commission).");
            ImGui::EndDisabled();

            ImGui::TableNextColumn();
            const int n = d.original.empty() ? 0 : [&] {
                auto it = deals.find(d.original);
                return it == deals.end() ? 0 : it->second;
            }();
            if (d.removed && n > 0) {
                // Where the removed stage's deals go.
                ImGui::SetNextItemWidth(-FLT_MIN);
                const std::string preview =
                    d.move_to.empty() ? "Move " + std::to_string(n) + " deals to\xE2\x80\xA6"
                                      : ICON_ARROW_RIGHT " " + d.move_to;
                if (ImGui::BeginCombo("##move", preview.c_str())) {
                    for (const core::StageDraft& t : drafts)
                        if (!t.removed &&
                            ImGui::Selectable(t.stage.name.c_str(), t.stage.name == d.move_to))
                            d.move_to = t.stage.name;
                    ImGui::EndCombo();
                }
            } else if (d.removed) {
                ImGui::AlignTextToFramePadding();
                text_muted("removed");
            } else {
                ImGui::AlignTextToFramePadding();
                if (n == 0)
                    text_muted(d.original.empty() ? "new" : "none");
                else
                    ImGui::Text("%s", core::format_count(n).c_str());
            }
            ImGui::TableNextColumn();
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(5 * ui.dpr, 3 * ui.dpr));
            if (d.removed) {
                if (icon_button(ICON_UNDO "##restore", "Keep this stage")) d.removed = false;
            } else if (icon_button(ICON_TRASH "##remove",
                                   n ? "Remove this stage (you choose where its deals go)"
                                     : "Remove this stage")) {
                remove = static_cast<int>(i);
            }
            ImGui::PopStyleVar();
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (move_up > 0) {
        std::swap(drafts[static_cast<std::size_t>(move_up)],
                  drafts[static_cast<std::size_t>(move_up - 1)]);
        std::swap(names[static_cast<std::size_t>(move_up)],
                  names[static_cast<std::size_t>(move_up - 1)]);
    }
    if (remove >= 0) {
        core::StageDraft& d = drafts[static_cast<std::size_t>(remove)];
        if (d.original.empty()) {
            drafts.erase(drafts.begin() + remove);
            names.erase(names.begin() + remove);
        } else {
            d.removed = true;
        }
    }

    if (ImGui::Button(ICON_PLUS "  Add a stage")) {
        // New open stages go before the closed ones, where deals in progress live.
        auto at = std::find_if(drafts.begin(), drafts.end(),
                               [](const core::StageDraft& d) { return d.stage.closed; });
        core::StageDraft d;
        d.stage.name = "New stage";
        d.stage.probability = 50;
        const auto pos = at - drafts.begin();
        drafts.insert(at, d);
        names.insert(names.begin() + pos, std::array<char, 64>{});
        sync_names(pv);
    }
    ImGui::SameLine();
    if (ImGui::Button(ICON_REFRESH "  Salesforce defaults")) {
        reset_to_defaults(plan, drafts);
        sync_names(pv);
    }
    tooltip_on_hover("Prospecting 10%, Qualification 10%, Needs Analysis 20%, Value Proposition "
                     "50%, Id. Decision Makers 60%, Perception Analysis 70%, Proposal/Price Quote "
                     "75%, Negotiation/Review 90%, Closed Won 100%, Closed Lost 0%.");

    pv.stage_problems = core::check_stage_drafts(plan, drafts);
    const core::StageEdit preview = core::stage_edit(plan, drafts, app.clock().today());
    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    if (!pv.stage_problems.empty()) {
        for (const std::string& problem : pv.stage_problems)
            ImGui::TextColored(to_vec4(p.danger), ICON_EXCLAMATION_CIRCLE "  %s", problem.c_str());
    } else if (preview.stages_changed) {
        text_muted(preview.deals_changed > 0
                       ? "Applying updates " + core::format_count(preview.deals_changed) +
                             (preview.deals_changed == 1 ? " deal" : " deals") +
                             ". One step: Ctrl+Z undoes it."
                       : std::string("No deal changes. One step: Ctrl+Z undoes it."));
    } else {
        text_muted("No changes yet.");
    }
    const int r = modal_buttons(ui, "Apply", pv.stage_problems.empty() && preview.stages_changed);
    if (r == 1) {
        std::vector<std::string> problems;
        app::apply_stage_edit(app, drafts, problems);
        pv.stages_open = false;
        ImGui::CloseCurrentPopup();
    } else if (r == -1) {
        pv.stages_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace footprint::ui
