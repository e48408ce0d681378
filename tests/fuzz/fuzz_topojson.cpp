// libFuzzer harness for the TopoJSON reader (quantized arcs, arc references): any bytes give shapes or an error, never a crash, and
// whatever is accepted holds only finite WGS84 coordinates in rings of three or more points.
#include "core/shape_files.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace footprint::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ShapeLimits limits;
    limits.max_vertices = 20'000;
    const ShapeResult r = read_topojson(text, limits);
    if (r.file.has_value() == !r.error.empty()) std::abort(); // exactly one of the two
    if (r.file) {
        if (r.file->features.empty()) std::abort();
        for (const ShapeFeature& f : r.file->features)
            for (const Polygon& p : f.polygons)
                for (const Ring& ring : p) {
                    if (ring.size() < 3) std::abort();
                    for (const LatLon& ll : ring)
                        if (!std::isfinite(ll.lat) || std::abs(ll.lat) > 90 || std::abs(ll.lon) > 180) std::abort();
                }
    }
    return 0;
}
