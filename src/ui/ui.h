// The UI's own state (views, selection, filters) and the entry point that draws one frame.
#pragma once

#include "app/app.h"

#include <array>
#include <functional>
#include <map>
#include <set>
#include <string>

struct ImFont;

namespace footprint::ui {

enum class View { Map, Accounts, Desks, Pipeline, Forecast, Week, Reports, Count };
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

struct MapViewState {
    double center_lat = 0, center_lon = 0;
    double zoom = 0; // pixels per degree of longitude at the equator, log2
    bool fitted = false;
    std::uint64_t fitted_generation = ~0ull;
};

// The Desks view (ui/panel_desks.cpp and ui/desk_*.cpp).
enum class DeskTab { Week, Renewals, Winbacks, Whitespace, Catalog, Count };
struct DesksViewState {
    DeskTab tab = DeskTab::Week;
    std::string territory;  // "" every territory, else a territory id (kNoTerritory: none set)
    char search[96] = {};
    int renewal_horizon = 2; // index into 30/60/90/180 days
    bool include_lapsed = true;
    int winback_filter = 0;  // window open, opening in 90 days, every former client
    int week_status = 0;     // every account, clients, former clients, prospects
    bool whitespace_only_open = true;
    int whitespace_lacking = -1; // a family index: clients that lack it; -1 any
    std::string anchor;      // the last account clicked in "This week" (Shift+click selects a range)
    bool open_weights = false;
    // Where the last frame drew the buttons a test clicks: key -> x, y, w, h in framebuffer
    // pixels ("create_renewal:ACCOUNT_ID", "tab:Renewals").
    std::map<std::string, std::array<float, 4>> located;
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
    DesksViewState desks;
    bool show_settings = false;
    bool show_shortcuts = false;
    bool rename_open = false;
    char rename_buf[128] = {};
    bool prefs_dirty = false; // view/theme changed: the platform stores preferences
    bool busy = false;        // a view is working across frames: the platform keeps drawing
};

// Draws the whole window for this frame. Edits go through `app`; nothing else changes the plan.
void draw_frame(app::App& app, UiState& ui);

} // namespace footprint::ui
