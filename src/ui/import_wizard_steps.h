// The import wizard's steps, drawn inside its window (import_wizard.cpp).
#pragma once

#include "ui/ui.h"

#include <string>

namespace footprint::ui {

void wizard_progress(const UiState& ui, const std::string& title, double fraction,
                     const std::string& detail);
void wizard_file_step(app::App& app, UiState& ui);
void wizard_columns_step(app::App& app, UiState& ui);
void wizard_dates_step(app::App& app, UiState& ui);
void wizard_review_step(app::App& app, UiState& ui);
void wizard_done_step(app::App& app, UiState& ui);
void wizard_failed_step(app::App& app, UiState& ui);

} // namespace footprint::ui
