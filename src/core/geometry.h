// Plane geometry the map needs: polygon triangulation (for filling territories) and hit tests.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace footprint::core {

struct Vec2 {
    double x = 0;
    double y = 0;
};

// Triangulates a simple polygon (no self-intersections; either winding) by ear clipping.
// Returns vertex index triples; an empty result for fewer than 3 points or a degenerate outline.
std::vector<std::array<std::uint32_t, 3>> triangulate(const std::vector<Vec2>& ring);

// Twice the signed area: positive for counter-clockwise rings (y up).
double signed_area2(const std::vector<Vec2>& ring);

// Even-odd point-in-ring test.
bool point_in_ring(Vec2 p, const std::vector<Vec2>& ring);

} // namespace footprint::core
