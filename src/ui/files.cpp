// Routes a picked or dropped file to what it is for.
#include "ui/files.h"

namespace footprint::ui {

void pick_file(UiState& ui, const std::string& purpose, const std::string& accept) {
    if (ui.hooks.open_file_picker) ui.hooks.open_file_picker(purpose, accept);
}

void pick_plan_file(UiState& ui) { pick_file(ui, kFilePlan, ".json,application/json"); }

void pick_files(UiState& ui, const std::string& purpose, const std::string& accept) {
    if (ui.hooks.open_files_picker) ui.hooks.open_files_picker(purpose, accept);
    else pick_file(ui, purpose, accept);
}

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
    // A plan file, or anything dropped that no other purpose claims: opening it validates it, and
    // a file that is not a plan is refused with its problems while the open plan stays as it was.
    (void)purpose;
    app.open_plan_file(name, bytes);
}

} // namespace footprint::ui
