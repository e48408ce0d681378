// Reads the map assets the page preloads into /map (see scripts/build-map-assets.mjs) and hands
// them to the Map view. A missing or damaged file leaves the map without that layer, never broken.
#include "core/map_assets.h"
#include "platform/web_context.h"
#include "ui/map_internal.h"

#include <emscripten.h>

#include <cstdio>

namespace footprint::platform {

namespace {

// stdio, not iostreams: they would add a few hundred KB to the WebAssembly.
std::optional<std::string> read_file(const char* path) {
    std::FILE* f = std::fopen(path, "rb");
    if (!f) return std::nullopt;
    std::string out;
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    std::fclose(f);
    return out;
}

} // namespace

void load_map_data(ui::UiState& ui) {
    const double t0 = emscripten_get_now();
    auto data = std::make_shared<ui::MapData>();
    auto note = [&](const char* what, const std::string& error) {
        data->error += std::string(data->error.empty() ? "" : "; ") + what + ": " + error;
    };
    if (auto bytes = read_file("/map/basemap.bin")) {
        core::BasemapResult r = core::read_basemap(*bytes);
        if (r.map) data->basemap = std::move(r.map);
        else note("basemap.bin", r.error);
    } else {
        note("basemap.bin", "missing");
    }
    if (auto bytes = read_file("/map/places.bin")) {
        core::PlaceResult r = core::read_places(*bytes);
        if (r.table) data->places = std::move(r.table);
        else note("places.bin", r.error);
    } else {
        note("places.bin", "missing");
    }
    if (auto bytes = read_file("/map/zips.bin")) {
        core::ZipResult r = core::read_zip_table(*bytes);
        if (r.table) data->zips = std::move(r.table);
        else note("zips.bin", r.error);
    } else {
        note("zips.bin", "missing");
    }
    if (!data->error.empty()) emscripten_log(EM_LOG_WARN, "footprint: map data: %s", data->error.c_str());
    data->load_ms = emscripten_get_now() - t0;
    ui.map.data = std::move(data);
}

} // namespace footprint::platform
