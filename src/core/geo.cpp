// Web Mercator (the projection of every web map, so shapes look as users expect) and haversine.
#include "core/geo.h"

#include <algorithm>
#include <cmath>

namespace footprint::core {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthRadiusKm = 6371.0088;
constexpr double kEquatorKm = 2 * kPi * 6378.137; // the WGS84 equator Web Mercator is drawn on
} // namespace

Vec2 project(LatLon ll) {
    const double lat = std::clamp(ll.lat, -kMaxMercatorLat, kMaxMercatorLat);
    const double s = std::sin(lat * kPi / 180.0);
    return {(ll.lon + 180.0) / 360.0, 0.5 - std::log((1 + s) / (1 - s)) / (4 * kPi)};
}

LatLon unproject(Vec2 w) {
    const double lon = w.x * 360.0 - 180.0;
    const double lat = 90.0 - 360.0 * std::atan(std::exp((w.y - 0.5) * 2 * kPi)) / kPi;
    return {lat, lon};
}

double distance_km(LatLon a, LatLon b) {
    const double to_rad = kPi / 180.0;
    const double dlat = (b.lat - a.lat) * to_rad, dlon = (b.lon - a.lon) * to_rad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat * to_rad) * std::cos(b.lat * to_rad) * std::sin(dlon / 2) *
                         std::sin(dlon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double km_per_world_unit(double lat) {
    return kEquatorKm * std::cos(std::clamp(lat, -kMaxMercatorLat, kMaxMercatorLat) * kPi / 180.0);
}

MultiShape project_polygons(const std::vector<Polygon>& polygons) {
    MultiShape out;
    out.reserve(polygons.size());
    for (const Polygon& poly : polygons) {
        Shape s;
        for (const Ring& r : poly) {
            Path p;
            p.reserve(r.size());
            for (const LatLon& ll : r) p.push_back(project(ll));
            s.push_back(std::move(p));
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Polygon> unproject_shapes(const MultiShape& shapes) {
    std::vector<Polygon> out;
    for (const Shape& s : shapes) {
        Polygon poly;
        for (const Path& p : s) {
            Ring r;
            r.reserve(p.size());
            for (Vec2 w : p) {
                LatLon ll = unproject(w);
                // Six decimals (about 10 cm) is what the plan file keeps.
                ll.lat = std::round(ll.lat * 1e6) / 1e6;
                ll.lon = std::round(ll.lon * 1e6) / 1e6;
                r.push_back(ll);
            }
            poly.push_back(std::move(r));
        }
        out.push_back(std::move(poly));
    }
    return out;
}

} // namespace footprint::core
