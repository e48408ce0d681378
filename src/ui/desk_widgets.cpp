// Widgets and filters the Desks view's tabs share (declared in ui/desks.h): filters and row
// caches, the factor colours, deal-state pills, one-click buttons, KPI rows and table helpers.
#include "core/format.h"
#include "ui/desks.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace footprint::ui {

namespace {

bool contains_ci(const std::string& hay, const char* needle) {
    if (!*needle) return true;
    const std::size_t n = std::strlen(needle);
    auto it = std::search(hay.begin(), hay.end(), needle, needle + n, [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != hay.end();
}

} // namespace

bool desk_filter_match(const DesksViewState& st, const core::Account& a) {
    if (!st.territory.empty()) {
        if (st.territory == kNoTerritory ? !a.territory_id.empty() : a.territory_id != st.territory) return false;
    }
    if (st.search[0] && !contains_ci(a.name, st.search) && !contains_ci(a.address.city, st.search) &&
        !contains_ci(a.industry, st.search))
        return false;
    return true;
}

std::string desk_filter_key(const DesksViewState& st) { return st.territory + "|" + st.search; }

bool RowCache::stale(const app::App& app, const std::string& new_key) {
    const void* p = &app.plan();
    const std::uint64_t rev = app.doc().revision();
    const std::int32_t day = app.clock().today().days;
    if (p == plan && rev == revision && day == today && new_key == key) return false;
    plan = p;
    revision = rev;
    today = day;
    key = new_key;
    rows.clear();
    return true;
}
ImU32 factor_colour(core::PriorityFactor f) {
    const Palette& p = palette();
    switch (f) {
    case core::PriorityFactor::Renewal: return p.due_90;
    case core::PriorityFactor::Revenue: return p.client;
    case core::PriorityFactor::Winback: return p.former;
    case core::PriorityFactor::Upsell: return opportunity_type_colour(core::OpportunityType::Upsell);
    case core::PriorityFactor::Recency: return dark_theme() ? IM_COL32(0x8A, 0x93, 0xA1, 255) : IM_COL32(0x9A, 0xA3, 0xAF, 255);
    }
    return p.text_muted;
}

const char* factor_short(core::PriorityFactor f) {
    switch (f) {
    case core::PriorityFactor::Renewal: return "Renewal";
    case core::PriorityFactor::Revenue: return "Revenue";
    case core::PriorityFactor::Winback: return "Win-back";
    case core::PriorityFactor::Upsell: return "Upsell";
    case core::PriorityFactor::Recency: return "Last touch";
    }
    return "";
}

std::string deal_label(const core::Plan& plan, const core::LinkedDeal& d) {
    switch (d.state) {
    case core::LinkState::None: return {};
    case core::LinkState::Open: return "Open \xC2\xB7 " + plan.opportunities[d.opportunity].stage;
    case core::LinkState::Won: return "Won";
    case core::LinkState::Lost: return "Lost";
    }
    return {};
}

ImU32 deal_colour(const core::LinkedDeal& d, core::OpportunityType type) {
    const Palette& p = palette();
    switch (d.state) {
    case core::LinkState::Open: return opportunity_type_colour(type);
    case core::LinkState::Won: return p.success;
    case core::LinkState::Lost: return p.danger;
    case core::LinkState::None: break;
    }
    return p.text_muted;
}

void locate(UiState& ui, const std::string& key) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ui.desks.located[key] = {a.x, a.y, b.x - a.x, b.y - a.y};
}

bool create_button(UiState& ui, const char* label, const std::string& locate_key, const char* tooltip) {
    const Palette& p = palette();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8 * ui.dpr, 1 * ui.dpr));
    ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(with_alpha(p.accent, 0.12f)));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(with_alpha(p.accent, 0.24f)));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_vec4(with_alpha(p.accent, 0.36f)));
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(p.accent));
    ImGui::PushID(locate_key.c_str());
    const bool pressed = ImGui::Button(label);
    ImGui::PopID();
    ImGui::PopStyleColor(4);
    ImGui::PopStyleVar();
    locate(ui, locate_key);
    tooltip_on_hover(tooltip);
    return pressed;
}

void deal_cell(const app::App& app, UiState& ui, const core::LinkedDeal& d, core::OpportunityType type,
               const std::string& account_id) {
    const core::Plan& plan = app.plan();
    const std::string label = deal_label(plan, d);
    if (ImGui::TableGetColumnCount() > 0) // centred on the row's text line
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, (ImGui::GetFrameHeight() - pill_height()) * 0.5f));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = std::min(pill_width(label), ImGui::GetContentRegionAvail().x);
    ImGui::PushID(static_cast<int>(d.opportunity));
    const bool clicked = ImGui::InvisibleButton("##deal", ImVec2(std::max(w, 1.0f), pill_height()));
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::string text = label;
    fit_text(text, w - pill_width("") , nullptr);
    draw_pill(dl, pos, text, deal_colour(d, type));
    if (hovered) {
        const core::Opportunity& o = plan.opportunities[d.opportunity];
        ImGui::BeginTooltip();
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(o.name.c_str());
        ImGui::PopFont();
        ImGui::Text("%s  \xC2\xB7  %s  \xC2\xB7  %d%%", o.stage.c_str(), mrc_whole(o.mrc).c_str(), o.probability);
        if (o.close_date)
            ImGui::Text("%s %s", d.state == core::LinkState::Open ? "Closes" : "Closed",
                        core::format_date(*o.close_date).c_str());
        if (!o.next_step.empty()) ImGui::Text("Next step: %s", o.next_step.c_str());
        if (!o.loss_reason.empty()) ImGui::Text("Lost: %s", o.loss_reason.c_str());
        text_muted("Click to see it in the Pipeline");
        ImGui::EndTooltip();
    }
    if (clicked) {
        select_account(ui, account_id);
        ui.view = View::Pipeline;
        ui.prefs_dirty = true;
    }
}

void kpi_row(const UiState& ui, const Kpi* kpis, int n) {
    const float w = row_item_width(n);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 1.5f;
    for (int i = 0; i < n; ++i) {
        if (i) ImGui::SameLine(0, gap);
        kpi_card(ui, kpis[i].label, kpis[i].value, kpis[i].sub, kpis[i].accent, w);
        tooltip_on_hover(kpis[i].tooltip);
    }
}

void account_cell(UiState& ui, const core::Account& a, const char* id_suffix) {
    const bool selected = ui.selection.count(a.id) > 0;
    ImGui::PushID(a.id.c_str());
    ImGui::PushID(id_suffix);
    if (ImGui::Selectable(a.name.c_str(), selected,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap)) {
        if (ImGui::GetIO().KeyCtrl) {
            if (selected) ui.selection.erase(a.id);
            else ui.selection.insert(a.id);
        } else {
            ui.selection = {a.id};
        }
        ui.focused_account = a.id;
    }
    ImGui::PopID();
    ImGui::PopID();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
        ImGui::SetTooltip("%s\n%s%s%s", a.name.c_str(), a.industry.c_str(),
                          a.address.city.empty() ? "" : " \xC2\xB7 ", a.address.city.c_str());
}

void urgency_text(const std::string& text, int days) {
    const ImU32 c = days < 0 ? palette().danger : urgency_colour(days);
    if (c) ImGui::TextColored(to_vec4(c), "%s", text.c_str());
    else ImGui::TextUnformatted(text.c_str());
}

bool table_sort(int& column, bool& ascending) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || specs->SpecsCount == 0) return false;
    const int c = static_cast<int>(specs->Specs[0].ColumnUserID);
    const bool asc = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    const bool changed = c != column || asc != ascending;
    column = c;
    ascending = asc;
    specs->SpecsDirty = false;
    return changed;
}

float fit_table_height(std::size_t rows, float avail) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float row = ImGui::GetFrameHeight() + st.CellPadding.y * 2;
    const float header = ImGui::GetTextLineHeight() + st.CellPadding.y * 2;
    return std::min(avail, header + row * static_cast<float>(rows) + st.CellPadding.y * 2 + 2);
}

std::string family_short_label(const std::string& family) {
    return family == "managed" ? std::string("Managed") : core::family_label(family);
}

} // namespace footprint::ui
