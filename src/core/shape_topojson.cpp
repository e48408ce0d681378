// TopoJSON reading: shared arcs (quantized and delta-encoded when the topology has a transform)
// stitched back into the rings of each object's polygons.
#include "core/shape_files.h"

#include <cmath>

namespace footprint::core {

namespace shape_detail {

namespace {

struct Topology {
    std::vector<std::vector<std::pair<double, double>>> arcs; // decoded: lon, lat
};

bool decode_arcs(Context& ctx, const Json& doc, Topology& topo) {
    double sx = 1, sy = 1, tx = 0, ty = 0;
    bool quantized = false;
    if (auto tr = doc.find("transform"); tr != doc.end()) {
        auto sc = tr->find("scale"), tl = tr->find("translate");
        if (!tr->is_object() || sc == tr->end() || tl == tr->end() || !sc->is_array() ||
            !tl->is_array() || sc->size() != 2 || tl->size() != 2 || !(*sc)[0].is_number() ||
            !(*sc)[1].is_number() || !(*tl)[0].is_number() || !(*tl)[1].is_number())
            return ctx.fail("transform", "a transform has \"scale\" and \"translate\", two numbers each");
        sx = (*sc)[0].get<double>();
        sy = (*sc)[1].get<double>();
        tx = (*tl)[0].get<double>();
        ty = (*tl)[1].get<double>();
        quantized = true;
    }
    auto arcs = doc.find("arcs");
    if (arcs == doc.end() || !arcs->is_array()) return ctx.fail("", "a Topology needs an \"arcs\" array");
    std::size_t points = 0;
    topo.arcs.reserve(arcs->size());
    for (std::size_t i = 0; i < arcs->size(); ++i) {
        const Json& a = (*arcs)[i];
        const std::string where = "arcs[" + std::to_string(i) + "]";
        if (!a.is_array()) return ctx.fail(where, "an arc is an array of positions");
        points += a.size();
        if (points > ctx.limits.max_vertices * 2)
            return ctx.fail(where, "the file has more than " + count_text(ctx.limits.max_vertices) +
                                       " points; simplify the shapes before importing them");
        std::vector<std::pair<double, double>> arc;
        double x = 0, y = 0;
        for (std::size_t k = 0; k < a.size(); ++k) {
            const Json& p = a[k];
            if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
                return ctx.fail(where + "[" + std::to_string(k) + "]", "a position is two numbers");
            if (quantized) {
                x += p[0].get<double>();
                y += p[1].get<double>();
                arc.push_back({x * sx + tx, y * sy + ty});
            } else {
                arc.push_back({p[0].get<double>(), p[1].get<double>()});
            }
        }
        topo.arcs.push_back(std::move(arc));
    }
    return true;
}

bool read_ring(Context& ctx, const Topology& topo, const Json& refs, const std::string& where, Ring& ring) {
    if (!refs.is_array()) return ctx.fail(where, "a ring is an array of arc indexes");
    for (std::size_t i = 0; i < refs.size(); ++i) {
        const std::string at = where + "[" + std::to_string(i) + "]";
        if (!refs[i].is_number_integer()) return ctx.fail(at, "an arc index is an integer");
        const long long ref = refs[i].get<long long>();
        const long long arc = ref < 0 ? ~ref : ref;
        if (arc < 0 || arc >= static_cast<long long>(topo.arcs.size()))
            return ctx.fail(at, "arc " + std::to_string(arc) + " does not exist (the file has " +
                                    count_text(topo.arcs.size()) + ")");
        const auto& pts = topo.arcs[static_cast<std::size_t>(arc)];
        for (std::size_t k = 0; k < pts.size(); ++k) {
            const auto& p = pts[ref < 0 ? pts.size() - 1 - k : k];
            if (!add_position(ctx, at, p.first, p.second, ring)) return false;
        }
    }
    return finish_ring(ctx, where, ring);
}

bool read_polygon(Context& ctx, const Topology& topo, const Json& rings, const std::string& where,
                  Polygon& poly) {
    if (!rings.is_array() || rings.empty()) return ctx.fail(where, "a polygon is a non-empty array of rings");
    for (std::size_t r = 0; r < rings.size(); ++r) {
        Ring ring;
        if (!read_ring(ctx, topo, rings[r], where + "[" + std::to_string(r) + "]", ring)) return false;
        poly.push_back(std::move(ring));
    }
    return true;
}

bool read_object(Context& ctx, const Topology& topo, const Json& g, const std::string& where, int depth) {
    if (!g.is_object()) return ctx.fail(where, "a geometry object is an object with a \"type\"");
    auto type_it = g.find("type");
    if (type_it == g.end() || !type_it->is_string()) return ctx.fail(where, "a geometry needs a \"type\"");
    const std::string type = type_it->get<std::string>();
    if (type == "GeometryCollection") {
        auto it = g.find("geometries");
        if (it == g.end() || !it->is_array()) return ctx.fail(where, "a GeometryCollection needs \"geometries\"");
        if (depth > 4) return ctx.fail(where, "geometry collections are nested too deeply");
        for (std::size_t i = 0; i < it->size(); ++i)
            if (!read_object(ctx, topo, (*it)[i], where + ".geometries[" + std::to_string(i) + "]", depth + 1))
                return false;
        return true;
    }
    if (type == "Point" || type == "MultiPoint" || type == "LineString" || type == "MultiLineString" ||
        type.empty() || type == "null") {
        ++ctx.non_areas;
        ++ctx.out.skipped;
        return true;
    }
    if (type != "Polygon" && type != "MultiPolygon")
        return ctx.fail(where, "unknown geometry type \"" + type + "\"");
    auto arcs = g.find("arcs");
    if (arcs == g.end()) return ctx.fail(where, "a " + type + " needs \"arcs\"");
    ShapeFeature sf;
    const std::string at = where + ".arcs";
    if (type == "Polygon") {
        Polygon poly;
        if (!read_polygon(ctx, topo, *arcs, at, poly)) return false;
        sf.polygons.push_back(std::move(poly));
    } else {
        if (!arcs->is_array()) return ctx.fail(at, "a MultiPolygon's arcs are an array of polygons");
        for (std::size_t i = 0; i < arcs->size(); ++i) {
            Polygon poly;
            if (!read_polygon(ctx, topo, (*arcs)[i], at + "[" + std::to_string(i) + "]", poly)) return false;
            sf.polygons.push_back(std::move(poly));
        }
    }
    if (sf.polygons.empty()) {
        ++ctx.out.skipped;
        return true;
    }
    auto props = g.find("properties");
    auto id = g.find("id");
    describe(props == g.end() ? nullptr : &*props, id == g.end() ? nullptr : &*id, sf,
             ctx.out.features.size());
    if (ctx.out.features.size() >= ctx.limits.max_features)
        return ctx.fail(where, "the file has more than " + count_text(ctx.limits.max_features) +
                                   " shapes; import fewer at a time");
    ctx.out.features.push_back(std::move(sf));
    return true;
}

} // namespace

void read_topojson_doc(Context& ctx, const Json& doc) {
    Topology topo;
    if (!decode_arcs(ctx, doc, topo)) return;
    auto objects = doc.find("objects");
    if (objects == doc.end() || !objects->is_object()) {
        ctx.fail("", "a Topology needs an \"objects\" object");
        return;
    }
    for (auto it = objects->begin(); it != objects->end(); ++it)
        if (!read_object(ctx, topo, it.value(), "objects." + it.key(), 0)) return;
}

} // namespace shape_detail

ShapeResult read_topojson(std::string_view text, const ShapeLimits& limits) {
    using namespace shape_detail;
    Context ctx{limits, {}, {}, 0};
    std::optional<Json> doc = parse(text, ctx);
    if (!doc) return {std::nullopt, ctx.error};
    if (!is_topology(*doc)) return {std::nullopt, "this is not a TopoJSON file (its \"type\" is not \"Topology\")"};
    read_topojson_doc(ctx, *doc);
    return finish(ctx);
}

} // namespace footprint::core
