// A static packed R-tree (items sorted along a Hilbert curve, 16 per node) over points or boxes:
// what is in this rectangle (culling, box select, lasso), and what is nearest this point (picking).
#pragma once

#include "core/geometry.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace footprint::core {

class SpatialIndex {
public:
    static constexpr std::uint32_t kNodeSize = 16;

    SpatialIndex() = default;
    // Item i is boxes[i] (or the point points[i]); ids returned by queries are these positions.
    explicit SpatialIndex(const std::vector<Box>& boxes);
    static SpatialIndex of_points(const std::vector<Vec2>& points);

    std::size_t size() const { return count_; }
    bool empty() const { return count_ == 0; }
    const Box& bounds() const { return root_; }

    // Calls visit(id) for every item whose box intersects `query`; visit returns false to stop.
    template <typename Visit> void search(const Box& query, Visit&& visit) const {
        if (count_ == 0 || !root_.intersects(query)) return;
        std::vector<std::uint32_t> stack;
        stack.reserve(64);
        std::uint32_t node = static_cast<std::uint32_t>(boxes_.size() - 1);
        for (;;) {
            const std::uint32_t end = node_end(node);
            for (std::uint32_t pos = node; pos < end; ++pos) {
                if (!boxes_[pos].intersects(query)) continue;
                if (node < count_) {
                    if (!visit(ids_[pos])) return;
                } else {
                    stack.push_back(ids_[pos]);
                }
            }
            if (stack.empty()) return;
            node = stack.back();
            stack.pop_back();
        }
    }
    std::vector<std::uint32_t> search(const Box& query) const;

    // The item nearest `p` (distance to its box) within `max_distance`, among those `accept`s.
    template <typename Accept>
    std::optional<std::uint32_t> nearest(Vec2 p, double max_distance, Accept&& accept) const;
    std::optional<std::uint32_t> nearest(Vec2 p, double max_distance) const {
        return nearest(p, max_distance, [](std::uint32_t) { return true; });
    }

private:
    void build(std::vector<Box> items);
    // One past the last entry of the node starting at `node`.
    std::uint32_t node_end(std::uint32_t node) const;
    static double distance2(Vec2 p, const Box& b);

    std::uint32_t count_ = 0;
    Box root_;
    std::vector<Box> boxes_;            // leaves first (sorted items), then each level's nodes
    std::vector<std::uint32_t> ids_;    // leaf: item id; node: position of its first child
    std::vector<std::uint32_t> level_end_; // one past the last position of each level
};

template <typename Accept>
std::optional<std::uint32_t> SpatialIndex::nearest(Vec2 p, double max_distance, Accept&& accept) const {
    if (count_ == 0) return std::nullopt;
    const double max2 = max_distance * max_distance;
    // Best-first search over a small binary heap of (distance², position, is_leaf).
    struct Entry {
        double d2;
        std::uint32_t pos;
        bool leaf;
    };
    std::vector<Entry> heap;
    auto less = [](const Entry& a, const Entry& b) { return a.d2 > b.d2; };
    std::uint32_t node = static_cast<std::uint32_t>(boxes_.size() - 1);
    for (;;) {
        const std::uint32_t end = node_end(node);
        for (std::uint32_t pos = node; pos < end; ++pos) {
            const double d2 = distance2(p, boxes_[pos]);
            if (d2 > max2) continue;
            heap.push_back({d2, pos, node < count_});
            std::push_heap(heap.begin(), heap.end(), less);
        }
        while (!heap.empty() && heap.front().leaf) {
            const Entry e = heap.front();
            std::pop_heap(heap.begin(), heap.end(), less);
            heap.pop_back();
            if (accept(ids_[e.pos])) return ids_[e.pos];
        }
        if (heap.empty()) return std::nullopt;
        node = ids_[heap.front().pos];
        std::pop_heap(heap.begin(), heap.end(), less);
        heap.pop_back();
    }
}

} // namespace footprint::core
