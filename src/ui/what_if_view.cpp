// The What-if tab: pick open deals to win, slip a month or lose, and see this month's attainment,
// forecast and commission move at once (before → after). Nothing changes in the plan until Apply,
// which is one undoable command; Discard forgets the picks.
#include "app/pipeline_actions.h"
#include "core/format.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace footprint::ui {

namespace {

// Before and after, from January of this year for 24 months (so next month and the year to date
// are always inside), rebuilt when the plan, the day or the picks change.
struct Scenario {
    CacheKey key;
    std::string picks; // the picks the numbers were computed for
    core::YearMonth from;
    std::vector<core::MonthSummary> before, after;
    std::vector<core::CommissionMonth> before_pay, after_pay;
    std::vector<core::WhatIfChoice> choices;
    std::vector<std::size_t> rows; // open deals listed, indices into plan.opportunities
    std::string rows_key;
    int open_deals = 0; // in the whole plan
};
Scenario g_s;

std::string picks_key(const ForecastViewState& fv) {
    std::string k;
    for (const auto& [id, a] : fv.what_if)
        k += id + ":" + std::to_string(static_cast<int>(a)) + ";";
    return k;
}

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

const Scenario& scenario(const app::App& app, UiState& ui) {
    ForecastViewState& fv = ui.forecast;
    const core::Plan& plan = app.plan();
    const bool plan_changed = g_s.key.refresh(app);
    if (plan_changed) {
        // Picks on deals that closed or vanished meanwhile are dropped.
        for (auto it = fv.what_if.begin(); it != fv.what_if.end();) {
            auto i = app.doc().index().opportunity(it->first);
            if (!i || core::deal_state(plan, plan.opportunities[*i]) != core::DealState::Open)
                it = fv.what_if.erase(it);
            else
                ++it;
        }
    }
    const std::string key = picks_key(fv);
    const core::Date today = app.clock().today();
    if (plan_changed || key != g_s.picks) {
        g_s.picks = key;
        g_s.from = core::YearMonth::of(core::YearMonth::of(today).year(), 1);
        g_s.choices.clear();
        for (const auto& [id, a] : fv.what_if)
            g_s.choices.push_back({id, a});
        const std::vector<core::Opportunity> changed =
            core::what_if_deals(plan, g_s.choices, today);
        const core::DealOverlay overlay = core::overlay_of(changed);
        if (plan_changed) {
            g_s.before = core::summarize_forecast(plan, g_s.from, 24, today).months;
            g_s.before_pay = core::commission_by_month(plan, g_s.from, 24);
        }
        if (changed.empty()) { // nothing picked: after is before
            g_s.after = g_s.before;
            g_s.after_pay = g_s.before_pay;
        } else {
            g_s.after = core::summarize_forecast(plan, g_s.from, 24, today, &overlay).months;
            g_s.after_pay = core::commission_by_month(plan, g_s.from, 24, &overlay);
        }
    }
    char rows_key[160];
    std::snprintf(rows_key, sizeof rows_key, "%llu|%d|%s",
                  static_cast<unsigned long long>(app.doc().revision()), fv.what_if_scope,
                  fv.what_if_search);
    if (plan_changed || g_s.rows_key != rows_key) {
        g_s.rows_key = rows_key;
        g_s.rows.clear();
        const core::Date month_end = core::month_end(today);
        const std::string needle = lower(fv.what_if_search);
        g_s.open_deals = core::pipeline_totals(plan, today).open_count;
        for (std::size_t i = 0; i < plan.opportunities.size(); ++i) {
            const core::Opportunity& o = plan.opportunities[i];
            if (fv.what_if_scope == 0 && (!o.close_date || *o.close_date > month_end)) continue;
            if (core::deal_state(plan, o) != core::DealState::Open) continue;
            if (!needle.empty() &&
                lower(account_name(app, o.account_id)).find(needle) == std::string::npos &&
                lower(o.name).find(needle) == std::string::npos)
                continue;
            g_s.rows.push_back(i);
        }
        std::stable_sort(g_s.rows.begin(), g_s.rows.end(), [&](std::size_t a, std::size_t b) {
            const auto& x = plan.opportunities[a].close_date;
            const auto& y = plan.opportunities[b].close_date;
            if (x && y) return *x < *y;
            return x.has_value() && !y.has_value();
        });
    }
    return g_s;
}

// One row of the comparison: label, before, an arrow, after, and the change in colour.
void compare_row(const UiState& ui, const char* label, const std::string& before,
                 const std::string& after, double delta, const std::string& delta_text,
                 bool higher_is_better = true) {
    const Palette& p = palette();
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_muted(label);
    ImGui::TableSetColumnIndex(1);
    text_right(before);
    ImGui::TableSetColumnIndex(2);
    ImGui::TextColored(to_vec4(p.text_muted), ICON_ARROW_RIGHT);
    ImGui::TableSetColumnIndex(3);
    ImGui::PushFont(ui.fonts.bold);
    text_right(after);
    ImGui::PopFont();
    ImGui::TableSetColumnIndex(4);
    const bool better = higher_is_better ? delta > 0 : delta < 0;
    const ImU32 c = std::abs(delta) < 1e-9 ? p.text_muted : better ? p.success : p.danger;
    const float w = ImGui::CalcTextSize(delta_text.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
    ImGui::TextColored(to_vec4(c), "%s", delta_text.c_str());
}

std::string pct(const std::optional<double>& v) {
    return v ? core::format_percent(*v) : std::string("\xE2\x80\x94");
}

std::string pts(const std::optional<double>& a, const std::optional<double>& b) {
    if (!a || !b) return "";
    const double d = *b - *a;
    if (std::abs(d) < 0.5) return "no change";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%.0f pts", d > 0 ? "+" : "\xE2\x88\x92", std::abs(d));
    return buf;
}

std::string money_delta(core::Cents a, core::Cents b) {
    if (a == b) return "no change";
    return (b > a ? "+" : "\xE2\x88\x92") + money_whole(b > a ? b - a : a - b);
}

void section(const UiState& ui, const std::string& title, const core::MonthSummary& before,
             const core::MonthSummary& after, const core::CommissionMonth* pay_before,
             const core::CommissionMonth* pay_after) {
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    const core::MonthKpis kb = core::month_kpis(before), ka = core::month_kpis(after);
    if (!ImGui::BeginTable(title.c_str(), 5, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("what", 0, 1.7f);
    ImGui::TableSetupColumn("before", 0, 1.0f);
    ImGui::TableSetupColumn("arrow", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(ICON_ARROW_RIGHT).x);
    ImGui::TableSetupColumn("after", 0, 1.0f);
    ImGui::TableSetupColumn("delta", 0, 1.0f);
    const auto d = [](core::Cents a, core::Cents b) { return static_cast<double>(b - a); };
    if (before.quota > 0)
        compare_row(ui, "Attainment", pct(kb.attainment_pct), pct(ka.attainment_pct),
                    ka.attainment_pct.value_or(0) - kb.attainment_pct.value_or(0),
                    pts(kb.attainment_pct, ka.attainment_pct));
    else
        compare_row(ui, "Attainment", "no quota", "no quota", 0, "");
    compare_row(ui, "Closed won", money_whole(before.closed_won), money_whole(after.closed_won),
                d(before.closed_won, after.closed_won),
                money_delta(before.closed_won, after.closed_won));
    compare_row(ui, "Commit forecast", money_whole(kb.commit_forecast),
                money_whole(ka.commit_forecast), d(kb.commit_forecast, ka.commit_forecast),
                money_delta(kb.commit_forecast, ka.commit_forecast));
    compare_row(ui, "Best case forecast", money_whole(kb.best_case_forecast),
                money_whole(ka.best_case_forecast), d(kb.best_case_forecast, ka.best_case_forecast),
                money_delta(kb.best_case_forecast, ka.best_case_forecast));
    if (before.quota > 0)
        compare_row(ui, "Gap to goal", money_whole(kb.gap), money_whole(ka.gap), d(kb.gap, ka.gap),
                    money_delta(kb.gap, ka.gap), false);
    if (pay_before && pay_after)
        compare_row(ui, "Commission", money_whole(pay_before->payout),
                    money_whole(pay_after->payout), d(pay_before->payout, pay_after->payout),
                    money_delta(pay_before->payout, pay_after->payout));
    ImGui::EndTable();
}

const char* action_hint(core::WhatIfAction a) {
    switch (a) {
    case core::WhatIfAction::Win:
        return "Closed won today: counts in this month's attainment and commission.";
    case core::WhatIfAction::Slip:
        return "Close date a month later (from today for a slipped deal).";
    case core::WhatIfAction::Lose:
        return "Closed lost today: out of the forecast.";
    }
    return "";
}

// The row's picker: "—", Win, Slip, Lose. True when it changed.
void action_picker(const UiState& ui, ForecastViewState& fv, const std::string& id) {
    const Palette& p = palette();
    auto it = fv.what_if.find(id);
    const int current = it == fv.what_if.end() ? -1 : static_cast<int>(it->second);
    static const char* const kLabels[] = {"Win", "Slip", "Lose"};
    const ImU32 colours[] = {p.success, p.warning, p.text_muted};
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2 * ui.dpr, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(7 * ui.dpr, 2 * ui.dpr));
    for (int a = 0; a < 3; ++a) {
        if (a) ImGui::SameLine();
        const bool on = current == a;
        if (on) {
            ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(colours[a]));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(colours[a]));
            ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(p.on_accent));
        }
        ImGui::PushID(a);
        if (ImGui::Button(kLabels[a])) {
            if (on)
                fv.what_if.erase(id);
            else
                fv.what_if[id] = static_cast<core::WhatIfAction>(a);
        }
        ImGui::PopID();
        if (on) ImGui::PopStyleColor(3);
        tooltip_on_hover(on ? "Click again to leave this deal as it is"
                            : action_hint(static_cast<core::WhatIfAction>(a)));
    }
    ImGui::PopStyleVar(2);
}

void deal_list(app::App& app, UiState& ui, const Scenario& s) {
    ForecastViewState& fv = ui.forecast;
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    const Palette& p = palette();
    static const char* const kScopes[] = {"This month and slipped", "Every open deal"};
    segmented(ui, "##what-if-scope", kScopes, 2, fv.what_if_scope);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(240 * ui.dpr, ImGui::GetContentRegionAvail().x));
    ImGui::InputTextWithHint("##what-if-search", ICON_SEARCH "  Find a deal", fv.what_if_search,
                             sizeof fv.what_if_search);
    if (s.rows.empty()) {
        if (s.open_deals == 0) {
            empty_state(ui, ICON_MAGIC, "No open deals to try",
                        "A what-if wins, slips or loses open deals to show what they would do to "
                        "attainment and commission. Open a plan with opportunities, or try the "
                        "sample plan.");
            empty_plan_actions(app, ui);
        } else if (fv.what_if_search[0]) {
            empty_state(ui, ICON_SEARCH, "No deal matches the search",
                        "Clear the search box, or look among every open deal.");
        } else {
            empty_state(ui, ICON_MAGIC, "Nothing closes this month",
                        "No open deal closes this month and none has slipped. Try a what-if on "
                        "the deals of later months:");
            const char* all = "Show every open deal";
            ImGui::SetCursorPosX(
                ImGui::GetCursorPosX() +
                std::max(0.0f,
                         (ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(all).x) * 0.5f));
            if (primary_button(all)) fv.what_if_scope = 1;
        }
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("##what-if-deals", 6, flags, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Account", 0, 3.0f);
    ImGui::TableSetupColumn("Stage", 0, 1.6f);
    ImGui::TableSetupColumn("Category", ImGuiTableColumnFlags_WidthFixed, 100 * ui.dpr);
    ImGui::TableSetupColumn("MRC", ImGuiTableColumnFlags_WidthFixed, 84 * ui.dpr);
    ImGui::TableSetupColumn("Close date", ImGuiTableColumnFlags_WidthFixed, 84 * ui.dpr);
    ImGui::TableSetupColumn("What if it\xE2\x80\xA6", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("WinSlipLose").x + 46 * ui.dpr);
    static const char* const kNames[] = {"Account", "Stage",      "Category",
                                         "MRC",     "Close date", "What if it\xE2\x80\xA6"};
    static const bool kRight[] = {false, false, false, true, false, false};
    table_header_row(kNames, kRight, 6);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.rows.size()));
    while (clipper.Step())
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const core::Opportunity& o = plan.opportunities[s.rows[static_cast<std::size_t>(r)]];
            ImGui::TableNextRow();
            ImGui::PushID(o.id.c_str());
            if (fv.what_if.count(o.id))
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, with_alpha(p.accent, 0.10f));
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            std::string account = account_name(app, o.account_id);
            fit_text(account, ImGui::GetContentRegionAvail().x);
            ImGui::TextUnformatted(account.c_str());
            if (!o.name.empty()) tooltip_on_hover(o.name.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::AlignTextToFramePadding();
            std::string stage = o.stage;
            fit_text(stage, ImGui::GetContentRegionAvail().x);
            ImGui::TextUnformatted(stage.c_str());
            ImGui::TableSetColumnIndex(2);
            category_pill(o.forecast_category);
            ImGui::TableSetColumnIndex(3);
            ImGui::AlignTextToFramePadding();
            text_right(mrc_whole(o.mrc));
            ImGui::TableSetColumnIndex(4);
            ImGui::AlignTextToFramePadding();
            if (!o.close_date)
                text_muted("No date");
            else if (*o.close_date < today)
                ImGui::TextColored(to_vec4(p.danger), ICON_WARNING " %s",
                                   core::format_date_short(*o.close_date, today).c_str());
            else
                ImGui::TextUnformatted(core::format_date_short(*o.close_date, today).c_str());
            ImGui::TableSetColumnIndex(5);
            action_picker(ui, fv, o.id);
            ImGui::PopID();
        }
    ImGui::EndTable();
}

} // namespace

void draw_what_if_tab(app::App& app, UiState& ui) {
    const Scenario& s = scenario(app, ui);
    ForecastViewState& fv = ui.forecast;
    const core::Date today = app.clock().today();
    const core::YearMonth now = core::YearMonth::of(today);
    const ImGuiStyle& st = ImGui::GetStyle();
    const Palette& p = palette();

    ImGui::AlignTextToFramePadding();
    text_muted("Pick deals to win, slip a month or lose, and watch the numbers move. Your plan "
               "does not change until you apply.");
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float right_w = std::max(390 * ui.dpr, avail.x * 0.38f);
    ImGui::BeginChild("##what-if-left", ImVec2(avail.x - right_w - st.ItemSpacing.x * 2, avail.y));
    deal_list(app, ui, s);
    ImGui::EndChild();
    ImGui::SameLine(0, st.ItemSpacing.x * 2);

    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + right_w, a.y + avail.y), p.surface, st.ChildRounding);
    dl->AddRect(a, ImVec2(a.x + right_w, a.y + avail.y), fv.what_if.empty() ? p.border : p.accent,
                st.ChildRounding, 0, (fv.what_if.empty() ? 1.0f : 2.0f) * ui.dpr);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * ui.dpr, 12 * ui.dpr));
    ImGui::BeginChild("##what-if-right", ImVec2(right_w, avail.y),
                      ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted("Before \xE2\x86\x92 after");
    ImGui::PopFont();
    int won = 0, slipped = 0, lost = 0;
    for (const auto& [id, act] : fv.what_if)
        (act == core::WhatIfAction::Win ? won : act == core::WhatIfAction::Slip ? slipped : lost)++;
    if (fv.what_if.empty())
        text_muted("No deal picked yet: both columns show your plan as it is.");
    else
        text_muted(std::to_string(won) + " to win, " + std::to_string(slipped) + " to slip, " +
                   std::to_string(lost) + " to lose");

    const int i = now.index - s.from.index;
    if (i >= 0 && i + 1 < static_cast<int>(s.before.size())) {
        const auto at = [](const auto& v, int k) -> const auto& {
            return v[static_cast<std::size_t>(k)];
        };
        section(ui, "This month  \xC2\xB7  " + month_year(now), at(s.before, i), at(s.after, i),
                &at(s.before_pay, i), &at(s.after_pay, i));
        section(ui, "Next month  \xC2\xB7  " + month_year(core::YearMonth{now.index + 1}),
                at(s.before, i + 1), at(s.after, i + 1), &at(s.before_pay, i + 1),
                &at(s.after_pay, i + 1));
        // The year to date: January through this month.
        core::MonthSummary yb, ya;
        for (int k = 0; k <= i; ++k) {
            yb.quota += at(s.before, k).quota;
            yb.closed_won += at(s.before, k).closed_won;
            ya.quota += at(s.after, k).quota;
            ya.closed_won += at(s.after, k).closed_won;
        }
        ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(("Year to date  \xC2\xB7  " + std::to_string(now.year())).c_str());
        ImGui::PopFont();
        if (ImGui::BeginTable("##ytd", 5, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("what", 0, 1.7f);
            ImGui::TableSetupColumn("before", 0, 1.0f);
            ImGui::TableSetupColumn("arrow", ImGuiTableColumnFlags_WidthFixed,
                                    ImGui::CalcTextSize(ICON_ARROW_RIGHT).x);
            ImGui::TableSetupColumn("after", 0, 1.0f);
            ImGui::TableSetupColumn("delta", 0, 1.0f);
            const core::MonthKpis kb = core::month_kpis(yb), ka = core::month_kpis(ya);
            if (yb.quota > 0)
                compare_row(ui, "Attainment", pct(kb.attainment_pct), pct(ka.attainment_pct),
                            ka.attainment_pct.value_or(0) - kb.attainment_pct.value_or(0),
                            pts(kb.attainment_pct, ka.attainment_pct));
            const core::Cents pb = at(s.before_pay, i).year_to_date;
            const core::Cents pa = at(s.after_pay, i).year_to_date;
            compare_row(ui, "Commission", money_whole(pb), money_whole(pa),
                        static_cast<double>(pa - pb), money_delta(pb, pa));
            ImGui::EndTable();
        }
    }

    ImGui::Dummy(ImVec2(0, 8 * ui.dpr));
    const int n = static_cast<int>(fv.what_if.size());
    const std::string apply = n == 0 ? std::string(ICON_CHECK "  Apply to the plan")
                                     : std::string(ICON_CHECK "  Apply ") + std::to_string(n) +
                                           (n == 1 ? " change" : " changes");
    ImGui::BeginDisabled(n == 0);
    if (primary_button(apply.c_str())) {
        const int changed = app::apply_what_if(app, s.choices);
        fv.what_if.clear();
        app.notify(app::Notice::Kind::Success, "What-if applied",
                   std::to_string(changed) + (changed == 1 ? " deal" : " deals") +
                       " changed in your plan. Ctrl+Z undoes it in one step.");
    }
    ImGui::SameLine();
    if (ImGui::Button(ICON_TIMES "  Discard")) fv.what_if.clear();
    tooltip_on_hover("Forget the picks. Your plan was never changed.");
    ImGui::EndDisabled();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x);
    text_muted("Win and Lose close the deal today; Slip moves its close date a month later. "
               "Applying is one step in the history: Ctrl+Z undoes it.");
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

} // namespace footprint::ui
