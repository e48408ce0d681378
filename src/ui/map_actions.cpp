// The Map view's edits (see map_actions.h).
#include "ui/map_actions.h"

#include "core/format.h"
#include "core/map_layers.h"
#include "core/shape_files.h"
#include "ui/map_internal.h"

#include <algorithm>

namespace footprint::ui {

namespace {

const char* const kColours[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6BB1", "#4D4D4D"};

std::string plural(std::size_t n, const char* one, const char* many) {
    return core::format_count(static_cast<long long>(n)) + " " + (n == 1 ? one : many);
}

} // namespace

std::string next_territory_colour(const core::Plan& plan) {
    for (const char* c : kColours)
        if (std::none_of(plan.territories.begin(), plan.territories.end(),
                         [&](const core::Territory& t) { return t.color == c; }))
            return c;
    return kColours[plan.territories.size() % std::size(kColours)];
}

bool import_territory_shapes(app::App& app, UiState& ui, const std::string& file_name, const std::string& bytes) {
    const core::ShapeResult r = core::read_shape_file(bytes);
    if (!r.file) {
        ui.map.last_import_error = file_name + ": " + r.error;
        app.notify(app::Notice::Kind::Error, "Could not import " + file_name,
                   "No territories were changed. Use a GeoJSON or TopoJSON file of polygons in longitude and "
                   "latitude.",
                   {ui.map.last_import_error}, true);
        return false;
    }
    ui.map.last_import_error.clear();
    core::Plan preview = app.plan(); // only for choosing colours in turn
    app::Command cmd;
    std::string first_id;
    for (const core::ShapeFeature& f : r.file->features) {
        core::Territory t;
        t.id = app.ids().next("ter");
        t.name = f.name;
        t.color = f.color.empty() ? next_territory_colour(preview) : f.color;
        t.polygons = f.polygons;
        preview.territories.push_back(t);
        if (first_id.empty()) first_id = t.id;
        cmd.changes.push_back(core::Put<core::Territory>{std::move(t), std::nullopt, true});
    }
    const std::size_t n = r.file->features.size();
    cmd.label = "Import " + plural(n, "territory", "territories") + " from " + file_name;
    app.execute(std::move(cmd));
    std::string text = plural(n, "territory was", "territories were") + " added from " + file_name + ".";
    if (r.file->skipped) text += " " + plural(r.file->skipped, "feature that is a point or line was", "features that are points or lines were") + " left out.";
    text += " Undo (Ctrl+Z) removes them.";
    app.notify(app::Notice::Kind::Success, "Imported " + plural(n, "territory", "territories"), text);
    ui.map.selected_territory = first_id;
    ui.map.show_territories = true;
    return true;
}

std::string save_territory(app::App& app, UiState& ui, const std::string& id, std::string name, std::string color,
                           std::vector<core::Polygon> polygons, std::vector<std::string> counties,
                           std::vector<std::string> zips, const std::string& label) {
    core::Territory t;
    if (auto i = app.doc().index().territory(id)) t = app.plan().territories[*i];
    else t.id = app.ids().next("ter");
    if (!name.empty()) t.name = std::move(name);
    if (t.name.empty()) t.name = "Territory " + std::to_string(app.plan().territories.size() + 1);
    if (!color.empty()) t.color = std::move(color);
    else if (id.empty()) t.color = next_territory_colour(app.plan());
    t.polygons = std::move(polygons);
    t.counties = std::move(counties);
    t.zip_codes = std::move(zips);
    const std::string tid = t.id;
    app.execute(app::Command{label.empty() ? "Save territory \"" + t.name + "\"" : label,
                             {core::Put<core::Territory>{std::move(t), std::nullopt, true}}});
    ui.map.selected_territory = tid;
    return tid;
}

std::string territory_from_counties(app::App& app, UiState& ui, const std::vector<std::string>& fips, std::string name,
                                    std::string color, const std::string& target, std::string& error) {
    const MapData* data = ui.map.data.get();
    if (!data || !data->basemap) {
        error = "The county map is not available in this build.";
        return {};
    }
    std::vector<std::string> unknown;
    auto polys = core::merge_counties(*data->basemap, fips, &unknown);
    if (polys.empty()) {
        error = fips.empty() ? "Pick at least one county on the map." : "None of those counties is on the map.";
        return {};
    }
    std::vector<std::string> kept;
    for (const std::string& f : fips)
        if (std::find(unknown.begin(), unknown.end(), f) == unknown.end()) kept.push_back(f);
    const std::string label = (target.empty() ? "Create territory from " : "Rebuild territory from ") +
                              plural(kept.size(), "county", "counties");
    return save_territory(app, ui, target, std::move(name), std::move(color), std::move(polys), std::move(kept), {},
                          label);
}

std::string territory_from_zips(app::App& app, UiState& ui, const std::string& text, std::string name,
                                std::string color, std::string& error) {
    const MapData* data = ui.map.data.get();
    if (!data || !data->zips) {
        error = "The ZIP code table is not available in this build.";
        return {};
    }
    std::vector<std::string> zips;
    std::string cur;
    for (char c : text + " ") {
        if ((c >= '0' && c <= '9') || c == '-') {
            cur += c;
        } else if (!cur.empty()) {
            zips.push_back(cur);
            cur.clear();
        }
    }
    if (zips.empty()) {
        error = "Type or paste ZIP codes, separated by commas, spaces or new lines.";
        return {};
    }
    std::vector<std::string> unknown;
    auto polys = core::zip_area(*data->zips, zips, &unknown);
    if (polys.empty()) {
        error = "None of these ZIP codes is known: " + zips.front() + (zips.size() > 1 ? ", …" : "") + ".";
        return {};
    }
    std::vector<std::string> kept;
    for (const std::string& z : zips)
        if (std::find(unknown.begin(), unknown.end(), z) == unknown.end())
            if (auto code = core::parse_zip(z)) kept.push_back(core::zip_string(*code));
    if (!unknown.empty()) {
        std::string list;
        for (std::size_t i = 0; i < unknown.size() && i < 5; ++i) list += (i ? ", " : "") + unknown[i];
        app.notify(app::Notice::Kind::Warning, plural(unknown.size(), "ZIP code was", "ZIP codes were") + " not found",
                   "Left out: " + list + (unknown.size() > 5 ? ", …" : "") + ". The territory covers the others.");
    }
    return save_territory(app, ui, {}, std::move(name), std::move(color), std::move(polys), {}, std::move(kept),
                          "Create territory from " + plural(kept.size(), "ZIP code", "ZIP codes"));
}

void delete_territory(app::App& app, UiState& ui, const std::string& id) {
    auto i = app.doc().index().territory(id);
    if (!i) return;
    const std::string name = app.plan().territories[*i].name;
    // Accounts keep pointing at a deleted territory otherwise: clear them in the same command.
    app::Command cmd{"Delete territory \"" + name + "\"", {}};
    for (const core::Account& a : app.plan().accounts)
        if (a.territory_id == id) {
            core::Account c = a;
            c.territory_id.clear();
            cmd.changes.push_back(core::Put<core::Account>{std::move(c), std::nullopt, true});
        }
    cmd.changes.push_back(core::Remove<core::Territory>{id});
    app.execute(std::move(cmd));
    app.notify(app::Notice::Kind::Info, "Deleted territory \"" + name + "\"", "Undo (Ctrl+Z) brings it back.");
    if (ui.map.selected_territory == id) ui.map.selected_territory.clear();
    if (ui.map.edit_territory == id) ui.map.edit_territory.clear();
}

void edit_territory_info(app::App& app, const std::string& id, const std::string& name, const std::string& color) {
    auto i = app.doc().index().territory(id);
    if (!i) return;
    core::Territory t = app.plan().territories[*i];
    if (t.name == name && t.color == color) return;
    const bool renamed = t.name != name;
    t.name = name.empty() ? t.name : name;
    t.color = color;
    app.execute(app::Command{renamed ? "Rename territory" : "Change territory colour",
                             {core::Put<core::Territory>{std::move(t), std::nullopt, true}}});
}

namespace {

core::Assignment apply_assignment(app::App& app, core::Assignment a) {
    if (a.changes.empty()) {
        app.notify(app::Notice::Kind::Info, "Territories are up to date",
                   "Every located account is already in the territory its location falls in.");
        return a;
    }
    const std::size_t n = a.changes.size();
    app.execute(app::Command{"Assign " + plural(n, "account", "accounts") + " to territories", std::move(a.changes)});
    a.changes.clear();
    app.notify(app::Notice::Kind::Success, "Assigned " + plural(n, "account", "accounts"),
               plural(static_cast<std::size_t>(a.moved), "account moved", "accounts moved") + " into a territory, " +
                   plural(static_cast<std::size_t>(a.cleared), "is", "are") +
                   " outside every territory now. Undo (Ctrl+Z) restores the previous assignment.");
    return a;
}

} // namespace

core::Assignment assign_territories(app::App& app) { return apply_assignment(app, core::assign_by_location(app.plan())); }

void start_assign_territories(app::App& app, UiState& ui) {
    ui.map.assign_job = std::make_shared<core::AssignmentJob>(app.plan());
    ui.map.assign_revision = app.doc().revision();
}

void step_assign_territories(app::App& app, UiState& ui, double budget_ms) {
    MapViewState& st = ui.map;
    if (!st.assign_job) return;
    if (app.doc().revision() != st.assign_revision) {
        st.assign_job.reset();
        app.notify(app::Notice::Kind::Warning, "Assignment stopped",
                   "The plan changed while accounts were being assigned; nothing was changed. Run it again.");
        return;
    }
    const double t0 = app.clock().monotonic_ms();
    while (!st.assign_job->step(500))
        if (app.clock().monotonic_ms() - t0 > budget_ms) return;
    core::Assignment a = st.assign_job->take();
    st.assign_job.reset();
    apply_assignment(app, std::move(a));
}

void cancel_assign_territories(app::App& app, UiState& ui) {
    if (!ui.map.assign_job) return;
    ui.map.assign_job.reset();
    app.notify(app::Notice::Kind::Info, "Assignment cancelled", "No account was changed.");
}

core::ZipPlacement place_at_zip(app::App& app, UiState& ui, const std::vector<std::string>& ids) {
    const MapData* data = ui.map.data.get();
    if (!data || !data->zips) return {};
    core::ZipPlacement p = core::place_at_zip_centroids(app.plan(), *data->zips, ids);
    if (p.changes.empty()) {
        app.notify(app::Notice::Kind::Warning, "Nothing to place",
                   p.unknown_zip.empty() ? "Every account already has a location."
                                         : "The accounts' ZIP codes are missing or unknown; fix the address first.");
        return p;
    }
    app.execute(app::Command{"Place " + plural(static_cast<std::size_t>(p.placed), "account", "accounts") +
                                 " at ZIP centroids",
                             std::move(p.changes)});
    p.changes.clear();
    std::string text = "They are marked approximate: in the map's \"To place\" list, \"Set location\" and a click on the map fixes one.";
    if (!p.unknown_zip.empty())
        text = plural(p.unknown_zip.size(), "account has", "accounts have") +
               " no known ZIP code and stay unplaced. Placed accounts are marked approximate.";
    app.notify(app::Notice::Kind::Success, "Placed " + plural(static_cast<std::size_t>(p.placed), "account", "accounts"),
               text + " Undo (Ctrl+Z) removes them from the map.");
    return p;
}

void move_account(app::App& app, const std::string& id, core::LatLon at) {
    auto i = app.doc().index().account(id);
    if (!i) return;
    core::Account a = app.plan().accounts[*i];
    a.location = at;
    a.location_approximate = false;
    app.put_account(std::move(a), "Set location of \"" + app.plan().accounts[*i].name + "\"");
}

} // namespace footprint::ui
