// The UI's own state (views, selection, filters) and the entry point that draws one frame.
#pragma once

#include "app/app.h"
#include "app/sharing.h"

#include <functional>
#include <set>
#include <string>

struct ImFont;

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
    // The same, allowing several files at once (each delivered on its own).
    std::function<void(const std::string& purpose, const std::string& accept)> open_files_picker;
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

// Sharing a plan file, merging one in, and the team roll-up (share_dialog.cpp, merge_window.cpp,
// rollup_window.cpp).
struct SharingState {
    bool share_open = false;
    int share_scope = 0; // 0 whole plan, 1 selected accounts, 2 a territory
    std::string share_territory;
    bool share_redact = false;
    app::MergeFlow merge;
    bool rollup_open = false;
    app::TeamRollup rollup;
    int rollup_months = 6;      // 3, 6 or 12
    int rollup_start = 0;       // months from this month (-12..12)
    double team_quota = 0;      // dollars a month; 0 = the sum of the reps' quotas
    std::string rollup_rep;     // drill-down: the rep whose deals are listed
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
    SharingState sharing;
    bool busy = false; // long work in progress this frame: the platform keeps drawing frames
};

// Draws the whole window for this frame. Edits go through `app`; nothing else changes the plan.
void draw_frame(app::App& app, UiState& ui);

} // namespace footprint::ui
