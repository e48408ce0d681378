// libFuzzer harness for the TSPLIB reader: any bytes give an instance or an error with a place,
// never a crash; an instance that reads is solved briefly and its tour must be a valid tour.
#include "core/tsp.h"
#include "core/tsplib.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const footprint::core::TsplibResult r = footprint::core::read_tsplib(text, "fuzz.tsp");
    if (!r.instance) {
        if (r.error.rfind("fuzz.tsp:", 0) != 0) std::abort(); // every error names the file and line
        return 0;
    }
    if (r.instance->nodes.empty() || r.instance->nodes.size() > 300) return 0;
    const footprint::core::CostMatrix costs = footprint::core::tsplib_costs(*r.instance);
    footprint::core::TourSearchOptions o;
    o.time_limit_ms = 0;
    o.max_kicks = 20;
    const footprint::core::TourResult t = footprint::core::solve_tour(costs, o);
    if (!footprint::core::is_tour(t.tour, costs.size())) std::abort();
    if (footprint::core::tour_length(costs, t.tour) != t.length) std::abort();
    return 0;
}
