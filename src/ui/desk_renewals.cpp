// The Renewals tab: contracts ending in the next 30/60/90/180 days (or just ended), what is at
// stake, notice deadlines, auto-renewal, and the renewal opportunity, created in one click.
#include "app/desk_actions.h"
#include "core/format.h"
#include "ui/desks.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>

namespace footprint::ui {

namespace {

constexpr int kHorizons[] = {30, 60, 90, 180};
enum Column { kAccount, kServices, kStake, kEnds, kDaysLeft, kAuto, kNotice, kDeal, kColumns };

struct TabView {
    RowCache cache;
    int sort_column = kEnds;
    bool ascending = true;
    int counts[4] = {};   // rows per horizon (with the current filters)
    core::Cents stake = 0;      // MRC of the listed rows
    int listed = 0, no_deal = 0, lapsed = 0, notices_soon = 0;
    core::Cents no_deal_mrc = 0, lapsed_mrc = 0;
};
TabView g_view;

bool listed(const DesksViewState& st, const core::RenewalRow& r, int horizon) {
    return r.days_left <= horizon && (st.include_lapsed || r.days_left >= 0);
}

void rebuild(const app::App& app, const UiState& ui, const core::DeskData& d) {
    const DesksViewState& st = ui.desks;
    const core::Plan& plan = app.plan();
    TabView& v = g_view;
    const int horizon = kHorizons[std::clamp(st.renewal_horizon, 0, 3)];
    std::fill(std::begin(v.counts), std::end(v.counts), 0);
    v.stake = v.no_deal_mrc = v.lapsed_mrc = 0;
    v.listed = v.no_deal = v.lapsed = v.notices_soon = 0;
    for (std::size_t i = 0; i < d.renewals.size(); ++i) {
        const core::RenewalRow& r = d.renewals[i];
        if (!desk_filter_match(st, plan.accounts[r.account])) continue;
        for (int h = 0; h < 4; ++h) v.counts[h] += listed(st, r, kHorizons[h]);
        if (!listed(st, r, horizon)) continue;
        v.cache.rows.push_back(static_cast<std::uint32_t>(i));
        ++v.listed;
        v.stake += r.mrc;
        if (r.deal.state == core::LinkState::None) {
            ++v.no_deal;
            v.no_deal_mrc += r.mrc;
        }
        if (r.days_left < 0) {
            ++v.lapsed;
            v.lapsed_mrc += r.mrc;
        }
        if (r.days_left >= 0 && r.days_to_notice >= 0 && r.days_to_notice <= 30) ++v.notices_soon;
    }
    const bool asc = v.ascending;
    auto key = [&](std::uint32_t i) -> std::int64_t {
        const core::RenewalRow& r = d.renewals[i];
        switch (v.sort_column) {
        case kStake: return r.mrc;
        case kNotice: return r.notice_by.days;
        case kAuto: return static_cast<int>(r.auto_renew);
        case kDeal: return static_cast<int>(r.deal.state);
        case kServices: return static_cast<std::int64_t>(r.services.size());
        default: return r.days_left;
        }
    };
    std::stable_sort(v.cache.rows.begin(), v.cache.rows.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (v.sort_column == kAccount) {
            const std::string& x = plan.accounts[d.renewals[a].account].name;
            const std::string& y = plan.accounts[d.renewals[b].account].name;
            return asc ? x < y : y < x;
        }
        return asc ? key(a) < key(b) : key(b) < key(a);
    });
}

void controls(app::App& app, UiState& ui) {
    DesksViewState& st = ui.desks;
    const TabView& v = g_view;
    std::string labels[4];
    const char* ptrs[4];
    for (int h = 0; h < 4; ++h) {
        labels[h] = std::to_string(kHorizons[h]) + " days  " + core::format_count(v.counts[h]);
        ptrs[h] = labels[h].c_str();
    }
    ImGui::AlignTextToFramePadding();
    text_muted("Ending in the next");
    ImGui::SameLine();
    segmented(ui, "##horizon", ptrs, 4, st.renewal_horizon);
    ImGui::SameLine(0, 20 * ui.dpr);
    ImGui::Checkbox("Out of contract too", &st.include_lapsed);
    tooltip_on_hover("Also list contracts that ended in the last 90 days: month to month now, and "
                     "the easiest for a competitor to take.");

    // The default notice period, on the right.
    const int notice = app.plan().settings.renewal_notice_days;
    const std::string label = std::string(ICON_PENCIL "  Notice period: ") + std::to_string(notice) + " days";
    const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
    static int edit = 60;
    if (ImGui::Button(label.c_str())) {
        edit = notice;
        ImGui::OpenPopup("notice-period");
    }
    tooltip_on_hover("How many days before its end a contract must be cancelled or renegotiated, "
                     "when the contract itself does not say. After the deadline, an auto-renewing "
                     "contract renews by itself.");
    if (ImGui::BeginPopup("notice-period")) {
        ImGui::TextUnformatted("Default notice period");
        text_muted("For contracts that do not state their own.");
        ImGui::SetNextItemWidth(140 * ui.dpr);
        ImGui::InputInt("days", &edit, 15, 30);
        edit = std::clamp(edit, 0, 3650);
        if (primary_button("Save") || ImGui::IsKeyPressed(ImGuiKey_Enter)) {
            app::set_desk_settings(app, edit, -1);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void services_cell(const core::Plan& plan, const core::Account& a, const core::RenewalRow& r) {
    const std::string text = r.services.size() == 1 ? product_label(plan, a.services[r.services[0]])
                                                    : core::format_count(static_cast<long long>(r.services.size())) + " services";
    std::string shown = text;
    fit_text(shown, ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(shown.c_str());
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        for (std::size_t i : r.services) {
            const core::Service& s = a.services[i];
            ImGui::Text("%s%s  \xC2\xB7  %s  \xC2\xB7  ends %s%s", product_label(plan, s).c_str(),
                        s.quantity > 1 ? (" \xC3\x97" + std::to_string(s.quantity)).c_str() : "",
                        mrc_whole(s.mrc).c_str(), core::format_date(*s.contract_end).c_str(),
                        s.auto_renew ? "  \xC2\xB7  auto-renews" : "");
            if (s.notice_days)
                text_muted("    notice: " + std::to_string(*s.notice_days) + " days (this contract's own)");
        }
        ImGui::EndTooltip();
    }
}

void notice_cell(const core::RenewalRow& r, core::Date today) {
    const Palette& p = palette();
    const std::string date = core::format_date_short(r.notice_by, today);
    if (r.days_left < 0) {
        text_muted("\xE2\x80\x94");
    } else if (r.days_to_notice < 0) {
        ImGui::TextColored(to_vec4(p.text_muted), ICON_CLOCK "  %s (passed)", date.c_str());
    } else if (r.days_to_notice <= 14) {
        ImGui::TextColored(to_vec4(p.due_30), ICON_WARNING "  %s", date.c_str());
    } else {
        ImGui::TextUnformatted(date.c_str());
    }
    if (ImGui::IsItemHovered()) {
        if (r.days_left < 0)
            ImGui::SetTooltip("Out of contract: there is no notice to give.");
        else
            ImGui::SetTooltip("Last day to give notice: %s (%s).%s", core::format_date(r.notice_by).c_str(),
                              core::format_relative_days(r.notice_by, today).c_str(),
                              r.auto_renew == core::AutoRenew::None ? ""
                              : r.days_to_notice < 0 ? "\nIt auto-renews: the notice window has closed."
                                                     : "\nIt auto-renews unless notice is given by then.");
    }
}

void table(app::App& app, UiState& ui, const core::DeskData& d, float height) {
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    TabView& v = g_view;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##renewals", kColumns, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Account", ImGuiTableColumnFlags_NoHide, 2.6f, kAccount);
    ImGui::TableSetupColumn("Services", 0, 1.8f, kServices);
    ImGui::TableSetupColumn("At stake", ImGuiTableColumnFlags_PreferSortDescending, 1.0f, kStake);
    ImGui::TableSetupColumn("Contract ends", ImGuiTableColumnFlags_DefaultSort, 1.1f, kEnds);
    ImGui::TableSetupColumn("Days left", 0, 1.0f, kDaysLeft);
    ImGui::TableSetupColumn("Auto-renew", 0, 0.9f, kAuto);
    ImGui::TableSetupColumn("Notice by", 0, 1.2f, kNotice);
    ImGui::TableSetupColumn("Renewal opportunity", 0, 2.0f, kDeal);
    ImGui::TableHeadersRow();
    int col = v.sort_column;
    bool asc = v.ascending;
    if (table_sort(col, asc)) {
        v.sort_column = col == kDaysLeft ? kEnds : col;
        v.ascending = asc;
        v.cache.key.clear(); // re-sort
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.cache.rows.size()));
    while (clipper.Step()) {
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const core::RenewalRow& r = d.renewals[v.cache.rows[static_cast<std::size_t>(k)]];
            const core::Account& a = plan.accounts[r.account];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            account_cell(ui, a, "renewal");
            ImGui::TableNextColumn();
            services_cell(plan, a, r);
            ImGui::TableNextColumn();
            text_right(mrc_whole(r.mrc));
            ImGui::TableNextColumn();
            urgency_text(r.days_left < 0 ? "Ended " + core::format_date_short(r.end, today)
                                         : core::format_date_short(r.end, today),
                         r.days_left);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", core::format_date(r.end).c_str());
            ImGui::TableNextColumn();
            {
                const std::string left = r.days_left < 0 ? core::format_count(-r.days_left) + " days ago"
                                         : r.days_left == 0 ? std::string("today")
                                                            : core::format_count(r.days_left) + (r.days_left == 1 ? " day" : " days");
                const float w = ImGui::CalcTextSize(left.c_str()).x;
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
                urgency_text(left, r.days_left);
            }
            ImGui::TableNextColumn();
            if (r.auto_renew == core::AutoRenew::None) text_muted("No");
            else ImGui::TextUnformatted(r.auto_renew == core::AutoRenew::All ? ICON_REFRESH "  Yes" : ICON_REFRESH "  Some");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(r.auto_renew == core::AutoRenew::None
                                      ? "Ends unless renewed: a renewal must be signed by the end date."
                                  : r.auto_renew == core::AutoRenew::All
                                      ? "Renews by itself for another term unless notice is given."
                                      : "Some of these contracts renew by themselves; hover Services for which.");
            ImGui::TableNextColumn();
            notice_cell(r, today);
            ImGui::TableNextColumn();
            if (r.deal.state == core::LinkState::None) {
                if (create_button(ui, ICON_PLUS "  Create renewal", "create_renewal:" + a.id,
                                  "Creates the renewal opportunity: these services, their monthly "
                                  "revenue and usual term, closing on the contract end. Undo with Ctrl+Z."))
                    app::create_renewal_opportunity(app, a.id);
            } else {
                deal_cell(app, ui, r.deal, core::OpportunityType::Renewal, a.id);
            }
        }
    }
    ImGui::EndTable();
}

} // namespace

void draw_desk_renewals(app::App& app, UiState& ui) {
    const core::DeskData& d = desk_data(app);
    const DesksViewState& st = ui.desks;
    TabView& v = g_view;
    const std::string key = desk_filter_key(st) + "|" + std::to_string(st.renewal_horizon) + "|" +
                            std::to_string(st.include_lapsed) + "|" + std::to_string(v.sort_column) +
                            std::to_string(v.ascending);
    if (v.cache.stale(app, key)) rebuild(app, ui, d);
    const Palette& p = palette();
    const int horizon = kHorizons[std::clamp(st.renewal_horizon, 0, 3)];
    const Kpi kpis[] = {
        {"Up for renewal", mrc_whole(v.stake),
         core::format_count(v.listed) + (v.listed == 1 ? " account" : " accounts") + " in " + std::to_string(horizon) + " days",
         p.due_90, "Monthly revenue of the contracts listed below: what you keep by renewing them."},
        {"Notice deadlines", core::format_count(v.notices_soon), "in the next 30 days", p.due_30,
         "Contracts whose notice deadline comes in the next 30 days: call before the client can "
         "give notice, or before an auto-renewal locks in old terms."},
        {"No renewal opportunity", core::format_count(v.no_deal), mrc_whole(v.no_deal_mrc) + " not in the pipeline",
         p.accent, "Listed contracts with no renewal opportunity yet. Create one with one click."},
        {"Out of contract", core::format_count(v.lapsed), v.lapsed ? mrc_whole(v.lapsed_mrc) + " month to month" : std::string("none listed"),
         p.danger, "Contracts that already ended: the client pays month to month and can leave any day."},
    };
    kpi_row(ui, kpis, 4);
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    controls(app, ui);
    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    const float h = fit_table_height(v.cache.rows.size(), ImGui::GetContentRegionAvail().y);
    if (v.cache.rows.empty()) {
        empty_state(ui, ICON_CHECK_CIRCLE, "No contract ends in this window",
                    d.renewals.empty()
                        ? "No client has a contract ending in the next 180 days. Contracts come from "
                          "the services of client accounts (their contract end dates)."
                        : "Try a longer window, include out-of-contract accounts, or clear the "
                          "territory and search filters.");
        return;
    }
    table(app, ui, d, h);
}

} // namespace footprint::ui
