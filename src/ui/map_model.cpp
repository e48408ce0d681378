// The marker model: projected positions and attributes of every located account, recomputed when
// the plan, the day or the filter changes, with the spatial index and clusters rebuilt only when
// the set of shown markers or their positions change (an edit of a name keeps them).
#include "core/geo.h"
#include "core/map_layers.h"
#include "ui/map_internal.h"

#include <algorithm>
#include <cmath>

namespace footprint::ui {

core::Box Camera::visible(double margin_px) const {
    const double hw = (size.x * 0.5 + margin_px) / scale, hh = (size.y * 0.5 + margin_px) / scale;
    return core::Box{cx - hw, cy - hh, cx + hw, cy + hh};
}

Camera make_camera(const MapViewState& st, ImVec2 origin, ImVec2 size) {
    Camera c;
    c.origin = origin;
    c.size = size;
    c.cx = st.center_x;
    c.cy = st.center_y;
    c.zoom = st.zoom;
    c.scale = std::exp2(st.zoom);
    return c;
}

int cluster_level(double zoom) {
    // Cells about 56 device pixels wide at this zoom (2^-level world units).
    return std::clamp(static_cast<int>(std::floor(zoom - 5.8)), 0, core::ClusterTree::kMaxLevel);
}

const std::vector<core::Cluster>& MapModel::clusters_at(int level) {
    auto it = levels.find(level);
    if (it == levels.end()) it = levels.emplace(level, clusters.clusters(level)).first;
    return it->second;
}

const std::vector<core::Cents>& MapModel::heat_at(int level) {
    auto it = level_heat.find(level);
    if (it != level_heat.end()) return it->second;
    const auto& cs = clusters_at(level);
    std::vector<core::Cents> heat(cs.size(), 0);
    for (std::size_t c = 0; c < cs.size(); ++c)
        for (std::uint32_t k = cs[c].first; k < cs[c].first + cs[c].count; ++k)
            heat[c] += expiring[shown[clusters.order()[k]]];
    return level_heat.emplace(level, std::move(heat)).first->second;
}

MapModel& map_model(const app::App& app, UiState& ui) {
    MapViewState& st = ui.map;
    if (!st.model) st.model = std::make_shared<MapModel>();
    MapModel& m = *st.model;
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    const std::string key = std::to_string(st.filter) + "/" + st.whitespace_family + "/" +
                            std::to_string(st.heat_days);
    if (m.plan == &plan && m.revision == app.doc().revision() && m.today == today.days && m.filter_key == key)
        return m;
    const bool attrs_only_key = m.filter_key == key;
    m.plan = &plan;
    m.revision = app.doc().revision();
    m.today = today.days;
    m.filter_key = key;

    std::vector<std::uint32_t> account;
    std::vector<core::Vec2> world;
    account.reserve(plan.accounts.size());
    world.reserve(plan.accounts.size());
    m.status.clear();
    m.flags.clear();
    m.radius.clear();
    m.expiring.clear();
    m.due_days.clear();
    m.without_location = m.approximate = m.winback_targets = m.whitespace = 0;
    std::vector<std::uint32_t> shown;
    for (std::uint32_t i = 0; i < plan.accounts.size(); ++i) {
        const core::Account& a = plan.accounts[i];
        if (!a.location) {
            ++m.without_location;
            continue;
        }
        std::uint8_t f = 0;
        int due = 100000;
        if (auto end = core::next_contract_end(a)) {
            due = core::days_between(today, *end);
            if (due >= 0 && due <= 90) f |= kDue90;
        }
        const bool winback = core::winback_open(a, plan.settings, today);
        const bool white = core::lacks_family(a, st.whitespace_family);
        if (winback) {
            f |= kWinbackOpen;
            ++m.winback_targets;
        }
        m.whitespace += white;
        if (a.location_approximate) {
            f |= kApproximate;
            ++m.approximate;
        }
        const bool pass = st.filter == 1 ? winback : st.filter == 2 ? white : true;
        if (pass) {
            f |= kShown;
            shown.push_back(static_cast<std::uint32_t>(account.size()));
        }
        account.push_back(i);
        world.push_back(core::project(*a.location));
        m.status.push_back(static_cast<std::uint8_t>(a.status));
        m.flags.push_back(f);
        const double mrc = static_cast<double>(core::account_mrc(a)) / 100.0;
        m.radius.push_back(static_cast<float>(5.0 + std::min(7.0, std::sqrt(std::max(0.0, mrc)) / 9.0)));
        m.expiring.push_back(core::mrc_expiring(a, today, st.heat_days));
        m.due_days.push_back(due);
    }
    // Positions or the shown set changed: rebuild the index and clusters.
    const bool same_geometry =
        attrs_only_key && shown == m.shown && account == m.account && world.size() == m.world.size() &&
        std::equal(world.begin(), world.end(), m.world.begin(),
                   [](core::Vec2 a, core::Vec2 b) { return a.x == b.x && a.y == b.y; });
    m.account = std::move(account);
    m.world = std::move(world);
    m.level_heat.clear();
    if (!same_geometry) {
        m.shown = std::move(shown);
        std::vector<core::Vec2> pts;
        std::vector<std::uint8_t> groups;
        pts.reserve(m.shown.size());
        groups.reserve(m.shown.size());
        for (std::uint32_t k : m.shown) {
            pts.push_back(m.world[k]);
            groups.push_back(m.status[k]);
        }
        m.index = core::SpatialIndex::of_points(pts);
        m.clusters = core::ClusterTree(pts, groups);
        m.levels.clear();
    } else {
        // Same markers: cluster membership holds, but status counts may differ.
        for (auto& [level, cs] : m.levels)
            for (core::Cluster& c : cs) {
                c.groups = {0, 0, 0};
                for (std::uint32_t k = c.first; k < c.first + c.count; ++k)
                    ++c.groups[std::min<std::uint8_t>(m.status[m.shown[m.clusters.order()[k]]], 2)];
            }
    }
    return m;
}

// --- camera moves -------------------------------------------------------------------------------

void fly_to(MapViewState& st, const core::Box& b, ImVec2 canvas, float padding_px) {
    if (b.empty() || canvas.x < 10 || canvas.y < 10) return;
    const double w = std::max(b.width(), 1e-7), h = std::max(b.height(), 1e-7);
    const double sx = (canvas.x - 2 * padding_px) / w, sy = (canvas.y - 2 * padding_px) / h;
    st.target_zoom = std::clamp(std::log2(std::max(1.0, std::min(sx, sy))), 10.0, 26.0);
    st.target_x = b.center().x;
    st.target_y = b.center().y;
    st.anchored = false;
}

void fit_accounts(const app::App& app, UiState& ui) {
    MapViewState& st = ui.map;
    MapModel& m = map_model(app, ui);
    core::Box b;
    for (std::uint32_t k : m.shown) b.add(m.world[k]);
    if (b.empty()) // nothing located: the contiguous US
        b = core::Box{core::project({49.5, -125}).x, core::project({49.5, -125}).y,
                      core::project({24.5, -66.5}).x, core::project({24.5, -66.5}).y};
    fly_to(st, b, ImVec2(st.canvas_w, st.canvas_h), 48 * ui.dpr);
}

core::Box territory_bounds(const core::Territory& t) { return core::bounds_of(core::project_polygons(t.polygons)); }

ImU32 hex_colour(const std::string& hex, int alpha) {
    unsigned v = 0x0072B2;
    if (hex.size() == 7 && hex[0] == '#') v = static_cast<unsigned>(std::strtoul(hex.c_str() + 1, nullptr, 16));
    return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, alpha);
}

} // namespace footprint::ui
