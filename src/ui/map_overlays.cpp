// Overlay layers: renewal heat (monthly revenue expiring soon), today's route, and the legend
// with the scale bar and the data attribution.
#include "core/format.h"
#include "core/geo.h"
#include "core/map_layers.h"
#include "ui/icons.h"
#include "ui/map_internal.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <algorithm>
#include <cmath>

namespace footprint::ui {

void draw_heat(const app::App& /*app*/, UiState& ui, ImDrawList* dl, const Camera& cam, MapModel& m) {
    if (!ui.map.show_heat) return;
    const Palette& p = palette();
    const core::Box view = cam.visible(80 * ui.dpr);
    // Blob radius grows with the square root of the money, so area is proportional to it.
    auto radius = [&](core::Cents c) {
        return static_cast<float>(std::clamp(std::sqrt(static_cast<double>(c) / 100.0) * 0.9, 10.0, 90.0)) * ui.dpr;
    };
    const ImU32 hot = with_alpha(p.due_30, 0.30f), warm = with_alpha(p.due_90, 0.26f);
    if (cam.zoom < kClusterMaxZoom) {
        const int level = cluster_level(cam.zoom);
        const auto& cs = m.clusters_at(level);
        const auto& heat = m.heat_at(level);
        int n = 0;
        for (std::size_t i = 0; i < cs.size(); ++i) n += heat[i] > 0 && view.contains(cs[i].center);
        reserve_sprites(dl, n);
        for (std::size_t i = 0; i < cs.size(); ++i)
            if (heat[i] > 0 && view.contains(cs[i].center))
                sprite(dl, Sprite::Blob, cam.to_screen(cs[i].center), radius(heat[i]) * 1.4f,
                       heat[i] > 500000 ? hot : warm);
        return;
    }
    std::vector<std::uint32_t> hits;
    m.index.search(view, [&](std::uint32_t id) {
        if (m.expiring[m.shown[id]] > 0) hits.push_back(m.shown[id]);
        return true;
    });
    reserve_sprites(dl, static_cast<int>(hits.size()));
    for (std::uint32_t k : hits)
        sprite(dl, Sprite::Blob, cam.to_screen(m.world[k]), radius(m.expiring[k]) * 1.6f,
               m.due_days[k] <= 30 ? hot : warm);
}

void draw_route(const app::App& app, UiState& ui, ImDrawList* dl, const Camera& cam) {
    if (!ui.map.show_route || cam.zoom < 15.5) return; // a few pixels long at country scale
    // One pass over the plan, so only when the plan or the day changes.
    static CacheKey key;
    static core::DayRoute r;
    if (key.refresh(app)) r = core::planned_day_route(app.plan(), app.clock().today());
    if (r.stops.empty()) return;
    const Palette& p = palette();
    std::vector<ImVec2> pts;
    if (r.home) pts.push_back(cam.to_screen(core::project(*r.home)));
    for (const core::RouteStop& s : r.stops) pts.push_back(cam.to_screen(core::project(s.at)));
    if (r.home) pts.push_back(pts.front());
    // Leg by leg: a polyline's joins fold over themselves where stops are close together.
    for (std::size_t i = 0; i + 1 < pts.size(); ++i)
        dl->AddLine(pts[i], pts[i + 1], with_alpha(p.surface, 0.9f), 6.0f * ui.dpr);
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) dl->AddLine(pts[i], pts[i + 1], p.accent, 3.0f * ui.dpr);
    ImFont* f = ui.fonts.bold;
    const float size = f->FontSize * 0.8f;
    for (std::size_t i = 0; i < r.stops.size(); ++i) {
        const ImVec2 s = cam.to_screen(core::project(r.stops[i].at));
        const float rad = 9.0f * ui.dpr;
        const ImVec2 at(s.x, s.y - 16 * ui.dpr);
        dl->AddCircleFilled(at, rad + 1.5f * ui.dpr, p.surface);
        dl->AddCircleFilled(at, rad, p.accent);
        const std::string n = std::to_string(i + 1);
        const ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, n.c_str());
        dl->AddText(f, size, ImVec2(std::floor(at.x - ts.x / 2), std::floor(at.y - ts.y / 2)), p.on_accent, n.c_str());
    }
    if (r.home) {
        const ImVec2 h = cam.to_screen(core::project(*r.home));
        const float s = 7.0f * ui.dpr;
        dl->AddRectFilled(ImVec2(h.x - s - 1.5f * ui.dpr, h.y - s - 1.5f * ui.dpr),
                          ImVec2(h.x + s + 1.5f * ui.dpr, h.y + s + 1.5f * ui.dpr), p.surface, 3 * ui.dpr);
        dl->AddRectFilled(ImVec2(h.x - s, h.y - s), ImVec2(h.x + s, h.y + s), p.text, 2 * ui.dpr);
    }
}

void draw_legend(const app::App& app, UiState& ui, ImDrawList* dl, const Camera& cam, MapModel& m) {
    const Palette& p = palette();
    const float dpr = ui.dpr, pad = 10 * dpr, line = ImGui::GetTextLineHeight() + 4 * dpr;
    struct Row {
        ImU32 colour;
        std::string text;
        int shape; // 0 disc, 1 ring, 2 small badge dot, 3 blob
    };
    std::vector<Row> rows = {{p.client, "Client", 0}, {p.former, "Former client", 0}, {p.prospect, "Prospect", 0}};
    rows.push_back({p.text_muted, "Approximate (ZIP centroid)", 1});
    rows.push_back({p.due_90, "Contract ends within 90 days", 2});
    rows.push_back({p.former, "Win-back window open", 2});
    if (ui.map.show_heat) rows.push_back({p.due_30, "MRC expiring in " + std::to_string(ui.map.heat_days) + " days", 3});
    std::string head = "Size: monthly revenue";
    if (ui.map.filter == 1) head = "Showing " + core::format_count(m.winback_targets) + " win-back targets";
    if (ui.map.filter == 2)
        head = "Showing " + core::format_count(m.whitespace) + " clients without " + ui.map.whitespace_family;
    float w = ImGui::CalcTextSize(head.c_str()).x;
    for (const Row& r : rows) w = std::max(w, ImGui::CalcTextSize(r.text.c_str()).x + 22 * dpr);
    w += pad * 2;
    const float h = pad * 2 + line * static_cast<float>(rows.size() + 1);
    const ImVec2 a(cam.origin.x + 12 * dpr, cam.origin.y + cam.size.y - h - 12 * dpr);
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), with_alpha(p.surface, 0.94f), 6 * dpr);
    dl->AddRect(a, ImVec2(a.x + w, a.y + h), p.border, 6 * dpr);
    float y = a.y + pad;
    dl->AddText(ImVec2(a.x + pad, y), ui.map.filter ? p.text : p.text_muted, head.c_str());
    y += line;
    for (const Row& r : rows) {
        const ImVec2 c(a.x + pad + 7 * dpr, y + line * 0.45f);
        reserve_sprites(dl, 2);
        if (r.shape == 3) {
            sprite(dl, Sprite::Blob, c, 9 * dpr, with_alpha(r.colour, 0.6f));
            sprite(dl, Sprite::Blob, c, 1, 0);
        } else {
            const float rad = r.shape == 2 ? 3.5f * dpr : 6 * dpr;
            sprite(dl, Sprite::Disc, c, rad + 1.2f * dpr, p.surface);
            sprite(dl, r.shape == 1 ? Sprite::Ring : Sprite::Disc, c, rad, r.colour);
        }
        dl->AddText(ImVec2(a.x + pad + 20 * dpr, y), p.text, r.text.c_str());
        y += line;
    }

    // Scale bar: a round distance about 100 px long at the canvas centre's latitude.
    const double lat = core::unproject({cam.cx, cam.cy}).lat;
    const double km_per_px = core::km_per_world_unit(lat) / cam.scale;
    const double miles_per_px = km_per_px / 1.609344;
    // Miles, or feet below a quarter mile, rounded to 1, 2 or 5 times a power of ten.
    const bool feet = 110 * dpr * miles_per_px < 0.25;
    const double unit_per_px = feet ? miles_per_px * 5280 : miles_per_px;
    const double target = 110 * dpr * unit_per_px;
    double nice = std::pow(10.0, std::floor(std::log10(target)));
    for (double f : {5.0, 2.0, 1.0})
        if (nice * f <= target) {
            nice *= f;
            break;
        }
    const float px = static_cast<float>(nice / unit_per_px);
    char label[32];
    std::snprintf(label, sizeof label, feet ? "%g ft" : "%g mi", nice);
    const ImVec2 ts = ImGui::CalcTextSize(label);
    const ImVec2 sb(cam.origin.x + cam.size.x - px - 16 * dpr, cam.origin.y + cam.size.y - 30 * dpr);
    dl->AddRectFilled(ImVec2(sb.x - 6 * dpr, sb.y - ts.y - 6 * dpr), ImVec2(sb.x + px + 6 * dpr, sb.y + 8 * dpr),
                      with_alpha(p.surface, 0.85f), 4 * dpr);
    dl->AddLine(ImVec2(sb.x, sb.y), ImVec2(sb.x + px, sb.y), p.text, 2 * dpr);
    dl->AddLine(ImVec2(sb.x, sb.y - 5 * dpr), ImVec2(sb.x, sb.y + 1), p.text, 2 * dpr);
    dl->AddLine(ImVec2(sb.x + px, sb.y - 5 * dpr), ImVec2(sb.x + px, sb.y + 1), p.text, 2 * dpr);
    dl->AddText(ImVec2(sb.x + (px - ts.x) / 2, sb.y - ts.y - 3 * dpr), p.text, label);

    // Attribution of the open data the basemap is built from.
    const char* credit = "Boundaries: US Census Bureau \xC2\xB7 Places: GeoNames (CC BY 4.0)";
    ImFont* f = ui.fonts.body;
    const float fs = f->FontSize * 0.78f;
    const ImVec2 cs = f->CalcTextSizeA(fs, FLT_MAX, 0, credit);
    dl->AddText(f, fs, ImVec2(cam.origin.x + cam.size.x - cs.x - 8 * dpr, cam.origin.y + cam.size.y - cs.y - 4 * dpr),
                with_alpha(p.text_muted, 0.9f), credit);
    (void)app;
}

} // namespace footprint::ui
