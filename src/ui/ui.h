// The UI's own state (views, selection, filters) and the entry point that draws one frame.
#pragma once

#include "app/app.h"
#include "app/csv_import_job.h"
#include "core/account_list.h"

#include <functional>
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

struct MapViewState {
    double center_lat = 0, center_lon = 0;
    double zoom = 0; // pixels per degree of longitude at the equator, log2
    bool fitted = false;
    std::uint64_t fitted_generation = ~0ull;
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
    bool show_settings = false;
    bool show_shortcuts = false;
    bool rename_open = false;
    char rename_buf[128] = {};
    bool prefs_dirty = false; // view/theme changed: the platform stores preferences
    bool busy = false;        // long work ran this frame in slices: the platform keeps drawing
};

// Draws the whole window for this frame. Edits go through `app`; nothing else changes the plan.
void draw_frame(app::App& app, UiState& ui);

} // namespace footprint::ui
