// The Whitespace tab: a client x product-family matrix of what each client holds and lacks, the
// upsells the plan's rules recommend (with their reasons and values), created in one click.
#include "app/desk_actions.h"
#include "core/format.h"
#include "ui/desks.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>

namespace footprint::ui {

namespace {

enum Column { kAccount, kPays, kTop, kValue, kAction, kFamilies };

struct TabView {
    RowCache cache;
    int sort_column = kValue;
    bool ascending = false;
    core::Cents open_value = 0;
    int with_open = 0, in_pipeline = 0, clients = 0;
    std::vector<int> gaps; // per family, for the listed clients
    std::string popup_account;
    bool open_popup = false;
};
TabView g_view;

int family_of(const core::Whitespace& w, const core::Plan& plan, const core::Recommendation& r) {
    const std::string& f = plan.catalog[r.product].family;
    for (std::size_t i = 0; i < w.families.size(); ++i)
        if (w.families[i] == f) return static_cast<int>(i);
    return -1;
}

void rebuild(const app::App& app, const UiState& ui, const core::DeskData& d) {
    const DesksViewState& st = ui.desks;
    const core::Plan& plan = app.plan();
    const core::Whitespace& w = d.whitespace;
    TabView& v = g_view;
    v.open_value = 0;
    v.with_open = v.in_pipeline = v.clients = 0;
    v.gaps.assign(w.families.size(), 0);
    for (std::size_t r = 0; r < w.rows.size(); ++r) {
        const core::WhitespaceRow& row = w.rows[r];
        if (!desk_filter_match(st, plan.accounts[row.account])) continue;
        ++v.clients;
        v.open_value += row.open_value;
        v.with_open += row.open_value > 0;
        for (const core::Recommendation& rec : w.of(row)) v.in_pipeline += rec.deal.state == core::LinkState::Open;
        for (std::size_t f = 0; f < w.families.size(); ++f) v.gaps[f] += w.holds(r, f) == 0;
        if (st.whitespace_only_open && row.open_value <= 0) continue;
        if (st.whitespace_lacking >= 0 && static_cast<std::size_t>(st.whitespace_lacking) < w.families.size() &&
            w.holds(r, static_cast<std::size_t>(st.whitespace_lacking)) > 0)
            continue;
        v.cache.rows.push_back(static_cast<std::uint32_t>(r));
    }
    const bool asc = v.ascending;
    auto less = [&](std::uint32_t x, std::uint32_t y) {
        const core::WhitespaceRow &a = w.rows[x], &b = w.rows[y];
        switch (v.sort_column) {
        case kAccount: return plan.accounts[a.account].name < plan.accounts[b.account].name;
        case kPays: return a.mrc < b.mrc;
        default: return a.open_value < b.open_value;
        }
    };
    std::stable_sort(v.cache.rows.begin(), v.cache.rows.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return asc ? less(x, y) : less(y, x); });
}

void controls(app::App& app, UiState& ui, const core::Whitespace& w) {
    DesksViewState& st = ui.desks;
    ImGui::Checkbox("Only clients with whitespace", &st.whitespace_only_open);
    tooltip_on_hover("Hide clients for whom no rule recommends anything new (or whose "
                     "recommendations are already in an opportunity).");
    ImGui::SameLine(0, 20 * ui.dpr);
    ImGui::AlignTextToFramePadding();
    text_muted("Lacking");
    ImGui::SameLine();
    const std::string current = st.whitespace_lacking >= 0 && static_cast<std::size_t>(st.whitespace_lacking) < w.families.size()
                                    ? core::family_label(w.families[static_cast<std::size_t>(st.whitespace_lacking)])
                                    : std::string("any family");
    ImGui::SetNextItemWidth(170 * ui.dpr);
    if (ImGui::BeginCombo("##lacking", current.c_str())) {
        if (ImGui::Selectable("any family", st.whitespace_lacking < 0)) st.whitespace_lacking = -1;
        for (std::size_t f = 0; f < w.families.size(); ++f) {
            const std::string label = core::family_label(w.families[f]) + "  (" +
                                      core::format_count(f < g_view.gaps.size() ? g_view.gaps[f] : 0) + " clients)";
            if (ImGui::Selectable(label.c_str(), st.whitespace_lacking == static_cast<int>(f)))
                st.whitespace_lacking = static_cast<int>(f);
        }
        ImGui::EndCombo();
    }
    tooltip_on_hover("Show only the clients that hold nothing in one product family.");

    // Legend on the right.
    const Palette& p = palette();
    const char* legend[] = {ICON_CHECK " holds", "\xE2\x80\x94 lacks", "+$ recommended", ICON_ARROW_UP "$ upgrade"};
    float lw = 0;
    for (const char* l : legend) lw += ImGui::CalcTextSize(l).x + 16 * ui.dpr;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - lw);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(to_vec4(p.client), "%s", legend[0]);
    ImGui::SameLine(0, 16 * ui.dpr);
    text_muted(legend[1]);
    ImGui::SameLine(0, 16 * ui.dpr);
    ImGui::TextColored(to_vec4(p.accent), "%s", legend[2]);
    ImGui::SameLine(0, 16 * ui.dpr);
    ImGui::TextColored(to_vec4(p.accent), "%s", legend[3]);
    (void)app;
}

void family_cell(const UiState& ui, const core::Plan& plan, const core::Whitespace& w, std::size_t r,
                 std::size_t f, const core::Account& a) {
    const Palette& p = palette();
    const core::WhitespaceRow& row = w.rows[r];
    const core::Recommendation* rec = nullptr;
    for (const core::Recommendation& x : w.of(row))
        if (family_of(w, plan, x) == static_cast<int>(f)) rec = &x;
    const int held = w.holds(r, f);
    // Held: a tick and what they pay; lacking: a dash; a recommendation (new, or an upgrade of
    // what they hold): its value in the accent colour, or a briefcase once a deal offers it.
    ImGui::BeginGroup();
    if (held) {
        ImGui::TextColored(to_vec4(p.client), ICON_CHECK);
        ImGui::SameLine(0, 4 * ui.dpr);
    }
    if (rec && rec->deal.state == core::LinkState::None)
        ImGui::TextColored(to_vec4(p.accent), "%s%s", rec->replaces ? ICON_ARROW_UP : "+",
                           core::format_money_short(rec->value).c_str());
    else if (rec)
        ImGui::TextColored(to_vec4(p.text_muted), "%s",
                           rec->deal.state == core::LinkState::Open ? ICON_BRIEFCASE : ICON_TIMES);
    else if (held)
        text_muted(core::format_money_short(w.held(r, f)));
    else
        text_muted("\xE2\x80\x94");
    ImGui::EndGroup();
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::Text("%s: %s", core::family_label(w.families[f]).c_str(),
                held ? (core::format_count(held) + (held == 1 ? " service, " : " services, ") + mrc_whole(w.held(r, f))).c_str()
                     : "nothing from us");
    for (const core::Service& s : a.services) {
        const core::Product* prod = core::find_product(plan, s.product);
        const std::string& fam = s.family.empty() && prod ? prod->family : s.family;
        if (fam == w.families[f])
            text_muted("  " + product_label(plan, s) + (s.quantity > 1 ? " \xC3\x97" + std::to_string(s.quantity) : "") +
                       "  \xC2\xB7  " + mrc_whole(s.mrc));
    }
    if (rec) {
        ImGui::Separator();
        ImGui::TextColored(to_vec4(p.accent), "%s", core::recommendation_reason(plan, a, *rec).c_str());
        ImGui::Text("%s%s", mrc_whole(rec->value).c_str(), rec->replaces ? " more than they pay now" : "");
        if (!plan.upsell_rules[rec->rule].note.empty()) text_muted(plan.upsell_rules[rec->rule].note);
        if (rec->deal.state == core::LinkState::Open)
            text_muted("Already offered: " + plan.opportunities[rec->deal.opportunity].name);
        if (rec->deal.state == core::LinkState::Lost)
            text_muted("They said no on " + core::format_date(*plan.opportunities[rec->deal.opportunity].close_date));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

const core::Recommendation* top_open(const core::Whitespace& w, const core::WhitespaceRow& row) {
    const core::Recommendation* best = nullptr;
    for (const core::Recommendation& r : w.of(row))
        if (r.deal.state == core::LinkState::None && (!best || r.value > best->value)) best = &r;
    return best;
}

void recommendations_tooltip(const UiState& ui, const core::Plan& plan, const core::Whitespace& w,
                             const core::WhitespaceRow& row, const core::Account& a) {
    const Palette& p = palette();
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(a.name.c_str());
    ImGui::PopFont();
    for (const core::Recommendation& r : w.of(row)) {
        ImGui::Separator();
        ImGui::TextColored(to_vec4(r.deal.state == core::LinkState::None ? p.accent : p.text_muted), "%s",
                           core::recommendation_reason(plan, a, r).c_str());
        ImGui::Text("%s \xC2\xB7 rule \"%s\"%s", mrc_whole(r.value).c_str(), plan.upsell_rules[r.rule].name.c_str(),
                    r.deal.state == core::LinkState::Open ? " \xC2\xB7 already in an opportunity"
                    : r.deal.state == core::LinkState::Lost ? " \xC2\xB7 declined recently"
                    : r.deal.state == core::LinkState::Won ? " \xC2\xB7 won recently" : "");
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void upsell_popup(app::App& app, UiState& ui, const core::DeskData& d) {
    TabView& v = g_view;
    if (v.open_popup) {
        ImGui::OpenPopup("create-upsell");
        v.open_popup = false;
    }
    if (!ImGui::BeginPopup("create-upsell")) return;
    const core::Plan& plan = app.plan();
    const core::Account* a = find_account(app, v.popup_account);
    const core::WhitespaceRow* row = nullptr;
    for (const core::WhitespaceRow& r : d.whitespace.rows)
        if (a && plan.accounts[r.account].id == a->id) row = &r;
    if (!a || !row) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::PushFont(ui.fonts.bold);
    ImGui::Text("Upsells for %s", a->name.c_str());
    ImGui::PopFont();
    for (const core::Recommendation& r : d.whitespace.of(*row)) {
        if (r.deal.state != core::LinkState::None) continue;
        const core::UpsellRule& rule = plan.upsell_rules[r.rule];
        ImGui::PushID(static_cast<int>(r.rule));
        ImGui::Separator();
        ImGui::TextUnformatted(core::recommendation_reason(plan, *a, r).c_str());
        text_muted(mrc_whole(r.value) + (r.replaces ? " more than today" : "") + "  \xC2\xB7  " + rule.name);
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 80 * ui.dpr);
        if (create_button(ui, ICON_PLUS "  Create", "create_upsell:" + a->id + ":" + rule.id,
                          "Creates the upsell opportunity for this product. Undo with Ctrl+Z.")) {
            app::create_upsell_opportunity(app, a->id, rule.id);
            ImGui::CloseCurrentPopup();
        }
        ImGui::PopID();
    }
    ImGui::EndPopup();
}

void table(app::App& app, UiState& ui, const core::DeskData& d, float height) {
    const core::Plan& plan = app.plan();
    const core::Whitespace& w = d.whitespace;
    TabView& v = g_view;
    const int nf = static_cast<int>(w.families.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##whitespace", kFamilies + nf, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    const float fam_w = 76 * ui.dpr;
    ImGui::TableSetupColumn("Client", ImGuiTableColumnFlags_NoHide, 2.4f, kAccount);
    ImGui::TableSetupColumn("Pays", ImGuiTableColumnFlags_PreferSortDescending | ImGuiTableColumnFlags_WidthFixed,
                            70 * ui.dpr, kPays);
    for (int f = 0; f < nf; ++f)
        ImGui::TableSetupColumn(family_short_label(w.families[static_cast<std::size_t>(f)]).c_str(),
                                ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed, fam_w,
                                static_cast<ImGuiID>(kFamilies + f));
    ImGui::TableSetupColumn("Top recommendation", ImGuiTableColumnFlags_NoSort, 3.8f, kTop);
    ImGui::TableSetupColumn("Whitespace", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending |
                                              ImGuiTableColumnFlags_WidthFixed,
                            96 * ui.dpr, kValue);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed, 96 * ui.dpr, kAction);
    ImGui::TableHeadersRow();
    int col = v.sort_column;
    bool asc = v.ascending;
    if (table_sort(col, asc)) {
        v.sort_column = col;
        v.ascending = asc;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.cache.rows.size()));
    while (clipper.Step()) {
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const std::size_t r = v.cache.rows[static_cast<std::size_t>(k)];
            const core::WhitespaceRow& row = w.rows[r];
            const core::Account& a = plan.accounts[row.account];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            account_cell(ui, a, "whitespace");
            ImGui::TableNextColumn();
            text_right(core::format_money_short(row.mrc));
            for (int f = 0; f < nf; ++f) {
                ImGui::TableNextColumn();
                family_cell(ui, plan, w, r, static_cast<std::size_t>(f), a);
            }
            ImGui::TableNextColumn();
            const core::Recommendation* top = top_open(w, row);
            if (top) {
                // The product first, then why (the rule's conditions with the client's numbers).
                const std::string reason = core::recommendation_reason(plan, a, *top);
                const std::size_t arrow = reason.find(" \xE2\x86\x92 ");
                std::string product = reason.substr(arrow == std::string::npos ? 0 : arrow + 5);
                std::string why = arrow == std::string::npos ? std::string() : "  " + reason.substr(0, arrow);
                if (row.count > 1) why += "  (+" + std::to_string(row.count - 1) + " more)";
                const ImVec2 pos = ImGui::GetCursorScreenPos();
                const float avail = ImGui::GetContentRegionAvail().x;
                ImDrawList* dl = ImGui::GetWindowDrawList();
                const float ty = pos.y + ImGui::GetStyle().FramePadding.y;
                fit_text(product, avail * 0.5f);
                dl->AddText(ImVec2(pos.x, ty), palette().text, product.c_str());
                const float pw = ImGui::CalcTextSize(product.c_str()).x;
                draw_text_fit(dl, ui.fonts.body, ImVec2(pos.x + pw, ty), palette().text_muted, why, avail - pw);
                ImGui::Dummy(ImVec2(avail, ImGui::GetFrameHeight()));
            } else {
                text_muted(row.count ? "Already offered or declined" : "Nothing recommended");
            }
            if (ImGui::IsItemHovered() && row.count) recommendations_tooltip(ui, plan, w, row, a);
            ImGui::TableNextColumn();
            if (row.open_value > 0) {
                ImGui::PushFont(ui.fonts.bold);
                text_right(mrc_whole(row.open_value));
                ImGui::PopFont();
            } else {
                text_right("\xE2\x80\x94");
            }
            ImGui::TableNextColumn();
            if (top) {
                int open = 0;
                for (const core::Recommendation& x : w.of(row)) open += x.deal.state == core::LinkState::None;
                if (open == 1) {
                    if (create_button(ui, ICON_PLUS "  Upsell", "create_upsell:" + a.id,
                                      ("Creates the upsell opportunity: " + core::recommendation_reason(plan, a, *top) +
                                       ", " + mrc_whole(top->value) + ". Undo with Ctrl+Z.").c_str()))
                        app::create_upsell_opportunity(app, a.id, plan.upsell_rules[top->rule].id);
                } else if (create_button(ui, ICON_PLUS "  Upsell  " ICON_CHEVRON_RIGHT, "create_upsell:" + a.id,
                                         "Choose which recommendation to turn into an opportunity.")) {
                    v.popup_account = a.id;
                    v.open_popup = true;
                }
            }
        }
    }
    ImGui::EndTable();
}

} // namespace

void draw_desk_whitespace(app::App& app, UiState& ui) {
    const core::DeskData& d = desk_data(app);
    const DesksViewState& st = ui.desks;
    const core::Plan& plan = app.plan();
    TabView& v = g_view;
    const std::string key = desk_filter_key(st) + "|" + std::to_string(st.whitespace_only_open) + "|" +
                            std::to_string(st.whitespace_lacking) + "|" + std::to_string(v.sort_column) +
                            std::to_string(v.ascending);
    if (v.cache.stale(app, key)) rebuild(app, ui, d);
    const Palette& p = palette();
    const core::Whitespace& w = d.whitespace;
    std::size_t gap = 0;
    for (std::size_t f = 1; f < v.gaps.size(); ++f)
        if (v.gaps[f] > v.gaps[gap]) gap = f;
    int examples = 0;
    for (const core::Product& prod : plan.catalog) examples += prod.example_price;
    const Kpi kpis[] = {
        {"Whitespace", mrc_whole(v.open_value), "across " + core::format_count(v.with_open) + " clients",
         opportunity_type_colour(core::OpportunityType::Upsell),
         "Estimated monthly value of every recommendation no opportunity offers yet, priced at the "
         "catalog's 36-month prices."},
        {"Already offered", core::format_count(v.in_pipeline), "recommendations in open deals", p.accent,
         "Recommendations an open opportunity of the client already includes."},
        {"Biggest gap", v.gaps.empty() ? std::string("\xE2\x80\x94") : core::family_label(w.families[gap]),
         v.gaps.empty() ? std::string() : core::format_count(v.gaps[gap]) + " of " + core::format_count(v.clients) + " clients lack it",
         p.due_90, "The product family the most clients do not buy from you."},
        {"Prices", examples ? core::format_count(examples) + " examples" : std::string("Your rate card"),
         examples ? "replace them in Catalog & rules" : "every product priced by you", examples ? p.warning : p.success,
         "Values are estimated from the catalog's prices. The shipped prices are examples: "
         "replace them with your rate card."},
    };
    kpi_row(ui, kpis, 4);
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    controls(app, ui, w);
    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    if (v.cache.rows.empty()) {
        empty_state(ui, ICON_TH, w.rows.empty() ? "No clients yet" : "No whitespace in this view",
                    w.rows.empty()
                        ? "Whitespace compares what each client buys with your product families. Add "
                          "clients with their services to see it."
                        : plan.upsell_rules.empty()
                        ? "There are no upsell rules. Add some in Catalog & rules, or restore the default ones."
                        : "Show every client, pick another family, or clear the territory and search "
                          "filters.");
    } else {
        table(app, ui, d, fit_table_height(v.cache.rows.size(), ImGui::GetContentRegionAvail().y));
    }
    upsell_popup(app, ui, d);
}

} // namespace footprint::ui
