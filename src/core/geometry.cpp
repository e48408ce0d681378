// Ear clipping (holes joined by bridges, after Eberly), even-odd containment with a banded edge
// index, Douglas-Peucker and Visvalingam. Shapes are triangulated once per change, not per frame.
#include "core/geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>

namespace footprint::core {

void Box::add(Vec2 p) {
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
}

void Box::add(const Box& b) {
    if (b.empty()) return;
    add(Vec2{b.min_x, b.min_y});
    add(Vec2{b.max_x, b.max_y});
}

Box bounds_of(const Path& path) {
    Box b;
    for (Vec2 p : path) b.add(p);
    return b;
}

Box bounds_of(const MultiShape& shapes) {
    Box b;
    for (const Shape& s : shapes)
        if (!s.empty()) b.add(bounds_of(s[0]));
    return b;
}

double signed_area2(const std::vector<Vec2>& r) {
    double a = 0;
    if (r.empty()) return 0;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        a += r[j].x * r[i].y - r[i].x * r[j].y;
    return a;
}

bool point_in_ring(Vec2 p, const std::vector<Vec2>& r) {
    bool inside = false;
    if (r.empty()) return false;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
        if ((r[i].y > p.y) != (r[j].y > p.y) &&
            p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
            inside = !inside;
    }
    return inside;
}

bool point_in_shape(Vec2 p, const Shape& shape) {
    if (shape.empty() || !point_in_ring(p, shape[0])) return false;
    for (std::size_t h = 1; h < shape.size(); ++h)
        if (point_in_ring(p, shape[h])) return false;
    return true;
}

bool point_in_shapes(Vec2 p, const MultiShape& shapes) {
    for (const Shape& s : shapes)
        if (point_in_shape(p, s)) return true;
    return false;
}

// --- prepared containment ---------------------------------------------------------------------

PreparedArea::PreparedArea(const MultiShape& shapes) {
    for (const Shape& s : shapes)
        for (const Path& r : s) {
            if (r.size() < 3) continue;
            for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
                if (r[i].y == r[j].y) continue; // horizontal edges never cross a ray
                edges_.push_back({r[j], r[i]});
                box_.add(r[i]);
            }
        }
    if (edges_.empty()) return;
    const std::size_t bands = std::clamp<std::size_t>(edges_.size() / 4, 1, 4096);
    band_h_ = std::max(box_.height() / static_cast<double>(bands), 1e-300);
    auto band_of = [&](double y) {
        const double b = std::floor((y - box_.min_y) / band_h_);
        return static_cast<std::size_t>(std::clamp(b, 0.0, static_cast<double>(bands - 1)));
    };
    std::vector<std::uint32_t> count(bands + 1, 0);
    for (const Edge& e : edges_)
        for (std::size_t b = band_of(std::min(e.a.y, e.b.y)); b <= band_of(std::max(e.a.y, e.b.y)); ++b)
            ++count[b + 1];
    band_start_.assign(bands + 1, 0);
    for (std::size_t b = 0; b < bands; ++b) band_start_[b + 1] = band_start_[b] + count[b + 1];
    band_edges_.resize(band_start_[bands]);
    std::vector<std::uint32_t> fill(band_start_.begin(), band_start_.end() - 1);
    for (std::uint32_t i = 0; i < edges_.size(); ++i) {
        const Edge& e = edges_[i];
        for (std::size_t b = band_of(std::min(e.a.y, e.b.y)); b <= band_of(std::max(e.a.y, e.b.y)); ++b)
            band_edges_[fill[b]++] = i;
    }
}

bool PreparedArea::contains(Vec2 p) const {
    if (edges_.empty() || !box_.contains(p)) return false;
    const std::size_t bands = band_start_.size() - 1;
    const double fb = std::floor((p.y - box_.min_y) / band_h_);
    const std::size_t b = static_cast<std::size_t>(std::clamp(fb, 0.0, static_cast<double>(bands - 1)));
    bool inside = false;
    for (std::uint32_t k = band_start_[b]; k < band_start_[b + 1]; ++k) {
        const Edge& e = edges_[band_edges_[k]];
        if ((e.a.y > p.y) != (e.b.y > p.y) &&
            p.x < (e.b.x - e.a.x) * (p.y - e.a.y) / (e.b.y - e.a.y) + e.a.x)
            inside = !inside;
    }
    return inside;
}

std::vector<std::uint32_t> points_in_lasso(const std::vector<Vec2>& points, const Path& lasso) {
    std::vector<std::uint32_t> out;
    if (lasso.size() < 3) return out;
    const PreparedArea area(MultiShape{Shape{lasso}});
    for (std::uint32_t i = 0; i < points.size(); ++i)
        if (area.contains(points[i])) out.push_back(i);
    return out;
}

// --- triangulation ------------------------------------------------------------------------------

namespace {

double cross(Vec2 a, Vec2 b, Vec2 c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }
bool same(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }

bool in_triangle(Vec2 p, Vec2 a, Vec2 b, Vec2 c) {
    // Inclusive of edges so a reflex vertex touching the ear blocks it.
    return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

// Ear clipping over `poly` (indices into `v`, counter-clockwise), appending triangles to `out`.
void clip_ears(const std::vector<Vec2>& v, const std::vector<std::uint32_t>& poly,
               std::vector<std::uint32_t>& out) {
    const std::size_t n = poly.size();
    if (n < 3) return;
    std::vector<std::uint32_t> prev(n), next(n);
    for (std::size_t i = 0; i < n; ++i) {
        prev[i] = static_cast<std::uint32_t>((i + n - 1) % n);
        next[i] = static_cast<std::uint32_t>((i + 1) % n);
    }
    auto pt = [&](std::uint32_t node) { return v[poly[node]]; };
    auto is_ear = [&](std::uint32_t b) {
        const std::uint32_t a = prev[b], c = next[b];
        const Vec2 pa = pt(a), pb = pt(b), pc = pt(c);
        if (cross(pa, pb, pc) <= 0) return false;
        const double minx = std::min({pa.x, pb.x, pc.x}), maxx = std::max({pa.x, pb.x, pc.x});
        const double miny = std::min({pa.y, pb.y, pc.y}), maxy = std::max({pa.y, pb.y, pc.y});
        for (std::uint32_t k = next[c]; k != a; k = next[k]) {
            const Vec2 p = pt(k);
            if (p.x < minx || p.x > maxx || p.y < miny || p.y > maxy) continue;
            if (same(p, pa) || same(p, pb) || same(p, pc)) continue;
            if (in_triangle(p, pa, pb, pc)) return false;
        }
        return true;
    };
    std::size_t left = n;
    std::uint32_t cur = 0;
    std::size_t misses = 0;
    auto emit_and_remove = [&](std::uint32_t b) {
        out.push_back(poly[prev[b]]);
        out.push_back(poly[b]);
        out.push_back(poly[next[b]]);
        next[prev[b]] = next[b];
        prev[next[b]] = prev[b];
        --left;
    };
    while (left > 3) {
        if (is_ear(cur)) {
            const std::uint32_t after = next[cur];
            emit_and_remove(cur);
            cur = after;
            misses = 0;
            continue;
        }
        cur = next[cur];
        if (++misses < left) continue;
        // A full turn without an ear: the outline touches or crosses itself. Drop a collinear
        // vertex if there is one, else clip the first convex corner anyway (best effort).
        misses = 0;
        bool fixed = false;
        for (std::size_t k = 0; k < left && !fixed; ++k, cur = next[cur]) {
            if (cross(pt(prev[cur]), pt(cur), pt(next[cur])) == 0) {
                const std::uint32_t after = next[cur];
                next[prev[cur]] = after;
                prev[after] = prev[cur];
                --left;
                cur = after;
                fixed = true;
            }
        }
        for (std::size_t k = 0; k < left && !fixed; ++k, cur = next[cur]) {
            if (cross(pt(prev[cur]), pt(cur), pt(next[cur])) > 0) {
                const std::uint32_t after = next[cur];
                emit_and_remove(cur);
                cur = after;
                fixed = true;
            }
        }
        if (!fixed) return; // every corner reflex or flat: nothing sensible to fill
    }
    if (left == 3 && cross(pt(prev[cur]), pt(cur), pt(next[cur])) > 0) emit_and_remove(cur);
}

// Joins `hole` (clockwise) into `poly` (counter-clockwise) with a bridge from the hole's rightmost
// vertex to a vertex of `poly` it can see.
void bridge_hole(const std::vector<Vec2>& v, std::vector<std::uint32_t>& poly,
                 const std::vector<std::uint32_t>& hole) {
    std::size_t hm = 0;
    for (std::size_t i = 1; i < hole.size(); ++i)
        if (v[hole[i]].x > v[hole[hm]].x) hm = i;
    const Vec2 m = v[hole[hm]];
    // Nearest crossing of the ray m -> +x with an edge of poly.
    double best_x = std::numeric_limits<double>::infinity();
    std::size_t edge = poly.size();
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const Vec2 a = v[poly[i]], b = v[poly[(i + 1) % poly.size()]];
        if ((a.y > m.y) == (b.y > m.y) && !(a.y == m.y && b.y == m.y)) continue;
        if (a.y == b.y) continue;
        const double x = a.x + (m.y - a.y) * (b.x - a.x) / (b.y - a.y);
        if (x >= m.x && x < best_x) {
            best_x = x;
            edge = i;
        }
    }
    if (edge == poly.size()) return; // the hole is not inside the outline: leave it out
    const std::size_t ia = edge, ib = (edge + 1) % poly.size();
    std::size_t target = v[poly[ia]].x > v[poly[ib]].x ? ia : ib;
    const Vec2 hit{best_x, m.y};
    const Vec2 p = v[poly[target]];
    if (!(p.y == m.y && p.x == best_x)) {
        // A vertex inside the triangle m-hit-p could block the view: take the one at the smallest
        // angle from the ray instead.
        double best_angle = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < poly.size(); ++i) {
            const Vec2 q = v[poly[i]];
            if (q.x < m.x || same(q, p)) continue;
            const bool inside = p.y > m.y ? in_triangle(q, m, hit, p) : in_triangle(q, m, p, hit);
            if (!inside) continue;
            const double angle = std::abs(q.y - m.y) / std::max(q.x - m.x, 1e-300);
            if (angle < best_angle) {
                best_angle = angle;
                target = i;
            }
        }
    }
    std::vector<std::uint32_t> merged;
    merged.reserve(poly.size() + hole.size() + 2);
    merged.insert(merged.end(), poly.begin(), poly.begin() + static_cast<std::ptrdiff_t>(target) + 1);
    for (std::size_t k = 0; k <= hole.size(); ++k) merged.push_back(hole[(hm + k) % hole.size()]);
    merged.push_back(poly[target]);
    merged.insert(merged.end(), poly.begin() + static_cast<std::ptrdiff_t>(target) + 1, poly.end());
    poly = std::move(merged);
}

} // namespace

Triangulation triangulate_shape(const Shape& shape) {
    Triangulation t;
    std::vector<std::vector<std::uint32_t>> rings;
    for (const Path& r : shape) {
        std::vector<std::uint32_t> idx;
        for (Vec2 p : r) {
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
            if (!idx.empty() && same(t.vertices[idx.back()], p)) continue;
            idx.push_back(static_cast<std::uint32_t>(t.vertices.size()));
            t.vertices.push_back(p);
        }
        while (idx.size() > 1 && same(t.vertices[idx.front()], t.vertices[idx.back()])) idx.pop_back();
        if (rings.empty() && idx.size() < 3) return t; // no outer ring
        if (idx.size() >= 3) rings.push_back(std::move(idx));
    }
    if (rings.empty()) return t;
    auto area = [&](const std::vector<std::uint32_t>& r) {
        std::vector<Vec2> pts;
        pts.reserve(r.size());
        for (auto i : r) pts.push_back(t.vertices[i]);
        return signed_area2(pts);
    };
    std::vector<std::uint32_t> poly = rings[0];
    if (area(poly) < 0) std::reverse(poly.begin(), poly.end());
    std::vector<std::vector<std::uint32_t>> holes(rings.begin() + 1, rings.end());
    for (auto& h : holes)
        if (area(h) > 0) std::reverse(h.begin(), h.end());
    auto max_x = [&](const std::vector<std::uint32_t>& h) {
        double x = -std::numeric_limits<double>::infinity();
        for (auto i : h) x = std::max(x, t.vertices[i].x);
        return x;
    };
    std::sort(holes.begin(), holes.end(), [&](const auto& a, const auto& b) { return max_x(a) > max_x(b); });
    for (const auto& h : holes) bridge_hole(t.vertices, poly, h);
    clip_ears(t.vertices, poly, t.indices);
    return t;
}

std::vector<std::array<std::uint32_t, 3>> triangulate(const std::vector<Vec2>& ring) {
    std::vector<std::array<std::uint32_t, 3>> out;
    if (ring.size() < 3) return out;
    // Same ear clipper; indices map back to `ring` (duplicates removed only at the ends of edges).
    std::vector<std::uint32_t> poly(ring.size());
    std::iota(poly.begin(), poly.end(), 0u);
    if (signed_area2(ring) < 0) std::reverse(poly.begin(), poly.end());
    if (signed_area2(ring) == 0) return out;
    std::vector<std::uint32_t> flat;
    clip_ears(ring, poly, flat);
    for (std::size_t i = 0; i + 2 < flat.size(); i += 3) out.push_back({flat[i], flat[i + 1], flat[i + 2]});
    return out;
}

MultiShape assemble_rings(std::vector<Path> rings) {
    rings.erase(std::remove_if(rings.begin(), rings.end(), [](const Path& r) { return r.size() < 3; }),
                rings.end());
    std::vector<double> area(rings.size());
    for (std::size_t i = 0; i < rings.size(); ++i) area[i] = std::abs(signed_area2(rings[i]));
    std::vector<std::size_t> order(rings.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return area[a] > area[b]; });
    MultiShape out;
    std::vector<int> depth(rings.size(), 0);
    std::vector<std::size_t> shape_of(rings.size(), 0);
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        // A point of the ring that is not a vertex of another ring: the middle of its first edge.
        const Vec2 probe{(rings[i][0].x + rings[i][1].x) / 2, (rings[i][0].y + rings[i][1].y) / 2};
        std::size_t innermost = rings.size();
        for (std::size_t m = 0; m < k; ++m) {
            const std::size_t j = order[m];
            if (point_in_ring(probe, rings[j]) && (innermost == rings.size() || area[j] < area[innermost]))
                innermost = j;
        }
        depth[i] = innermost == rings.size() ? 0 : depth[innermost] + 1;
        if (depth[i] % 2 == 0) {
            shape_of[i] = out.size();
            out.push_back(Shape{rings[i]});
        } else {
            shape_of[i] = shape_of[innermost];
            out[shape_of[i]].push_back(rings[i]);
        }
    }
    return out;
}

// --- distances and simplification ---------------------------------------------------------------

double distance2_to_segment(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

namespace {

void douglas_peucker(const Path& p, std::size_t first, std::size_t last, double tol2,
                     std::vector<bool>& keep) {
    std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
    while (!stack.empty()) {
        auto [a, b] = stack.back();
        stack.pop_back();
        double worst = -1;
        std::size_t at = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double d = distance2_to_segment(p[i], p[a], p[b]);
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        if (worst > tol2) {
            keep[at] = true;
            stack.push_back({a, at});
            stack.push_back({at, b});
        }
    }
}

} // namespace

Path simplify(const Path& path, double tolerance, bool closed) {
    if (path.size() < 3) return path;
    std::vector<bool> keep(path.size(), false);
    const double tol2 = tolerance * tolerance;
    if (closed) {
        // Split the ring at the point farthest from its first point, simplify both halves.
        std::size_t far = 0;
        double far_d = -1;
        for (std::size_t i = 1; i < path.size(); ++i) {
            const double dx = path[i].x - path[0].x, dy = path[i].y - path[0].y;
            if (dx * dx + dy * dy > far_d) {
                far_d = dx * dx + dy * dy;
                far = i;
            }
        }
        keep[0] = keep[far] = true;
        douglas_peucker(path, 0, far, tol2, keep);
        Path wrapped(path.begin() + static_cast<std::ptrdiff_t>(far), path.end());
        wrapped.push_back(path[0]);
        std::vector<bool> keep2(wrapped.size(), false);
        douglas_peucker(wrapped, 0, wrapped.size() - 1, tol2, keep2);
        for (std::size_t i = 1; i + 1 < wrapped.size(); ++i)
            if (keep2[i]) keep[far + i] = true;
    } else {
        keep.front() = keep.back() = true;
        douglas_peucker(path, 0, path.size() - 1, tol2, keep);
    }
    Path out;
    for (std::size_t i = 0; i < path.size(); ++i)
        if (keep[i]) out.push_back(path[i]);
    if (closed && out.size() < 3) {
        // Too small to keep its shape at this tolerance: keep a triangle of its extremes.
        out = {path[0], path[path.size() / 3], path[2 * path.size() / 3]};
    }
    return out;
}

std::vector<double> visvalingam_areas(const Path& line) {
    const std::size_t n = line.size();
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> area(n, inf);
    if (n <= 2) return area;
    std::vector<std::size_t> prev(n), next(n);
    for (std::size_t i = 0; i < n; ++i) {
        prev[i] = i - 1;
        next[i] = i + 1;
    }
    auto tri = [&](std::size_t i) { return std::abs(cross(line[prev[i]], line[i], line[next[i]])) / 2; };
    using Item = std::pair<double, std::size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    std::vector<double> eff(n, inf);
    for (std::size_t i = 1; i + 1 < n; ++i) {
        eff[i] = tri(i);
        heap.push({eff[i], i});
    }
    std::vector<bool> removed(n, false);
    double max_so_far = 0;
    while (!heap.empty()) {
        auto [a, i] = heap.top();
        heap.pop();
        if (removed[i] || a != eff[i]) continue;
        removed[i] = true;
        max_so_far = std::max(max_so_far, a);
        area[i] = max_so_far;
        const std::size_t p = prev[i], q = next[i];
        next[p] = q;
        prev[q] = p;
        for (std::size_t j : {p, q})
            if (j > 0 && j + 1 < n && !removed[j]) {
                eff[j] = tri(j);
                heap.push({eff[j], j});
            }
    }
    return area;
}

} // namespace footprint::core
