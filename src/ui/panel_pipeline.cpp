// The pipeline view: headline numbers, slipped deals with their one-click fix, then the board (drag
// cards between stages) or the deal table, and the deal and stage editors.
#include "app/pipeline_actions.h"
#include "core/format.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>

namespace footprint::ui {

namespace {

PipelineModel g_model; // derived from the plan; rebuilt when the plan or the day changes

std::string deals_word(int n) {
    return core::format_count(n) + (n == 1 ? " deal" : " deals");
}

void kpi_row(const UiState& ui, const PipelineModel& m) {
    const Palette& p = palette();
    const core::PipelineTotals& t = m.totals;
    const float w = row_item_width(4);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 1.5f;
    kpi_tile(ui, "Open pipeline", mrc_whole(t.open_mrc), "unweighted, every open deal", p.accent,
             w);
    tooltip_on_hover("Monthly recurring revenue of every deal that is not closed won or lost.");
    ImGui::SameLine(0, gap);
    kpi_tile(ui, "Weighted pipeline", mrc_whole(t.weighted_mrc), "MRC \xC3\x97 probability",
             series_best_case(), w);
    tooltip_on_hover("Each open deal's MRC times its probability: what the pipeline is likely "
                     "to bring in.");
    ImGui::SameLine(0, gap);
    kpi_tile(ui, "Deals open", core::format_count(t.open_count),
             core::format_count(t.closing_soon_count) + " closing in the next 30 days", p.prospect,
             w);
    ImGui::SameLine(0, gap);
    kpi_tile(ui, "Slipped deals", core::format_count(t.slipped_count),
             t.slipped_count ? mrc_whole(t.slipped_mrc) + " past their close date"
                             : "every close date is ahead",
             t.slipped_count ? p.danger : p.success, w);
    tooltip_on_hover("Open deals whose close date has passed. Move the date or close the deal so "
                     "the forecast stays honest.");
}

// "6 deals slipped past their close date" with one click to move them all to the month's end.
void slipped_strip(app::App& app, UiState& ui, const PipelineModel& m) {
    if (m.slipped_ids.empty()) return;
    const Palette& p = palette();
    const core::Date target = core::slip_target(m.today);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetFrameHeight() + 8 * ui.dpr;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), with_alpha(p.danger, 0.10f),
                      ImGui::GetStyle().ChildRounding);
    dl->AddRectFilled(pos, ImVec2(pos.x + 3 * ui.dpr, pos.y + h), p.danger,
                      ImGui::GetStyle().ChildRounding, ImDrawFlags_RoundCornersLeft);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 12 * ui.dpr, pos.y + 4 * ui.dpr));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(to_vec4(p.danger), ICON_WARNING);
    ImGui::SameLine();
    const int n = static_cast<int>(m.slipped_ids.size());
    ImGui::Text("%s slipped past %s close date (%s).", deals_word(n).c_str(),
                n == 1 ? "its" : "their", mrc_whole(m.totals.slipped_mrc).c_str());
    ImGui::SameLine();
    const std::string move = std::string(ICON_CALENDAR_PLUS "  Move ") + (n == 1 ? "it" : "all") +
                             " to " + core::format_date_short(target, m.today);
    if (ImGui::Button(move.c_str())) app::move_close_dates(app, m.slipped_ids, target);
    tooltip_on_hover(("Sets the close date of every slipped deal to " + core::format_date(target) +
                      ", the end of this month. One step: Ctrl+Z undoes it.")
                         .c_str());
    ImGui::SameLine();
    if (ImGui::Button(ICON_TABLE "  Review them")) {
        ui.pipeline.mode = 1;
        ui.pipeline.table_filter = 1;
    }
    tooltip_on_hover("Show only the slipped deals in the table, to move each one on its own.");
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
    ImGui::Dummy(ImVec2(w, ImGui::GetStyle().ItemSpacing.y));
}

} // namespace

const PipelineModel& pipeline_model(const app::App& app, bool with_board) {
    PipelineModel& m = g_model;
    if (m.key.refresh(app)) {
        const core::Plan& plan = app.plan();
        m.today = app.clock().today();
        m.month_first = core::YearMonth::of(m.today).first_day();
        m.month_last = core::month_end(m.today);
        m.totals = core::pipeline_totals(plan, m.today);
        m.slipped_ids.clear();
        for (const core::Opportunity& o : plan.opportunities)
            if (core::is_slipped(plan, o, m.today)) m.slipped_ids.push_back(o.id);
        m.board_ready = false;
    }
    // The board's columns are sorted lists of every open deal: built only when the board shows.
    if (with_board && !m.board_ready) {
        m.columns = core::pipeline_board(app.plan(), m.month_first, m.month_last);
        m.open_stages = static_cast<int>(
            std::count_if(m.columns.begin(), m.columns.end(),
                          [](const core::BoardColumn& c) { return !c.stage->closed; }));
        m.board_ready = true;
    }
    return m;
}

void draw_pipeline_panel(app::App& app, UiState& ui) {
    const PipelineModel& m = pipeline_model(app, ui.pipeline.mode == 0);
    const core::Plan& plan = app.plan();
    if (plan.opportunities.empty()) {
        page_header(ui, "Pipeline", "");
        empty_state(ui, ICON_FUNNEL, "No opportunities yet",
                    "The pipeline shows every open deal by Salesforce stage, what it is worth "
                    "each month and which deals have slipped past their close date. Open a plan "
                    "with opportunities, or try the sample plan to see how it works.");
        empty_plan_actions(app, ui);
        draw_stage_editor(app, ui);
        return;
    }
    PipelineViewState& pv = ui.pipeline;
    const ImGuiStyle& st = ImGui::GetStyle();
    static const char* const kModes[] = {ICON_COLUMNS "  Board", ICON_TABLE "  Table"};
    const float modes_w = ImGui::CalcTextSize(kModes[0]).x + ImGui::CalcTextSize(kModes[1]).x +
                          st.FramePadding.x * 4 + 2 * ui.dpr;
    const float stages_w = ImGui::CalcTextSize(ICON_SLIDERS "  Stages").x + st.FramePadding.x * 2;
    const float search_w = 220 * ui.dpr;
    const float right_w = modes_w + stages_w + search_w + st.ItemSpacing.x * 3;
    const bool wide = ImGui::GetContentRegionAvail().x > 1180 * ui.dpr;
    const float y0 = ImGui::GetCursorPosY();
    const float right_x = page_header(ui, "Pipeline",
                                      wide ? deals_word(m.totals.open_count) +
                                                 " open  \xC2\xB7  drag a card to change its stage"
                                           : deals_word(m.totals.open_count) + " open",
                                      right_w);
    const float after_header = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(right_x, y0));
    if (view_key(ImGuiKey_B)) pv.mode = 0;
    if (view_key(ImGuiKey_T)) pv.mode = 1;
    if (view_key(ImGuiKey_Slash)) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(search_w);
    ImGui::InputTextWithHint("##deal-search", ICON_SEARCH "  Find a deal or account", pv.search,
                             sizeof pv.search);
    tooltip_on_hover("Show only the deals whose account or name contains this text  (/)");
    ImGui::SameLine();
    segmented(ui, "##pipeline-mode", kModes, 2, pv.mode);
    tooltip_on_hover("Board (B): drag cards between stages.  Table (T): every deal, sortable.");
    ImGui::SameLine();
    if (ImGui::Button(ICON_SLIDERS "  Stages")) open_stage_editor(app, ui);
    tooltip_on_hover("Edit the stages: names, probabilities, forecast categories, closed and won.");
    ImGui::SetCursorPosY(after_header);

    kpi_row(ui, m);
    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    slipped_strip(app, ui, m);
    if (pv.mode == 0)
        draw_pipeline_board(app, ui);
    else
        draw_pipeline_table(app, ui);
    draw_deal_editor(app, ui);
    draw_stage_editor(app, ui);
}

} // namespace footprint::ui
