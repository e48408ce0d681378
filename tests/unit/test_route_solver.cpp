// The day schedule and the route searches (src/core/route_solver*.cpp, route_search.cpp): a day
// timed by hand, the exact day against brute force over every subset and order, time windows,
// lunch and locked order respected by every answer, and determinism for a seed.
#include "core/rng.h"
#include "core/route_solver.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace footprint::core;

namespace {

// Nodes 0 and 1 are the start and end place; stop i sits on node i + 2. Coordinates in km.
RouteProblem random_problem(int n, std::uint64_t seed, int days = 1, bool tight = false) {
    SplitMix64 rng(seed);
    std::vector<std::pair<double, double>> xy{{20, 20}, {20, 20}};
    for (int i = 0; i < n; ++i)
        xy.emplace_back(rng.below(400) / 10.0, rng.below(400) / 10.0);
    RouteProblem p;
    p.seconds = CostMatrix::build(n + 2, [&](int a, int b) {
        const double km = std::hypot(xy[std::size_t(a)].first - xy[std::size_t(b)].first,
                                     xy[std::size_t(a)].second - xy[std::size_t(b)].second);
        return static_cast<std::int32_t>(std::ceil(km * 1.3 / 48.0 * 3600.0));
    });
    for (int d = 0; d < days; ++d) {
        DayHours h;
        if (tight) h.end = 8 * 60 + 180 + rng.below(240); // a short day: not every stop fits
        p.days.push_back({0, 1, h});
    }
    int locked = 0;
    for (int i = 0; i < n; ++i) {
        RouteStop s;
        s.node = i + 2;
        s.duration = 15 + 15 * rng.below(5);
        if (rng.below(10) < 3) s.fixed_start = 8 * 60 + 30 + 15 * rng.below(30);
        if (days == 1 && locked < 2 && rng.below(10) < 2) {
            s.rank_min = s.rank_max = 2 + 2 * locked++; // locked
        } else if (rng.below(4) == 0) {
            s.rank_min = 1; // no place yet: anywhere
        } else {
            s.rank_min = s.rank_max = 1 + 2 * rng.below(3); // between given locked stops
        }
        s.value = 1 + rng.below(5);
        if (days > 1 && rng.below(10) < 3) s.days = 1u << rng.below(days);
        p.stops.push_back(s);
    }
    return p;
}

// A non-decreasing choice of ranks within each stop's range exists: each stop takes the lowest
// rank its predecessors allow (a rank 0..6 here). The solver's own check must agree.
bool ranks_ok(const RouteProblem& p, const std::vector<int>& order) {
    bool ok = true;
    int prev = 0;
    for (int s : order) {
        const RouteStop& st = p.stops[std::size_t(s)];
        const int r = std::max(prev, st.rank_min);
        if (r > st.rank_max || r > 6) ok = false;
        prev = r;
    }
    CHECK(ranks_fit(p.stops, order) == ok);
    return ok;
}

std::int64_t value_of(const RouteProblem& p, const std::vector<int>& order) {
    std::int64_t v = 0;
    for (int s : order)
        v += p.stops[std::size_t(s)].value;
    return v;
}

// Every subset in every order: the best score a feasible day can have.
RouteScore brute_force(const RouteProblem& p) {
    const int n = static_cast<int>(p.stops.size());
    RouteScore best{0, 0};
    for (int mask = 1; mask < (1 << n); ++mask) {
        std::vector<int> order;
        for (int i = 0; i < n; ++i)
            if (mask >> i & 1) order.push_back(i);
        do {
            if (!ranks_ok(p, order)) continue;
            const DayTiming t = time_day(p, 0, order);
            if (!t.feasible) continue;
            const RouteScore sc{value_of(p, order), route_cost(t.drive_minutes, t.back)};
            if (sc.better_than(best)) best = sc;
        } while (std::next_permutation(order.begin(), order.end()));
    }
    return best;
}

void check_feasible(const RouteProblem& p, const RoutePlan& plan) {
    std::vector<int> seen(p.stops.size(), 0);
    for (std::size_t d = 0; d < plan.days.size(); ++d) {
        const std::vector<int>& order = plan.days[d];
        const DayTiming t = time_day(p, static_cast<int>(d), order);
        CHECK(t.feasible);
        CHECK(ranks_ok(p, order));
        for (const StopTiming& st : t.stops) {
            const RouteStop& s = p.stops[std::size_t(st.stop)];
            CHECK((s.days >> d & 1u) == 1u);
            CHECK(st.arrive <= st.start);
            CHECK(st.end <= p.days[d].hours.end);
            if (s.fixed_start) CHECK(st.start == *s.fixed_start);
            const DayHours& h = p.days[d].hours;
            if (!s.fixed_start)
                CHECK_FALSE((st.start < h.lunch_start + h.lunch_minutes && st.end > h.lunch_start));
            ++seen[std::size_t(st.stop)];
        }
    }
    for (int s : plan.unassigned)
        ++seen[std::size_t(s)];
    for (int c : seen)
        CHECK(c == 1); // every stop is on one day or unassigned, once
}

} // namespace

TEST_CASE("a day timed by hand: drives, an appointment, lunch, the way back") {
    RouteProblem p;
    // start/end at node 0; A (node 1) is 20 min away, B (node 2) 10 min from A, C (node 3).
    p.seconds = CostMatrix(4);
    p.seconds.set(0, 1, 20 * 60);
    p.seconds.set(1, 2, 10 * 60);
    p.seconds.set(0, 2, 25 * 60);
    p.seconds.set(2, 3, 5 * 60 + 1); // rounds up to 6 minutes
    p.seconds.set(0, 3, 30 * 60);
    p.seconds.set(1, 3, 12 * 60);
    p.days = {RouteDay{0, 0, DayHours{}}};
    RouteStop a{1, 45, std::nullopt, std::nullopt, 0, 1, ~0u};
    RouteStop b{2, 60, 10 * 60, std::nullopt, 0, 1, ~0u}; // appointment at 10:00
    RouteStop c{3, 60, std::nullopt, std::nullopt, 0, 1, ~0u};
    p.stops = {a, b, c};
    const DayTiming t = time_day(p, 0, std::vector<int>{0, 1, 2});
    REQUIRE(t.stops.size() == 3);
    CHECK(t.leave == 8 * 60);
    CHECK(t.stops[0].arrive == 8 * 60 + 20);
    CHECK(t.stops[0].start == 8 * 60 + 20);
    CHECK(t.stops[0].end == 9 * 60 + 5);
    CHECK(t.stops[1].arrive == 9 * 60 + 15);
    CHECK(t.stops[1].start == 10 * 60); // waits for the appointment
    CHECK(t.stops[1].end == 11 * 60);
    CHECK(t.stops[2].drive_minutes == 6);
    CHECK(t.stops[2].arrive == 11 * 60 + 6);
    // 11:06 + 60 min would run into lunch at 12:00: C starts after lunch, at 12:45.
    CHECK(t.stops[2].start == 12 * 60 + 45);
    CHECK(t.stops[2].end == 13 * 60 + 45);
    CHECK(t.back == 14 * 60 + 15);
    CHECK(t.drive_minutes == 20 + 10 + 6 + 30);
    CHECK(t.feasible);

    // An appointment first: leave only as early as needed.
    const DayTiming first = time_day(p, 0, std::vector<int>{1});
    CHECK(first.leave == 9 * 60 + 35);
    CHECK(first.stops[0].arrive == 10 * 60);

    // Late for the appointment, and past the end of the day: both flagged.
    p.stops[1].fixed_start = 8 * 60 + 30;
    p.days[0].hours.end = 11 * 60;
    const DayTiming bad = time_day(p, 0, std::vector<int>{0, 1, 2});
    CHECK(bad.stops[1].late);
    CHECK(bad.stops[1].start == bad.stops[1].arrive);
    CHECK(bad.stops[2].after_hours);
    CHECK_FALSE(bad.feasible);
}

TEST_CASE("the exact day equals brute force over every subset and order (400 instances)") {
    for (std::uint64_t seed = 1; seed <= 400; ++seed) {
        const int n = 1 + static_cast<int>(seed % 7);
        const RouteProblem p = random_problem(n, seed, 1, seed % 2 == 0);
        const RoutePlan plan = exact_day(p, 0);
        const RouteScore b = brute_force(p);
        CAPTURE(seed);
        CHECK(plan.score.value == b.value);
        CHECK(plan.score.cost == b.cost);
        check_feasible(p, plan);
        CHECK(value_of(p, plan.days[0]) == plan.score.value);
        const DayTiming t = time_day(p, 0, plan.days[0]);
        CHECK((plan.days[0].empty() ? 0 : route_cost(t.drive_minutes, t.back)) == plan.score.cost);
    }
}

TEST_CASE("required stops are never dropped for optional value") {
    RouteProblem p = random_problem(8, 5, 1, true);
    for (RouteStop& s : p.stops)
        s.value = 1000;
    p.stops[3].value = kRequiredValue;
    p.stops[3].fixed_start.reset();
    const RoutePlan plan = exact_day(p, 0);
    CHECK(std::find(plan.days[0].begin(), plan.days[0].end(), 3) != plan.days[0].end());
}

TEST_CASE("the search respects windows, lunch, days and locked order, and keeps every stop once") {
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        const int days = 1 + static_cast<int>(seed % 5);
        const RouteProblem p = random_problem(40, seed, days, seed % 3 == 0);
        RouteSearchOptions o;
        o.seed = seed;
        o.time_limit_ms = 0;
        o.max_iterations = 300;
        RouteSearch search(p, o);
        while (!search.step(5)) {
        }
        CHECK_FALSE(search.proven_optimal());
        const RoutePlan& plan = search.best();
        CHECK(plan.days.size() == std::size_t(days));
        check_feasible(p, plan);
        std::int64_t v = 0, cost = 0;
        for (std::size_t d = 0; d < plan.days.size(); ++d) {
            v += value_of(p, plan.days[d]);
            const DayTiming t = time_day(p, int(d), plan.days[d]);
            if (!plan.days[d].empty()) cost += route_cost(t.drive_minutes, t.back);
        }
        CHECK(v == plan.score.value);
        CHECK(cost == plan.score.cost);
    }
}

TEST_CASE("the search finds the exact day's answer on 12-stop days") {
    int same = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        RouteProblem p = random_problem(12, seed + 1000, 1, true);
        const RoutePlan exact = exact_day(p, 0);
        // A second day no stop may use sends the problem down the heuristic path.
        for (RouteStop& s : p.stops)
            s.days = 1;
        p.days.push_back(p.days[0]);
        RouteSearchOptions o;
        o.seed = seed;
        o.time_limit_ms = 0;
        o.max_iterations = 400;
        const RoutePlan found = solve_routes(p, o);
        CHECK(found.score.value <= exact.score.value);
        if (found.score.value == exact.score.value && found.score.cost == exact.score.cost) ++same;
    }
    CHECK(same >= 18);
}

TEST_CASE("a seed gives the same plan however the search is sliced") {
    const RouteProblem p = random_problem(60, 77, 5);
    RouteSearchOptions o;
    o.seed = 9;
    o.time_limit_ms = 0;
    o.max_iterations = 200;
    const RoutePlan whole = solve_routes(p, o);
    RouteSearch sliced(p, o);
    int steps = 0;
    while (!sliced.step(0.01))
        ++steps;
    CHECK(steps > 5);
    CHECK(sliced.best().days == whole.days);
    CHECK(sliced.best().unassigned == whole.unassigned);
    CHECK(sliced.iterations() == 200);
}
