// The forecast chart, drawn with ImDrawList: stacked bars per month, quarter or year (closed won,
// commit, best case, weighted pipeline) under a dashed quota line, the year-to-date attainment as a
// line on its own axis, light grid lines, a legend, and every number of a period on hover.
#include "core/format.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace footprint::ui {

namespace {

struct Series {
    const char* label;
    const char* help;
    ImU32 colour;
    core::Cents core::MonthSummary::*value;
};

std::vector<Series> series() {
    return {
        {"Closed won", "New MRC of deals won", series_closed_won(),
         &core::MonthSummary::closed_won},
        {"Commit", "Open deals in the Commit category (unweighted)", series_commit(),
         &core::MonthSummary::commit},
        {"Best case", "Open deals in the Best Case category (unweighted)", series_best_case(),
         &core::MonthSummary::best_case},
        {"Weighted pipeline", "Pipeline-category deals \xC3\x97 their probability",
         series_pipeline(), &core::MonthSummary::pipeline_weighted},
    };
}

// A step of 1, 2, 2.5 or 5 × 10^n giving about `ticks` grid lines up to `max_value`.
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

ImU32 line_colour() {
    return palette().text;
}

// A legend entry: a swatch (or a line sample) and a label; returns its width.
float legend_width(const UiState& ui, const char* label) {
    return 10 * ui.dpr + 6 * ui.dpr + ImGui::CalcTextSize(label).x;
}

void legend_item(const UiState& ui, ImDrawList* dl, ImVec2& pos, const char* label, int kind,
                 ImU32 colour, const char* help) {
    const Palette& p = palette();
    const float line = ImGui::GetTextLineHeight();
    const float cy = pos.y + line * 0.5f;
    const float s = 10 * ui.dpr;
    float sample_w = s;
    if (kind == 0) {
        dl->AddRectFilled(ImVec2(pos.x, cy - s * 0.5f), ImVec2(pos.x + s, cy + s * 0.5f), colour,
                          2 * ui.dpr);
    } else if (kind == 1) { // quota: dashed
        sample_w = 18 * ui.dpr;
        dashed_line(dl, ImVec2(pos.x, cy), ImVec2(pos.x + sample_w, cy), colour, 2 * ui.dpr,
                    4 * ui.dpr);
    } else { // cumulative attainment: a line with a dot
        sample_w = 18 * ui.dpr;
        dl->AddLine(ImVec2(pos.x, cy), ImVec2(pos.x + sample_w, cy), colour, 2 * ui.dpr);
        dl->AddCircleFilled(ImVec2(pos.x + sample_w * 0.5f, cy), 3.5f * ui.dpr, p.surface);
        dl->AddCircle(ImVec2(pos.x + sample_w * 0.5f, cy), 3.5f * ui.dpr, colour, 0, 2 * ui.dpr);
    }
    const float tx = pos.x + sample_w + 6 * ui.dpr;
    dl->AddText(ImVec2(tx, pos.y), p.text_muted, label);
    const float w = tx + ImGui::CalcTextSize(label).x - pos.x;
    if (ImGui::IsMouseHoveringRect(pos, ImVec2(pos.x + w, pos.y + line)) &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows))
        ImGui::SetTooltip("%s", help);
    pos.x += w + 18 * ui.dpr;
}

void period_tooltip(const UiState& ui, const core::ForecastPeriod& per) {
    const Palette& p = palette();
    const core::MonthKpis k = core::month_kpis(per.total);
    ImGui::BeginTooltip();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(period_long(per.first, per.months).c_str());
    ImGui::PopFont();
    if (ImGui::BeginTable("##tip", 2, ImGuiTableFlags_SizingFixedFit)) {
        auto row = [&](ImU32 colour, const std::string& label, const std::string& value,
                       bool strong) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const float s = 10 * ui.dpr;
            const ImVec2 c = ImGui::GetCursorScreenPos();
            if (colour) {
                const float y = c.y + (ImGui::GetTextLineHeight() - s) * 0.5f;
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(c.x, y), ImVec2(c.x + s, y + s),
                                                          colour, 2 * ui.dpr);
            }
            ImGui::Dummy(ImVec2(s, 0));
            ImGui::SameLine(0, 6 * ui.dpr);
            if (strong)
                ImGui::TextUnformatted(label.c_str());
            else
                ImGui::TextColored(to_vec4(p.text_muted), "%s", label.c_str());
            ImGui::TableNextColumn();
            if (strong) ImGui::PushFont(ui.fonts.bold);
            text_right(value);
            if (strong) ImGui::PopFont();
        };
        auto deals = [](int n) { return n ? "  (" + core::format_count(n) + ")" : std::string(); };
        for (const Series& s : series()) {
            std::string label = s.label;
            if (s.value == &core::MonthSummary::closed_won) label += deals(per.total.won_count);
            if (s.value == &core::MonthSummary::commit) label += deals(per.total.commit_count);
            if (s.value == &core::MonthSummary::best_case)
                label += deals(per.total.best_case_count);
            row(s.colour, label, mrc_whole(per.total.*s.value), true);
        }
        row(0, "Pipeline, unweighted" + deals(per.total.pipeline_count),
            mrc_whole(per.total.pipeline), false);
        row(0, "Commit forecast", mrc_whole(k.commit_forecast), false);
        row(0, "Best case forecast", mrc_whole(k.best_case_forecast), false);
        row(0, "Quota", per.total.quota > 0 ? mrc_whole(per.total.quota) : "no quota set", false);
        row(0, "Attainment",
            k.attainment_pct ? core::format_percent(*k.attainment_pct) : "\xE2\x80\x94", false);
        if (per.total.quota > 0) row(0, "Gap to goal", mrc_whole(k.gap), false);
        row(0, "Year-to-date attainment",
            per.cumulative_attainment_pct ? core::format_percent(*per.cumulative_attainment_pct)
                                          : "\xE2\x80\x94",
            false);
        row(0, "Renewal base", mrc_whole(per.total.renewal_base), false);
        ImGui::EndTable();
    }
    ImGui::TextColored(to_vec4(p.text_muted), "Click to see this period's numbers above");
    ImGui::EndTooltip();
}

} // namespace

void draw_forecast_chart(UiState& ui, const ForecastModel& m, float height) {
    const Palette& p = palette();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(origin.x + width, origin.y + height);
    dl->AddRectFilled(origin, end, p.surface, st.ChildRounding);
    dl->AddRect(origin, end, p.border, st.ChildRounding);
    ui.forecast.bar_rects.clear();
    const float pad = 16 * ui.dpr;
    const float line = ImGui::GetTextLineHeight();

    // Title, granularity and legend.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + pad - st.FramePadding.y));
    const std::string title =
        m.granularity == core::Granularity::Year
            ? std::to_string(m.year - 1) + "\xE2\x80\x93" + std::to_string(m.year) +
                  "\xE2\x80\x93" + std::to_string(m.year + 1) + " by year"
            : std::to_string(m.year) +
                  (m.granularity == core::Granularity::Month ? " by month" : " by quarter");
    ImGui::PushFont(ui.fonts.bold);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 14 * ui.dpr);
    static const char* const kGran[] = {"Month", "Quarter", "Year"};
    if (segmented(ui, "##granularity", kGran, 3, ui.forecast.granularity))
        ui.forecast.selected = -1;
    tooltip_on_hover("By month (M), quarter (Q) or year (Y)");
    const float controls_end = ImGui::GetItemRectMax().x;

    const std::vector<Series> ss = series();
    const char* quota_label = m.any_quota ? "Quota" : "No quota set";
    const char* ytd_label = "Attainment, year to date";
    float legend_w = 0;
    for (const Series& s : ss)
        legend_w += legend_width(ui, s.label) + 18 * ui.dpr;
    legend_w += 18 * ui.dpr + 6 * ui.dpr + ImGui::CalcTextSize(quota_label).x + 18 * ui.dpr;
    legend_w += 18 * ui.dpr + 6 * ui.dpr + ImGui::CalcTextSize(ytd_label).x;
    float top = origin.y + pad + line;
    ImVec2 lpos(end.x - pad - legend_w, origin.y + pad);
    if (lpos.x < controls_end + 24 * ui.dpr) { // narrow: the legend gets its own row
        lpos = ImVec2(origin.x + pad, top + 8 * ui.dpr);
        top = lpos.y + line;
    }
    for (const Series& s : ss)
        legend_item(ui, dl, lpos, s.label, 0, s.colour, s.help);
    legend_item(ui, dl, lpos, quota_label, 1, m.any_quota ? p.text : p.text_muted,
                m.any_quota ? "Your revenue quota for the period (new MRC)"
                            : "Set a quota (the Quota button above) to see attainment.");
    legend_item(ui, dl, lpos, ytd_label, 2, line_colour(),
                "Closed won \xC3\xB7 quota from January through the period (right axis)");

    // Scales: money on the left, attainment on the right.
    double max_dollars = 0, max_pct = 100;
    bool any_cumulative = false;
    for (const core::ForecastPeriod& per : m.periods) {
        core::Cents stack = 0;
        for (const Series& s : ss)
            stack += per.total.*s.value;
        max_dollars = std::max({max_dollars, static_cast<double>(stack) / 100.0,
                                static_cast<double>(per.total.quota) / 100.0});
        if (per.cumulative_attainment_pct) {
            any_cumulative = true;
            max_pct = std::max(max_pct, *per.cumulative_attainment_pct);
        }
    }
    const double step = nice_step(max_dollars * 1.08, 5);
    const int ticks = std::max(1, static_cast<int>(std::ceil(max_dollars * 1.08 / step)));
    const double top_dollars = step * ticks;
    const double top_pct = std::ceil(max_pct * 1.1 / 25.0) * 25.0;

    const float axis_title_h = line + 6 * ui.dpr;
    const float label_w =
        ImGui::CalcTextSize(
            core::format_money_short(static_cast<core::Cents>(top_dollars * 100)).c_str())
            .x;
    const float pct_w = any_cumulative ? ImGui::CalcTextSize("1,000%").x + 10 * ui.dpr : 0;
    const float left =
        origin.x + pad + std::max(label_w, ImGui::CalcTextSize("New MRC").x * 0.5f) + 10 * ui.dpr;
    const float right = end.x - pad - pct_w;
    const float plot_top = top + 12 * ui.dpr + axis_title_h;
    const float bottom = end.y - pad - line * 2 - 10 * ui.dpr; // period and attainment below
    if (bottom - plot_top < 60 * ui.dpr || right - left < 160 * ui.dpr || m.periods.empty()) {
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(width, height));
        return;
    }
    ui.forecast.plot_top = plot_top / ui.dpr;
    ui.forecast.plot_bottom = bottom / ui.dpr;
    ui.forecast.axis_max_dollars = top_dollars;
    auto y_of = [&](double dollars) {
        return bottom - static_cast<float>(dollars / top_dollars) * (bottom - plot_top);
    };
    auto y_pct = [&](double pct) {
        return bottom - static_cast<float>(pct / top_pct) * (bottom - plot_top);
    };

    // Axis titles, with their units.
    dl->AddText(ImVec2(origin.x + pad, plot_top - axis_title_h - 2 * ui.dpr), p.text_muted,
                "New MRC ($/mo)");
    if (any_cumulative) {
        const char* t = "YTD attainment (%)";
        const float tw = ImGui::CalcTextSize(t).x;
        dl->AddText(ImVec2(end.x - pad - tw, plot_top - axis_title_h - 2 * ui.dpr), p.text_muted,
                    t);
    }
    // Grid lines and labels.
    for (int i = 0; i <= ticks; ++i) {
        const double v = step * i;
        const float y = std::round(y_of(v));
        dl->AddLine(ImVec2(left, y), ImVec2(right, y), i == 0 ? p.border : p.grid, 1 * ui.dpr);
        const std::string label = core::format_money_short(static_cast<core::Cents>(v * 100));
        const float tw = ImGui::CalcTextSize(label.c_str()).x;
        dl->AddText(ImVec2(left - 10 * ui.dpr - tw, y - line * 0.5f), p.text_muted, label.c_str());
    }
    if (any_cumulative) {
        const double pstep = top_pct <= 150 ? 25 : top_pct <= 300 ? 50 : 100;
        for (double v = 0; v <= top_pct + 0.01; v += pstep) {
            const std::string label = core::format_percent(v);
            dl->AddText(ImVec2(right + 8 * ui.dpr, y_pct(v) - line * 0.5f), p.text_muted,
                        label.c_str());
        }
    }

    const int n = static_cast<int>(m.periods.size());
    const float slot = (right - left) / static_cast<float>(n);
    const float bar_w = std::min(slot * 0.56f, 64 * ui.dpr);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool in_plot = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) &&
                         !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) && mouse.x >= left &&
                         mouse.x < right && mouse.y >= plot_top - line && mouse.y <= end.y - pad;
    int hovered = -1;
    if (in_plot) hovered = std::clamp(static_cast<int>((mouse.x - left) / slot), 0, n - 1);
    const int sel = selected_period(m, ui);

    std::vector<ImVec2> points;
    for (int i = 0; i < n; ++i) {
        const core::ForecastPeriod& per = m.periods[static_cast<std::size_t>(i)];
        const float x0 = left + slot * static_cast<float>(i);
        const float cx = x0 + slot * 0.5f;
        const bool current = i == m.current;
        if (i == hovered || i == sel)
            dl->AddRectFilled(ImVec2(x0 + 2 * ui.dpr, plot_top),
                              ImVec2(x0 + slot - 2 * ui.dpr, bottom),
                              with_alpha(p.accent, i == sel ? 0.10f : 0.06f), 4 * ui.dpr);
        double base = 0;
        float stack_top = bottom;
        for (std::size_t k = 0; k < ss.size(); ++k) {
            const double v = static_cast<double>(per.total.*ss[k].value) / 100.0;
            if (v <= 0) continue;
            const float y1 = y_of(base), y0 = y_of(base + v);
            bool is_top = true;
            for (std::size_t j = k + 1; j < ss.size(); ++j)
                if (per.total.*ss[j].value > 0) is_top = false;
            dl->AddRectFilled(ImVec2(cx - bar_w * 0.5f, y0), ImVec2(cx + bar_w * 0.5f, y1),
                              ss[k].colour, is_top ? 3 * ui.dpr : 0, ImDrawFlags_RoundCornersTop);
            base += v;
            stack_top = y0;
        }
        ui.forecast.bar_rects.emplace_back(period_long(per.first, per.months),
                                           CssRect{(cx - bar_w * 0.5f) / ui.dpr, stack_top / ui.dpr,
                                                   (cx + bar_w * 0.5f) / ui.dpr, bottom / ui.dpr});
        // The period's quota as a dashed step across its slot.
        if (per.total.quota > 0) {
            const float qy = std::round(y_of(static_cast<double>(per.total.quota) / 100.0));
            dashed_line(dl, ImVec2(x0 + 3 * ui.dpr, qy), ImVec2(x0 + slot - 3 * ui.dpr, qy), p.text,
                        2 * ui.dpr, 5 * ui.dpr);
        }
        if (per.cumulative_attainment_pct)
            points.emplace_back(cx, y_pct(*per.cumulative_attainment_pct));
        // Labels: the period, and its attainment under it.
        const std::string label = period_short(per.first, per.months);
        ImFont* f = current || i == sel ? ui.fonts.bold : ui.fonts.body;
        const float tw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str()).x;
        dl->AddText(f, f->FontSize, ImVec2(cx - tw * 0.5f, bottom + 6 * ui.dpr),
                    current ? p.accent : p.text, label.c_str());
        const core::MonthKpis k = core::month_kpis(per.total);
        const std::string att =
            k.attainment_pct ? core::format_percent(*k.attainment_pct) : std::string("no quota");
        const float aw = ImGui::CalcTextSize(att.c_str()).x;
        if (aw < slot - 4 * ui.dpr)
            dl->AddText(ImVec2(cx - aw * 0.5f, bottom + 6 * ui.dpr + line + 1 * ui.dpr),
                        k.attainment_pct && *k.attainment_pct >= 100 ? p.success : p.text_muted,
                        att.c_str());
    }
    // The year-to-date attainment line, over the bars.
    if (points.size() > 1)
        dl->AddPolyline(points.data(), static_cast<int>(points.size()), line_colour(), 0,
                        2 * ui.dpr);
    for (const ImVec2& pt : points) {
        dl->AddCircleFilled(pt, 4 * ui.dpr, p.surface);
        dl->AddCircle(pt, 4 * ui.dpr, line_colour(), 0, 2 * ui.dpr);
    }
    // Label the quota line once, on a chip at the left of the first period with a quota.
    for (const core::ForecastPeriod& per : m.periods) {
        if (per.total.quota <= 0) continue;
        const std::string q = "Quota " + core::format_money_short(per.total.quota);
        const ImVec2 ts =
            ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, q.c_str());
        const float qy = std::round(y_of(static_cast<double>(per.total.quota) / 100.0));
        const int i = static_cast<int>(&per - m.periods.data());
        const ImVec2 a(left + slot * static_cast<float>(i) + 6 * ui.dpr,
                       qy - ts.y * 0.5f - 3 * ui.dpr);
        const ImVec2 b(a.x + ts.x + 12 * ui.dpr, qy + ts.y * 0.5f + 3 * ui.dpr);
        dl->AddRectFilled(a, b, p.surface, 4 * ui.dpr);
        dl->AddRect(a, b, p.border, 4 * ui.dpr);
        dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize,
                    ImVec2(a.x + 6 * ui.dpr, a.y + 3 * ui.dpr), p.text, q.c_str());
        break;
    }

    if (hovered >= 0) {
        period_tooltip(ui, m.periods[static_cast<std::size_t>(hovered)]);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left))
            ui.forecast.selected = hovered == ui.forecast.selected ? -1 : hovered;
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
}

} // namespace footprint::ui
