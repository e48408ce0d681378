// Files the user picks or drops: each picker call names a purpose, and the file comes back here to
// be routed to whatever asked for it (open a plan, import a CSV, import territory shapes, …).
#pragma once

#include "app/app.h"
#include "ui/ui.h"

#include <string>

namespace footprint::ui {

// Purposes of a file picker. A view that reads its own kind of file adds one and a branch in
// deliver_file(). A dropped file has no purpose and is routed by its name.
inline constexpr const char* kFilePlan = "plan";
inline constexpr const char* kFileMerge = "merge";   // a plan file merged into the open plan
inline constexpr const char* kFileRollup = "rollup"; // plan files added to the team roll-up
inline constexpr const char* kFileTerritoryShapes = "territory-shapes"; // GeoJSON / TopoJSON
// A CSV to import (accounts, contacts or opportunities): opens the import wizard. A dropped file
// whose name ends in .csv, .tsv or .txt goes there too.
inline constexpr const char* kFileImportCsv = "import-csv";

// Opens the file picker for `purpose`, showing files that match `accept` (".csv,.txt").
void pick_file(UiState& ui, const std::string& purpose, const std::string& accept);
// Ctrl+O and the "Open plan file…" buttons.
void pick_plan_file(UiState& ui);
// The same, letting the person choose several files; each comes back through deliver_file().
void pick_files(UiState& ui, const std::string& purpose, const std::string& accept);

// A file the user chose (for `purpose`) or dropped on the page (purpose ""), with its bytes as
// read from disk. Nothing is assumed about the encoding.
void deliver_file(app::App& app, UiState& ui, const std::string& purpose, const std::string& name,
                  const std::string& bytes);

} // namespace footprint::ui
