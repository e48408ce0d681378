// Territory shapes from files: GeoJSON and TopoJSON readers. Only areas (Polygon, MultiPolygon)
// become territories; a file that is not valid, has no areas or is absurdly large is refused
// with one sentence saying where and why ("features[3].geometry.coordinates[0][2]: …").
#pragma once

#include "core/model.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

struct ShapeLimits {
    std::size_t max_bytes = 16u << 20;     // 16 MiB
    std::size_t max_vertices = 250'000;    // a few hundred detailed territories
    std::size_t max_features = 2'000;
    int max_depth = 64;                    // JSON nesting
};

struct ShapeFeature {
    std::string name;  // from properties (name, NAME, territory, title…), else "Shape N"
    std::string color; // "#RRGGBB" from properties (color, fill, stroke), else ""
    std::vector<Polygon> polygons;
};

struct ShapeFile {
    std::vector<ShapeFeature> features;
    std::size_t skipped = 0;  // features that are points or lines (or empty), left out
    std::size_t vertices = 0; // over all features
};

struct ShapeResult {
    std::optional<ShapeFile> file;
    std::string error; // set when `file` is not
};

ShapeResult read_geojson(std::string_view text, const ShapeLimits& limits = {});
ShapeResult read_topojson(std::string_view text, const ShapeLimits& limits = {});
// GeoJSON or TopoJSON, told apart by the top-level "type" ("Topology" is TopoJSON).
ShapeResult read_shape_file(std::string_view text, const ShapeLimits& limits = {});

namespace shape_detail {
// Shared by the two readers (shape_files.cpp).
struct Context {
    const ShapeLimits& limits;
    ShapeFile out;
    std::string error;
    std::size_t non_areas = 0; // points and lines seen, for the "no areas" message
    bool fail(const std::string& where, const std::string& what);
};
// Checks size and nesting before parsing; returns the parsed document or sets ctx.error.
std::optional<Json> parse(std::string_view text, Context& ctx);
// Validates a longitude/latitude pair at `where`; appends it to `ring` unless it repeats the last.
bool add_position(Context& ctx, const std::string& where, double lon, double lat, Ring& ring);
// Closes `ring` (drops a repeated first point) and checks it has an area; false sets the error.
bool finish_ring(Context& ctx, const std::string& where, Ring& ring);
// Name and colour from a feature's properties (and id).
void describe(const Json* properties, const Json* id, ShapeFeature& f, std::size_t index);
// The error for a file without areas, or "" when it has some.
std::string no_areas_message(const Context& ctx);
std::string count_text(std::size_t n);
void read_geojson_doc(Context& ctx, const Json& doc);
void read_topojson_doc(Context& ctx, const Json& doc); // shape_topojson.cpp
ShapeResult finish(Context& ctx);
bool is_topology(const Json& doc);
} // namespace shape_detail

} // namespace footprint::core
