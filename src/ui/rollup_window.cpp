// "Team roll-up": reps' plan files read together (never changed, kept only while the page is open)
// into the team's monthly forecast against the team quota: headline numbers, a chart, a table by
// rep, each rep's deals, and a CSV for Excel.
#include "core/format.h"
#include "core/rollup.h"
#include "ui/files.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace footprint::ui {

namespace {

struct Series {
    const char* label;
    ImU32 colour;
    core::Cents core::MonthSummary::*value;
};

// The forecast view's series and colours, so the two charts read the same.
std::vector<Series> series() {
    const Palette& p = palette();
    const bool dark = dark_theme();
    return {{"Closed won", p.success, &core::MonthSummary::closed_won},
            {"Commit", p.accent, &core::MonthSummary::commit},
            {"Best case", with_alpha(p.accent, dark ? 0.6f : 0.5f), &core::MonthSummary::best_case},
            {"Weighted pipeline", with_alpha(p.accent, dark ? 0.32f : 0.22f), &core::MonthSummary::pipeline_weighted}};
}

// Grid steps of 1, 2, 2.5 or 5 x 10^n (as the forecast view's chart).
double nice_step(double max_value, int ticks) {
    const double raw = std::max(max_value, 1.0) / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / mag;
    return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
}

// A table's header row with the number columns' headings right-aligned, like their numbers.
void headers(const UiState& ui, int columns, int first_number_column) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int i = 0; i < columns; ++i) {
        ImGui::TableNextColumn();
        const char* name = ImGui::TableGetColumnName(i);
        ImGui::PushFont(ui.fonts.bold);
        if (i >= first_number_column) text_right(name);
        else ImGui::TextUnformatted(name);
        ImGui::PopFont();
    }
}

std::string period(const core::Rollup& r) {
    if (r.months <= 0) return "";
    const core::YearMonth last{r.from.index + r.months - 1};
    return std::string(month_short(r.from.month())) + (r.from.year() != last.year() ? " " + std::to_string(r.from.year()) : "") +
           " \u2013 " + month_short(last.month()) + " " + std::to_string(last.year());
}

void toolbar(app::App& app, UiState& ui) {
    SharingState& s = ui.sharing;
    if (primary_button(ICON_UPLOAD "  Add plan files\u2026")) pick_files(ui, kFileRollup, ".json,application/json");
    tooltip_on_hover("Choose the plan files your reps shared (several at once). They are read, never changed.");
    ImGui::SameLine();
    if (ImGui::Button(ICON_PLUS "  Add my open plan")) s.rollup.add_open_plan(app);
    tooltip_on_hover("Adds a copy of your open plan as it is now.");
    ImGui::SameLine(0, 24 * ui.dpr);
    ImGui::AlignTextToFramePadding();
    text_muted("From");
    ImGui::SameLine();
    const core::YearMonth now = core::YearMonth::of(app.clock().today());
    const core::YearMonth from{now.index + s.rollup_start};
    ImGui::SetNextItemWidth(150 * ui.dpr);
    if (ImGui::BeginCombo("##from", month_year(from).c_str())) {
        for (int d = -12; d <= 12; ++d) {
            const core::YearMonth m{now.index + d};
            std::string label = month_year(m) + (d == 0 ? "  (this month)" : "");
            if (ImGui::Selectable(label.c_str(), d == s.rollup_start)) s.rollup_start = d;
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    static const char* const kMonths[] = {"3 months", "6 months", "12 months"};
    int sel = s.rollup_months == 3 ? 0 : s.rollup_months == 12 ? 2 : 1;
    if (segmented(ui, "##months", kMonths, 3, sel)) s.rollup_months = sel == 0 ? 3 : sel == 2 ? 12 : 6;
    ImGui::SameLine(0, 24 * ui.dpr);
    ImGui::AlignTextToFramePadding();
    text_muted("Team quota");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(130 * ui.dpr);
    double q = s.team_quota;
    if (ImGui::InputDouble("##quota", &q, 0, 0, q > 0 ? "$%.0f/mo" : "sum of reps'")) s.team_quota = std::clamp(q, 0.0, 1e9);
    tooltip_on_hover("The team's monthly quota. Leave it at 0 to add up the reps' own quotas.");
    const float export_w = ImGui::CalcTextSize(ICON_FILE_EXCEL "  Export CSV").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - export_w));
    ImGui::BeginDisabled(s.rollup.plans().empty());
    if (ImGui::Button(ICON_FILE_EXCEL "  Export CSV")) export_rollup_csv(app, ui);
    ImGui::EndDisabled();
    tooltip_on_hover("Rows by rep and month with the team's total, for Excel.");
}

void plan_chips(UiState& ui) {
    SharingState& s = ui.sharing;
    const Palette& p = palette();
    int remove = -1;
    const float right = ImGui::GetWindowContentRegionMax().x;
    for (std::size_t i = 0; i < s.rollup.plans().size(); ++i) {
        const core::RollupPlan& rp = s.rollup.plans()[i];
        const std::string text = rp.rep + "  \u00b7  " + rp.plan.name;
        const float w = ImGui::CalcTextSize(text.c_str()).x + ImGui::GetFrameHeight() + 28 * ui.dpr;
        if (i > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
        }
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetFrameHeight();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), p.surface, h * 0.5f);
        dl->AddRect(a, ImVec2(a.x + w, a.y + h), p.border, h * 0.5f);
        ImGui::SetCursorScreenPos(ImVec2(a.x + 12 * ui.dpr, a.y));
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(to_vec4(p.text_muted), ICON_USER);
        ImGui::SameLine(0, 6 * ui.dpr);
        ImGui::TextUnformatted(text.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", rp.file_name.c_str());
        ImGui::SameLine(0, 4 * ui.dpr);
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        if (icon_button(ICON_TIMES "##remove", "Remove this plan from the roll-up")) remove = static_cast<int>(i);
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    if (remove >= 0) {
        if (s.rollup_rep == s.rollup.plans()[static_cast<std::size_t>(remove)].rep) s.rollup_rep.clear();
        s.rollup.remove(static_cast<std::size_t>(remove));
    }
}

void kpis(const UiState& ui, const core::Rollup& r) {
    const Palette& p = palette();
    const core::MonthKpis k = core::rollup_total(r.team);
    const float w = row_item_width(4);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 1.5f;
    kpi_card(ui, ("Team quota \u00b7 " + period(r)).c_str(), money_whole(k.quota),
             r.quota_overridden ? "set here" : "the reps' quotas added up", p.text_muted, w);
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Closed won", money_whole(k.closed_won),
             k.attainment_pct ? core::format_percent(*k.attainment_pct) + " of quota" : "no quota set",
             k.attainment_pct && *k.attainment_pct >= 100 ? p.success : p.accent, w);
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Commit forecast", money_whole(k.commit_forecast),
             k.commit_pct ? "closed won + commit \u00b7 " + core::format_percent(*k.commit_pct) : "closed won + commit",
             p.accent, w);
    tooltip_on_hover("What the team expects to land: deals won plus open deals in the Commit category.");
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Gap to goal", money_whole(k.gap),
             k.quota == 0 ? "no quota set" : k.gap == 0 ? "goal reached" : money_whole(k.open_pipeline) + " open pipeline",
             k.quota == 0 ? p.text_muted : k.gap == 0 ? p.success : p.warning, w);
}

void chart(const UiState& ui, const core::Rollup& r, float height) {
    const Palette& p = palette();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 end(origin.x + width, origin.y + height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, end, p.surface, ImGui::GetStyle().ChildRounding);
    dl->AddRect(origin, end, p.border, ImGui::GetStyle().ChildRounding);
    const float pad = 14 * ui.dpr, line = ImGui::GetTextLineHeight();
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(origin.x + pad, origin.y + pad), p.text,
                "Team forecast by month");
    // Legend, right-aligned on the title line.
    const std::vector<Series> ss = series();
    float lx = end.x - pad;
    const std::string quota_label = "Team quota";
    lx -= ImGui::CalcTextSize(quota_label.c_str()).x;
    dl->AddText(ImVec2(lx, origin.y + pad), p.text_muted, quota_label.c_str());
    lx -= 26 * ui.dpr;
    for (float x = 0; x < 18 * ui.dpr; x += 8 * ui.dpr)
        dl->AddLine(ImVec2(lx + x, origin.y + pad + line * 0.5f), ImVec2(lx + x + 4 * ui.dpr, origin.y + pad + line * 0.5f),
                    p.text, 2 * ui.dpr);
    for (auto it = ss.rbegin(); it != ss.rend(); ++it) {
        lx -= ImGui::CalcTextSize(it->label).x + 34 * ui.dpr;
        dl->AddText(ImVec2(lx, origin.y + pad), p.text_muted, it->label);
        dl->AddRectFilled(ImVec2(lx - 16 * ui.dpr, origin.y + pad + line * 0.5f - 5 * ui.dpr),
                          ImVec2(lx - 6 * ui.dpr, origin.y + pad + line * 0.5f + 5 * ui.dpr), it->colour, 2 * ui.dpr);
    }

    double max_dollars = 0;
    for (const core::MonthSummary& m : r.team) {
        core::Cents stack = 0;
        for (const Series& s : ss) stack += m.*s.value;
        max_dollars = std::max({max_dollars, static_cast<double>(stack) / 100, static_cast<double>(m.quota) / 100});
    }
    const double step = nice_step(max_dollars * 1.08, 5);
    const int ticks = std::max(1, static_cast<int>(std::ceil(max_dollars * 1.08 / step)));
    const double top = step * ticks;
    const float label_w = ImGui::CalcTextSize(core::format_money_short(static_cast<core::Cents>(top * 100)).c_str()).x;
    const float left = origin.x + pad + label_w + 10 * ui.dpr, right = end.x - pad;
    const float plot_top = origin.y + pad + line + 18 * ui.dpr, bottom = end.y - pad - line - 6 * ui.dpr;
    auto y_of = [&](double dollars) { return bottom - static_cast<float>(dollars / top) * (bottom - plot_top); };
    for (int i = 0; i <= ticks; ++i) {
        const float y = std::round(y_of(step * i));
        dl->AddLine(ImVec2(left, y), ImVec2(right, y), i == 0 ? p.border : p.grid, 1 * ui.dpr);
        const std::string label = core::format_money_short(static_cast<core::Cents>(step * i * 100));
        dl->AddText(ImVec2(left - 10 * ui.dpr - ImGui::CalcTextSize(label.c_str()).x, y - line * 0.5f), p.text_muted,
                    label.c_str());
    }
    const int months = static_cast<int>(r.team.size());
    const float slot = (right - left) / static_cast<float>(std::max(1, months));
    const float bar = std::min(slot * 0.56f, 56 * ui.dpr);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered = -1;
    if (ImGui::IsWindowHovered() && mouse.x >= left && mouse.x < right && mouse.y >= plot_top && mouse.y <= bottom + line)
        hovered = std::clamp(static_cast<int>((mouse.x - left) / slot), 0, months - 1);
    for (int i = 0; i < months; ++i) {
        const core::MonthSummary& m = r.team[static_cast<std::size_t>(i)];
        const float x0 = left + slot * static_cast<float>(i), cx = x0 + slot * 0.5f;
        if (i == hovered)
            dl->AddRectFilled(ImVec2(x0 + 2 * ui.dpr, plot_top), ImVec2(x0 + slot - 2 * ui.dpr, bottom),
                              with_alpha(p.accent, 0.10f), 4 * ui.dpr);
        double base = 0;
        for (const Series& s : ss) {
            const double v = static_cast<double>(m.*s.value) / 100;
            if (v <= 0) continue;
            dl->AddRectFilled(ImVec2(cx - bar * 0.5f, y_of(base + v)), ImVec2(cx + bar * 0.5f, y_of(base)), s.colour);
            base += v;
        }
        if (m.quota > 0) {
            const float qy = std::round(y_of(static_cast<double>(m.quota) / 100));
            for (float x = x0; x < x0 + slot; x += 10 * ui.dpr)
                dl->AddLine(ImVec2(x, qy), ImVec2(std::min(x + 5 * ui.dpr, x0 + slot), qy), p.text, 2 * ui.dpr);
        }
        const std::string label = month_short(m.month.month());
        dl->AddText(ImVec2(cx - ImGui::CalcTextSize(label.c_str()).x * 0.5f, bottom + 6 * ui.dpr), p.text_muted,
                    label.c_str());
    }
    if (hovered >= 0) {
        const std::size_t h = static_cast<std::size_t>(hovered);
        ImGui::BeginTooltip();
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(month_year(r.team[h].month).c_str());
        ImGui::PopFont();
        if (ImGui::BeginTable("##tip", 3, ImGuiTableFlags_SizingFixedFit)) {
            ImGui::TableSetupColumn("Rep");
            ImGui::TableSetupColumn("Won + commit");
            ImGui::TableSetupColumn("Quota");
            ImGui::TableHeadersRow();
            auto row = [&](const std::string& who, const core::MonthSummary& m, bool bold) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (bold) ImGui::PushFont(ui.fonts.bold);
                ImGui::TextUnformatted(who.c_str());
                ImGui::TableNextColumn();
                text_right(mrc_whole(m.closed_won + m.commit));
                ImGui::TableNextColumn();
                text_right(m.quota ? mrc_whole(m.quota) : std::string("\u2014"));
                if (bold) ImGui::PopFont();
            };
            for (const core::RepForecast& rep : r.reps) row(rep.rep, rep.months[h], false);
            row("Team", r.team[h], true);
            ImGui::EndTable();
        }
        ImGui::EndTooltip();
    }
    ImGui::Dummy(ImVec2(width, height));
}

void rep_table(UiState& ui, const core::Rollup& r) {
    SharingState& s = ui.sharing;
    const Palette& p = palette();
    const int cols = 2 + r.months + 2;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##reps", cols, flags)) return;
    ImGui::TableSetupColumn("Rep", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("Plans", ImGuiTableColumnFlags_WidthStretch, 0.6f);
    for (int m = 0; m < r.months; ++m) {
        const core::YearMonth ym{r.from.index + m};
        ImGui::TableSetupColumn(month_short(ym.month()), ImGuiTableColumnFlags_WidthStretch, 1);
    }
    ImGui::TableSetupColumn("Won + commit", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Attainment", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    headers(ui, cols, 1);
    auto row = [&](const std::string& who, std::size_t plans, const std::vector<core::MonthSummary>& months, bool team) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (team) {
            ImGui::PushFont(ui.fonts.bold);
            ImGui::TextUnformatted("Team");
            ImGui::PopFont();
        } else {
            const bool chosen = s.rollup_rep == who;
            if (ImGui::Selectable((std::string(chosen ? ICON_CHEVRON_RIGHT "  " : "") + who + "##rep").c_str(), chosen,
                                  ImGuiSelectableFlags_SpanAllColumns))
                s.rollup_rep = chosen ? std::string() : who;
            tooltip_on_hover("Show this rep's deals below.");
        }
        ImGui::TableNextColumn();
        text_right(team ? std::string() : core::format_count(static_cast<long long>(plans)));
        for (const core::MonthSummary& m : months) {
            ImGui::TableNextColumn();
            const core::Cents v = m.closed_won + m.commit;
            if (v) text_right(core::format_money_short(v));
            else {
                const std::string dash = "\u2014";
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(dash.c_str()).x);
                text_muted(dash);
            }
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s \u00b7 %s\nClosed won %s\nCommit %s\nBest case %s\nPipeline %s\nQuota %s", who.c_str(),
                                  month_year(m.month).c_str(), mrc_whole(m.closed_won).c_str(), mrc_whole(m.commit).c_str(),
                                  mrc_whole(m.best_case).c_str(), mrc_whole(m.pipeline).c_str(),
                                  m.quota ? mrc_whole(m.quota).c_str() : "not set");
        }
        const core::MonthKpis k = core::rollup_total(months);
        ImGui::TableNextColumn();
        if (team) ImGui::PushFont(ui.fonts.bold);
        text_right(money_whole(k.commit_forecast));
        ImGui::TableNextColumn();
        if (k.attainment_pct) {
            const std::string pct = core::format_percent(*k.attainment_pct);
            const float w = ImGui::CalcTextSize(pct.c_str()).x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
            ImGui::TextColored(to_vec4(*k.attainment_pct >= 100 ? p.success : p.text), "%s", pct.c_str());
        } else {
            text_right("no quota");
        }
        if (team) ImGui::PopFont();
    };
    for (const core::RepForecast& rep : r.reps) row(rep.rep, rep.plans.size(), rep.months, false);
    row("Team", 0, r.team, true);
    ImGui::EndTable();
}

void deals(UiState& ui, const core::Rollup& r) {
    SharingState& s = ui.sharing;
    const Palette& p = palette();
    const std::vector<core::RollupDeal> list = core::rollup_deals(s.rollup.plans(), r, s.rollup_rep);
    ImGui::SeparatorText((s.rollup_rep + "'s deals \u00b7 " + core::format_count(static_cast<long long>(list.size())) +
                          " closing " + period(r))
                             .c_str());
    if (list.empty()) {
        text_muted("No deals close in these months.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    const float h = std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(list.size()) + 1.5f) +
                                 ImGui::GetStyle().CellPadding.y * 2 * static_cast<float>(list.size()),
                             320 * ui.dpr);
    if (!ImGui::BeginTable("##deals", 6, flags, ImVec2(-1, h))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Closes", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("Account", ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn("Deal", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("Stage", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("MRC", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int i = 0; i < 6; ++i) {
        ImGui::TableNextColumn();
        ImGui::PushFont(ui.fonts.bold);
        if (i == 4) text_right(ImGui::TableGetColumnName(i));
        else ImGui::TextUnformatted(ImGui::TableGetColumnName(i));
        ImGui::PopFont();
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::RollupDeal& d = list[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::format_date(*d.deal->close_date).c_str());
            auto cell = [&](const std::string& text) {
                ImGui::TableNextColumn();
                std::string t = text;
                const bool cut = fit_text(t, ImGui::GetContentRegionAvail().x);
                ImGui::TextUnformatted(t.c_str());
                if (cut && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
            };
            cell(d.account.empty() ? std::string("Unknown account") : d.account);
            cell(d.deal->name);
            cell(d.deal->stage);
            ImGui::TableNextColumn();
            text_right(mrc_whole(d.deal->mrc));
            ImGui::TableNextColumn();
            switch (d.state) {
            case core::DealState::Won: badge("Won", p.success); break;
            case core::DealState::Lost: badge("Lost", p.danger); break;
            case core::DealState::Open: badge(d.deal->forecast_category == core::ForecastCategory::Commit ? "Commit" : "Open", p.accent); break;
            }
        }
    ImGui::EndTable();
}

} // namespace

core::RollupOptions rollup_options(const app::App& app, const UiState& ui) {
    const SharingState& s = ui.sharing;
    core::RollupOptions o;
    o.from = core::YearMonth{core::YearMonth::of(app.clock().today()).index + s.rollup_start};
    o.months = s.rollup_months;
    if (s.team_quota > 0) o.team_quota = static_cast<core::Cents>(std::llround(s.team_quota * 100));
    return o;
}

void export_rollup_csv(app::App& app, UiState& ui) {
    const core::Rollup& r = ui.sharing.rollup.rollup(rollup_options(app, ui));
    const std::string name = "Team roll-up " + core::format_year_month(r.from) + " to " +
                             core::format_year_month(core::YearMonth{r.from.index + r.months - 1}) + ".csv";
    if (ui.hooks.download) ui.hooks.download(name, "text/csv;charset=utf-8", core::rollup_csv(r));
    app.notify(app::Notice::Kind::Success, "Roll-up exported",
               "Saved as " + name + " in your downloads: one row per rep and month, and the team's.");
}

void draw_rollup_window(app::App& app, UiState& ui) {
    SharingState& s = ui.sharing;
    if (!s.rollup_open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x * 0.92f, 1180 * ui.dpr), vp->WorkSize.y * 0.86f),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin(ICON_USERS "  Team roll-up", &s.rollup_open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    toolbar(app, ui);
    ImGui::Spacing();
    if (s.rollup.plans().empty()) {
        empty_state(ui, ICON_USERS, "Your team's forecast in one place",
                    "Add the plan files your reps shared with you (plan menu, Share\u2026) to see the team's "
                    "monthly forecast against its quota, rep by rep, and each rep's deals. The files are only "
                    "read: nothing in them changes, and they are kept only while this page is open.");
        const float w = ImGui::CalcTextSize(ICON_UPLOAD "  Add plan files\u2026").x + ImGui::CalcTextSize(ICON_PLUS "  Add my open plan").x +
                        ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - w) * 0.5f);
        if (primary_button(ICON_UPLOAD "  Add plan files\u2026")) pick_files(ui, kFileRollup, ".json,application/json");
        ImGui::SameLine();
        if (ImGui::Button(ICON_PLUS "  Add my open plan")) s.rollup.add_open_plan(app);
        ImGui::End();
        return;
    }
    plan_chips(ui);
    ImGui::Spacing();
    const core::Rollup& r = s.rollup.rollup(rollup_options(app, ui));
    for (const std::string& n : r.notes) ImGui::TextColored(to_vec4(palette().text_muted), ICON_INFO "  %s", n.c_str());
    kpis(ui, r);
    ImGui::Spacing();
    ImGui::BeginChild("##rollup-body", ImVec2(0, 0), ImGuiChildFlags_None);
    chart(ui, r, 250 * ui.dpr);
    ImGui::Spacing();
    text_muted("Closed won + commit by rep and month; hover a month for the rest, click a rep for their deals.");
    rep_table(ui, r);
    if (!s.rollup_rep.empty()) {
        ImGui::Spacing();
        deals(ui, r);
    }
    ImGui::EndChild();
    ImGui::End();
}

} // namespace footprint::ui
