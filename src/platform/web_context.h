// State shared by the web platform files: the app, the UI state, storage and frame timing.
#pragma once

#include "app/app.h"
#include "ui/ui.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace footprint::platform {

// A file being written a piece at a time (a snapshot under its temporary name).
class FileSink final : public core::ByteSink {
public:
    bool write(std::string_view bytes) override;
    std::FILE* file = nullptr;
    std::string error; // the first write error
};

// Writes saves into the IDBFS mount and syncs them to IndexedDB.
class WebSaveSink final : public app::SaveSink {
public:
    core::ByteSink* begin_save(std::string& error) override;
    bool commit_save(std::string& error) override;
    std::string abort_save() override;
    bool write_journal(const std::string& text, std::string& error) override;
    void start_sync() override;
    std::uint64_t next_sequence = 1; // of the next snapshot
    std::uint64_t base_sequence = 0; // the snapshot journal entries go to (0: none yet)
    std::uint64_t next_entry = 1;

private:
    FileSink snapshot_;
    std::string snapshot_path_; // its final name
};

// Timing covers every animation-frame tick (a long autosave slice blocks the page whether or not
// the tick drew); `frames` counts the ticks that drew.
struct FrameStats {
    std::uint64_t frames = 0;
    double first_full_frame_ms = 0; // since navigation start, when the plan was first drawn
    std::vector<float> recent_ms;   // CPU time of the last frames (ring)
    std::size_t next = 0;
    double max_ms = 0;
    void add(double ms, bool drawn);
};

struct WebContext {
    std::unique_ptr<app::App> app;
    ui::UiState ui;
    WebSaveSink sink;
    FrameStats stats;
    double last_activity_ms = 0; // input, a change, or a test API call: draw for a while
    double idb_read_ms = 0;  // syncfs(true): IndexedDB into the file system
    double plan_open_ms = 0; // reading and parsing the newest good save
};

WebContext& web();

inline constexpr const char* kStorageRoot = "/footprint";
inline constexpr const char* kSavesDir = "/footprint/saves";

// The test API's commands by area (web_test_api*.cpp). Each returns nullopt for an op it does not
// know; footprint_dispatch tries the areas in turn. A new area adds a file and a line to the list in
// web_test_api.cpp.
using TestOps = std::optional<core::Json> (*)(const std::string& op, const core::Json& cmd);
std::optional<core::Json> test_ops_plan(const std::string& op, const core::Json& cmd);
std::optional<core::Json> test_ops_routes(const std::string& op, const core::Json& cmd); // route planning
std::optional<core::Json> test_ops_share(const std::string& op, const core::Json& cmd);
std::optional<core::Json> test_ops_forecast(const std::string& op, const core::Json& cmd);
std::optional<core::Json> test_ops_desks(const std::string& op, const core::Json& cmd);
std::optional<core::Json> test_ops_import(const std::string& op, const core::Json& cmd); // CSV, accounts list
std::optional<core::Json> test_ops_activities(const std::string& op, const core::Json& cmd); // log, reports, proposals

// Small helpers the areas share (web_test_api.cpp).
core::Json test_error(std::string message);                        // {"ok":false,"error":…}
std::string test_str(const core::Json& cmd, const char* key);      // "" when absent
int test_int(const core::Json& cmd, const char* key, int fallback); // fallback when absent

// Reads the basemap, places and ZIP centroids preloaded at /map (web_map_data.cpp).
void load_map_data(ui::UiState& ui);
std::optional<core::Json> test_ops_map(const std::string& op, const core::Json& cmd);

// Called once IndexedDB has been read into the file system.
void open_plan_from_storage(bool storage_failed, double idb_read_ms);
// Preferences (view, theme) live in localStorage: tiny, synchronous, and apart from the plan.
void load_preferences(ui::UiState& ui);
void store_preferences(const ui::UiState& ui);

} // namespace footprint::platform
