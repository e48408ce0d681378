// The commission plan editor: base rate, tiers with accelerators, extra rates for product families
// and win-backs, with a live preview of what a month pays at a few attainments. Applied as one
// undoable command.
#include "app/pipeline_actions.h"
#include "core/format.h"
#include "core/money_input.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <set>

namespace footprint::ui {

namespace {

constexpr const char* kPopup = "Commission plan##commission-editor";

void set(TextField& f, const std::string& text) {
    std::snprintf(f.text, sizeof f.text, "%s", text.c_str());
    f.error.clear();
}

// The plan the fields describe, or nullopt while a field is not a number.
std::optional<core::CommissionPlan> draft_plan(const CommissionEditorState& e,
                                               const core::CommissionPlan& base) {
    core::CommissionPlan c;
    c.extra = base.extra;
    auto rate = [](const TextField& f) { return core::parse_percent_bp(f.text).bp; };
    const auto b = rate(e.base), w = rate(e.winback);
    if (!b || !w) return std::nullopt;
    c.base_rate_bp = *b;
    c.winback_bonus_bp = *w;
    for (const auto& [from, r] : e.tiers) {
        const auto f = core::parse_percent_bp(from.text, 10'000'000);
        const auto v = rate(r);
        if (!f.bp || !v || *f.bp % 100 != 0) return std::nullopt;
        c.tiers.push_back({*f.bp / 100, *v});
    }
    for (const auto& [family, r] : e.families) {
        const auto v = rate(r);
        if (!v) return std::nullopt;
        c.family_bonus_bp[family] = *v;
    }
    return c;
}

void rate_input(const UiState& ui, const char* id, TextField& f, float width) {
    rate_field(id, f.text, sizeof f.text, width, f.error);
    ImGui::SameLine(0, 4 * ui.dpr);
    ImGui::AlignTextToFramePadding();
    text_muted("%");
}

} // namespace

void open_commission_editor(const app::App& app, UiState& ui) {
    CommissionEditorState& e = ui.forecast.commission;
    const core::CommissionPlan& c = app.plan().commission;
    set(e.base, core::rate_input_text(c.base_rate_bp));
    set(e.winback, core::rate_input_text(c.winback_bonus_bp));
    e.tiers.clear();
    for (const core::CommissionTier& t : c.tiers) {
        std::pair<TextField, TextField> row;
        set(row.first, std::to_string(t.from_attainment_pct));
        set(row.second, core::rate_input_text(t.rate_bp));
        e.tiers.push_back(row);
    }
    e.families.clear();
    for (const auto& [family, bp] : c.family_bonus_bp) {
        TextField f;
        set(f, core::rate_input_text(bp));
        e.families.emplace_back(family, f);
    }
    e.problems.clear();
    ui.forecast.commission_open = true;
}

void draw_commission_editor(app::App& app, UiState& ui) {
    ForecastViewState& fv = ui.forecast;
    if (fv.commission_open && !ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
    if (!fv.commission_open) return;
    next_modal_placement(ui, 640 * ui.dpr);
    if (!ImGui::BeginPopupModal(kPopup, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize |
                                    ImGuiWindowFlags_NoSavedSettings))
        return;
    CommissionEditorState& e = fv.commission;
    const core::Plan& plan = app.plan();
    const Palette& p = palette();
    modal_title(ui, "Commission plan",
                "Rates are percentages of the new MRC closed won each month (100% pays one month "
                "of MRC).");
    const float rw = 90 * ui.dpr;
    const float rate_x = 370 * ui.dpr; // every rate field lines up

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Base rate");
    ImGui::SameLine(rate_x);
    rate_input(ui, "##base", e.base, rw);
    ImGui::SameLine();
    text_muted("until the first tier");

    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    ImGui::TextUnformatted("Tiers (accelerators)");
    tooltip_on_hover("From an attainment on, each further dollar earns the tier's rate. The last "
                     "tier is uncapped.");
    int remove_tier = -1;
    for (std::size_t i = 0; i < e.tiers.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::AlignTextToFramePadding();
        text_muted(i == 0 ? "From" : "then from");
        ImGui::SameLine(80 * ui.dpr);
        TextField& from = e.tiers[i].first;
        ImGui::SetNextItemWidth(70 * ui.dpr);
        ImGui::InputTextWithHint("##from", "100", from.text, sizeof from.text);
        const auto f = core::parse_percent_bp(from.text, 10'000'000);
        from.error = !f.bp         ? "A tier's start " + f.error + "."
                     : *f.bp % 100 ? std::string("A tier starts at a whole percent of quota.")
                                   : std::string();
        ImGui::SameLine(0, 4 * ui.dpr);
        ImGui::AlignTextToFramePadding();
        text_muted("% of quota, each dollar earns");
        ImGui::SameLine(rate_x);
        rate_input(ui, "##rate", e.tiers[i].second, rw);
        ImGui::SameLine();
        if (icon_button(ICON_TRASH "##del", "Remove this tier")) remove_tier = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove_tier >= 0) e.tiers.erase(e.tiers.begin() + remove_tier);
    if (ImGui::SmallButton(ICON_PLUS " Add a tier")) {
        std::pair<TextField, TextField> row;
        int next = 100;
        if (!e.tiers.empty())
            if (auto f = core::parse_percent_bp(e.tiers.back().first.text, 10'000'000).bp)
                next = *f / 100 + 25;
        set(row.first, std::to_string(next));
        set(row.second, "150");
        e.tiers.push_back(row);
    }

    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    ImGui::TextUnformatted("Extra rates, added on top");
    ImGui::AlignTextToFramePadding();
    text_muted("Win-back deals");
    ImGui::SameLine(rate_x);
    rate_input(ui, "##winback", e.winback, rw);
    int remove_family = -1;
    std::set<std::string> families;
    for (const core::Product& prod : plan.catalog)
        if (!prod.family.empty()) families.insert(prod.family);
    for (std::size_t i = 0; i < e.families.size(); ++i) {
        ImGui::PushID(1000 + static_cast<int>(i));
        ImGui::AlignTextToFramePadding();
        text_muted("Deals with");
        ImGui::SameLine(80 * ui.dpr);
        ImGui::SetNextItemWidth(160 * ui.dpr);
        if (ImGui::BeginCombo("##family", e.families[i].first.c_str())) {
            for (const std::string& f : families)
                if (ImGui::Selectable(f.c_str(), f == e.families[i].first)) e.families[i].first = f;
            ImGui::EndCombo();
        }
        tooltip_on_hover("A product family from the catalog: deals with a product of this family "
                         "earn the extra rate (the highest one, if several apply).");
        ImGui::SameLine(rate_x);
        rate_input(ui, "##fam-rate", e.families[i].second, rw);
        ImGui::SameLine();
        if (icon_button(ICON_TRASH "##del", "Remove this extra rate"))
            remove_family = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove_family >= 0) e.families.erase(e.families.begin() + remove_family);
    std::string unused;
    for (const std::string& f : families)
        if (std::none_of(e.families.begin(), e.families.end(),
                         [&](const auto& x) { return x.first == f; })) {
            unused = f;
            break;
        }
    ImGui::BeginDisabled(unused.empty());
    if (ImGui::SmallButton(ICON_PLUS " Add a product family")) {
        TextField t;
        set(t, "25");
        e.families.emplace_back(unused, t);
    }
    ImGui::EndDisabled();

    // Problems and a preview of the plan as typed.
    const std::optional<core::CommissionPlan> draft = draft_plan(e, plan.commission);
    std::vector<std::string> problems;
    for (const TextField* f : {&e.base, &e.winback})
        if (!f->error.empty()) problems.push_back(f->error);
    for (const auto& [from, rate] : e.tiers) {
        if (!from.error.empty()) problems.push_back(from.error);
        if (!rate.error.empty()) problems.push_back(rate.error);
    }
    if (draft)
        for (const std::string& s : core::check_commission_plan(*draft))
            problems.push_back(s);
    std::sort(problems.begin(), problems.end());
    problems.erase(std::unique(problems.begin(), problems.end()), problems.end());

    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    ImGui::Separator();
    if (!problems.empty()) {
        for (const std::string& s : problems)
            ImGui::TextColored(to_vec4(p.danger), ICON_EXCLAMATION_CIRCLE "  %s", s.c_str());
    } else if (draft) {
        const core::Cents quota =
            plan.quota.monthly_revenue > 0 ? plan.quota.monthly_revenue : 1000000;
        ImGui::PushFont(ui.fonts.bold);
        ImGui::Text("What a month pays on a %s quota", money_whole(quota).c_str());
        ImGui::PopFont();
        if (ImGui::BeginTable("##preview", 5, ImGuiTableFlags_SizingStretchSame)) {
            for (int pct : {50, 100, 120, 150, 200}) {
                ImGui::TableNextColumn();
                const core::Cents won = core::mul_div_round(quota, pct, 100);
                core::Cents pay = 0;
                for (const core::CommissionBand& b : core::commission_bands(*draft, quota, won))
                    pay += b.payout;
                text_muted(std::to_string(pct) + "% (" + money_whole(won) + ")");
                ImGui::PushFont(ui.fonts.bold);
                ImGui::TextUnformatted(money_whole(pay).c_str());
                ImGui::PopFont();
            }
            ImGui::EndTable();
        }
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x);
        text_muted("Tiers are marginal, like tax brackets: a tier's rate applies to the dollars "
                   "above its threshold only, so reaching it never lowers or raises what the "
                   "dollars below it earned. Before extra rates.");
        ImGui::PopTextWrapPos();
    }

    const int r = modal_buttons(ui, "Apply", problems.empty() && draft.has_value());
    if (r == 1 && draft) {
        core::CommissionPlan c = *draft;
        std::stable_sort(c.tiers.begin(), c.tiers.end(), [](const auto& a, const auto& b) {
            return a.from_attainment_pct < b.from_attainment_pct;
        });
        std::vector<std::string> refused;
        app::set_commission_plan(app, std::move(c), refused);
        fv.commission_open = false;
        ImGui::CloseCurrentPopup();
    } else if (r == -1) {
        fv.commission_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace footprint::ui
