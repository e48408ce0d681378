// Territory membership, statistics, assignment by location and ZIP-code areas.
#include "core/territory.h"

#include "core/geo.h"
#include "core/spatial_index.h"
#include "core/summary.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace footprint::core {

std::vector<TerritoryArea> prepare_territories(const Plan& plan) {
    std::vector<TerritoryArea> out;
    std::vector<double> area;
    out.reserve(plan.territories.size());
    for (const Territory& t : plan.territories) {
        const MultiShape shapes = project_polygons(t.polygons);
        double a = 0;
        for (const Shape& s : shapes)
            for (std::size_t r = 0; r < s.size(); ++r) a += (r == 0 ? 1 : -1) * std::abs(signed_area2(s[r]));
        out.push_back({t.id, PreparedArea(shapes)});
        area.push_back(a);
    }
    // Where shapes overlap, the smaller (more specific) territory wins: "Downtown" inside "Metro".
    std::vector<std::size_t> order(out.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return area[a] < area[b]; });
    std::vector<TerritoryArea> sorted;
    sorted.reserve(out.size());
    for (std::size_t i : order) sorted.push_back(std::move(out[i]));
    return sorted;
}

std::string territory_at(const std::vector<TerritoryArea>& areas, LatLon at) {
    const Vec2 w = project(at);
    for (const TerritoryArea& a : areas)
        if (a.area.contains(w)) return a.id;
    return {};
}

std::vector<TerritoryStats> territory_stats(const Plan& plan, Date today, int renewal_days) {
    std::vector<TerritoryStats> out(plan.territories.size() + 1);
    std::unordered_map<std::string, std::size_t> slot;
    for (std::size_t i = 0; i < plan.territories.size(); ++i) {
        out[i].territory_id = plan.territories[i].id;
        slot.emplace(plan.territories[i].id, i);
    }
    const std::size_t none = plan.territories.size();
    std::unordered_map<std::string, std::size_t> account_slot;
    account_slot.reserve(plan.accounts.size());
    const Date horizon = add_days(today, renewal_days);
    for (const Account& a : plan.accounts) {
        auto it = slot.find(a.territory_id);
        const std::size_t s = it == slot.end() ? none : it->second;
        account_slot.emplace(a.id, s);
        TerritoryStats& st = out[s];
        ++st.accounts;
        st.mrc += account_mrc(a);
        for (const Service& sv : a.services)
            if (sv.contract_end && *sv.contract_end >= today && *sv.contract_end <= horizon) {
                ++st.renewals_due;
                st.renewals_due_mrc += sv.mrc;
            }
    }
    for (const Opportunity& o : plan.opportunities) {
        if (deal_state(plan, o) != DealState::Open) continue;
        auto it = account_slot.find(o.account_id);
        if (it == account_slot.end()) continue;
        ++out[it->second].open_deals;
        out[it->second].open_pipeline_mrc += o.mrc;
    }
    return out;
}

AssignmentJob::AssignmentJob(const Plan& plan, bool build_changes)
    : plan_(plan), areas_(prepare_territories(plan)), build_(build_changes) {}

bool AssignmentJob::step(std::size_t accounts) {
    const std::size_t end = std::min(plan_.accounts.size(), next_ + std::max<std::size_t>(accounts, 1));
    for (; next_ < end; ++next_) {
        const Account& a = plan_.accounts[next_];
        if (!a.location) {
            ++out_.without_location;
            continue;
        }
        std::string t = territory_at(areas_, *a.location);
        if (t == a.territory_id) {
            ++out_.unchanged;
            continue;
        }
        (t.empty() ? out_.cleared : out_.moved) += 1;
        if (!build_) continue;
        Account changed = a;
        changed.territory_id = std::move(t);
        out_.changes.push_back(Put<Account>{std::move(changed), std::nullopt, true});
    }
    return done();
}

double AssignmentJob::progress() const {
    return plan_.accounts.empty() ? 1.0
                                  : static_cast<double>(next_) / static_cast<double>(plan_.accounts.size());
}

Assignment assign_by_location(const Plan& plan) {
    AssignmentJob job(plan);
    job.step(plan.accounts.size());
    return job.take();
}

// --- ZIP areas ----------------------------------------------------------------------------------

namespace {

// Outline of the marked cells of a grid as closed rings of corner coordinates (i, j).
std::vector<std::vector<std::pair<int, int>>> trace_cells(const std::vector<std::uint8_t>& marked,
                                                           int nx, int ny) {
    auto at = [&](int x, int y) { return x >= 0 && y >= 0 && x < nx && y < ny && marked[static_cast<std::size_t>(y) * nx + x]; };
    struct Edge {
        int x0, y0, x1, y1;
    };
    std::vector<Edge> edges;
    for (int y = 0; y < ny; ++y)
        for (int x = 0; x < nx; ++x) {
            if (!at(x, y)) continue;
            // Walk each cell's free sides with the cell on the same hand every time.
            if (!at(x, y - 1)) edges.push_back({x, y, x + 1, y});
            if (!at(x + 1, y)) edges.push_back({x + 1, y, x + 1, y + 1});
            if (!at(x, y + 1)) edges.push_back({x + 1, y + 1, x, y + 1});
            if (!at(x - 1, y)) edges.push_back({x, y + 1, x, y});
        }
    std::multimap<std::pair<int, int>, std::size_t> from;
    for (std::size_t i = 0; i < edges.size(); ++i) from.emplace(std::pair{edges[i].x0, edges[i].y0}, i);
    std::vector<bool> used(edges.size(), false);
    std::vector<std::vector<std::pair<int, int>>> rings;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        if (used[i]) continue;
        std::vector<std::pair<int, int>> ring;
        std::size_t cur = i;
        while (!used[cur]) {
            used[cur] = true;
            ring.push_back({edges[cur].x0, edges[cur].y0});
            auto [lo, hi] = from.equal_range({edges[cur].x1, edges[cur].y1});
            std::size_t next = edges.size();
            for (auto it = lo; it != hi; ++it)
                if (!used[it->second]) {
                    next = it->second;
                    break;
                }
            if (next == edges.size()) break;
            cur = next;
        }
        // Drop corners where the outline goes straight on.
        std::vector<std::pair<int, int>> corners;
        for (std::size_t k = 0; k < ring.size(); ++k) {
            const auto& p = ring[(k + ring.size() - 1) % ring.size()];
            const auto& q = ring[k];
            const auto& r = ring[(k + 1) % ring.size()];
            if ((q.first - p.first) * (r.second - q.second) - (q.second - p.second) * (r.first - q.first) != 0)
                corners.push_back(q);
        }
        if (corners.size() >= 4) rings.push_back(std::move(corners));
    }
    return rings;
}

} // namespace

std::vector<Polygon> zip_area(const ZipTable& table, const std::vector<std::string>& zips,
                              std::vector<std::string>* unknown, double reach_km) {
    std::unordered_set<std::uint32_t> chosen;
    Box box;
    double lat_sum = 0;
    for (const std::string& z : zips) {
        auto code = parse_zip(z);
        auto at = code ? table.find(*code) : std::nullopt;
        if (!at) {
            if (unknown) unknown->push_back(z);
            continue;
        }
        if (chosen.insert(*code).second) {
            box.add(project(*at));
            lat_sum += at->lat;
        }
    }
    if (chosen.empty()) return {};
    const double reach = reach_km / km_per_world_unit(lat_sum / static_cast<double>(chosen.size()));
    box.min_x -= reach;
    box.min_y -= reach;
    box.max_x += reach;
    box.max_y += reach;
    // Cells about 1/300 of the area across, never finer than 1/12 of the reach (~500 m).
    const double cell = std::max(std::max(box.width(), box.height()) / 300.0, reach / 12.0);
    const int nx = static_cast<int>(std::ceil(box.width() / cell)) + 1;
    const int ny = static_cast<int>(std::ceil(box.height() / cell)) + 1;

    std::vector<Vec2> pts;
    std::vector<std::uint32_t> ids;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const Vec2 w = project(table.centroids()[i]);
        if (w.x < box.min_x - reach || w.x > box.max_x + reach || w.y < box.min_y - reach ||
            w.y > box.max_y + reach)
            continue;
        pts.push_back(w);
        ids.push_back(table.codes()[i]);
    }
    const SpatialIndex index = SpatialIndex::of_points(pts);
    std::vector<std::uint8_t> marked(static_cast<std::size_t>(nx) * ny, 0);
    for (int y = 0; y < ny; ++y)
        for (int x = 0; x < nx; ++x) {
            const Vec2 c{box.min_x + (x + 0.5) * cell, box.min_y + (y + 0.5) * cell};
            auto near = index.nearest(c, reach);
            if (near && chosen.count(ids[*near])) marked[static_cast<std::size_t>(y) * nx + x] = 1;
        }
    std::vector<Path> rings;
    for (const auto& r : trace_cells(marked, nx, ny)) {
        Path p;
        for (auto [i, j] : r) p.push_back({box.min_x + i * cell, box.min_y + j * cell});
        rings.push_back(simplify(p, cell * 0.75, true));
    }
    return unproject_shapes(assemble_rings(std::move(rings)));
}

} // namespace footprint::core
