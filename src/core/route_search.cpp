// RouteSearch: ruin and recreate over one or more days. Each route keeps the end time of every
// stop, so trying an insertion re-times only the stops after it, and stops as soon as a time is
// unchanged.
#include "core/rng.h"
#include "core/route_solver.h"
#include "core/route_solver_detail.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>

namespace footprint::core {

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

constexpr int kMaxRuin = 10;    // stops removed per round, at most
constexpr int kNearList = 40;   // neighbours kept per stop for the ruin
constexpr double kBlink = 0.01; // chance to skip an insertion position (diversity)

} // namespace

using route_detail::place;
using route_detail::Slot;

struct RouteSearch::Impl {
    RouteProblem p;
    RouteSearchOptions opt;
    SplitMix64 rng;
    enum class Phase { Start, Search, Polish, Done } phase = Phase::Start;
    bool optimal = false;

    struct Route {
        std::vector<int> seq;
        std::vector<int> ends; // end time of each stop in seq
        int drive = 0;         // minutes, the way back included
        int back = 0;          // when the route is back at its end place
        std::int64_t cost() const { return seq.empty() ? 0 : route_cost(drive, back); }
    };
    std::vector<Route> routes;
    std::vector<int> bank;
    RouteScore cur;
    RoutePlan best;
    std::vector<std::vector<int>> near;

    std::int64_t iterations = 0, since_best = 0, stall_limit = 0;
    double elapsed = 0;
    double t_start = 0, t_end = 1; // annealing temperatures, in cost units (RouteScore)
    std::size_t polish_day = 0;

    Impl(RouteProblem problem, RouteSearchOptions o) : p(std::move(problem)), opt(o), rng(o.seed) {
        stall_limit = 500 * static_cast<std::int64_t>(std::max<std::size_t>(1, p.days.size()));
    }

    const RouteStop& stop(int s) const { return p.stops[static_cast<std::size_t>(s)]; }
    const RouteDay& day(std::size_t d) const { return p.days[d]; }

    // Re-times a route from scratch; false (and the route unchanged otherwise) when infeasible.
    bool retime(std::size_t d, Route& r) const {
        const RouteDay& rd = day(d);
        int t = rd.hours.start, at = rd.start_node;
        r.ends.resize(r.seq.size());
        r.drive = 0;
        bool ok = true;
        for (std::size_t i = 0; i < r.seq.size(); ++i) {
            const RouteStop& s = stop(r.seq[i]);
            const std::int32_t ds = p.seconds(at, s.node);
            const Slot slot = place(rd.hours, s, t + drive_minutes_of(ds));
            ok = ok && !slot.late && !slot.after_hours;
            r.ends[i] = slot.end;
            r.drive += drive_minutes_of(ds);
            t = slot.end;
            at = s.node;
        }
        const int back = drive_minutes_of(p.seconds(at, rd.end_node));
        r.drive += r.seq.empty() ? 0 : back;
        r.back = r.seq.empty() ? 0 : t + back;
        return ok;
    }

    // Whether `s` fits at `pos` of route d, and the cost it adds.
    bool fits(std::size_t d, const Route& r, int s, std::size_t pos, std::int64_t& delta) const {
        const RouteStop& in = stop(s);
        if (!(in.days >> d & 1u)) return false;
        const RouteDay& rd = day(d);
        const std::size_t len = r.seq.size();
        if (static_cast<int>(len) >= rd.max_stops) return false;
        int rank = INT_MIN; // see RouteStop: the rank reached so far must suit every later stop
        for (std::size_t i = 0; i < pos; ++i)
            rank = std::max(rank, stop(r.seq[i]).rank_min);
        if (in.rank_max < rank) return false;
        rank = std::max(rank, in.rank_min);
        for (std::size_t i = pos; i < len; ++i) {
            if (stop(r.seq[i]).rank_max < rank) return false;
            rank = std::max(rank, stop(r.seq[i]).rank_min);
        }
        const int prev_node = pos == 0 ? rd.start_node : stop(r.seq[pos - 1]).node;
        const int next_node = pos == len ? rd.end_node : stop(r.seq[pos]).node;
        int t = pos == 0 ? rd.hours.start : r.ends[pos - 1];
        std::int32_t ds = p.seconds(prev_node, in.node);
        Slot slot = place(rd.hours, in, t + drive_minutes_of(ds));
        if (slot.late || slot.after_hours) return false;
        t = slot.end;
        int at = in.node;
        bool same_end = false; // the stops after the insertion end as before, the last one too
        for (std::size_t i = pos; i < len; ++i) {
            const RouteStop& next = stop(r.seq[i]);
            ds = p.seconds(at, next.node);
            slot = place(rd.hours, next, t + drive_minutes_of(ds));
            if (slot.late || slot.after_hours) return false;
            if (slot.end <= r.ends[i]) { // no later than before: the rest is as feasible as it was
                same_end = slot.end == r.ends[i];
                t = slot.end;
                at = next.node;
                if (same_end) break;
                continue;
            }
            t = slot.end;
            at = next.node;
        }
        // An empty route drives nothing; otherwise the stop replaces the leg prev -> next.
        const int drive = drive_minutes_of(p.seconds(prev_node, in.node)) +
                          drive_minutes_of(p.seconds(in.node, next_node)) -
                          (len == 0 ? 0 : drive_minutes_of(p.seconds(prev_node, next_node)));
        const int back = same_end ? r.back : t + drive_minutes_of(p.seconds(at, rd.end_node));
        delta = route_cost(r.drive + drive, back) - r.cost();
        return true;
    }

    RouteScore score() const {
        RouteScore sc;
        for (const Route& r : routes) {
            sc.cost += r.cost();
            for (int s : r.seq)
                sc.value += stop(s).value;
        }
        return sc;
    }

    // Inserts each stop of `todo` in turn where it adds the least driving; the rest go to the bank.
    void recreate(std::vector<int>& todo) {
        // Most valuable first, usually; sometimes farthest from the start first, or at random.
        const int how = rng.below(4);
        std::vector<std::uint64_t> noise(todo.size());
        for (auto& x : noise)
            x = rng.next();
        std::vector<std::size_t> idx(todo.size());
        for (std::size_t i = 0; i < idx.size(); ++i)
            idx[i] = i;
        std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
            const RouteStop &x = stop(todo[a]), &y = stop(todo[b]);
            if (how <= 1 && x.value != y.value) return x.value > y.value;
            if (how == 2) {
                const int ax = p.seconds(day(0).start_node, x.node),
                          ay = p.seconds(day(0).start_node, y.node);
                if (ax != ay) return ax > ay;
            }
            return noise[a] < noise[b];
        });
        for (std::size_t i : idx) {
            const int s = todo[i];
            std::size_t best_d = 0, best_pos = 0;
            std::int64_t best_delta = 0;
            bool found = false;
            for (std::size_t d = 0; d < routes.size(); ++d) {
                const Route& r = routes[d];
                for (std::size_t pos = 0; pos <= r.seq.size(); ++pos) {
                    if (rng.unit() < kBlink) continue;
                    std::int64_t delta = 0;
                    if (fits(d, r, s, pos, delta) && (!found || delta < best_delta)) {
                        found = true;
                        best_d = d;
                        best_pos = pos;
                        best_delta = delta;
                    }
                }
            }
            if (!found) {
                bank.push_back(s);
                continue;
            }
            Route& r = routes[best_d];
            r.seq.insert(r.seq.begin() + static_cast<std::ptrdiff_t>(best_pos), s);
            retime(best_d, r);
        }
        todo.clear();
    }

    // Removes a random stop and its nearest scheduled neighbours (at most kMaxRuin).
    void ruin(std::vector<int>& removed) {
        std::vector<int> scheduled;
        for (const Route& r : routes)
            scheduled.insert(scheduled.end(), r.seq.begin(), r.seq.end());
        if (scheduled.empty()) return;
        std::vector<char> on_route(p.stops.size(), 0);
        for (int s : scheduled)
            on_route[static_cast<std::size_t>(s)] = 1;
        const int seed =
            scheduled[static_cast<std::size_t>(rng.below(static_cast<int>(scheduled.size())))];
        const int cap = static_cast<int>(
            std::min<std::size_t>(scheduled.size(), static_cast<std::size_t>(kMaxRuin)));
        const int count = 1 + rng.below(cap);
        removed.push_back(seed);
        for (int s : near[static_cast<std::size_t>(seed)]) {
            if (static_cast<int>(removed.size()) >= count) break;
            if (on_route[static_cast<std::size_t>(s)]) removed.push_back(s);
        }
        std::vector<char> gone(p.stops.size(), 0);
        for (int s : removed)
            gone[static_cast<std::size_t>(s)] = 1;
        for (std::size_t d = 0; d < routes.size(); ++d) {
            Route& r = routes[d];
            const std::size_t before = r.seq.size();
            r.seq.erase(
                std::remove_if(r.seq.begin(), r.seq.end(),
                               [&](int s) { return gone[static_cast<std::size_t>(s)] != 0; }),
                r.seq.end());
            if (r.seq.size() == before) continue;
            // Removing stops never makes a route later; should rounding ever do so, the stop
            // that no longer fits goes back to be re-inserted.
            while (!retime(d, r)) {
                for (std::size_t i = 0; i < r.seq.size(); ++i) {
                    Route probe = r;
                    probe.seq.resize(i + 1);
                    if (!retime(d, probe)) {
                        removed.push_back(r.seq[i]);
                        r.seq.erase(r.seq.begin() + static_cast<std::ptrdiff_t>(i));
                        break;
                    }
                }
            }
        }
    }

    double progress_fraction() const {
        double f = 0;
        if (opt.max_iterations > 0)
            f = static_cast<double>(iterations) / static_cast<double>(opt.max_iterations);
        else if (opt.time_limit_ms > 0)
            f = elapsed / opt.time_limit_ms;
        return std::clamp(f, 0.0, 1.0);
    }

    void save_best() {
        best.days.assign(routes.size(), {});
        for (std::size_t d = 0; d < routes.size(); ++d)
            best.days[d] = routes[d].seq;
        best.unassigned = bank;
        std::sort(best.unassigned.begin(), best.unassigned.end());
        best.score = cur;
    }

    void start() {
        const int n = static_cast<int>(p.stops.size());
        if (p.days.size() == 1 && n <= kExactMaxStops) {
            best = exact_day(p, 0);
            optimal = true;
            phase = Phase::Done;
            return;
        }
        near.assign(static_cast<std::size_t>(n), {});
        for (int s = 0; s < n; ++s) {
            std::vector<int>& v = near[static_cast<std::size_t>(s)];
            for (int o = 0; o < n; ++o)
                if (o != s) v.push_back(o);
            const std::size_t keep = std::min<std::size_t>(v.size(), kNearList);
            std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(keep), v.end(),
                              [&](int a, int b) {
                                  const int da = p.seconds(stop(s).node, stop(a).node),
                                            db = p.seconds(stop(s).node, stop(b).node);
                                  return da != db ? da < db : a < b;
                              });
            v.resize(keep);
        }
        routes.assign(p.days.size(), {});
        std::vector<int> all(static_cast<std::size_t>(n));
        for (int s = 0; s < n; ++s)
            all[static_cast<std::size_t>(s)] = s;
        recreate(all);
        cur = score();
        save_best();
        // Annealing on cost: from 0.5% of the first solution's (at least a minute of driving) down
        // to about a second of driving.
        t_start = std::max(static_cast<double>(kCostPerDriveMinute),
                           0.005 * static_cast<double>(cur.cost));
        t_end = static_cast<double>(kCostPerDriveMinute) / 60.0;
        phase = Phase::Search;
    }

    void iterate() {
        const std::vector<Route> saved_routes = routes;
        const std::vector<int> saved_bank = bank;
        const RouteScore saved = cur;
        std::vector<int> todo;
        ruin(todo);
        todo.insert(todo.end(), bank.begin(), bank.end());
        bank.clear();
        recreate(todo);
        const RouteScore next = score();
        const double temp = t_start * std::pow(t_end / t_start, progress_fraction());
        const double u = std::max(1e-12, rng.unit());
        const bool accept =
            next.value > cur.value ||
            (next.value == cur.value &&
             static_cast<double>(next.cost) < static_cast<double>(cur.cost) - temp * std::log(u));
        if (accept) {
            cur = next;
        } else {
            routes = saved_routes;
            bank = saved_bank;
            cur = saved;
        }
        ++iterations;
        if (cur.better_than(best.score)) {
            save_best();
            since_best = 0;
        } else {
            ++since_best;
        }
    }

    // Puts each final day of up to kExactMaxStops stops in its exact best order.
    void polish_one(std::size_t d) {
        const std::vector<int>& seq = best.days[d];
        if (seq.size() < 3 || seq.size() > static_cast<std::size_t>(kExactMaxStops)) return;
        RouteProblem sub;
        const int m = static_cast<int>(seq.size());
        const RouteDay& rd = day(d);
        std::vector<int> nodes{rd.start_node, rd.end_node};
        for (int s : seq)
            nodes.push_back(stop(s).node);
        sub.seconds = CostMatrix::build(m + 2, [&](int i, int j) {
            return p.seconds(nodes[static_cast<std::size_t>(i)],
                             nodes[static_cast<std::size_t>(j)]);
        });
        sub.days = {RouteDay{0, 1, rd.hours}};
        for (int i = 0; i < m; ++i) {
            RouteStop s = stop(seq[static_cast<std::size_t>(i)]);
            s.node = i + 2;
            s.value = kRequiredValue; // the set is decided: only the order may change
            s.days = 1;
            sub.stops.push_back(s);
        }
        const RoutePlan exact = exact_day(sub, 0);
        if (exact.days[0].size() != seq.size()) return; // cannot happen: the current order fits
        std::vector<int> order;
        for (int i : exact.days[0])
            order.push_back(seq[static_cast<std::size_t>(i)]);
        Route r{order, {}, 0};
        Route old{seq, {}, 0};
        if (!retime(d, r)) return;
        retime(d, old);
        if (r.cost() < old.cost()) {
            best.score.cost += r.cost() - old.cost();
            best.days[d] = std::move(order);
        }
    }

    bool limits_reached(double used_ms) const {
        if (opt.max_iterations >= 0) {
            if (iterations >= opt.max_iterations) return true;
        } else if (opt.time_limit_ms > 0 && used_ms >= opt.time_limit_ms) {
            return true;
        }
        // Converged: nothing better in the last half of the rounds (and at least stall_limit).
        return since_best >= std::max(stall_limit, iterations / 2);
    }

    bool step(double budget_ms) {
        if (phase == Phase::Done) return true;
        const Clock::time_point t0 = Clock::now();
        if (phase == Phase::Start) start();
        while (phase != Phase::Done) {
            if (phase == Phase::Search) {
                // Nothing on any route: no stop fits anywhere, and no round can change that.
                const bool empty = std::all_of(routes.begin(), routes.end(),
                                               [](const Route& r) { return r.seq.empty(); });
                if (empty || limits_reached(elapsed + ms_since(t0))) {
                    phase = Phase::Polish;
                    continue;
                }
                iterate();
            } else if (phase == Phase::Polish) {
                if (polish_day >= best.days.size()) {
                    phase = Phase::Done;
                    break;
                }
                polish_one(polish_day++);
            }
            if (ms_since(t0) >= budget_ms) break;
        }
        elapsed += ms_since(t0);
        return phase == Phase::Done;
    }
};

RouteSearch::RouteSearch(RouteProblem problem, RouteSearchOptions options)
    : impl_(std::make_unique<Impl>(std::move(problem), options)) {}
RouteSearch::~RouteSearch() = default;
RouteSearch::RouteSearch(RouteSearch&&) noexcept = default;
RouteSearch& RouteSearch::operator=(RouteSearch&&) noexcept = default;

bool RouteSearch::step(double budget_ms) {
    return impl_->step(budget_ms);
}
bool RouteSearch::done() const {
    return impl_->phase == Impl::Phase::Done;
}
double RouteSearch::progress() const {
    if (done()) return 1;
    if (impl_->phase == Impl::Phase::Start) return 0;
    const double stall = static_cast<double>(impl_->since_best) /
                         static_cast<double>(std::max(impl_->stall_limit, impl_->iterations / 2));
    return std::min(0.99, std::max(impl_->progress_fraction(), stall));
}
const RoutePlan& RouteSearch::best() const {
    return impl_->best;
}
bool RouteSearch::proven_optimal() const {
    return impl_->optimal;
}
std::int64_t RouteSearch::iterations() const {
    return impl_->iterations;
}
const RouteProblem& RouteSearch::problem() const {
    return impl_->p;
}

RoutePlan solve_routes(RouteProblem problem, RouteSearchOptions options) {
    RouteSearch search(std::move(problem), options);
    while (!search.step(1000)) {
    }
    return search.best();
}

} // namespace footprint::core
