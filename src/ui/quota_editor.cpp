// The quota editor: the monthly revenue quota and, for the year shown, a different quota for some
// months (0 means no quota that month). Applied as one undoable command.
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

constexpr const char* kPopup = "Quota##quota-editor";

void fill(TextField& f, core::Cents c) {
    std::snprintf(f.text, sizeof f.text, "%s", core::format_money(c).c_str() + 1); // no "$"
    f.error.clear();
}

} // namespace

void open_quota_editor(const app::App& app, UiState& ui) {
    QuotaEditorState& q = ui.forecast.quota;
    const core::Quota& quota = app.plan().quota;
    q.year = core::YearMonth::of(app.clock().today()).year() + ui.forecast.year_offset;
    fill(q.monthly, quota.monthly_revenue);
    for (int m = 0; m < 12; ++m) {
        auto it = quota.month_override.find(core::YearMonth::of(q.year, m + 1));
        if (it != quota.month_override.end())
            fill(q.months[m], it->second);
        else
            q.months[m] = TextField{};
    }
    ui.forecast.quota_open = true;
}

void draw_quota_editor(app::App& app, UiState& ui) {
    ForecastViewState& fv = ui.forecast;
    if (fv.quota_open && !ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
    if (!fv.quota_open) return;
    next_modal_placement(ui, 560 * ui.dpr);
    if (!ImGui::BeginPopupModal(kPopup, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize |
                                    ImGuiWindowFlags_NoSavedSettings))
        return;
    QuotaEditorState& q = fv.quota;
    const Palette& p = palette();
    modal_title(ui, ("Quota  \xC2\xB7  " + std::to_string(q.year)).c_str(),
                "New monthly recurring revenue to sell each month. Attainment, gap to goal, "
                "coverage and commission tiers are measured against it.");

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Every month");
    ImGui::SameLine(150 * ui.dpr);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("$");
    ImGui::SameLine(0, 4 * ui.dpr);
    money_field("##monthly", q.monthly.text, sizeof q.monthly.text, 160 * ui.dpr, q.monthly.error);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text_muted("per month; 0 for no quota");
    const core::ParsedCents monthly = core::parse_money(q.monthly.text);
    bool ok = monthly.value.has_value();

    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    text_muted("A different quota for some months of " + std::to_string(q.year) +
               " (leave empty to use the monthly quota):");
    if (ImGui::BeginTable("##months", 6, ImGuiTableFlags_SizingStretchProp)) {
        for (int m = 0; m < 12; ++m) {
            if (m % 3 == 0) ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(month_short(m + 1));
            ImGui::TableNextColumn();
            TextField& f = q.months[m];
            ImGui::PushID(m);
            const std::string hint =
                monthly.value ? core::format_money(*monthly.value).substr(1) : std::string("");
            ImGui::SetNextItemWidth(110 * ui.dpr);
            ImGui::InputTextWithHint("##q", hint.c_str(), f.text, sizeof f.text);
            if (f.text[0]) {
                const core::ParsedCents v = core::parse_money(f.text);
                f.error = v.value
                              ? std::string()
                              : std::string(month_long(m + 1)) + ": the amount " + v.error + ".";
                if (v.value && *v.value == 0) tooltip_on_hover("No quota this month");
            } else {
                f.error.clear();
            }
            ok = ok && f.error.empty();
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (!q.monthly.error.empty())
        ImGui::TextColored(to_vec4(p.danger), "Every month: %s", q.monthly.error.c_str());
    for (const TextField& f : q.months)
        if (!f.error.empty()) ImGui::TextColored(to_vec4(p.danger), "%s", f.error.c_str());

    const int r = modal_buttons(ui, "Apply", ok);
    if (r == 1 && ok) {
        core::Quota quota = app.plan().quota;
        quota.monthly_revenue = *monthly.value;
        for (int m = 0; m < 12; ++m) {
            const core::YearMonth ym = core::YearMonth::of(q.year, m + 1);
            quota.month_override.erase(ym);
            if (!q.months[m].text[0]) continue;
            const core::Cents v = *core::parse_money(q.months[m].text).value;
            if (v != quota.monthly_revenue) quota.month_override[ym] = v;
        }
        app::set_quota(app, std::move(quota));
        fv.quota_open = false;
        ImGui::CloseCurrentPopup();
    } else if (r == -1) {
        fv.quota_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace footprint::ui
