// The views and bars that make up the window, one file each.
#pragma once

#include "ui/icons.h"
#include "ui/ui.h"
#include "ui/widgets.h"

namespace footprint::ui {

void draw_top_bar(app::App& app, UiState& ui);
void draw_status_bar(app::App& app, UiState& ui);
void draw_notices(app::App& app, UiState& ui);
void draw_banners(app::App& app, UiState& ui); // new version ready, storage full
void draw_settings_window(app::App& app, UiState& ui);
void draw_shortcuts_window(UiState& ui);

void draw_map_panel(app::App& app, UiState& ui);
void draw_accounts_panel(app::App& app, UiState& ui);
void draw_desks_panel(app::App& app, UiState& ui);
void draw_pipeline_panel(app::App& app, UiState& ui);
void draw_forecast_panel(app::App& app, UiState& ui);
void draw_week_panel(app::App& app, UiState& ui);
void draw_reports_panel(app::App& app, UiState& ui);

// Downloads the open plan as NAME.footprint.json.
void export_plan(app::App& app, UiState& ui);

} // namespace footprint::ui
