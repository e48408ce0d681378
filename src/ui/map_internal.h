// Pieces the Map view's files share: the camera, the per-plan marker model (projected positions,
// attributes, spatial index, clusters), sprites in the font atlas, and each layer's draw function.
#pragma once

#include "core/clustering.h"
#include "core/geometry.h"
#include "core/map_assets.h"
#include "core/model.h"
#include "core/spatial_index.h"
#include "ui/ui.h"

#include <imgui.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

// Fork Awesome glyphs the map uses beyond ui/icons.h.
#define ICON_MOUSE_POINTER "\xef\x89\x85" // U+F245
#define ICON_LASSO "\xef\x89\x87"         // U+F247 object-group
#define ICON_MINUS "\xef\x81\xa8"         // U+F068

namespace footprint::ui {

// The offline map data, read once at startup by the platform (ui.map.data).
struct MapData {
    std::optional<core::Basemap> basemap;
    std::optional<core::PlaceTable> places;
    std::optional<core::ZipTable> zips;
    std::string error; // what could not be read, for the map's notice
    double load_ms = 0;
};

// World units <-> screen pixels for this frame's canvas.
struct Camera {
    ImVec2 origin, size;  // canvas, screen pixels
    double cx = 0.5, cy = 0.5;
    double zoom = 12, scale = 4096; // scale = 2^zoom pixels per world unit
    ImVec2 to_screen(core::Vec2 w) const {
        return ImVec2(static_cast<float>(origin.x + size.x * 0.5 + (w.x - cx) * scale),
                      static_cast<float>(origin.y + size.y * 0.5 + (w.y - cy) * scale));
    }
    core::Vec2 to_world(ImVec2 s) const {
        return {cx + (s.x - origin.x - size.x * 0.5) / scale, cy + (s.y - origin.y - size.y * 0.5) / scale};
    }
    // The world rectangle on screen, grown by `margin_px` on every side.
    core::Box visible(double margin_px = 0) const;
    bool contains(ImVec2 s, float margin = 0) const {
        return s.x >= origin.x - margin && s.y >= origin.y - margin && s.x <= origin.x + size.x + margin &&
               s.y <= origin.y + size.y + margin;
    }
};
Camera make_camera(const MapViewState& st, ImVec2 origin, ImVec2 size);

// Marker flags.
enum : std::uint8_t {
    kDue90 = 1,        // a contract ends within 90 days
    kWinbackOpen = 2,  // a former client's win-back window is open
    kApproximate = 4,  // placed at a ZIP centroid
    kShown = 8,        // passes the active filter layer (win-back or whitespace)
};

// Everything the markers need, rebuilt when the plan, the day or the filter changes.
struct MapModel {
    const void* plan = nullptr;
    std::uint64_t revision = ~0ull;
    std::int32_t today = 0;
    std::string filter_key;
    // Per located account (parallel arrays).
    std::vector<std::uint32_t> account;   // index into plan.accounts
    std::vector<core::Vec2> world;
    std::vector<std::uint8_t> status;     // AccountStatus
    std::vector<std::uint8_t> flags;
    std::vector<float> radius;            // marker radius at DPR 1, from monthly revenue
    std::vector<core::Cents> expiring;    // MRC ending within the heat window
    std::vector<int> due_days;            // days to the next contract end (for the badge colour)
    // Located accounts that pass the filter: what is drawn, picked and clustered.
    std::vector<std::uint32_t> shown;     // indices into the arrays above
    core::SpatialIndex index;             // over shown, ids are positions in `shown`
    core::ClusterTree clusters;           // over shown
    std::map<int, std::vector<core::Cluster>> levels;
    std::map<int, std::vector<core::Cents>> level_heat; // expiring MRC per cluster, per level
    // Selection, as a flag per located account, refreshed when ui.selection changes.
    std::vector<std::uint8_t> selected;
    std::string selection_key;
    std::map<int, std::vector<std::uint32_t>> level_selected; // selected members per cluster
    int without_location = 0;
    int approximate = 0;
    int winback_targets = 0;
    int whitespace = 0;
    const std::vector<core::Cluster>& clusters_at(int level);
    const std::vector<core::Cents>& heat_at(int level);
};
MapModel& map_model(const app::App& app, UiState& ui);

// The zoom up to which markers merge into clusters, and the cluster grid level for a zoom.
inline constexpr double kClusterMaxZoom = 23.5;
int cluster_level(double zoom);

// Sprites rendered into the font atlas, drawn as textured quads (one per marker).
enum class Sprite { Disc, Ring, Blob, Halo }; // Halo: a thin ring, for selection
void add_map_sprites(ImFontAtlas& atlas);   // before the atlas is built
void paint_map_sprites(ImFontAtlas& atlas); // after: fills the pixels
// Queues `count` sprites; call sprite() that many times after it.
void reserve_sprites(ImDrawList* dl, int count);
void sprite(ImDrawList* dl, Sprite s, ImVec2 center, float radius, ImU32 colour);

// Layers, in drawing order.
void draw_basemap(const app::App& app, UiState& ui, ImDrawList* dl, const Camera& cam);
void draw_place_labels(UiState& ui, ImDrawList* dl, const Camera& cam, MapModel& m);
void draw_territories(const app::App& app, UiState& ui, ImDrawList* dl, const Camera& cam);
void draw_heat(const app::App& app, UiState& ui, ImDrawList* dl, const Camera& cam, MapModel& m);
void draw_route(const app::App& app, UiState& ui, ImDrawList* dl, const Camera& cam);
void draw_markers(const app::App& app, UiState& ui, ImDrawList* dl, const Camera& cam, MapModel& m);
void draw_selection(UiState& ui, ImDrawList* dl, const Camera& cam, MapModel& m, const app::App& app);
void draw_legend(const app::App& app, UiState& ui, ImDrawList* dl, const Camera& cam, MapModel& m);

// What is under the pointer: an account (index into plan.accounts) or a cluster.
struct MapHit {
    int account = -1;
    const core::Cluster* cluster = nullptr;
};
MapHit hit_test(const app::App& app, UiState& ui, const Camera& cam, MapModel& m, ImVec2 at);
void account_tooltip(const app::App& app, UiState& ui, const core::Account& a);
// Accounts (ids) whose markers lie in the world box / inside the lasso (world units).
std::vector<std::string> accounts_in_box(const app::App& app, MapModel& m, const core::Box& box);
std::vector<std::string> accounts_in_lasso(const app::App& app, MapModel& m, const core::Path& lasso);

// Territory tools: drawing, vertex editing, counties; returns true when it used the pointer.
bool territory_tool_input(app::App& app, UiState& ui, const Camera& cam, bool hovered);
void draw_territory_tool(app::App& app, UiState& ui, ImDrawList* dl, const Camera& cam);
void territory_popups(app::App& app, UiState& ui);

// Side panel: territories, accounts to place, the focused account.
void draw_map_side_panel(app::App& app, UiState& ui, float width);

// Camera moves (animated).
void fly_to(MapViewState& st, const core::Box& world, ImVec2 canvas, float padding_px);
void fit_accounts(const app::App& app, UiState& ui);
core::Box territory_bounds(const core::Territory& t);

// Colour of "#RRGGBB" with an alpha (0..255); the accent blue when unparsable.
ImU32 hex_colour(const std::string& hex, int alpha);

} // namespace footprint::ui
