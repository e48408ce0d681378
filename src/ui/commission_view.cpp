// The Commission tab: what each month of the year pays and the year to date, what the next dollar
// earns, and for the picked month the breakdown by tier and extra rate, explained.
#include "core/format.h"
#include "core/money_input.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace footprint::ui {

namespace {

// The payouts if every Commit deal lands, cached with the forecast model.
struct Projection {
    CacheKey key;
    std::vector<core::CommissionMonth> months;
};
Projection g_projection;

const std::vector<core::CommissionMonth>& projection(const app::App& app, int year) {
    if (g_projection.key.refresh(app, year))
        g_projection.months =
            core::commit_commission_by_month(app.plan(), core::YearMonth::of(year, 1), 12);
    return g_projection.months;
}

std::string band_name(const core::CommissionBand& b, bool quota) {
    if (!quota) return "Every dollar (no quota set)";
    if (!b.to_pct) return "Above " + std::to_string(b.from_pct) + "% of quota";
    return std::to_string(b.from_pct) + "% \xE2\x80\x93 " + std::to_string(*b.to_pct) +
           "% of quota";
}

std::string family_name(const std::string& family) {
    if (family.empty()) return "Win-back bonus";
    std::string s = family;
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s + " bonus";
}

// "100% · 150% above 100% · 200% above 125%"
std::string plan_summary(const core::CommissionPlan& c) {
    std::string s;
    for (const core::RateStep& r : core::rate_schedule(c)) {
        if (!s.empty()) s += "  \xC2\xB7  ";
        s += core::format_rate_bp(r.rate_bp);
        if (r.from_pct > 0) s += " above " + std::to_string(r.from_pct) + "%";
    }
    return s;
}

std::string extras_summary(const core::CommissionPlan& c) {
    std::string s;
    for (const auto& [family, bp] : c.family_bonus_bp) {
        s += s.empty() ? "+" : ", +";
        s += core::format_rate_bp(bp) + " " + family;
    }
    if (c.winback_bonus_bp > 0) {
        s += s.empty() ? "+" : ", +";
        s += core::format_rate_bp(c.winback_bonus_bp) + " win-backs";
    }
    return s.empty() ? "no extra rates" : s;
}

void kpis(const app::App& app, const UiState& ui, const ForecastModel& m,
          const core::CommissionMonth& cm) {
    const Palette& p = palette();
    const float w = row_item_width(4);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 1.5f;
    kpi_tile(ui, "Commission \xC2\xB7 " + month_year(cm.month), money_whole(cm.payout),
             money_whole(cm.won) + " won" +
                 (cm.attainment_pct
                      ? " \xC2\xB7 " + core::format_percent(*cm.attainment_pct) + " of quota"
                      : std::string(" \xC2\xB7 no quota set")),
             p.success, w);
    tooltip_on_hover("Paid on the new MRC closed won in the month, by the plan's tiers and extra "
                     "rates. The breakdown below shows how.");
    ImGui::SameLine(0, gap);
    const core::CommissionMonth& last = m.commission.back();
    const bool this_year = m.year == m.this_month.year();
    const core::CommissionMonth& ytd =
        this_year ? m.commission[static_cast<std::size_t>(m.this_month.month() - 1)] : last;
    kpi_tile(ui, this_year ? "Year to date" : "Year " + std::to_string(m.year),
             money_whole(ytd.year_to_date),
             this_year ? "January through " + std::string(month_long(m.this_month.month()))
                       : "all twelve months",
             p.accent, w);
    ImGui::SameLine(0, gap);
    std::string sub = "no higher tier: uncapped";
    if (cm.to_next_band)
        sub = money_whole(*cm.to_next_band) + " more to reach " +
              core::format_rate_bp(*cm.next_band_rate_bp) + " (at " +
              std::to_string(*cm.next_band_pct) + "%)";
    if (!cm.attainment_pct) sub = "no quota set: no accelerator";
    kpi_tile(ui, "Next dollar earns", core::format_rate_bp(cm.marginal_rate_bp), sub, p.warning, w);
    tooltip_on_hover("The rate of the next dollar of MRC you close this month, before extra "
                     "rates. Tiers are marginal: a higher tier raises only the dollars above its "
                     "threshold.");
    ImGui::SameLine(0, gap);
    // The rates in a row ("100/150/200%") and where they step up.
    const std::vector<core::RateStep> steps = core::rate_schedule(app.plan().commission);
    std::string rates, thresholds;
    for (const core::RateStep& r : steps) {
        rates += (rates.empty() ? "" : "/") + core::rate_input_text(r.rate_bp);
        if (r.from_pct > 0)
            thresholds += (thresholds.empty() ? "" : ", ") + std::to_string(r.from_pct) + "%";
    }
    kpi_tile(ui, "Your plan", rates + "%",
             thresholds.empty() ? std::string("one rate, no accelerator")
                                : "steps up at " + thresholds + " of quota",
             p.text_muted, w);
    tooltip_on_hover(("Rates: " + plan_summary(app.plan().commission) +
                      ".\nExtra rates: " + extras_summary(app.plan().commission) + ".")
                         .c_str());
}

void month_table(UiState& ui, const ForecastModel& m,
                 const std::vector<core::CommissionMonth>& proj, int selected) {
    const Palette& p = palette();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchSame;
    static const char* const kCols[] = {"Month",  "Quota",  "Won",          "Attainment", "Tiers",
                                        "Extras", "Payout", "Year to date", "With commit"};
    if (!ImGui::BeginTable("##commission-months", 9, flags, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    for (int c = 0; c < 9; ++c)
        ImGui::TableSetupColumn(kCols[c], c == 0 ? ImGuiTableColumnFlags_WidthFixed : 0,
                                c == 0 ? 110 * ui.dpr : 0);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < 9; ++c) {
        ImGui::TableSetColumnIndex(c);
        if (c > 0) {
            const float w = ImGui::CalcTextSize(kCols[c]).x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                                 std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
        }
        ImGui::TableHeader(kCols[c]);
        if (c == 8)
            tooltip_on_hover("The month's payout if every open Commit deal closing in it is won "
                             "on its close date.");
    }
    core::Cents total_payout = 0, total_proj = 0;
    for (std::size_t i = 0; i < m.commission.size(); ++i) {
        const core::CommissionMonth& cm = m.commission[i];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(static_cast<int>(i));
        const bool current = cm.month == m.this_month;
        if (current) ImGui::PushFont(ui.fonts.bold);
        if (ImGui::Selectable(month_long(cm.month.month()), static_cast<int>(i) + 1 == selected,
                              ImGuiSelectableFlags_SpanAllColumns))
            ui.forecast.commission_month = static_cast<int>(i) + 1;
        if (current) ImGui::PopFont();
        ImGui::PopID();
        ImGui::TableSetColumnIndex(1);
        text_right(cm.quota > 0 ? money_whole(cm.quota) : "no quota set");
        ImGui::TableSetColumnIndex(2);
        text_right(money_whole(cm.won));
        ImGui::TableSetColumnIndex(3);
        text_right(cm.attainment_pct ? core::format_percent(*cm.attainment_pct) : "\xE2\x80\x94");
        ImGui::TableSetColumnIndex(4);
        text_right(money_whole(cm.tier_payout));
        ImGui::TableSetColumnIndex(5);
        text_right(money_whole(cm.extra_payout));
        ImGui::TableSetColumnIndex(6);
        ImGui::PushFont(ui.fonts.bold);
        text_right(money_whole(cm.payout));
        ImGui::PopFont();
        ImGui::TableSetColumnIndex(7);
        text_right(money_whole(cm.year_to_date));
        ImGui::TableSetColumnIndex(8);
        const core::Cents pr = i < proj.size() ? proj[i].payout : cm.payout;
        if (pr != cm.payout) {
            const std::string t = money_whole(pr);
            const float w = ImGui::CalcTextSize(t.c_str()).x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
            ImGui::TextColored(to_vec4(p.accent), "%s", t.c_str());
        } else {
            text_right(money_whole(pr));
        }
        total_payout += cm.payout;
        total_proj += pr;
    }
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, p.surface_alt);
    ImGui::TableSetColumnIndex(0);
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(std::to_string(m.year).c_str());
    ImGui::TableSetColumnIndex(6);
    text_right(money_whole(total_payout));
    ImGui::TableSetColumnIndex(8);
    text_right(money_whole(total_proj));
    ImGui::PopFont();
    ImGui::EndTable();
}

// One line of the breakdown: what, the MRC it applies to, the rate and what it pays, with a bar
// showing how full a tier's band is.
void breakdown_line(const UiState& ui, const std::string& what, core::Cents amount, int rate_bp,
                    core::Cents payout, std::optional<double> fill, bool muted) {
    const Palette& p = palette();
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    if (muted)
        text_muted(what);
    else
        ImGui::TextUnformatted(what.c_str());
    if (fill) {
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x, h = 4 * ui.dpr;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), p.grid, h);
        dl->AddRectFilled(
            a, ImVec2(a.x + w * static_cast<float>(std::clamp(*fill, 0.0, 1.0)), a.y + h),
            p.success, h);
        ImGui::Dummy(ImVec2(w, h + 2 * ui.dpr));
    }
    ImGui::TableSetColumnIndex(1);
    text_right(money_whole(amount));
    ImGui::TableSetColumnIndex(2);
    text_right("\xC3\x97 " + core::format_rate_bp(rate_bp));
    ImGui::TableSetColumnIndex(3);
    if (!muted) ImGui::PushFont(ui.fonts.bold);
    text_right(money_whole(payout));
    if (!muted) ImGui::PopFont();
}

void breakdown(const UiState& ui, const core::CommissionMonth& cm) {
    const Palette& p = palette();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(("How " + month_year(cm.month) + " pays").c_str());
    ImGui::PopFont();
    if (cm.quota > 0)
        text_muted(money_whole(cm.won) + " won of a " + money_whole(cm.quota) + " quota (" +
                   core::format_percent(*cm.attainment_pct) + ")");
    else
        text_muted(money_whole(cm.won) + " won  \xC2\xB7  no quota set for this month");
    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    if (ImGui::BeginTable("##breakdown", 4,
                          ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("What", 0, 2.6f);
        ImGui::TableSetupColumn("MRC", 0, 1.2f);
        ImGui::TableSetupColumn("Rate", 0, 0.9f);
        ImGui::TableSetupColumn("Pays", 0, 1.2f);
        const bool quota = cm.quota > 0;
        for (const core::CommissionBand& b : cm.bands) {
            std::optional<double> fill;
            if (quota && b.to_amount && *b.to_amount > b.from_amount)
                fill = static_cast<double>(b.amount) /
                       static_cast<double>(*b.to_amount - b.from_amount);
            breakdown_line(ui, band_name(b, quota), b.amount, b.rate_bp, b.payout, fill,
                           b.amount == 0);
        }
        for (const core::CommissionExtra& e : cm.extras)
            breakdown_line(ui,
                           family_name(e.family) + " (" + std::to_string(e.deals) +
                               (e.deals == 1 ? " deal)" : " deals)"),
                           e.amount, e.rate_bp, e.payout, std::nullopt, false);
        ImGui::TableNextRow();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, p.surface_alt);
        ImGui::TableSetColumnIndex(0);
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted("Commission");
        ImGui::TableSetColumnIndex(3);
        text_right(money_whole(cm.payout));
        ImGui::PopFont();
        ImGui::EndTable();
    }
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x);
    if (cm.quota > 0)
        text_muted("Tiers are marginal, like tax brackets: each dollar is paid at the rate of the "
                   "band it falls in. Reaching a higher tier raises the rate of the dollars above "
                   "its threshold only; the dollar that lands exactly on a threshold is paid at "
                   "the lower rate. The last tier is uncapped. Extra rates are added on top, on "
                   "the whole MRC of the deals that earn them. Each line is rounded to the cent.");
    else
        text_muted("Without a quota there is no attainment, so every dollar is paid at the rate "
                   "of the first band and no accelerator applies. Set this month's quota with the "
                   "Quota button to earn accelerators.");
    ImGui::PopTextWrapPos();
}

} // namespace

void draw_commission_tab(app::App& app, UiState& ui, const ForecastModel& m) {
    if (m.commission.empty()) return;
    int month = ui.forecast.commission_month;
    if (month < 1 || month > 12) month = m.year == m.this_month.year() ? m.this_month.month() : 1;
    const core::CommissionMonth& cm = m.commission[static_cast<std::size_t>(month - 1)];
    kpis(app, ui, m, cm);
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));

    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::AlignTextToFramePadding();
    text_muted("Paid on new MRC closed won each month. Click a month for its breakdown.");
    const char* edit = ICON_PENCIL "  Edit commission plan";
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(edit).x -
                    st.FramePadding.x * 2);
    if (ImGui::Button(edit)) open_commission_editor(app, ui);
    tooltip_on_hover("Base rate, tiers with accelerators, extra rates for product families and "
                     "win-backs.");

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float right_w = std::max(360 * ui.dpr, avail.x * 0.38f);
    ImGui::BeginChild("##commission-left",
                      ImVec2(avail.x - right_w - st.ItemSpacing.x * 2, avail.y));
    month_table(ui, m, projection(app, m.year), month);
    ImGui::EndChild();
    ImGui::SameLine(0, st.ItemSpacing.x * 2);
    const Palette& p = palette();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(a, ImVec2(a.x + right_w, a.y + avail.y), p.surface,
                                              st.ChildRounding);
    ImGui::GetWindowDrawList()->AddRect(a, ImVec2(a.x + right_w, a.y + avail.y), p.border,
                                        st.ChildRounding);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * ui.dpr, 12 * ui.dpr));
    ImGui::BeginChild("##commission-right", ImVec2(right_w, avail.y),
                      ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    breakdown(ui, cm);
    ImGui::EndChild();
}

} // namespace footprint::ui
