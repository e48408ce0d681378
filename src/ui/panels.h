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

// Sharing, merging and the team roll-up (share_dialog.cpp, merge_window.cpp, rollup_window.cpp).
void draw_share_dialog(app::App& app, UiState& ui);
void draw_merge_window(app::App& app, UiState& ui);
void draw_rollup_window(app::App& app, UiState& ui);
// What the share dialog's choices describe.
core::ShareOptions share_options(const app::App& app, const UiState& ui);
// The dialog's "Download share file": makes the file, downloads it and says so (test API too).
app::ShareFile share_and_download(app::App& app, UiState& ui, const core::ShareOptions& options);
// The roll-up window's "Export CSV".
void export_rollup_csv(app::App& app, UiState& ui);
// The roll-up's months and team quota as the window sets them.
core::RollupOptions rollup_options(const app::App& app, const UiState& ui);

} // namespace footprint::ui
