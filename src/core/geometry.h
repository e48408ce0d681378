// Plane geometry the map needs: triangulation (with holes) for fills, point-in-polygon and lasso
// hit tests, rectangles, and line simplification for drawing shapes at every zoom.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace footprint::core {

struct Vec2 {
    double x = 0;
    double y = 0;
};

using Path = std::vector<Vec2>;         // a ring: closed implicitly, first point not repeated
using Shape = std::vector<Path>;         // outer ring, then holes
using MultiShape = std::vector<Shape>;

// An axis-aligned rectangle; empty() until something is added.
struct Box {
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    bool empty() const { return max_x < min_x || max_y < min_y; }
    void add(Vec2 p);
    void add(const Box& b);
    bool contains(Vec2 p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
    bool intersects(const Box& b) const {
        return !(b.min_x > max_x || b.max_x < min_x || b.min_y > max_y || b.max_y < min_y);
    }
    Vec2 center() const { return {(min_x + max_x) / 2, (min_y + max_y) / 2}; }
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
};
Box bounds_of(const Path& path);
Box bounds_of(const MultiShape& shapes);

// Triangulates a simple polygon (no self-intersections; either winding) by ear clipping.
// Returns vertex index triples; an empty result for fewer than 3 points or a degenerate outline.
std::vector<std::array<std::uint32_t, 3>> triangulate(const std::vector<Vec2>& ring);

// Triangulates an outer ring with holes (either winding each): holes are joined to the outer ring
// by bridges, then the result is ear-clipped. `indices` are triples into `vertices`, which are the
// input points in order (outer ring first, then each hole). A slightly broken shape (touching or
// crossing edges) still gets a best-effort fill rather than nothing.
struct Triangulation {
    std::vector<Vec2> vertices;
    std::vector<std::uint32_t> indices;
};
Triangulation triangulate_shape(const Shape& shape);

// Twice the signed area: positive for counter-clockwise rings (y up).
double signed_area2(const std::vector<Vec2>& ring);

// Even-odd point-in-ring test.
bool point_in_ring(Vec2 p, const std::vector<Vec2>& ring);
// Inside the outer ring and outside every hole (even-odd over all rings).
bool point_in_shape(Vec2 p, const Shape& shape);
bool point_in_shapes(Vec2 p, const MultiShape& shapes);

// A multipolygon prepared for many containment tests: its edges are bucketed into horizontal bands
// so a test looks only at the edges that cross the point's band (assigning 100,000 accounts to a
// territory built from counties, with thousands of vertices, stays in milliseconds).
class PreparedArea {
public:
    PreparedArea() = default;
    explicit PreparedArea(const MultiShape& shapes);
    bool contains(Vec2 p) const;
    const Box& bounds() const { return box_; }
    bool empty() const { return edges_.empty(); }

private:
    struct Edge {
        Vec2 a, b;
    };
    Box box_;
    std::vector<Edge> edges_;
    std::vector<std::uint32_t> band_start_; // per band, into band_edges_ (size bands + 1)
    std::vector<std::uint32_t> band_edges_;
    double band_h_ = 1;
};

// Lasso hit test: the lasso is the closed path the pointer drew; points inside it (even-odd) are
// selected. Returns the indices of `points` inside, testing only those within the lasso's box.
std::vector<std::uint32_t> points_in_lasso(const std::vector<Vec2>& points, const Path& lasso);

// Douglas-Peucker: the points of `path` kept so no removed point is farther than `tolerance` from
// the simplified line. `closed` treats the path as a ring (keeps at least 3 points when it can).
Path simplify(const Path& path, double tolerance, bool closed);

// Visvalingam's effective area of each point of an open polyline (monotonic, so a point removed
// later never has a smaller area than one removed earlier); the two end points get +infinity.
// The map keeps a point at a zoom where that area covers at least a fraction of a pixel.
std::vector<double> visvalingam_areas(const Path& line);

// Groups closed rings (any winding) into shapes by nesting: a ring inside an even number of others
// is an outer ring, one inside an odd number is a hole of the innermost outer ring around it.
MultiShape assemble_rings(std::vector<Path> rings);

// Squared distance from p to the segment a-b.
double distance2_to_segment(Vec2 p, Vec2 a, Vec2 b);

} // namespace footprint::core
