// The sample plan a first-time user sees: about 300 invented businesses around Columbus, Ohio.
#pragma once

#include "core/date.h"
#include "core/model.h"

namespace footprint::core {

// Builds the sample plan (plan.sample = true, "Sample plan — Columbus, OH", owner "Jordan Reyes").
// Deterministic: a fixed internal seed, and every date is placed relative to `today`, so contract
// renewals fall in the next 30/60/90/180 days, closed deals fill the past 10 months and activities
// the past 120 days whatever the date. The same `today` and `now` always give the same plan; the
// accounts, contacts and services (everything but dates) are the same for every `today`.
// Every record has a stable id ("s-acc-0001", "s-con-0001", "s-svc-0001", "s-opp-0001",
// "s-act-0001", "s-ter-1") and modified = now.
Plan make_sample_plan(Date today, Timestamp now);

} // namespace footprint::core
