// The Accounts view's filter bar (search, status, and the Filters menu: contract ending, territory,
// industry, tag, product family) and the chips of active filters.
#include "core/csv_values.h"
#include "core/format.h"
#include "ui/accounts_view.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <algorithm>

namespace footprint::ui {

namespace {

struct StatusCounts {
    CacheKey key;
    int n[3] = {0, 0, 0};
};

const StatusCounts& status_counts(const app::App& app) {
    static StatusCounts c;
    if (!c.key.refresh(app)) return c;
    c.n[0] = c.n[1] = c.n[2] = 0;
    for (const core::Account& a : app.plan().accounts)
        ++c.n[static_cast<int>(a.status)];
    return c;
}

bool toggle_in(std::vector<std::string>& list, const std::string& v) {
    auto it = std::find(list.begin(), list.end(), v);
    if (it == list.end()) {
        list.push_back(v);
        return true;
    }
    list.erase(it);
    return false;
}

std::string territory_name(const core::Plan& plan, const std::string& id) {
    if (id.empty()) return "No territory";
    for (const core::Territory& t : plan.territories)
        if (t.id == id) return t.name;
    return id;
}

std::string list_text(const std::vector<std::string>& names) {
    if (names.empty()) return {};
    std::string s = names[0];
    if (names.size() > 1) s += ", +" + std::to_string(names.size() - 1);
    return s;
}

// A removable chip: returns true when its × was clicked.
bool chip(const std::string& text, const char* id) {
    const Palette& p = palette();
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(with_alpha(p.accent, 0.14f)));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(with_alpha(p.accent, 0.24f)));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_vec4(with_alpha(p.accent, 0.32f)));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, ImGui::GetFrameHeight() * 0.5f);
    const bool clicked = ImGui::Button((text + "  " ICON_TIMES).c_str());
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(3);
    ImGui::SetItemTooltip("Remove this filter");
    ImGui::PopID();
    return clicked;
}

void filters_menu(app::App& app, UiState& ui) {
    core::AccountFilter& f = ui.accounts.filter;
    const core::Plan& plan = app.plan();
    const AccountFacets& fc = account_facets(app);
    const float col_w = 220 * ui.dpr;
    if (!ImGui::BeginTable("##filters", 3, ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthFixed, col_w);
    ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthFixed, col_w);
    ImGui::TableSetupColumn("c", ImGuiTableColumnFlags_WidthFixed, col_w);
    ImGui::TableNextRow();

    // Column 1: status and contract end.
    ImGui::TableNextColumn();
    ImGui::SeparatorText("Status");
    for (core::AccountStatus s : {core::AccountStatus::Client, core::AccountStatus::Former,
                                  core::AccountStatus::Prospect}) {
        const unsigned bit = 1u << static_cast<int>(s);
        bool on = (f.status_mask & bit) != 0;
        ImGui::PushStyleColor(ImGuiCol_CheckMark, to_vec4(status_colour(s)));
        if (ImGui::Checkbox(status_label(s), &on))
            f.status_mask = on ? (f.status_mask | bit) : (f.status_mask & ~bit);
        ImGui::PopStyleColor();
    }
    ImGui::SeparatorText("Contract ends within");
    struct Choice {
        const char* label;
        int days;
    };
    static constexpr Choice kChoices[] = {
        {"Any time", -1}, {"30 days", 30}, {"60 days", 60}, {"90 days", 90}, {"180 days", 180}};
    bool preset = false;
    for (const Choice& c : kChoices) {
        if (ImGui::RadioButton(c.label, f.ending_within_days == c.days))
            f.ending_within_days = c.days;
        preset = preset || f.ending_within_days == c.days;
    }
    if (ImGui::RadioButton("##custom", !preset))
        f.ending_within_days = ui.accounts.ending_days_custom;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90 * ui.dpr);
    if (ImGui::InputInt("days##n", &ui.accounts.ending_days_custom, 15, 30)) {
        ui.accounts.ending_days_custom = std::clamp(ui.accounts.ending_days_custom, 1, 3650);
        f.ending_within_days = ui.accounts.ending_days_custom;
    }

    // Column 2: territory and product family.
    ImGui::TableNextColumn();
    ImGui::SeparatorText("Territory");
    auto territory_box = [&](const std::string& id, const std::string& label) {
        bool on = std::find(f.territories.begin(), f.territories.end(), id) != f.territories.end();
        ImGui::PushID(id.c_str());
        if (ImGui::Checkbox(label.c_str(), &on)) toggle_in(f.territories, id);
        ImGui::PopID();
    };
    ImGui::BeginChild("##ter",
                      ImVec2(0, std::min(8.0f, static_cast<float>(plan.territories.size() + 1)) *
                                    ImGui::GetFrameHeightWithSpacing()));
    for (const core::Territory& t : plan.territories)
        territory_box(t.id, t.name);
    territory_box("", "No territory");
    ImGui::EndChild();
    ImGui::SeparatorText("Product family");
    const char* preview = f.family.empty() ? "Any" : f.family.c_str();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##family", preview)) {
        if (ImGui::Selectable("Any", f.family.empty())) f.family.clear();
        for (const auto& [fam, n] : fc.families)
            if (ImGui::Selectable(fam.c_str(), f.family == fam)) f.family = fam;
        ImGui::EndCombo();
    }
    ImGui::BeginDisabled(f.family.empty());
    if (ImGui::RadioButton("holds it", !f.family_lacks)) f.family_lacks = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("lacks it (upsell)", f.family_lacks)) f.family_lacks = true;
    ImGui::EndDisabled();

    // Column 3: industry and tags.
    ImGui::TableNextColumn();
    auto facet_list = [&](const char* title, const char* id,
                          const std::vector<std::pair<std::string, int>>& values,
                          std::vector<std::string>& chosen) {
        ImGui::SeparatorText(title);
        if (values.empty()) {
            text_muted("None in this plan");
            return;
        }
        ImGui::BeginChild(id, ImVec2(0, std::min(6.0f, static_cast<float>(values.size())) *
                                            ImGui::GetFrameHeightWithSpacing()));
        for (const auto& [v, n] : values) {
            bool on = std::find(chosen.begin(), chosen.end(), v) != chosen.end();
            ImGui::PushID(v.c_str());
            if (ImGui::Checkbox(v.c_str(), &on)) toggle_in(chosen, v);
            ImGui::SameLine();
            text_muted(core::format_count(n));
            ImGui::PopID();
        }
        ImGui::EndChild();
    };
    facet_list("Industry", "##ind", fc.industries, f.industries);
    facet_list("Tag", "##tags", fc.tags, f.tags);
    ImGui::EndTable();
    ImGui::Separator();
    if (ImGui::Button(ICON_TIMES "  Clear all filters")) {
        ui.accounts.filter = core::AccountFilter{};
        ui.accounts.search[0] = 0;
    }
}

std::string status_names(unsigned mask) {
    std::vector<std::string> names;
    for (core::AccountStatus s :
         {core::AccountStatus::Client, core::AccountStatus::Former, core::AccountStatus::Prospect})
        if (mask & (1u << static_cast<int>(s))) names.emplace_back(status_label(s));
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "" : " or ") + n;
    return out.empty() ? std::string("none") : out;
}

} // namespace

void draw_filter_bar(app::App& app, UiState& ui) {
    AccountsViewState& st = ui.accounts;
    const StatusCounts& counts = status_counts(app);
    ImGui::SetNextItemWidth(300 * ui.dpr);
    ImGui::InputTextWithHint("##search", ICON_SEARCH "  Search name, city, ZIP, owner, tag…",
                             st.search, sizeof st.search);
    if (ImGui::IsItemHovered() && st.search[0] == 0)
        ImGui::SetTooltip(
            "Search as you type: name, city, industry, ZIP, owner, tag, billing number or "
            "Salesforce Id (Ctrl+F)");
    if (ImGui::IsKeyPressed(ImGuiKey_F, false) &&
        (ImGui::GetIO().KeyCtrl || ImGui::GetIO().KeySuper))
        ImGui::SetKeyboardFocusHere(-1);
    ImGui::SameLine(0, 16 * ui.dpr);
    struct Choice {
        unsigned mask;
        const char* label;
        int count;
    };
    const int total = counts.n[0] + counts.n[1] + counts.n[2];
    const Choice choices[] = {
        {0b111, "All", total},
        {1u << 0, "Clients", counts.n[0]},
        {1u << 1, "Former clients", counts.n[1]},
        {1u << 2, "Prospects", counts.n[2]},
    };
    const Palette& p = palette();
    for (const Choice& c : choices) {
        const bool on = st.filter.status_mask == c.mask;
        const std::string label = std::string(c.label) + "  " + core::format_count(c.count);
        if (on) {
            ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(p.accent));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(p.accent));
            ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(p.on_accent));
        }
        if (ImGui::Button(label.c_str())) {
            st.filter.status_mask = c.mask;
            ui.prefs_dirty = true;
        }
        if (on) ImGui::PopStyleColor(3);
        ImGui::SameLine();
    }
    // Everything but status and search lives in the Filters menu; its button counts them.
    int more = 0;
    more += st.filter.ending_within_days >= 0;
    more += !st.filter.territories.empty();
    more += !st.filter.industries.empty();
    more += !st.filter.tags.empty();
    more += !st.filter.family.empty();
    ImGui::SameLine(0, 16 * ui.dpr);
    const std::string label =
        more ? std::string(ICON_FUNNEL "  Filters (") + std::to_string(more) + ")###filters"
             : std::string(ICON_FUNNEL "  Filters###filters");
    if (ImGui::Button(label.c_str())) ImGui::OpenPopup("##filters-menu");
    ImGui::SetItemTooltip("Contract ending, territory, industry, tag, product family");
    if (ImGui::BeginPopup("##filters-menu")) {
        filters_menu(app, ui);
        ImGui::EndPopup();
    }
}

void draw_active_filters(app::App& app, UiState& ui) {
    core::AccountFilter& f = ui.accounts.filter;
    const core::AccountFilter cur = current_filter(ui);
    if (!cur.active()) return;
    const core::Plan& plan = app.plan();
    bool any = false;
    auto next = [&] {
        if (any) ImGui::SameLine();
        any = true;
    };
    if (!cur.search.empty()) {
        next();
        if (chip("Text: \"" + cur.search + "\"", "search")) ui.accounts.search[0] = 0;
    }
    if (f.status_mask != 0b111) {
        next();
        if (chip("Status: " + status_names(f.status_mask), "status")) f.status_mask = 0b111;
    }
    if (f.ending_within_days >= 0) {
        next();
        if (chip("Contract ends within " + core::format_count(f.ending_within_days) + " days",
                 "ending"))
            f.ending_within_days = -1;
    }
    if (!f.territories.empty()) {
        std::vector<std::string> names;
        for (const std::string& id : f.territories)
            names.push_back(territory_name(plan, id));
        next();
        if (chip("Territory: " + list_text(names), "territory")) f.territories.clear();
    }
    if (!f.industries.empty()) {
        next();
        if (chip("Industry: " + list_text(f.industries), "industry")) f.industries.clear();
    }
    if (!f.tags.empty()) {
        next();
        if (chip("Tag: " + list_text(f.tags), "tags")) f.tags.clear();
    }
    if (!f.family.empty()) {
        next();
        if (chip((f.family_lacks ? "Lacks " : "Holds ") + f.family, "family")) f.family.clear();
    }
    if (f.only_ids) {
        next();
        if (chip(f.only_label.empty() ? std::string("Chosen accounts") : f.only_label, "only")) {
            f.only_ids.reset();
            f.only_label.clear();
        }
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear all")) {
        f = core::AccountFilter{};
        ui.accounts.search[0] = 0;
    }
}

} // namespace footprint::ui
