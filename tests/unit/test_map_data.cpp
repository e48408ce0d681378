// Map data: the binary asset readers (on small files built here), ZIP codes, the county merge,
// GeoJSON and TopoJSON reading with their errors, territories and the layer rules.
#include "core/geo.h"
#include "core/map_assets.h"
#include "core/map_layers.h"
#include "core/winback.h"
#include "core/plan_json.h"
#include "core/shape_files.h"
#include "core/summary.h"
#include "core/territory.h"

#include <doctest/doctest.h>

#include <cstring>
#include <string>

using namespace footprint::core;

namespace {

// The writer side of map_assets.h's formats, as scripts/build-map-assets.mjs writes them.
struct Bytes {
    std::string b;
    void magic(const char* m) {
        std::string s(m);
        s.resize(8, '\0');
        b += s;
    }
    void varint(std::uint64_t v) {
        while (v >= 0x80) {
            b += static_cast<char>((v & 0x7F) | 0x80);
            v >>= 7;
        }
        b += static_cast<char>(v);
    }
    void svarint(std::int64_t v) { varint(v >= 0 ? static_cast<std::uint64_t>(v) * 2 : static_cast<std::uint64_t>(-v) * 2 - 1); }
    void f64(double d) {
        char c[8];
        std::memcpy(c, &d, 8);
        b.append(c, 8);
    }
    void str(const std::string& s) {
        varint(s.size());
        b += s;
    }
    void u8(int v) { b += static_cast<char>(v); }
};

// Two unit-square counties side by side (lon 0..1 and 1..2, lat 0..1) in one state, sharing arc 0.
std::string two_county_basemap() {
    Bytes w;
    w.magic("FPMAP1");
    w.f64(1);
    w.f64(1);
    w.f64(-83);
    w.f64(40);
    const std::vector<std::vector<std::pair<int, int>>> arcs = {
        {{1, 0}, {1, 1}},                 // shared
        {{1, 1}, {0, 1}, {0, 0}, {1, 0}}, // west county's outside
        {{1, 0}, {2, 0}, {2, 1}, {1, 1}}, // east county's outside
    };
    w.varint(arcs.size());
    w.varint(2); w.u8(0);
    w.varint(4); w.u8(2);
    w.varint(4); w.u8(2);
    int x = 0, y = 0;
    for (const auto& a : arcs)
        for (auto [px, py] : a) {
            w.svarint(px - x);
            w.svarint(py - y);
            x = px;
            y = py;
        }
    auto polygon = [&](std::vector<int> refs) {
        w.varint(1); // polygons
        w.varint(1); // rings
        w.varint(refs.size());
        for (int r : refs) w.svarint(r);
    };
    w.varint(1); // states
    w.str("39");
    w.str("Ohio");
    polygon({1, 2});
    w.varint(2); // counties
    w.str("39001");
    w.str("West");
    polygon({0, 1});
    w.str("39003");
    w.str("East");
    polygon({2, ~0});
    w.varint(1); // nation
    polygon({1, 2});
    return w.b;
}

Account account_at(std::string id, double lat, double lon, std::string territory = {}) {
    Account a;
    a.id = std::move(id);
    a.status = AccountStatus::Client;
    a.location = LatLon{lat, lon};
    a.territory_id = std::move(territory);
    return a;
}

Territory box_territory(std::string id, double lat0, double lon0, double lat1, double lon1) {
    Territory t;
    t.id = std::move(id);
    t.name = t.id;
    t.polygons = {{{{lat0, lon0}, {lat0, lon1}, {lat1, lon1}, {lat1, lon0}}}};
    return t;
}

} // namespace

TEST_CASE("basemap: a two-county file reads, finds counties and merges them into one outline") {
    const std::string bytes = two_county_basemap();
    BasemapResult r = read_basemap(bytes);
    REQUIRE_MESSAGE(r.map, r.error);
    const Basemap& m = *r.map;
    CHECK(m.arcs.size() == 3);
    CHECK(m.points.size() == 10);
    CHECK(m.counties.size() == 2);
    CHECK(m.arcs[1].kind == ArcKind::Coast);
    CHECK(m.county_at(project({40.5, -82.5})) == 0); // lon -83 + 0.5
    CHECK(m.county_at(project({40.5, -81.5})) == 1);
    CHECK(m.county_at(project({40.5, -80.5})) == -1);
    CHECK(m.county("39003")->name == "East");
    CHECK(m.state("39")->name == "Ohio");
    CHECK(m.ring_path(m.counties[1].polygons[0][0]).size() == 4);

    std::vector<std::string> unknown;
    auto merged = merge_counties(m, {"39001", "39003", "99999"}, &unknown);
    CHECK(unknown == std::vector<std::string>{"99999"});
    REQUIRE(merged.size() == 1);
    REQUIRE(merged[0].size() == 1);
    CHECK(merged[0][0].size() == 6); // the shared edge is gone: a 2x1 rectangle with 6 points
    const MultiShape shapes = project_polygons(merged);
    CHECK(point_in_shapes(project({40.5, -82.5}), shapes));
    CHECK(point_in_shapes(project({40.5, -81.5}), shapes));
    CHECK_FALSE(point_in_shapes(project({40.5, -80.5}), shapes));
    CHECK(merge_counties(m, {"39003"}).at(0).at(0).size() == 4);
}

TEST_CASE("basemap: truncated, corrupt or foreign bytes are errors with an offset, never a crash") {
    const std::string good = two_county_basemap();
    for (std::size_t cut = 0; cut < good.size(); ++cut)
        CHECK_FALSE(read_basemap(std::string_view(good).substr(0, cut)).map);
    CHECK(read_basemap("hello world, not a map").error.find("not a Footprint map asset") != std::string::npos);
    std::string bad_arc = good;
    bad_arc[bad_arc.size() - 2] = 40; // the nation's last arc reference: arc 20
    auto r = read_basemap(bad_arc);
    CHECK_FALSE(r.map);
    CHECK(r.error.find("does not exist") != std::string::npos);
    CHECK(read_basemap(good + "x").error.find("bytes after") != std::string::npos);
}

TEST_CASE("places and ZIP tables read back; ZIP codes as people and spreadsheets write them") {
    Bytes p;
    p.magic("FPPLC1");
    p.varint(2);
    p.str("Worthington");
    p.str("Columbus");
    p.b += "OHOH";
    p.varint(14000);
    p.varint(905000);
    p.svarint(400888);
    p.svarint(-830180);
    p.svarint(399612 - 400888);
    p.svarint(-829988 + 830180);
    auto pr = read_places(p.b);
    REQUIRE_MESSAGE(pr.table, pr.error);
    REQUIRE(pr.table->places.size() == 2);
    CHECK(pr.table->places[0].name == "Columbus"); // largest first
    CHECK(std::string(pr.table->places[0].state) == "OH");
    CHECK(pr.table->places[0].at.lat == doctest::Approx(39.9612));
    CHECK(pr.table->places[0].at.lon == doctest::Approx(-82.9988));

    Bytes z;
    z.magic("FPZIP1");
    z.varint(3);
    z.varint(501);  // 00501
    z.varint(42714); // 43215
    z.varint(1);    // 43216
    z.svarint(40815);
    z.svarint(-73045);
    z.svarint(39967 - 40815);
    z.svarint(-83004 + 73045);
    z.svarint(1);
    z.svarint(1);
    auto zr = read_zip_table(z.b);
    REQUIRE_MESSAGE(zr.table, zr.error);
    const ZipTable& t = *zr.table;
    CHECK(t.size() == 3);
    CHECK(t.find("43215")->lat == doctest::Approx(39.967));
    CHECK(t.find("43215-1234")->lon == doctest::Approx(-83.004));
    CHECK(t.find("501"));     // Excel dropped the zeros of 00501
    CHECK(t.find(" 00501 "));
    CHECK_FALSE(t.find("43217"));
    CHECK_FALSE(t.find("4321A"));
    CHECK_FALSE(t.find("43215-12"));
    CHECK_FALSE(t.find(""));
    CHECK(parse_zip("2134") == 2134u);
    CHECK(zip_string(2134) == "02134");
    CHECK_FALSE(read_zip_table(z.b.substr(0, z.b.size() - 1)).table);
}

TEST_CASE("GeoJSON: polygons with holes and multipolygons become territories; points are skipped") {
    const std::string text = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"name":"Downtown","fill":"#e69f00"},"geometry":{"type":"Polygon",
        "coordinates":[[[-83.1,39.9],[-82.9,39.9],[-82.9,40.1],[-83.1,40.1],[-83.1,39.9]],
                       [[-83.0,39.95],[-82.95,39.95],[-82.95,40.0],[-83.0,39.95]]]}},
      {"type":"Feature","properties":{"city":"x"},"geometry":{"type":"Point","coordinates":[-83,40]}},
      {"type":"Feature","id":7,"properties":null,"geometry":{"type":"MultiPolygon","coordinates":[
        [[[-84,39],[-83.5,39],[-83.5,39.5],[-84,39]]],[[[-82,39],[-81.5,39],[-81.5,39.5]]]]}}]})";
    ShapeResult r = read_shape_file(text);
    REQUIRE_MESSAGE(r.file, r.error);
    REQUIRE(r.file->features.size() == 2);
    CHECK(r.file->skipped == 1);
    const ShapeFeature& f = r.file->features[0];
    CHECK(f.name == "Downtown");
    CHECK(f.color == "#E69F00");
    REQUIRE(f.polygons.size() == 1);
    CHECK(f.polygons[0].size() == 2);
    CHECK(f.polygons[0][0].size() == 4); // the repeated closing point is dropped
    CHECK(f.polygons[0][0][1].lon == doctest::Approx(-82.9));
    CHECK(r.file->features[1].name == "7");
    CHECK(r.file->features[1].polygons.size() == 2);
}

TEST_CASE("GeoJSON: bad files are refused with the place and the reason") {
    auto err = [](const std::string& t, ShapeLimits lim = {}) { return read_shape_file(t, lim).error; };
    CHECK(err("{\"type\": \"Feature").find("not valid JSON") != std::string::npos);
    CHECK(err("[1,2]").find("not a GeoJSON") != std::string::npos);
    CHECK(err(R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}]})")
              .find("no polygons, only 1 points or lines") != std::string::npos);
    CHECK(err(R"({"type":"FeatureCollection","features":[]})").find("no polygons") != std::string::npos);
    CHECK(err(R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[500000,1],[0,0]]]}}]})") ==
          "features[0].geometry.coordinates[0][2]: (500000, 1) is not a longitude and latitude; territory "
          "files must use WGS84 degrees, not a projected system");
    CHECK(err(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]})").find("at least three") != std::string::npos);
    CHECK(err(R"({"type":"Polygon","coordinates":[[[0,0],["a",0],[1,1],[0,0]]]})") ==
          "geometry.coordinates[0][1]: a position is [longitude, latitude]");
    CHECK(err(R"({"type":"Circle"})").find("unknown geometry type \"Circle\"") != std::string::npos);
    ShapeLimits small;
    small.max_bytes = 10;
    CHECK(err(R"({"type":"Polygon","coordinates":[]})", small).find("can be imported") != std::string::npos);
    small = {};
    small.max_vertices = 3;
    CHECK(err(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})", small)
              .find("more than 3 points") != std::string::npos);
    CHECK(err(std::string(100, '[') + std::string(100, ']')).find("nested") != std::string::npos);
}

TEST_CASE("TopoJSON: quantized shared arcs are stitched into rings; bad arc indexes are named") {
    // Two unit squares sharing arc 0, quantized with scale 0.5 and translate (-83, 40).
    const std::string text = R"({"type":"Topology",
      "transform":{"scale":[0.5,0.5],"translate":[-83,40]},
      "objects":{"territories":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","arcs":[[0,1]],"properties":{"name":"West"}},
        {"type":"Polygon","arcs":[[2,-1]],"properties":{"name":"East"}},
        {"type":"LineString","arcs":[0]}]}},
      "arcs":[[[2,0],[0,2]],[[2,2],[-2,0],[0,-2],[2,0]],[[2,0],[2,0],[0,2],[-2,0]]]})";
    ShapeResult r = read_shape_file(text);
    REQUIRE_MESSAGE(r.file, r.error);
    REQUIRE(r.file->features.size() == 2);
    CHECK(r.file->skipped == 1);
    CHECK(r.file->features[1].name == "East");
    const Ring& east = r.file->features[1].polygons[0][0];
    CHECK(east.size() == 4);
    const MultiShape s = project_polygons(r.file->features[1].polygons);
    CHECK(point_in_shapes(project({40.5, -81.5}), s));
    CHECK_FALSE(point_in_shapes(project({40.5, -82.5}), s));

    std::string bad = text;
    bad.replace(bad.find("[[2,-1]]"), 8, "[[2,-9]]");
    CHECK(read_shape_file(bad).error ==
          "objects.territories.geometries[1].arcs[0][1]: arc 8 does not exist (the file has 3)");
    CHECK(read_topojson(R"({"type":"Topology","objects":{},"arcs":[]})").error.find("no polygons") != std::string::npos);
    CHECK(read_topojson(R"({"type":"FeatureCollection","features":[]})").error.find("not a TopoJSON") != std::string::npos);
    CHECK(read_geojson(text).error.find("TopoJSON") != std::string::npos);
}

TEST_CASE("territories: assignment by location is one set of changes; stats add up") {
    Plan plan = make_empty_plan("p", "Plan", Timestamp{0});
    plan.territories = {box_territory("north", 40.5, -83.5, 41.0, -82.5),
                        box_territory("south", 39.5, -83.5, 40.5, -82.5)};
    plan.accounts = {account_at("a", 40.7, -83.0, "south"), account_at("b", 40.0, -83.0, "south"),
                     account_at("c", 45.0, -90.0, "north"), account_at("d", 40.0, -83.0, "")};
    Account nowhere;
    nowhere.id = "e";
    nowhere.territory_id = "north";
    plan.accounts.push_back(nowhere);
    const Assignment as = assign_by_location(plan);
    CHECK(as.moved == 2);     // a to north, d to south
    CHECK(as.cleared == 1);   // c is outside every shape
    CHECK(as.unchanged == 1); // b
    CHECK(as.without_location == 1);
    REQUIRE(as.changes.size() == 3);
    CHECK(std::get<Put<Account>>(as.changes[0]).value.territory_id == "north");
    // In slices the same; counting only gives the same numbers without changes.
    AssignmentJob job(plan);
    int steps = 0;
    while (!job.step(2)) ++steps;
    CHECK(steps == 2);
    CHECK(job.progress() == 1.0);
    const Assignment sliced = job.take();
    CHECK(sliced.changes.size() == as.changes.size());
    CHECK(sliced.moved == as.moved);
    AssignmentJob counting(plan, false);
    counting.step(100);
    const Assignment counted = counting.take();
    CHECK(counted.changes.empty());
    CHECK(counted.cleared == as.cleared);
    // Overlapping shapes: the smaller territory wins, whatever the plan's order.
    Plan nested = plan;
    nested.territories.push_back(box_territory("downtown", 39.9, -83.1, 40.1, -82.9));
    CHECK(territory_at(prepare_territories(nested), {40.0, -83.0}) == "downtown");
    CHECK(territory_at(prepare_territories(nested), {40.3, -83.3}) == "south");

    // Stats by territory_id: MRC, renewals in 90 days, open pipeline.
    const Date today = date_from_ymd(2026, 3, 1);
    Service s;
    s.mrc = 50000;
    s.contract_end = add_days(today, 30);
    plan.accounts[1].services = {s};
    s.contract_end = add_days(today, 200);
    plan.accounts[1].services.push_back(s);
    Opportunity o;
    o.id = "o";
    o.account_id = "b";
    o.stage = plan.stages.front().name;
    o.mrc = 12300;
    plan.opportunities = {o};
    auto st = territory_stats(plan, today);
    REQUIRE(st.size() == 3);
    CHECK(st[1].territory_id == "south");
    CHECK(st[1].accounts == 2);
    CHECK(st[1].mrc == 100000);
    CHECK(st[1].renewals_due == 1);
    CHECK(st[1].renewals_due_mrc == 50000);
    CHECK(st[1].open_pipeline_mrc == 12300);
    CHECK(st[2].territory_id.empty());
    CHECK(st[2].accounts == 1); // d has no territory
}

TEST_CASE("a ZIP area holds its centroids and not its neighbours'") {
    // A 5 x 5 grid of ZIP centroids 0.05 degrees apart around Columbus.
    std::vector<std::uint32_t> codes;
    std::vector<LatLon> at;
    for (int i = 0; i < 25; ++i) {
        codes.push_back(43200u + static_cast<std::uint32_t>(i));
        at.push_back({39.9 + (i / 5) * 0.05, -83.1 + (i % 5) * 0.05});
    }
    const ZipTable table(codes, at);
    std::vector<std::string> unknown;
    auto area = zip_area(table, {"43212", "43213", "99999"}, &unknown);
    CHECK(unknown == std::vector<std::string>{"99999"});
    REQUIRE_FALSE(area.empty());
    const MultiShape s = project_polygons(area);
    CHECK(point_in_shapes(project(at[12]), s));
    CHECK(point_in_shapes(project(at[13]), s));
    for (int i : {7, 11, 14, 17, 18})
        CHECK_FALSE(point_in_shapes(project(at[static_cast<std::size_t>(i)]), s));
    CHECK(zip_area(table, {"00000"}).empty());
}

TEST_CASE("layer rules: win-back window, expiring MRC, whitespace, the day's route, ZIP placement") {
    const Date today = date_from_ymd(2026, 3, 1);
    Account f;
    f.status = AccountStatus::Former;
    f.former.lost_date = date_from_ymd(2023, 5, 15);
    f.former.competitor_term_months = 36;
    Settings settings; // the window opens 120 days before the competitor's end (the desk's rule)
    auto w = winback_window(f, settings, today);
    REQUIRE(w);
    CHECK(w->competitor_end == date_from_ymd(2026, 5, 15));
    CHECK(w->opens == date_from_ymd(2026, 1, 15));
    CHECK(w->closes == add_days(date_from_ymd(2026, 5, 15), kWinbackGraceDays));
    CHECK(winback_open(f, settings, today)); // Jan 15 .. Jun 14
    CHECK_FALSE(winback_open(f, settings, date_from_ymd(2026, 1, 14)));
    settings.winback_window_days = 60; // opens Mar 16
    CHECK_FALSE(winback_open(f, settings, today));
    settings = Settings{};
    f.former.competitor_contract_end = date_from_ymd(2027, 1, 1);
    CHECK_FALSE(winback_open(f, settings, today));
    f.status = AccountStatus::Client;
    CHECK_FALSE(winback_window(f, settings, today));

    Account c;
    c.status = AccountStatus::Client;
    Service s;
    s.family = "internet";
    s.mrc = 10000;
    s.contract_end = add_days(today, 10);
    c.services = {s};
    s.family = "voice";
    s.contract_end = add_days(today, 100);
    c.services.push_back(s);
    CHECK(mrc_expiring(c, today, 30) == 10000);
    CHECK(mrc_expiring(c, today, 120) == 20000);
    CHECK(lacks_family(c, "ethernet"));
    CHECK_FALSE(lacks_family(c, "voice"));

    Plan plan = make_empty_plan("p", "Plan", Timestamp{0});
    plan.settings.home = LatLon{40.0, -83.0};
    plan.accounts = {account_at("a", 40.1, -83.0), account_at("b", 40.0, -82.9)};
    Account noloc;
    noloc.id = "n";
    noloc.address.postal_code = "43215";
    plan.accounts.push_back(noloc);
    auto visit = [&](std::string id, std::string acc, std::optional<int> start, Date d) {
        Activity a;
        a.id = std::move(id);
        a.account_id = std::move(acc);
        a.type = ActivityType::Visit;
        a.date = d;
        a.start_minute = start;
        return a;
    };
    plan.activities = {visit("v2", "b", 14 * 60, today), visit("v1", "a", 9 * 60, today),
                       visit("v3", "a", std::nullopt, today), visit("v4", "a", 8 * 60, add_days(today, 1)),
                       visit("v5", "n", 11 * 60, today)};
    const DayRoute r = planned_day_route(plan, today);
    REQUIRE(r.stops.size() == 2);
    CHECK(r.stops[0].activity_id == "v1");
    CHECK(r.stops[1].activity_id == "v2");
    CHECK(r.unplaced == std::vector<std::string>{"v5"});
    const double expected = distance_km({40, -83}, {40.1, -83}) + distance_km({40.1, -83}, {40, -82.9}) +
                            distance_km({40, -82.9}, {40, -83});
    CHECK(r.km == doctest::Approx(expected));

    const ZipTable zips({43215}, {LatLon{39.967, -83.004}});
    CHECK(accounts_without_location(plan).size() == 1);
    const ZipPlacement zp = place_at_zip_centroids(plan, zips);
    CHECK(zp.placed == 1);
    REQUIRE(zp.changes.size() == 1);
    const Account& placed = std::get<Put<Account>>(zp.changes[0]).value;
    CHECK(placed.location_approximate);
    CHECK(placed.location->lat == doctest::Approx(39.967));
    plan.accounts[2].address.postal_code = "99999";
    CHECK(place_at_zip_centroids(plan, zips).unknown_zip == std::vector<std::string>{"n"});
}

TEST_CASE("a territory's counties survive a plan file round trip; absent means none") {
    Plan plan = make_empty_plan("p", "Plan", Timestamp{0});
    Territory t = box_territory("t", 39.9, -83.1, 40.1, -82.9);
    t.counties = {"39049", "39041"};
    t.zip_codes = {"43215"};
    plan.territories = {t};
    const std::string text = write_plan(plan);
    CHECK(text.find("\"counties\":[\"39049\",\"39041\"]") != std::string::npos);
    LoadResult r = read_plan(text);
    REQUIRE(r.plan);
    CHECK(r.plan->territories[0].counties == t.counties);
    plan.territories[0].counties.clear();
    const std::string without = write_plan(plan);
    CHECK(without.find("counties") == std::string::npos);
    REQUIRE(read_plan(without).plan);
    CHECK(read_plan(without).plan->territories[0].counties.empty());
}
