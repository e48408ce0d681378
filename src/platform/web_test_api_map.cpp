// Test API, map area: the camera, layers and tools, where an account is on screen (so tests can
// drive real mouse events), and the map's edits through the same actions its buttons use.
#include "core/geo.h"
#include "platform/web_context.h"
#include "ui/files.h"
#include "ui/map_actions.h"
#include "ui/map_internal.h"

#include <cmath>

namespace footprint::platform {

namespace {

double num(const core::Json& j, const char* key, double fallback) {
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

std::vector<std::string> strings(const core::Json& j, const char* key) {
    std::vector<std::string> out;
    if (auto it = j.find(key); it != j.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

const char* tool_name(ui::MapTool t) {
    switch (t) {
    case ui::MapTool::Select: return "select";
    case ui::MapTool::Lasso: return "lasso";
    case ui::MapTool::Draw: return "draw";
    case ui::MapTool::Counties: return "counties";
    case ui::MapTool::Place: return "place";
    }
    return "";
}

} // namespace

std::optional<core::Json> test_ops_map(const std::string& op, const core::Json& cmd) {
    WebContext& w = web();
    app::App& a = *w.app;
    ui::MapViewState& st = w.ui.map;
    const double dpr = w.ui.dpr;
    if (op == "map_view") {
        // {"op":"map_view","lat":40,"lon":-83,"zoom":20} jumps there; {"fit":true} fits the accounts.
        if (cmd.value("fit", false)) {
            ui::fit_accounts(a, w.ui);
        } else {
            const core::Vec2 c = core::project({num(cmd, "lat", 39.8), num(cmd, "lon", -98.6)});
            st.target_x = c.x;
            st.target_y = c.y;
            st.target_zoom = std::clamp(num(cmd, "zoom", st.zoom), 10.0, 26.5);
        }
        st.anchored = false;
        st.fitted = true;
        st.fitted_generation = a.doc().generation();
        if (!cmd.value("animate", false)) {
            st.center_x = st.target_x;
            st.center_y = st.target_y;
            st.zoom = st.target_zoom;
        }
        return core::Json{{"ok", true}};
    }
    if (op == "map_state") {
        ui::MapModel& m = ui::map_model(a, w.ui);
        const core::LatLon c = core::unproject({st.center_x, st.center_y});
        const ui::MapData* d = st.data.get();
        // Kilometres across the canvas at its centre.
        const double km = core::km_per_world_unit(c.lat) * st.canvas_w / std::exp2(st.zoom);
        return core::Json{
            {"ok", true},
            {"zoom", st.zoom},
            {"center", {{"lat", c.lat}, {"lon", c.lon}}},
            {"km_across", km},
            {"canvas", {{"x", st.canvas_x / dpr}, {"y", st.canvas_y / dpr}, {"w", st.canvas_w / dpr}, {"h", st.canvas_h / dpr}}},
            {"shown", m.shown.size()},
            {"clustered", st.zoom < ui::kClusterMaxZoom},
            {"clusters", st.zoom < ui::kClusterMaxZoom ? m.clusters_at(ui::cluster_level(st.zoom)).size() : 0},
            {"without_location", m.without_location},
            {"approximate", m.approximate},
            {"winback_targets", m.winback_targets},
            {"whitespace", m.whitespace},
            {"tool", tool_name(st.tool)},
            {"filter", st.filter},
            {"layers", {{"territories", st.show_territories}, {"labels", st.show_labels}, {"route", st.show_route}, {"heat", st.show_heat}}},
            {"selected_territory", st.selected_territory},
            {"edit_territory", st.edit_territory},
            {"county_pick", st.county_pick},
            {"last_import_error", st.last_import_error},
            {"assigning", st.assign_job ? st.assign_job->progress() : -1.0},
            {"data",
             {{"basemap", d && d->basemap ? d->basemap->counties.size() : 0},
              {"places", d && d->places ? d->places->places.size() : 0},
              {"zips", d && d->zips ? d->zips->size() : 0},
              {"error", d ? d->error : "not loaded"},
              {"load_ms", d ? d->load_ms : 0}}},
        };
    }
    if (op == "map_screen") {
        // Where a point is on screen, in CSS pixels of the page.
        const core::Vec2 wpt = core::project({num(cmd, "lat", 0), num(cmd, "lon", 0)});
        const double scale = std::exp2(st.zoom);
        const double x = st.canvas_x + st.canvas_w * 0.5 + (wpt.x - st.center_x) * scale;
        const double y = st.canvas_y + st.canvas_h * 0.5 + (wpt.y - st.center_y) * scale;
        return core::Json{{"ok", true}, {"x", x / dpr}, {"y", y / dpr}};
    }
    if (op == "map_latlon_at") {
        // The place under a point of the page (CSS pixels).
        const double scale = std::exp2(st.zoom);
        const core::Vec2 wpt{st.center_x + (num(cmd, "x", 0) * dpr - st.canvas_x - st.canvas_w * 0.5) / scale,
                             st.center_y + (num(cmd, "y", 0) * dpr - st.canvas_y - st.canvas_h * 0.5) / scale};
        const core::LatLon ll = core::unproject(wpt);
        return core::Json{{"ok", true}, {"lat", ll.lat}, {"lon", ll.lon}};
    }
    if (op == "map_layers") {
        st.show_territories = cmd.value("territories", st.show_territories);
        st.show_labels = cmd.value("labels", st.show_labels);
        st.show_route = cmd.value("route", st.show_route);
        st.show_heat = cmd.value("heat", st.show_heat);
        st.heat_days = test_int(cmd, "heat_days", st.heat_days);
        st.filter = test_int(cmd, "filter", st.filter);
        if (cmd.contains("family")) st.whitespace_family = test_str(cmd, "family");
        if (cmd.contains("side_panel")) st.side_panel = cmd.value("side_panel", true);
        if (cmd.contains("side_tab")) st.side_tab = test_int(cmd, "side_tab", 0);
        return core::Json{{"ok", true}};
    }
    if (op == "map_tool") {
        const std::string t = test_str(cmd, "tool");
        st.tool = t == "lasso" ? ui::MapTool::Lasso : t == "draw" ? ui::MapTool::Draw
                  : t == "counties" ? ui::MapTool::Counties : ui::MapTool::Select;
        if (cmd.contains("edit_territory")) st.edit_territory = test_str(cmd, "edit_territory");
        return core::Json{{"ok", true}};
    }
    if (op == "map_import_shapes") {
        // The same path as a file chosen with "Import shapes…".
        const std::size_t before = a.plan().territories.size();
        ui::deliver_file(a, w.ui, ui::kFileTerritoryShapes, test_str(cmd, "file_name"), test_str(cmd, "text"));
        return core::Json{{"ok", a.plan().territories.size() != before}, {"error", st.last_import_error},
                          {"added", a.plan().territories.size() - before}};
    }
    if (op == "map_territory_from_counties") {
        std::string error;
        const std::string id = ui::territory_from_counties(a, w.ui, strings(cmd, "fips"), test_str(cmd, "name"),
                                                           test_str(cmd, "color"), test_str(cmd, "target"), error);
        return core::Json{{"ok", !id.empty()}, {"id", id}, {"error", error}};
    }
    if (op == "map_territory_from_zips") {
        std::string error;
        const std::string id = ui::territory_from_zips(a, w.ui, test_str(cmd, "zips"), test_str(cmd, "name"),
                                                       test_str(cmd, "color"), error);
        return core::Json{{"ok", !id.empty()}, {"id", id}, {"error", error}};
    }
    if (op == "map_assign_territories") {
        if (cmd.value("sliced", false)) { // as the dialog's Assign button: across frames
            ui::start_assign_territories(a, w.ui);
            return core::Json{{"ok", true}};
        }
        const core::Assignment r = ui::assign_territories(a);
        return core::Json{{"ok", true}, {"moved", r.moved}, {"cleared", r.cleared}, {"unchanged", r.unchanged},
                          {"without_location", r.without_location}};
    }
    if (op == "map_place_at_zip") {
        const core::ZipPlacement r = ui::place_at_zip(a, w.ui, strings(cmd, "ids"));
        return core::Json{{"ok", r.placed > 0}, {"placed", r.placed}, {"skipped", r.skipped}};
    }
    if (op == "map_delete_territory") {
        ui::delete_territory(a, w.ui, test_str(cmd, "id"));
        return core::Json{{"ok", true}};
    }
    return std::nullopt;
}

} // namespace footprint::platform
