// Territories on the map: translucent fills with outlines and names, and the tools that shape
// them — drawing a polygon, dragging, inserting and deleting vertices, picking counties, placing
// an account — plus the dialogs that name a new territory, take ZIP codes or confirm assignment.
#include "core/format.h"
#include "core/geo.h"
#include "core/territory.h"
#include "ui/icons.h"
#include "ui/map_actions.h"
#include "ui/map_internal.h"
#include "ui/theme.h"
#include "ui/view_common.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace footprint::ui {

namespace {

struct Mesh {
    std::int64_t modified = -1;
    std::size_t points = 0;
    core::MultiShape world;
    std::vector<core::Triangulation> tris;
    core::Box bounds;
};

void build_mesh(Mesh& m, const std::vector<core::Polygon>& polygons) {
    m.world = core::project_polygons(polygons);
    m.tris.clear();
    for (const core::Shape& s : m.world) m.tris.push_back(core::triangulate_shape(s));
    m.bounds = core::bounds_of(m.world);
}

const Mesh& mesh_of(const core::Territory& t) {
    static std::unordered_map<std::string, Mesh> cache;
    Mesh& m = cache[t.id];
    std::size_t points = 0;
    for (const auto& p : t.polygons)
        for (const auto& r : p) points += r.size();
    if (m.modified == t.modified.ms && m.points == points) return m;
    m.modified = t.modified.ms;
    m.points = points;
    build_mesh(m, t.polygons);
    return m;
}

const core::Triangulation& county_mesh(const core::Basemap& map, int county) {
    static std::unordered_map<int, core::Triangulation> cache;
    auto it = cache.find(county);
    if (it != cache.end()) return it->second;
    core::Triangulation all;
    for (const auto& poly : map.counties[static_cast<std::size_t>(county)].polygons) {
        core::Triangulation t = core::triangulate_shape(map.shape_of(poly));
        const auto base = static_cast<std::uint32_t>(all.vertices.size());
        all.vertices.insert(all.vertices.end(), t.vertices.begin(), t.vertices.end());
        for (auto i : t.indices) all.indices.push_back(base + i);
    }
    return cache.emplace(county, std::move(all)).first->second;
}

void fill_triangles(ImDrawList* dl, const Camera& cam, const core::Triangulation& t, ImU32 col) {
    if (t.indices.empty()) return;
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    dl->PrimReserve(static_cast<int>(t.indices.size()), static_cast<int>(t.vertices.size()));
    const auto base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    for (const core::Vec2& w : t.vertices) {
        dl->_VtxWritePtr->pos = cam.to_screen(w);
        dl->_VtxWritePtr->uv = uv;
        dl->_VtxWritePtr->col = col;
        ++dl->_VtxWritePtr;
    }
    for (std::uint32_t i : t.indices) *dl->_IdxWritePtr++ = static_cast<ImDrawIdx>(base + i);
    dl->_VtxCurrentIdx += static_cast<unsigned int>(t.vertices.size());
}

void outline(ImDrawList* dl, const Camera& cam, const core::MultiShape& shapes, ImU32 col, float w) {
    std::vector<ImVec2> pts;
    for (const core::Shape& s : shapes)
        for (const core::Path& r : s) {
            pts.clear();
            for (core::Vec2 p : r) pts.push_back(cam.to_screen(p));
            if (pts.size() >= 2) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, ImDrawFlags_Closed, w);
        }
}

float dist2(ImVec2 a, ImVec2 b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

// The territory being edited, if any.
const core::Territory* edited(const app::App& app, const UiState& ui) {
    auto i = app.doc().index().territory(ui.map.edit_territory);
    return i ? &app.plan().territories[*i] : nullptr;
}

} // namespace

void draw_territories(const app::App& app, UiState& ui, ImDrawList* dl, const Camera& cam) {
    if (!ui.map.show_territories) return;
    const core::Box view = cam.visible(0);
    const Palette& p = palette();
    for (const core::Territory& t : app.plan().territories) {
        const bool dragging = t.id == ui.map.edit_territory && ui.map.drag_vertex >= 0;
        Mesh preview;
        if (dragging) build_mesh(preview, ui.map.drag_shape);
        const Mesh& m = dragging ? preview : mesh_of(t);
        if (m.bounds.empty() || !m.bounds.intersects(view)) continue;
        const bool selected = t.id == ui.map.selected_territory || t.id == ui.map.edit_territory;
        for (const core::Triangulation& tri : m.tris) fill_triangles(dl, cam, tri, hex_colour(t.color, selected ? 56 : 34));
        outline(dl, cam, m.world, hex_colour(t.color, 220), (selected ? 3.0f : 2.0f) * ui.dpr);
        // The name inside the shape, when it fits.
        ImFont* f = ui.fonts.bold;
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.name.c_str());
        const ImVec2 a = cam.to_screen({m.bounds.min_x, m.bounds.min_y}), b = cam.to_screen({m.bounds.max_x, m.bounds.max_y});
        if (b.x - a.x < ts.x * 1.3f || b.y - a.y < ts.y * 2) continue;
        // Centre of the largest triangle: always inside, even for a crescent.
        float best = -1;
        ImVec2 at;
        for (const core::Triangulation& tri : m.tris)
            for (std::size_t i = 0; i + 2 < tri.indices.size(); i += 3) {
                const ImVec2 q = cam.to_screen(tri.vertices[tri.indices[i]]), r = cam.to_screen(tri.vertices[tri.indices[i + 1]]),
                             s = cam.to_screen(tri.vertices[tri.indices[i + 2]]);
                const float area = std::abs((r.x - q.x) * (s.y - q.y) - (r.y - q.y) * (s.x - q.x));
                if (area > best) {
                    best = area;
                    at = ImVec2((q.x + r.x + s.x) / 3, (q.y + r.y + s.y) / 3);
                }
            }
        if (best < ts.x * ts.y) continue;
        const ImVec2 pos(std::floor(at.x - ts.x / 2), std::floor(at.y - ts.y / 2));
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                if (dx || dy) dl->AddText(f, f->FontSize, ImVec2(pos.x + static_cast<float>(dx), pos.y + static_cast<float>(dy)), with_alpha(p.surface, 0.8f), t.name.c_str());
        dl->AddText(f, f->FontSize, pos, hex_colour(t.color, 255), t.name.c_str());
    }
}

// --- tools --------------------------------------------------------------------------------------

bool territory_tool_input(app::App& app, UiState& ui, const Camera& cam, bool hovered) {
    MapViewState& st = ui.map;
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    const bool clicked = hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 25;
    const float grab = 8.0f * ui.dpr;

    if (st.tool == MapTool::Draw) {
        if (!io.WantTextInput) {
            if (ImGui::IsKeyPressed(ImGuiKey_Escape)) st.draft.clear();
            if (ImGui::IsKeyPressed(ImGuiKey_Backspace) && !st.draft.empty()) st.draft.pop_back();
            if (ImGui::IsKeyPressed(ImGuiKey_Enter) && st.draft.size() >= 3) st.name_popup = true;
        }
        if (clicked) {
            if (st.draft.size() >= 3 && dist2(mouse, cam.to_screen(core::project(st.draft.front()))) < grab * grab)
                st.name_popup = true;
            else
                st.draft.push_back(core::unproject(cam.to_world(mouse)));
        }
        if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && st.draft.size() >= 3) st.name_popup = true;
        return clicked;
    }
    if (st.tool == MapTool::Counties) {
        const MapData* d = st.data.get();
        if (clicked && d && d->basemap) {
            const int c = d->basemap->county_at(cam.to_world(mouse));
            if (c >= 0) {
                const std::string& fips = d->basemap->counties[static_cast<std::size_t>(c)].id;
                auto it = std::find(st.county_pick.begin(), st.county_pick.end(), fips);
                if (it == st.county_pick.end()) st.county_pick.push_back(fips);
                else st.county_pick.erase(it);
            }
        }
        return clicked;
    }
    if (st.tool == MapTool::Place) {
        if (clicked && !st.place_account.empty()) {
            move_account(app, st.place_account, core::unproject(cam.to_world(mouse)));
            st.place_account.clear();
            st.tool = MapTool::Select;
        }
        if (ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            st.place_account.clear();
            st.tool = MapTool::Select;
        }
        return clicked;
    }

    // Vertex editing of the territory being edited.
    const core::Territory* t = edited(app, ui);
    if (!t) return false;
    if (st.drag_vertex >= 0) {
        core::Ring& ring = st.drag_shape[static_cast<std::size_t>(st.drag_poly)][static_cast<std::size_t>(st.drag_ring)];
        ring[static_cast<std::size_t>(st.drag_vertex)] = core::unproject(cam.to_world(mouse));
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            save_territory(app, ui, t->id, {}, {}, st.drag_shape, {}, t->zip_codes, "Move a vertex of \"" + t->name + "\"");
            st.drag_vertex = -1;
        }
        return true;
    }
    if (!hovered) return false;
    // Find the vertex or edge midpoint under the pointer.
    for (std::size_t pi = 0; pi < t->polygons.size(); ++pi)
        for (std::size_t ri = 0; ri < t->polygons[pi].size(); ++ri) {
            const core::Ring& ring = t->polygons[pi][ri];
            for (std::size_t vi = 0; vi < ring.size(); ++vi) {
                const ImVec2 s = cam.to_screen(core::project(ring[vi]));
                if (dist2(mouse, s) < grab * grab) {
                    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                    const bool remove = (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && io.KeyAlt) ||
                                        ImGui::IsMouseClicked(ImGuiMouseButton_Right);
                    if (remove) {
                        if (ring.size() <= 3) {
                            app.notify(app::Notice::Kind::Info, "A ring needs three points",
                                       "Delete the territory instead, from the list on the right.");
                        } else {
                            auto shape = t->polygons;
                            shape[pi][ri].erase(shape[pi][ri].begin() + static_cast<std::ptrdiff_t>(vi));
                            save_territory(app, ui, t->id, {}, {}, std::move(shape), {}, t->zip_codes,
                                           "Delete a vertex of \"" + t->name + "\"");
                        }
                        return true;
                    }
                    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
                        st.drag_shape = t->polygons;
                        st.drag_poly = static_cast<int>(pi);
                        st.drag_ring = static_cast<int>(ri);
                        st.drag_vertex = static_cast<int>(vi);
                    }
                    ImGui::SetTooltip("Drag to move \xC2\xB7 Alt-click or right-click to delete");
                    return true;
                }
                const core::LatLon& next = ring[(vi + 1) % ring.size()];
                const ImVec2 e = cam.to_screen(core::project(next));
                const ImVec2 mid((s.x + e.x) / 2, (s.y + e.y) / 2);
                if (dist2(mouse, mid) < grab * grab) {
                    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                    ImGui::SetTooltip("Click or drag to add a vertex here");
                    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
                        st.drag_shape = t->polygons;
                        auto& r = st.drag_shape[pi][ri];
                        r.insert(r.begin() + static_cast<std::ptrdiff_t>(vi) + 1, core::unproject(cam.to_world(mid)));
                        st.drag_poly = static_cast<int>(pi);
                        st.drag_ring = static_cast<int>(ri);
                        st.drag_vertex = static_cast<int>(vi) + 1;
                    }
                    return true;
                }
            }
        }
    return false;
}

void draw_territory_tool(app::App& app, UiState& ui, ImDrawList* dl, const Camera& cam) {
    MapViewState& st = ui.map;
    const Palette& p = palette();
    const float dpr = ui.dpr;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (st.tool == MapTool::Draw && !st.draft.empty()) {
        std::vector<ImVec2> pts;
        for (const core::LatLon& ll : st.draft) pts.push_back(cam.to_screen(core::project(ll)));
        if (cam.contains(mouse)) pts.push_back(mouse);
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), p.accent, 0, 2.5f * dpr);
        for (std::size_t i = 0; i < st.draft.size(); ++i) {
            const ImVec2 s = cam.to_screen(core::project(st.draft[i]));
            dl->AddCircleFilled(s, 5 * dpr, p.surface);
            dl->AddCircle(s, 5 * dpr, p.accent, 0, 2 * dpr);
        }
    }
    if (st.tool == MapTool::Counties && st.data && st.data->basemap) {
        const core::Basemap& map = *st.data->basemap;
        for (const std::string& fips : st.county_pick) {
            for (std::size_t i = 0; i < map.counties.size(); ++i)
                if (map.counties[i].id == fips) {
                    fill_triangles(dl, cam, county_mesh(map, static_cast<int>(i)), with_alpha(p.accent, 0.35f));
                    outline(dl, cam, map.shapes_of(map.counties[i]), p.accent, 1.5f * dpr);
                }
        }
        if (cam.contains(mouse) && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows)) {
            const int c = map.county_at(cam.to_world(mouse));
            if (c >= 0) {
                const core::BasemapShape& county = map.counties[static_cast<std::size_t>(c)];
                fill_triangles(dl, cam, county_mesh(map, c), with_alpha(p.accent, 0.15f));
                outline(dl, cam, map.shapes_of(county), with_alpha(p.accent, 0.9f), 2 * dpr);
                const core::BasemapShape* state = map.state(county.id.substr(0, 2));
                const bool picked = std::find(st.county_pick.begin(), st.county_pick.end(), county.id) != st.county_pick.end();
                ImGui::SetTooltip("%s County, %s\n%s", county.name.c_str(), state ? state->name.c_str() : "",
                                  picked ? "Click to remove it" : "Click to add it to the territory");
            }
        }
    }
    if (const core::Territory* t = edited(app, ui)) {
        const auto& shape = st.drag_vertex >= 0 ? st.drag_shape : t->polygons;
        const ImU32 col = hex_colour(t->color, 255);
        for (const auto& poly : shape)
            for (const auto& ring : poly)
                for (std::size_t i = 0; i < ring.size(); ++i) {
                    const ImVec2 s = cam.to_screen(core::project(ring[i]));
                    const ImVec2 e = cam.to_screen(core::project(ring[(i + 1) % ring.size()]));
                    const ImVec2 mid((s.x + e.x) / 2, (s.y + e.y) / 2);
                    dl->AddCircleFilled(mid, 3.5f * dpr, with_alpha(p.surface, 0.9f));
                    dl->AddCircle(mid, 3.5f * dpr, col, 0, 1.2f * dpr);
                    dl->AddRectFilled(ImVec2(s.x - 5 * dpr, s.y - 5 * dpr), ImVec2(s.x + 5 * dpr, s.y + 5 * dpr), p.surface);
                    dl->AddRect(ImVec2(s.x - 5 * dpr, s.y - 5 * dpr), ImVec2(s.x + 5 * dpr, s.y + 5 * dpr), col, 0, 0, 2 * dpr);
                }
    }
}

// --- dialogs --------------------------------------------------------------------------------------

namespace {

std::string colour_hex(const float c[3]) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", static_cast<int>(c[0] * 255 + 0.5f),
                  static_cast<int>(c[1] * 255 + 0.5f), static_cast<int>(c[2] * 255 + 0.5f));
    return buf;
}

void name_and_colour(UiState& ui) {
    ImGui::SetNextItemWidth(280 * ui.dpr);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##name", "Territory name", ui.map.name_buf, sizeof ui.map.name_buf);
    ImGui::SameLine();
    ImGui::ColorEdit3("##colour", ui.map.colour, ImGuiColorEditFlags_NoInputs);
    tooltip_on_hover("Territory colour");
}

} // namespace

void territory_popups(app::App& app, UiState& ui) {
    MapViewState& st = ui.map;
    static std::string error;
    auto open = [&](bool& flag, const char* id) {
        if (!flag) return;
        flag = false;
        error.clear();
        const std::string c = next_territory_colour(app.plan());
        const unsigned v = static_cast<unsigned>(std::strtoul(c.c_str() + 1, nullptr, 16));
        st.colour[0] = static_cast<float>((v >> 16) & 0xFF) / 255.0f;
        st.colour[1] = static_cast<float>((v >> 8) & 0xFF) / 255.0f;
        st.colour[2] = static_cast<float>(v & 0xFF) / 255.0f;
        if (std::strcmp(id, "Assign accounts to territories") != 0)
            std::snprintf(st.name_buf, sizeof st.name_buf, "Territory %zu", app.plan().territories.size() + 1);
        ImGui::OpenPopup(id);
    };
    open(st.name_popup, "New territory");
    open(st.zip_popup, "Territory from ZIP codes");
    open(st.assign_popup, "Assign accounts to territories");
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();

    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("New territory", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        const bool counties = st.tool == MapTool::Counties;
        text_muted(counties ? "The outline of " + core::format_count(static_cast<long long>(st.county_pick.size())) +
                                  " counties, merged."
                            : "The outline you drew, " + std::to_string(st.draft.size()) + " points.");
        name_and_colour(ui);
        if (!error.empty()) ImGui::TextColored(to_vec4(palette().danger), "%s", error.c_str());
        // Not the Enter that finished the outline and opened this dialog.
        const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter, false) && !ImGui::IsWindowAppearing();
        if (primary_button(ICON_CHECK "  Create") || enter) {
            if (counties) {
                if (!territory_from_counties(app, ui, st.county_pick, st.name_buf, colour_hex(st.colour), st.county_target, error).empty()) {
                    st.county_pick.clear();
                    st.county_target.clear();
                    st.tool = MapTool::Select;
                    ImGui::CloseCurrentPopup();
                }
            } else {
                core::Polygon poly{core::Ring(st.draft.begin(), st.draft.end())};
                save_territory(app, ui, {}, st.name_buf, colour_hex(st.colour), {poly}, {}, {},
                               std::string("Draw territory \"") + st.name_buf + "\"");
                st.draft.clear();
                st.tool = MapTool::Select;
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Territory from ZIP codes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        text_muted("Paste ZIP codes (commas, spaces or one per line). The territory covers the area\n"
                   "nearest each ZIP code's centre.");
        name_and_colour(ui);
        ImGui::InputTextMultiline("##zips", st.zip_buf, sizeof st.zip_buf, ImVec2(420 * ui.dpr, 140 * ui.dpr));
        if (!error.empty()) ImGui::TextColored(to_vec4(palette().danger), "%s", error.c_str());
        if (primary_button(ICON_CHECK "  Create")) {
            if (!territory_from_zips(app, ui, st.zip_buf, st.name_buf, colour_hex(st.colour), error).empty()) {
                st.zip_buf[0] = 0;
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Assign accounts to territories", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        // Counts only (no copies of accounts), once per plan revision.
        static core::Assignment preview;
        static std::uint64_t preview_rev = ~0ull;
        if (preview_rev != app.doc().revision()) {
            core::AssignmentJob counting(app.plan(), false);
            counting.step(app.plan().accounts.size());
            preview = counting.take();
            preview_rev = app.doc().revision();
        }
        ImGui::TextUnformatted("Each located account goes to the territory its location falls in.");
        ImGui::BulletText("%s move into a territory", core::format_count(preview.moved).c_str());
        ImGui::BulletText("%s are outside every territory and lose theirs", core::format_count(preview.cleared).c_str());
        ImGui::BulletText("%s stay where they are", core::format_count(preview.unchanged).c_str());
        if (preview.without_location)
            ImGui::BulletText("%s have no location and keep theirs", core::format_count(preview.without_location).c_str());
        text_muted("One step: Undo (Ctrl+Z) restores the previous assignment.");
        if (primary_button(ICON_CHECK "  Assign")) {
            start_assign_territories(app, ui);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

} // namespace footprint::ui
