// The Map view's side panel: the open account, territories with their numbers and actions, and the
// accounts that need a location (with "place at ZIP centroid" and "set location").
#include "core/format.h"
#include "core/geo.h"
#include "core/territory.h"
#include "ui/files.h"
#include "ui/icons.h"
#include "ui/map_actions.h"
#include "ui/map_internal.h"
#include "ui/theme.h"
#include "ui/view_common.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cstring>

namespace footprint::ui {

namespace {

void account_card(app::App& app, UiState& ui, const core::Account& a) {
    const Palette& p = palette();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextWrapped("%s", a.name.c_str());
    ImGui::PopFont();
    status_chip(a.status);
    ImGui::SameLine();
    text_muted(core::format_mrc_rounded(core::account_mrc(a)));
    if (auto end = core::next_contract_end(a)) {
        const core::Date today = app.clock().today();
        const ImU32 c = urgency_colour(core::days_between(today, *end));
        ImGui::TextColored(to_vec4(c ? c : p.text_muted), "Contract ends %s (%s)", core::format_date(*end).c_str(),
                           core::format_relative_days(*end, today).c_str());
    }
    if (a.location_approximate) ImGui::TextColored(to_vec4(p.warning), ICON_MAP_MARKER "  Approximate location (ZIP centroid)");
    if (ImGui::Button(ICON_BUILDING "  Open account page")) {
        ui.view = View::Accounts;
        ui.prefs_dirty = true;
    }
    ImGui::SameLine();
    if (ImGui::Button(ICON_MAP_MARKER "  Set location")) {
        ui.map.tool = MapTool::Place;
        ui.map.place_account = a.id;
    }
    tooltip_on_hover("Click the map where this account is");
    ImGui::Separator();
}

void territories_tab(app::App& app, UiState& ui) {
    MapViewState& st = ui.map;
    const Palette& p = palette();
    const core::Plan& plan = app.plan();
    static CacheKey key;
    static std::vector<core::TerritoryStats> stats;
    if (key.refresh(app)) stats = core::territory_stats(plan, app.clock().today());

    if (ImGui::Button(ICON_PENCIL "  Draw")) {
        st.tool = MapTool::Draw;
        st.draft.clear();
    }
    tooltip_on_hover("Click the map to add points; click the first point, double-click or press Enter to finish");
    ImGui::SameLine();
    if (ImGui::Button(ICON_MAP "  Counties")) {
        st.tool = MapTool::Counties;
        st.county_target.clear();
    }
    tooltip_on_hover("Build a territory by clicking counties on the map");
    ImGui::SameLine();
    if (ImGui::Button("ZIP codes\xE2\x80\xA6")) st.zip_popup = true;
    tooltip_on_hover("Build a territory from a list of ZIP codes");
    if (ImGui::Button(ICON_UPLOAD "  Import shapes\xE2\x80\xA6")) pick_file(ui, kFileTerritoryShapes, ".geojson,.json,.topojson");
    tooltip_on_hover("Import territories from a GeoJSON or TopoJSON file of polygons");
    ImGui::SameLine();
    ImGui::BeginDisabled(plan.territories.empty());
    if (ImGui::Button(ICON_SITEMAP "  Assign by location\xE2\x80\xA6")) st.assign_popup = true;
    ImGui::EndDisabled();
    tooltip_on_hover("Put every located account in the territory it lies in (one undoable step)");

    if (st.tool == MapTool::Counties) {
        ImGui::Spacing();
        ImGui::TextColored(to_vec4(p.accent), ICON_MAP "  %s picked", st.county_pick.size() == 1 ? "1 county" :
                           (core::format_count(static_cast<long long>(st.county_pick.size())) + " counties").c_str());
        ImGui::BeginDisabled(st.county_pick.empty());
        if (primary_button(st.county_target.empty() ? "Create territory" : "Update territory")) {
            if (st.county_target.empty()) {
                st.name_popup = true;
            } else {
                std::string err;
                territory_from_counties(app, ui, st.county_pick, {}, {}, st.county_target, err);
                st.county_pick.clear();
                st.county_target.clear();
                st.tool = MapTool::Select;
            }
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Done")) {
            st.county_pick.clear();
            st.county_target.clear();
            st.tool = MapTool::Select;
        }
    }
    ImGui::Separator();
    if (plan.territories.empty()) {
        ImGui::TextWrapped("No territories yet. Draw one, build one from counties or ZIP codes, or import shapes "
                           "from a GeoJSON file.");
        return;
    }
    ImGui::BeginChild("##territories");
    std::string remove;
    for (std::size_t i = 0; i < plan.territories.size(); ++i) {
        const core::Territory& t = plan.territories[i];
        const core::TerritoryStats& s = i < stats.size() ? stats[i] : core::TerritoryStats{};
        ImGui::PushID(t.id.c_str());
        const bool selected = st.selected_territory == t.id;
        const ImVec2 a = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float h = ImGui::GetTextLineHeightWithSpacing() * 4 + ImGui::GetFrameHeight() + 10 * ui.dpr;
        const float w = ImGui::GetContentRegionAvail().x;
        card_background(ui, dl, a, ImVec2(a.x + w, a.y + h), false, selected);
        dl->AddRectFilled(ImVec2(a.x, a.y), ImVec2(a.x + 4 * ui.dpr, a.y + h), hex_colour(t.color, 255), 3 * ui.dpr,
                          ImDrawFlags_RoundCornersLeft);
        ImGui::SetCursorScreenPos(ImVec2(a.x + 12 * ui.dpr, a.y + 6 * ui.dpr));
        ImGui::BeginGroup();
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(t.name.c_str());
        ImGui::PopFont();
        ImGui::Text("%s accounts \xC2\xB7 %s", core::format_count(s.accounts).c_str(), mrc_whole(s.mrc).c_str());
        ImGui::TextColored(to_vec4(s.renewals_due ? p.due_90 : p.text_muted), "%s renewals due in 90 days (%s)",
                           core::format_count(s.renewals_due).c_str(), mrc_whole(s.renewals_due_mrc).c_str());
        text_muted(core::format_count(s.open_deals) + " open deals \xC2\xB7 " +
                   core::format_money_short(s.open_pipeline_mrc) + "/mo open pipeline");
        if (icon_button(ICON_BULLSEYE "##zoom", "Zoom to territory")) {
            fly_to(st, territory_bounds(t), ImVec2(st.canvas_w, st.canvas_h), 40 * ui.dpr);
            st.selected_territory = t.id;
        }
        ImGui::SameLine();
        const bool editing = st.edit_territory == t.id;
        if (editing) ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(with_alpha(p.accent, 0.35f)));
        if (icon_button(ICON_PENCIL "##edit", editing ? "Stop editing the shape" : "Edit the shape: drag vertices, click a midpoint to add one, Alt-click to delete")) {
            st.edit_territory = editing ? std::string() : t.id;
            st.selected_territory = t.id;
            st.tool = MapTool::Select;
            if (!editing) fly_to(st, territory_bounds(t), ImVec2(st.canvas_w, st.canvas_h), 60 * ui.dpr);
        }
        if (editing) ImGui::PopStyleColor();
        ImGui::SameLine();
        if (icon_button(ICON_MAP "##counties", "Rebuild from counties")) {
            st.tool = MapTool::Counties;
            st.county_pick = t.counties;
            st.county_target = t.id;
        }
        ImGui::SameLine();
        if (icon_button(ICON_TAG "##rename", "Rename or recolour")) {
            std::snprintf(st.name_buf, sizeof st.name_buf, "%s", t.name.c_str());
            const unsigned v = static_cast<unsigned>(std::strtoul(t.color.c_str() + 1, nullptr, 16));
            st.colour[0] = static_cast<float>((v >> 16) & 0xFF) / 255.0f;
            st.colour[1] = static_cast<float>((v >> 8) & 0xFF) / 255.0f;
            st.colour[2] = static_cast<float>(v & 0xFF) / 255.0f;
            ImGui::OpenPopup("rename");
        }
        ImGui::SameLine();
        if (icon_button(ICON_USERS "##select", "Select its accounts (the Accounts list shows them)")) {
            ui.selection.clear();
            for (const core::Account& acc : plan.accounts)
                if (acc.territory_id == t.id) ui.selection.insert(acc.id);
            st.selected_territory = t.id;
        }
        ImGui::SameLine();
        if (icon_button(ICON_TRASH "##delete", "Delete territory (Undo brings it back)")) remove = t.id;
        if (ImGui::BeginPopup("rename")) {
            ImGui::SetNextItemWidth(220 * ui.dpr);
            ImGui::InputText("##n", st.name_buf, sizeof st.name_buf);
            ImGui::SameLine();
            ImGui::ColorEdit3("##c", st.colour, ImGuiColorEditFlags_NoInputs);
            if (primary_button("Save") || ImGui::IsKeyPressed(ImGuiKey_Enter)) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "#%02X%02X%02X", static_cast<int>(st.colour[0] * 255 + 0.5f),
                              static_cast<int>(st.colour[1] * 255 + 0.5f), static_cast<int>(st.colour[2] * 255 + 0.5f));
                edit_territory_info(app, t.id, st.name_buf, hex);
                ImGui::CloseCurrentPopup();
            }
            ImGui::EndPopup();
        }
        ImGui::EndGroup();
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ImGui::IsWindowHovered() &&
            ImGui::IsMouseHoveringRect(a, ImVec2(a.x + w, a.y + h)))
            st.selected_territory = t.id;
        ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + h + 8 * ui.dpr));
        ImGui::Dummy(ImVec2(0, 0));
        ImGui::PopID();
    }
    if (!stats.empty() && stats.back().territory_id.empty() && stats.back().accounts)
        text_muted(core::format_count(stats.back().accounts) + " accounts are in no territory.");
    ImGui::EndChild();
    if (!remove.empty()) delete_territory(app, ui, remove);
}

void placement_tab(app::App& app, UiState& ui) {
    MapViewState& st = ui.map;
    const core::Plan& plan = app.plan();
    static CacheKey key;
    static std::vector<std::size_t> missing, approx;
    if (key.refresh(app)) {
        missing.clear();
        approx.clear();
        for (std::size_t i = 0; i < plan.accounts.size(); ++i) {
            if (!plan.accounts[i].location) missing.push_back(i);
            else if (plan.accounts[i].location_approximate) approx.push_back(i);
        }
    }
    if (missing.empty() && approx.empty()) {
        ImGui::TextWrapped(ICON_CHECK_CIRCLE "  Every account has an exact location.");
        return;
    }
    if (!missing.empty()) {
        ImGui::PushFont(ui.fonts.bold);
        ImGui::Text("%s without a location", core::format_count(static_cast<long long>(missing.size())).c_str());
        ImGui::PopFont();
        ImGui::TextWrapped("They are not on the map. Place them at their ZIP code's centre (marked approximate), "
                           "or set each location by clicking the map.");
        if (primary_button(ICON_MAP_MARKER "  Place all at ZIP centroids")) place_at_zip(app, ui);
    }
    ImGui::BeginChild("##place");
    auto rows = [&](const std::vector<std::size_t>& list, bool located) {
        ImGuiListClipper clip;
        clip.Begin(static_cast<int>(list.size()));
        while (clip.Step())
            for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
                const core::Account& a = plan.accounts[list[static_cast<std::size_t>(r)]];
                ImGui::PushID(a.id.c_str());
                if (located && icon_button(ICON_BULLSEYE "##z", "Zoom to it")) {
                    const core::Vec2 w = core::project(*a.location);
                    fly_to(st, core::Box{w.x, w.y, w.x, w.y}, ImVec2(st.canvas_w, st.canvas_h), 0);
                    st.target_zoom = 23.5;
                    select_account(ui, a.id);
                }
                if (located) ImGui::SameLine();
                if (icon_button(ICON_MAP_MARKER "##p", "Set location: click the map where it is")) {
                    st.tool = MapTool::Place;
                    st.place_account = a.id;
                }
                ImGui::SameLine();
                std::string line = a.name;
                fit_text(line, ImGui::GetContentRegionAvail().x);
                ImGui::TextUnformatted(line.c_str());
                std::string addr = a.address.city;
                if (!a.address.state.empty()) addr += ", " + a.address.state;
                addr += a.address.postal_code.empty() ? "  (no ZIP code)" : "  " + a.address.postal_code;
                text_muted("      " + addr);
                ImGui::PopID();
            }
    };
    rows(missing, false);
    if (!approx.empty()) {
        ImGui::Spacing();
        ImGui::PushFont(ui.fonts.bold);
        ImGui::Text("%s at a ZIP centroid", core::format_count(static_cast<long long>(approx.size())).c_str());
        ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette().text_muted));
        ImGui::TextWrapped("Approximate: hollow markers. Set the exact spot when you know it.");
        ImGui::PopStyleColor();
        rows(approx, true);
    }
    ImGui::EndChild();
}

} // namespace

void draw_map_side_panel(app::App& app, UiState& ui, float width) {
    ImGui::BeginChild("##map-side", ImVec2(width, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    if (const core::Account* a = find_account(app, ui.focused_account)) account_card(app, ui, *a);
    static const char* kTabs[] = {ICON_FLAG "  Territories", ICON_MAP_MARKER "  To place"};
    int tab = ui.map.side_tab;
    if (segmented(ui, "side-tabs", kTabs, 2, tab)) ui.map.side_tab = tab;
    ImGui::Spacing();
    if (ui.map.side_tab == 0) territories_tab(app, ui);
    else placement_tab(app, ui);
    ImGui::EndChild();
}

} // namespace footprint::ui
