// Map benchmarks on 100,000 synthetic accounts (core/synthetic_plan.cpp, Philadelphia region):
// building the marker index and clusters, picking the account under the cursor, a lasso around
// 10,000 accounts, assigning accounts to territories. Median of several runs, printed as markdown.
// Usage: bench_map [accounts]
#include "app/document.h"
#include "core/clustering.h"
#include "core/geo.h"
#include "core/spatial_index.h"
#include "core/synthetic_plan.h"
#include "core/territory.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <vector>

using namespace footprint::core;

namespace {

double median_ms(int runs, const std::function<void()>& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const Plan plan = make_synthetic_plan(n, 0, 7);
    std::vector<Vec2> pts;
    std::vector<std::uint8_t> groups;
    for (const Account& a : plan.accounts)
        if (a.location) {
            pts.push_back(project(*a.location));
            groups.push_back(static_cast<std::uint8_t>(a.status));
        }
    std::printf("| measure (%d accounts) | median |\n|---|---|\n", n);
    SpatialIndex index;
    std::printf("| build the spatial index | %.1f ms |\n", median_ms(5, [&] { index = SpatialIndex::of_points(pts); }));
    ClusterTree tree;
    std::printf("| build the cluster tree (Z-order sort) | %.1f ms |\n", median_ms(5, [&] { tree = ClusterTree(pts, groups); }));
    std::size_t clusters = 0;
    std::printf("| clusters at one zoom level (metro, level 13) | %.2f ms |\n",
                median_ms(9, [&] { clusters = tree.clusters(13).size(); }));

    // Pick: the account nearest 1,000 random cursor positions within 14 px at metro zoom 20.
    std::mt19937 rng(3);
    const Box all = index.bounds();
    std::uniform_real_distribution<double> ux(all.min_x, all.max_x), uy(all.min_y, all.max_y);
    std::vector<Vec2> cursors(1000);
    for (Vec2& c : cursors) c = {ux(rng), uy(rng)};
    const double reach = 14.0 / std::exp2(20.0);
    std::size_t found = 0;
    const double pick_ms = median_ms(7, [&] {
        for (const Vec2& c : cursors) found += index.nearest(c, reach).has_value();
    });
    std::printf("| pick the account under the cursor (1,000 picks) | %.2f µs per pick |\n", pick_ms * 1000.0 / 1000.0);

    // Lasso: a 64-point circle around Center City sized to hold about 10,000 accounts.
    const Vec2 centre = project({39.9526, -75.1652});
    double radius = 0.0001;
    std::vector<std::uint32_t> inside;
    Path lasso;
    for (int iter = 0; iter < 40; ++iter) {
        lasso.clear();
        for (int k = 0; k < 64; ++k)
            lasso.push_back({centre.x + radius * std::cos(k * 0.0981747704), centre.y + radius * std::sin(k * 0.0981747704)});
        std::size_t count = 0;
        const PreparedArea area(MultiShape{Shape{lasso}});
        index.search(area.bounds(), [&](std::uint32_t i) {
            count += area.contains(pts[i]);
            return true;
        });
        if (count > 10500) radius *= 0.97;
        else if (count < 9500) radius *= 1.05;
        else break;
    }
    std::size_t selected = 0;
    const double lasso_ms = median_ms(9, [&] {
        const PreparedArea area(MultiShape{Shape{lasso}});
        selected = 0;
        index.search(area.bounds(), [&](std::uint32_t i) {
            selected += area.contains(pts[i]);
            return true;
        });
    });
    std::printf("| lasso of %zu accounts (64-point lasso, index + prepared polygon) | %.2f ms |\n", selected, lasso_ms);

    Assignment as;
    std::printf("| assign %d accounts to %zu territories by location | %.1f ms |\n", n, plan.territories.size(),
                median_ms(5, [&] { as = assign_by_location(plan); }));
    {
        footprint::app::Document doc(plan);
        footprint::app::Command cmd{"Assign", as.changes};
        const auto t = std::chrono::steady_clock::now();
        doc.execute(std::move(cmd), Timestamp{0});
        std::printf("| execute that assignment as one undoable command | %.1f ms |\n",
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
    }
    std::fprintf(stderr, "(checks: %zu clusters, %zu picks hit, %zu changes)\n", clusters, found, as.changes.size());
    return 0;
}
