// The Accounts view: header with import and export, the filter and bulk bars, the virtualised list
// and the selected account's page beside it. The parts are in accounts_*.cpp and account_page*.cpp.
#include "core/format.h"
#include "ui/accounts_view.h"
#include "ui/files.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <algorithm>

namespace footprint::ui {

namespace {

void header(app::App& app, UiState& ui) {
    const core::Plan& plan = app.plan();
    const std::size_t shown = ui.accounts.list.rows().size();
    std::string sub =
        core::format_count(static_cast<long long>(plan.accounts.size())) + " accounts";
    if (shown != plan.accounts.size())
        sub += " · " + core::format_count(static_cast<long long>(shown)) + " shown";
    const ImGuiStyle& st = ImGui::GetStyle();
    const float w_import =
        ImGui::CalcTextSize(ICON_UPLOAD "  Import CSV…").x + st.FramePadding.x * 2;
    const float w_export = ImGui::CalcTextSize(ICON_DOWNLOAD "  Export").x + st.FramePadding.x * 2;
    const float y = ImGui::GetCursorPosY();
    const float right = page_header(ui, "Accounts", sub, w_import + w_export + st.ItemSpacing.x);
    const float after = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(right, y));
    if (ImGui::Button(ICON_UPLOAD "  Import CSV…")) pick_csv_file(ui);
    ImGui::SetItemTooltip(
        "Accounts, contacts or opportunities from Salesforce or Excel (or drop a .csv file here)");
    ImGui::SameLine();
    if (ImGui::Button(ICON_DOWNLOAD "  Export")) ImGui::OpenPopup("##export");
    ImGui::SetItemTooltip("CSV for Excel and Salesforce Data Loader");
    if (ImGui::BeginPopup("##export")) {
        draw_export_menu(app, ui);
        ImGui::EndPopup();
    }
    ImGui::SetCursorPosY(after);
}

void empty_plan(app::App& app, UiState& ui) {
    empty_state(ui, ICON_BUILDING, "No accounts yet",
                "Accounts are the businesses you sell to: clients, former clients and prospects. "
                "Import a Salesforce or Excel export (accounts first, then contacts and "
                "opportunities), or explore Footprint with the sample plan.");
    const ImGuiStyle& st = ImGui::GetStyle();
    const float w = ImGui::CalcTextSize(ICON_UPLOAD "  Import a CSV file…").x +
                    ImGui::CalcTextSize(ICON_FLASK "  Open the sample plan").x +
                    st.FramePadding.x * 4 + st.ItemSpacing.x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::max(0.0f, (ImGui::GetContentRegionAvail().x - w) * 0.5f));
    if (primary_button(ICON_UPLOAD "  Import a CSV file…")) pick_csv_file(ui);
    ImGui::SameLine();
    if (ImGui::Button(ICON_FLASK "  Open the sample plan")) app.open_sample();
    ImGui::Spacing();
    const char* tip = "Tip: drop a .csv file anywhere on the page.";
    ImGui::SetCursorPosX(
        ImGui::GetCursorPosX() +
        std::max(0.0f, (ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(tip).x) * 0.5f));
    text_muted(tip);
}

void no_matches(UiState& ui) {
    ImGui::Dummy(ImVec2(0, 24 * ui.dpr));
    empty_state(ui, ICON_SEARCH, "No accounts match",
                "Nothing in this plan fits the search and filters above.");
    const char* label = ICON_TIMES "  Clear search and filters";
    ImGui::SetCursorPosX(
        ImGui::GetCursorPosX() +
        std::max(0.0f, (ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(label).x) * 0.5f));
    if (ImGui::Button(label)) {
        ui.accounts.filter = core::AccountFilter{};
        ui.accounts.search[0] = 0;
    }
}

} // namespace

void draw_accounts_panel(app::App& app, UiState& ui) {
    const core::Plan& plan = app.plan();
    sync_account_list(app, ui);
    if (plan.accounts.empty()) {
        header(app, ui);
        empty_plan(app, ui);
        return;
    }
    header(app, ui);
    draw_filter_bar(app, ui);
    draw_active_filters(app, ui);
    draw_bulk_bar(app, ui);
    sync_account_list(app, ui); // the bars may have changed the filter

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const core::Account* focused = find_account(app, ui.focused_account);
    const float page_w = focused ? std::min(460 * ui.dpr, avail.x * 0.42f) : 0;
    ImGui::BeginChild("##list", ImVec2(avail.x - page_w - (focused ? 12 * ui.dpr : 0), avail.y));
    if (ui.accounts.list.rows().empty())
        no_matches(ui);
    else
        draw_accounts_table(app, ui, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
    if (focused) {
        ImGui::SameLine(0, 12 * ui.dpr);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, to_vec4(palette().surface));
        ImGui::BeginChild("##page", ImVec2(page_w, avail.y),
                          ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
        if (icon_button(ICON_TIMES "##close-page", "Close the account page"))
            ui.focused_account.clear();
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        text_muted(ui.selection.size() > 1
                       ? core::format_count(static_cast<long long>(ui.selection.size())) +
                             " accounts selected · showing one"
                       : std::string("Account"));
        if (ui.focused_account == focused->id) draw_account_page(app, ui, *focused);
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
}

} // namespace footprint::ui
