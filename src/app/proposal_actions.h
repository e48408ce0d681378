// Sending a proposal: records a "proposal sent" activity and creates or updates its opportunity,
// as one undoable command.
#pragma once

#include "app/app.h"
#include "core/proposal.h"

#include <string>
#include <vector>

namespace footprint::app {

struct SentProposal {
    std::string activity_id;
    std::string opportunity_id;
    bool created_opportunity = false;
};

// Marks `proposal` as sent today: a Proposal activity (its lines and totals in the notes, a
// follow-up next step due in 3 days) linked to the proposal's opportunity, which is updated from
// the proposal, or created when the proposal has none (or it is gone). One command, named
// "Send proposal to Riverside Dental Group". Nothing changes, and `problems` says why, when
// core::check_proposal refuses it.
std::optional<SentProposal> send_proposal(App& app, const core::Proposal& proposal,
                                          std::vector<std::string>& problems);

} // namespace footprint::app
