// What a visit to an account is worth this week: the one number "Plan my week" maximises and a
// crowded day keeps. One function, so a better score (the priority list) can replace it.
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
// The same for every account (parallel to plan.accounts), in one pass over the plan; without the
// `why` texts unless asked (a big plan has 100,000 of them).
std::vector<VisitValue> visit_values(const Plan& plan, Date today, bool with_why = true);

} // namespace footprint::core
