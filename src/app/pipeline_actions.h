// The pipeline and forecast edits behind the board, the deal table, the editors and the test API.
// Each is one undoable command with a label that names it, and follows core/deal_rules.h.
#pragma once

#include "app/app.h"
#include "core/deal_rules.h"
#include "core/stage_edit.h"

#include <string>
#include <vector>

namespace footprint::app {

// "Riverside Dental Group" (the deal's account), or the deal's own name when the account is gone.
std::string deal_title(const App& app, const core::Opportunity& deal);

// Moves a deal to `stage` (drag on the board, the table's or editor's stage). False when the deal
// or stage does not exist or the deal is already there.
bool move_deal_to_stage(App& app, const std::string& deal_id, const std::string& stage);

// Replaces a deal with its edited copy ("Edit deal …"). False when nothing changed.
bool edit_deal(App& app, core::Opportunity edited);

// Sets the close date of several deals at once ("Move 6 close dates to Nov 30, 2026"). Returns how
// many changed.
int move_close_dates(App& app, const std::vector<std::string>& deal_ids, core::Date to);

// Applies the stage editor's drafts. False with `problems` filled when they cannot be applied, or
// when nothing changed (problems empty).
bool apply_stage_edit(App& app, const std::vector<core::StageDraft>& drafts,
                      std::vector<std::string>& problems);

bool set_quota(App& app, core::Quota quota);
bool set_commission_plan(App& app, core::CommissionPlan plan, std::vector<std::string>& problems);

// Applies a what-if to the plan ("What-if: win 2 deals, slip 1"). Returns how many deals changed.
int apply_what_if(App& app, const std::vector<core::WhatIfChoice>& choices);

} // namespace footprint::app
