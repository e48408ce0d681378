// Great-circle distance and driving time estimates.
#include "core/travel.h"

#include <algorithm>
#include <cmath>

namespace footprint::core {

double great_circle_km(LatLon a, LatLon b) {
    constexpr double kEarthKm = 6371.0088;
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    const double dlat = (b.lat - a.lat) * kRad, dlon = (b.lon - a.lon) * kRad;
    const double s =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(s)));
}

std::int32_t TravelModel::drive_seconds(LatLon a, LatLon b) const {
    const double speed = std::max(1.0, speed_kmh);
    // Rounded up (see drive_minutes_of), but a thousandth of a second of floating-point noise
    // does not make a 600 s drive 601 s.
    return static_cast<std::int32_t>(std::ceil(road_km(a, b) / speed * 3600.0 - 1e-3));
}

} // namespace footprint::core
