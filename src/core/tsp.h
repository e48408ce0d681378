// Travelling-salesman tours over a symmetric cost matrix: the exact answer for small instances
// (Held–Karp), a textbook baseline, and an iterated Lin–Kernighan-style search that runs in slices.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace footprint::core {

// Symmetric costs between n places in whole units (TSPLIB distances, seconds of driving).
class CostMatrix {
  public:
    CostMatrix() = default;
    explicit CostMatrix(int n)
        : n_(n), d_(static_cast<std::size_t>(n) * static_cast<std::size_t>(n), 0) {}
    // Fills every pair from cost(i, j), called once per unordered pair (i < j).
    template <class F> static CostMatrix build(int n, F&& cost) {
        CostMatrix m(n);
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                m.set(i, j, static_cast<std::int32_t>(cost(i, j)));
        return m;
    }
    int size() const { return n_; }
    std::int32_t operator()(int i, int j) const {
        return d_[static_cast<std::size_t>(i) * static_cast<std::size_t>(n_) +
                  static_cast<std::size_t>(j)];
    }
    void set(int i, int j, std::int32_t c) {
        d_[static_cast<std::size_t>(i) * static_cast<std::size_t>(n_) +
           static_cast<std::size_t>(j)] = c;
        d_[static_cast<std::size_t>(j) * static_cast<std::size_t>(n_) +
           static_cast<std::size_t>(i)] = c;
    }

  private:
    int n_ = 0;
    std::vector<std::int32_t> d_;
};

// The largest instance the search takes: its cost matrix is n² 32-bit numbers (100 MB at 5,000).
inline constexpr int kMaxTourNodes = 5000;
// Held–Karp needs 2^(n-1)·(n-1) states: 13 nodes (a depot and 12 stops) take well under 50 ms.
inline constexpr int kExactMaxNodes = 13;

// Length of the closed tour (back to its first node).
std::int64_t tour_length(const CostMatrix& c, std::span<const int> tour);
// True when `tour` holds each of 0..n-1 exactly once.
bool is_tour(std::span<const int> tour, int n);

// An optimal closed tour starting at node 0, by Held–Karp dynamic programming: O(2^n·n²) time.
// For n <= 20 (memory grows as 2^n); the search uses it up to kExactMaxNodes.
std::vector<int> exact_tour(const CostMatrix& c);

// The textbook baseline the benchmark compares against: a nearest-neighbour tour from `start`,
// then plain 2-opt (every pair, first improvement) until no exchange shortens it.
std::vector<int> nearest_neighbour_tour(const CostMatrix& c, int start = 0);
void two_opt_plain(const CostMatrix& c, std::vector<int>& tour);

struct TourSearchOptions {
    std::uint64_t seed = 1;
    // Compute time summed over every step() call; <= 0 means no time limit. With a time limit the
    // result depends on the machine's speed; `max_kicks` makes a run reproducible anywhere.
    double time_limit_ms = 1000;
    std::int64_t max_kicks = -1; // perturbations of the iterated search; -1: no limit
    int neighbours = 10;         // candidate list size per node
};

// Greedy edge matching, then Or-opt and Lin–Kernighan-style moves (chains of up to 6 2-opt steps)
// over neighbour lists with a work queue ("don't look bits"), then iterated local search: a
// segment swap (double bridge) among nearby tour positions, local search from the touched nodes,
// and the change undone unless the tour is no longer. Instances of up to kExactMaxNodes are solved
// exactly instead. For a given seed and number of kicks the result is the same however the work is
// sliced.
class TourSearch {
  public:
    explicit TourSearch(CostMatrix costs, TourSearchOptions options = {});
    ~TourSearch();
    TourSearch(TourSearch&&) noexcept;
    TourSearch& operator=(TourSearch&&) noexcept;

    // Works for about `budget_ms` (at least one unit of work), then returns; true once finished.
    bool step(double budget_ms);
    bool done() const;
    double progress() const; // 0..1, by time or kicks, whichever limit is nearer
    std::int64_t best_length() const;
    std::vector<int> best_tour() const; // rotated to start at node 0
    bool proven_optimal() const;
    std::int64_t kicks() const;
    double elapsed_ms() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct TourResult {
    std::vector<int> tour;
    std::int64_t length = 0;
    bool optimal = false;
    std::int64_t kicks = 0;
    double ms = 0;
};
// Runs a TourSearch to its limits in one call.
TourResult solve_tour(CostMatrix costs, TourSearchOptions options = {});

} // namespace footprint::core
