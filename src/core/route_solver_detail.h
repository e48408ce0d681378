// Internals shared by the route solver's files: where one stop falls in the day. Not an API.
#pragma once

#include "core/route_solver.h"

namespace footprint::core::route_detail {

struct Slot {
    int start = 0, end = 0;
    bool late = false, after_hours = false, over_lunch = false;
    int conflict = -1; // a busy block a set time overlaps
};
// The stop's start and end when arriving at `arrive` (see time_day for the rules).
Slot place(const DayHours& h, const RouteStop& s, int arrive);

} // namespace footprint::core::route_detail
