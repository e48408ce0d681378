// The UI's own state (views, selection, filters) and the entry point that draws one frame.
#pragma once

#include "app/app.h"
#include "app/route_actions.h"

#include <array>
#include <functional>
#include <map>
#include <memory>
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
    WeekViewState week;
    bool keep_drawing = false; // long work is running: the platform draws every frame
};

// Draws the whole window for this frame. Edits go through `app`; nothing else changes the plan.
void draw_frame(app::App& app, UiState& ui);

} // namespace footprint::ui
