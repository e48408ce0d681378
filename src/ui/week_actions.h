// What Plan my week does, apart from drawing: which day and week it shows, the candidates it plans
// with, the optimisation jobs, applying the week plan, and exports. The view and the test API both
// call these, so a test goes through exactly what a click does.
#pragma once

#include "ui/ui.h"

#include <string>
#include <vector>

namespace footprint::ui::week {

core::Date shown_monday(const app::App& app, const UiState& ui);
// The day the day view shows: the chosen one, else today when this week is shown, else Monday.
core::Date shown_day(const app::App& app, const UiState& ui);
void open_day(UiState& ui, const app::App& app, core::Date day);
void show_week(UiState& ui);

// The candidates Plan my week would use now: suggested accounts (most valuable first) and those
// the user added, with pins; the excluded ones are returned too (flag in `excluded`).
struct Candidate {
    core::VisitCandidate c;
    std::string name;
    bool added = false;    // added by the user
    bool excluded = false; // taken out by the user
};
const std::vector<Candidate>& candidates(const app::App& app, UiState& ui);
// Adds the selected accounts as candidates (week view); returns how many were new.
int add_selection_as_candidates(const app::App& app, UiState& ui);
// Selected accounts that are not visited on `date` yet.
std::vector<std::string> selection_not_on_day(const app::App& app, const UiState& ui,
                                              core::Date date);

// Long work. Starting a job replaces a running one; every frame steps it (step_job).
void start_day_job(app::App& app, UiState& ui, core::Date date);
void start_week_job(app::App& app, UiState& ui);
void cancel_job(app::App& app, UiState& ui);
// Called once per frame: works for a slice of the frame, and applies or presents the result.
void step_job(app::App& app, UiState& ui);
inline constexpr double kSliceMs =
    30; // a frame's share of the optimisation (frames stay under 100 ms)

// Opens the editor of where the shown day starts (which 0), ends (1), or the home base (2).
void edit_places(const app::App& app, UiState& ui, int which);
// The check-in and place dialogs, drawn over whichever view is showing (the frame calls it).
void draw_dialogs(app::App& app, UiState& ui);

// Checks in at a visit (when not yet) and opens the dialog for its outcome, notes and next step.
void begin_check_in(app::App& app, UiState& ui, const std::string& activity_id);

bool apply_proposal(app::App& app, UiState& ui);
void discard_proposal(UiState& ui);

// Downloads the visits of `days` as an iCalendar file or a CSV itinerary.
void export_days(app::App& app, UiState& ui, const std::vector<core::Date>& days, bool ics);

// Records the last item's rectangle for the end-to-end tests (UiState::WeekViewState::rects).
void record_rect(UiState& ui, const std::string& key);

} // namespace footprint::ui::week
