// Pieces the pipeline and forecast views share: the derived numbers they draw, their parts (board,
// table, chart, commission, what-if), their editors (deal, stages, quota, commission plan) and a
// few widgets (date field, money field, category pills).
#pragma once

#include "core/commission.h"
#include "core/forecast.h"
#include "ui/icons.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

// Fork Awesome glyphs the base icon list (ui/icons.h) does not name (guarded, so icons.h may
// name them later).
#ifndef ICON_ARROW_RIGHT
#define ICON_ARROW_RIGHT "\xef\x81\xa1"   // U+F061
#endif
#ifndef ICON_SLIDERS
#define ICON_SLIDERS "\xef\x87\x9e"       // U+F1DE
#endif
#ifndef ICON_TABLE
#define ICON_TABLE "\xef\x83\x8e"         // U+F0CE
#endif
#ifndef ICON_COLUMNS
#define ICON_COLUMNS "\xef\x83\x9b"       // U+F0DB
#endif
#ifndef ICON_MAGIC
#define ICON_MAGIC "\xef\x83\x90"         // U+F0D0
#endif
#ifndef ICON_FORWARD
#define ICON_FORWARD "\xef\x81\x8e"       // U+F04E
#endif
#ifndef ICON_CALENDAR_PLUS
#define ICON_CALENDAR_PLUS "\xef\x89\xb1" // U+F271
#endif
#ifndef ICON_ARROW_UP
#define ICON_ARROW_UP "\xef\x81\xa2"      // U+F062
#endif
#ifndef ICON_ARROW_DOWN
#define ICON_ARROW_DOWN "\xef\x81\xa3"    // U+F063
#endif

namespace footprint::ui {

// --- words and colours (forecast_widgets.cpp) ----------------------------------------------------

const char* category_label(core::ForecastCategory c); // "Best Case"
// Closed green, Commit blue, Best Case and Pipeline lighter blues, Omitted grey: the chart's
// series.
ImU32 category_colour(core::ForecastCategory c);
// The chart's series colours, bottom to top.
ImU32 series_closed_won();
ImU32 series_commit();
ImU32 series_best_case();
ImU32 series_pipeline();
// "Nov", "Q4", "2026": a period's short label; "November 2026", "Q4 2026", "2026": its long one.
std::string period_short(core::YearMonth first, int months);
std::string period_long(core::YearMonth first, int months);
// "3.2×"
std::string coverage_text(double c);
// "+$1,200/mo", "−$300/mo", "no change"
std::string delta_mrc(core::Cents before, core::Cents after);

// --- widgets -------------------------------------------------------------------------------------

// A button showing the date ("Mar 31, 2027", or `empty_label`) that opens a month calendar with
// quick picks (today, end of month, next week, next month). True when the date changed.
bool date_field(const UiState& ui, const char* id, std::optional<core::Date>& date,
                core::Date today, float width, const char* empty_label = "No close date");
// A text field for an amount in dollars; `error` says why the text is not one ("" when it is).
bool money_field(const char* id, char* buf, std::size_t size, float width, std::string& error);
// A text field for a rate in percent.
bool rate_field(const char* id, char* buf, std::size_t size, float width, std::string& error);
// A headline number like widgets' kpi_card, whose texts are cut with an ellipsis to fit `width`
// (and the value drops to the heading size first), so six fit a narrow window.
void kpi_tile(const UiState& ui, const std::string& label, const std::string& value,
              const std::string& sub, ImU32 accent, float width);
// A table's header row with the numeric columns' names right-aligned.
void table_header_row(const char* const* names, const bool* right, int n);
// A view's own single-key shortcut: pressed, and no text field, modal or menu wants the keyboard.
bool view_key(ImGuiKey key);
// A small pill for a forecast category, at the cursor.
void category_pill(core::ForecastCategory c);
// Modal popups share a look: a title in the heading font and a muted line under it.
void modal_title(const UiState& ui, const char* title, const std::string& sub);
// Centres the next window on the viewport at `width` (device pixels).
void next_modal_placement(const UiState& ui, float width);
// Footer buttons of a modal: returns 1 for the primary action, -1 for Cancel (or Escape), 0 else.
int modal_buttons(const UiState& ui, const char* primary, bool primary_enabled);

// --- pipeline ------------------------------------------------------------------------------------

// The board: one column per open stage and the closed column; cards drag between columns.
void draw_pipeline_board(app::App& app, UiState& ui);
// The deal table: every deal (filtered), sortable, editable.
void draw_pipeline_table(app::App& app, UiState& ui);
// The right-click menu of a deal (card or row): edit, move to a stage, move its close date.
void deal_context_menu(app::App& app, UiState& ui, const core::Opportunity& deal);
void open_deal_editor(const app::App& app, UiState& ui, const core::Opportunity& deal);
void draw_deal_editor(app::App& app, UiState& ui);
void open_stage_editor(const app::App& app, UiState& ui);
void draw_stage_editor(app::App& app, UiState& ui);
// The pipeline's numbers, rebuilt when the plan or the day changes.
struct PipelineModel {
    CacheKey key;
    core::Date today;
    core::Date month_first, month_last;
    core::PipelineTotals totals;
    std::vector<core::BoardColumn> columns;
    int open_stages = 0;
    std::vector<std::string> slipped_ids;
    bool board_ready = false; // columns and open_stages are built
};
const PipelineModel& pipeline_model(const app::App& app, bool with_board);

// --- forecast ------------------------------------------------------------------------------------

// The forecast's numbers for the shown year, rebuilt when the plan, the day or the view changes.
struct ForecastModel {
    CacheKey key;
    core::Date today;
    core::YearMonth this_month;
    int year = 0; // the year shown
    core::Granularity granularity = core::Granularity::Month;
    std::vector<core::MonthSummary> months;        // January of year-1 to December of year+1
    std::vector<core::ForecastPeriod> periods;     // what the chart and table show
    int current = -1;                              // the period that holds today, -1 if not shown
    std::vector<core::CommissionMonth> commission; // January..December of `year`
    bool any_quota = false;
    const core::MonthSummary& month(core::YearMonth m) const; // within `months`
};
const ForecastModel& forecast_model(const app::App& app, const UiState& ui);
// The period the KPIs describe: the one picked in the chart, else the current one, else the first.
int selected_period(const ForecastModel& m, const UiState& ui);

// The stacked bars with the quota line and the cumulative attainment line; a click picks a period.
void draw_forecast_chart(UiState& ui, const ForecastModel& m, float height);
// The numbers behind the chart, one row per period and the year's total.
void draw_forecast_table(UiState& ui, const ForecastModel& m);
void draw_commission_tab(app::App& app, UiState& ui, const ForecastModel& m);
void draw_what_if_tab(app::App& app, UiState& ui);
void open_quota_editor(const app::App& app, UiState& ui);
void draw_quota_editor(app::App& app, UiState& ui);
void open_commission_editor(const app::App& app, UiState& ui);
void draw_commission_editor(app::App& app, UiState& ui);

} // namespace footprint::ui
