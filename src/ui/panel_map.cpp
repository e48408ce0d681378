// The Map view: territories and account markers in Web Mercator, with pan, zoom, hover and select.
#include "core/format.h"
#include "core/geometry.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <cmath>
#include <map>

namespace footprint::ui {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Web Mercator in "world units": x, y in [0, 1) for the whole world.
ImVec2 project(double lat, double lon) {
    double x = (lon + 180.0) / 360.0;
    double s = std::sin(std::clamp(lat, -85.0, 85.0) * kPi / 180.0);
    double y = 0.5 - std::log((1 + s) / (1 - s)) / (4 * kPi);
    return ImVec2(static_cast<float>(x), static_cast<float>(y));
}

struct MapFrame {
    ImVec2 origin; // screen position of the canvas
    ImVec2 size;
    double cx, cy;  // world coordinates at the canvas centre
    double scale;   // pixels per world unit
    ImVec2 to_screen(ImVec2 w) const {
        return ImVec2(static_cast<float>(origin.x + size.x * 0.5 + (w.x - cx) * scale),
                      static_cast<float>(origin.y + size.y * 0.5 + (w.y - cy) * scale));
    }
};

ImU32 parse_colour(const std::string& hex, int alpha) {
    unsigned v = 0x0072B2;
    if (hex.size() == 7 && hex[0] == '#') v = static_cast<unsigned>(std::strtoul(hex.c_str() + 1, nullptr, 16));
    return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, alpha);
}

void fit_to_accounts(const core::Plan& plan, MapViewState& st, ImVec2 size) {
    double minx = 1, miny = 1, maxx = 0, maxy = 0;
    for (const auto& a : plan.accounts) {
        if (!a.location) continue;
        ImVec2 w = project(a.location->lat, a.location->lon);
        minx = std::min(minx, static_cast<double>(w.x));
        maxx = std::max(maxx, static_cast<double>(w.x));
        miny = std::min(miny, static_cast<double>(w.y));
        maxy = std::max(maxy, static_cast<double>(w.y));
    }
    if (maxx < minx) { // nothing located: the contiguous US
        ImVec2 a = project(49.5, -125), b = project(24.5, -66.5);
        minx = a.x; miny = a.y; maxx = b.x; maxy = b.y;
    }
    st.center_lon = (minx + maxx) * 0.5;
    st.center_lat = (miny + maxy) * 0.5;
    double sx = (maxx - minx) > 0 ? size.x * 0.9 / (maxx - minx) : 1e5;
    double sy = (maxy - miny) > 0 ? size.y * 0.9 / (maxy - miny) : 1e5;
    st.zoom = std::log2(std::min(sx, sy));
    st.fitted = true;
}

// Triangles of each territory ring in world units, recomputed only when the territory changes.
struct TerritoryMesh {
    std::int64_t modified = -1;
    std::vector<std::vector<ImVec2>> rings;                         // world coordinates
    std::vector<std::vector<std::array<std::uint32_t, 3>>> tris;    // per ring
};

const TerritoryMesh& mesh_of(const core::Territory& t) {
    static std::map<std::string, TerritoryMesh> cache;
    TerritoryMesh& m = cache[t.id];
    if (m.modified == t.modified.ms) return m;
    m = TerritoryMesh{};
    m.modified = t.modified.ms;
    for (const core::Polygon& poly : t.polygons) {
        if (poly.empty()) continue;
        std::vector<ImVec2> ring;
        std::vector<core::Vec2> pts;
        for (const core::LatLon& ll : poly[0]) {
            ring.push_back(project(ll.lat, ll.lon));
            pts.push_back({ring.back().x, ring.back().y});
        }
        m.tris.push_back(core::triangulate(pts));
        m.rings.push_back(std::move(ring));
    }
    return m;
}

} // namespace

void draw_map_panel(app::App& app, UiState& ui) {
    const core::Plan& plan = app.plan();
    const Palette& p = palette();
    MapViewState& st = ui.map;
    const core::Date today = app.clock().today();

    // Toolbar.
    if (ImGui::Button(ICON_BULLSEYE "  Zoom to accounts")) st.fitted = false;
    ImGui::SameLine(0, 20 * ui.dpr);
    const core::AccountStatus kinds[] = {core::AccountStatus::Client, core::AccountStatus::Former,
                                         core::AccountStatus::Prospect};
    for (auto k : kinds) {
        badge(status_label(k), status_colour(k));
        ImGui::SameLine();
    }
    text_muted("  Marker size: monthly revenue");
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    if (size.x < 10 || size.y < 10) return;
    if (!st.fitted || st.fitted_generation != app.doc().generation()) {
        fit_to_accounts(plan, st, size);
        st.fitted_generation = app.doc().generation();
    }
    ImGui::InvisibleButton("##map", size, ImGuiButtonFlags_MouseButtonLeft);
    const bool hovered = ImGui::IsItemHovered();
    ImGuiIO& io = ImGui::GetIO();
    MapFrame v{pos, size, st.center_lon, st.center_lat, std::pow(2.0, st.zoom)};

    // Pan by dragging, zoom around the cursor with the wheel or +/-.
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0)) {
        st.center_lon -= io.MouseDelta.x / v.scale;
        st.center_lat -= io.MouseDelta.y / v.scale;
    }
    float wheel = hovered ? io.MouseWheel : 0;
    if (!io.WantTextInput) {
        if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) wheel += 1;
        if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) wheel -= 1;
    }
    if (wheel != 0) {
        ImVec2 anchor = hovered ? io.MousePos : ImVec2(pos.x + size.x * 0.5f, pos.y + size.y * 0.5f);
        double wx = st.center_lon + (anchor.x - pos.x - size.x * 0.5) / v.scale;
        double wy = st.center_lat + (anchor.y - pos.y - size.y * 0.5) / v.scale;
        st.zoom = std::clamp(st.zoom + wheel * 0.25, 10.0, 26.0);
        double ns = std::pow(2.0, st.zoom);
        st.center_lon = wx - (anchor.x - pos.x - size.x * 0.5) / ns;
        st.center_lat = wy - (anchor.y - pos.y - size.y * 0.5) / ns;
        v = MapFrame{pos, size, st.center_lon, st.center_lat, ns};
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), true);
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), p.surface_alt, 6 * ui.dpr);

    // Territories: translucent fill, solid outline, name at the centroid.
    for (const core::Territory& t : plan.territories) {
        const TerritoryMesh& m = mesh_of(t);
        const ImU32 fill = parse_colour(t.color, 28), line = parse_colour(t.color, 200);
        for (std::size_t r = 0; r < m.rings.size(); ++r) {
            std::vector<ImVec2> pts;
            pts.reserve(m.rings[r].size());
            for (ImVec2 w : m.rings[r]) pts.push_back(v.to_screen(w));
            // Anti-aliased fill is off so the triangles' shared edges leave no seams.
            const ImDrawListFlags saved = dl->Flags;
            dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
            for (const auto& tri : m.tris[r])
                dl->AddTriangleFilled(pts[tri[0]], pts[tri[1]], pts[tri[2]], fill);
            dl->Flags = saved;
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), line, ImDrawFlags_Closed, 2 * ui.dpr);
            // The name at the centre of the largest triangle, which is always inside the outline.
            float best = -1;
            ImVec2 at;
            for (const auto& tri : m.tris[r]) {
                ImVec2 a = pts[tri[0]], b = pts[tri[1]], c = pts[tri[2]];
                float area = std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
                if (area > best) {
                    best = area;
                    at = ImVec2((a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3);
                }
            }
            ImVec2 ts = ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, t.name.c_str());
            if (best > ts.x * ts.y)
                dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(at.x - ts.x / 2, at.y - ts.y / 2),
                            parse_colour(t.color, 230), t.name.c_str());
        }
    }

    // Markers, sized by monthly revenue; selected ones get a ring.
    const core::Account* hover = nullptr;
    float hover_d2 = (12 * ui.dpr) * (12 * ui.dpr);
    for (const core::Account& a : plan.accounts) {
        if (!a.location) continue;
        ImVec2 s = v.to_screen(project(a.location->lat, a.location->lon));
        if (s.x < pos.x - 20 || s.y < pos.y - 20 || s.x > pos.x + size.x + 20 || s.y > pos.y + size.y + 20)
            continue;
        double mrc = static_cast<double>(core::account_mrc(a)) / 100.0;
        float r = (4.0f + static_cast<float>(std::min(8.0, std::sqrt(mrc) / 12.0))) * ui.dpr;
        dl->AddCircleFilled(s, r, (status_colour(a.status) & 0x00FFFFFF) | (220u << 24));
        dl->AddCircle(s, r, p.surface, 0, 1.2f * ui.dpr);
        if (ui.selection.count(a.id)) dl->AddCircle(s, r + 3 * ui.dpr, p.text, 0, 2 * ui.dpr);
        if (hovered) {
            float dx = io.MousePos.x - s.x, dy = io.MousePos.y - s.y;
            if (dx * dx + dy * dy < hover_d2) {
                hover_d2 = dx * dx + dy * dy;
                hover = &a;
            }
        }
    }
    dl->PopClipRect();

    if (hover) {
        ImGui::BeginTooltip();
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(hover->name.c_str());
        ImGui::PopFont();
        ImGui::TextColored(to_vec4(status_colour(hover->status)), "%s %s", status_icon(hover->status),
                           status_label(hover->status));
        if (core::Cents m = core::account_mrc(*hover)) ImGui::Text("%s", core::format_mrc_rounded(m).c_str());
        if (auto end = core::next_contract_end(*hover))
            ImGui::Text("Contract ends %s (%s)", core::format_date(*end).c_str(),
                        core::format_relative_days(*end, today).c_str());
        ImGui::TextDisabled("%s, %s", hover->address.city.c_str(), hover->address.state.c_str());
        ImGui::EndTooltip();
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 16) {
            ui.selection = {hover->id};
            ui.focused_account = hover->id;
        }
    }
}

} // namespace footprint::ui
