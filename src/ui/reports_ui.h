// The Reports view's parts: the numbers for the chosen period, and the tabs that draw them.
#pragma once

#include "core/reports.h"
#include "ui/ui.h"
#include "ui/view_common.h"

#include <imgui.h>

namespace footprint::ui {

struct ReportsModel {
    CacheKey key;
    core::Period period;
    core::ActivityPeriodReport activity;
    core::RenewalReport renewals;
    core::WinbackReport winbacks;
};
// Rebuilt when the plan, the day or the period changes.
const ReportsModel& reports_model(const app::App& app, const UiState& ui);
// The period ui.reports points at: this week or month, or `offset` back.
core::Period report_period(const UiState& ui, core::Date today);

// A card with a bold title and a muted note at the right (drawn, not a child window).
void report_card(const UiState& ui, ImVec2 origin, ImVec2 size, const char* title,
                 const std::string& note);

// The CSV button (the current tab's report) or the Print button (every report, as HTML).
void reports_export(app::App& app, UiState& ui, bool html);

void draw_report_activity(app::App& app, UiState& ui, const ReportsModel& m);
void draw_report_renewals(app::App& app, UiState& ui, const ReportsModel& m);
void draw_report_winbacks(app::App& app, UiState& ui, const ReportsModel& m);
void draw_report_tasks(app::App& app, UiState& ui);

} // namespace footprint::ui
