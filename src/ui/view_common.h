// Pieces shared by the pipeline, forecast, week and report views: page headers, KPI rows, labels
// and colours for opportunity and activity types, text that fits a width, and per-view caches.
#pragma once

#include "core/model.h"
#include "ui/ui.h"

#include <imgui.h>

#include <cstdint>
#include <string>

// Fork Awesome's chevron-left (U+F053), missing from icons.h.
#ifndef ICON_CHEVRON_LEFT
#define ICON_CHEVRON_LEFT "\xef\x81\x93"
#endif

namespace footprint::ui {

// --- words and colours -------------------------------------------------------------------------

// Whole-dollar money for tiles and cards, where cents are noise: "$12,400/mo", "$12,400".
std::string mrc_whole(core::Cents c);
std::string money_whole(core::Cents c);
// "8:15 AM", as US users read a time of day.
std::string time_of_day(int minutes);

const char* month_short(int month);        // 1..12 -> "Mar"
const char* month_long(int month);         // 1..12 -> "March"
std::string month_year(core::YearMonth m); // "March 2026"
const char* weekday_short(int weekday);    // 0 (Monday)..6 -> "Mon"
const char* weekday_long(int weekday);     // 0 (Monday)..6 -> "Monday"

const char* opportunity_type_label(core::OpportunityType t); // "Win-back"
// Each type borrows the colour of the account status it comes from: renewals and upsells are
// clients, win-backs former clients, new business prospects. Upsell is a second client blue: sky
// blue on the light theme, a pale blue on the dark one (where the client colour is sky blue).
ImU32 opportunity_type_colour(core::OpportunityType t);

const char* activity_icon(core::ActivityType t);
const char* activity_label(core::ActivityType t);        // "Call"
const char* activity_label_plural(core::ActivityType t); // "Calls"

ImU32 with_alpha(ImU32 colour, float alpha);
// True when the dark theme is applied (read from the style, so it needs no UiState).
bool dark_theme();

// --- layout ------------------------------------------------------------------------------------

// A view's title in the heading font with a muted line beside it, and room for controls on the
// right: returns the x (window coordinates) where right-aligned controls of `right_width` start.
float page_header(const UiState& ui, const char* title, const std::string& subtitle,
                  float right_width = 0);
// Width of each of `n` cards laid side by side across the available width.
float row_item_width(int n);
// Cuts `text` to fit `max_width` with an ellipsis. Returns true when it had to.
bool fit_text(std::string& text, float max_width, ImFont* font = nullptr);
// Draws text at `pos` clipped to `max_width` with an ellipsis; returns true when cut.
bool draw_text_fit(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 colour, const std::string& text,
                   float max_width);
// A row of toggle buttons, one active; returns true when the choice changed.
bool segmented(const UiState& ui, const char* id, const char* const* labels, int count,
               int& current);
// Rounded card background with a border (and an accent border when selected or hovered).
void card_background(const UiState& ui, ImDrawList* dl, ImVec2 a, ImVec2 b, bool hovered,
                     bool selected);
// A badge drawn at `pos` without moving the cursor (for custom-drawn cards); returns its width.
float draw_pill(ImDrawList* dl, ImVec2 pos, const std::string& text, ImU32 colour);
float pill_height();
float pill_width(const std::string& text);

// --- state -------------------------------------------------------------------------------------

const core::Account* find_account(const app::App& app, const std::string& id);
std::string account_name(const app::App& app, const std::string& id); // "Unknown account" if none
// The catalog name of a service's product ("Fiber Internet 1 Gbps"), else the service's own text.
std::string product_label(const core::Plan& plan, const core::Service& s);
// Shared selection: every view shows the same account.
void select_account(UiState& ui, const std::string& id);
// Opens the sample plan or the file picker: the actions an empty view offers.
void empty_plan_actions(app::App& app, UiState& ui);

// Derived numbers are recomputed only when the plan or the day changes, not every frame.
struct CacheKey {
    const void* plan = nullptr;
    std::uint64_t revision = ~0ull;
    std::int32_t today = 0;
    std::int64_t extra = 0; // view-specific input (period, week offset)
    // True (and the key updated) when the cached numbers must be rebuilt.
    bool refresh(const app::App& app, std::int64_t extra_input = 0);
};

} // namespace footprint::ui
