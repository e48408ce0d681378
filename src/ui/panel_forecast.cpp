// The forecast view: this month against quota in four numbers, then the year as stacked monthly
// bars (closed won, commit, best case, weighted pipeline) under a quota line.
#include "core/format.h"
#include "core/summary.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace footprint::ui {

namespace {

struct ForecastData {
    CacheKey key;
    core::YearMonth this_month;
    std::vector<core::MonthSummary> year; // January..December of this year
    core::MonthSummary month;             // this month
    core::MonthKpis kpis;
    bool any_quota = false;
};

ForecastData g_data; // derived from the plan; rebuilt when the plan or the day changes

void refresh(const app::App& app) {
    if (!g_data.key.refresh(app)) return;
    const core::Date today = app.clock().today();
    g_data.this_month = core::YearMonth::of(today);
    g_data.year =
        core::monthly_forecast(app.plan(), core::YearMonth::of(g_data.this_month.year(), 1), 12);
    g_data.month = g_data.year[static_cast<std::size_t>(g_data.this_month.month() - 1)];
    g_data.kpis = core::month_kpis(g_data.month);
    g_data.any_quota = std::any_of(g_data.year.begin(), g_data.year.end(),
                                   [](const core::MonthSummary& m) { return m.quota > 0; });
}

// The chart's series, bottom to top, with their colours: greens for money won, blues fading with
// confidence for money still open.
struct Series {
    const char* label;
    const char* help;
    ImU32 colour;
    core::Cents core::MonthSummary::*value;
};

std::vector<Series> series() {
    const Palette& p = palette();
    // Translucent blues read darker on the dark theme: lift them a little there.
    const bool dark = dark_theme();
    return {
        {"Closed won", "deals won this month", p.success, &core::MonthSummary::closed_won},
        {"Commit", "open deals in the Commit category", p.accent, &core::MonthSummary::commit},
        {"Best case", "open deals in the Best Case category",
         with_alpha(p.accent, dark ? 0.6f : 0.5f), &core::MonthSummary::best_case},
        {"Weighted pipeline", "Pipeline-category deals × probability",
         with_alpha(p.accent, dark ? 0.32f : 0.22f), &core::MonthSummary::pipeline_weighted},
    };
}

std::string coverage_text(double c) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f×", c);
    return buf;
}

void kpi_row(const UiState& ui) {
    const Palette& p = palette();
    const core::MonthKpis& k = g_data.kpis;
    const std::string mon = month_short(g_data.this_month.month());
    const float w = row_item_width(4);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 1.5f;
    const bool has_quota = k.quota > 0;

    if (k.attainment_pct)
        kpi_card(ui, ("Attainment · " + month_year(g_data.this_month)).c_str(),
                 core::format_percent(*k.attainment_pct),
                 money_whole(k.closed_won) + " won of " + mrc_whole(k.quota),
                 *k.attainment_pct >= 100 ? p.success : p.accent, w);
    else
        kpi_card(ui, ("Closed won · " + month_year(g_data.this_month)).c_str(),
                 mrc_whole(k.closed_won), "no quota set", p.text_muted, w);
    tooltip_on_hover("New monthly recurring revenue closed won this month, against the month's "
                     "quota.");
    ImGui::SameLine(0, gap);
    if (!has_quota)
        kpi_card(ui, "Gap to goal", "—", "no quota set", p.text_muted, w);
    else if (k.gap == 0)
        kpi_card(ui, "Gap to goal", mrc_whole(0), "goal reached for " + mon, p.success, w);
    else
        kpi_card(ui, "Gap to goal", mrc_whole(k.gap), "still to close in " + mon, p.warning, w);
    ImGui::SameLine(0, gap);
    std::string commit_sub = "closed won + commit";
    if (k.commit_pct) commit_sub += " · " + core::format_percent(*k.commit_pct) + " of quota";
    kpi_card(ui, "Commit forecast", mrc_whole(k.commit_forecast), commit_sub, p.accent, w);
    tooltip_on_hover("What you expect to land this month: deals already won plus open deals in "
                     "the Commit forecast category.");
    ImGui::SameLine(0, gap);
    if (k.coverage) {
        const double c = *k.coverage;
        kpi_card(ui, "Pipeline coverage", coverage_text(c),
                 money_whole(k.open_pipeline) + " open for a " + money_whole(k.gap) + " gap",
                 c >= 3   ? p.success
                 : c >= 1 ? p.warning
                          : p.danger,
                 w);
    } else {
        kpi_card(ui, "Pipeline coverage", "—", has_quota ? "goal reached" : "no quota set",
                 p.text_muted, w);
    }
    tooltip_on_hover("Open pipeline closing this month divided by the gap still to close. "
                     "About 3× is a healthy cover.");
}

// A y axis step of 1, 2, 2.5 or 5 × 10^n dollars giving about `ticks` grid lines.
double nice_step(double max_value, int ticks) {
    const double raw = std::max(max_value, 1.0) / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / mag;
    const double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    return nice * mag;
}

void dashed_line(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float thickness, float dash) {
    const float len = b.x - a.x;
    for (float x = 0; x < len; x += dash * 2)
        dl->AddLine(ImVec2(a.x + x, a.y), ImVec2(a.x + std::min(x + dash, len), b.y), colour,
                    thickness);
}

void swatch(const UiState& ui, ImU32 colour) {
    const float s = 10 * ui.dpr;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float y = pos.y + (ImGui::GetTextLineHeight() - s) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + s, y + s), colour,
                                              2 * ui.dpr);
    ImGui::Dummy(ImVec2(s, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, 6 * ui.dpr);
}

void month_tooltip(const UiState& ui, const core::MonthSummary& m) {
    const Palette& p = palette();
    ImGui::BeginTooltip();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(month_year(m.month).c_str());
    ImGui::PopFont();
    if (ImGui::BeginTable("##tip", 2, ImGuiTableFlags_SizingFixedFit)) {
        auto row = [&](ImU32 colour, const char* label, const std::string& value, bool muted) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (colour) {
                swatch(ui, colour);
            } else {
                ImGui::Dummy(ImVec2(10 * ui.dpr, 0));
                ImGui::SameLine(0, 6 * ui.dpr);
            }
            if (muted)
                ImGui::TextColored(to_vec4(p.text_muted), "%s", label);
            else
                ImGui::TextUnformatted(label);
            ImGui::TableNextColumn();
            text_right(value);
        };
        for (const Series& s : series())
            row(s.colour, s.label, mrc_whole(m.*s.value), false);
        row(0, "Pipeline, unweighted", mrc_whole(m.pipeline), true);
        row(0, "Expected (closed + weighted)", mrc_whole(m.closed_won + m.weighted), true);
        row(0, "Quota", m.quota > 0 ? mrc_whole(m.quota) : std::string("no quota set"), true);
        const core::MonthKpis k = core::month_kpis(m);
        if (k.attainment_pct) row(0, "Attainment", core::format_percent(*k.attainment_pct), true);
        ImGui::EndTable();
    }
    ImGui::EndTooltip();
}

void legend(const UiState& ui, float right_x) {
    const Palette& p = palette();
    const std::vector<Series> ss = series();
    const float sw = 10 * ui.dpr, sp = 6 * ui.dpr, gap = 18 * ui.dpr;
    float total = 0;
    for (const Series& s : ss)
        total += sw + sp + ImGui::CalcTextSize(s.label).x + gap;
    const char* quota_label = g_data.any_quota ? "Quota" : "No quota set";
    total += 18 * ui.dpr + sp + ImGui::CalcTextSize(quota_label).x;
    ImGui::SameLine();
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right_x - total));
    for (const Series& s : ss) {
        swatch(ui, s.colour);
        ImGui::TextColored(to_vec4(p.text_muted), "%s", s.label);
        tooltip_on_hover(s.help);
        ImGui::SameLine(0, gap);
    }
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float y = pos.y + ImGui::GetTextLineHeight() * 0.5f;
    if (g_data.any_quota) {
        dashed_line(ImGui::GetWindowDrawList(), ImVec2(pos.x, y), ImVec2(pos.x + 18 * ui.dpr, y),
                    p.text, 2 * ui.dpr, 4 * ui.dpr);
        ImGui::Dummy(ImVec2(18 * ui.dpr, ImGui::GetTextLineHeight()));
    } else {
        ImGui::TextColored(to_vec4(p.warning), ICON_INFO);
    }
    ImGui::SameLine(0, sp);
    ImGui::TextColored(to_vec4(p.text_muted), "%s", quota_label);
    tooltip_on_hover(g_data.any_quota ? "Your monthly revenue quota (new MRC)"
                                      : "Set a monthly quota in the plan to see attainment.");
}

void chart(const UiState& ui) {
    const Palette& p = palette();
    const ImGuiStyle& st = ImGui::GetStyle();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(origin.x + avail.x, origin.y + avail.y);
    dl->AddRectFilled(origin, end, p.surface, st.ChildRounding);
    dl->AddRect(origin, end, p.border, st.ChildRounding);

    const float pad = 16 * ui.dpr;
    // Title and legend.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + pad));
    ImGui::PushFont(ui.fonts.bold);
    ImGui::Text("%d by month", g_data.this_month.year());
    ImGui::PopFont();
    tooltip_on_hover("New monthly recurring revenue by close month. Hover a month for details.");
    legend(ui, avail.x - pad + ImGui::GetCursorStartPos().x);

    const std::vector<Series> ss = series();
    double max_dollars = 0;
    for (const core::MonthSummary& m : g_data.year) {
        core::Cents stack = 0;
        for (const Series& s : ss)
            stack += m.*s.value;
        max_dollars = std::max({max_dollars, static_cast<double>(stack) / 100.0,
                                static_cast<double>(m.quota) / 100.0});
    }
    const double step = nice_step(max_dollars * 1.08, 6);
    const int ticks = std::max(1, static_cast<int>(std::ceil(max_dollars * 1.08 / step)));
    const double top = step * ticks;

    // Plot area: y labels on the left, month labels below.
    const float line = ImGui::GetTextLineHeight();
    const float label_w =
        ImGui::CalcTextSize(core::format_money_short(static_cast<core::Cents>(top * 100)).c_str())
            .x;
    const float left = origin.x + pad + label_w + 10 * ui.dpr;
    const float right = end.x - pad;
    const float plot_top = origin.y + pad + line + 24 * ui.dpr;
    const float bottom = end.y - pad - line - 8 * ui.dpr;
    if (bottom - plot_top < 40 * ui.dpr || right - left < 120 * ui.dpr) {
        ImGui::SetCursorScreenPos(end);
        return;
    }
    auto y_of = [&](double dollars) {
        return bottom - static_cast<float>(dollars / top) * (bottom - plot_top);
    };

    for (int i = 0; i <= ticks; ++i) {
        const double v = step * i;
        const float y = std::round(y_of(v));
        dl->AddLine(ImVec2(left, y), ImVec2(right, y), i == 0 ? p.border : p.grid, 1 * ui.dpr);
        const std::string label = core::format_money_short(static_cast<core::Cents>(v * 100));
        const float tw = ImGui::CalcTextSize(label.c_str()).x;
        dl->AddText(ImVec2(left - 10 * ui.dpr - tw, y - line * 0.5f), p.text_muted, label.c_str());
    }

    const int months = static_cast<int>(g_data.year.size());
    const float slot = (right - left) / static_cast<float>(months);
    const float bar_w = std::min(slot * 0.56f, 56 * ui.dpr);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool in_plot = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) &&
                         mouse.x >= left && mouse.x < right && mouse.y >= plot_top - line &&
                         mouse.y <= bottom + line + 8 * ui.dpr;
    int hovered = -1;
    if (in_plot) hovered = std::clamp(static_cast<int>((mouse.x - left) / slot), 0, months - 1);

    for (int i = 0; i < months; ++i) {
        const core::MonthSummary& m = g_data.year[static_cast<std::size_t>(i)];
        const float x0 = left + slot * static_cast<float>(i);
        const float cx = x0 + slot * 0.5f;
        const bool current = m.month == g_data.this_month;
        if (i == hovered || current)
            dl->AddRectFilled(ImVec2(x0 + 2 * ui.dpr, plot_top),
                              ImVec2(x0 + slot - 2 * ui.dpr, bottom),
                              with_alpha(p.accent, i == hovered ? 0.10f : 0.05f), 4 * ui.dpr);
        double base = 0;
        for (std::size_t k = 0; k < ss.size(); ++k) {
            const double v = static_cast<double>(m.*ss[k].value) / 100.0;
            if (v <= 0) continue;
            const float y1 = y_of(base), y0 = y_of(base + v);
            const bool is_top = [&] {
                for (std::size_t j = k + 1; j < ss.size(); ++j)
                    if (m.*ss[j].value > 0) return false;
                return true;
            }();
            dl->AddRectFilled(ImVec2(cx - bar_w * 0.5f, y0), ImVec2(cx + bar_w * 0.5f, y1),
                              ss[k].colour, is_top ? 3 * ui.dpr : 0, ImDrawFlags_RoundCornersTop);
            base += v;
        }
        // Quota for the month as a dashed step across its slot.
        if (m.quota > 0) {
            const float qy = std::round(y_of(static_cast<double>(m.quota) / 100.0));
            dashed_line(dl, ImVec2(x0, qy), ImVec2(x0 + slot, qy), p.text, 2 * ui.dpr, 5 * ui.dpr);
        }
        const char* label = month_short(m.month.month());
        ImFont* f = current ? ui.fonts.bold : ui.fonts.body;
        const float tw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label).x;
        dl->AddText(f, f->FontSize, ImVec2(cx - tw * 0.5f, bottom + 6 * ui.dpr),
                    current ? p.accent : p.text_muted, label);
    }
    // Label the quota line once, on a chip at its left end so bars never hide it.
    const core::MonthSummary& first = g_data.year.front();
    if (first.quota > 0) {
        const std::string q = "Quota " + core::format_money_short(first.quota);
        const ImVec2 ts =
            ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, q.c_str());
        const float qy = std::round(y_of(static_cast<double>(first.quota) / 100.0));
        const ImVec2 a(left + 6 * ui.dpr, qy - ts.y * 0.5f - 3 * ui.dpr);
        const ImVec2 b(a.x + ts.x + 12 * ui.dpr, qy + ts.y * 0.5f + 3 * ui.dpr);
        dl->AddRectFilled(a, b, p.surface, 4 * ui.dpr);
        dl->AddRect(a, b, p.border, 4 * ui.dpr);
        dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize,
                    ImVec2(a.x + 6 * ui.dpr, a.y + 3 * ui.dpr), p.text, q.c_str());
    }

    if (hovered >= 0) month_tooltip(ui, g_data.year[static_cast<std::size_t>(hovered)]);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(avail);
}

} // namespace

void draw_forecast_panel(app::App& app, UiState& ui) {
    refresh(app);
    const core::Plan& plan = app.plan();
    page_header(ui, "Forecast",
                month_year(g_data.this_month) + "  ·  new monthly recurring revenue against quota");
    kpi_row(ui);
    ImGui::Dummy(ImVec2(0, 6 * ui.dpr));
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
                    "The forecast adds up deals won and deals still open by the month they close "
                    "and compares them with your monthly quota. Open a plan with opportunities, "
                    "or try the sample plan.");
        empty_plan_actions(app, ui);
        ImGui::EndChild();
        return;
    }
    chart(ui);
}

} // namespace footprint::ui
