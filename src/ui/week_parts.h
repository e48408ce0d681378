// The parts of the Plan my week view (internal to its files): the five-day board, the side column,
// the day's route (list, timeline, mini map) and the dialogs, plus the day's route cached per plan
// revision so no part recomputes it within a frame.
#pragma once

#include "core/day_plan.h"
#include "ui/panels.h"
#include "ui/route_icons.h"
#include "ui/week_actions.h"

#include <imgui.h>

namespace footprint::ui::week {

// The route of `date` as it stands, recomputed only when the plan changes.
const core::DayRoute& cached_route(const app::App& app, core::Date date);

void draw_board(app::App& app, UiState& ui, float w, float h);
void draw_side(app::App& app, UiState& ui, float w, float h);
void draw_to_call(app::App& app, UiState& ui, float w, float h);
void draw_day(app::App& app, UiState& ui);
void draw_route_list(app::App& app, UiState& ui, const core::DayRoute& r, float w, float h);
void draw_timeline(app::App& app, UiState& ui, const core::DayRoute& r, float w, float h);
void draw_minimap(app::App& app, UiState& ui, const core::DayRoute& r, float w, float h);
// The export menu's items (used in the header's popup).
void export_menu(app::App& app, UiState& ui, core::Date day);

// Colours and words for a stop's state.
ImU32 issue_colour(core::StopIssue issue);
const char* issue_icon(core::StopIssue issue);
// "9:15 – 10:00 AM"
std::string time_range(int start, int end);
// "18 min · 9.2 mi"
std::string drive_text(int minutes, double km);
std::string miles(double km);
std::string stop_name(const core::DayStop& s);
// A small numbered circle (the stop's place on the route) centred at `c`.
void number_badge(ImDrawList* dl, ImVec2 c, float radius, int number, ImU32 fill, ImU32 text);

} // namespace footprint::ui::week
