// The UI's own state (views, selection, filters) and the entry point that draws one frame.
#pragma once

#include "app/app.h"
#include "app/csv_import_job.h"
#include "app/route_actions.h"
#include "app/sharing.h"
#include "core/account_list.h"
#include "core/geometry.h"
#include "core/proposal.h"
#include "ui/pipeline_state.h"

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

struct ImFont;

namespace footprint::core {
class AssignmentJob; // core/territory.h
}

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
    // The same, allowing several files at once (each delivered on its own).
    std::function<void(const std::string& purpose, const std::string& accept)> open_files_picker;
    std::function<void(const std::string& name, const std::string& mime, const std::string& data)>
        download;
};

struct AccountsViewState {
    char search[128] = {};
    core::AccountFilter filter; // everything but the search text, which is typed into `search`
    core::AccountSort sort;
    core::AccountList list;     // the rows, kept in step with the plan (accounts_list.cpp)
    std::uint64_t list_revision = ~0ull;
    std::uint64_t list_generation = ~0ull;
    std::size_t list_size = 0;
    std::string anchor;         // where a Shift-click range starts (an account id)
    bool scroll_to_focus = false;
    int ending_days_custom = 45; // the "within N days" filter's own N
    char tag_buf[64] = {};       // bulk bar: tag to add or remove
    char owner_buf[96] = {};     // bulk bar: owner to set
    char new_tag[64] = {};       // account page: tag being added
    std::string editing_contact; // account page: the contact or service whose form is open
    std::string editing_service;
    bool timeline_all = false;
    bool sort_from_prefs = false; // a sort read from preferences, to show on the table's header
};

// The CSV import wizard (import_wizard.cpp): open while `job` is set.
struct ImportViewState {
    std::unique_ptr<app::CsvImportJob> job;
    bool columns_step = false; // the Mapping stage: false shows the file, true its columns
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

// Plan my week (panel_week.cpp and the week_*/day_* files): the board of five days or one day's
// route, the visit candidates, the optimisation running in slices, the week plan under review.
struct WeekViewState {
    enum class Mode { Week, Day };
    Mode mode = Mode::Week;
    int week_offset = 0;       // weeks from the current one
    core::Date day;            // the day shown in day mode
    bool day_chosen = false;   // else today (or Monday of a week that is not this one)
    int side_tab = 0;          // 0 visit suggestions, 1 to call
    std::string focus_stop;    // activity id highlighted in the timeline, list and map
    // Candidates for Plan my week, beside the suggested ones.
    std::vector<std::string> added;       // accounts the user added (the selection)
    std::set<std::string> excluded;       // suggested accounts the user took out
    std::map<std::string, int> pinned;    // account -> weekday 0..4
    bool move_planned = false;            // planned visits may move to another day
    int max_per_day = 6;                  // visits a day, at most (0: as many as fit)
    // Long work, stepped every frame (ui/week_actions.h).
    std::shared_ptr<app::RouteJob> job;
    double last_job_ms = 0; // compute time of the last job that finished
    // The week plan under review.
    std::shared_ptr<const core::WeekProposal> proposal;
    core::WeekPlanRequest proposal_request;
    std::uint64_t proposal_revision = 0;
    // The check-in dialog.
    std::string checkin_id;
    bool checkin_open = false;
    char outcome[256] = {};
    char notes[1024] = {};
    char next_step[256] = {};
    int next_due = 0; // 0 none, 1 tomorrow, 2 in a week, 3 in two weeks
    // The start/end place editor.
    bool places_open = false;
    int places_which = 0; // 0 the day's start, 1 its end, 2 the home base
    char place_label[128] = {};
    double place_lat = 0, place_lon = 0;
    char stop_search[128] = {};
    bool drive_events = false; // exports block driving time too
    // Where some controls were drawn in the last frame, in CSS pixels (x, y, w, h): the end-to-end
    // tests click and drag there like a user.
    std::map<std::string, std::array<float, 4>> rects;
};

// The "Log activity" popup (ui/activity_log.cpp): open while `open`; the draft being typed.
struct ActivityLogState {
    bool open = false;
    int focus_frames = 0; // frames left to put the cursor in the outcome field
    core::Activity draft;
    char subject[160] = {};
    char outcome[240] = {};
    char notes[2000] = {};
    char next_step[200] = {};
    char start[8] = {}; // "HH:MM" or empty
    std::vector<std::string> problems;
    std::string last_logged; // id of the activity logged last (tests, "Undo" hint)
    int task_horizon = 1;    // Reports view's tasks: 0 overdue, 1 next 7 days, 2 everything open
};

// The proposal editor (ui/proposal_editor.cpp): open while `open`. The draft lives here until it
// is sent (then it is in the plan as a Proposal activity and its opportunity).
struct ProposalEditorState {
    bool open = false;
    core::Proposal draft;
    std::vector<std::string> discount_text; // per line, as typed ("12.5")
    std::vector<std::string> otc_text;      // per line, dollars as typed
    std::string title, contact, note;
    std::vector<std::string> problems;
    std::string last_sent_activity; // for tests
    std::string last_sent_opportunity;
};

// The Reports view (ui/panel_reports.cpp, ui/reports_*.cpp).
struct ReportsViewState {
    int period_kind = 0; // 0 a week (Monday..Sunday), 1 a month
    int offset = 0;      // weeks or months back from the current one (0 this, -1 the last)
    int tab = 0;         // activity, renewals, win-backs, tasks
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
    ImportViewState import;
    MapViewState map;
    PipelineViewState pipeline;
    ForecastViewState forecast;
    DesksViewState desks;
    ActivityLogState log;
    ReportsViewState reports;
    ProposalEditorState proposal;
    bool show_settings = false;
    bool show_shortcuts = false;
    bool rename_open = false;
    char rename_buf[128] = {};
    bool prefs_dirty = false; // view/theme changed: the platform stores preferences
    WeekViewState week;
    SharingState sharing;
    bool animating = false;   // a view is moving or working in slices: draw the next frame too
    // Offline and storage banners (ui/banners.cpp).
    bool update_requested = false; // "Reload" for a new version: the platform saves, then reloads
    bool update_later = false;     // "Later": the banner stays hidden for this session
    bool storage_banner_dismissed = false;
};

// Draws the whole window for this frame. Edits go through `app`; nothing else changes the plan.
void draw_frame(app::App& app, UiState& ui);

} // namespace footprint::ui
