// Editing the plan's stages as one change: renames reach every deal in the stage, deals that used a
// stage's default probability or category follow a new default, and a removed stage's deals move
// to another stage. docs/forecast.md ("Stages") has the rules.
#pragma once

#include "core/plan_edit.h"

#include <string>
#include <vector>

namespace footprint::core {

// One row of the stage editor.
struct StageDraft {
    Stage stage;
    std::string original; // the stage's name in the plan; "" for a stage added in the editor
    bool removed = false;
    std::string move_to; // for a removed stage with deals: the (new) name of the stage they go to
};
std::vector<StageDraft> stage_drafts(const Plan& plan);

// Problems as sentences for the editor ("Two stages are called “Closed Won”."); empty when the
// drafts can be applied.
std::vector<std::string> check_stage_drafts(const Plan& plan,
                                            const std::vector<StageDraft>& drafts);

struct StageEdit {
    std::vector<Change> changes; // Set<vector<Stage>> first, then one Put per changed deal
    int deals_changed = 0;
    bool stages_changed = false; // false: the drafts are the plan's stages as they are
};
// The changes that make the drafts the plan's stages (check_stage_drafts must be empty). Deals
// moved out of a removed stage follow moved_to_stage's rules.
StageEdit stage_edit(const Plan& plan, const std::vector<StageDraft>& drafts, Date today);

} // namespace footprint::core
