// Packed Hilbert R-tree, built bottom-up in O(n log n): sorted leaves, then parent levels whose
// boxes enclose 16 children each. The layout follows Vladimir Agafonkin's flatbush.
#include "core/spatial_index.h"

#include <algorithm>
#include <numeric>

namespace footprint::core {

namespace {

// Position along a Hilbert curve of order 16 (Warren's "Hacker's Delight" iterative form).
std::uint32_t hilbert(std::uint32_t x, std::uint32_t y) {
    std::uint32_t a = x ^ y, b = 0xFFFF ^ a, c = 0xFFFF ^ (x | y), d = x & (y ^ 0xFFFF);
    std::uint32_t A = a | (b >> 1), B = (a >> 1) ^ a, C = ((c >> 1) ^ (b & (d >> 1))) ^ c,
                  D = ((a & (c >> 1)) ^ (d >> 1)) ^ d;
    a = A; b = B; c = C; d = D;
    A = ((a & (a >> 2)) ^ (b & (b >> 2)));
    B = ((a & (b >> 2)) ^ (b & ((a ^ b) >> 2)));
    C ^= ((a & (c >> 2)) ^ (b & (d >> 2)));
    D ^= ((b & (c >> 2)) ^ ((a ^ b) & (d >> 2)));
    a = A; b = B; c = C; d = D;
    A = ((a & (a >> 4)) ^ (b & (b >> 4)));
    B = ((a & (b >> 4)) ^ (b & ((a ^ b) >> 4)));
    C ^= ((a & (c >> 4)) ^ (b & (d >> 4)));
    D ^= ((b & (c >> 4)) ^ ((a ^ b) & (d >> 4)));
    a = A; b = B; c = C; d = D;
    C ^= ((a & (c >> 8)) ^ (b & (d >> 8)));
    D ^= ((b & (c >> 8)) ^ ((a ^ b) & (d >> 8)));
    a = C ^ (C >> 1);
    b = D ^ (D >> 1);
    std::uint32_t i0 = x ^ y, i1 = b | (0xFFFF ^ (i0 | a));
    i0 = (i0 | (i0 << 8)) & 0x00FF00FF; i0 = (i0 | (i0 << 4)) & 0x0F0F0F0F;
    i0 = (i0 | (i0 << 2)) & 0x33333333; i0 = (i0 | (i0 << 1)) & 0x55555555;
    i1 = (i1 | (i1 << 8)) & 0x00FF00FF; i1 = (i1 | (i1 << 4)) & 0x0F0F0F0F;
    i1 = (i1 | (i1 << 2)) & 0x33333333; i1 = (i1 | (i1 << 1)) & 0x55555555;
    return (i1 << 1) | i0;
}

} // namespace

SpatialIndex::SpatialIndex(const std::vector<Box>& boxes) { build(boxes); }

SpatialIndex SpatialIndex::of_points(const std::vector<Vec2>& points) {
    std::vector<Box> boxes(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        boxes[i] = Box{points[i].x, points[i].y, points[i].x, points[i].y};
    SpatialIndex idx;
    idx.build(std::move(boxes));
    return idx;
}

void SpatialIndex::build(std::vector<Box> items) {
    count_ = static_cast<std::uint32_t>(items.size());
    boxes_.clear();
    ids_.clear();
    level_end_.clear();
    root_ = Box{};
    if (items.empty()) return;
    for (const Box& b : items) root_.add(b);
    const double w = std::max(root_.width(), 1e-300), h = std::max(root_.height(), 1e-300);
    std::vector<std::uint32_t> keys(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Vec2 c = items[i].center();
        const auto x = static_cast<std::uint32_t>(std::clamp((c.x - root_.min_x) / w, 0.0, 1.0) * 65535.0);
        const auto y = static_cast<std::uint32_t>(std::clamp((c.y - root_.min_y) / h, 0.0, 1.0) * 65535.0);
        keys[i] = hilbert(x, y);
    }
    std::vector<std::uint32_t> order(items.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b] || (keys[a] == keys[b] && a < b); });
    boxes_.reserve(items.size() * 17 / 15 + 2);
    ids_.reserve(boxes_.capacity());
    for (std::uint32_t i : order) {
        boxes_.push_back(items[i]);
        ids_.push_back(i);
    }
    level_end_.push_back(count_);
    // Parent levels until a single root node holds everything.
    std::uint32_t begin = 0, end = count_;
    do {
        for (std::uint32_t pos = begin; pos < end; pos += kNodeSize) {
            Box b;
            for (std::uint32_t k = pos; k < std::min(pos + kNodeSize, end); ++k) b.add(boxes_[k]);
            boxes_.push_back(b);
            ids_.push_back(pos);
        }
        begin = end;
        end = static_cast<std::uint32_t>(boxes_.size());
        level_end_.push_back(end);
    } while (end - begin > 1);
}

std::uint32_t SpatialIndex::node_end(std::uint32_t node) const {
    // The node's children end at the next multiple of kNodeSize within its level, or the level end.
    std::size_t level = 0;
    while (level_end_[level] <= node) ++level;
    const std::uint32_t level_begin = level == 0 ? 0 : level_end_[level - 1];
    return std::min(node + kNodeSize - (node - level_begin) % kNodeSize, level_end_[level]);
}

double SpatialIndex::distance2(Vec2 p, const Box& b) {
    const double dx = p.x < b.min_x ? b.min_x - p.x : p.x > b.max_x ? p.x - b.max_x : 0;
    const double dy = p.y < b.min_y ? b.min_y - p.y : p.y > b.max_y ? p.y - b.max_y : 0;
    return dx * dx + dy * dy;
}

std::vector<std::uint32_t> SpatialIndex::search(const Box& query) const {
    std::vector<std::uint32_t> out;
    search(query, [&](std::uint32_t id) {
        out.push_back(id);
        return true;
    });
    return out;
}

} // namespace footprint::core
