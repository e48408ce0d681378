// libFuzzer harness for the binary map asset readers (basemap, places, ZIP centroids): a corrupt
// or truncated asset is an error, never a crash or a runaway allocation. The first byte picks the
// reader so one corpus covers the three formats.
#include "core/map_assets.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace footprint::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 3) {
    case 0: {
        const BasemapResult r = read_basemap(bytes);
        if (r.map.has_value() == !r.error.empty()) std::abort();
        if (r.map && r.map->min_zoom.size() != r.map->points.size()) std::abort();
        if (r.map)
            for (const auto& c : r.map->counties) (void)r.map->county_at(c.bounds.center());
        break;
    }
    case 1: {
        const PlaceResult r = read_places(bytes);
        if (r.table.has_value() == !r.error.empty()) std::abort();
        break;
    }
    default: {
        const ZipResult r = read_zip_table(bytes);
        if (r.table.has_value() == !r.error.empty()) std::abort();
        if (r.table && r.table->size() > 0 && !r.table->find(r.table->codes().front())) std::abort();
        break;
    }
    }
    return 0;
}
