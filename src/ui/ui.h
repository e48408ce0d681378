// The UI's own state (views, selection, filters) and the entry point that draws one frame.
#pragma once

#include "app/app.h"
#include "core/geometry.h"

#include <functional>
#include <memory>
#include <set>
#include <string>

struct ImFont;

namespace footprint::core {
class AssignmentJob; // core/territory.h
}

namespace footprint::ui {

enum class View { Map, Accounts, Pipeline, Forecast, Week, Reports, Count };
const char* view_title(View v);

struct Fonts {
    ImFont* body = nullptr;    // Inter 15 px with icons merged
    ImFont* bold = nullptr;    // Inter SemiBold 15 px with icons
    ImFont* heading = nullptr; // Inter SemiBold 20 px
    ImFont* big = nullptr;     // Inter SemiBold 28 px for headline numbers
};

// What the UI asks of the platform; the web build fills these in (src/platform).
struct PlatformHooks {
    // Opens the browser's file picker. `purpose` says what the chosen file is for (kFilePlan,
    // or a view's own purpose); the file comes back through deliver_file() in ui/files.h.
    // `accept` is the picker's filter (".json,.footprint.json").
    std::function<void(const std::string& purpose, const std::string& accept)> open_file_picker;
    std::function<void(const std::string& name, const std::string& mime, const std::string& data)>
        download;
};

struct AccountsViewState {
    char search[128] = {};
    int status_filter = -1; // -1 all, else AccountStatus
    int sort_column = 0;
    bool sort_ascending = true;
    std::uint64_t sorted_revision = ~0ull;
    std::vector<std::size_t> rows; // indices into plan.accounts, filtered and sorted
    std::string rows_key;          // filter + sort the rows were built for
};

struct MapData;
struct MapModel;
enum class MapTool { Select, Lasso, Draw, Counties, Place };

struct MapViewState {
    // Camera: centre in Web Mercator world units (0..1), zoom = log2(device pixels per unit).
    double center_x = 0.27, center_y = 0.38;
    double zoom = 12;
    // Where the camera is heading (wheel, keys and "zoom to" animate towards it).
    double target_x = 0.27, target_y = 0.38, target_zoom = 12;
    bool anchored = false;           // zooming about a point that stays under the pointer
    double anchor_wx = 0, anchor_wy = 0;
    float anchor_sx = 0, anchor_sy = 0; // its offset from the canvas centre, pixels
    float canvas_x = 0, canvas_y = 0, canvas_w = 0, canvas_h = 0; // device pixels
    bool fitted = false;
    std::uint64_t fitted_generation = ~0ull;

    // Layers.
    bool show_territories = true, show_labels = true, show_route = true, show_heat = false;
    int filter = 0;                   // 0 all accounts, 1 win-back targets, 2 whitespace
    int heat_days = 90;
    std::string whitespace_family = "voice";

    // Tools and territory editing.
    MapTool tool = MapTool::Select;
    std::string selected_territory;   // highlighted in the side panel and on the map
    std::string edit_territory;       // whose vertices show handles
    std::vector<core::LatLon> draft;  // Draw tool: the outline so far
    std::vector<std::string> county_pick; // Counties tool: FIPS codes
    std::string county_target;        // the territory those counties rebuild ("" = a new one)
    std::string place_account;        // Place tool: the account the next click places

    // Pointer gestures in progress.
    bool boxing = false, lassoing = false, panning = false;
    float box_x0 = 0, box_y0 = 0;
    std::vector<core::Vec2> lasso;    // world units
    int drag_poly = -1, drag_ring = -1, drag_vertex = -1;
    std::vector<core::Polygon> drag_shape; // the territory's shape while a vertex is dragged

    bool side_panel = true;
    int side_tab = 0; // 0 territories, 1 accounts to place

    // Dialogs.
    bool name_popup = false, zip_popup = false, assign_popup = false;
    char name_buf[96] = {};
    char zip_buf[4096] = {};
    float colour[3] = {0.0f, 0.447f, 0.698f};

    std::shared_ptr<core::AssignmentJob> assign_job; // "Assign by location" running in slices
    std::uint64_t assign_revision = 0;    // the plan revision it started on

    std::shared_ptr<const MapData> data;  // basemap, places, ZIP centroids (set by the platform)
    std::shared_ptr<MapModel> model;      // marker cache (ui/map_model.cpp)
    std::string last_import_error;        // for tests: why the last shape file was refused
};

struct UiState {
    View view = View::Accounts;
    bool dark = false;
    float dpr = 1.0f;
    Fonts fonts;
    PlatformHooks hooks;
    std::set<std::string> selection; // selected account ids, shared by every view
    std::string focused_account;     // the account whose page is open
    AccountsViewState accounts;
    MapViewState map;
    bool show_settings = false;
    bool show_shortcuts = false;
    bool rename_open = false;
    char rename_buf[128] = {};
    bool prefs_dirty = false; // view/theme changed: the platform stores preferences
    bool animating = false;   // a view is moving or working in slices: draw the next frame too
    // Offline and storage banners (ui/banners.cpp).
    bool update_requested = false; // "Reload" for a new version: the platform saves, then reloads
    bool update_later = false;     // "Later": the banner stays hidden for this session
    bool storage_banner_dismissed = false;
};

// Draws the whole window for this frame. Edits go through `app`; nothing else changes the plan.
void draw_frame(app::App& app, UiState& ui);

} // namespace footprint::ui
