// The iterated local search behind TourSearch: an array tour with positions, every change a
// reversal kept in a journal (so a rejected kick is undone exactly), Or-opt and LK-style chains of
// 2-opt moves over neighbour lists, and a segment-swap kick among nearby tour positions.
#include "core/rng.h"
#include "core/tsp.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <utility>

namespace footprint::core {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

constexpr int kMaxDepth = 6;                                     // 2-opt steps in one LK chain
constexpr std::array<int, kMaxDepth> kBreadth{5, 3, 1, 1, 1, 1}; // alternatives tried per level
constexpr int kMaxSegment = 3; // Or-opt moves segments of 1..3 nodes
constexpr int kKickSpan = 50;  // longest segment a kick swaps

} // namespace

struct TourSearch::Impl {
    CostMatrix c;
    TourSearchOptions opt;
    int n = 0;
    SplitMix64 rng;
    enum class Phase { Start, Descent, Kicks, Done } phase = Phase::Start;
    bool optimal = false;

    std::vector<int> tour, pos;
    std::vector<int> nbr; // k nearest of each node, nearest first
    int k = 0;

    std::vector<int> ring; // work queue of nodes whose surroundings may still improve
    std::vector<char> queued;
    std::size_t head = 0, count = 0;

    std::vector<std::pair<int, int>> journal; // physical reversals: (first position, length)
    std::vector<int> touched;                 // endpoints of the edges the current move changed
    std::array<std::pair<int, int>, kMaxDepth> added{}; // edges added by the current LK chain
    int n_added = 0;

    std::int64_t len = 0;
    std::int64_t kicks = 0, since_improvement = 0, stall_limit = 0;
    double elapsed = 0;

    Impl(CostMatrix costs, TourSearchOptions o)
        : c(std::move(costs)), opt(o), n(c.size()), rng(o.seed) {
        stall_limit = std::max<std::int64_t>(20000, 100 * static_cast<std::int64_t>(n));
    }

    // --- the tour --------------------------------------------------------------------------------
    int succ(int v) const {
        const int p = pos[static_cast<std::size_t>(v)] + 1;
        return tour[static_cast<std::size_t>(p == n ? 0 : p)];
    }
    int pred(int v) const {
        const int p = pos[static_cast<std::size_t>(v)];
        return tour[static_cast<std::size_t>(p == 0 ? n - 1 : p - 1)];
    }
    std::int64_t d(int a, int b) const { return c(a, b); }

    void reverse_raw(int first, int length) {
        int i = first, j = first + length - 1;
        if (j >= n) j -= n;
        for (int s = 0; s < length / 2; ++s) {
            const int a = tour[static_cast<std::size_t>(i)], b = tour[static_cast<std::size_t>(j)];
            tour[static_cast<std::size_t>(i)] = b;
            pos[static_cast<std::size_t>(b)] = i;
            tour[static_cast<std::size_t>(j)] = a;
            pos[static_cast<std::size_t>(a)] = j;
            if (++i == n) i = 0;
            if (--j < 0) j = n - 1;
        }
    }
    void reverse_logged(int first, int length) {
        reverse_raw(first, length);
        journal.emplace_back(first, length);
    }
    // Reverses the path x..y (in successor order), or the rest of the tour when that is shorter:
    // both give the same cycle.
    void reverse_path(int x, int y) {
        const int i = pos[static_cast<std::size_t>(x)], j = pos[static_cast<std::size_t>(y)];
        const int inner = (j - i + n) % n + 1;
        if (2 * inner <= n)
            reverse_logged(i, inner);
        else if (inner < n)
            reverse_logged((j + 1) % n, n - inner);
    }
    // Replaces edges (a,b) and (x,y) by (a,x) and (b,y); b follows a and y follows x in the same
    // direction (both successors or both predecessors).
    void move_2opt(int a, int b, int x, int y) {
        if (succ(a) == b)
            reverse_path(b, x);
        else
            reverse_path(a, y);
        touched.insert(touched.end(), {a, b, x, y});
    }
    void undo_to(std::size_t mark) {
        while (journal.size() > mark) {
            reverse_raw(journal.back().first, journal.back().second);
            journal.pop_back();
        }
    }

    // --- the work queue
    // ----------------------------------------------------------------------------
    void push(int v) {
        if (queued[static_cast<std::size_t>(v)]) return;
        queued[static_cast<std::size_t>(v)] = 1;
        ring[(head + count) % static_cast<std::size_t>(n)] = v;
        ++count;
    }
    int pop() {
        const int v = ring[head];
        head = (head + 1) % static_cast<std::size_t>(n);
        --count;
        queued[static_cast<std::size_t>(v)] = 0;
        return v;
    }

    // --- construction
    // ------------------------------------------------------------------------------
    void build_neighbours() {
        k = std::min(opt.neighbours < 2 ? 2 : opt.neighbours, n - 1);
        nbr.assign(static_cast<std::size_t>(n) * static_cast<std::size_t>(k), 0);
        std::vector<int> others;
        for (int i = 0; i < n; ++i) {
            others.clear();
            for (int j = 0; j < n; ++j)
                if (j != i) others.push_back(j);
            std::partial_sort(others.begin(), others.begin() + k, others.end(), [&](int a, int b) {
                return c(i, a) != c(i, b) ? c(i, a) < c(i, b) : a < b;
            });
            std::copy(others.begin(), others.begin() + k,
                      nbr.begin() + static_cast<std::ptrdiff_t>(i) * k);
        }
    }
    const int* neighbours(int v) const { return nbr.data() + static_cast<std::ptrdiff_t>(v) * k; }

    // Greedy matching: the shortest candidate edges that keep every degree <= 2 and close no
    // cycle, then the fragments chained nearest end first.
    void greedy_tour() {
        struct Edge {
            std::int32_t cost;
            int a, b;
        };
        std::vector<Edge> edges;
        edges.reserve(static_cast<std::size_t>(n) * static_cast<std::size_t>(k));
        for (int i = 0; i < n; ++i)
            for (int s = 0; s < k; ++s) {
                const int j = neighbours(i)[s];
                edges.push_back({c(i, j), std::min(i, j), std::max(i, j)});
            }
        std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
            return x.cost != y.cost ? x.cost < y.cost : x.a != y.a ? x.a < y.a : x.b < y.b;
        });
        edges.erase(
            std::unique(edges.begin(), edges.end(),
                        [](const Edge& x, const Edge& y) { return x.a == y.a && x.b == y.b; }),
            edges.end());
        std::vector<int> parent(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            parent[static_cast<std::size_t>(i)] = i;
        auto find = [&](int v) {
            while (parent[static_cast<std::size_t>(v)] != v) {
                parent[static_cast<std::size_t>(v)] =
                    parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(v)])];
                v = parent[static_cast<std::size_t>(v)];
            }
            return v;
        };
        std::vector<std::array<int, 2>> adj(static_cast<std::size_t>(n), {-1, -1});
        std::vector<int> deg(static_cast<std::size_t>(n), 0);
        for (const Edge& e : edges) {
            const auto a = static_cast<std::size_t>(e.a), b = static_cast<std::size_t>(e.b);
            if (deg[a] >= 2 || deg[b] >= 2) continue;
            const int ra = find(e.a), rb = find(e.b);
            if (ra == rb) continue;
            parent[static_cast<std::size_t>(ra)] = rb;
            adj[a][static_cast<std::size_t>(deg[a]++)] = e.b;
            adj[b][static_cast<std::size_t>(deg[b]++)] = e.a;
        }
        std::vector<int> ends;
        for (int i = 0; i < n; ++i)
            if (deg[static_cast<std::size_t>(i)] < 2) ends.push_back(i);
        std::vector<char> used(static_cast<std::size_t>(n), 0);
        tour.clear();
        int start = ends.empty() ? 0 : ends.front();
        while (true) {
            // Walk the fragment from `start` to its other end.
            int prev = -1, v = start;
            while (true) {
                used[static_cast<std::size_t>(v)] = 1;
                tour.push_back(v);
                int next = -1;
                for (int w : adj[static_cast<std::size_t>(v)])
                    if (w >= 0 && w != prev && !used[static_cast<std::size_t>(w)]) next = w;
                if (next < 0) break;
                prev = v;
                v = next;
            }
            int best = -1;
            for (int e : ends)
                if (!used[static_cast<std::size_t>(e)] && (best < 0 || c(v, e) < c(v, best)))
                    best = e;
            if (best < 0) break;
            start = best;
        }
        pos.assign(static_cast<std::size_t>(n), 0);
        for (int i = 0; i < n; ++i)
            pos[static_cast<std::size_t>(tour[static_cast<std::size_t>(i)])] = i;
    }

    // --- local search
    // ------------------------------------------------------------------------------

    bool is_added(int a, int b) const {
        for (int i = 0; i < n_added; ++i)
            if ((added[static_cast<std::size_t>(i)].first == a &&
                 added[static_cast<std::size_t>(i)].second == b) ||
                (added[static_cast<std::size_t>(i)].first == b &&
                 added[static_cast<std::size_t>(i)].second == a))
                return true;
        return false;
    }

    // One level of an LK chain: edge (t1,t2) is to be removed, with gain `g` so far (removed minus
    // added, not counting the edge that would close the tour). Applies the first chain that ends
    // shorter and returns true; otherwise leaves the tour as it was.
    bool lk_step(int level, int t1, int t2, std::int64_t g) {
        const bool fwd = succ(t1) == t2;
        struct Cand {
            int t3, t4;
            std::int64_t score;
        };
        std::array<Cand, 16> cand{};
        int nc = 0;
        const int* nb = neighbours(t2);
        for (int s = 0; s < k && nc < static_cast<int>(cand.size()); ++s) {
            const int t3 = nb[s];
            const std::int64_t g1 = g - d(t2, t3);
            if (g1 <= 0) break;
            if (t3 == t1) continue;
            const int t4 = fwd ? pred(t3) : succ(t3);
            if (t4 == t2 || is_added(t3, t4)) continue;
            cand[static_cast<std::size_t>(nc++)] = {t3, t4, d(t3, t4) - d(t2, t3)};
        }
        const int breadth = std::min(nc, kBreadth[static_cast<std::size_t>(level - 1)]);
        std::partial_sort(cand.begin(), cand.begin() + breadth, cand.begin() + nc,
                          [](const Cand& a, const Cand& b) {
                              return a.score != b.score ? a.score > b.score : a.t3 < b.t3;
                          });
        for (int i = 0; i < breadth; ++i) {
            const auto [t3, t4, score] = cand[static_cast<std::size_t>(i)];
            const std::int64_t g2 = g - d(t2, t3) + d(t3, t4);
            const std::int64_t close = g2 - d(t4, t1);
            const std::size_t mark = journal.size();
            const std::size_t tmark = touched.size();
            move_2opt(t1, t2, t4, t3);
            if (close > 0) {
                len -= close;
                return true;
            }
            if (level < kMaxDepth) {
                added[static_cast<std::size_t>(n_added++)] = {t2, t3};
                if (lk_step(level + 1, t1, t4, g2)) return true;
                --n_added;
            }
            undo_to(mark);
            touched.resize(tmark);
        }
        return false;
    }

    // Moves a segment of 1..3 nodes that starts or ends at t between two neighbours of its ends,
    // either way round.
    bool or_opt(int t) {
        for (int length = 1; length <= kMaxSegment && length + 4 <= n; ++length) {
            for (int side = 0; side < 2; ++side) {
                // The segment first..last in successor order, with t at its start or its end.
                int first = t, last = t;
                for (int s = 1; s < length; ++s) {
                    if (side == 0)
                        last = succ(last);
                    else
                        first = pred(first);
                }
                const int p = pred(first), nx = succ(last);
                const std::int64_t g = d(p, first) + d(last, nx) - d(p, nx);
                if (g <= 0) continue;
                const int fpos = pos[static_cast<std::size_t>(first)];
                auto inside = [&](int v) {
                    return (pos[static_cast<std::size_t>(v)] - fpos + n) % n < length || v == p ||
                           v == nx;
                };
                for (int end = 0; end < 2; ++end) {
                    const int* nb = neighbours(end == 0 ? first : last);
                    for (int s = 0; s < k; ++s) {
                        const int cv = nb[s];
                        if (d(end == 0 ? first : last, cv) >= g) break;
                        if (inside(cv)) continue;
                        for (int dir = 0; dir < 2; ++dir) {
                            const int cc = dir == 0 ? succ(cv) : pred(cv);
                            if (inside(cc)) continue;
                            const int u = dir == 0 ? cv : cc, v = dir == 0 ? cc : cv;
                            const std::int64_t base = d(u, v);
                            const std::int64_t keep = d(u, first) + d(last, v) - base;
                            const std::int64_t flip = d(u, last) + d(first, v) - base;
                            const std::int64_t add = std::min(keep, flip);
                            if (g - add <= 0) continue;
                            move_2opt(p, first, u, v);
                            move_2opt(p, u, nx, last);
                            if (keep < flip) move_2opt(u, last, first, v);
                            len -= g - add;
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    bool improve(int t) {
        touched.clear();
        n_added = 0;
        const int s = succ(t), p = pred(t);
        if (lk_step(1, t, s, d(t, s)) || lk_step(1, t, p, d(t, p)) || or_opt(t)) {
            for (int v : touched)
                push(v);
            push(t);
            return true;
        }
        return false;
    }

    // --- the iterated search
    // ------------------------------------------------------------------------

    // Swaps two adjacent segments (of 1..kKickSpan nodes) at a random place: A B C D -> A C B D,
    // three reversals, so that the local search repairs only nearby edges.
    void kick() {
        const int span = std::max(1, std::min(kKickSpan, (n - 2) / 2));
        const int p1 = rng.below(n);
        const int l1 = 1 + rng.below(span), l2 = 1 + rng.below(span);
        auto at = [&](int i) { return tour[static_cast<std::size_t>(i % n)]; };
        const int a = at(p1), b1 = at(p1 + 1), b2 = at(p1 + l1), c1 = at(p1 + l1 + 1),
                  c2 = at(p1 + l1 + l2), e = at(p1 + l1 + l2 + 1);
        len += d(a, c1) + d(c2, b1) + d(b2, e) - d(a, b1) - d(b2, c1) - d(c2, e);
        const int first = (p1 + 1) % n;
        reverse_logged(first, l1 + l2);
        reverse_logged(first, l2);
        reverse_logged((first + l2) % n, l1);
        for (int v : {a, b1, b2, c1, c2, e})
            push(v);
    }

    void start() {
        if (n <= kExactMaxNodes) {
            tour = exact_tour(c);
            len = tour_length(c, tour);
            optimal = true;
            phase = Phase::Done;
            return;
        }
        build_neighbours();
        greedy_tour();
        len = tour_length(c, tour);
        ring.assign(static_cast<std::size_t>(n), 0);
        queued.assign(static_cast<std::size_t>(n), 0);
        for (int v : tour)
            push(v);
        phase = Phase::Descent;
    }

    bool limits_reached(double used_ms) const {
        if (opt.time_limit_ms > 0 && used_ms >= opt.time_limit_ms) return true;
        if (opt.max_kicks >= 0 && kicks >= opt.max_kicks) return true;
        return since_improvement >= stall_limit;
    }

    bool step(double budget_ms) {
        if (phase == Phase::Done) return true;
        const Clock::time_point t0 = Clock::now();
        if (phase == Phase::Start) start();
        int units = 0;
        while (phase != Phase::Done) {
            if (phase == Phase::Descent) {
                if (count == 0) {
                    journal.clear();
                    phase = Phase::Kicks;
                } else {
                    if (improve(pop())) journal.clear();
                }
            } else {
                if (limits_reached(elapsed + ms_since(t0))) {
                    phase = Phase::Done;
                    break;
                }
                const std::int64_t before = len;
                kick();
                while (count > 0)
                    improve(pop());
                if (len <= before) {
                    since_improvement = len < before ? 0 : since_improvement + 1;
                } else {
                    undo_to(0);
                    len = before;
                    ++since_improvement;
                }
                journal.clear();
                ++kicks;
            }
            // The first time check comes after at least one unit, so every step makes progress.
            if ((++units & 7) == 0 && ms_since(t0) >= budget_ms) break;
        }
        elapsed += ms_since(t0);
        return phase == Phase::Done;
    }

    std::vector<int> result() const {
        std::vector<int> out;
        if (tour.empty()) return out;
        const auto zero = std::find(tour.begin(), tour.end(), 0);
        out.insert(out.end(), zero, tour.end());
        out.insert(out.end(), tour.begin(), zero);
        return out;
    }
};

TourSearch::TourSearch(CostMatrix costs, TourSearchOptions options)
    : impl_(std::make_unique<Impl>(std::move(costs), options)) {}
TourSearch::~TourSearch() = default;
TourSearch::TourSearch(TourSearch&&) noexcept = default;
TourSearch& TourSearch::operator=(TourSearch&&) noexcept = default;

bool TourSearch::step(double budget_ms) {
    return impl_->step(budget_ms);
}
bool TourSearch::done() const {
    return impl_->phase == Impl::Phase::Done;
}
double TourSearch::progress() const {
    if (done()) return 1;
    double p = 0;
    if (impl_->opt.time_limit_ms > 0) p = std::max(p, impl_->elapsed / impl_->opt.time_limit_ms);
    if (impl_->opt.max_kicks > 0)
        p = std::max(p,
                     static_cast<double>(impl_->kicks) / static_cast<double>(impl_->opt.max_kicks));
    return std::min(p, 0.99);
}
std::int64_t TourSearch::best_length() const {
    return impl_->len;
}
std::vector<int> TourSearch::best_tour() const {
    return impl_->result();
}
bool TourSearch::proven_optimal() const {
    return impl_->optimal;
}
std::int64_t TourSearch::kicks() const {
    return impl_->kicks;
}
double TourSearch::elapsed_ms() const {
    return impl_->elapsed;
}

} // namespace footprint::core
