// Triangulation and point-in-ring against shapes whose answers are known.
#include "core/geometry.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <cmath>

using namespace footprint::core;

namespace {
double triangles_area(const std::vector<Vec2>& r, const std::vector<std::array<std::uint32_t, 3>>& t) {
    double a = 0;
    for (const auto& tri : t)
        a += std::abs((r[tri[1]].x - r[tri[0]].x) * (r[tri[2]].y - r[tri[0]].y) -
                      (r[tri[1]].y - r[tri[0]].y) * (r[tri[2]].x - r[tri[0]].x)) / 2;
    return a;
}
} // namespace

TEST_CASE("a concave L shape triangulates into n-2 triangles covering its area, either winding") {
    std::vector<Vec2> l = {{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 3}, {0, 3}};
    for (int pass = 0; pass < 2; ++pass) {
        auto t = triangulate(l);
        CHECK(t.size() == l.size() - 2);
        CHECK(triangles_area(l, t) == doctest::Approx(6.0));
        CHECK(std::abs(signed_area2(l)) == doctest::Approx(12.0));
        std::reverse(l.begin(), l.end());
    }
}

TEST_CASE("a staircase (like the sample's East territory) triangulates without overlap") {
    std::vector<Vec2> s = {{0, 0}, {6, 0}, {6, 6}, {4, 6}, {4, 4}, {2, 4}, {2, 2}, {0, 2}};
    auto t = triangulate(s);
    CHECK(t.size() == 6);
    CHECK(triangles_area(s, t) == doctest::Approx(std::abs(signed_area2(s)) / 2));
}

TEST_CASE("degenerate input gives no triangles") {
    CHECK(triangulate({}).empty());
    CHECK(triangulate({{0, 0}, {1, 1}}).empty());
    CHECK(triangulate({{0, 0}, {1, 1}, {2, 2}}).empty());
}

TEST_CASE("point in ring, even-odd") {
    std::vector<Vec2> l = {{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 3}, {0, 3}};
    CHECK(point_in_ring({0.5, 2}, l));
    CHECK(point_in_ring({3, 0.5}, l));
    CHECK_FALSE(point_in_ring({3, 2}, l));
    CHECK_FALSE(point_in_ring({-1, 0.5}, l));
}
