// Marker clusters: points sorted once along a Z-order (Morton) curve, so the points of any
// power-of-two grid cell are one contiguous run and clusters at every zoom cost one pass each.
#pragma once

#include "core/geometry.h"

#include <array>
#include <cstdint>
#include <vector>

namespace footprint::core {

struct Cluster {
    Vec2 center;                          // mean of the members
    Box bounds;                           // of the members
    std::uint32_t first = 0, count = 0;   // members: ClusterTree::order()[first, first + count)
    std::array<std::uint32_t, 3> groups{}; // members by group (account status)
};

class ClusterTree {
public:
    static constexpr int kMaxLevel = 31;
    ClusterTree() = default;
    // `points` in world units ([0, 1) both ways); `groups` (0..2) per point, or empty.
    ClusterTree(const std::vector<Vec2>& points, const std::vector<std::uint8_t>& groups);

    // Clusters of the grid whose cells are 2^-level world units wide, anchored at the world's
    // origin (so they stay put while the map pans). Every point is in exactly one cluster.
    std::vector<Cluster> clusters(int level) const;
    // Point indices in Z-order.
    const std::vector<std::uint32_t>& order() const { return order_; }
    std::size_t size() const { return order_.size(); }

private:
    std::vector<std::uint64_t> codes_; // Morton code of each point in order_
    std::vector<std::uint32_t> order_;
    std::vector<Vec2> points_;          // in order_
    std::vector<std::uint8_t> groups_;  // in order_
};

} // namespace footprint::core
