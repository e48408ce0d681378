// GeoJSON (RFC 7946) reading, and the checks both shape readers share.
#include "core/shape_files.h"

#include "core/format.h"

#include <cmath>

namespace footprint::core {

namespace shape_detail {

std::string count_text(std::size_t n) { return format_count(static_cast<long long>(n)); }

bool Context::fail(const std::string& where, const std::string& what) {
    if (error.empty()) error = where.empty() ? what : where + ": " + what;
    return false;
}

std::optional<Json> parse(std::string_view text, Context& ctx) {
    if (text.size() > ctx.limits.max_bytes) {
        ctx.fail("", "the file is " + count_text(text.size() / 1024) + " KB; shape files up to " +
                         count_text(ctx.limits.max_bytes / 1024) +
                         " KB can be imported (simplify it first)");
        return std::nullopt;
    }
    // Nesting is bounded before parsing: nlohmann's destructor recurses once per level.
    int depth = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > ctx.limits.max_depth) {
                ctx.fail("", "the JSON is nested more than " + std::to_string(ctx.limits.max_depth) +
                                 " levels deep; it is not a shape file");
                return std::nullopt;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    Json doc = Json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded()) {
        ctx.fail("", "this is not valid JSON (a GeoJSON or TopoJSON file is JSON text)");
        return std::nullopt;
    }
    if (!doc.is_object()) {
        ctx.fail("", "the file is JSON but not a GeoJSON or TopoJSON object");
        return std::nullopt;
    }
    return doc;
}

bool add_position(Context& ctx, const std::string& where, double lon, double lat, Ring& ring) {
    if (!std::isfinite(lon) || !std::isfinite(lat)) return ctx.fail(where, "a coordinate is not a number");
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "(%g, %g) is not a longitude and latitude", lon, lat);
        return ctx.fail(where, std::string(buf) +
                                   "; territory files must use WGS84 degrees, not a projected system");
    }
    if (++ctx.out.vertices > ctx.limits.max_vertices)
        return ctx.fail(where, "the file has more than " + count_text(ctx.limits.max_vertices) +
                                   " points; simplify the shapes before importing them");
    if (!ring.empty() && ring.back().lat == lat && ring.back().lon == lon) return true;
    ring.push_back({lat, lon});
    return true;
}

bool finish_ring(Context& ctx, const std::string& where, Ring& ring) {
    if (ring.size() > 1 && ring.front().lat == ring.back().lat && ring.front().lon == ring.back().lon)
        ring.pop_back();
    if (ring.size() < 3) return ctx.fail(where, "a ring needs at least three distinct points");
    return true;
}

void describe(const Json* props, const Json* id, ShapeFeature& f, std::size_t index) {
    auto text = [&](const char* key) -> std::string {
        if (!props || !props->is_object()) return {};
        auto it = props->find(key);
        if (it == props->end()) return {};
        if (it->is_string()) return it->get<std::string>();
        if (it->is_number_integer()) return std::to_string(it->get<long long>());
        return {};
    };
    for (const char* k : {"name", "NAME", "Name", "territory", "Territory", "TERRITORY", "title",
                          "label", "NAMELSAD"})
        if (f.name = text(k); !f.name.empty()) break;
    if (f.name.empty() && id) {
        if (id->is_string()) f.name = id->get<std::string>();
        else if (id->is_number_integer()) f.name = std::to_string(id->get<long long>());
    }
    if (f.name.empty()) f.name = "Shape " + std::to_string(index + 1);
    if (f.name.size() > 120) f.name.resize(120);
    for (const char* k : {"color", "colour", "fill", "stroke"}) {
        std::string c = text(k);
        if (c.size() == 4 && c[0] == '#') c = std::string{'#', c[1], c[1], c[2], c[2], c[3], c[3]};
        bool hex = c.size() == 7 && c[0] == '#';
        for (std::size_t i = 1; hex && i < 7; ++i) hex = std::isxdigit(static_cast<unsigned char>(c[i])) != 0;
        if (hex) {
            for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            f.color = c;
            break;
        }
    }
}

std::string no_areas_message(const Context& ctx) {
    if (!ctx.out.features.empty()) return {};
    if (ctx.non_areas > 0)
        return "the file has no polygons, only " + count_text(ctx.non_areas) +
               " points or lines; a territory needs an area (Polygon or MultiPolygon)";
    return "the file has no polygons; a territory needs an area (Polygon or MultiPolygon)";
}

} // namespace shape_detail

namespace {

using namespace shape_detail;

bool read_ring(Context& ctx, const Json& j, const std::string& where, Ring& ring) {
    if (!j.is_array()) return ctx.fail(where, "a ring is an array of positions");
    for (std::size_t i = 0; i < j.size(); ++i) {
        const Json& p = j[i];
        const std::string at = where + "[" + std::to_string(i) + "]";
        if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
            return ctx.fail(at, "a position is [longitude, latitude]");
        if (!add_position(ctx, at, p[0].get<double>(), p[1].get<double>(), ring)) return false;
    }
    return finish_ring(ctx, where, ring);
}

bool read_polygon(Context& ctx, const Json& j, const std::string& where, Polygon& poly) {
    if (!j.is_array() || j.empty()) return ctx.fail(where, "a polygon is a non-empty array of rings");
    for (std::size_t r = 0; r < j.size(); ++r) {
        Ring ring;
        if (!read_ring(ctx, j[r], where + "[" + std::to_string(r) + "]", ring)) return false;
        poly.push_back(std::move(ring));
    }
    return true;
}

// Adds the geometry's areas to `polys`; points and lines are counted and left out.
bool read_geometry(Context& ctx, const Json& g, const std::string& where, std::vector<Polygon>& polys,
                   int depth = 0) {
    if (g.is_null()) return true;
    if (!g.is_object()) return ctx.fail(where, "a geometry is an object with a \"type\"");
    auto type_it = g.find("type");
    if (type_it == g.end() || !type_it->is_string()) return ctx.fail(where, "a geometry needs a \"type\"");
    const std::string type = type_it->get<std::string>();
    if (type == "GeometryCollection") {
        auto it = g.find("geometries");
        if (it == g.end() || !it->is_array()) return ctx.fail(where, "a GeometryCollection needs \"geometries\"");
        if (depth > 4) return ctx.fail(where, "geometry collections are nested too deeply");
        for (std::size_t i = 0; i < it->size(); ++i)
            if (!read_geometry(ctx, (*it)[i], where + ".geometries[" + std::to_string(i) + "]", polys, depth + 1))
                return false;
        return true;
    }
    if (type == "Point" || type == "MultiPoint" || type == "LineString" || type == "MultiLineString") {
        ++ctx.non_areas;
        return true;
    }
    if (type != "Polygon" && type != "MultiPolygon")
        return ctx.fail(where, "unknown geometry type \"" + type + "\"");
    auto coords = g.find("coordinates");
    const std::string at = where + ".coordinates";
    if (coords == g.end()) return ctx.fail(where, "a " + type + " needs \"coordinates\"");
    if (type == "Polygon") {
        Polygon poly;
        if (!read_polygon(ctx, *coords, at, poly)) return false;
        polys.push_back(std::move(poly));
        return true;
    }
    if (!coords->is_array()) return ctx.fail(at, "a MultiPolygon's coordinates are an array of polygons");
    for (std::size_t i = 0; i < coords->size(); ++i) {
        Polygon poly;
        if (!read_polygon(ctx, (*coords)[i], at + "[" + std::to_string(i) + "]", poly)) return false;
        polys.push_back(std::move(poly));
    }
    return true;
}

bool read_feature(Context& ctx, const Json& f, const std::string& where, std::size_t index) {
    if (!f.is_object()) return ctx.fail(where, "a feature is an object");
    auto type = f.find("type");
    if (type == f.end() || *type != "Feature") return ctx.fail(where, "expected a \"Feature\"");
    auto geom = f.find("geometry");
    if (geom == f.end()) return ctx.fail(where, "a feature needs a \"geometry\" (null when it has none)");
    ShapeFeature sf;
    const std::size_t areas_before = ctx.non_areas;
    if (!read_geometry(ctx, *geom, where + ".geometry", sf.polygons)) return false;
    if (sf.polygons.empty()) {
        if (ctx.non_areas == areas_before) ++ctx.non_areas; // an empty or null geometry
        ++ctx.out.skipped;
        return true;
    }
    auto props = f.find("properties");
    auto id = f.find("id");
    describe(props == f.end() ? nullptr : &*props, id == f.end() ? nullptr : &*id, sf, index);
    if (ctx.out.features.size() >= ctx.limits.max_features)
        return ctx.fail(where, "the file has more than " + count_text(ctx.limits.max_features) +
                                   " shapes; import fewer at a time");
    ctx.out.features.push_back(std::move(sf));
    return true;
}

} // namespace

namespace shape_detail {

void read_geojson_doc(Context& ctx, const Json& j) {
    auto type_it = j.find("type");
    if (type_it == j.end() || !type_it->is_string()) {
        ctx.fail("", "the top-level object has no \"type\"; it is not GeoJSON or TopoJSON");
        return;
    }
    const std::string type = type_it->get<std::string>();
    if (type == "FeatureCollection") {
        auto fs = j.find("features");
        if (fs == j.end() || !fs->is_array()) {
            ctx.fail("", "a FeatureCollection needs a \"features\" array");
            return;
        }
        for (std::size_t i = 0; i < fs->size(); ++i)
            if (!read_feature(ctx, (*fs)[i], "features[" + std::to_string(i) + "]", i)) return;
    } else if (type == "Feature") {
        read_feature(ctx, j, "feature", 0);
    } else {
        ShapeFeature sf;
        if (read_geometry(ctx, j, "geometry", sf.polygons) && !sf.polygons.empty()) {
            describe(nullptr, nullptr, sf, 0);
            ctx.out.features.push_back(std::move(sf));
        }
    }
}

ShapeResult finish(Context& ctx) {
    if (!ctx.error.empty()) return {std::nullopt, ctx.error};
    if (std::string m = no_areas_message(ctx); !m.empty()) return {std::nullopt, m};
    return {std::move(ctx.out), {}};
}

bool is_topology(const Json& doc) {
    auto t = doc.find("type");
    return t != doc.end() && *t == "Topology";
}

} // namespace shape_detail

ShapeResult read_geojson(std::string_view text, const ShapeLimits& limits) {
    Context ctx{limits, {}, {}, 0};
    std::optional<Json> doc = parse(text, ctx);
    if (!doc) return {std::nullopt, ctx.error};
    if (is_topology(*doc)) return {std::nullopt, "this is a TopoJSON file, not GeoJSON"};
    read_geojson_doc(ctx, *doc);
    return finish(ctx);
}

ShapeResult read_shape_file(std::string_view text, const ShapeLimits& limits) {
    Context ctx{limits, {}, {}, 0};
    std::optional<Json> doc = parse(text, ctx);
    if (!doc) return {std::nullopt, ctx.error};
    if (is_topology(*doc))
        read_topojson_doc(ctx, *doc);
    else
        read_geojson_doc(ctx, *doc);
    return finish(ctx);
}

} // namespace footprint::core
