// Ear clipping, O(n^2): territory outlines have tens to a few thousand vertices and are
// triangulated once per shape, not per frame.
#include "core/geometry.h"

namespace footprint::core {

double signed_area2(const std::vector<Vec2>& r) {
    double a = 0;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        a += r[j].x * r[i].y - r[i].x * r[j].y;
    return a;
}

bool point_in_ring(Vec2 p, const std::vector<Vec2>& r) {
    bool inside = false;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
        if ((r[i].y > p.y) != (r[j].y > p.y) &&
            p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
            inside = !inside;
    }
    return inside;
}

namespace {

double cross(Vec2 a, Vec2 b, Vec2 c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }

bool in_triangle(Vec2 p, Vec2 a, Vec2 b, Vec2 c) {
    // Inclusive of edges so a reflex vertex touching the ear blocks it.
    return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

} // namespace

std::vector<std::array<std::uint32_t, 3>> triangulate(const std::vector<Vec2>& ring) {
    std::vector<std::array<std::uint32_t, 3>> out;
    const std::size_t n = ring.size();
    if (n < 3) return out;
    std::vector<std::uint32_t> idx(n);
    const bool ccw = signed_area2(ring) > 0;
    for (std::size_t i = 0; i < n; ++i)
        idx[i] = static_cast<std::uint32_t>(ccw ? i : n - 1 - i);
    out.reserve(n - 2);
    std::size_t guard = 0;
    std::size_t i = 0;
    while (idx.size() > 3 && guard < idx.size()) {
        const std::size_t m = idx.size();
        const std::uint32_t ia = idx[(i + m - 1) % m], ib = idx[i % m], ic = idx[(i + 1) % m];
        const Vec2 a = ring[ia], b = ring[ib], c = ring[ic];
        bool ear = cross(a, b, c) > 0;
        for (std::size_t k = 0; ear && k < m; ++k) {
            const std::uint32_t v = idx[k];
            if (v == ia || v == ib || v == ic) continue;
            if (in_triangle(ring[v], a, b, c)) ear = false;
        }
        if (ear) {
            out.push_back({ia, ib, ic});
            idx.erase(idx.begin() + static_cast<std::ptrdiff_t>(i % m));
            guard = 0;
            if (i >= idx.size()) i = 0;
        } else {
            ++i;
            if (i >= idx.size()) i = 0;
            ++guard;
        }
    }
    if (idx.size() == 3 && cross(ring[idx[0]], ring[idx[1]], ring[idx[2]]) != 0)
        out.push_back({idx[0], idx[1], idx[2]});
    return out;
}

} // namespace footprint::core
