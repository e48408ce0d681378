// Reading TSPLIB 95 instances (symmetric TSP with node coordinates) and their distance rules, so
// the route optimizer can be measured against published optimal tour lengths.
#pragma once

#include "core/tsp.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

// The EDGE_WEIGHT_TYPEs Footprint reads, each computed exactly as TSPLIB 95 defines it.
enum class TsplibMetric {
    Euc2d,  // nint(sqrt(dx² + dy²)), nint(x) = (int)(x + 0.5)
    Ceil2d, // ceil(sqrt(dx² + dy²))
    Att,    // pseudo-Euclidean: r = sqrt((dx² + dy²) / 10); t = nint(r); t < r ? t + 1 : t
    Geo,    // DDD.MM degrees and minutes on a sphere of radius 6378.388 km, PI = 3.141592
};
std::string_view to_string(TsplibMetric m);

struct TsplibPoint {
    double x = 0; // for GEO: latitude as DDD.MM
    double y = 0; // for GEO: longitude as DDD.MM
};

struct TsplibInstance {
    std::string name;
    std::string comment;
    TsplibMetric metric = TsplibMetric::Euc2d;
    std::vector<TsplibPoint> nodes; // node i of the file (1-based there) is nodes[i - 1]
};

struct TsplibResult {
    std::optional<TsplibInstance> instance;
    std::string error; // "FILE:LINE: what is wrong" when instance is empty
};

// Parses a TSPLIB file's text; `file_name` is used in error messages. Accepts "KEY: VALUE" and
// "KEY : VALUE", integer, decimal and scientific coordinates, CRLF line ends, and a missing EOF.
TsplibResult read_tsplib(std::string_view text, std::string_view file_name);

// The distance between two nodes under `metric`.
std::int32_t tsplib_distance(TsplibMetric metric, TsplibPoint a, TsplibPoint b);
CostMatrix tsplib_costs(const TsplibInstance& instance);

} // namespace footprint::core
