// Z-order sort once (O(n log n)), then one linear pass per zoom level.
#include "core/clustering.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace footprint::core {

namespace {

std::uint64_t spread(std::uint32_t v) { // 31 bits -> every other bit of 62
    std::uint64_t x = v;
    x = (x | (x << 16)) & 0x0000FFFF0000FFFFull;
    x = (x | (x << 8)) & 0x00FF00FF00FF00FFull;
    x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0Full;
    x = (x | (x << 2)) & 0x3333333333333333ull;
    x = (x | (x << 1)) & 0x5555555555555555ull;
    return x;
}

std::uint32_t cell_of(double v) {
    const double scaled = std::floor(std::clamp(v, 0.0, 1.0) * 2147483648.0); // 2^31
    return static_cast<std::uint32_t>(std::min(scaled, 2147483647.0));
}

} // namespace

ClusterTree::ClusterTree(const std::vector<Vec2>& points, const std::vector<std::uint8_t>& groups) {
    const std::size_t n = points.size();
    std::vector<std::uint64_t> codes(n);
    for (std::size_t i = 0; i < n; ++i)
        codes[i] = spread(cell_of(points[i].x)) | (spread(cell_of(points[i].y)) << 1);
    order_.resize(n);
    std::iota(order_.begin(), order_.end(), 0u);
    std::sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
        return codes[a] < codes[b] || (codes[a] == codes[b] && a < b);
    });
    codes_.resize(n);
    points_.resize(n);
    groups_.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        codes_[k] = codes[order_[k]];
        points_[k] = points[order_[k]];
        groups_[k] = groups.size() == n ? std::min<std::uint8_t>(groups[order_[k]], 2) : 0;
    }
}

std::vector<Cluster> ClusterTree::clusters(int level) const {
    std::vector<Cluster> out;
    const int shift = 2 * (kMaxLevel - std::clamp(level, 0, kMaxLevel));
    std::size_t k = 0;
    while (k < codes_.size()) {
        const std::uint64_t cell = codes_[k] >> shift;
        Cluster c;
        c.first = static_cast<std::uint32_t>(k);
        double sx = 0, sy = 0;
        for (; k < codes_.size() && (codes_[k] >> shift) == cell; ++k) {
            sx += points_[k].x;
            sy += points_[k].y;
            c.bounds.add(points_[k]);
            ++c.groups[groups_[k]];
        }
        c.count = static_cast<std::uint32_t>(k - c.first);
        c.center = {sx / c.count, sy / c.count};
        out.push_back(c);
    }
    return out;
}

} // namespace footprint::core
