// Route optimizer benchmark: gaps to the published optima on the TSPLIB instances (1 s each, and
// the nearest-neighbour + 2-opt baseline in the same run), and how long the exact solvers take on
// up to 12 stops. Prints Markdown tables for bench/RESULTS.md.
//
//   build/native-release/bench_routes [TSPLIB_DIR] [--time-limit S] [--seeds N] [--only NAME]
#include "core/day_plan.h"
#include "core/rng.h"
#include "core/route_solver.h"
#include "core/summary.h"
#include "core/synthetic_plan.h"
#include "core/tsp.h"
#include "core/tsplib.h"
#include "core/week_plan.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace footprint::core;

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}
// CPU time of this thread: the machine is shared, and wall time there counts other people's work.
double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

struct Row {
    std::string name;
    int n = 0;
    long long optimum = 0;
    std::vector<double> gaps, kicks, ms;
    double baseline_gap = 0, baseline_ms = 0;
};

void tsplib(const std::string& dir, double limit_s, int seeds, const std::string& only) {
    std::istringstream optima(slurp(dir + "/optima.txt"));
    std::vector<Row> rows;
    std::string name;
    long long opt = 0;
    while (optima >> name >> opt) {
        if (!only.empty() && name != only) continue;
        const std::string file = dir + "/" + name + ".tsp";
        TsplibResult r = read_tsplib(slurp(file), file);
        if (!r.instance) {
            std::fprintf(stderr, "%s\n", r.error.c_str());
            continue;
        }
        const CostMatrix costs = tsplib_costs(*r.instance);
        Row row{name, costs.size(), opt, {}, {}, {}, 0, 0};
        for (int s = 1; s <= seeds; ++s) {
            TourSearchOptions o;
            o.seed = static_cast<std::uint64_t>(s);
            o.time_limit_ms = limit_s * 1000;
            const TourResult t = solve_tour(costs, o);
            if (!is_tour(t.tour, costs.size()) || tour_length(costs, t.tour) != t.length) {
                std::fprintf(stderr, "%s: invalid tour\n", name.c_str());
                return;
            }
            row.gaps.push_back(100.0 * static_cast<double>(t.length - opt) /
                               static_cast<double>(opt));
            row.kicks.push_back(static_cast<double>(t.kicks));
            row.ms.push_back(t.ms);
            std::fprintf(stderr, "%s seed %d: %lld (%.2f%%), %lld kicks, %.0f ms\n", name.c_str(),
                         s, static_cast<long long>(t.length), row.gaps.back(),
                         static_cast<long long>(t.kicks), t.ms);
        }
        const Clock::time_point t0 = Clock::now();
        std::vector<int> base = nearest_neighbour_tour(costs, 0);
        two_opt_plain(costs, base);
        row.baseline_ms = ms_since(t0);
        row.baseline_gap =
            100.0 * static_cast<double>(tour_length(costs, base) - opt) / static_cast<double>(opt);
        rows.push_back(row);
    }
    std::printf("| instance | n | optimum | gap, median of %d seeds | worst seed | kicks (median) "
                "| time (median) | NN + 2-opt gap | NN + 2-opt time |\n",
                seeds);
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    double mean = 0, worst = 0, base_mean = 0;
    for (const Row& r : rows) {
        const double med = median(r.gaps);
        const double w = *std::max_element(r.gaps.begin(), r.gaps.end());
        mean += med;
        worst = std::max(worst, w);
        base_mean += r.baseline_gap;
        std::printf("| %s | %d | %lld | %.2f%% | %.2f%% | %.0f | %.0f ms | %.2f%% | %.1f ms |\n",
                    r.name.c_str(), r.n, r.optimum, med, w, median(r.kicks), median(r.ms),
                    r.baseline_gap, r.baseline_ms);
    }
    if (!rows.empty())
        std::printf("| **mean** | | | **%.2f%%** | worst %.2f%% | | | %.2f%% | |\n",
                    mean / static_cast<double>(rows.size()), worst,
                    base_mean / static_cast<double>(rows.size()));
}

// Random days around a depot in a 40 x 40 km square, 30% of stops with an appointment: how long
// the exact day (dynamic programming with time windows) and exact tour (Held-Karp) take.
void exact_timings() {
    std::printf("\nCPU time of the solving thread (the machine is shared; wall time counts others' "
                "work):\n\n");
    std::printf("| stops | exact day (DP with time windows), worst of 50 | median | Held-Karp tour "
                "(stops + depot), worst of 50 |\n");
    std::printf("|---:|---:|---:|---:|\n");
    for (int n = 4; n <= 12; ++n) {
        std::vector<double> day_ms, tour_ms;
        for (int inst = 0; inst < 50; ++inst) {
            SplitMix64 rng(static_cast<std::uint64_t>(n * 1000 + inst));
            std::vector<std::pair<double, double>> xy{{20, 20}, {20, 20}};
            for (int i = 0; i < n; ++i)
                xy.emplace_back(rng.below(400) / 10.0, rng.below(400) / 10.0);
            RouteProblem p;
            p.seconds = CostMatrix::build(n + 2, [&](int a, int b) {
                const double km = std::hypot(xy[std::size_t(a)].first - xy[std::size_t(b)].first,
                                             xy[std::size_t(a)].second - xy[std::size_t(b)].second);
                return static_cast<std::int32_t>(std::ceil(km * 1.3 / 48.0 * 3600.0));
            });
            p.days = {RouteDay{0, 1, DayHours{}}};
            for (int i = 0; i < n; ++i) {
                RouteStop s;
                s.node = i + 2;
                s.duration =
                    20 + 5 * rng.below(5); // short meetings: most stops fit, the DP works hardest
                if (rng.below(10) < 3) s.fixed_start = 8 * 60 + 30 + 15 * rng.below(30);
                p.stops.push_back(s);
            }
            double t0 = cpu_ms();
            const RoutePlan plan = exact_day(p, 0);
            day_ms.push_back(cpu_ms() - t0);
            if (plan.days[0].size() > std::size_t(n)) std::fprintf(stderr, "impossible\n");
            const CostMatrix tour_costs =
                CostMatrix::build(n + 1, [&](int a, int b) { return p.seconds(a + 1, b + 1); });
            t0 = cpu_ms();
            const std::vector<int> t = exact_tour(tour_costs);
            tour_ms.push_back(cpu_ms() - t0);
            if (!is_tour(t, n + 1)) std::fprintf(stderr, "bad tour\n");
        }
        std::printf("| %d | %.2f ms | %.2f ms | %.2f ms |\n", n,
                    *std::max_element(day_ms.begin(), day_ms.end()), median(day_ms),
                    *std::max_element(tour_ms.begin(), tour_ms.end()));
    }
}

// The page's heavy cases, natively: a day with 200 visits on it and a week from 200 candidates,
// in the synthetic plan the page benchmark uses. How the answer improves with compute time.
void page_cases() {
    Plan plan = make_synthetic_plan(2000, 100, 7);
    const Date monday = add_days(week_start(date_from_ymd(2026, 11, 27)), 7);
    std::vector<const Account*> located;
    for (const Account& a : plan.accounts)
        if (a.location) located.push_back(&a);
    std::vector<const Account*> day200(located.begin(), located.begin() + 200);
    std::vector<std::string> ids;
    for (int i = 0; i < 200; ++i)
        ids.push_back("bench-" + std::to_string(i));
    for (Activity& a : add_visits(plan, monday, day200, ids))
        plan.activities.push_back(a);
    std::printf("\nCPU time, 200 visits on one day (synthetic plan, seed 7): visits kept and "
                "driving by time limit\n\n");
    std::printf(
        "| time limit | kept | driving | iterations | CPU time |\n|---:|---:|---:|---:|---:|\n");
    for (double limit : {100.0, 250.0, 500.0, 800.0, 1200.0}) {
        RouteSearchOptions o;
        o.time_limit_ms = limit;
        const double t0 = cpu_ms();
        DayOptimizer opt(plan, monday, o);
        while (!opt.step(20)) {
        }
        const double t = cpu_ms() - t0;
        const DayOptimizer::Outcome out = opt.outcome(plan);
        std::printf("| %.0f ms | %d | %d min | %lld | %.0f ms |\n", limit, out.kept,
                    out.drive_minutes_after, static_cast<long long>(opt.iterations()), t);
    }
    WeekPlanRequest req;
    req.monday = add_days(monday, 7);
    req.today = monday;
    req.max_visits_per_day = 6;
    for (std::size_t i = 200; i < 400; ++i)
        req.candidates.push_back(candidate_for(plan, *located[i], monday));
    std::printf("\nCPU time, a week from 200 candidates (at most 6 visits a day)\n\n");
    std::printf("| time limit | new visits | value | driving | iterations | CPU time "
                "|\n|---:|---:|---:|---:|---:|---:|\n");
    for (double limit : {100.0, 250.0, 500.0, 800.0, 1500.0}) {
        RouteSearchOptions o;
        o.time_limit_ms = limit;
        const double t0 = cpu_ms();
        WeekPlanner wp(plan, req, o);
        while (!wp.step(20)) {
        }
        const double t = cpu_ms() - t0;
        const WeekProposal p = wp.proposal();
        std::printf("| %.0f ms | %d | $%lld/mo | %d min | %lld | %.0f ms |\n", limit, p.new_visits,
                    static_cast<long long>(p.new_value / 100), p.drive_minutes,
                    static_cast<long long>(wp.iterations()), t);
    }
}

} // namespace

int main(int argc, char** argv) {
    std::string dir = "../shared/data/tsplib", only;
    double limit = 1.0;
    int seeds = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--time-limit" && i + 1 < argc)
            limit = std::atof(argv[++i]);
        else if (a == "--seeds" && i + 1 < argc)
            seeds = std::atoi(argv[++i]);
        else if (a == "--only" && i + 1 < argc)
            only = argv[++i];
        else if (a == "--exact" || a == "--page")
            continue;
        else
            dir = a;
    }
    bool exact_only = false;
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "--exact") exact_only = true;
    bool page_only = false;
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "--page") page_only = true;
    if (page_only) {
        page_cases();
        return 0;
    }
    if (!exact_only) tsplib(dir, limit, seeds, only);
    exact_timings();
    if (!exact_only) page_cases();
    return 0;
}
