// The bulk bar: status, territory, owner or a tag for every selected account in one undoable
// command, and export of the selection.
#include "core/csv_values.h"
#include "core/format.h"
#include "ui/accounts_view.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace footprint::ui {

namespace {

std::string territory_name(const core::Plan& plan, const std::string& id) {
    if (id.empty()) return "No territory";
    for (const core::Territory& t : plan.territories)
        if (t.id == id) return t.name;
    return id;
}

} // namespace

// Values to offer in the filter and bulk menus, counted over the plan. Built only while a menu is
// open, once per plan revision.
const AccountFacets& account_facets(const app::App& app) {
    static AccountFacets f;
    if (!f.key.refresh(app)) return f;
    std::map<std::string, int> ind, tag, own, fam;
    for (const core::Account& a : app.plan().accounts) {
        if (!a.industry.empty()) ++ind[a.industry];
        for (const std::string& t : a.tags)
            ++tag[t];
        if (!a.owner.empty()) ++own[a.owner];
        for (const core::Service& s : a.services)
            if (!s.family.empty()) ++fam[s.family];
    }
    for (const core::Product& p : app.plan().catalog)
        fam.try_emplace(p.family, 0);
    auto out = [](const std::map<std::string, int>& m) {
        return std::vector<std::pair<std::string, int>>(m.begin(), m.end());
    };
    f.industries = out(ind);
    f.tags = out(tag);
    f.owners = out(own);
    f.families = out(fam);
    return f;
}

int bulk_edit(app::App& app, const UiState& ui, BulkField field, const std::string& value) {
    const core::Plan& plan = app.plan();
    app::Command cmd;
    for (const std::string& id : ui.selection) {
        const auto idx = app.doc().index().account(id);
        if (!idx) continue;
        const core::Account& a = plan.accounts[*idx];
        core::Account e;
        bool changed = false;
        switch (field) {
        case BulkField::Status: {
            const auto s = core::account_status_from(value);
            if (!s || a.status == *s) break;
            e = a;
            e.status = *s;
            changed = true;
            break;
        }
        case BulkField::Territory:
            if (a.territory_id == value) break;
            e = a;
            e.territory_id = value;
            changed = true;
            break;
        case BulkField::Owner:
            if (a.owner == value) break;
            e = a;
            e.owner = value;
            changed = true;
            break;
        case BulkField::AddTag:
            if (value.empty() || std::find(a.tags.begin(), a.tags.end(), value) != a.tags.end())
                break;
            e = a;
            e.tags.push_back(value);
            changed = true;
            break;
        case BulkField::RemoveTag:
            if (std::find(a.tags.begin(), a.tags.end(), value) == a.tags.end()) break;
            e = a;
            std::erase(e.tags, value);
            changed = true;
            break;
        }
        if (changed)
            cmd.changes.push_back(core::Put<core::Account>{std::move(e), std::nullopt, true});
    }
    const int n = static_cast<int>(cmd.changes.size());
    if (n == 0) {
        app.notify(app::Notice::Kind::Info, "Nothing to change",
                   "The selected accounts already have that value.");
        return 0;
    }
    const std::string accounts = core::format_count(n) + (n == 1 ? " account" : " accounts");
    std::string what;
    switch (field) {
    case BulkField::Status:
        what = "Set the status of " + accounts + " to " +
               status_label(*core::account_status_from(value));
        break;
    case BulkField::Territory:
        what = "Move " + accounts + " to " + territory_name(plan, value);
        break;
    case BulkField::Owner:
        what =
            value.empty() ? "Clear the owner of " + accounts : "Give " + accounts + " to " + value;
        break;
    case BulkField::AddTag:
        what = "Tag " + accounts + " \"" + value + "\"";
        break;
    case BulkField::RemoveTag:
        what = "Remove the tag \"" + value + "\" from " + accounts;
        break;
    }
    cmd.label = what;
    app.execute_sliced(std::move(cmd));
    app.notify(app::Notice::Kind::Success, what, "One step: Undo (Ctrl+Z) puts them all back.");
    return n;
}

void draw_bulk_bar(app::App& app, UiState& ui) {
    const std::size_t n = ui.selection.size();
    if (n < 2) return;
    const Palette& p = palette();
    const core::Plan& plan = app.plan();
    AccountsViewState& st = ui.accounts;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, to_vec4(with_alpha(p.accent, 0.10f)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8 * ui.dpr, 5 * ui.dpr));
    ImGui::BeginChild("##bulk", ImVec2(0, ImGui::GetFrameHeight() + 10 * ui.dpr),
                      ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NoScrollbar);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(to_vec4(p.accent), ICON_CHECK);
    ImGui::SameLine();
    ImGui::Text("%s selected", core::format_count(static_cast<long long>(n)).c_str());
    ImGui::SameLine(0, 16 * ui.dpr);

    if (ImGui::Button("Status " ICON_CHEVRON_RIGHT)) ImGui::OpenPopup("##bulk-status");
    if (ImGui::BeginPopup("##bulk-status")) {
        for (core::AccountStatus s : {core::AccountStatus::Client, core::AccountStatus::Former,
                                      core::AccountStatus::Prospect}) {
            ImGui::TextColored(to_vec4(status_colour(s)), "%s", status_icon(s));
            ImGui::SameLine();
            if (ImGui::Selectable(status_label(s)))
                bulk_edit(app, ui, BulkField::Status, std::string(core::to_string(s)));
        }
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Territory " ICON_CHEVRON_RIGHT)) ImGui::OpenPopup("##bulk-territory");
    if (ImGui::BeginPopup("##bulk-territory")) {
        if (plan.territories.empty()) text_muted("This plan has no territories yet.");
        for (const core::Territory& t : plan.territories)
            if (ImGui::Selectable(t.name.c_str())) bulk_edit(app, ui, BulkField::Territory, t.id);
        ImGui::Separator();
        if (ImGui::Selectable("No territory")) bulk_edit(app, ui, BulkField::Territory, "");
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Owner " ICON_CHEVRON_RIGHT)) ImGui::OpenPopup("##bulk-owner");
    if (ImGui::BeginPopup("##bulk-owner")) {
        ImGui::SetNextItemWidth(220 * ui.dpr);
        const bool enter =
            ImGui::InputTextWithHint("##owner", "Owner's name", st.owner_buf, sizeof st.owner_buf,
                                     ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if (primary_button("Set") || enter) {
            bulk_edit(app, ui, BulkField::Owner, st.owner_buf);
            ImGui::CloseCurrentPopup();
        }
        const AccountFacets& fc = account_facets(app);
        if (!fc.owners.empty()) ImGui::SeparatorText("Owners in this plan");
        for (const auto& [o, count] : fc.owners)
            if (ImGui::Selectable(o.c_str())) bulk_edit(app, ui, BulkField::Owner, o);
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(ICON_TAG "  Tag " ICON_CHEVRON_RIGHT)) ImGui::OpenPopup("##bulk-tag");
    if (ImGui::BeginPopup("##bulk-tag")) {
        ImGui::SetNextItemWidth(220 * ui.dpr);
        const bool enter = ImGui::InputTextWithHint("##tag", "Tag", st.tag_buf, sizeof st.tag_buf,
                                                    ImGuiInputTextFlags_EnterReturnsTrue);
        const std::string tag = std::string(core::trim_value(st.tag_buf));
        ImGui::BeginDisabled(tag.empty());
        if (primary_button("Add to all") || (enter && !tag.empty())) {
            bulk_edit(app, ui, BulkField::AddTag, tag);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Remove from all")) {
            bulk_edit(app, ui, BulkField::RemoveTag, tag);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        const AccountFacets& fc = account_facets(app);
        if (!fc.tags.empty()) ImGui::SeparatorText("Tags in this plan");
        for (const auto& [t, count] : fc.tags)
            if (ImGui::Selectable(t.c_str()))
                std::snprintf(st.tag_buf, sizeof st.tag_buf, "%s", t.c_str());
        ImGui::EndPopup();
    }
    ImGui::SameLine(0, 16 * ui.dpr);
    if (ImGui::Button(ICON_DOWNLOAD "  Export " ICON_CHEVRON_RIGHT))
        ImGui::OpenPopup("##bulk-export");
    if (ImGui::BeginPopup("##bulk-export")) {
        for (core::ImportKind k : {core::ImportKind::Accounts, core::ImportKind::Contacts,
                                   core::ImportKind::Opportunities}) {
            const std::string item = std::string("Their ") + core::import_kind_name(k) + " (CSV)";
            if (ImGui::Selectable(item.c_str())) export_csv_file(app, ui, k, true);
        }
        ImGui::EndPopup();
    }
    const float right = ImGui::GetWindowContentRegionMax().x;
    const std::string all =
        "Select all " + core::format_count(static_cast<long long>(st.list.rows().size()));
    const float w_all = ImGui::CalcTextSize(all.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    const float w_clear = ImGui::GetFrameHeight();
    ImGui::SameLine(right - w_all - w_clear - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button(all.c_str())) select_all_rows(ui, plan);
    ImGui::SetItemTooltip("Every account the list shows (Ctrl+A)");
    ImGui::SameLine();
    if (icon_button(ICON_TIMES "##clear-sel", "Clear the selection", true, "Esc")) {
        ui.selection.clear();
        ui.focused_account.clear();
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

} // namespace footprint::ui
