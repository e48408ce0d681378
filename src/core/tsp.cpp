// Tour lengths, the exact Held–Karp solver and the nearest-neighbour + 2-opt baseline.
#include "core/tsp.h"

#include <algorithm>
#include <limits>

namespace footprint::core {

std::int64_t tour_length(const CostMatrix& c, std::span<const int> tour) {
    std::int64_t len = 0;
    for (std::size_t i = 0; i < tour.size(); ++i)
        len += c(tour[i], tour[(i + 1) % tour.size()]);
    return len;
}

bool is_tour(std::span<const int> tour, int n) {
    if (static_cast<int>(tour.size()) != n) return false;
    std::vector<char> seen(static_cast<std::size_t>(n), 0);
    for (int v : tour) {
        if (v < 0 || v >= n || seen[static_cast<std::size_t>(v)]) return false;
        seen[static_cast<std::size_t>(v)] = 1;
    }
    return true;
}

std::vector<int> exact_tour(const CostMatrix& c) {
    const int n = c.size();
    if (n <= 3) {
        std::vector<int> t(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            t[static_cast<std::size_t>(i)] = i;
        return t;
    }
    // dp[mask][j]: the shortest path from node 0 through the nodes of `mask` (bits for nodes
    // 1..n-1), ending at node j+1.
    const int m = n - 1;
    const std::size_t states = std::size_t{1} << m;
    constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max() / 4;
    std::vector<std::int64_t> dp(states * static_cast<std::size_t>(m), kInf);
    std::vector<std::int8_t> parent(states * static_cast<std::size_t>(m), -1);
    auto at = [m](std::size_t mask, int j) {
        return mask * static_cast<std::size_t>(m) + static_cast<std::size_t>(j);
    };
    for (int j = 0; j < m; ++j)
        dp[at(std::size_t{1} << j, j)] = c(0, j + 1);
    for (std::size_t mask = 1; mask < states; ++mask) {
        for (int j = 0; j < m; ++j) {
            if (!(mask & (std::size_t{1} << j))) continue;
            const std::int64_t base = dp[at(mask, j)];
            if (base >= kInf) continue;
            for (int k = 0; k < m; ++k) {
                if (mask & (std::size_t{1} << k)) continue;
                const std::size_t next = mask | (std::size_t{1} << k);
                const std::int64_t v = base + c(j + 1, k + 1);
                if (v < dp[at(next, k)]) {
                    dp[at(next, k)] = v;
                    parent[at(next, k)] = static_cast<std::int8_t>(j);
                }
            }
        }
    }
    const std::size_t full = states - 1;
    int last = 0;
    std::int64_t best = kInf;
    for (int j = 0; j < m; ++j) {
        const std::int64_t v = dp[at(full, j)] + c(j + 1, 0);
        if (v < best) {
            best = v;
            last = j;
        }
    }
    std::vector<int> rev;
    std::size_t mask = full;
    for (int j = last; j >= 0;) {
        rev.push_back(j + 1);
        const int p = parent[at(mask, j)];
        mask &= ~(std::size_t{1} << j);
        j = p;
    }
    std::vector<int> tour{0};
    tour.insert(tour.end(), rev.rbegin(), rev.rend());
    return tour;
}

std::vector<int> nearest_neighbour_tour(const CostMatrix& c, int start) {
    const int n = c.size();
    std::vector<int> tour;
    if (n == 0) return tour;
    std::vector<char> used(static_cast<std::size_t>(n), 0);
    int cur = start;
    tour.push_back(cur);
    used[static_cast<std::size_t>(cur)] = 1;
    for (int step = 1; step < n; ++step) {
        int best = -1;
        for (int j = 0; j < n; ++j)
            if (!used[static_cast<std::size_t>(j)] && (best < 0 || c(cur, j) < c(cur, best)))
                best = j;
        used[static_cast<std::size_t>(best)] = 1;
        tour.push_back(best);
        cur = best;
    }
    return tour;
}

void two_opt_plain(const CostMatrix& c, std::vector<int>& t) {
    const int n = static_cast<int>(t.size());
    if (n < 4) return;
    bool improved = true;
    while (improved) {
        improved = false;
        for (int i = 0; i < n - 1; ++i) {
            for (int j = i + 2; j < n; ++j) {
                if (i == 0 && j == n - 1) continue; // the same two edges
                const int a = t[static_cast<std::size_t>(i)],
                          b = t[static_cast<std::size_t>(i + 1)];
                const int x = t[static_cast<std::size_t>(j)],
                          y = t[static_cast<std::size_t>((j + 1) % n)];
                if (c(a, x) + c(b, y) < c(a, b) + c(x, y)) {
                    std::reverse(t.begin() + i + 1, t.begin() + j + 1);
                    improved = true;
                }
            }
        }
    }
}

TourResult solve_tour(CostMatrix costs, TourSearchOptions options) {
    TourSearch search(std::move(costs), options);
    while (!search.step(1000)) {
    }
    TourResult r;
    r.tour = search.best_tour();
    r.length = search.best_length();
    r.optimal = search.proven_optimal();
    r.kicks = search.kicks();
    r.ms = search.elapsed_ms();
    return r;
}

} // namespace footprint::core
