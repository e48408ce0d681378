// Where things are on the map: Web Mercator projection and its inverse, distances on the Earth.
#pragma once

#include "core/geometry.h"
#include "core/model.h"

namespace footprint::core {

// Web Mercator in "world units": the whole world is x, y in [0, 1), north up (y grows south).
// Latitudes beyond +-85.0511 (where the square world ends) are clamped.
inline constexpr double kMaxMercatorLat = 85.05112878;
Vec2 project(LatLon ll);
LatLon unproject(Vec2 world);

// Great-circle distance in kilometres (haversine, mean Earth radius 6371.0088 km).
double distance_km(LatLon a, LatLon b);
// Kilometres covered by one world unit at latitude `lat` (the Mercator scale factor).
double km_per_world_unit(double lat);

// A multipolygon of lat/lon rings (the plan's Territory::polygons) in world units, and back.
MultiShape project_polygons(const std::vector<Polygon>& polygons);
std::vector<Polygon> unproject_shapes(const MultiShape& shapes);

} // namespace footprint::core
