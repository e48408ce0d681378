// Reports view, the Renewals, Win-backs and Tasks tabs: headline numbers and the lists behind them.
#include "core/format.h"
#include "ui/activity_log.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/reports_ui.h"
#include "ui/theme.h"

#include <imgui.h>

namespace footprint::ui {

namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                        ImGuiTableFlags_BordersInnerH |
                                        ImGuiTableFlags_SizingStretchProp |
                                        ImGuiTableFlags_PadOuterX;

std::string accounts_word(std::size_t n) {
    return core::format_count(static_cast<long long>(n)) + (n == 1 ? " account" : " accounts");
}

void account_cell(UiState& ui, const core::Account* a) {
    ImGui::TableNextColumn();
    const std::string name = a ? a->name : std::string("(account not in the plan)");
    ImGui::PushID(a);
    if (ImGui::Selectable(name.c_str(), a && ui.selection.count(a->id) > 0,
                          ImGuiSelectableFlags_SpanAllColumns) &&
        a)
        select_account(ui, a->id);
    ImGui::PopID();
}

void renewal_section(UiState& ui, const char* id, const std::vector<core::RenewalItem>& items,
                     const char* date_title, const char* empty, core::Date today, float height) {
    if (items.empty()) {
        text_muted(empty);
        return;
    }
    if (!ImGui::BeginTable(id, 4, kTableFlags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Account", 0, 2.0f);
    ImGui::TableSetupColumn("Deal", 0, 2.0f);
    ImGui::TableSetupColumn(date_title, 0, 1.0f);
    ImGui::TableSetupColumn("MRC", 0, 0.8f);
    const char* const names[] = {"Account", "Deal", date_title, "MRC"};
    const bool right[] = {false, false, false, true};
    table_header_row(names, right, 4);
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(items.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const core::RenewalItem& it = items[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            account_cell(ui, it.account);
            ImGui::TableNextColumn();
            if (it.deal)
                ImGui::TextUnformatted(it.deal->name.c_str());
            else
                text_muted("\xE2\x80\x94");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::format_date_short(it.date, today).c_str());
            ImGui::TableNextColumn();
            text_right(mrc_whole(it.mrc));
        }
    ImGui::EndTable();
}

} // namespace

void draw_report_renewals(app::App& app, UiState& ui, const ReportsModel& m) {
    const Palette& p = palette();
    const core::RenewalReport& r = m.renewals;
    const core::Date today = app.clock().today();
    const float w = row_item_width(3);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 1.5f;
    kpi_card(ui, "Upcoming", mrc_whole(r.upcoming_mrc),
             accounts_word(r.upcoming.size()) + " through " +
                 core::format_date_short(core::add_days(r.period.to, r.horizon_days), today),
             p.due_90, w);
    tooltip_on_hover("Clients whose contracts end from the period's start to 90 days after it.");
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Renewed", mrc_whole(r.renewed_mrc),
             core::format_count(static_cast<long long>(r.renewed.size())) + " won in the period",
             p.success, w);
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Lost", mrc_whole(r.lost_mrc),
             core::format_count(static_cast<long long>(r.lost.size())) + " lost in the period",
             p.former, w);
    tooltip_on_hover("Renewal deals closed lost, and clients marked former with a lost date, in "
                     "the period.");
    ImGui::Dummy(ImVec2(0, 6 * ui.dpr));
    const float h = ImGui::GetContentRegionAvail().y;
    const float line = ImGui::GetFrameHeightWithSpacing();
    const float small = std::min(h * 0.25f, line * 6);
    // Renewed and Lost take what their rows need (one line when empty); Upcoming the rest.
    const auto need = [&](const std::vector<core::RenewalItem>& v) {
        const float rows = line * static_cast<float>(v.size() + 1);
        return line * 1.6f + (v.empty() ? line : std::min(small, rows));
    };
    heading(ui, "Upcoming renewals");
    renewal_section(ui, "##upcoming", r.upcoming, "Contract ends",
                    "No client's contract ends in this window.", today,
                    std::max(line * 3, h - need(r.renewed) - need(r.lost) - line * 1.6f));
    heading(ui, "Renewed");
    renewal_section(ui, "##renewed", r.renewed, "Closed", "No renewals won in this period.", today,
                    need(r.renewed) - line * 1.6f);
    heading(ui, "Lost");
    renewal_section(ui, "##lost", r.lost, "Lost", "No renewals or clients lost in this period.",
                    today, need(r.lost) - line * 1.6f);
}

void draw_report_winbacks(app::App& app, UiState& ui, const ReportsModel& m) {
    const Palette& p = palette();
    const core::WinbackReport& r = m.winbacks;
    const core::Date today = app.clock().today();
    const float w = row_item_width(3);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 1.5f;
    kpi_card(ui, "Targets", core::format_count(static_cast<long long>(r.targets.size())),
             "win-back window open in the period", p.former, w);
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Contacted", core::format_count(r.contacted),
             r.targets.empty() ? std::string("no targets")
                               : core::format_percent(100.0 * r.contacted /
                                                      static_cast<double>(r.targets.size())) +
                                     " of the targets",
             p.accent, w);
    ImGui::SameLine(0, gap);
    kpi_card(ui, "Won back", mrc_whole(r.won_back_mrc),
             core::format_count(static_cast<long long>(r.won_back.size())) + " deals won",
             p.success, w);
    ImGui::Dummy(ImVec2(0, 6 * ui.dpr));
    if (r.targets.empty()) {
        empty_state(ui, ICON_REFRESH, "No win-back targets in this period",
                    "A former client becomes a target when its competitor's contract nears its "
                    "end. Record the lost date or the competitor's contract end on the account "
                    "page, or see the Desks view's Win-backs tab.");
        return;
    }
    if (!ImGui::BeginTable("##targets", 4, kTableFlags, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Former client", 0, 2.5f);
    ImGui::TableSetupColumn("Competitor contract ends", 0, 1.4f);
    ImGui::TableSetupColumn("Contacted", 0, 1.0f);
    ImGui::TableSetupColumn("Won back", 0, 1.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(r.targets.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const core::WinbackItem& t = r.targets[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            account_cell(ui, t.account);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted((core::format_date_short(t.competitor_end, today) + "  (" +
                                    core::format_relative_days(t.competitor_end, today) + ")")
                                       .c_str());
            ImGui::TableNextColumn();
            if (t.contacted)
                ImGui::TextColored(to_vec4(p.success), ICON_CHECK " Yes");
            else
                text_muted("Not yet");
            ImGui::TableNextColumn();
            if (t.deal)
                ImGui::TextColored(to_vec4(p.success), ICON_CHECK_CIRCLE " %s",
                                   mrc_whole(t.deal->mrc).c_str());
            else
                text_muted("\xE2\x80\x94");
        }
    ImGui::EndTable();
}

void draw_report_tasks(app::App& app, UiState& ui) {
    const char* const horizons[] = {"Overdue", "Due in 7 days", "All open"};
    const int within[] = {-1, 7, 100000};
    segmented(ui, "horizon", horizons, 3, ui.log.task_horizon);
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    ImGui::BeginChild("##tasks", ImGui::GetContentRegionAvail());
    const int n = draw_task_list(app, ui, "", within[ui.log.task_horizon]);
    if (n == 0)
        empty_state(ui, ICON_CHECK_SQUARE,
                    ui.log.task_horizon == 0 ? "Nothing overdue" : "No open next steps",
                    "When you log a call or visit, give it a next step with a due date: it shows "
                    "here until you tick it off. Select an account and press L to log one.");
    ImGui::EndChild();
}

} // namespace footprint::ui
