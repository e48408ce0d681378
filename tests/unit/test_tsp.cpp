// The tour solvers (src/core/tsp*.cpp) and the TSPLIB reader (src/core/tsplib.cpp): exactness
// against brute force, determinism for a seed however the work is sliced, and TSPLIB's distance
// rules checked by hand and against published optima (burma14 is GEO, att48 is ATT).
#include "core/rng.h"
#include "core/tsp.h"
#include "core/tsplib.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <string>

using namespace footprint::core;

namespace {

CostMatrix random_instance(int n, std::uint64_t seed, int size = 1000) {
    SplitMix64 rng(seed);
    std::vector<TsplibPoint> pts;
    for (int i = 0; i < n; ++i)
        pts.push_back({double(rng.below(size)), double(rng.below(size))});
    return CostMatrix::build(n, [&](int i, int j) {
        return tsplib_distance(TsplibMetric::Euc2d, pts[std::size_t(i)], pts[std::size_t(j)]);
    });
}

std::int64_t brute_force(const CostMatrix& c) {
    std::vector<int> p(std::size_t(c.size()));
    std::iota(p.begin(), p.end(), 0);
    std::int64_t best = tour_length(c, p);
    while (std::next_permutation(p.begin() + 1, p.end()))
        best = std::min(best, tour_length(c, p));
    return best;
}

// burma14 (GEO, optimum 3323) and att48 (ATT, optimum 10628) from TSPLIB 95, as test data.
constexpr const char* kBurma14 = R"(NAME: burma14
TYPE: TSP
COMMENT: 14-Staedte in Burma (Zaw Win)
DIMENSION: 14
EDGE_WEIGHT_TYPE: GEO
EDGE_WEIGHT_FORMAT: FUNCTION
DISPLAY_DATA_TYPE: COORD_DISPLAY
NODE_COORD_SECTION
   1  16.47       96.10
   2  16.47       94.44
   3  20.09       92.54
   4  22.39       93.37
   5  25.23       97.24
   6  22.00       96.05
   7  20.47       97.02
   8  17.20       96.29
   9  16.30       97.38
  10  14.05       98.12
  11  16.53       97.38
  12  21.52       95.59
  13  19.41       97.13
  14  20.09       94.55
EOF
)";

constexpr const char* kAtt48 =
    "NAME : att48\nTYPE : TSP\nDIMENSION : 48\nEDGE_WEIGHT_TYPE : ATT\nNODE_COORD_SECTION\n"
    "1 6734 1453\n2 2233 10\n3 5530 1424\n4 401 841\n5 3082 1644\n6 7608 4458\n7 7573 3716\n"
    "8 7265 1268\n9 6898 1885\n10 1112 2049\n11 5468 2606\n12 5989 2873\n13 4706 2674\n"
    "14 4612 2035\n15 6347 2683\n16 6107 669\n17 7611 5184\n18 7462 3590\n19 7732 4723\n"
    "20 5900 3561\n21 4483 3369\n22 6101 1110\n23 5199 2182\n24 1633 2809\n25 4307 2322\n"
    "26 675 1006\n27 7555 4819\n28 7541 3981\n29 3177 756\n30 7352 4506\n31 7545 2801\n"
    "32 3245 3305\n33 6426 3173\n34 4608 1198\n35 23 2216\n36 7248 3779\n37 7762 4595\n"
    "38 7392 2244\n39 3484 2829\n40 6271 2135\n41 4985 140\n42 1916 1569\n43 7280 4899\n"
    "44 7509 3239\n45 10 2676\n46 6807 2993\n47 5185 3258\n48 3023 1942\nEOF\n";

} // namespace

TEST_CASE("Held-Karp finds the optimum that brute force finds, on 300 random instances") {
    for (int n = 1; n <= 9; ++n)
        for (std::uint64_t seed = 1; seed <= 35; ++seed) {
            const CostMatrix c = random_instance(n, seed * 97 + std::uint64_t(n));
            const std::vector<int> t = exact_tour(c);
            REQUIRE(is_tour(t, n));
            CHECK(t.front() == 0);
            CHECK(tour_length(c, t) == brute_force(c));
        }
}

TEST_CASE("the search is exact up to 13 nodes and says so") {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const CostMatrix c = random_instance(13, seed);
        const TourResult r = solve_tour(c, {});
        CHECK(r.optimal);
        CHECK(r.length == tour_length(c, exact_tour(c)));
        CHECK(r.length == tour_length(c, r.tour));
    }
}

TEST_CASE("the search gives a valid tour no longer than the baseline, and reaches small optima") {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const CostMatrix c = random_instance(120, seed);
        TourSearchOptions o;
        o.seed = seed;
        o.time_limit_ms = 0;
        o.max_kicks = 2000;
        const TourResult r = solve_tour(c, o);
        REQUIRE(is_tour(r.tour, 120));
        CHECK(r.tour.front() == 0);
        CHECK_FALSE(r.optimal);
        CHECK(r.length == tour_length(c, r.tour));
        std::vector<int> base = nearest_neighbour_tour(c);
        two_opt_plain(c, base);
        REQUIRE(is_tour(base, 120));
        CHECK(r.length <= tour_length(c, base));
    }
    // 14..16 nodes: beyond the exact threshold, the search still finds Held-Karp's optimum.
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        const CostMatrix c = random_instance(16, seed + 40);
        TourSearchOptions o;
        o.time_limit_ms = 0;
        o.max_kicks = 3000;
        CHECK(solve_tour(c, o).length == tour_length(c, exact_tour(c)));
    }
}

TEST_CASE("a seed gives the same tour however the work is sliced") {
    const CostMatrix c = random_instance(300, 7);
    TourSearchOptions o;
    o.seed = 42;
    o.time_limit_ms = 0;
    o.max_kicks = 1500;
    const TourResult whole = solve_tour(c, o);
    TourSearch sliced(c, o);
    int steps = 0;
    while (!sliced.step(0.05)) {
        ++steps;
        CHECK(sliced.progress() >= 0);
        CHECK(sliced.progress() < 1);
    }
    CHECK(steps > 10);
    CHECK(sliced.best_tour() == whole.tour);
    CHECK(sliced.best_length() == whole.length);
    CHECK(sliced.kicks() == 1500);
    o.seed = 43;
    CHECK(solve_tour(c, o).tour != whole.tour); // another seed explores differently
}

TEST_CASE("the baseline is a plain 2-opt local optimum") {
    const CostMatrix c = random_instance(80, 3);
    std::vector<int> t = nearest_neighbour_tour(c, 5);
    CHECK(t.front() == 5);
    REQUIRE(is_tour(t, 80));
    two_opt_plain(c, t);
    for (int i = 0; i < 80; ++i)
        for (int j = i + 2; j < 80; ++j) {
            if (i == 0 && j == 79) continue;
            const int a = t[std::size_t(i)], b = t[std::size_t(i + 1)], x = t[std::size_t(j)],
                      y = t[std::size_t((j + 1) % 80)];
            CHECK(c(a, x) + c(b, y) >= c(a, b) + c(x, y));
        }
}

TEST_CASE("TSPLIB distance rules, worked by hand") {
    using M = TsplibMetric;
    CHECK(tsplib_distance(M::Euc2d, {0, 0}, {3, 4}) == 5);
    CHECK(tsplib_distance(M::Euc2d, {0, 0}, {1, 1}) == 1);   // 1.414 rounds to 1
    CHECK(tsplib_distance(M::Euc2d, {0, 0}, {1.5, 2}) == 3); // 2.5 rounds half up
    CHECK(tsplib_distance(M::Ceil2d, {0, 0}, {1, 1}) == 2);  // 1.414 rounds up
    CHECK(tsplib_distance(M::Ceil2d, {0, 0}, {3, 4}) == 5);
    CHECK(tsplib_distance(M::Att, {0, 0}, {10, 0}) == 4);   // r = 3.162: nint 3 < r, so 4
    CHECK(tsplib_distance(M::Att, {0, 0}, {30, 40}) == 16); // r = 15.81: nint 16 >= r
    CHECK(tsplib_distance(M::Att, {0, 0}, {0, 10}) == 4);
    // GEO: 16.47 is 16 degrees 47 minutes. Along a meridian, one degree is 6378.388 * pi / 180
    // = 111.3 km: from 10.00 to 11.00 gives (int)(111.32 + 1) = 112.
    CHECK(tsplib_distance(M::Geo, {10.00, 20.00}, {11.00, 20.00}) == 112);
    // 10.30 is 10.5 degrees, not 10.3: half a degree is 55.7 km -> (int)56.7 = 56.
    CHECK(tsplib_distance(M::Geo, {10.00, 20.00}, {10.30, 20.00}) == 56);
    // Truncation, not rounding, splits degrees from minutes: -0.30 is -(0 + 30/60).
    CHECK(tsplib_distance(M::Geo, {-0.30, 0}, {0.30, 0}) == 112);
    CHECK(tsplib_distance(M::Geo, {16.47, 96.10}, {16.47, 96.10}) == 1); // TSPLIB's +1.0 on zero
}

TEST_CASE("TSPLIB GEO and ATT instances reach their published optima") {
    const TsplibResult burma = read_tsplib(kBurma14, "burma14.tsp");
    REQUIRE_MESSAGE(burma.instance, burma.error);
    CHECK(burma.instance->name == "burma14");
    CHECK(burma.instance->metric == TsplibMetric::Geo);
    CHECK(burma.instance->nodes.size() == 14);
    CHECK(tour_length(tsplib_costs(*burma.instance), exact_tour(tsplib_costs(*burma.instance))) ==
          3323);

    const TsplibResult att = read_tsplib(kAtt48, "att48.tsp");
    REQUIRE_MESSAGE(att.instance, att.error);
    CHECK(att.instance->metric == TsplibMetric::Att);
    TourSearchOptions o;
    o.time_limit_ms = 0;
    o.max_kicks = 5000;
    CHECK(solve_tour(tsplib_costs(*att.instance), o).length == 10628);
}

TEST_CASE("the TSPLIB reader takes the header spellings and number formats of real files") {
    const char* text = "NAME : t\r\nCOMMENT : a : b\r\nTYPE: TSP\r\nDIMENSION :3\r\n"
                       "EDGE_WEIGHT_TYPE:CEIL_2D\r\nNODE_COORD_SECTION\r\n"
                       "  3 1.5e+01 2\r\n1\t0 0\r\n2 -3.0 4.0\r\n"; // no EOF, nodes out of order
    const TsplibResult r = read_tsplib(text, "t.tsp");
    REQUIRE_MESSAGE(r.instance, r.error);
    CHECK(r.instance->comment == "a : b");
    CHECK(r.instance->metric == TsplibMetric::Ceil2d);
    CHECK(r.instance->nodes[2].x == 15);
    CHECK(r.instance->nodes[1].x == -3);
    CHECK(tsplib_costs(*r.instance)(0, 1) == 5);
}

TEST_CASE("TSPLIB errors name the file and line and say what is wrong") {
    auto error = [](const std::string& text) {
        const TsplibResult r = read_tsplib(text, "x.tsp");
        CHECK_FALSE(r.instance);
        return r.error;
    };
    const std::string head =
        "NAME: x\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n";
    CHECK(error(head + "1 0 0\n2 1,5 0\n3 2 2\n") == "x.tsp:7: coordinate \"1,5\" is not a number");
    CHECK(error(head + "1 0 0\n1 1 1\n") == "x.tsp:7: node 1 is given twice (first on line 6)");
    CHECK(error(head + "1 0 0\n4 1 1\n") ==
          "x.tsp:7: node number \"4\" is not between 1 and 3 (the DIMENSION)");
    CHECK(error(head + "1 0 0\n2 1\n") ==
          "x.tsp:7: expected \"NODE X Y\" (1 of 3 nodes read), found \"2 1\"");
    CHECK(error(head + "1 0 0\n2 1 1\n") == "x.tsp:7: the file ends after 2 of 3 nodes");
    CHECK(error(head + "1 0 0\n2 1 1\n3 2 2\n4 3 3\n") ==
          "x.tsp:9: unexpected \"4 3 3\" after the 3 nodes");
    CHECK(error("NAME: x\nTYPE: ATSP\n") ==
          "x.tsp:2: TYPE \"ATSP\" is not supported (Footprint reads symmetric TSP instances)");
    CHECK(error("TYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: MAN_2D\n") ==
          "x.tsp:3: EDGE_WEIGHT_TYPE \"MAN_2D\" is not supported (supported: EUC_2D, CEIL_2D, ATT, "
          "GEO)");
    CHECK(error("TYPE: TSP\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n") ==
          "x.tsp:3: NODE_COORD_SECTION comes before DIMENSION");
    CHECK(error("TYPE: TSP\nDIMENSION: 0\n") ==
          "x.tsp:2: DIMENSION \"0\" is not a positive whole number");
    CHECK(error("TYPE: TSP\nDIMENSION: 9000\n") ==
          "x.tsp:2: DIMENSION 9000 is more than the 5000 nodes Footprint solves");
    CHECK(error("hello world\n") ==
          "x.tsp:1: expected \"KEYWORD : VALUE\" or NODE_COORD_SECTION, found \"hello world\"");
    CHECK(error("") == "x.tsp:1: not a TSPLIB file: no TYPE or DIMENSION");
    CHECK(error("TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: GEO\nNODE_COORD_SECTION\n1 95.0 0\n") ==
          "x.tsp:5: GEO coordinates are latitude and longitude (DDD.MM): \"1 95.0 0\" is out of "
          "range");
    CHECK(error("TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EXPLICIT\n").find("x.tsp:3:") == 0);
}
