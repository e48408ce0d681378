// Pieces the Desks view's tabs share (panel_desks.cpp): the computed desks, filters, the colours
// of the priority factors, deal-state cells and the one-click buttons.
#pragma once

#include "core/priority.h"
#include "ui/panels.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <string>
#include <vector>

#ifndef ICON_ARROW_UP
#define ICON_ARROW_UP "\xef\x81\xa2" // U+F062
#endif
#ifndef ICON_ARROW_DOWN
#define ICON_ARROW_DOWN "\xef\x81\xa3" // U+F063
#endif
#ifndef ICON_SLIDERS
#define ICON_SLIDERS "\xef\x87\x9e" // U+F1DE
#endif
#ifndef ICON_TH
#define ICON_TH "\xef\x80\x8a" // U+F00A
#endif
#ifndef ICON_BOOK
#define ICON_BOOK "\xef\x80\xad" // U+F02D
#endif
#ifndef ICON_ROAD
#define ICON_ROAD "\xef\x80\x98" // U+F018
#endif
#ifndef ICON_CHECK_SQUARE
#define ICON_CHECK_SQUARE "\xef\x85\x8a" // U+F14A
#endif
#ifndef ICON_SQUARE_O
#define ICON_SQUARE_O "\xef\x82\x96" // U+F096
#endif
#ifndef ICON_LEVEL_UP
#define ICON_LEVEL_UP "\xef\x85\x88" // U+F148
#endif
#ifndef ICON_HOURGLASS
#define ICON_HOURGLASS "\xef\x89\x94" // U+F254
#endif

namespace footprint::ui {

// The desks for the open plan and today, recomputed after each edit (reusing memory); finishes a
// recomputation the view is doing in slices.
const core::DeskData& desk_data(const app::App& app);
// True when the view's desks are current (no recomputation pending or in progress).
bool desk_data_ready(const app::App& app);

// --- filters shared by the tabs ----------------------------------------------------------------

inline constexpr const char* kNoTerritory = "\x01none";
// True when the account passes the territory and search filters of the view.
bool desk_filter_match(const DesksViewState& st, const core::Account& a);
// A string that changes whenever the shared filters change (part of each tab's row-cache key).
std::string desk_filter_key(const DesksViewState& st);

// Rows of a tab filtered and sorted for the current filters, rebuilt only when the plan, the day or
// the filters change.
struct RowCache {
    const void* plan = nullptr;
    std::uint64_t revision = ~0ull;
    std::int32_t today = 0;
    std::string key;
    std::vector<std::uint32_t> rows;
    // True when the rows must be rebuilt for `key` (and the cache remembers it).
    bool stale(const app::App& app, const std::string& new_key);
};

// --- words and colours -------------------------------------------------------------------------

ImU32 factor_colour(core::PriorityFactor f);
const char* factor_short(core::PriorityFactor f); // "Renewal", "Revenue", "Win-back", "Upsell", "Last touch"
// "Open · Proposal/Price Quote", "Won", "Lost", "" (none), with its colour.
std::string deal_label(const core::Plan& plan, const core::LinkedDeal& d);
ImU32 deal_colour(const core::LinkedDeal& d, core::OpportunityType type);

// --- widgets -------------------------------------------------------------------------------------

// Records where the last item was drawn, under `key`, for the test API's clicks.
void locate(UiState& ui, const std::string& key);
// A compact "+ Create …" button in a table cell; returns true when clicked.
bool create_button(UiState& ui, const char* label, const std::string& locate_key, const char* tooltip);
// The state of a desk row's opportunity: a clickable pill that opens the Pipeline on the account.
void deal_cell(const app::App& app, UiState& ui, const core::LinkedDeal& d, core::OpportunityType type,
               const std::string& account_id);
// A row of KPI cards: label, value, line under it, accent colour, tooltip.
struct Kpi {
    const char* label;
    std::string value;
    std::string sub;
    ImU32 accent;
    const char* tooltip;
};
void kpi_row(const UiState& ui, const Kpi* kpis, int n);
// A table cell's account name that selects the account (Ctrl+click adds to the selection).
void account_cell(UiState& ui, const core::Account& a, const char* id_suffix = "");
// "Ends Jun 30" style date in the urgency colour of `days`.
void urgency_text(const std::string& text, int days);
// Sort specs of the current table as (column user id, ascending); changed when the user clicks.
bool table_sort(int& column, bool& ascending);
// The height of a table of `rows` one-line rows, at most `avail` (a short list does not leave an
// empty table frame down to the bottom of the view).
float fit_table_height(std::size_t rows, float avail);
// "Managed" where the column is narrow; family_label otherwise.
std::string family_short_label(const std::string& family);

// --- the tabs ------------------------------------------------------------------------------------

void draw_desk_week(app::App& app, UiState& ui);
void draw_desk_renewals(app::App& app, UiState& ui);
void draw_desk_winbacks(app::App& app, UiState& ui);
void draw_desk_whitespace(app::App& app, UiState& ui);
void draw_desk_catalog(app::App& app, UiState& ui);
// The rules list, drawn by the catalog tab beside the products (desk_rules.cpp).
void draw_rules_card(app::App& app, UiState& ui, float width, float height);

} // namespace footprint::ui
