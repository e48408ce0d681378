// Journal entries: what changed since the last snapshot, so saving an edit to a big plan writes
// kilobytes instead of the whole plan. docs/plan-format.md, "Journal", describes the format.
#pragma once

#include "core/plan_edit.h"
#include "core/plan_json.h"

#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

inline constexpr std::string_view kJournalFormatTag = "footprint-journal";

// An entry holding the records `touched` names as they are now in `plan` (a record that no longer
// exists is listed as removed), plus the plan-wide settings. The entry is a plan document inside
// {"format": "footprint-journal", "version": 1, "removed": {...}, "plan": {...}}.
std::string write_journal_entry(const Plan& plan, const PlanIndex& index, const TouchedSet& touched);

// Applies an entry to `plan` (records replaced or added by id, removed ids removed, settings
// replaced). On a bad entry nothing is changed and `problems` say why.
bool apply_journal_entry(Plan& plan, PlanIndex& index, std::string_view text,
                         std::vector<Problem>& problems);

} // namespace footprint::core
