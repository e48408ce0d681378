// Reports view, Activity tab: activities against goals, activity by day, the new pipeline, and
// the deals won and lost with their reasons.
#include "core/format.h"
#include "ui/panels.h"
#include "ui/reports_ui.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>

namespace footprint::ui {

namespace {

std::string deals_word(std::size_t n) {
    return core::format_count(static_cast<long long>(n)) + (n == 1 ? " deal" : " deals");
}

void kpi_row(const UiState& ui, const ReportsModel& m) {
    const Palette& p = palette();
    const core::ActivityPeriodReport& r = m.activity;
    const float w = row_item_width(5);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 1.5f;
    const int total = r.counts.total();
    kpi_card(ui, "Activities logged", core::format_count(total),
             r.goal_total > 0 ? "goal " + core::format_count(r.goal_total) + " for the period"
                              : std::string("no activity goals set"),
             r.goal_total > 0 && total >= r.goal_total ? p.success : p.accent, w);
    tooltip_on_hover("Calls, visits, meetings, emails, events and proposals dated in the period.");
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Accounts touched", core::format_count(r.counts.accounts_touched),
             "with at least one activity", p.client, w);
    ImGui::SameLine(0, gap);
    kpi_card(ui, "New pipeline", mrc_whole(r.created_mrc),
             core::format_count(static_cast<long long>(r.created.size())) +
                 (r.created.size() == 1 ? " opportunity, " : " opportunities, ") +
                 core::format_money_short(r.created_tcv) + " TCV",
             p.prospect, w);
    tooltip_on_hover("Opportunities created in the period (their monthly amount and total "
                     "contract value).");
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Closed won", mrc_whole(r.deals.won_mrc), deals_word(r.deals.won.size()),
             p.success, w);
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Closed lost", mrc_whole(r.deals.lost_mrc), deals_word(r.deals.lost.size()),
             p.text_muted, w);
}

void goal_bars(const UiState& ui, const ReportsModel& m, ImVec2 origin, ImVec2 size) {
    const Palette& p = palette();
    const core::ActivityPeriodReport& r = m.activity;
    const int days = r.period.days();
    report_card(ui, origin, size, "Activities against goals",
                days == 7 ? std::string("weekly goals")
                          : "weekly goals \xC3\x97 " + std::to_string(days) + "/7");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 16 * ui.dpr, line = ImGui::GetTextLineHeight();
    const float label_w = 120 * ui.dpr;
    const float value_w = ImGui::CalcTextSize("0,000 / 0,000").x;
    const float bar_x0 = origin.x + pad + label_w;
    const float bar_x1 = origin.x + size.x - pad - value_w - 12 * ui.dpr;
    const float bar_h = 10 * ui.dpr;
    const float row_h = std::max(line, bar_h) + 18 * ui.dpr;
    float y = origin.y + pad + line + 18 * ui.dpr;
    for (int t = 0; t < core::kActivityTypeCount; ++t) {
        const auto type = static_cast<core::ActivityType>(t);
        const int count = r.counts.by_type[t];
        const int goal = r.goals[t];
        const std::string label =
            std::string(activity_icon(type)) + "  " + activity_label_plural(type);
        dl->AddText(ImVec2(origin.x + pad, y), p.text, label.c_str());
        const float by = y + (line - bar_h) * 0.5f;
        dl->AddRectFilled(ImVec2(bar_x0, by), ImVec2(bar_x1, by + bar_h), p.grid, bar_h * 0.5f);
        if (goal > 0 && count > 0) {
            const float f = std::min(1.0f, static_cast<float>(count) / static_cast<float>(goal));
            const float x1 = bar_x0 + std::max(bar_h, (bar_x1 - bar_x0) * f);
            dl->AddRectFilled(ImVec2(bar_x0, by), ImVec2(x1, by + bar_h),
                              count >= goal ? p.success : p.accent, bar_h * 0.5f);
        } else if (goal == 0 && count > 0) {
            dl->AddRectFilled(ImVec2(bar_x0, by), ImVec2(bar_x1, by + bar_h),
                              with_alpha(p.accent, 0.35f), bar_h * 0.5f);
        }
        std::string value = goal > 0 ? core::format_count(count) + " / " + core::format_count(goal)
                                     : core::format_count(count) + " · no goal";
        const float vw = ImGui::CalcTextSize(value.c_str()).x;
        ImFont* f = goal > 0 && count >= goal ? ui.fonts.bold : ui.fonts.body;
        dl->AddText(f, f->FontSize, ImVec2(origin.x + size.x - pad - vw, y),
                    goal > 0 && count >= goal ? p.success : p.text, value.c_str());
        // A hover target per row for its tooltip.
        ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, y - 6 * ui.dpr));
        ImGui::PushID(t);
        ImGui::InvisibleButton("##row", ImVec2(size.x - pad * 2, row_h - 6 * ui.dpr));
        ImGui::PopID();
        if (ImGui::IsItemHovered()) {
            if (goal > 0)
                ImGui::SetTooltip("%s: %d of %d (%s of the goal)", activity_label_plural(type),
                                  count, goal, core::format_percent(100.0 * count / goal).c_str());
            else
                ImGui::SetTooltip("%s: %d. No goal set for this activity.",
                                  activity_label_plural(type), count);
        }
        y += row_h;
    }
    const std::string footer = "Accounts touched: " + core::format_count(r.counts.accounts_touched);
    dl->AddText(ImVec2(origin.x + pad, y + 2 * ui.dpr), p.text_muted, footer.c_str());
}

void day_chart(const UiState& ui, const ReportsModel& m, ImVec2 origin, ImVec2 size) {
    const Palette& p = palette();
    const core::ActivityPeriodReport& r = m.activity;
    report_card(ui, origin, size, "Activity by day", "weekends shaded");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 16 * ui.dpr, line = ImGui::GetTextLineHeight();
    const int n = static_cast<int>(r.per_day.size());
    const float left = origin.x + pad, right = origin.x + size.x - pad;
    const float top = origin.y + pad + line + 16 * ui.dpr;
    const float bottom = origin.y + size.y - pad - line - 6 * ui.dpr;
    if (n == 0 || bottom - top < 24 * ui.dpr) return;
    int max_count = 1;
    for (int c : r.per_day)
        max_count = std::max(max_count, c);
    const float slot = (right - left) / static_cast<float>(n);
    const float bar_w = std::max(2 * ui.dpr, std::min(slot * 0.6f, 28 * ui.dpr));
    dl->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), p.border, 1 * ui.dpr);
    const std::string max_label = core::format_count(max_count);
    dl->AddText(ImVec2(left, top - line - 2 * ui.dpr), p.text_muted, max_label.c_str());
    dl->AddLine(ImVec2(left + ImGui::CalcTextSize(max_label.c_str()).x + 6 * ui.dpr, top),
                ImVec2(right, top), p.grid, 1 * ui.dpr);

    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered = -1;
    if (ImGui::IsWindowHovered() && mouse.x >= left && mouse.x < right && mouse.y >= top &&
        mouse.y <= bottom + line + 6 * ui.dpr)
        hovered = std::clamp(static_cast<int>((mouse.x - left) / slot), 0, n - 1);
    for (int i = 0; i < n; ++i) {
        const core::Date day = core::add_days(r.period.from, i);
        const bool weekend = core::weekday(day) >= 5;
        const float x0 = left + slot * static_cast<float>(i), cx = x0 + slot * 0.5f;
        if (weekend || i == hovered)
            dl->AddRectFilled(ImVec2(x0, top), ImVec2(x0 + slot, bottom),
                              i == hovered ? with_alpha(p.accent, 0.10f) : p.surface_alt);
        const int c = r.per_day[static_cast<std::size_t>(i)];
        if (c > 0) {
            const float h = (bottom - top) * static_cast<float>(c) / static_cast<float>(max_count);
            dl->AddRectFilled(ImVec2(cx - bar_w * 0.5f, bottom - h),
                              ImVec2(cx + bar_w * 0.5f, bottom),
                              weekend ? with_alpha(p.accent, 0.45f) : p.accent, 2 * ui.dpr,
                              ImDrawFlags_RoundCornersTop);
        }
        // Day labels: every day for a week, Mondays for a month.
        const core::Ymd ymd = core::ymd_of(day);
        std::string label;
        if (n <= 7) {
            label = std::string(weekday_short(core::weekday(day))) + " " + std::to_string(ymd.day);
        } else if (core::weekday(day) == 0) {
            label = std::string(month_short(ymd.month)) + " " + std::to_string(ymd.day);
        }
        if (!label.empty()) {
            const float tw = ImGui::CalcTextSize(label.c_str()).x;
            const float lx = std::clamp(cx - tw * 0.5f, left, right - tw);
            dl->AddText(ImVec2(lx, bottom + 4 * ui.dpr), p.text_muted, label.c_str());
        }
    }
    if (hovered >= 0) {
        const core::Date day = core::add_days(r.period.from, hovered);
        const int c = r.per_day[static_cast<std::size_t>(hovered)];
        ImGui::SetTooltip("%s: %s", core::format_date(day).c_str(),
                          c == 1 ? "1 activity" : (core::format_count(c) + " activities").c_str());
    }
}

void deal_row(const app::App& app, UiState& ui, const core::Opportunity& o, bool won,
              core::Date today) {
    const Palette& p = palette();
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(&o);
    const bool sel = ui.selection.count(o.account_id) > 0;
    // Every cell is centred on a frame-height line so the type badge and the text line up.
    ImGui::AlignTextToFramePadding();
    if (ImGui::Selectable("##sel", sel,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap))
        select_account(ui, o.account_id);
    const bool row_hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImGui::SameLine(0, 0);
    if (won)
        ImGui::TextColored(to_vec4(p.success), ICON_CHECK_CIRCLE " Won");
    else
        ImGui::TextColored(to_vec4(p.text_muted), ICON_TIMES_CIRCLE " Lost");

    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    std::string name = account_name(app, o.account_id);
    fit_text(name, ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(name.c_str());

    ImGui::TableNextColumn();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y * 0.5f);
    badge(opportunity_type_label(o.type), opportunity_type_colour(o.type));

    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(o.close_date ? core::format_date_short(*o.close_date, today).c_str()
                                        : "—");
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    text_right(mrc_whole(o.mrc));

    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    std::string reason = won                     ? std::string("—")
                         : o.loss_reason.empty() ? std::string("No reason recorded")
                                                 : o.loss_reason;
    fit_text(reason, ImGui::GetContentRegionAvail().x);
    if (won || o.loss_reason.empty())
        text_muted(reason);
    else
        ImGui::TextUnformatted(reason.c_str());

    if (row_hovered) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(account_name(app, o.account_id).c_str());
        ImGui::PopFont();
        if (!o.name.empty()) ImGui::TextColored(to_vec4(p.text_muted), "%s", o.name.c_str());
        ImGui::Text("%s %s  ·  %s", won ? "Won" : "Lost",
                    o.close_date ? core::format_date(*o.close_date).c_str() : "",
                    mrc_whole(o.mrc).c_str());
        if (!won && !o.loss_reason.empty()) ImGui::Text("Loss reason: %s", o.loss_reason.c_str());
        ImGui::TextColored(to_vec4(p.text_muted), "Click to select the account");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void deals_table(const app::App& app, UiState& ui, const ReportsModel& m, ImVec2 origin, ImVec2 size,
                 core::Date today) {
    const core::ActivityPeriodReport& r = m.activity;
    report_card(ui, origin, size, "Won and lost deals",
               deals_word(r.deals.won.size() + r.deals.lost.size()) + " closed in the period");
    const float pad = 16 * ui.dpr;
    const float top = pad + ImGui::GetTextLineHeight() + 12 * ui.dpr;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + top));
    const ImVec2 inner(size.x - pad * 2, size.y - top - pad);
    if (r.deals.won.empty() && r.deals.lost.empty()) {
        ImGui::BeginChild("##no-deals", inner);
        empty_state(ui, ICON_HANDSHAKE, "No deals closed in this period",
                    "Deals appear here when they reach Closed Won or Closed Lost with a close "
                    "date in the period. Try the month, an earlier period, or see the Pipeline "
                    "for the deals still open.");
        ImGui::EndChild();
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("##deals", 6, flags, inner)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Result", ImGuiTableColumnFlags_WidthFixed, 64 * ui.dpr);
        ImGui::TableSetupColumn("Account", ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthFixed, 92 * ui.dpr);
        // Dates outside this year carry the year ("Dec 30, 2026"): room for it only when needed.
        const bool crosses_year = core::ymd_of(r.period.from).year != core::ymd_of(r.period.to).year;
        ImGui::TableSetupColumn("Closed", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize(crosses_year ? "May 30, 2026" : "May 30").x +
                                    4 * ui.dpr);
        ImGui::TableSetupColumn("MRC", ImGuiTableColumnFlags_WidthFixed, 88 * ui.dpr);
        ImGui::TableSetupColumn("Loss reason", ImGuiTableColumnFlags_WidthStretch, 1.5f);
        // Header row, with the money column's title right-aligned over its numbers.
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < 6; ++c) {
            ImGui::TableSetColumnIndex(c);
            const char* name = ImGui::TableGetColumnName(c);
            if (c == 4) {
                const float w = ImGui::CalcTextSize(name).x;
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
            }
            ImGui::TableHeader(name);
        }
        for (const core::Opportunity* o : r.deals.won)
            deal_row(app, ui, *o, true, today);
        for (const core::Opportunity* o : r.deals.lost)
            deal_row(app, ui, *o, false, today);
        ImGui::EndTable();
    }
}

void loss_reasons(const UiState& ui, const ReportsModel& m, ImVec2 origin, ImVec2 size) {
    const Palette& p = palette();
    const core::ActivityPeriodReport& r = m.activity;
    report_card(ui, origin, size, "Why deals were lost",
                r.loss_reasons.empty() ? std::string() : mrc_whole(r.deals.lost_mrc) + " lost");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 16 * ui.dpr, line = ImGui::GetTextLineHeight();
    float y = origin.y + pad + line + 14 * ui.dpr;
    if (r.loss_reasons.empty()) {
        dl->AddText(ImVec2(origin.x + pad, y), p.text_muted, "No deals lost in this period.");
        return;
    }
    const float label_w = std::min(220 * ui.dpr, size.x * 0.4f);
    const float value_w = ImGui::CalcTextSize("00 deals  $00,000/mo").x;
    const float bx0 = origin.x + pad + label_w, bx1 = origin.x + size.x - pad - value_w;
    const int most = r.loss_reasons.front().deals;
    for (const core::LossReason& l : r.loss_reasons) {
        if (y + line > origin.y + size.y - pad) break;
        std::string name = l.reason;
        fit_text(name, label_w - 8 * ui.dpr);
        dl->AddText(ImVec2(origin.x + pad, y), p.text, name.c_str());
        const float bh = 8 * ui.dpr, by = y + (line - bh) * 0.5f;
        const float f = static_cast<float>(l.deals) / static_cast<float>(std::max(1, most));
        dl->AddRectFilled(ImVec2(bx0, by), ImVec2(bx0 + std::max(bh, (bx1 - bx0) * f), by + bh),
                          with_alpha(p.danger, 0.7f), bh * 0.5f);
        const std::string v = deals_word(static_cast<std::size_t>(l.deals)) + "  " + mrc_whole(l.mrc);
        const float vw = ImGui::CalcTextSize(v.c_str()).x;
        dl->AddText(ImVec2(origin.x + size.x - pad - vw, y), p.text_muted, v.c_str());
        y += line + 10 * ui.dpr;
    }
}

} // namespace

void report_card(const UiState& ui, ImVec2 origin, ImVec2 size, const char* title,
                 const std::string& note) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = ImGui::GetStyle().ChildRounding;
    dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), p.surface, r);
    dl->AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), p.border, r);
    const float pad = 16 * ui.dpr;
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(origin.x + pad, origin.y + pad),
                p.text, title);
    if (!note.empty()) {
        const float nw = ImGui::CalcTextSize(note.c_str()).x;
        dl->AddText(ImVec2(origin.x + size.x - pad - nw, origin.y + pad), p.text_muted,
                    note.c_str());
    }
}

void draw_report_activity(app::App& app, UiState& ui, const ReportsModel& m) {
    const ImGuiStyle& st = ImGui::GetStyle();
    kpi_row(ui, m);
    ImGui::Dummy(ImVec2(0, 6 * ui.dpr));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float gap = st.ItemSpacing.x * 1.5f;
    const float left_w = std::clamp(avail.x * 0.40f, 360 * ui.dpr, 560 * ui.dpr);
    const float bars_h =
        std::min(avail.y, 16 * ui.dpr * 2 + ImGui::GetTextLineHeight() * 2 + 18 * ui.dpr +
                              6 * (ImGui::GetTextLineHeight() + 18 * ui.dpr) + 8 * ui.dpr);
    goal_bars(ui, m, origin, ImVec2(left_w, bars_h));
    const float chart_h = avail.y - bars_h - gap;
    if (chart_h > 120 * ui.dpr)
        day_chart(ui, m, ImVec2(origin.x, origin.y + bars_h + gap), ImVec2(left_w, chart_h));
    const float right_w = avail.x - left_w - gap;
    const float reasons_h = std::min(190 * ui.dpr, avail.y * 0.35f);
    deals_table(app, ui, m, ImVec2(origin.x + left_w + gap, origin.y),
                ImVec2(right_w, avail.y - reasons_h - gap), app.clock().today());
    loss_reasons(ui, m, ImVec2(origin.x + left_w + gap, origin.y + avail.y - reasons_h),
                 ImVec2(right_w, reasons_h));
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(avail);
}

} // namespace footprint::ui
