// Account markers and clusters: culled with the spatial index, drawn as sprite quads in batches
// (colour by status, size by monthly revenue, badges for renewals and win-backs), plus picking,
// the hover tooltip and the box/lasso queries.
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

namespace {

std::string short_count(std::uint32_t n) {
    if (n < 1000) return std::to_string(n);
    char buf[16];
    if (n < 10000) std::snprintf(buf, sizeof buf, "%.1fK", n / 1000.0);
    else std::snprintf(buf, sizeof buf, "%uK", (n + 500) / 1000);
    return buf;
}

float cluster_radius(std::uint32_t count, float dpr) {
    return (9.0f + 4.2f * std::log10(static_cast<float>(count))) * dpr;
}

ImU32 status_col(std::uint8_t s) { return status_colour(static_cast<core::AccountStatus>(s)); }

} // namespace

void draw_markers(const app::App& app, UiState& ui, ImDrawList* dl, const Camera& cam, MapModel& m) {
    const Palette& p = palette();
    const float dpr = ui.dpr;
    const core::Box view = cam.visible(24 * dpr);
    const ImU32 edge = p.surface;

    if (cam.zoom < kClusterMaxZoom) {
        const auto& clusters = m.clusters_at(cluster_level(cam.zoom));
        std::vector<const core::Cluster*> multi;
        std::vector<std::uint32_t> singles;
        for (const core::Cluster& c : clusters) {
            if (!view.contains(c.center)) continue;
            if (c.count == 1) singles.push_back(m.shown[m.clusters.order()[c.first]]);
            else multi.push_back(&c);
        }
        // Clusters: a disc with a ring split by status, and the count.
        reserve_sprites(dl, static_cast<int>(multi.size()) * 2);
        for (const core::Cluster* c : multi) {
            const ImVec2 s = cam.to_screen(c->center);
            const float r = cluster_radius(c->count, dpr);
            sprite(dl, Sprite::Disc, s, r + 1.5f * dpr, edge);
            sprite(dl, Sprite::Disc, s, r - 2.5f * dpr, with_alpha(p.surface, 0.96f));
        }
        for (const core::Cluster* c : multi) {
            const ImVec2 s = cam.to_screen(c->center);
            const float r = cluster_radius(c->count, dpr);
            float a0 = -1.5707963f;
            for (int g = 0; g < 3; ++g) {
                if (!c->groups[g]) continue;
                const float a1 = a0 + 6.2831853f * static_cast<float>(c->groups[g]) / static_cast<float>(c->count);
                dl->PathArcTo(s, r - 1.5f * dpr, a0, a1, std::max(6, static_cast<int>((a1 - a0) * 8)));
                dl->PathStroke(status_col(static_cast<std::uint8_t>(g)), 0, 3.2f * dpr);
                a0 = a1;
            }
            const std::string label = short_count(c->count);
            ImFont* f = ui.fonts.bold;
            const float size = f->FontSize * (c->count >= 1000 ? 0.78f : 0.85f);
            const ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, label.c_str());
            dl->AddText(f, size, ImVec2(std::floor(s.x - ts.x / 2), std::floor(s.y - ts.y / 2)), p.text, label.c_str());
        }
        // Singles fall through to the marker pass below.
        std::vector<std::uint32_t>& list = singles;
        // Marker pass (shared with the close-up branch).
        reserve_sprites(dl, static_cast<int>(list.size()) * 2);
        for (std::uint32_t k : list) {
            const ImVec2 s = cam.to_screen(m.world[k]);
            const float r = m.radius[k] * dpr;
            sprite(dl, Sprite::Disc, s, r + 1.2f * dpr, edge);
            sprite(dl, (m.flags[k] & kApproximate) ? Sprite::Ring : Sprite::Disc, s, r, status_col(m.status[k]));
        }
        (void)app;
        return;
    }

    // Close up: every marker in view, one batch of quads, then badges and selection rings.
    std::vector<std::uint32_t> visible;
    m.index.search(view, [&](std::uint32_t id) {
        visible.push_back(m.shown[id]);
        return true;
    });
    // Bigger revenue underneath, so small markers stay visible on top of large ones.
    std::sort(visible.begin(), visible.end(), [&](std::uint32_t a, std::uint32_t b) { return m.radius[a] > m.radius[b]; });
    const bool many = visible.size() > 4000;
    reserve_sprites(dl, static_cast<int>(visible.size()) * 2);
    for (std::uint32_t k : visible) {
        const ImVec2 s = cam.to_screen(m.world[k]);
        const float r = m.radius[k] * dpr * (many ? 0.8f : 1.0f);
        sprite(dl, Sprite::Disc, s, r + 1.4f * dpr, edge);
        sprite(dl, (m.flags[k] & kApproximate) ? Sprite::Ring : Sprite::Disc, s, r, status_col(m.status[k]));
    }
    // Badges: a dot in the renewal colour (top right), a dot in the former-client colour with a
    // ring for an open win-back window (top left).
    int badges = 0;
    for (std::uint32_t k : visible) badges += ((m.flags[k] & kDue90) != 0) + ((m.flags[k] & kWinbackOpen) != 0);
    reserve_sprites(dl, badges * 2);
    for (std::uint32_t k : visible) {
        const ImVec2 s = cam.to_screen(m.world[k]);
        const float r = m.radius[k] * dpr, b = 3.2f * dpr;
        if (m.flags[k] & kDue90) {
            const ImVec2 at(s.x + r * 0.75f, s.y - r * 0.75f);
            sprite(dl, Sprite::Disc, at, b + 1.2f * dpr, edge);
            sprite(dl, Sprite::Disc, at, b, urgency_colour(m.due_days[k]));
        }
        if (m.flags[k] & kWinbackOpen) {
            const ImVec2 at(s.x - r * 0.75f, s.y - r * 0.75f);
            sprite(dl, Sprite::Disc, at, b + 1.2f * dpr, edge);
            sprite(dl, Sprite::Disc, at, b, p.former);
        }
    }
    (void)app;
}

void draw_selection(UiState& ui, ImDrawList* dl, const Camera& cam, MapModel& m, const app::App& app) {
    // Flags per marker, rebuilt only when the selection changes (a lasso can select 10,000).
    std::string key = std::to_string(ui.selection.size()) + "/" + std::to_string(m.revision) + "/" + m.filter_key;
    if (!ui.selection.empty()) key += "/" + *ui.selection.begin() + "/" + *ui.selection.rbegin();
    if (key != m.selection_key) {
        m.selection_key = key;
        m.selected.assign(m.account.size(), 0);
        m.level_selected.clear();
        std::vector<std::int32_t> slot(app.plan().accounts.size(), -1);
        for (std::size_t k = 0; k < m.account.size(); ++k) slot[m.account[k]] = static_cast<std::int32_t>(k);
        for (const std::string& id : ui.selection)
            if (auto i = app.doc().index().account(id); i && slot[*i] >= 0) m.selected[static_cast<std::size_t>(slot[*i])] = 1;
    }
    if (ui.selection.empty()) return;
    const Palette& p = palette();
    const core::Box view = cam.visible(24 * ui.dpr);
    const float dpr = ui.dpr;
    if (cam.zoom < kClusterMaxZoom) {
        const int level = cluster_level(cam.zoom);
        const auto& cs = m.clusters_at(level);
        auto it = m.level_selected.find(level);
        if (it == m.level_selected.end()) {
            std::vector<std::uint32_t> counts(cs.size(), 0);
            for (std::size_t c = 0; c < cs.size(); ++c)
                for (std::uint32_t k = cs[c].first; k < cs[c].first + cs[c].count; ++k)
                    counts[c] += m.selected[m.shown[m.clusters.order()[k]]];
            it = m.level_selected.emplace(level, std::move(counts)).first;
        }
        const auto& counts = it->second;
        ImFont* f = ui.fonts.bold;
        const float size = f->FontSize * 0.75f;
        for (std::size_t c = 0; c < cs.size(); ++c) {
            if (!counts[c] || !view.contains(cs[c].center)) continue;
            const ImVec2 s = cam.to_screen(cs[c].center);
            if (cs[c].count == 1) {
                const std::uint32_t k = m.shown[m.clusters.order()[cs[c].first]];
                reserve_sprites(dl, 2);
                sprite(dl, Sprite::Halo, s, m.radius[k] * dpr + 5.5f * dpr, p.surface);
                sprite(dl, Sprite::Halo, s, m.radius[k] * dpr + 4.5f * dpr, p.accent);
                continue;
            }
            // A cluster with selected accounts: an accent ring, and how many when not all.
            const float r = cluster_radius(cs[c].count, dpr) + 4.5f * dpr;
            reserve_sprites(dl, 2);
            sprite(dl, Sprite::Halo, s, r + 1.0f * dpr, p.surface);
            sprite(dl, Sprite::Halo, s, r, p.accent);
            if (counts[c] < cs[c].count) {
                const std::string n = short_count(counts[c]);
                const ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, n.c_str());
                const ImVec2 at(s.x + r * 0.7f, s.y - r * 0.7f - ts.y * 0.5f);
                const float pw = std::max(ts.x + 8 * dpr, ts.y + 2 * dpr);
                dl->AddRectFilled(ImVec2(at.x - pw / 2, at.y), ImVec2(at.x + pw / 2, at.y + ts.y + 2 * dpr), p.accent,
                                  (ts.y + 2 * dpr) / 2);
                dl->AddText(f, size, ImVec2(std::floor(at.x - ts.x / 2), std::floor(at.y + 1 * dpr)), p.on_accent, n.c_str());
            }
        }
        return;
    }
    std::vector<std::uint32_t> hits;
    m.index.search(view, [&](std::uint32_t id) {
        if (m.selected[m.shown[id]]) hits.push_back(m.shown[id]);
        return true;
    });
    reserve_sprites(dl, static_cast<int>(hits.size()) * 2);
    for (std::uint32_t k : hits) {
        const ImVec2 s = cam.to_screen(m.world[k]);
        sprite(dl, Sprite::Halo, s, m.radius[k] * dpr + 5.5f * dpr, p.surface);
        sprite(dl, Sprite::Halo, s, m.radius[k] * dpr + 4.5f * dpr, p.accent);
    }
}

MapHit hit_test(const app::App& app, UiState& ui, const Camera& cam, MapModel& m, ImVec2 at) {
    MapHit hit;
    const core::Vec2 w = cam.to_world(at);
    if (cam.zoom < kClusterMaxZoom) {
        const auto& clusters = m.clusters_at(cluster_level(cam.zoom));
        float best = 1e30f;
        for (const core::Cluster& c : clusters) {
            const ImVec2 s = cam.to_screen(c.center);
            const float r = c.count == 1 ? m.radius[m.shown[m.clusters.order()[c.first]]] * ui.dpr + 3 * ui.dpr
                                         : cluster_radius(c.count, ui.dpr);
            const float dx = s.x - at.x, dy = s.y - at.y, d2 = dx * dx + dy * dy;
            if (d2 <= r * r && d2 < best) {
                best = d2;
                hit.cluster = &c;
            }
        }
        if (hit.cluster && hit.cluster->count == 1) {
            hit.account = static_cast<int>(m.account[m.shown[m.clusters.order()[hit.cluster->first]]]);
            hit.cluster = nullptr;
        }
        return hit;
    }
    // Nearest marker within its radius plus a few pixels of slack.
    const double reach = (14.0 * ui.dpr) / cam.scale;
    auto near = m.index.nearest(w, reach, [&](std::uint32_t id) {
        const std::uint32_t k = m.shown[id];
        const double r = (m.radius[k] + 4.0) * ui.dpr / cam.scale;
        const double dx = m.world[k].x - w.x, dy = m.world[k].y - w.y;
        return dx * dx + dy * dy <= r * r;
    });
    if (near) hit.account = static_cast<int>(m.account[m.shown[*near]]);
    (void)app;
    return hit;
}

void account_tooltip(const app::App& app, UiState& ui, const core::Account& a) {
    const Palette& p = palette();
    const core::Date today = app.clock().today();
    ImGui::BeginTooltip();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(a.name.c_str());
    ImGui::PopFont();
    ImGui::TextColored(to_vec4(status_colour(a.status)), "%s %s", status_icon(a.status), status_label(a.status));
    const core::Cents mrc = core::account_mrc(a);
    ImGui::Text("%s", mrc ? core::format_mrc_rounded(mrc).c_str() : "No monthly revenue");
    if (auto end = core::next_contract_end(a)) {
        const int days = core::days_between(today, *end);
        const ImU32 c = urgency_colour(days);
        ImGui::TextColored(to_vec4(c ? c : p.text), "Contract ends %s (%s)", core::format_date(*end).c_str(),
                           core::format_relative_days(*end, today).c_str());
    }
    if (auto w = core::winback_window(a, app.plan().settings, today)) {
        const bool open = today >= w->opens && today <= w->closes;
        ImGui::TextColored(to_vec4(open ? p.former : p.text_muted), "%s Win-back window %s %s",
                           ICON_HISTORY, open ? "open, competitor term ends" : "opens",
                           core::format_date(open ? w->competitor_end : w->opens).c_str());
    }
    // Last activity: the newest one on or before today. One pass over the activities (200,000 in a
    // big plan), so only when the hovered account or the plan changes.
    static std::string last_for;
    static std::uint64_t last_revision = ~0ull;
    static std::int32_t last_day = 0;
    static const core::Activity* last = nullptr;
    if (last_for != a.id || last_revision != app.doc().revision() || last_day != today.days) {
        last_for = a.id;
        last_revision = app.doc().revision();
        last_day = today.days;
        last = nullptr;
        for (const core::Activity& act : app.plan().activities)
            if (act.account_id == a.id && act.date <= today && (!last || act.date > last->date)) last = &act;
    }
    if (last)
        ImGui::Text("Last activity: %s %s, %s", activity_icon(last->type), activity_label(last->type),
                    core::format_relative_days(last->date, today).c_str());
    else
        ImGui::TextColored(to_vec4(p.text_muted), "No activity logged yet");
    std::string where = a.address.city;
    if (!a.address.state.empty()) where += (where.empty() ? "" : ", ") + a.address.state;
    if (a.location_approximate) where += where.empty() ? "Approximate location (ZIP centroid)" : " \xE2\x80\x94 approximate (ZIP centroid)";
    if (!where.empty()) ImGui::TextColored(to_vec4(p.text_muted), "%s", where.c_str());
    ImGui::TextColored(to_vec4(p.text_muted), "Click to open \xC2\xB7 Shift-drag to select an area");
    ImGui::EndTooltip();
}

std::vector<std::string> accounts_in_box(const app::App& app, MapModel& m, const core::Box& box) {
    std::vector<std::string> out;
    m.index.search(box, [&](std::uint32_t id) {
        out.push_back(app.plan().accounts[m.account[m.shown[id]]].id);
        return true;
    });
    return out;
}

std::vector<std::string> accounts_in_lasso(const app::App& app, MapModel& m, const core::Path& lasso) {
    std::vector<std::string> out;
    if (lasso.size() < 3) return out;
    const core::PreparedArea area(core::MultiShape{core::Shape{lasso}});
    m.index.search(area.bounds(), [&](std::uint32_t id) {
        const std::uint32_t k = m.shown[id];
        if (area.contains(m.world[k])) out.push_back(app.plan().accounts[m.account[k]].id);
        return true;
    });
    return out;
}

} // namespace footprint::ui
