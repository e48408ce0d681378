// The proposal editor (see proposal_editor.h).
#include "ui/proposal_editor.h"

#include "app/proposal_actions.h"
#include "core/desk_common.h"
#include "core/format.h"
#include "core/money_input.h"
#include "core/summary.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace footprint::ui {

namespace {

constexpr const char* kPopup = "Proposal##proposal-editor";

std::string family_label(std::string f) {
    if (f == "tv") return "TV";
    if (!f.empty() && f[0] >= 'a' && f[0] <= 'z') f[0] = static_cast<char>(f[0] - 'a' + 'A');
    return f;
}

// Reads the typed texts into the draft; the first problem per field goes to `problems`.
void read_texts(ProposalEditorState& st, std::vector<std::string>& problems) {
    core::Proposal& p = st.draft;
    p.title = st.title;
    p.contact = st.contact;
    p.note = st.note;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        core::ProposalLine& l = p.lines[i];
        const std::string& d = st.discount_text[i];
        if (d.empty()) {
            l.discount_bp = 0;
        } else if (auto r = core::parse_percent_bp(d, core::kMaxDiscountBp); r.bp) {
            l.discount_bp = *r.bp;
        } else {
            problems.push_back(l.name + ": discount \"" + d + "\" is not a percent from 0 to 100.");
        }
        const std::string& o = st.otc_text[i];
        if (o.empty()) {
            l.otc = 0;
        } else if (auto m = core::parse_money(o); m.value && *m.value >= 0) {
            l.otc = *m.value;
        } else {
            problems.push_back(l.name + ": one-time charge \"" + o + "\" is not an amount.");
        }
    }
}

void lines_table(const app::App& app, UiState& ui, ProposalEditorState& st) {
    core::Proposal& p = st.draft;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    int remove = -1;
    if (ImGui::BeginTable("##lines", 7, flags)) {
        ImGui::TableSetupColumn("Product", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Qty", 0, 96 * ui.dpr);
        ImGui::TableSetupColumn("List / mo", 0, 90 * ui.dpr);
        ImGui::TableSetupColumn("Discount %", 0, 84 * ui.dpr);
        ImGui::TableSetupColumn("Monthly", 0, 96 * ui.dpr);
        ImGui::TableSetupColumn("One-time $", 0, 96 * ui.dpr);
        ImGui::TableSetupColumn("", 0, ImGui::GetFrameHeight());
        const char* const names[] = {"Product",  "Qty",        "List / mo", "Discount %",
                                     "Monthly", "One-time $", ""};
        const bool right[] = {false, true, true, true, true, true, false};
        table_header_row(names, right, 7);
        for (std::size_t i = 0; i < p.lines.size(); ++i) {
            core::ProposalLine& l = p.lines[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(l.name.c_str());
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            ImGui::InputInt("##qty", &l.quantity, 1, 10);
            l.quantity = std::clamp(l.quantity, 1, 100000);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            text_right(core::format_money(l.unit_mrc));
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            ImGui::InputTextWithHint("##disc", "0", &st.discount_text[i],
                                     ImGuiInputTextFlags_CharsDecimal);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            text_right(core::format_money(core::line_mrc(l)));
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            ImGui::InputTextWithHint("##otc", "0", &st.otc_text[i]);
            ImGui::TableNextColumn();
            if (icon_button(ICON_TRASH "##rm", "Remove this line")) remove = static_cast<int>(i);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        const auto at = static_cast<std::ptrdiff_t>(remove);
        p.lines.erase(p.lines.begin() + at);
        st.discount_text.erase(st.discount_text.begin() + at);
        st.otc_text.erase(st.otc_text.begin() + at);
    }
    if (p.lines.empty())
        text_muted("No products yet: add them from the catalog below.");
    if (ImGui::Button(ICON_PLUS "  Add product")) ImGui::OpenPopup("##add-product");
    if (ImGui::BeginPopup("##add-product")) {
        std::string family;
        for (const core::Product& prod : app.plan().catalog) {
            if (prod.family != family) {
                family = prod.family;
                ImGui::SeparatorText(family.c_str());
            }
            const std::string price = core::format_mrc(core::catalog_price(prod, p.term_months));
            if (ImGui::Selectable((prod.name + "##" + prod.id).c_str()))
                proposal_add_product(app, ui, prod.id);
            ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(price.c_str()).x);
            text_muted(price);
        }
        if (app.plan().catalog.empty()) text_muted("The catalog is empty: add products in Desks.");
        ImGui::EndPopup();
    }
}

void replaces_and_comparison(const app::App& app, const core::Account& a, UiState& ui,
                             ProposalEditorState& st) {
    const Palette& pal = palette();
    core::Proposal& p = st.draft;
    const core::ProposalTotals t = core::proposal_totals(a, p, &app.plan().catalog);
    const float half = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted("What they have today");
    ImGui::PopFont();
    if (a.services.empty()) text_muted("No services: everything proposed is new.");
    for (const core::Service& s : a.services) {
        auto it = std::find(p.replaces.begin(), p.replaces.end(), s.id);
        bool replace = it != p.replaces.end();
        ImGui::PushID(s.id.c_str());
        if (ImGui::Checkbox("##rep", &replace)) {
            if (replace)
                p.replaces.push_back(s.id);
            else
                p.replaces.erase(it);
        }
        ImGui::SetItemTooltip("Tick when the proposal replaces this service");
        ImGui::SameLine();
        ImGui::TextUnformatted(product_label(app.plan(), s).c_str());
        const std::string mrc = core::format_mrc(s.mrc);
        ImGui::SameLine(half - 16 * ui.dpr - ImGui::CalcTextSize(mrc.c_str()).x);
        ImGui::TextUnformatted(mrc.c_str());
        ImGui::PopID();
    }
    ImGui::EndGroup();
    ImGui::SameLine(half + 16 * ui.dpr);
    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted("Compared with today");
    ImGui::PopFont();
    const float vx = ImGui::GetContentRegionAvail().x;
    const float x0 = ImGui::GetCursorPosX();
    const auto line = [&](const char* label, const std::string& value, ImU32 colour) {
        ImGui::SetCursorPosX(x0);
        ImGui::TextUnformatted(label);
        // SameLine(x) would count the group's offset twice: place the number window-relative.
        ImGui::SameLine();
        ImGui::SetCursorPosX(x0 + vx - ImGui::CalcTextSize(value.c_str()).x);
        ImGui::TextColored(to_vec4(colour), "%s", value.c_str());
    };
    line("Today", core::format_mrc(t.current_mrc), pal.text);
    if (t.replaced_mrc) line("Replaced", "\xE2\x88\x92" + core::format_mrc(t.replaced_mrc), pal.text_muted);
    line("Proposed", "+" + core::format_mrc(t.new_mrc), pal.text);
    if (t.discount) line("  of which discounts", "\xE2\x88\x92" + core::format_mrc(t.discount), pal.text_muted);
    line("Monthly once signed", core::format_mrc(t.after_mrc), pal.text);
    line("Monthly change", (t.monthly_change > 0 ? "+" : "") + core::format_mrc(t.monthly_change),
         t.monthly_change >= 0 ? pal.success : pal.danger);
    line("One-time charges", core::format_money(t.otc), pal.text);
    line("Total contract value", core::format_money(t.tcv), pal.text);
    if (!t.added_families.empty()) {
        std::string added;
        for (const std::string& f : t.added_families)
            added += (added.empty() ? "" : ", ") + family_label(f);
        ImGui::SetCursorPosX(x0);
        ImGui::TextColored(to_vec4(pal.success), ICON_PLUS " New for them: %s", added.c_str());
    }
    ImGui::EndGroup();
}

} // namespace

void open_proposal_editor(const app::App& app, UiState& ui, const std::string& account_id,
                          const std::string& opportunity_id) {
    const core::Account* a = find_account(app, account_id);
    if (!a) return;
    ProposalEditorState& st = ui.proposal;
    st = ProposalEditorState{};
    st.open = true;
    st.draft = core::new_proposal(*a, app.clock().today());
    st.draft.opportunity_id = opportunity_id;
    if (opportunity_id.empty()) { // the account's one open deal, if it has exactly one
        const core::Opportunity* only = nullptr;
        int open = 0;
        for (const core::Opportunity& o : app.plan().opportunities)
            if (o.account_id == a->id && core::deal_state(app.plan(), o) == core::DealState::Open) {
                only = &o;
                ++open;
            }
        if (open == 1) st.draft.opportunity_id = only->id;
    }
    st.contact = st.draft.contact;
}

void proposal_apply_texts(UiState& ui) {
    std::vector<std::string> problems;
    read_texts(ui.proposal, problems);
}

void proposal_add_product(const app::App& app, UiState& ui, const std::string& product_id) {
    ProposalEditorState& st = ui.proposal;
    const core::Product* prod = core::find_product(app.plan(), product_id);
    if (!prod) return;
    st.draft.lines.push_back(core::proposal_line(*prod, st.draft.term_months));
    st.discount_text.emplace_back();
    st.otc_text.push_back(prod->otc ? core::cents_decimal(prod->otc) : std::string());
    if (st.title.empty()) st.title = prod->name;
}

void proposal_download(app::App& app, UiState& ui) {
    ProposalEditorState& st = ui.proposal;
    const core::Account* a = find_account(app, st.draft.account_id);
    if (!a || !ui.hooks.download) return;
    st.problems.clear();
    read_texts(st, st.problems);
    if (!st.problems.empty()) return;
    const core::Date today = app.clock().today();
    const std::string name = core::proposal_file_name(*a, today);
    ui.hooks.download(name, "text/html;charset=utf-8",
                      core::proposal_html(app.plan(), *a, st.draft, today));
    app.notify(app::Notice::Kind::Success, "Proposal downloaded",
               "Open " + name + " from your downloads and print it, or save it as PDF.");
}

bool proposal_mark_sent(app::App& app, UiState& ui) {
    ProposalEditorState& st = ui.proposal;
    st.problems.clear();
    read_texts(st, st.problems);
    if (!st.problems.empty()) return false;
    auto sent = app::send_proposal(app, st.draft, st.problems);
    if (!sent) return false;
    st.last_sent_activity = sent->activity_id;
    st.last_sent_opportunity = sent->opportunity_id;
    app.notify(app::Notice::Kind::Success, app.doc().undo_label(),
               std::string(sent->created_opportunity ? "A new opportunity is in the pipeline"
                                                     : "Its opportunity is updated") +
                   " and a follow-up is on your task list. Undo with Ctrl+Z.");
    st.open = false;
    return true;
}

void draw_proposal_editor(app::App& app, UiState& ui) {
    ProposalEditorState& st = ui.proposal;
    if (!st.open) return;
    if (!ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
    {   // centred every frame (see activity_log.cpp's place_modal)
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f,
                                       vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(900 * ui.dpr, 0));
    }
    if (!ImGui::BeginPopupModal(kPopup, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize |
                                    ImGuiWindowFlags_NoSavedSettings))
        return;
    const core::Account* a = find_account(app, st.draft.account_id);
    if (!a) {
        st.open = false;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const core::Date today = app.clock().today();
    core::Proposal& p = st.draft;
    modal_title(ui, ("Proposal  \xC2\xB7  " + a->name).c_str(),
                "Pick products and a term; the comparison updates as you type. Download it to "
                "print, then mark it as sent.");
    const float lw = 100 * ui.dpr;
    ImGui::AlignTextToFramePadding();
    text_muted("Title");
    ImGui::SameLine(lw);
    ImGui::SetNextItemWidth(360 * ui.dpr);
    ImGui::InputTextWithHint("##title", "e.g. Gigabit Internet and Hosted Voice", &st.title);
    ImGui::SameLine(0, 16 * ui.dpr);
    ImGui::AlignTextToFramePadding();
    text_muted("Prepared for");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##contact", "Contact name", &st.contact);

    ImGui::AlignTextToFramePadding();
    text_muted("Term");
    ImGui::SameLine(lw);
    const char* const terms[] = {"12 months", "36 months", "60 months"};
    int term = p.term_months == 12 ? 0 : p.term_months == 60 ? 2 : 1;
    if (segmented(ui, "term", terms, 3, term))
        core::set_proposal_term(app.plan(), p, core::kProposalTerms[term]);
    ImGui::SameLine(0, 16 * ui.dpr);
    ImGui::AlignTextToFramePadding();
    text_muted("Valid until");
    ImGui::SameLine();
    std::optional<core::Date> valid = p.valid_until;
    if (date_field(ui, "##valid", valid, today, 150 * ui.dpr, "No date") && valid)
        p.valid_until = *valid;
    ImGui::SameLine(0, 16 * ui.dpr);
    ImGui::AlignTextToFramePadding();
    text_muted("Deal");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    const core::Opportunity* linked = nullptr;
    if (auto i = app.doc().index().opportunity(p.opportunity_id))
        linked = &app.plan().opportunities[*i];
    if (ImGui::BeginCombo("##deal", linked ? linked->name.c_str() : "A new opportunity")) {
        if (ImGui::Selectable("A new opportunity", !linked)) p.opportunity_id.clear();
        for (const core::Opportunity& o : app.plan().opportunities)
            if (o.account_id == a->id &&
                core::deal_state(app.plan(), o) == core::DealState::Open &&
                ImGui::Selectable((o.name + "##" + o.id).c_str(), linked == &o))
                p.opportunity_id = o.id;
        ImGui::EndCombo();
    }
    ImGui::SetItemTooltip("Sending updates this deal's amount and stage, or creates a new one");

    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    lines_table(app, ui, st);
    std::vector<std::string> typing_problems;
    read_texts(st, typing_problems);
    const bool example = std::any_of(p.lines.begin(), p.lines.end(), [&](const core::ProposalLine& l) {
        const core::Product* prod = core::find_product(app.plan(), l.product_id);
        return prod && prod->example_price;
    });
    if (example) {
        ImGui::SameLine(0, 12 * ui.dpr);
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(to_vec4(palette().warning),
                           ICON_WARNING "  Example catalog prices: set your rate card in Desks > Catalog");
    }
    ImGui::Separator();
    replaces_and_comparison(app, *a, ui, st);
    ImGui::Separator();
    ImGui::AlignTextToFramePadding();
    text_muted("Cover note");
    ImGui::InputTextMultiline("##note", &st.note, ImVec2(-1, 60 * ui.dpr));
    for (const std::string& s : typing_problems)
        ImGui::TextColored(to_vec4(palette().danger), ICON_WARNING "  %s", s.c_str());
    for (const std::string& s : st.problems)
        ImGui::TextColored(to_vec4(palette().danger), ICON_WARNING "  %s", s.c_str());

    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    if (ImGui::Button(ICON_PRINT "  Download to print")) proposal_download(app, ui);
    tooltip_on_hover("A self-contained page: open it and print, or save it as PDF");
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* primary = ICON_CHECK "  Mark as sent";
    const float w = ImGui::CalcTextSize("Cancel").x + ImGui::CalcTextSize(primary).x +
                    style.FramePadding.x * 4 + style.ItemSpacing.x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
    const bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    ImGui::SameLine();
    ImGui::BeginDisabled(p.lines.empty() || !typing_problems.empty());
    const bool send = primary_button(primary);
    ImGui::EndDisabled();
    ImGui::SetItemTooltip("Records a \"proposal sent\" activity and creates or updates the "
                          "deal, as one step you can undo");
    if (send) {
        if (proposal_mark_sent(app, ui)) ImGui::CloseCurrentPopup();
    } else if (cancel) {
        st.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace footprint::ui
