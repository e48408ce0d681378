// The upsell rules beside the catalog: a list in priority order (the first rule that fires in a
// product family wins), turned on and off, reordered, edited and restored to the shipped set.
#include "app/desk_actions.h"
#include "core/format.h"
#include "core/whitespace.h"
#include "ui/desks.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace footprint::ui {

namespace {

struct Editor {
    bool open = false;
    bool is_new = false;
    std::string original_id;
    core::UpsellRule draft;
    char name[128] = {}, industries[256] = {}, note[256] = {};
    std::string error;
    // The preview of how far the draft reaches, recomputed when the draft changes.
    std::string preview_of;
    core::RuleReach reach;
};
Editor g_edit;

void start_edit(const core::UpsellRule* r, const std::string& new_id) {
    Editor& e = g_edit;
    e = Editor{};
    e.open = true;
    e.is_new = r == nullptr;
    if (r) {
        e.draft = *r;
    } else {
        e.draft.id = new_id;
        e.draft.name = "New rule";
        e.draft.product = "cloud-backup";
    }
    e.original_id = r ? r->id : std::string();
    std::snprintf(e.name, sizeof e.name, "%s", e.draft.name.c_str());
    std::string ind;
    for (const std::string& i : e.draft.industries) ind += (ind.empty() ? "" : ", ") + i;
    std::snprintf(e.industries, sizeof e.industries, "%s", ind.c_str());
    std::snprintf(e.note, sizeof e.note, "%s", e.draft.note.c_str());
}

std::vector<std::string> split_list(const char* text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        while (!cur.empty() && cur.back() == ' ') cur.pop_back();
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
    };
    for (const char* c = text; *c; ++c) {
        if (*c == ',') flush();
        else if (*c != ' ' || !cur.empty()) cur += *c;
    }
    flush();
    return out;
}

// A family picker with "none" (the condition is not checked).
void family_combo(const char* id, std::string& value, const std::vector<std::string>& families) {
    const std::string current = value.empty() ? std::string("(not checked)") : core::family_label(value);
    if (!ImGui::BeginCombo(id, current.c_str())) return;
    if (ImGui::Selectable("(not checked)", value.empty())) value.clear();
    for (const std::string& f : families)
        if (ImGui::Selectable(core::family_label(f).c_str(), value == f)) value = f;
    ImGui::EndCombo();
}

void int_field(const char* label, const char* id, int& value, int step, const char* tip, float label_w) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    tooltip_on_hover(tip);
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(140 * (label_w / 170.0f));
    ImGui::InputInt(id, &value, step, step * 10);
    value = std::clamp(value, 0, 10'000'000);
}

void rule_editor(app::App& app, UiState& ui) {
    Editor& e = g_edit;
    // The title says what the editor does; "###rule" keeps one popup id for both.
    const char* title = e.is_new ? "New upsell rule###rule" : "Edit upsell rule###rule";
    if (e.open) {
        ImGui::OpenPopup(title);
        e.open = false;
    }
    ImGui::SetNextWindowSize(ImVec2(600 * ui.dpr, 0));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize)) return;
    const core::Plan& plan = app.plan();
    const std::vector<std::string> families = core::product_families(plan);
    const float label_w = 170 * ui.dpr;
    core::UpsellRule& r = e.draft;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Name");
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##name", e.name, sizeof e.name);

    ImGui::SeparatorText("When a client has (conditions left at 0 or empty are not checked)");
    int_field("At least sites", "##min_sites", r.min_sites, 1, "The client has at least this many sites.", label_w);
    int_field("At least employees", "##min_emp", r.min_employees, 10, "The client has at least this many employees.", label_w);
    int_field("At most employees", "##max_emp", r.max_employees, 10, "The client has at most this many employees (0: no limit).", label_w);
    int_field("Internet at most (Mbps)", "##max_bw", r.max_bandwidth_mbps, 100,
              "The client buys Internet from you and its fastest line is at most this fast.", label_w);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Buys from family");
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(220 * ui.dpr);
    family_combo("##has", r.has_family, families);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Buys nothing in family");
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(220 * ui.dpr);
    family_combo("##lacks", r.lacks_family, families);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Industry is one of");
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##industries", "any industry (or: Hospitality, Healthcare)", e.industries, sizeof e.industries);

    ImGui::SeparatorText("Recommend");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Product");
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-1);
    const core::Product* prod = core::find_product(plan, r.product);
    if (ImGui::BeginCombo("##product", prod ? prod->name.c_str() : ("(missing: " + r.product + ")").c_str())) {
        for (const core::Product& p : plan.catalog)
            if (ImGui::Selectable((p.name + "  \xC2\xB7  " + core::family_label(p.family) + "##" + p.id).c_str(), p.id == r.product))
                r.product = p.id;
        ImGui::EndCombo();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Quantity");
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(100 * ui.dpr);
    ImGui::InputInt("##units", &r.units, 1, 5);
    r.units = std::clamp(r.units, 1, 10'000'000);
    ImGui::SameLine();
    text_muted("per");
    ImGui::SameLine();
    ImGui::BeginDisabled(r.quantity_basis == core::QuantityBasis::Account);
    ImGui::SetNextItemWidth(100 * ui.dpr);
    ImGui::InputInt("##per", &r.per, 1, 5);
    r.per = std::clamp(r.per, 1, 10'000'000);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    const char* bases[] = {"account", "sites", "employees"};
    int basis = static_cast<int>(r.quantity_basis);
    if (ImGui::Combo("##basis", &basis, bases, 3)) r.quantity_basis = static_cast<core::QuantityBasis>(basis);
    ImGui::Dummy(ImVec2(label_w - ImGui::GetStyle().ItemSpacing.x, 0));
    ImGui::SameLine();
    ImGui::Checkbox("Upgrade: replaces what they have in that family", &r.upgrade);
    tooltip_on_hover("The value is then the difference with what the client pays now in the product's "
                     "family (a faster line), not the full price.");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Why, in your words");
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##note", "optional: shown under the reason", e.note, sizeof e.note);

    r.name = e.name;
    r.industries = split_list(e.industries);
    r.note = e.note;
    // The preview: how many clients it reaches on its own.
    std::string fingerprint = r.name + "|" + std::to_string(r.min_sites) + "|" + std::to_string(r.min_employees) + "|" +
                              std::to_string(r.max_employees) + "|" + std::to_string(r.max_bandwidth_mbps) + "|" +
                              r.has_family + "|" + r.lacks_family + "|" + e.industries + "|" + r.product + "|" +
                              std::to_string(r.units) + "|" + std::to_string(r.per) + "|" +
                              std::to_string(static_cast<int>(r.quantity_basis)) + "|" + std::to_string(r.upgrade);
    if (fingerprint != e.preview_of) {
        e.reach = core::rule_reach(plan, r);
        e.preview_of = std::move(fingerprint);
    }
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x);
    if (!prod)
        ImGui::TextColored(to_vec4(palette().warning), ICON_WARNING "  Pick a product from the catalog: this rule cannot fire without one.");
    else
        ImGui::TextColored(to_vec4(palette().accent), ICON_LIGHTBULB "  On its own it would recommend %s to %s %s (%s/mo).",
                           prod->name.c_str(), core::format_count(e.reach.clients).c_str(),
                           e.reach.clients == 1 ? "client" : "clients", core::format_money_short(e.reach.value).c_str());
    text_muted("When: " + core::rule_conditions(r) + "  \xE2\x86\x92  " + core::rule_quantity_text(r));
    if (!e.error.empty()) ImGui::TextColored(to_vec4(palette().danger), ICON_WARNING "  %s", e.error.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (primary_button(e.is_new ? "Add rule" : "Save")) {
        if (r.name.empty()) {
            e.error = "The rule needs a name.";
        } else if (r.max_employees > 0 && r.max_employees < r.min_employees) {
            e.error = "\"At most employees\" is below \"At least employees\".";
        } else {
            std::vector<core::UpsellRule> rules = plan.upsell_rules;
            auto it = std::find_if(rules.begin(), rules.end(), [&](const core::UpsellRule& x) { return x.id == e.original_id; });
            if (it != rules.end()) *it = r;
            else rules.push_back(r);
            app::set_upsell_rules(app, std::move(rules), (e.is_new ? "Add rule " : "Edit rule ") + r.name);
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

float rule_row_height(const UiState& ui) {
    return 8 * ui.dpr * 2 + ImGui::GetTextLineHeight() * 3 + 4 * ui.dpr * 2;
}

} // namespace

void draw_rules_card(app::App& app, UiState& ui, float width, float height) {
    const Palette& p = palette();
    const core::Plan& plan = app.plan();
    const core::DeskData& d = desk_data(app);
    ImGui::BeginChild("##rules", ImVec2(width, height), ImGuiChildFlags_None);
    ImGui::PushFont(ui.fonts.bold);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ICON_LIGHTBULB "  Upsell rules  ");
    ImGui::PopFont();
    tooltip_on_hover("Rules recommend a product to clients who match their conditions. They run in "
                     "this order; in each product family the first rule that fires wins.");
    ImGui::SameLine();
    text_muted(core::format_count(static_cast<long long>(plan.upsell_rules.size())) + " in priority order");
    const char* add = ICON_PLUS "  Add rule";
    const char* restore = ICON_UNDO "  Defaults";
    const float bw = ImGui::CalcTextSize(add).x + ImGui::CalcTextSize(restore).x + ImGui::GetStyle().FramePadding.x * 4 +
                     ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - bw);
    if (ImGui::Button(restore))
        app::set_upsell_rules(app, core::default_upsell_rules(), "Restore the default rules");
    tooltip_on_hover("Replace the rules with the shipped set. Undo with Ctrl+Z.");
    ImGui::SameLine();
    if (ImGui::Button(add)) start_edit(nullptr, app.ids().next("rule"));

    std::vector<core::UpsellRule> rules = plan.upsell_rules;
    std::string label;
    bool changed = false;
    ImGui::BeginChild("##rule-list", ImVec2(0, ImGui::GetContentRegionAvail().y), ImGuiChildFlags_None);
    if (rules.empty()) {
        empty_state(ui, ICON_LIGHTBULB, "No upsell rules",
                    "Rules turn what a client lacks into a recommendation with a reason and a value. "
                    "Add one, or bring back the shipped set with Defaults.");
    }
    const std::size_t n = rules.size();
    for (std::size_t i = 0; i < n; ++i) {
        const core::UpsellRule& r = plan.upsell_rules[i];
        const core::Product* prod = core::find_product(plan, r.product);
        ImGui::PushID(r.id.c_str());
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        const float h = rule_row_height(ui);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        card_background(ui, dl, pos, ImVec2(pos.x + w, pos.y + h), false, false);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + 8 * ui.dpr, pos.y + 8 * ui.dpr));
        ImGui::BeginGroup();
        bool enabled = r.enabled;
        if (ImGui::Checkbox("##on", &enabled)) {
            rules[i].enabled = enabled;
            label = std::string(enabled ? "Turn on rule " : "Turn off rule ") + r.name;
            changed = true;
        }
        tooltip_on_hover(r.enabled ? "On: click to turn the rule off" : "Off: click to turn the rule on");
        ImGui::SameLine();
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextColored(to_vec4(r.enabled ? p.text : p.text_muted), "%s", r.name.c_str());
        ImGui::PopFont();
        // Reach on the right: clients it recommends to now (with the others in play).
        const int hit = i < d.whitespace.rule_hits.size() ? d.whitespace.rule_hits[i] : 0;
        const std::string hits = hit == 0 ? std::string("no client now")
                                          : core::format_count(hit) + (hit == 1 ? " client \xC2\xB7 " : " clients \xC2\xB7 ") +
                                                core::format_money_short(d.whitespace.rule_value[i]) + "/mo";
        const float icon_w = ImGui::CalcTextSize(ICON_ARROW_UP).x + ImGui::GetStyle().FramePadding.x * 2;
        const float tools_w = icon_w * 4 + 6 * ui.dpr;
        if (r.enabled && !hits.empty()) {
            ImGui::SameLine(w - tools_w - ImGui::CalcTextSize(hits.c_str()).x - 24 * ui.dpr);
            text_muted(hits);
            tooltip_on_hover("Clients this rule recommends to now, and the estimated monthly value.");
        }
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetFrameHeight() + 6 * ui.dpr);
        std::string when = "When " + core::rule_conditions(r);
        fit_text(when, w - ImGui::GetFrameHeight() - 24 * ui.dpr);
        text_muted(when);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetFrameHeight() + 6 * ui.dpr);
        if (prod) {
            std::string what = "\xE2\x86\x92 " + prod->name + ", " + core::rule_quantity_text(r) + (r.upgrade ? " (upgrade)" : "");
            fit_text(what, w - ImGui::GetFrameHeight() - 24 * ui.dpr);
            ImGui::TextColored(to_vec4(r.enabled ? p.accent : p.text_muted), "%s", what.c_str());
        } else {
            ImGui::TextColored(to_vec4(p.warning), ICON_WARNING "  Product \"%s\" is not in the catalog: this rule never fires.",
                               r.product.c_str());
        }
        ImGui::EndGroup();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal) && !r.note.empty()) ImGui::SetTooltip("%s", r.note.c_str());
        // Tools at the top right.
        ImGui::SetCursorScreenPos(ImVec2(pos.x + w - tools_w - 6 * ui.dpr, pos.y + 6 * ui.dpr));
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2 * ui.dpr, 0));
        if (icon_button(ICON_ARROW_UP "##up", "Move up: it wins over the rules below in its family", i > 0)) {
            std::swap(rules[i], rules[i - 1]);
            label = "Move rule " + r.name + " up";
            changed = true;
        }
        ImGui::SameLine();
        if (icon_button(ICON_ARROW_DOWN "##down", "Move down", i + 1 < n)) {
            std::swap(rules[i], rules[i + 1]);
            label = "Move rule " + r.name + " down";
            changed = true;
        }
        ImGui::SameLine();
        const bool edit = icon_button(ICON_PENCIL "##edit", "Edit the rule");
        locate(ui, "edit_rule:" + r.id);
        if (edit) start_edit(&r, "");
        ImGui::SameLine();
        if (icon_button(ICON_TRASH "##delete", "Delete the rule (undo with Ctrl+Z)")) {
            rules.erase(rules.begin() + static_cast<std::ptrdiff_t>(i));
            label = "Delete rule " + r.name;
            changed = true;
        }
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + 6 * ui.dpr));
        ImGui::Dummy(ImVec2(w, 0));
        ImGui::PopID();
        if (changed) break; // the list changed under the loop
    }
    ImGui::EndChild();
    ImGui::EndChild();
    if (changed) app::set_upsell_rules(app, std::move(rules), std::move(label));
    rule_editor(app, ui);
}

} // namespace footprint::ui
