// The deal editor: amount, close date, stage, forecast category, probability and next step of one
// deal, saved as one undoable command. Changing the stage here applies the same rules as dragging
// the card (core/deal_rules.h), so the draft shows what the move will do before it is saved.
#include "app/pipeline_actions.h"
#include "core/format.h"
#include "core/money_input.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <cstdio>

namespace footprint::ui {

namespace {

constexpr const char* kPopup = "Edit deal##deal-editor";

// A field's label in its own column, so the inputs line up.
void label(const char* text, float width) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(width);
}

// "stage default: 75%  [Use it]" beside an overridden value.
bool reset_hint(const UiState& ui, const std::string& text, const char* id) {
    (void)ui;
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text_muted(text);
    ImGui::SameLine();
    return ImGui::SmallButton(id);
}

} // namespace

void open_deal_editor(const app::App& app, UiState& ui, const core::Opportunity& deal) {
    DealEditorState& e = ui.pipeline.editor;
    e.open = true;
    e.deal_id = deal.id;
    e.draft = deal;
    e.error.clear();
    const std::string mrc = core::cents_decimal(deal.mrc);
    std::snprintf(e.mrc, sizeof e.mrc, "%s", mrc.c_str());
    std::snprintf(e.next_step, sizeof e.next_step, "%s", deal.next_step.c_str());
    (void)app;
}

void draw_deal_editor(app::App& app, UiState& ui) {
    DealEditorState& e = ui.pipeline.editor;
    if (e.open && !ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
    if (!e.open) return;
    next_modal_placement(ui, 560 * ui.dpr);
    if (!ImGui::BeginPopupModal(kPopup, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize |
                                    ImGuiWindowFlags_NoSavedSettings))
        return;
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    const Palette& p = palette();
    auto idx = app.doc().index().opportunity(e.deal_id);
    if (!idx) { // deleted underneath (undo): nothing to edit
        e.open = false;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    core::Opportunity& d = e.draft;
    modal_title(ui, ("Edit deal  \xC2\xB7  " + app::deal_title(app, d)).c_str(), d.name);

    const float lw = 150 * ui.dpr;
    const float fw = ImGui::GetContentRegionAvail().x - lw;

    label("Monthly amount", lw);
    std::string money_error = e.error;
    money_field("##mrc", e.mrc, sizeof e.mrc, 180 * ui.dpr, money_error);
    e.error = money_error;
    core::ParsedCents mrc = core::parse_money(e.mrc);
    if (mrc.value) d.mrc = *mrc.value;
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text_muted("per month (MRC)");

    label("Close date", lw);
    std::optional<core::Date> close = d.close_date;
    if (date_field(ui, "##close", close, today, 180 * ui.dpr)) d.close_date = close;
    const bool open_deal = [&] {
        const core::Stage* s = core::find_stage(plan, d.stage);
        return !s || !s->closed;
    }();
    if (open_deal && d.close_date && *d.close_date < today) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(to_vec4(p.danger), ICON_WARNING " passed");
        ImGui::SameLine();
        const core::Date target = core::slip_target(today);
        const std::string b = "Move to " + core::format_date_short(target, today);
        if (ImGui::SmallButton(b.c_str())) d.close_date = target;
    }

    label("Stage", lw);
    ImGui::SetNextItemWidth(fw);
    if (ImGui::BeginCombo("##stage", d.stage.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const core::Stage& s : plan.stages) {
            char prob[16];
            std::snprintf(prob, sizeof prob, "%d%%", s.probability);
            if (ImGui::Selectable(s.name.c_str(), s.name == d.stage) && s.name != d.stage) {
                // The draft moves as a drag would: values set in the draft count as the user's own.
                d = core::moved_to_stage(plan, d, s, today);
            }
            ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(prob).x);
            text_muted(prob);
        }
        ImGui::EndCombo();
    }
    const core::Stage* stage = core::find_stage(plan, d.stage);

    label("Forecast category", lw);
    ImGui::SetNextItemWidth(180 * ui.dpr);
    if (ImGui::BeginCombo("##category", category_label(d.forecast_category))) {
        for (int c = 0; c < 5; ++c) {
            const auto cat = static_cast<core::ForecastCategory>(c);
            if (ImGui::Selectable(category_label(cat), cat == d.forecast_category))
                d.forecast_category = cat;
        }
        ImGui::EndCombo();
    }
    tooltip_on_hover(
        "Pipeline, Best Case and Commit say how sure you are; Closed is for won deals; "
        "Omitted keeps a deal out of the forecast.");
    if (stage && stage->category != d.forecast_category &&
        reset_hint(ui, std::string("stage default: ") + category_label(stage->category),
                   "Use it##cat"))
        d.forecast_category = stage->category;

    label("Probability", lw);
    ImGui::SetNextItemWidth(180 * ui.dpr);
    ImGui::SliderInt("##probability", &d.probability, 0, 100, "%d%%", ImGuiSliderFlags_AlwaysClamp);
    if (stage && stage->probability != d.probability &&
        reset_hint(ui, "stage default: " + std::to_string(stage->probability) + "%",
                   "Use it##prob"))
        d.probability = stage->probability;

    label("Next step", lw);
    ImGui::SetNextItemWidth(fw);
    ImGui::InputTextWithHint("##next", "What happens next, e.g. \"Send the quote to Maria\"",
                             e.next_step, sizeof e.next_step);
    d.next_step = e.next_step;

    ImGui::Dummy(ImVec2(0, 2 * ui.dpr));
    const bool open_now = !stage || !stage->closed;
    if (open_now)
        text_muted("Weighted: " + mrc_whole(core::weighted_mrc(d.mrc, d.probability)) +
                   " (MRC \xC3\x97 probability)  \xC2\xB7  counts as " +
                   category_label(d.forecast_category) + " in " +
                   (d.close_date ? month_year(core::YearMonth::of(*d.close_date)) : "no month"));
    else
        text_muted(
            std::string(stage->won ? "Won" : "Lost") +
            (d.close_date ? " on " + core::format_date(*d.close_date) : std::string()) +
            (stage->won ? ": counts as closed won in that month." : ": out of the forecast."));
    if (!e.error.empty()) ImGui::TextColored(to_vec4(p.danger), "%s", e.error.c_str());

    const int r = modal_buttons(ui, "Save", e.error.empty());
    const bool enter =
        ImGui::IsKeyPressed(ImGuiKey_Enter, false) && e.error.empty() && !ImGui::IsAnyItemActive();
    if (r == 1 || enter) {
        app::edit_deal(app, d);
        e.open = false;
        ImGui::CloseCurrentPopup();
    } else if (r == -1) {
        e.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace footprint::ui
