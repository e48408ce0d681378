// Map geometry against hand-worked answers: projection, containment with holes, triangulation with
// holes, lasso, the spatial index and clusters (against brute force), simplification.
#include "core/clustering.h"
#include "core/geo.h"
#include "core/geometry.h"
#include "core/spatial_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

using namespace footprint::core;

namespace {

double triangles_area(const Triangulation& t) {
    double a = 0;
    for (std::size_t i = 0; i + 2 < t.indices.size(); i += 3) {
        const Vec2 p = t.vertices[t.indices[i]], q = t.vertices[t.indices[i + 1]], r = t.vertices[t.indices[i + 2]];
        a += std::abs((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)) / 2;
    }
    return a;
}

Path square(double x0, double y0, double size) {
    return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}};
}

} // namespace

TEST_CASE("Web Mercator: the origin, the date line, and a round trip") {
    const Vec2 o = project({0, 0});
    CHECK(o.x == doctest::Approx(0.5));
    CHECK(o.y == doctest::Approx(0.5));
    CHECK(project({0, -180}).x == doctest::Approx(0.0));
    CHECK(project({kMaxMercatorLat, 0}).y == doctest::Approx(0.0).epsilon(1e-6));
    CHECK(project({45, 0}).y < 0.5); // north is up: smaller y
    for (LatLon ll : {LatLon{39.9612, -82.9988}, LatLon{-33.86, 151.21}, LatLon{64.84, -147.72}}) {
        const LatLon back = unproject(project(ll));
        CHECK(back.lat == doctest::Approx(ll.lat).epsilon(1e-9));
        CHECK(back.lon == doctest::Approx(ll.lon).epsilon(1e-9));
    }
}

TEST_CASE("distances: a degree of latitude, Columbus to Cleveland, Mercator scale") {
    CHECK(distance_km({40, -83}, {41, -83}) == doctest::Approx(111.2).epsilon(0.002));
    // Columbus (39.9612, -82.9988) to Cleveland (41.4993, -81.6944): about 203 km as the crow flies.
    CHECK(distance_km({39.9612, -82.9988}, {41.4993, -81.6944}) == doctest::Approx(203).epsilon(0.01));
    CHECK(km_per_world_unit(0) == doctest::Approx(40075.0).epsilon(0.001));
    CHECK(km_per_world_unit(60) == doctest::Approx(20037.5).epsilon(0.001));
}

TEST_CASE("point in a polygon with a hole, and in a multipolygon") {
    const Shape donut{square(0, 0, 10), square(3, 3, 4)};
    CHECK(point_in_shape({1, 1}, donut));
    CHECK_FALSE(point_in_shape({5, 5}, donut)); // in the hole
    CHECK_FALSE(point_in_shape({11, 5}, donut));
    const MultiShape two{donut, Shape{square(20, 0, 2)}};
    CHECK(point_in_shapes({21, 1}, two));
    CHECK(point_in_shapes({9, 9}, two));
    CHECK_FALSE(point_in_shapes({15, 1}, two));
    CHECK_FALSE(point_in_shapes({5, 5}, two));
}

TEST_CASE("a prepared area answers like the plain test, at every point of a grid") {
    const MultiShape shapes{Shape{{{0, 0}, {8, 1}, {10, 9}, {5, 6}, {1, 10}}, square(2, 3, 2)},
                            Shape{square(12, 2, 3)}};
    const PreparedArea area(shapes);
    int inside = 0;
    for (double y = -1; y <= 11; y += 0.37)
        for (double x = -1; x <= 16; x += 0.41) {
            const bool expected = point_in_shapes({x, y}, shapes);
            CHECK(area.contains({x, y}) == expected);
            inside += expected;
        }
    CHECK(inside > 100);
}

TEST_CASE("triangulating a square with a square hole covers exactly the ring") {
    for (bool flip : {false, true}) {
        Shape s{square(0, 0, 4), square(1, 1, 2)};
        if (flip) { // holes and outer rings in either winding
            std::reverse(s[0].begin(), s[0].end());
        } else {
            std::reverse(s[1].begin(), s[1].end());
        }
        const Triangulation t = triangulate_shape(s);
        CHECK(t.indices.size() % 3 == 0);
        CHECK(triangles_area(t) == doctest::Approx(12.0));
        for (std::size_t i = 0; i + 2 < t.indices.size(); i += 3) {
            const Vec2 p = t.vertices[t.indices[i]], q = t.vertices[t.indices[i + 1]], r = t.vertices[t.indices[i + 2]];
            const Vec2 c{(p.x + q.x + r.x) / 3, (p.y + q.y + r.y) / 3};
            CHECK_FALSE(point_in_ring(c, square(1, 1, 2))); // nothing is drawn in the hole
        }
    }
}

TEST_CASE("triangulating two holes and a concave outline; broken input still gives a fill") {
    const Shape s{{{0, 0}, {10, 0}, {10, 10}, {6, 10}, {6, 4}, {4, 4}, {4, 10}, {0, 10}},
                  square(1, 1, 1), square(7, 6, 2)};
    const Triangulation t = triangulate_shape(s);
    CHECK(triangles_area(t) == doctest::Approx(100 - 12 - 1 - 4));
    // A bow tie crosses itself: best effort, but no hang and some triangles.
    const Triangulation bow = triangulate_shape(Shape{{{0, 0}, {2, 2}, {2, 0}, {0, 2}}});
    CHECK(bow.indices.size() >= 3);
    CHECK(triangulate_shape(Shape{}).indices.empty());
    CHECK(triangulate_shape(Shape{{{0, 0}, {1, 1}}}).indices.empty());
}

TEST_CASE("lasso: points inside a concave lasso are picked, the notch is not") {
    const Path lasso{{0, 0}, {10, 0}, {10, 10}, {5, 3}, {0, 10}};
    const std::vector<Vec2> pts{{1, 1}, {9.7, 9}, {5, 8}, {5, 1}, {-1, 5}, {0.5, 8}};
    auto in = points_in_lasso(pts, lasso);
    CHECK(in == std::vector<std::uint32_t>{0, 1, 3, 5});
    CHECK(points_in_lasso(pts, Path{{0, 0}, {1, 1}}).empty());
}

TEST_CASE("the spatial index finds what brute force finds, and the nearest point") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<Vec2> pts(5000);
    for (Vec2& p : pts) p = {u(rng), u(rng) * 0.5};
    const SpatialIndex idx = SpatialIndex::of_points(pts);
    CHECK(idx.size() == 5000);
    for (int q = 0; q < 50; ++q) {
        Box b{u(rng), u(rng) * 0.5, 0, 0};
        b.max_x = b.min_x + u(rng) * 0.2;
        b.max_y = b.min_y + u(rng) * 0.2;
        std::set<std::uint32_t> expected;
        for (std::uint32_t i = 0; i < pts.size(); ++i)
            if (b.contains(pts[i])) expected.insert(i);
        auto found = idx.search(b);
        CHECK(std::set<std::uint32_t>(found.begin(), found.end()) == expected);

        const Vec2 p{u(rng), u(rng) * 0.5};
        std::uint32_t best = 0;
        double best_d = 1e9;
        for (std::uint32_t i = 0; i < pts.size(); ++i) {
            const double d = std::hypot(pts[i].x - p.x, pts[i].y - p.y);
            if (d < best_d) {
                best_d = d;
                best = i;
            }
        }
        auto near = idx.nearest(p, 1.0);
        REQUIRE(near);
        CHECK(std::hypot(pts[*near].x - p.x, pts[*near].y - p.y) == doctest::Approx(best_d));
        (void)best;
        CHECK_FALSE(idx.nearest(p, best_d * 0.99));
        // A filter skips to the next nearest.
        auto other = idx.nearest(p, 1.0, [&](std::uint32_t i) { return i != *near; });
        REQUIRE(other);
        CHECK(*other != *near);
    }
    // Boxes: the smallest index and an empty one.
    const SpatialIndex one(std::vector<Box>{Box{0, 0, 1, 1}});
    CHECK(one.search(Box{0.5, 0.5, 2, 2}).size() == 1);
    CHECK(SpatialIndex().search(Box{0, 0, 1, 1}).empty());
    CHECK_FALSE(SpatialIndex().nearest({0, 0}, 1));
}

TEST_CASE("clusters: every point once, grouped by power-of-two cells anchored at the origin") {
    // Cell size at level 2 is 0.25. Two points in the first cell, one in the next, one far away.
    const std::vector<Vec2> pts{{0.1, 0.1}, {0.2, 0.05}, {0.3, 0.1}, {0.9, 0.9}};
    const std::vector<std::uint8_t> groups{0, 1, 2, 0};
    const ClusterTree tree(pts, groups);
    auto c2 = tree.clusters(2);
    REQUIRE(c2.size() == 3);
    CHECK(c2[0].count == 2);
    CHECK(c2[0].center.x == doctest::Approx(0.15));
    CHECK(c2[0].groups == std::array<std::uint32_t, 3>{1, 1, 0});
    auto c1 = tree.clusters(1); // cells of 0.5: the first three together
    REQUIRE(c1.size() == 2);
    CHECK(c1[0].count == 3);
    CHECK(tree.clusters(0).size() == 1);
    CHECK(tree.clusters(30).size() == 4);
    // Members of a cluster are a run of order().
    std::set<std::uint32_t> members;
    for (std::uint32_t k = c1[0].first; k < c1[0].first + c1[0].count; ++k) members.insert(tree.order()[k]);
    CHECK(members == std::set<std::uint32_t>{0, 1, 2});
    CHECK(ClusterTree({}, {}).clusters(3).empty());
}

TEST_CASE("Douglas-Peucker keeps corners and drops what lies on a line") {
    const Path line{{0, 0}, {1, 0.01}, {2, 0}, {3, 0.02}, {4, 0}};
    CHECK(simplify(line, 0.1, false).size() == 2);
    CHECK(simplify(line, 0.001, false).size() == 5);
    Path sq;
    for (int i = 0; i < 10; ++i) sq.push_back({i * 0.1, 0});
    for (int i = 0; i < 10; ++i) sq.push_back({1, i * 0.1});
    for (int i = 0; i < 10; ++i) sq.push_back({1 - i * 0.1, 1});
    for (int i = 0; i < 10; ++i) sq.push_back({0, 1 - i * 0.1});
    const Path s = simplify(sq, 0.01, true);
    CHECK(s.size() == 4);
    CHECK(std::abs(signed_area2(s)) == doctest::Approx(2.0));
}

TEST_CASE("Visvalingam areas: ends always kept, areas never decrease in removal order") {
    const Path line{{0, 0}, {1, 1}, {2, 0}, {3, 0.1}, {4, 0}};
    auto a = visvalingam_areas(line);
    CHECK(std::isinf(a.front()));
    CHECK(std::isinf(a.back()));
    CHECK(a[3] == doctest::Approx(0.1)); // the small bump goes first
    CHECK(a[1] >= a[3]);
    CHECK(a[2] >= a[3]);
}

TEST_CASE("assembling rings: outer, hole, island in the hole, and a separate outer") {
    const MultiShape s = assemble_rings({square(2, 2, 2), square(0, 0, 10), square(2.5, 2.5, 1),
                                         square(20, 20, 1)});
    REQUIRE(s.size() == 3);
    std::size_t with_hole = 0;
    for (const Shape& sh : s) with_hole += sh.size() == 2;
    CHECK(with_hole == 1);
    CHECK(point_in_shapes({1, 1}, s));
    CHECK_FALSE(point_in_shapes({2.2, 2.2}, s));
    CHECK(point_in_shapes({3, 3}, s)); // the island
    CHECK(point_in_shapes({20.5, 20.5}, s));
}
