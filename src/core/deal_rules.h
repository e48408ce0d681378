// How a deal changes when the user moves it: to another stage (board, table, deal editor), to a
// new close date (slipped deals), or in a what-if. The UI and the test API build their commands
// from these, so every path follows the same rules (docs/forecast.md, "Moving a deal").
#pragma once

#include "core/model.h"

#include <optional>
#include <string>
#include <vector>

namespace footprint::core {

const Stage* first_won_stage(const Plan& plan);
const Stage* first_lost_stage(const Plan& plan);

// True when the deal's probability (category) is its stage's default, or its stage is unknown:
// the value follows the stage. False when the user set another value: an override.
bool probability_follows_stage(const Plan& plan, const Opportunity& deal);
bool category_follows_stage(const Plan& plan, const Opportunity& deal);

// The deal moved to stage `to`:
// - into a closed stage (won or lost): probability and category become the stage's, and the close
//   date becomes `today` (the deal closed now);
// - from an open stage into another open stage: a probability or category that followed the old
//   stage follows the new one; an override is kept;
// - from a closed stage (reopened) or an unknown one: the new stage's probability and category.
// The close date of a deal moved into an open stage is not changed.
Opportunity moved_to_stage(const Plan& plan, const Opportunity& deal, const Stage& to, Date today);

// The last day of d's month.
Date month_end(Date d);
// Where "Move close date" puts a slipped deal in one click: the last day of today's month.
Date slip_target(Date today);

// --- what-if ------------------------------------------------------------------------------------

enum class WhatIfAction {
    Win,  // moved to the first won stage (so: closes today)
    Slip, // close date one month later than the later of its close date and today
    Lose, // moved to the first lost stage
};
const char* what_if_label(WhatIfAction a); // "Win", "Slip a month", "Lose"

struct WhatIfChoice {
    std::string deal_id;
    WhatIfAction action = WhatIfAction::Win;
};
// The deals as they would be after the choices, in choice order. Choices whose deal is missing or
// already closed, or that need a won/lost stage the plan does not have, are left out.
std::vector<Opportunity> what_if_deals(const Plan& plan, const std::vector<WhatIfChoice>& choices,
                                       Date today);

} // namespace footprint::core
