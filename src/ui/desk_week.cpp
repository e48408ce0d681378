// The "This week" tab: every account ranked by one priority score that explains itself, weights the
// user sets, and "Plan visits", which sends the selection to the week planner.
#include "app/desk_actions.h"
#include "core/format.h"
#include "ui/desks.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace footprint::ui {

namespace {

struct TabView {
    RowCache cache;
    core::PriorityWeights editing; // the sliders, applied when one is released
    bool editing_valid = false;
};
TabView g_view;

constexpr core::AccountStatus kStatuses[] = {core::AccountStatus::Client, core::AccountStatus::Former,
                                             core::AccountStatus::Prospect};

void rebuild(const app::App& app, const UiState& ui, const core::DeskData& d) {
    const DesksViewState& st = ui.desks;
    const core::Plan& plan = app.plan();
    for (std::size_t i = 0; i < d.priorities.size(); ++i) {
        const core::Account& a = plan.accounts[d.priorities[i].account];
        if (st.week_status > 0 && a.status != kStatuses[st.week_status - 1]) continue;
        if (!desk_filter_match(st, a)) continue;
        g_view.cache.rows.push_back(static_cast<std::uint32_t>(i));
    }
}

float row_height(const UiState& ui) {
    return 10 * ui.dpr * 2 + ImGui::GetTextLineHeight() * 2 + 6 * ui.dpr;
}

// The factors of a score as one bar, each in its colour, 0..100 across `w`.
void score_bar(ImDrawList* dl, ImVec2 pos, float w, float h, const core::AccountPriority& p) {
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), palette().grid, h * 0.5f);
    float x = pos.x;
    for (int f = 0; f < core::kPriorityFactors; ++f) {
        const float seg = w * p.points[static_cast<std::size_t>(f)] / 100.0f;
        if (seg < 0.5f) continue;
        dl->AddRectFilled(ImVec2(x, pos.y), ImVec2(x + seg, pos.y + h), factor_colour(static_cast<core::PriorityFactor>(f)));
        x += seg;
    }
}

// The two factors that weigh most, in words.
std::string top_reasons(const core::Plan& plan, const core::DeskData& d, const core::AccountPriority& p) {
    int order[core::kPriorityFactors] = {0, 1, 2, 3, 4};
    std::stable_sort(std::begin(order), std::end(order), [&](int a, int b) {
        return p.points[static_cast<std::size_t>(a)] > p.points[static_cast<std::size_t>(b)];
    });
    std::string s;
    for (int k = 0, shown = 0; k < core::kPriorityFactors && shown < 2; ++k) {
        if (p.points[static_cast<std::size_t>(order[k])] < 0.5f) break;
        if (shown++) s += "  \xC2\xB7  ";
        s += core::explain_factor(plan, d, p, static_cast<core::PriorityFactor>(order[k]));
    }
    return s;
}

void click_row(UiState& ui, const core::Plan& plan, const core::DeskData& d, std::size_t k) {
    const std::string& id = plan.accounts[d.priorities[g_view.cache.rows[k]].account].id;
    const ImGuiIO& io = ImGui::GetIO();
    DesksViewState& st = ui.desks;
    if (io.KeyShift && !st.anchor.empty()) {
        std::size_t from = k;
        for (std::size_t j = 0; j < g_view.cache.rows.size(); ++j)
            if (plan.accounts[d.priorities[g_view.cache.rows[j]].account].id == st.anchor) from = j;
        if (!io.KeyCtrl) ui.selection.clear();
        for (std::size_t j = std::min(from, k); j <= std::max(from, k); ++j)
            ui.selection.insert(plan.accounts[d.priorities[g_view.cache.rows[j]].account].id);
    } else if (io.KeyCtrl || io.KeySuper) {
        if (!ui.selection.erase(id)) ui.selection.insert(id);
        st.anchor = id;
    } else {
        ui.selection = {id};
        st.anchor = id;
    }
    ui.focused_account = id;
}

void priority_row(UiState& ui, const core::Plan& plan, const core::DeskData& d, std::size_t k) {
    const Palette& p = palette();
    const core::AccountPriority& pr = d.priorities[g_view.cache.rows[k]];
    const core::Account& a = plan.accounts[pr.account];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = row_height(ui);
    const float pad = 10 * ui.dpr, line = ImGui::GetTextLineHeight();
    ImGui::PushID(static_cast<int>(pr.account));
    if (ImGui::InvisibleButton("##row", ImVec2(w, h - 2 * ui.dpr))) click_row(ui, plan, d, k);
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    const bool selected = ui.selection.count(a.id) > 0;
    const bool focused = ui.focused_account == a.id;
    if (selected || hovered)
        dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h - 2 * ui.dpr),
                          with_alpha(p.accent, selected ? 0.13f : 0.06f), 5 * ui.dpr);
    if (focused)
        dl->AddRectFilled(pos, ImVec2(pos.x + 3 * ui.dpr, pos.y + h - 2 * ui.dpr), p.accent, 2 * ui.dpr);

    float x = pos.x + pad;
    const float y1 = pos.y + pad, y2 = y1 + line + 6 * ui.dpr;
    dl->AddText(ImVec2(x, y1), selected ? p.accent : p.text_muted, selected ? ICON_CHECK_SQUARE : ICON_SQUARE_O);
    x += ImGui::CalcTextSize(ICON_SQUARE_O).x + 10 * ui.dpr;
    const std::string rank = core::format_count(static_cast<long long>(k + 1));
    const float rank_w = ImGui::CalcTextSize("0000").x;
    dl->AddText(ImVec2(x + rank_w - ImGui::CalcTextSize(rank.c_str()).x, y1), p.text_muted, rank.c_str());
    x += rank_w + 12 * ui.dpr;

    // Score and its bar on the right.
    const float bar_w = 150 * ui.dpr;
    const float right = pos.x + w - pad;
    char score[16];
    std::snprintf(score, sizeof score, "%.0f", pr.score);
    const float sw = ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, score).x;
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(right - sw, y1), p.text, score);
    score_bar(dl, ImVec2(right - bar_w, y2 + line * 0.5f - 3 * ui.dpr), bar_w, 6 * ui.dpr, pr);

    const float text_right_edge = right - bar_w - 16 * ui.dpr;
    const std::string status = status_label(a.status);
    const float status_w = pill_width(status);
    const float name_max = text_right_edge - x - status_w - 10 * ui.dpr - sw;
    std::string name = a.name;
    fit_text(name, name_max, ui.fonts.bold);
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(x, y1), p.text, name.c_str());
    const float nw = ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, name.c_str()).x;
    draw_pill(dl, ImVec2(x + nw + 10 * ui.dpr, y1 + (line - pill_height()) * 0.5f), status, status_colour(a.status));
    draw_text_fit(dl, ui.fonts.body, ImVec2(x, y2), p.text_muted, top_reasons(plan, d, pr), text_right_edge - x);
    dl->AddLine(ImVec2(pos.x + pad, pos.y + h - 1), ImVec2(pos.x + w - pad, pos.y + h - 1), p.grid);
    if (hovered && ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
        ImGui::SetTooltip("Click to select and see why; Ctrl+click adds to the selection, Shift+click selects a range.");
}

void plan_visits(app::App& app, UiState& ui) {
    if (ui.selection.empty()) return;
    const std::size_t n = ui.selection.size();
    ui.view = View::Week;
    ui.prefs_dirty = true;
    app.notify(app::Notice::Kind::Info, "Plan my week",
               core::format_count(static_cast<long long>(n)) + (n == 1 ? " account is" : " accounts are") +
                   " selected as stops for this week's visits.");
}

void toolbar(app::App& app, UiState& ui, const core::Plan& plan, const core::DeskData& d) {
    DesksViewState& st = ui.desks;
    const char* labels[] = {"Everyone", "Clients", "Former clients", "Prospects"};
    segmented(ui, "##week-status", labels, 4, st.week_status);
    ImGui::SameLine(0, 18 * ui.dpr);
    // The legend of the score bar.
    ImGui::AlignTextToFramePadding();
    for (int f = 0; f < core::kPriorityFactors; ++f) {
        const auto factor = static_cast<core::PriorityFactor>(f);
        if (f) ImGui::SameLine(0, 12 * ui.dpr);
        ImGui::TextColored(to_vec4(factor_colour(factor)), ICON_SQUARE);
        ImGui::SameLine(0, 4 * ui.dpr);
        text_muted(factor_short(factor));
        tooltip_on_hover(core::factor_label(factor));
    }

    const std::size_t n = ui.selection.size();
    const std::string go = std::string(ICON_ROAD "  Plan visits") + (n ? " (" + core::format_count(static_cast<long long>(n)) + ")" : "");
    const float go_w = ImGui::CalcTextSize(go.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    const float top_w = ImGui::CalcTextSize("Select top 10").x + ImGui::GetStyle().FramePadding.x * 2;
    const float clear_w = ImGui::CalcTextSize("Clear").x + ImGui::GetStyle().FramePadding.x * 2;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - go_w - top_w - clear_w - gap * 2);
    const bool top10 = ImGui::Button("Select top 10");
    locate(ui, "select_top");
    if (top10) {
        ui.selection.clear();
        for (std::size_t k = 0; k < g_view.cache.rows.size() && k < 10; ++k)
            ui.selection.insert(plan.accounts[d.priorities[g_view.cache.rows[k]].account].id);
        if (!g_view.cache.rows.empty()) ui.focused_account = plan.accounts[d.priorities[g_view.cache.rows[0]].account].id;
    }
    tooltip_on_hover("Select the ten highest-scoring accounts in this list.");
    ImGui::SameLine();
    ImGui::BeginDisabled(n == 0);
    if (ImGui::Button("Clear")) ui.selection.clear();
    ImGui::EndDisabled();
    tooltip_on_hover("Clear the selection.");
    ImGui::SameLine();
    ImGui::BeginDisabled(n == 0);
    if (primary_button(go.c_str())) plan_visits(app, ui);
    ImGui::EndDisabled();
    locate(ui, "plan_visits");
    tooltip_on_hover(n ? "Send the selected accounts to Plan my week as this week's stops  (Ctrl+Enter)"
                       : "Select accounts first (click, Ctrl+click, Shift+click or Select top 10).");
}

void factor_block(const UiState& ui, const core::Plan& plan, const core::DeskData& d, const core::AccountPriority& pr,
                  core::PriorityFactor f, float w) {
    const Palette& p = palette();
    const auto k = static_cast<std::size_t>(f);
    const bool counts = pr.points[k] >= 0.05f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::TextColored(to_vec4(counts ? factor_colour(f) : p.border), ICON_SQUARE);
    ImGui::SameLine(0, 6 * ui.dpr);
    ImGui::TextColored(to_vec4(counts ? p.text : p.text_muted), "%s", core::factor_label(f));
    char pts[24];
    std::snprintf(pts, sizeof pts, "+%.1f", static_cast<double>(pr.points[k]));
    ImGui::SameLine(w - ImGui::CalcTextSize(pts).x);
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextColored(to_vec4(counts ? p.text : p.text_muted), "%s", pts);
    ImGui::PopFont();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float bh = 3 * ui.dpr;
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + bh), p.grid, bh);
    if (counts) dl->AddRectFilled(pos, ImVec2(pos.x + w * pr.level[k], pos.y + bh), factor_colour(f), bh);
    ImGui::Dummy(ImVec2(w, bh));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::TextColored(to_vec4(p.text_muted), "%s", core::explain_factor(plan, d, pr, f).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
}

void why_card(app::App& app, UiState& ui, const core::DeskData& d, const core::AccountPriority* pr, float w, float h) {
    const Palette& p = palette();
    const core::Plan& plan = app.plan();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * ui.dpr, 12 * ui.dpr));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, to_vec4(p.surface));
    ImGui::BeginChild("##why", ImVec2(w, h), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    const float inner = ImGui::GetContentRegionAvail().x;
    if (!pr) {
        text_muted("Click an account to see why it ranks where it does.");
    } else {
        const core::Account& a = plan.accounts[pr->account];
        // The score big on the left, the account beside it.
        const ImVec2 top = ImGui::GetCursorScreenPos();
        char score[16];
        std::snprintf(score, sizeof score, "%.0f", pr->score);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddText(ui.fonts.big, ui.fonts.big->FontSize, top, p.text, score);
        const float sw = std::max(ui.fonts.big->CalcTextSizeA(ui.fonts.big->FontSize, FLT_MAX, 0, "100").x,
                                  ImGui::CalcTextSize("of 100").x);
        dl->AddText(ImVec2(top.x, top.y + ui.fonts.big->FontSize + 2 * ui.dpr), p.text_muted, "of 100");
        const float x = top.x + sw + 14 * ui.dpr;
        std::string name = a.name;
        fit_text(name, inner - sw - 14 * ui.dpr - ImGui::GetFrameHeight() - 6 * ui.dpr, ui.fonts.bold);
        dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(x, top.y + 2 * ui.dpr), p.text, name.c_str());
        draw_pill(dl, ImVec2(x, top.y + ImGui::GetTextLineHeight() + 8 * ui.dpr), status_label(a.status),
                  status_colour(a.status));
        std::string where = a.industry + (a.address.city.empty() ? "" : " \xC2\xB7 " + a.address.city);
        const float pw = pill_width(status_label(a.status)) + 6 * ui.dpr;
        draw_text_fit(dl, ui.fonts.body, ImVec2(x + pw, top.y + ImGui::GetTextLineHeight() + 8 * ui.dpr + (pill_height() - ImGui::GetTextLineHeight()) * 0.5f),
                      p.text_muted, where, inner - sw - 14 * ui.dpr - pw);
        ImGui::Dummy(ImVec2(inner, ui.fonts.big->FontSize + ImGui::GetTextLineHeight() + 8 * ui.dpr));
        // Open the account's page: an icon at the top right of the card.
        const ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorScreenPos(ImVec2(top.x + inner - ImGui::CalcTextSize(ICON_BUILDING).x - ImGui::GetStyle().FramePadding.x * 2, top.y));
        if (icon_button(ICON_BUILDING "##open-account", "Open the account's page in Accounts")) {
            select_account(ui, a.id);
            ui.view = View::Accounts;
            ui.prefs_dirty = true;
        }
        ImGui::SetCursorPos(after);
        ImGui::Separator();
        for (int f = 0; f < core::kPriorityFactors; ++f)
            factor_block(ui, plan, d, *pr, static_cast<core::PriorityFactor>(f), inner);
        // The one-click actions the desks offer for this account.
        if (pr->renewal >= 0 && d.renewals[static_cast<std::size_t>(pr->renewal)].deal.state == core::LinkState::None)
            if (create_button(ui, ICON_PLUS "  Create renewal", "week_create_renewal:" + a.id,
                              "Creates the renewal opportunity for the contracts due. Undo with Ctrl+Z."))
                app::create_renewal_opportunity(app, a.id);
        if (pr->winback >= 0 && d.winbacks[static_cast<std::size_t>(pr->winback)].deal.state != core::LinkState::Open &&
            d.winbacks[static_cast<std::size_t>(pr->winback)].window == core::WindowState::Open)
            if (create_button(ui, ICON_PLUS "  Create win-back", "week_create_winback:" + a.id,
                              "Creates the win-back opportunity. Undo with Ctrl+Z."))
                app::create_winback_opportunity(app, a.id);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

void weights_card(app::App& app, UiState& ui, float w, float h) {
    const Palette& p = palette();
    TabView& v = g_view;
    const core::PriorityWeights& current = app.plan().settings.priority_weights;
    if (!v.editing_valid || !ImGui::IsAnyItemActive()) v.editing = current;
    v.editing_valid = true;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * ui.dpr, 10 * ui.dpr));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, to_vec4(p.surface));
    ImGui::BeginChild("##weights", ImVec2(w, h), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    const float inner = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(ICON_SLIDERS "  Weights");
    ImGui::PopFont();
    tooltip_on_hover("How much each factor counts in the score. They are relative: the score divides "
                     "by their sum. Saved in the plan; undo with Ctrl+Z.");
    ImGui::SameLine(inner - ImGui::CalcTextSize("Reset").x - ImGui::GetStyle().FramePadding.x * 2 + 14 * ui.dpr);
    ImGui::BeginDisabled(current == core::PriorityWeights{});
    if (ImGui::SmallButton("Reset")) app::set_priority_weights(app, core::PriorityWeights{});
    ImGui::EndDisabled();
    tooltip_on_hover("Back to the default weights (35, 20, 20, 15, 10).");
    int* values[] = {&v.editing.renewal, &v.editing.revenue, &v.editing.winback, &v.editing.upsell, &v.editing.recency};
    int total = 0;
    for (int* x : values) total += *x;
    for (int f = 0; f < core::kPriorityFactors; ++f) {
        const auto factor = static_cast<core::PriorityFactor>(f);
        ImGui::PushID(f);
        ImGui::TextColored(to_vec4(factor_colour(factor)), ICON_SQUARE);
        ImGui::SameLine(0, 6 * ui.dpr);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(factor_short(factor));
        ImGui::SameLine(inner * 0.38f);
        ImGui::SetNextItemWidth(inner * 0.62f - ImGui::CalcTextSize("100%").x - 8 * ui.dpr);
        ImGui::SliderInt("##w", values[f], 0, 100, "%d");
        if (ImGui::IsItemDeactivatedAfterEdit()) app::set_priority_weights(app, v.editing);
        ImGui::SameLine();
        const int share = total ? (*values[f] * 100 + total / 2) / total : 0;
        text_muted(std::to_string(share) + "%");
        ImGui::PopID();
    }
    if (total == 0)
        ImGui::TextColored(to_vec4(p.warning), ICON_WARNING "  Every weight is 0: nothing is ranked.");
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

} // namespace

void draw_desk_week(app::App& app, UiState& ui) {
    const core::DeskData& d = desk_data(app);
    const core::Plan& plan = app.plan();
    DesksViewState& st = ui.desks;
    TabView& v = g_view;
    if (v.cache.stale(app, desk_filter_key(st) + "|" + std::to_string(st.week_status))) rebuild(app, ui, d);

    const ImGuiIO& io = ImGui::GetIO();
    if ((io.KeyCtrl || io.KeySuper) && !io.WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Enter, false))
        plan_visits(app, ui);

    toolbar(app, ui, plan, d);
    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = 14 * ui.dpr;
    const float side_w = std::clamp(avail.x * 0.28f, 320 * ui.dpr, 420 * ui.dpr);
    const float list_w = avail.x - side_w - gap;

    // The list.
    const core::AccountPriority* focused = nullptr;
    ImGui::BeginChild("##priority-list", ImVec2(list_w, avail.y), ImGuiChildFlags_None);
    if (v.cache.rows.empty()) {
        empty_state(ui, ICON_CHECK_CIRCLE, "Nobody to call in this view",
                    d.priorities.empty()
                        ? "Every weight is 0, or no account has anything due. Set the weights on the right."
                        : "Clear the territory or search filter, or show everyone.");
    } else {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(v.cache.rows.size()), row_height(ui));
        while (clipper.Step())
            for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k)
                priority_row(ui, plan, d, static_cast<std::size_t>(k));
    }
    ImGui::EndChild();
    // The account the right panel explains: the one clicked last, else the top of the list.
    if (auto idx = app.doc().index().account(ui.focused_account))
        for (std::uint32_t r : v.cache.rows)
            if (d.priorities[r].account == *idx) {
                focused = &d.priorities[r];
                break;
            }
    if (!focused && !v.cache.rows.empty()) focused = &d.priorities[v.cache.rows.front()];

    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    const float weights_h = ImGui::GetFrameHeightWithSpacing() * 5 + ImGui::GetTextLineHeightWithSpacing() * 2 + 24 * ui.dpr;
    why_card(app, ui, d, focused, side_w, avail.y - weights_h - 10 * ui.dpr);
    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    weights_card(app, ui, side_w, weights_h);
    ImGui::EndGroup();
}

} // namespace footprint::ui
