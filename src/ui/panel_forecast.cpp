// The forecast view: the selected month, quarter or year against quota in six numbers, then the
// chart and the table (Overview), the commission it pays (Commission) or a what-if (What-if).
#include "core/format.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace footprint::ui {

namespace {

ForecastModel g_model; // derived from the plan; rebuilt when the plan, the day or the view changes

std::string count_word(int n, const char* one, const char* many) {
    return core::format_count(n) + " " + (n == 1 ? one : many);
}

void kpi_row(const UiState& ui, const ForecastModel& m) {
    const Palette& p = palette();
    const int s = selected_period(m, ui);
    if (s < 0) return;
    const core::ForecastPeriod& per = m.periods[static_cast<std::size_t>(s)];
    const core::MonthKpis k = core::month_kpis(per.total);
    // "Nov 2026", "Q4 2026", "2026": short enough for a card's label.
    const std::string name = per.months == 1 ? std::string(month_short(per.first.month())) + " " +
                                                   std::to_string(per.first.year())
                                             : period_long(per.first, per.months);
    const std::string in =
        per.months >= 12 ? std::string("in ") + name : "in " + period_short(per.first, per.months);
    const bool quota = per.total.quota > 0;
    const float w = row_item_width(6);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 1.5f;
    std::string partial;
    if (quota && per.months_without_quota > 0)
        partial =
            " \xC2\xB7 " + count_word(per.months_without_quota, "month", "months") + " without one";

    if (k.attainment_pct)
        kpi_tile(ui, "Attainment \xC2\xB7 " + name, core::format_percent(*k.attainment_pct),
                 money_whole(k.closed_won) + " won of " + money_whole(k.quota) + partial,
                 *k.attainment_pct >= 100 ? p.success : p.accent, w);
    else
        kpi_tile(ui, "Attainment \xC2\xB7 " + name, "\xE2\x80\x94",
                 "no quota set \xC2\xB7 " + money_whole(k.closed_won) + " won", p.text_muted, w);
    tooltip_on_hover(quota ? "New monthly recurring revenue closed won, against the quota. Set "
                             "the quota with the Quota button above."
                           : "This period has no quota, so there is no attainment. Set a quota "
                             "with the Quota button above.");
    ImGui::SameLine(0, gap);
    if (!quota)
        kpi_tile(ui, "Gap to goal", "\xE2\x80\x94", "no quota set", p.text_muted, w);
    else if (k.gap == 0)
        kpi_tile(ui, "Gap to goal", mrc_whole(0), "goal reached " + in, p.success, w);
    else
        kpi_tile(ui, "Gap to goal", mrc_whole(k.gap), "still to close " + in, p.warning, w);
    tooltip_on_hover("Quota minus closed won: what must still close to reach the goal.");
    ImGui::SameLine(0, gap);
    std::string commit_sub = "closed won + commit";
    if (k.commit_pct) commit_sub += " \xC2\xB7 " + core::format_percent(*k.commit_pct);
    kpi_tile(ui, "Commit forecast", mrc_whole(k.commit_forecast), commit_sub, series_commit(), w);
    tooltip_on_hover("Salesforce's Commit roll-up: deals already won plus open deals in the "
                     "Commit category.");
    ImGui::SameLine(0, gap);
    std::string best_sub = "commit forecast + best case";
    if (k.best_case_pct)
        best_sub = "commit + best case \xC2\xB7 " + core::format_percent(*k.best_case_pct);
    kpi_tile(ui, "Best case forecast", mrc_whole(k.best_case_forecast), best_sub,
             series_best_case(), w);
    tooltip_on_hover("Salesforce's Best Case roll-up: closed won + Commit + Best Case.");
    ImGui::SameLine(0, gap);
    if (k.coverage) {
        const double c = *k.coverage;
        kpi_tile(ui, "Pipeline coverage", coverage_text(c),
                 money_whole(k.open_pipeline) + " open for " + money_whole(k.gap),
                 c >= 3   ? p.success
                 : c >= 1 ? p.warning
                          : p.danger,
                 w);
    } else {
        kpi_tile(ui, "Pipeline coverage", "\xE2\x80\x94", quota ? "goal reached" : "no quota set",
                 p.text_muted, w);
    }
    tooltip_on_hover("Open pipeline closing in the period (commit + best case + pipeline, "
                     "unweighted) divided by the gap still to close. About 3\xC3\x97 is healthy.");
    ImGui::SameLine(0, gap);
    kpi_tile(ui, "Renewal base", mrc_whole(per.total.renewal_base),
             per.total.renewal_services
                 ? count_word(per.total.renewal_services, "contract", "contracts") + " end " + in
                 : "no contract ends " + in,
             p.client, w);
    tooltip_on_hover("The renewal base: monthly recurring revenue of your clients' contracts that "
                     "end in the period. It is revenue to keep, not new revenue, so it does not "
                     "count toward the quota.");
}

void header(app::App& app, UiState& ui, int shown_year) {
    ForecastViewState& fv = ui.forecast;
    const ImGuiStyle& st = ImGui::GetStyle();
    const std::string what_if = fv.what_if.empty() ? std::string(ICON_MAGIC "  What-if")
                                                   : std::string(ICON_MAGIC "  What-if (") +
                                                         std::to_string(fv.what_if.size()) + ")";
    const char* tabs[] = {ICON_LINE_CHART "  Overview", ICON_USD "  Commission", what_if.c_str()};
    float tabs_w = st.FramePadding.x * 6 + 4 * ui.dpr;
    for (const char* t : tabs)
        tabs_w += ImGui::CalcTextSize(t).x;
    const std::string year = std::to_string(shown_year);
    const float year_w = ImGui::CalcTextSize("0000").x + 12 * ui.dpr;
    const float arrows_w = (ImGui::CalcTextSize(ICON_CHEVRON_LEFT).x + st.FramePadding.x * 2) * 2;
    const float quota_w = ImGui::CalcTextSize(ICON_BULLSEYE "  Quota").x + st.FramePadding.x * 2;
    const float right_w = tabs_w + year_w + arrows_w + quota_w + st.ItemSpacing.x * 5;
    const bool wide = ImGui::GetContentRegionAvail().x > 1250 * ui.dpr;
    const float y0 = ImGui::GetCursorPosY();
    const float right_x = page_header(
        ui, "Forecast", wide ? "new monthly recurring revenue against quota" : "", right_w);
    const float after = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(right_x, y0));
    if (view_key(ImGuiKey_LeftArrow)) {
        --fv.year_offset;
        fv.selected = -1;
    }
    if (view_key(ImGuiKey_RightArrow)) {
        ++fv.year_offset;
        fv.selected = -1;
    }
    for (const auto& [key, g] : {std::pair{ImGuiKey_M, 0}, {ImGuiKey_Q, 1}, {ImGuiKey_Y, 2}})
        if (view_key(key) && fv.granularity != g) {
            fv.granularity = g;
            fv.selected = -1;
        }
    if (icon_button(ICON_CHEVRON_LEFT "##prev-year", "Previous year", true, "\xE2\x86\x90")) {
        --fv.year_offset;
        fv.selected = -1;
    }
    ImGui::SameLine(0, 2 * ui.dpr);
    ImGui::PushFont(ui.fonts.bold);
    ImGui::AlignTextToFramePadding();
    const float tw = ImGui::CalcTextSize(year.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (year_w - tw) * 0.5f);
    ImGui::TextUnformatted(year.c_str());
    ImGui::PopFont();
    if (ImGui::IsItemClicked() && fv.year_offset != 0) {
        fv.year_offset = 0;
        fv.selected = -1;
    }
    tooltip_on_hover(fv.year_offset ? "Click to go back to this year" : "The year shown");
    ImGui::SameLine(0, 2 * ui.dpr);
    if (icon_button(ICON_CHEVRON_RIGHT "##next-year", "Next year", true, "\xE2\x86\x92")) {
        ++fv.year_offset;
        fv.selected = -1;
    }
    ImGui::SameLine(0, st.ItemSpacing.x * 2);
    segmented(ui, "##forecast-tab", tabs, 3, fv.tab);
    ImGui::SameLine();
    if (ImGui::Button(ICON_BULLSEYE "  Quota")) open_quota_editor(app, ui);
    tooltip_on_hover("Set your monthly revenue quota, and a different one for some months.");
    ImGui::SetCursorPosY(after);
}

} // namespace

const core::MonthSummary& ForecastModel::month(core::YearMonth m) const {
    const int i =
        std::clamp(m.index - months.front().month.index, 0, static_cast<int>(months.size()) - 1);
    return months[static_cast<std::size_t>(i)];
}

const ForecastModel& forecast_model(const app::App& app, const UiState& ui) {
    ForecastModel& m = g_model;
    const ForecastViewState& fv = ui.forecast;
    const std::int64_t view = static_cast<std::int64_t>(fv.year_offset) * 8 + fv.granularity;
    if (!m.key.refresh(app, view)) return m;
    const core::Plan& plan = app.plan();
    m.today = app.clock().today();
    m.this_month = core::YearMonth::of(m.today);
    m.year = m.this_month.year() + fv.year_offset;
    m.granularity = static_cast<core::Granularity>(std::clamp(fv.granularity, 0, 2));
    m.months =
        core::summarize_forecast(plan, core::YearMonth::of(m.year - 1, 1), 36, m.today).months;
    if (m.granularity == core::Granularity::Year) {
        m.periods = core::forecast_periods(m.months, m.granularity);
    } else {
        const std::vector<core::MonthSummary> year(m.months.begin() + 12, m.months.begin() + 24);
        m.periods = core::forecast_periods(year, m.granularity);
    }
    m.current = core::period_index(m.periods, m.this_month);
    m.commission = core::commission_by_month(plan, core::YearMonth::of(m.year, 1), 12);
    m.any_quota = std::any_of(m.periods.begin(), m.periods.end(),
                              [](const core::ForecastPeriod& p) { return p.total.quota > 0; });
    return m;
}

int selected_period(const ForecastModel& m, const UiState& ui) {
    const int n = static_cast<int>(m.periods.size());
    if (n == 0) return -1;
    if (ui.forecast.selected >= 0 && ui.forecast.selected < n) return ui.forecast.selected;
    if (m.current >= 0) return m.current;
    // Another year: the year view's middle bar is that year; else its first period.
    return m.granularity == core::Granularity::Year ? std::min(1, n - 1) : 0;
}

void draw_forecast_panel(app::App& app, UiState& ui) {
    const core::Plan& plan = app.plan();
    header(app, ui, core::YearMonth::of(app.clock().today()).year() + ui.forecast.year_offset);
    if (ui.forecast.tab == 2) { // the what-if keeps its own before and after
        draw_what_if_tab(app, ui);
        draw_quota_editor(app, ui);
        draw_commission_editor(app, ui);
        return;
    }
    const ForecastModel& m = forecast_model(app, ui);
    if (ui.forecast.tab == 1) {
        draw_commission_tab(app, ui, m);
    } else {
        kpi_row(ui, m);
        ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
        if (plan.opportunities.empty()) {
            // The quota alone is worth showing above; the chart needs deals.
            const ImVec2 avail = ImGui::GetContentRegionAvail();
            const ImVec2 origin = ImGui::GetCursorScreenPos();
            const Palette& p = palette();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(origin, ImVec2(origin.x + avail.x, origin.y + avail.y), p.surface,
                              ImGui::GetStyle().ChildRounding);
            dl->AddRect(origin, ImVec2(origin.x + avail.x, origin.y + avail.y), p.border,
                        ImGui::GetStyle().ChildRounding);
            ImGui::BeginChild("##no-deals", avail);
            empty_state(ui, ICON_LINE_CHART, "Nothing to forecast yet",
                        "The forecast adds up deals won and deals still open by the month they "
                        "close and compares them with your monthly quota. Open a plan with "
                        "opportunities, or try the sample plan.");
            empty_plan_actions(app, ui);
            ImGui::EndChild();
        } else {
            const float avail = ImGui::GetContentRegionAvail().y;
            const float chart_h = std::max(300 * ui.dpr, avail * 0.6f);
            draw_forecast_chart(ui, m, std::min(chart_h, avail));
            ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
            if (ImGui::GetContentRegionAvail().y > 80 * ui.dpr) draw_forecast_table(ui, m);
        }
    }
    draw_quota_editor(app, ui);
    draw_commission_editor(app, ui);
}

// --- the table under the chart ------------------------------------------------------------------

void draw_forecast_table(UiState& ui, const ForecastModel& m) {
    const Palette& p = palette();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchSame |
                                  ImGuiTableFlags_BordersOuter;
    static const char* const kCols[] = {
        "Period",       "Quota",           "Closed won", "Commit", "Best case", "Pipeline (wtd.)",
        "Commit fcst.", "Best case fcst.", "Attainment", "Gap",    "Coverage",  "Renewal base"};
    static const char* const kTips[] = {
        "",
        "The period's quota (new MRC); months without one add nothing",
        "New MRC of deals won in the period",
        "Open deals in the Commit category",
        "Open deals in the Best Case category",
        "Pipeline-category deals \xC3\x97 their probability",
        "Closed won + Commit",
        "Closed won + Commit + Best Case",
        "Closed won \xC3\xB7 quota",
        "Quota \xE2\x88\x92 closed won",
        "Open pipeline \xC3\xB7 gap",
        "MRC of client contracts ending in the period: to renew, not new revenue"};
    constexpr int n = 12;
    if (!ImGui::BeginTable("##forecast-table", n, flags, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    for (int c = 0; c < n; ++c)
        ImGui::TableSetupColumn(kCols[c], c == 0 ? ImGuiTableColumnFlags_WidthFixed : 0,
                                c == 0 ? 118 * ui.dpr : 0);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < n; ++c) {
        ImGui::TableSetColumnIndex(c);
        if (c == 0)
            ImGui::TableHeader(kCols[c]);
        else {
            // Numbers are right-aligned, so are their headers.
            const float w = ImGui::CalcTextSize(kCols[c]).x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                                 std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
            ImGui::TableHeader(kCols[c]);
        }
        if (kTips[c][0]) tooltip_on_hover(kTips[c]);
    }
    const int sel = selected_period(m, ui);
    auto money = [](core::Cents c) { text_right(mrc_whole(c)); };
    auto row = [&](const core::ForecastPeriod& per, int index, bool total) {
        const core::MonthKpis k = core::month_kpis(per.total);
        ImGui::TableNextRow();
        if (total) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, p.surface_alt);
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(index);
        const bool bold = total || index == m.current;
        if (bold) ImGui::PushFont(ui.fonts.bold);
        const std::string name = total ? "Total" : period_long(per.first, per.months);
        if (ImGui::Selectable(name.c_str(), !total && index == sel,
                              ImGuiSelectableFlags_SpanAllColumns) &&
            !total)
            ui.forecast.selected = index == ui.forecast.selected ? -1 : index;
        if (bold) ImGui::PopFont();
        ImGui::PopID();
        ImGui::TableSetColumnIndex(1);
        if (per.total.quota > 0)
            money(per.total.quota);
        else
            text_right("no quota set");
        ImGui::TableSetColumnIndex(2);
        money(per.total.closed_won);
        ImGui::TableSetColumnIndex(3);
        money(per.total.commit);
        ImGui::TableSetColumnIndex(4);
        money(per.total.best_case);
        ImGui::TableSetColumnIndex(5);
        money(per.total.pipeline_weighted);
        ImGui::TableSetColumnIndex(6);
        money(k.commit_forecast);
        ImGui::TableSetColumnIndex(7);
        money(k.best_case_forecast);
        ImGui::TableSetColumnIndex(8);
        if (k.attainment_pct) {
            const std::string a = core::format_percent(*k.attainment_pct);
            const float w = ImGui::CalcTextSize(a.c_str()).x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
            ImGui::TextColored(to_vec4(*k.attainment_pct >= 100 ? p.success : p.text), "%s",
                               a.c_str());
        } else {
            text_right("\xE2\x80\x94");
        }
        ImGui::TableSetColumnIndex(9);
        if (per.total.quota > 0)
            money(k.gap);
        else
            text_right("\xE2\x80\x94");
        ImGui::TableSetColumnIndex(10);
        // Coverage looks ahead: a period that is over has nothing left to cover.
        const bool over = !total && per.first.index + per.months <= m.this_month.index;
        text_right(k.coverage && !over ? coverage_text(*k.coverage) : "\xE2\x80\x94");
        ImGui::TableSetColumnIndex(11);
        money(per.total.renewal_base);
    };
    for (std::size_t i = 0; i < m.periods.size(); ++i)
        row(m.periods[i], static_cast<int>(i), false);
    if (m.granularity != core::Granularity::Year && m.periods.size() > 1) {
        const std::vector<core::MonthSummary> year(m.months.begin() + 12, m.months.begin() + 24);
        const core::ForecastPeriod total =
            core::forecast_periods(year, core::Granularity::Year).front();
        row(total, -2, true);
    }
    ImGui::EndTable();
}

} // namespace footprint::ui
