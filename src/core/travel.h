// Travel estimates between places: great-circle distance, times a road factor, at an average
// speed (both from the plan's settings), as the route planner and the itinerary use them.
#pragma once

#include "core/model.h"

#include <cstdint>

namespace footprint::core {

// Great-circle distance on a sphere of the Earth's mean radius (6,371.0088 km), haversine formula.
double great_circle_km(LatLon a, LatLon b);

struct TravelModel {
    double road_factor = 1.3; // road distance / straight-line distance
    double speed_kmh = 48.0;  // average driving speed
    static TravelModel from(const Settings& s) { return {s.road_factor, s.average_speed_kmh}; }
    double road_km(LatLon a, LatLon b) const { return great_circle_km(a, b) * road_factor; }
    // Whole seconds of driving, rounded up (the schedule rounds each leg up to minutes:
    // drive_minutes_of in route_solver.h).
    std::int32_t drive_seconds(LatLon a, LatLon b) const;
};

inline constexpr double kKmPerMile = 1.609344;

} // namespace footprint::core
