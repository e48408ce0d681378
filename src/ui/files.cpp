// Routes a picked or dropped file to what it is for.
#include "ui/files.h"

#include "ui/map_actions.h"

namespace footprint::ui {

void pick_file(UiState& ui, const std::string& purpose, const std::string& accept) {
    if (ui.hooks.open_file_picker) ui.hooks.open_file_picker(purpose, accept);
}

void pick_plan_file(UiState& ui) { pick_file(ui, kFilePlan, ".json,application/json"); }

void deliver_file(app::App& app, UiState& ui, const std::string& purpose,
                  const std::string& name, const std::string& bytes) {
    auto ends_with = [&](const char* ext) {
        const std::string e(ext);
        return name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
    };
    if (purpose == kFileTerritoryShapes ||
        (purpose.empty() && (ends_with(".geojson") || ends_with(".topojson")))) {
        import_territory_shapes(app, ui, name, bytes);
        return;
    }
    // A plan file, or anything dropped that no other purpose claims: opening it validates it, and
    // a file that is not a plan is refused with its problems while the open plan stays as it was.
    app.open_plan_file(name, bytes);
}

} // namespace footprint::ui
