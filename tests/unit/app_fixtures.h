// For the tests of the app's commands: a clock that stands still (today, a wall time, and a
// monotonic clock at 0), so labels, dates and timestamps are the same on every run.
#pragma once

#include "app/app.h"

namespace app_test {

inline footprint::app::Clock fixed_clock(footprint::core::Date today, footprint::core::Timestamp wall) {
    footprint::app::Clock clock;
    clock.monotonic_ms = [] { return 0.0; };
    clock.wall = [wall] { return wall; };
    clock.today = [today] { return today; };
    return clock;
}

} // namespace app_test
