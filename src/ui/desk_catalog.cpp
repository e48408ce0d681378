// The "Catalog & rules" tab: the product catalog with its term prices (the shipped ones marked as
// examples to replace), a product editor, and the upsell rules beside it (desk_rules.cpp).
#include "app/desk_actions.h"
#include "core/format.h"
#include "core/money_input.h"
#include "core/whitespace.h"
#include "ui/desks.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace footprint::ui {

namespace {

constexpr int kTerms[] = {12, 36, 60};

struct Editor {
    bool open = false;
    bool is_new = false;
    std::string original_id; // the product being edited ("" for a new one)
    core::Product draft;
    char id[64] = {}, name[128] = {}, family[48] = {}, unit[48] = {};
    char price[3][24] = {}, otc[24] = {};
    int mbps = 0;
    std::string error;
};
Editor g_edit;

void start_edit(const core::Product* p, const std::string& new_id) {
    Editor& e = g_edit;
    e = Editor{};
    e.open = true;
    e.is_new = p == nullptr;
    e.draft = p ? *p : core::Product{};
    if (!p) {
        e.draft.id = new_id;
        e.draft.family = "internet";
        e.draft.example_price = false;
    }
    e.original_id = p ? p->id : std::string();
    std::snprintf(e.id, sizeof e.id, "%s", e.draft.id.c_str());
    std::snprintf(e.name, sizeof e.name, "%s", e.draft.name.c_str());
    std::snprintf(e.family, sizeof e.family, "%s", e.draft.family.c_str());
    std::snprintf(e.unit, sizeof e.unit, "%s", e.draft.unit.c_str());
    e.mbps = e.draft.bandwidth_mbps;
    for (int t = 0; t < 3; ++t) {
        e.price[t][0] = 0;
        for (const core::TermPrice& tp : e.draft.prices)
            if (tp.term_months == kTerms[t])
                std::snprintf(e.price[t], sizeof e.price[t], "%s", core::money_input_text(tp.mrc).c_str());
    }
    std::snprintf(e.otc, sizeof e.otc, "%s", core::money_input_text(e.draft.otc).c_str());
}

const core::TermPrice* price_for(const core::Product& p, int term) {
    for (const core::TermPrice& tp : p.prices)
        if (tp.term_months == term) return &tp;
    return nullptr;
}

bool fail(Editor& e, std::string message) {
    e.error = std::move(message);
    return false;
}

// Applies the editor's fields to the draft; false (with e.error) when something is not valid.
bool apply_fields(const core::Plan& plan, Editor& e) {
    core::Product& d = e.draft;
    d.id = e.id;
    d.name = e.name;
    d.family = e.family;
    d.unit = e.unit;
    d.bandwidth_mbps = std::max(e.mbps, 0);
    if (d.id.empty()) return fail(e, "The product needs an id, like \"inet-2g\".");
    if (d.name.empty()) return fail(e, "The product needs a name.");
    if (d.family.empty()) return fail(e, "Pick the product's family.");
    for (const core::Product& p : plan.catalog)
        if (p.id == d.id && p.id != e.original_id)
            return fail(e, "Another product already has the id \"" + d.id + "\".");
    std::vector<core::TermPrice> prices;
    for (const core::TermPrice& tp : d.prices) // other terms than 12/36/60 are kept as they were
        if (std::find(std::begin(kTerms), std::end(kTerms), tp.term_months) == std::end(kTerms)) prices.push_back(tp);
    for (int t = 0; t < 3; ++t) {
        if (!e.price[t][0]) continue;
        const core::ParsedCents c = core::parse_money(e.price[t]);
        if (!c.value)
            return fail(e, std::string("The ") + std::to_string(kTerms[t]) + "-month price \"" + e.price[t] +
                               "\" " + c.error + ": use dollars and cents, like 449.00.");
        prices.push_back({kTerms[t], *c.value});
    }
    std::sort(prices.begin(), prices.end(), [](const core::TermPrice& a, const core::TermPrice& b) {
        return a.term_months < b.term_months;
    });
    const core::ParsedCents otc = e.otc[0] ? core::parse_money(e.otc) : core::ParsedCents{core::Cents{0}, {}};
    if (!otc.value) return fail(e, std::string("The installation charge \"") + e.otc + "\" " + otc.error + ".");
    // Typing a price makes it yours: the example marking goes away unless you keep it on.
    const core::Product* before = core::find_product(plan, e.original_id);
    bool prices_changed = !before || before->otc != *otc.value || before->prices.size() != prices.size();
    if (before && !prices_changed)
        for (std::size_t i = 0; i < prices.size(); ++i)
            prices_changed |= prices[i].term_months != before->prices[i].term_months || prices[i].mrc != before->prices[i].mrc;
    if (prices_changed && before && before->example_price && d.example_price) d.example_price = false;
    d.prices = std::move(prices);
    d.otc = *otc.value;
    e.error.clear();
    return true;
}

void product_editor(app::App& app, UiState& ui) {
    Editor& e = g_edit;
    const char* title = e.is_new ? "New product###product" : "Edit product###product";
    if (e.open) {
        ImGui::OpenPopup(title);
        e.open = false;
    }
    ImGui::SetNextWindowSize(ImVec2(520 * ui.dpr, 0));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize)) return;
    const core::Plan& plan = app.plan();
    const float label_w = 150 * ui.dpr;
    auto row = [&](const char* label) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(label_w);
        ImGui::SetNextItemWidth(-1);
    };
    row("Name");
    ImGui::InputTextWithHint("##name", "Fiber Internet 2 Gbps", e.name, sizeof e.name);
    row("Id");
    ImGui::BeginDisabled(!e.is_new);
    ImGui::InputTextWithHint("##id", "inet-2g", e.id, sizeof e.id);
    ImGui::EndDisabled();
    if (!e.is_new) tooltip_on_hover("Services, opportunities and rules refer to the product by its id, so it stays.");
    row("Family");
    if (ImGui::BeginCombo("##family", core::family_label(e.family).c_str())) {
        for (const char* f : {"internet", "ethernet", "voice", "tv", "cloud", "managed"})
            if (ImGui::Selectable(core::family_label(f).c_str(), std::string(e.family) == f))
                std::snprintf(e.family, sizeof e.family, "%s", f);
        ImGui::EndCombo();
    }
    row("Unit");
    ImGui::InputTextWithHint("##unit", "per site", e.unit, sizeof e.unit);
    row("Bandwidth (Mbps)");
    ImGui::InputInt("##mbps", &e.mbps, 100, 1000);
    e.mbps = std::clamp(e.mbps, 0, 10'000'000);
    ImGui::SeparatorText("Monthly price by term ($)");
    for (int t = 0; t < 3; ++t) {
        ImGui::PushID(t);
        row((std::to_string(kTerms[t]) + " months").c_str());
        ImGui::InputTextWithHint("##price", "not offered", e.price[t], sizeof e.price[t]);
        ImGui::PopID();
    }
    row("Installation ($)");
    ImGui::InputTextWithHint("##otc", "0", e.otc, sizeof e.otc);
    ImGui::Spacing();
    ImGui::Checkbox("Example price (not my rate card yet)", &e.draft.example_price);
    tooltip_on_hover("The shipped catalog's prices are examples. Changing a price clears this mark.");
    if (!e.error.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x);
        ImGui::TextColored(to_vec4(palette().danger), ICON_WARNING "  %s", e.error.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    if (primary_button(e.is_new ? "Add product" : "Save")) {
        if (apply_fields(plan, e)) {
            std::vector<core::Product> catalog = plan.catalog;
            auto it = std::find_if(catalog.begin(), catalog.end(), [&](const core::Product& p) { return p.id == e.original_id; });
            if (it != catalog.end()) *it = e.draft;
            else catalog.push_back(e.draft);
            app::set_catalog(app, std::move(catalog), (e.is_new ? "Add product " : "Edit product ") + e.draft.name);
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void example_banner(app::App& app, UiState& ui, int examples) {
    const Palette& p = palette();
    const core::Plan& plan = app.plan();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = 12 * ui.dpr;
    const float h = ImGui::GetFrameHeight() + pad * 2;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), with_alpha(p.warning, 0.14f), 6 * ui.dpr);
    dl->AddRectFilled(pos, ImVec2(pos.x + 4 * ui.dpr, pos.y + h), p.warning, 6 * ui.dpr, ImDrawFlags_RoundCornersLeft);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad + 4 * ui.dpr, pos.y + pad));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(to_vec4(p.warning), ICON_WARNING);
    ImGui::SameLine();
    ImGui::Text("%d of %zu products still carry example prices.", examples, plan.catalog.size());
    ImGui::SameLine();
    text_muted("Replace them with your rate card: whitespace values and new opportunities use them.");
    const char* label = ICON_CHECK "  They are my prices";
    ImGui::SameLine(w - ImGui::CalcTextSize(label).x - ImGui::GetStyle().FramePadding.x * 2 - pad + ImGui::GetWindowContentRegionMin().x);
    if (ImGui::Button(label)) {
        std::vector<core::Product> catalog = plan.catalog;
        for (core::Product& prod : catalog) prod.example_price = false;
        app::set_catalog(app, std::move(catalog), "Mark every price as mine");
    }
    tooltip_on_hover("Clear the example mark on every product, if the prices already are your rate "
                     "card. Undo with Ctrl+Z.");
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + 10 * ui.dpr));
    ImGui::Dummy(ImVec2(0, 0));
}

void catalog_card(app::App& app, UiState& ui, float w, float h) {
    const Palette& p = palette();
    const core::Plan& plan = app.plan();
    ImGui::BeginChild("##catalog", ImVec2(w, h), ImGuiChildFlags_None);
    ImGui::PushFont(ui.fonts.bold);
    ImGui::AlignTextToFramePadding();
    ImGui::Text(ICON_BOOK "  Product catalog  ");
    ImGui::PopFont();
    ImGui::SameLine();
    text_muted(core::format_count(static_cast<long long>(plan.catalog.size())) + " products \xC2\xB7 monthly list prices");
    const char* add = ICON_PLUS "  Add product";
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(add).x - ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::Button(add)) start_edit(nullptr, app.ids().next("prod"));
    if (plan.catalog.empty()) {
        empty_state(ui, ICON_BOOK, "No products", "Add the products you sell with their monthly prices per term.");
        ImGui::EndChild();
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("##products", 8, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Product", 0, 3.2f);
        ImGui::TableSetupColumn("Family", 0, 1.3f);
        ImGui::TableSetupColumn("12 mo", 0, 0.9f);
        ImGui::TableSetupColumn("36 mo", 0, 0.9f);
        ImGui::TableSetupColumn("60 mo", 0, 0.9f);
        ImGui::TableSetupColumn("Install", 0, 0.9f);
        ImGui::TableSetupColumn("Pricing", 0, 1.1f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight() * 2 + 4 * ui.dpr);
        ImGui::TableHeadersRow();
        std::string remove;
        for (const core::Product& prod : plan.catalog) {
            ImGui::PushID(prod.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(prod.name.c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\nid %s \xC2\xB7 %s%s", prod.name.c_str(), prod.id.c_str(), prod.unit.c_str(),
                                  prod.bandwidth_mbps ? (" \xC2\xB7 " + std::to_string(prod.bandwidth_mbps) + " Mbps").c_str() : "");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(family_short_label(prod.family).c_str());
            for (int t : kTerms) {
                ImGui::TableNextColumn();
                const core::TermPrice* tp = price_for(prod, t);
                if (!tp) text_right("\xE2\x80\x94");
                else if (prod.example_price) {
                    const std::string s = money_whole(tp->mrc);
                    const float tw = ImGui::CalcTextSize(s.c_str()).x;
                    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - tw));
                    ImGui::TextColored(to_vec4(p.text_muted), "%s", s.c_str());
                } else text_right(money_whole(tp->mrc));
            }
            ImGui::TableNextColumn();
            if (prod.otc && prod.example_price) {
                const std::string s = money_whole(prod.otc);
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(s.c_str()).x));
                ImGui::TextColored(to_vec4(p.text_muted), "%s", s.c_str());
            } else {
                text_right(prod.otc ? money_whole(prod.otc) : std::string("\xE2\x80\x94"));
            }
            ImGui::TableNextColumn();
            if (prod.example_price) badge("Example", p.warning);
            else badge("Yours", p.success);
            tooltip_on_hover(prod.example_price ? "A shipped example price: edit the product to put your own."
                                                : "Your price.");
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
            const bool edit = icon_button(ICON_PENCIL "##edit", "Edit the product and its prices");
            locate(ui, "edit_product:" + prod.id);
            if (edit) start_edit(&prod, "");
            ImGui::SameLine(0, 2 * ui.dpr);
            int rules_using = 0;
            for (const core::UpsellRule& r : plan.upsell_rules) rules_using += r.product == prod.id;
            const std::string tip = rules_using
                                        ? "Delete the product (undo with Ctrl+Z). " + std::to_string(rules_using) +
                                              (rules_using == 1 ? " rule recommends it and" : " rules recommend it and") +
                                              " will stop firing."
                                        : std::string("Delete the product (undo with Ctrl+Z).");
            if (icon_button(ICON_TRASH "##delete", tip.c_str())) remove = prod.id;
            ImGui::PopStyleColor();
            ImGui::PopID();
        }
        ImGui::EndTable();
        if (!remove.empty()) {
            std::vector<core::Product> catalog = plan.catalog;
            const auto it = std::find_if(catalog.begin(), catalog.end(), [&](const core::Product& x) { return x.id == remove; });
            const std::string name = it->name;
            catalog.erase(it);
            app::set_catalog(app, std::move(catalog), "Delete product " + name);
            app.notify(app::Notice::Kind::Info, "Deleted " + name, "Undo with Ctrl+Z to bring it back.");
        }
    }
    ImGui::EndChild();
}

} // namespace

void draw_desk_catalog(app::App& app, UiState& ui) {
    const core::Plan& plan = app.plan();
    int examples = 0;
    for (const core::Product& prod : plan.catalog) examples += prod.example_price;
    if (examples) example_banner(app, ui, examples);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = 20 * ui.dpr;
    const float left = std::floor((avail.x - gap) * 0.55f);
    catalog_card(app, ui, left, avail.y);
    ImGui::SameLine(0, gap);
    draw_rules_card(app, ui, avail.x - left - gap, avail.y);
    product_editor(app, ui);
}

} // namespace footprint::ui
