// Routes a picked or dropped file to what it is for.
#include "ui/files.h"

#include "ui/accounts_view.h"
#include "ui/map_actions.h"

namespace footprint::ui {

void pick_file(UiState& ui, const std::string& purpose, const std::string& accept) {
    if (ui.hooks.open_file_picker) ui.hooks.open_file_picker(purpose, accept);
}

void pick_plan_file(UiState& ui) { pick_file(ui, kFilePlan, ".json,application/json"); }

void pick_files(UiState& ui, const std::string& purpose, const std::string& accept) {
    if (ui.hooks.open_files_picker) ui.hooks.open_files_picker(purpose, accept);
    else pick_file(ui, purpose, accept);
}

namespace {

bool ends_with_ci(const std::string& s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        char c = s[s.size() - suffix.size() + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[i]) return false;
    }
    return true;
}

} // namespace

void deliver_file(app::App& app, UiState& ui, const std::string& purpose,
                  const std::string& name, const std::string& bytes) {
    if (purpose == kFileMerge) {
        ui.sharing.merge.start(app, name, bytes);
        return;
    }
    if (purpose == kFileRollup) {
        ui.sharing.rollup_open = true;
        ui.sharing.rollup.add(app, name, bytes);
        return;
    }
    if (purpose == kFileTerritoryShapes ||
        (purpose.empty() && (ends_with_ci(name, ".geojson") || ends_with_ci(name, ".topojson")))) {
        import_territory_shapes(app, ui, name, bytes);
        return;
    }
    if (purpose == kFileImportCsv ||
        (purpose.empty() && (ends_with_ci(name, ".csv") || ends_with_ci(name, ".tsv") ||
                             ends_with_ci(name, ".txt") || ends_with_ci(name, ".xlsx") ||
                             ends_with_ci(name, ".xls")))) {
        // A workbook gets the wizard too: it says how to save it as CSV.
        start_csv_import(app, ui, name, bytes);
        return;
    }
    // A plan file, or anything dropped that no other purpose claims: opening it validates it, and
    // a file that is not a plan is refused with its problems while the open plan stays as it was.
    app.open_plan_file(name, bytes);
}

} // namespace footprint::ui
