// Reading the binary map assets (bounds-checked: a truncated or corrupt file is an error with its
// byte offset, never a crash), simplification levels, county lookup and the county merge.
#include "core/map_assets.h"

#include "core/geo.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

namespace footprint::core {

namespace {

constexpr std::size_t kMaxCount = 50'000'000; // far beyond any real asset; bounds allocations

class ByteReader {
public:
    explicit ByteReader(std::string_view b) : b_(b) {}
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    bool at_end() const { return pos_ >= b_.size(); }
    void fail(const std::string& what) {
        if (error_.empty()) error_ = "offset " + std::to_string(pos_) + ": " + what;
    }
    bool magic(std::string_view m) {
        if (b_.size() < 8 || b_.substr(0, m.size()) != m) {
            fail("not a Footprint map asset (expected \"" + std::string(m) + "\")");
            return false;
        }
        pos_ = 8;
        return true;
    }
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= b_.size()) {
                fail("the file ends in the middle of a number");
                return 0;
            }
            const auto byte = static_cast<std::uint8_t>(b_[pos_++]);
            v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return v;
        }
        fail("a number is longer than 64 bits");
        return 0;
    }
    // Coordinate deltas: bounded so sums of them can never overflow.
    std::int64_t svarint() {
        const std::uint64_t v = varint();
        if ((v >> 1) > (1ull << 40)) {
            fail("a number is out of range");
            return 0;
        }
        return (v & 1) ? -static_cast<std::int64_t>(v >> 1) - 1 : static_cast<std::int64_t>(v >> 1);
    }
    std::size_t count(const char* what) {
        const std::uint64_t n = varint();
        // Every counted thing takes at least one byte, so a count beyond the bytes left is corrupt.
        if (n > kMaxCount || n > b_.size() - std::min(pos_, b_.size())) {
            fail(std::string("implausible number of ") + what + " (" + std::to_string(n) + ")");
            return 0;
        }
        return static_cast<std::size_t>(n);
    }
    std::uint8_t u8() {
        if (pos_ >= b_.size()) {
            fail("the file ends early");
            return 0;
        }
        return static_cast<std::uint8_t>(b_[pos_++]);
    }
    double f64() {
        if (b_.size() - std::min(pos_, b_.size()) < 8) {
            fail("the file ends early");
            return 0;
        }
        double d;
        std::memcpy(&d, b_.data() + pos_, 8); // the assets are little-endian, as is WebAssembly
        pos_ += 8;
        return d;
    }
    std::string str() {
        const std::size_t n = count("bytes in a name");
        if (!ok()) return {};
        std::string s(b_.substr(pos_, n));
        pos_ += n;
        return s;
    }

private:
    std::string_view b_;
    std::size_t pos_ = 0;
    std::string error_;
};

void read_polygons(ByteReader& r, std::size_t arcs, std::vector<std::vector<ArcRing>>& out) {
    const std::size_t polys = r.count("polygons");
    for (std::size_t p = 0; p < polys && r.ok(); ++p) {
        std::vector<ArcRing> poly;
        const std::size_t rings = r.count("rings");
        for (std::size_t k = 0; k < rings && r.ok(); ++k) {
            ArcRing ring;
            const std::size_t refs = r.count("arcs in a ring");
            for (std::size_t i = 0; i < refs && r.ok(); ++i) {
                const std::int64_t ref = r.svarint();
                const std::int64_t arc = ref < 0 ? ~ref : ref;
                if (arc >= static_cast<std::int64_t>(arcs)) {
                    r.fail("arc " + std::to_string(arc) + " does not exist (the file has " +
                           std::to_string(arcs) + ")");
                    return;
                }
                ring.push_back(static_cast<std::int32_t>(ref));
            }
            poly.push_back(std::move(ring));
        }
        out.push_back(std::move(poly));
    }
}

Box shape_bounds(const std::vector<BasemapArc>& arcs, const BasemapShape& s) {
    Box b;
    for (const auto& poly : s.polygons)
        for (const ArcRing& ring : poly)
            for (std::int32_t ref : ring) b.add(arcs[static_cast<std::size_t>(ref < 0 ? ~ref : ref)].bounds);
    return b;
}

} // namespace

Path Basemap::ring_path(const ArcRing& ring) const {
    Path out;
    for (std::int32_t ref : ring) {
        const BasemapArc& a = arcs[static_cast<std::size_t>(ref < 0 ? ~ref : ref)];
        if (a.count == 0) continue;
        // Consecutive arcs share their end points: skip the first point of each but the first arc.
        for (std::uint32_t k = 0; k < a.count; ++k) {
            const std::uint32_t i = ref < 0 ? a.first + a.count - 1 - k : a.first + k;
            if (k == 0 && !out.empty()) continue;
            out.push_back(points[i]);
        }
    }
    if (out.size() > 1 && out.front().x == out.back().x && out.front().y == out.back().y) out.pop_back();
    return out;
}

Shape Basemap::shape_of(const std::vector<ArcRing>& polygon) const {
    Shape s;
    for (const ArcRing& r : polygon) s.push_back(ring_path(r));
    return s;
}

MultiShape Basemap::shapes_of(const BasemapShape& shape) const {
    MultiShape out;
    for (const auto& poly : shape.polygons) out.push_back(shape_of(poly));
    return out;
}

int Basemap::county_at(Vec2 world) const {
    int found = -1;
    county_index.search(Box{world.x, world.y, world.x, world.y}, [&](std::uint32_t i) {
        for (const auto& poly : counties[i].polygons)
            if (point_in_shape(world, shape_of(poly))) {
                found = static_cast<int>(i);
                return false;
            }
        return true;
    });
    return found;
}

const BasemapShape* Basemap::county(std::string_view fips) const {
    for (const BasemapShape& c : counties)
        if (c.id == fips) return &c;
    return nullptr;
}

const BasemapShape* Basemap::state(std::string_view fips) const {
    for (const BasemapShape& s : states)
        if (s.id == fips) return &s;
    return nullptr;
}

BasemapResult read_basemap(std::string_view bytes) {
    BasemapResult res;
    ByteReader r(bytes);
    if (!r.magic("FPMAP1")) return {std::nullopt, r.error()};
    const double sx = r.f64(), sy = r.f64(), tx = r.f64(), ty = r.f64();
    if (r.ok() && !(std::isfinite(sx) && std::isfinite(sy) && std::isfinite(tx) && std::isfinite(ty) &&
                    sx > 0 && sy > 0))
        r.fail("the coordinate transform is not usable");
    Basemap m;
    const std::size_t n_arcs = r.count("arcs");
    m.arcs.resize(n_arcs);
    std::size_t total = 0;
    for (std::size_t i = 0; i < n_arcs && r.ok(); ++i) {
        m.arcs[i].first = static_cast<std::uint32_t>(total);
        m.arcs[i].count = static_cast<std::uint32_t>(r.count("points in an arc"));
        const std::uint8_t kind = r.u8();
        if (kind > 2) r.fail("unknown arc kind " + std::to_string(kind));
        m.arcs[i].kind = static_cast<ArcKind>(kind);
        total += m.arcs[i].count;
        if (total > kMaxCount || total > bytes.size()) r.fail("implausible number of points");
    }
    if (!r.ok()) return {std::nullopt, r.error()};
    m.points.resize(total);
    std::int64_t qx = 0, qy = 0;
    for (std::size_t i = 0; i < total && r.ok(); ++i) {
        qx += r.svarint();
        qy += r.svarint();
        if (std::llabs(qx) > (1ll << 40) || std::llabs(qy) > (1ll << 40)) {
            r.fail("a coordinate is out of range");
            break;
        }
        const LatLon ll{static_cast<double>(qy) * sy + ty, static_cast<double>(qx) * sx + tx};
        m.points[i] = project(ll);
    }
    if (!r.ok()) return {std::nullopt, r.error()};
    for (BasemapArc& a : m.arcs) {
        for (std::uint32_t k = 0; k < a.count; ++k) a.bounds.add(m.points[a.first + k]);
    }
    for (auto* list : {&m.states, &m.counties}) {
        const std::size_t n = r.count("shapes");
        for (std::size_t i = 0; i < n && r.ok(); ++i) {
            BasemapShape s;
            s.id = r.str();
            s.name = r.str();
            read_polygons(r, n_arcs, s.polygons);
            list->push_back(std::move(s));
        }
    }
    const std::size_t n_nation = r.count("shapes");
    for (std::size_t i = 0; i < n_nation && r.ok(); ++i) {
        BasemapShape s;
        s.id = "US";
        s.name = "United States";
        read_polygons(r, n_arcs, s.polygons);
        m.nation.push_back(std::move(s));
    }
    if (!r.ok()) return {std::nullopt, r.error()};
    if (!r.at_end()) return {std::nullopt, "the file has bytes after the nation outline"};

    // Simplification levels, per arc, so shared borders simplify the same way on both sides.
    m.min_zoom.assign(total, 0.0f);
    for (const BasemapArc& a : m.arcs) {
        Path line(m.points.begin() + a.first, m.points.begin() + a.first + a.count);
        const std::vector<double> area = visvalingam_areas(line);
        for (std::uint32_t k = 0; k < a.count; ++k) {
            const double z = std::isinf(area[k]) ? 0.0
                             : area[k] > 0      ? 0.5 * std::log2(kSimplifyAreaPx2 / area[k])
                                                : 64.0;
            m.min_zoom[a.first + k] = static_cast<float>(z);
        }
    }
    std::vector<Box> arc_boxes(m.arcs.size()), county_boxes;
    for (std::size_t i = 0; i < m.arcs.size(); ++i) arc_boxes[i] = m.arcs[i].bounds;
    m.arc_index = SpatialIndex(arc_boxes);
    for (auto* list : {&m.states, &m.counties, &m.nation})
        for (BasemapShape& s : *list) s.bounds = shape_bounds(m.arcs, s);
    for (const BasemapShape& c : m.counties) county_boxes.push_back(c.bounds);
    m.county_index = SpatialIndex(county_boxes);
    res.map = std::move(m);
    return res;
}

std::vector<Polygon> merge_counties(const Basemap& map, const std::vector<std::string>& fips,
                                    std::vector<std::string>* unknown) {
    std::vector<int> uses(map.arcs.size(), 0);
    std::vector<std::int32_t> refs;
    for (const std::string& id : fips) {
        const BasemapShape* c = map.county(id);
        if (!c) {
            if (unknown) unknown->push_back(id);
            continue;
        }
        for (const auto& poly : c->polygons)
            for (const ArcRing& ring : poly)
                for (std::int32_t ref : ring) {
                    ++uses[static_cast<std::size_t>(ref < 0 ? ~ref : ref)];
                    refs.push_back(ref);
                }
    }
    // Boundary arcs (used once) in the direction their county walks them; chain end to start.
    auto start = [&](std::int32_t ref) {
        const BasemapArc& a = map.arcs[static_cast<std::size_t>(ref < 0 ? ~ref : ref)];
        return map.points[ref < 0 ? a.first + a.count - 1 : a.first];
    };
    auto end = [&](std::int32_t ref) {
        const BasemapArc& a = map.arcs[static_cast<std::size_t>(ref < 0 ? ~ref : ref)];
        return map.points[ref < 0 ? a.first : a.first + a.count - 1];
    };
    using Key = std::pair<double, double>;
    std::multimap<Key, std::size_t> by_start;
    std::vector<std::int32_t> boundary;
    for (std::int32_t ref : refs)
        if (uses[static_cast<std::size_t>(ref < 0 ? ~ref : ref)] == 1) {
            by_start.emplace(Key{start(ref).x, start(ref).y}, boundary.size());
            boundary.push_back(ref);
        }
    std::vector<bool> used(boundary.size(), false);
    std::vector<Path> rings;
    for (std::size_t i = 0; i < boundary.size(); ++i) {
        if (used[i]) continue;
        ArcRing chain;
        std::size_t cur = i;
        const Vec2 origin = start(boundary[i]);
        bool closed = false;
        for (std::size_t guard = 0; guard <= boundary.size(); ++guard) {
            used[cur] = true;
            chain.push_back(boundary[cur]);
            const Vec2 e = end(boundary[cur]);
            if (e.x == origin.x && e.y == origin.y) {
                closed = true;
                break;
            }
            auto [lo, hi] = by_start.equal_range(Key{e.x, e.y});
            std::size_t next = boundary.size();
            for (auto it = lo; it != hi; ++it)
                if (!used[it->second]) {
                    next = it->second;
                    break;
                }
            if (next == boundary.size()) break;
            cur = next;
        }
        if (closed) rings.push_back(map.ring_path(chain));
    }
    return unproject_shapes(assemble_rings(std::move(rings)));
}

// --- places and ZIP codes -------------------------------------------------------------------------

PlaceResult read_places(std::string_view bytes) {
    ByteReader r(bytes);
    if (!r.magic("FPPLC1")) return {std::nullopt, r.error()};
    const std::size_t n = r.count("places");
    PlaceTable t;
    t.places.resize(n);
    for (std::size_t i = 0; i < n && r.ok(); ++i) t.places[i].name = r.str();
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        t.places[i].state[0] = static_cast<char>(r.u8());
        t.places[i].state[1] = static_cast<char>(r.u8());
    }
    for (std::size_t i = 0; i < n && r.ok(); ++i)
        t.places[i].population = static_cast<std::uint32_t>(std::min<std::uint64_t>(r.varint(), 0xFFFFFFFFu));
    std::int64_t lat = 0, lon = 0;
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        lat += r.svarint();
        lon += r.svarint();
        if (std::llabs(lat) > 900000 || std::llabs(lon) > 1800000) {
            r.fail("a place lies outside the Earth's coordinates");
            break;
        }
        t.places[i].at = {static_cast<double>(lat) / 1e4, static_cast<double>(lon) / 1e4};
        if (std::abs(t.places[i].at.lat) > 90 || std::abs(t.places[i].at.lon) > 180)
            r.fail("a place lies outside the Earth's coordinates");
        t.places[i].world = project(t.places[i].at);
    }
    if (!r.ok()) return {std::nullopt, r.error()};
    if (!r.at_end()) return {std::nullopt, "the file has bytes after the last place"};
    std::stable_sort(t.places.begin(), t.places.end(),
                     [](const Place& a, const Place& b) { return a.population > b.population; });
    std::vector<Vec2> pts;
    pts.reserve(n);
    for (const Place& p : t.places) pts.push_back(p.world);
    t.index = SpatialIndex::of_points(pts);
    return {std::move(t), {}};
}

ZipTable::ZipTable(std::vector<std::uint32_t> codes, std::vector<LatLon> centroids)
    : codes_(std::move(codes)), at_(std::move(centroids)) {}

std::optional<LatLon> ZipTable::find(std::uint32_t code) const {
    auto it = std::lower_bound(codes_.begin(), codes_.end(), code);
    if (it == codes_.end() || *it != code) return std::nullopt;
    return at_[static_cast<std::size_t>(it - codes_.begin())];
}

std::optional<LatLon> ZipTable::find(std::string_view zip) const {
    auto code = parse_zip(zip);
    return code ? find(*code) : std::nullopt;
}

ZipResult read_zip_table(std::string_view bytes) {
    ByteReader r(bytes);
    if (!r.magic("FPZIP1")) return {std::nullopt, r.error()};
    const std::size_t n = r.count("ZIP codes");
    std::vector<std::uint32_t> codes(n);
    std::vector<LatLon> at(n);
    std::uint64_t code = 0;
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        const std::uint64_t d = r.varint();
        if (i > 0 && d == 0) r.fail("ZIP codes are not in ascending order");
        code += d;
        if (code > 99999) r.fail("a ZIP code has more than five digits");
        codes[i] = static_cast<std::uint32_t>(code);
    }
    std::int64_t lat = 0, lon = 0;
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        lat += r.svarint();
        lon += r.svarint();
        if (std::llabs(lat) > 90000 || std::llabs(lon) > 180000) {
            r.fail("a ZIP centroid lies outside the Earth's coordinates");
            break;
        }
        at[i] = {static_cast<double>(lat) / 1e3, static_cast<double>(lon) / 1e3};
        if (std::abs(at[i].lat) > 90 || std::abs(at[i].lon) > 180)
            r.fail("a ZIP centroid lies outside the Earth's coordinates");
    }
    if (!r.ok()) return {std::nullopt, r.error()};
    if (!r.at_end()) return {std::nullopt, "the file has bytes after the last ZIP code"};
    return {ZipTable(std::move(codes), std::move(at)), {}};
}

std::optional<std::uint32_t> parse_zip(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    std::size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    if (digits < 3 || digits > 5) return std::nullopt;
    // Whatever follows must be a ZIP+4 suffix ("-1234") or nothing.
    if (digits < s.size()) {
        if (digits != 5 || s[digits] != '-' || s.size() != 10) return std::nullopt;
        for (std::size_t i = 6; i < 10; ++i)
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
    }
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < digits; ++i) v = v * 10 + static_cast<std::uint32_t>(s[i] - '0');
    return v;
}

std::string zip_string(std::uint32_t code) {
    std::string s = std::to_string(code % 100000);
    return std::string(5 - s.size(), '0') + s;
}

} // namespace footprint::core
