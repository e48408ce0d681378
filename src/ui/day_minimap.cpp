// A small map of the day's route: the start and end places, the numbered stops joined in route
// order (straight lines; the times use the road factor), visits not on the route as hollow rings,
// and a scale bar. The full map view draws the same route from core::day_route.
#include "core/format.h"
#include "core/travel.h"
#include "ui/theme.h"
#include "ui/view_common.h"
#include "ui/week_parts.h"

#include <algorithm>
#include <cmath>

namespace footprint::ui::week {

namespace {

struct Projection {
    double lon0 = 0, lat0 = 0, k = 1, cosl = 1;
    ImVec2 origin;
    ImVec2 at(core::LatLon p) const {
        return ImVec2(origin.x + static_cast<float>((p.lon - lon0) * cosl * k),
                      origin.y + static_cast<float>((lat0 - p.lat) * k));
    }
};

void home_marker(ImDrawList* dl, const UiState& ui, ImVec2 c, const char* icon) {
    const Palette& p = palette();
    const float s = 11 * ui.dpr;
    dl->AddRectFilled(ImVec2(c.x - s, c.y - s), ImVec2(c.x + s, c.y + s), p.text, 5 * ui.dpr);
    const ImVec2 is = ImGui::CalcTextSize(icon);
    dl->AddText(ImVec2(c.x - is.x * 0.5f, c.y - is.y * 0.5f), p.surface, icon);
}

} // namespace

void draw_minimap(app::App& app, UiState& ui, const core::DayRoute& r, float w, float h) {
    const Palette& p = palette();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, to_vec4(p.surface_alt));
    ImGui::BeginChild("##minimap", ImVec2(w, h), ImGuiChildFlags_Border,
                      ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float pad = 12 * ui.dpr, line = ImGui::GetTextLineHeight();
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(o.x + pad, o.y + pad), p.text,
                ICON_MAP_MARKER "  Route");
    const char* note = "Straight lines between stops";
    dl->AddText(ImVec2(o.x + pad, o.y + h - pad - line), p.text_muted, note);

    std::vector<core::LatLon> pts;
    if (r.start.point) pts.push_back(*r.start.point);
    if (r.end.point) pts.push_back(*r.end.point);
    for (const core::DayStop& s : r.stops)
        pts.push_back(*s.location);
    for (const core::DayStop& s : r.unrouted)
        if (s.location) pts.push_back(*s.location);
    const float top = o.y + pad * 2 + line, bottom = o.y + h - pad * 2 - line * 2;
    const float left = o.x + pad * 2, right = o.x + w - pad * 2;
    if (pts.empty() || bottom - top < 40 || right - left < 40) {
        const char* msg = "Visits with a location appear here.";
        const ImVec2 ms = ImGui::CalcTextSize(msg);
        dl->AddText(ImVec2(o.x + (w - ms.x) * 0.5f, o.y + h * 0.5f), p.text_muted, msg);
        ImGui::EndChild();
        return;
    }
    double lat_min = 90, lat_max = -90, lon_min = 180, lon_max = -180;
    for (const core::LatLon& q : pts) {
        lat_min = std::min(lat_min, q.lat);
        lat_max = std::max(lat_max, q.lat);
        lon_min = std::min(lon_min, q.lon);
        lon_max = std::max(lon_max, q.lon);
    }
    // At least about 6 km across, so one place (or a few close together) sits in the middle.
    constexpr double kMinSpan = 0.055;
    if (lat_max - lat_min < kMinSpan) {
        const double mid = (lat_min + lat_max) * 0.5;
        lat_min = mid - kMinSpan * 0.5;
        lat_max = mid + kMinSpan * 0.5;
    }
    if (lon_max - lon_min < kMinSpan) {
        const double mid = (lon_min + lon_max) * 0.5;
        lon_min = mid - kMinSpan * 0.5;
        lon_max = mid + kMinSpan * 0.5;
    }
    Projection pr;
    pr.cosl = std::cos((lat_min + lat_max) * 0.5 * 3.14159265358979 / 180.0);
    const double span_x = std::max(1e-4, (lon_max - lon_min) * pr.cosl),
                 span_y = std::max(1e-4, lat_max - lat_min);
    pr.k = std::min((right - left) / span_x, (bottom - top) / span_y);
    pr.lon0 = lon_min;
    pr.lat0 = lat_max;
    const float used_w = static_cast<float>(span_x * pr.k),
                used_h = static_cast<float>(span_y * pr.k);
    pr.origin = ImVec2(left + (right - left - used_w) * 0.5f, top + (bottom - top - used_h) * 0.5f);

    // A faint grid every tenth of the shown span.
    for (int i = 0; i <= 10; ++i) {
        const float gx = left + (right - left) * static_cast<float>(i) / 10.0f;
        const float gy = top + (bottom - top) * static_cast<float>(i) / 10.0f;
        dl->AddLine(ImVec2(gx, top), ImVec2(gx, bottom), with_alpha(p.grid, 0.6f));
        dl->AddLine(ImVec2(left, gy), ImVec2(right, gy), with_alpha(p.grid, 0.6f));
    }
    // The route.
    std::vector<ImVec2> path;
    if (r.start.point) path.push_back(pr.at(*r.start.point));
    for (const core::DayStop& s : r.stops)
        path.push_back(pr.at(*s.location));
    if (r.end.point && !r.stops.empty()) path.push_back(pr.at(*r.end.point));
    if (path.size() >= 2)
        dl->AddPolyline(path.data(), static_cast<int>(path.size()), with_alpha(p.accent, 0.85f), 0,
                        2.5f * ui.dpr);
    // Not on the route: hollow rings.
    for (const core::DayStop& s : r.unrouted) {
        if (!s.location) continue;
        const ImVec2 c = pr.at(*s.location);
        dl->AddCircle(c, 8 * ui.dpr, p.text_muted, 0, 2 * ui.dpr);
    }
    if (r.start.point) home_marker(dl, ui, pr.at(*r.start.point), ICON_HOME);
    if (r.end.point && (!r.start.point || std::fabs(r.end.point->lat - r.start.point->lat) +
                                                  std::fabs(r.end.point->lon - r.start.point->lon) >
                                              1e-6))
        home_marker(dl, ui, pr.at(*r.end.point), ICON_FLAG_CHECKERED);
    // The stops, numbered; hover for the name and time.
    const ImVec2 mouse = ImGui::GetMousePos();
    const bool inside = ImGui::IsWindowHovered();
    const core::DayStop* hover = nullptr;
    for (const core::DayStop& s : r.stops) {
        const ImVec2 c = pr.at(*s.location);
        const float rad = 11 * ui.dpr;
        const bool focused = ui.week.focus_stop == s.visit->id;
        if (focused) dl->AddCircleFilled(c, rad + 4 * ui.dpr, with_alpha(p.accent, 0.35f));
        number_badge(dl, c, rad, s.number,
                     s.account ? status_colour(s.account->status) : p.text_muted, p.on_accent);
        if (s.blocking()) dl->AddCircle(c, rad + 1.5f * ui.dpr, p.danger, 0, 2 * ui.dpr);
        if (inside && std::hypot(mouse.x - c.x, mouse.y - c.y) <= rad + 2 * ui.dpr) hover = &s;
    }
    if (hover) {
        ImGui::SetTooltip("%d. %s\n%s%s%s", hover->number, stop_name(*hover).c_str(),
                          time_range(hover->start, hover->end).c_str(),
                          hover->issue_text.empty() ? "" : "\n", hover->issue_text.c_str());
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            ui.week.focus_stop = hover->visit->id;
            if (hover->account) ui.selection = {hover->account->id};
        }
    }
    // A scale bar of a round number of miles, about 80 px long.
    const double km_per_px = 111.19508 / pr.k; // degrees of latitude per pixel, in km
    const double target_mi = 80 * ui.dpr * km_per_px / core::kKmPerMile;
    double mi = 0.1;
    for (double c : {0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0})
        if (c <= target_mi) mi = c;
    const float bar = static_cast<float>(mi * core::kKmPerMile / km_per_px);
    const float sy = o.y + h - pad - line * 0.5f, sx1 = o.x + w - pad;
    dl->AddLine(ImVec2(sx1 - bar, sy), ImVec2(sx1, sy), p.text_muted, 2 * ui.dpr);
    dl->AddLine(ImVec2(sx1 - bar, sy - 4 * ui.dpr), ImVec2(sx1 - bar, sy + 4 * ui.dpr),
                p.text_muted, 2 * ui.dpr);
    dl->AddLine(ImVec2(sx1, sy - 4 * ui.dpr), ImVec2(sx1, sy + 4 * ui.dpr), p.text_muted,
                2 * ui.dpr);
    char label[32];
    std::snprintf(label, sizeof label, mi < 1 ? "%.1f mi" : "%.0f mi", mi);
    const ImVec2 ls = ImGui::CalcTextSize(label);
    dl->AddText(ImVec2(sx1 - bar * 0.5f - ls.x * 0.5f, sy - ls.y - 3 * ui.dpr), p.text_muted,
                label);
    (void)app;
    ImGui::EndChild();
}

} // namespace footprint::ui::week
