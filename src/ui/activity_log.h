// The activity log in the UI: the "Log activity" popup that every view opens (account page,
// Accounts list, map, route check-ins), quick type buttons, and the task list of next steps.
#pragma once

#include "ui/ui.h"

namespace footprint::ui {

// Opens the popup for `account_id` with `type` chosen, today's date and a subject filled in; the
// cursor starts in the outcome field. `opportunity_id` links the activity to a deal ("" none).
// Anything may call this (a route stop's check-in passes ActivityType::Visit).
void open_log_activity(const app::App& app, UiState& ui, const std::string& account_id,
                       core::ActivityType type, const std::string& opportunity_id = {});
// Draws the popup when open (called once a frame by draw_frame).
void draw_log_activity(app::App& app, UiState& ui);
// The L shortcut: the popup for the open account page, else the one selected account.
void log_activity_for_selection(app::App& app, UiState& ui);

// "Log  [Call] [Visit] [Meeting] [Email] [Event] [Proposal]": one click opens the popup with that
// type. `compact` shows icons only (with tooltips).
void log_activity_buttons(const app::App& app, UiState& ui, const core::Account& a,
                          bool compact = false);
// Menu items "Log call…", "Log visit…" for a context menu.
void log_activity_menu_items(const app::App& app, UiState& ui, const std::string& account_id);

// Open next steps as a checklist: overdue in red, "due in 3 days", the account, a checkbox that
// marks the step done (undoable). `account_id` "" lists every account's. `within_days` as in
// core::open_tasks. Returns how many were listed.
int draw_task_list(app::App& app, UiState& ui, const std::string& account_id, int within_days);

// The account page's "Next steps" block: its open tasks, whatever their due date (nothing when
// there are none).
void draw_account_tasks(app::App& app, UiState& ui, const core::Account& a);

} // namespace footprint::ui
