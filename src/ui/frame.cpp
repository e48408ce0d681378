// One frame of the UI: top bar, the current view, status bar, notices, and global shortcuts.
#include "ui/accounts_view.h"
#include "ui/activity_log.h"
#include "ui/files.h"
#include "ui/forecast_ui.h"
#include "ui/panels.h"
#include "ui/proposal_editor.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/week_actions.h"

#include <imgui.h>

namespace footprint::ui {

const char* view_title(View v) {
    switch (v) {
    case View::Map: return "Map";
    case View::Accounts: return "Accounts";
    case View::Desks: return "Desks";
    case View::Pipeline: return "Pipeline";
    case View::Forecast: return "Forecast";
    case View::Week: return "Plan my week";
    case View::Reports: return "Reports";
    case View::Count: break;
    }
    return "";
}

namespace {

void handle_shortcuts(app::App& app, UiState& ui) {
    ImGuiIO& io = ImGui::GetIO();
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    // Text fields keep their own Ctrl+Z; the plan's undo applies everywhere else.
    const bool typing = io.WantTextInput;
    if (ui.import.job) return; // the import wizard is modal: its own keys only
    if (ctrl && !typing) {
        if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
            if (io.KeyShift)
                app.redo();
            else
                app.undo();
        }
        if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) app.redo();
        if (ImGui::IsKeyPressed(ImGuiKey_O, false))
            pick_plan_file(ui);
        if (ImGui::IsKeyPressed(ImGuiKey_S, false)) export_plan(app, ui);
        for (int i = 0; i < static_cast<int>(View::Count); ++i)
            if (ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_1 + i), false)) {
                ui.view = static_cast<View>(i);
                ui.prefs_dirty = true;
            }
    }
    if (!typing && ImGui::IsKeyPressed(ImGuiKey_F1, false)) ui.show_shortcuts = !ui.show_shortcuts;
    // L logs an activity for the open or selected account (on the map, L is the lasso).
    if (!ctrl && !io.KeyAlt && ui.view != View::Map && view_key(ImGuiKey_L))
        log_activity_for_selection(app, ui);
}

} // namespace

void export_plan(app::App& app, UiState& ui) {
    if (!ui.hooks.download) return;
    ui.hooks.download(app.export_file_name(), "application/json", core::write_plan(app.plan()));
    app.notify(app::Notice::Kind::Success, "Plan exported",
               "Saved as " + app.export_file_name() + " in your downloads.");
}

void draw_frame(app::App& app, UiState& ui) {
    ui.animating = false; // a view sets it again while it animates or works in slices
    // A big command, undo or redo applied in slices (an import's own run drives itself).
    if (!(ui.import.job && ui.import.job->working()) && app.work(30)) ui.animating = true;
    handle_shortcuts(app, ui);
    week::step_job(app, ui); // route optimisation in slices, whichever view is showing
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar(3);

    draw_top_bar(app, ui);
    const float status_h = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 2;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16 * ui.dpr, 12 * ui.dpr));
    ImGui::BeginChild("##content", ImVec2(avail.x, avail.y - status_h), ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    if (!app.storage_ready) {
        empty_state(ui, ICON_DATABASE, "Opening your plan…",
                    "Footprint is reading your plan from this browser's storage.");
    } else {
        switch (ui.view) {
        case View::Map: draw_map_panel(app, ui); break;
        case View::Accounts: draw_accounts_panel(app, ui); break;
        case View::Desks: draw_desks_panel(app, ui); break;
        case View::Pipeline: draw_pipeline_panel(app, ui); break;
        case View::Forecast: draw_forecast_panel(app, ui); break;
        case View::Week: draw_week_panel(app, ui); break;
        case View::Reports: draw_reports_panel(app, ui); break;
        case View::Count: break;
        }
    }
    ImGui::EndChild();
    draw_status_bar(app, ui);
    ImGui::End();

    draw_banners(app, ui);
    draw_notices(app, ui);
    draw_settings_window(app, ui);
    week::draw_dialogs(app, ui); // check-in, where a day starts (opened from Plan my week or Settings)
    draw_shortcuts_window(ui);
    draw_rollup_window(app, ui);
    draw_share_dialog(app, ui);
    draw_merge_window(app, ui);
    draw_import_wizard(app, ui);
    draw_log_activity(app, ui);
    draw_proposal_editor(app, ui);
    draw_sliced_progress(app, ui);
}

} // namespace footprint::ui
