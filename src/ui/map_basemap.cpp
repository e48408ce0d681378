// The basemap: US land filled, county, state and coast lines simplified for the zoom, state names
// at country scale and place names that never overlap, with a halo so they read over anything.
#include "core/geo.h"
#include "ui/map_internal.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace footprint::ui {

namespace {

struct LandMesh {
    const core::Basemap* map = nullptr;
    struct Part {
        core::Triangulation tri;
        core::Box bounds;
    };
    std::vector<Part> parts;
    struct Label {
        std::string text;
        core::Vec2 at;
        double area = 0; // world units², to choose which fit
    };
    std::vector<Label> states;
};

LandMesh& land(const core::Basemap& map) {
    static LandMesh mesh;
    if (mesh.map == &map) return mesh;
    mesh = LandMesh{};
    mesh.map = &map;
    for (const core::BasemapShape& n : map.nation)
        for (const auto& poly : n.polygons) {
            core::Shape s = map.shape_of(poly);
            if (s.empty() || s[0].size() < 3) continue;
            LandMesh::Part p;
            p.bounds = core::bounds_of(s[0]);
            p.tri = core::triangulate_shape(s);
            mesh.parts.push_back(std::move(p));
        }
    // State names at the centre of their largest part (the centroid when it lies inside, else the
    // middle of the part's largest triangle).
    for (const core::BasemapShape& st : map.states) {
        double best = 0;
        core::Vec2 at;
        for (const auto& poly : st.polygons) {
            core::Shape s = map.shape_of(poly);
            if (s.empty() || s[0].size() < 3) continue;
            const double a = std::abs(core::signed_area2(s[0])) / 2;
            if (a <= best) continue;
            best = a;
            double cx = 0, cy = 0, a2 = 0;
            const core::Path& r = s[0];
            for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
                const double f = r[j].x * r[i].y - r[i].x * r[j].y;
                cx += (r[j].x + r[i].x) * f;
                cy += (r[j].y + r[i].y) * f;
                a2 += f;
            }
            at = {cx / (3 * a2), cy / (3 * a2)};
            if (!core::point_in_shape(at, s)) {
                const core::Triangulation t = core::triangulate_shape(s);
                double tb = -1;
                for (std::size_t i = 0; i + 2 < t.indices.size(); i += 3) {
                    const core::Vec2 p = t.vertices[t.indices[i]], q = t.vertices[t.indices[i + 1]],
                                     w = t.vertices[t.indices[i + 2]];
                    const double ta = std::abs((q.x - p.x) * (w.y - p.y) - (q.y - p.y) * (w.x - p.x));
                    if (ta > tb) {
                        tb = ta;
                        at = {(p.x + q.x + w.x) / 3, (p.y + q.y + w.y) / 3};
                    }
                }
            }
        }
        if (best > 0) mesh.states.push_back({st.name, at, best});
    }
    return mesh;
}

ImU32 land_colour() { return dark_theme() ? IM_COL32(0x26, 0x2B, 0x34, 255) : IM_COL32(0xFF, 0xFF, 0xFF, 255); }

void text_with_halo(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 colour, ImU32 halo,
                    const char* text) {
    pos.x = std::floor(pos.x);
    pos.y = std::floor(pos.y);
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
            if (dx || dy) dl->AddText(font, size, ImVec2(pos.x + static_cast<float>(dx), pos.y + static_cast<float>(dy)), halo, text);
    dl->AddText(font, size, pos, colour, text);
}

} // namespace

void draw_basemap(const app::App& /*app*/, UiState& ui, ImDrawList* dl, const Camera& cam) {
    const MapData* data = ui.map.data.get();
    if (!data || !data->basemap) return;
    const core::Basemap& map = *data->basemap;
    const Palette& p = palette();
    const core::Box view = cam.visible(8);

    // Land: triangles of each visible part, one batch.
    LandMesh& mesh = land(map);
    const ImU32 fill = land_colour();
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    for (const LandMesh::Part& part : mesh.parts) {
        if (!part.bounds.intersects(view)) continue;
        const auto& v = part.tri.vertices;
        const auto& idx = part.tri.indices;
        if (idx.empty()) continue;
        // The largest parts can exceed what one draw command should hold; ImGui splits by vertex
        // count only with 16-bit indices, and ours are 32-bit.
        dl->PrimReserve(static_cast<int>(idx.size()), static_cast<int>(v.size()));
        const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
        for (const core::Vec2& w : v) {
            dl->_VtxWritePtr->pos = cam.to_screen(w);
            dl->_VtxWritePtr->uv = uv;
            dl->_VtxWritePtr->col = fill;
            ++dl->_VtxWritePtr;
        }
        for (std::uint32_t i : idx) *dl->_IdxWritePtr++ = static_cast<ImDrawIdx>(base + i);
        dl->_VtxCurrentIdx += static_cast<unsigned int>(v.size());
    }

    // Lines: counties from state scale, state lines and the coast always; each simplified so no
    // point is drawn that moves the line by less than a fraction of a pixel.
    const float zoom = static_cast<float>(cam.zoom);
    const bool counties = cam.zoom >= 14.2;
    const float county_alpha = static_cast<float>(std::clamp((cam.zoom - 14.2) / 1.2, 0.0, 1.0));
    const ImU32 county_col = with_alpha(p.text_muted, 0.28f * county_alpha);
    const ImU32 state_col = with_alpha(p.text_muted, 0.65f);
    const ImU32 coast_col = with_alpha(p.text_muted, 0.55f);
    std::vector<ImVec2> pts;
    map.arc_index.search(view, [&](std::uint32_t i) {
        const core::BasemapArc& a = map.arcs[i];
        if (a.kind == core::ArcKind::CountyLine && !counties) return true;
        pts.clear();
        for (std::uint32_t k = 0; k < a.count; ++k) {
            const std::uint32_t pi = a.first + k;
            if (k != 0 && k + 1 != a.count && map.min_zoom[pi] > zoom) continue;
            pts.push_back(cam.to_screen(map.points[pi]));
        }
        if (pts.size() < 2) return true;
        const ImU32 col = a.kind == core::ArcKind::CountyLine ? county_col
                          : a.kind == core::ArcKind::StateLine ? state_col
                                                                : coast_col;
        const float w = (a.kind == core::ArcKind::StateLine ? 1.3f : 1.0f) * ui.dpr;
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, 0, w);
        return true;
    });

}

void draw_place_labels(UiState& ui, ImDrawList* dl, const Camera& cam, MapModel& model) {
    const MapData* data = ui.map.data.get();
    if (!ui.map.show_labels || !data || !data->places || !data->basemap) return;
    const Palette& p = palette();
    std::vector<ImVec4> taken; // placed labels and clusters (x0, y0, x1, y1): nothing overlaps them
    if (cam.zoom < kClusterMaxZoom) {
        const core::Box view = cam.visible(0);
        for (const core::Cluster& c : model.clusters_at(cluster_level(cam.zoom))) {
            if (c.count < 2 || !view.contains(c.center)) continue;
            const ImVec2 s = cam.to_screen(c.center);
            const float r = (9.0f + 4.2f * std::log10(static_cast<float>(c.count))) * ui.dpr;
            taken.push_back(ImVec4(s.x - r, s.y - r, s.x + r, s.y + r));
        }
    }
    const ImU32 fill = land_colour();
    LandMesh& mesh = land(*data->basemap);
    // State names between country and region scale, first: places make way for them.
    if (cam.zoom >= 12.3 && cam.zoom < 16.5) {
        ImFont* f = ui.fonts.bold;
        const float size = f->FontSize * 0.8f;
        const float alpha = static_cast<float>(std::min(1.0, std::min(cam.zoom - 12.3, 16.5 - cam.zoom) / 0.4));
        for (const auto& s : mesh.states) {
            const ImVec2 at = cam.to_screen(s.at);
            if (!cam.contains(at)) continue;
            const ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, s.text.c_str());
            if (s.area * cam.scale * cam.scale < ts.x * ts.y * 6) continue;
            const ImVec4 r(at.x - ts.x / 2, at.y - ts.y / 2, at.x + ts.x / 2, at.y + ts.y / 2);
            bool clash = false;
            for (const ImVec4& t : taken) clash = clash || !(r.z < t.x || r.x > t.z || r.w < t.y || r.y > t.w);
            if (clash) continue;
            taken.push_back(r);
            text_with_halo(dl, f, size, ImVec2(r.x, r.y), with_alpha(p.text_muted, 0.75f * alpha),
                           with_alpha(fill, 0.8f * alpha), s.text.c_str());
        }
    }
    // Smallest population labelled at this zoom: big cities at country scale, every town close up.
    const double z = cam.zoom;
    const std::uint32_t min_pop = z < 13 ? 600000 : z < 14 ? 250000 : z < 15 ? 80000 : z < 16 ? 30000
                                  : z < 17 ? 12000 : z < 18 ? 5000 : z < 19 ? 2000 : 0;
    const int max_labels = 80;
    const core::Box view = cam.visible(0);
    ImFont* body = ui.fonts.body;
    ImFont* bold = ui.fonts.bold;
    const float pad = 3 * ui.dpr;
    const ImU32 halo = with_alpha(land_colour(), 0.85f);
    std::vector<ImVec2> dots;
    int placed = 0;
    for (const core::Place& pl : data->places->places) {
        if (pl.population < min_pop || placed >= max_labels) break;
        if (!view.contains(pl.world)) continue;
        const bool big = pl.population >= (z < 15 ? 500000u : z < 17 ? 100000u : 25000u);
        ImFont* f = big ? bold : body;
        const float size = f->FontSize * (big ? 0.95f : 0.85f);
        const ImVec2 at = cam.to_screen(pl.world);
        const float dot = 2.5f * ui.dpr;
        // A smaller place right next to a labelled one (a suburb's centre) waits for a closer zoom.
        const float space = 18 * ui.dpr;
        bool crowded = false;
        for (const ImVec2& d : dots) crowded = crowded || (std::abs(d.x - at.x) < space && std::abs(d.y - at.y) < space);
        if (crowded) continue;
        const ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, pl.name.c_str());
        // Right of the dot, else left of it, else skipped.
        const ImVec4 tries[2] = {
            ImVec4(at.x + dot + pad, at.y - ts.y / 2, at.x + dot + pad + ts.x, at.y + ts.y / 2),
            ImVec4(at.x - dot - pad - ts.x, at.y - ts.y / 2, at.x - dot - pad, at.y + ts.y / 2)};
        for (const ImVec4& r : tries) {
            bool clash = r.x < cam.origin.x || r.z > cam.origin.x + cam.size.x || r.y < cam.origin.y ||
                         r.w > cam.origin.y + cam.size.y;
            for (const ImVec4& t : taken) {
                if (clash) break;
                clash = !(r.z + pad < t.x || r.x - pad > t.z || r.w + pad < t.y || r.y - pad > t.w);
            }
            if (clash) continue;
            taken.push_back(r);
            taken.push_back(ImVec4(at.x - dot, at.y - dot, at.x + dot, at.y + dot));
            dots.push_back(at);
            dl->AddCircleFilled(at, dot + 1 * ui.dpr, halo);
            dl->AddCircleFilled(at, dot, with_alpha(p.text_muted, 0.9f));
            text_with_halo(dl, f, size, ImVec2(r.x, r.y), big ? p.text : with_alpha(p.text, 0.82f), halo,
                           pl.name.c_str());
            ++placed;
            break;
        }
    }
}

} // namespace footprint::ui
