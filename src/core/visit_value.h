// What a visit to one account is worth this week, from its own records: the value of an account the
// user adds to Plan my week, and what a crowded day keeps first. (The suggested accounts are
// valued from the desks' priority list: core/week_plan.h.)
#pragma once

#include "core/model.h"

#include <string>
#include <vector>

namespace footprint::core {

struct VisitValue {
    Cents value = 0; // monthly revenue a visit can move, in cents
    std::string why; // "Renewal $2,486/mo ends Dec 5 · Open deal $1,200/mo at 60%"
};

// The MRC of the account's services whose contract ends within 90 days of `today` (the renewal
// at stake), plus the probability-weighted MRC of its open opportunities.
VisitValue visit_value(const Plan& plan, const Account& account, Date today);

} // namespace footprint::core
