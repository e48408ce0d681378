// For the tests of the app's commands: a clock that stands still (today, a wall time, and a
// monotonic clock at 0), so labels, dates and timestamps are the same on every run.
#pragma once

#include "app/app.h"
#include "core/model.h"

namespace app_test {

inline footprint::app::Clock fixed_clock(footprint::core::Date today, footprint::core::Timestamp wall) {
    footprint::app::Clock clock;
    clock.monotonic_ms = [] { return 0.0; };
    clock.wall = [wall] { return wall; };
    clock.today = [today] { return today; };
    return clock;
}

// An empty plan with one account, "a1" Riverside Dental: what commands on an account act on.
inline footprint::core::Plan one_account_plan() {
    footprint::core::Plan p = footprint::core::make_empty_plan("p", "Test", footprint::core::Timestamp{});
    footprint::core::Account acc;
    acc.id = "a1";
    acc.name = "Riverside Dental";
    p.accounts.push_back(acc);
    return p;
}

} // namespace app_test
