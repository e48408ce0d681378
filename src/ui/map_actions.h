// What the Map view does to the plan, as functions both its buttons and the test API call: each
// is one undoable command with a label that names it, and bad input changes nothing.
#pragma once

#include "app/app.h"
#include "core/map_layers.h"
#include "core/territory.h"
#include "ui/ui.h"

#include <string>
#include <vector>

namespace footprint::ui {

// Reads a GeoJSON or TopoJSON file; every polygon feature becomes a territory (one command).
// A bad file is refused with a notice saying why, and nothing changes. Returns true on import.
bool import_territory_shapes(app::App& app, UiState& ui, const std::string& file_name,
                             const std::string& bytes);

// A new territory, or (when `id` names one) a new shape for an existing one. Returns its id.
std::string save_territory(app::App& app, UiState& ui, const std::string& id, std::string name,
                           std::string color, std::vector<core::Polygon> polygons,
                           std::vector<std::string> counties, std::vector<std::string> zips,
                           const std::string& label);
// From counties (FIPS) or from a list of ZIP codes ("43215, 43201 43202\n…"). On failure returns
// "" and puts the reason in `error`.
std::string territory_from_counties(app::App& app, UiState& ui, const std::vector<std::string>& fips,
                                    std::string name, std::string color, const std::string& target,
                                    std::string& error);
std::string territory_from_zips(app::App& app, UiState& ui, const std::string& zip_text, std::string name,
                                std::string color, std::string& error);
void delete_territory(app::App& app, UiState& ui, const std::string& id);
void edit_territory_info(app::App& app, const std::string& id, const std::string& name, const std::string& color);

// "Assign accounts to territories by location" as one command; returns what it did.
core::Assignment assign_territories(app::App& app);
// The same in slices across frames (big plans): start, then step once a frame within `budget_ms`
// (it executes the command when done, or cancels itself if the plan changed meanwhile).
void start_assign_territories(app::App& app, UiState& ui);
void step_assign_territories(app::App& app, UiState& ui, double budget_ms);
void cancel_assign_territories(app::App& app, UiState& ui);
// Places accounts without a location (the given ones, or all) at their ZIP centroid.
core::ZipPlacement place_at_zip(app::App& app, UiState& ui, const std::vector<std::string>& ids = {});
// Moves one account's marker to `at` (an exact location: no longer approximate).
void move_account(app::App& app, const std::string& id, core::LatLon at);

// The next colour of the palette not yet used by a territory ("#RRGGBB").
std::string next_territory_colour(const core::Plan& plan);

} // namespace footprint::ui
