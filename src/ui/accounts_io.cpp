// CSV in and out of the Accounts view: starting an import from a picked or dropped file, the
// export menu (all or the selection), and the progress of big commands applied in slices.
#include "core/csv_export.h"
#include "core/format.h"
#include "ui/accounts_view.h"
#include "ui/map_internal.h"
#include "ui/files.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <unordered_set>

namespace footprint::ui {

void pick_csv_file(UiState& ui) {
    pick_file(ui, kFileImportCsv, ".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values");
}

void start_csv_import(app::App& app, UiState& ui, const std::string& name, std::string bytes) {
    if (ui.import.job && ui.import.job->working()) ui.import.job->cancel(app);
    ui.import.job = std::make_unique<app::CsvImportJob>(name, std::move(bytes));
    if (ui.map.data && ui.map.data->zips) ui.import.job->set_zip_table(&*ui.map.data->zips);
    ui.import.columns_step = false;
}

void export_csv_file(app::App& app, UiState& ui, core::ImportKind kind, bool selection_only) {
    const core::Plan& plan = app.plan();
    std::unordered_set<std::string> only;
    if (selection_only) only.insert(ui.selection.begin(), ui.selection.end());
    const std::unordered_set<std::string>* scope = selection_only ? &only : nullptr;
    const std::size_t n = core::export_count(plan, kind, scope);
    if (n == 0) {
        app.notify(app::Notice::Kind::Info,
                   std::string("No ") + core::import_kind_name(kind) + " to export",
                   selection_only ? "The selected accounts have none." : "This plan has none yet.");
        return;
    }
    const std::string name = core::export_file_name(kind, app.clock().today());
    if (ui.hooks.download)
        ui.hooks.download(name, "text/csv;charset=utf-8", core::export_csv(plan, kind, scope));
    app.notify(app::Notice::Kind::Success,
               "Exported " + core::format_count(static_cast<long long>(n)) + " " +
                   (n == 1 ? core::import_kind_singular(kind) : core::import_kind_name(kind)),
               "Saved as " + name +
                   " in your downloads. It opens in Excel, and Salesforce Data "
                   "Loader can upsert it by Id.");
}

void draw_export_menu(app::App& app, UiState& ui) {
    const bool some = ui.selection.size() > 0;
    for (core::ImportKind k : {core::ImportKind::Accounts, core::ImportKind::Contacts,
                               core::ImportKind::Opportunities}) {
        ImGui::PushID(static_cast<int>(k));
        const std::string all = std::string("All ") + core::import_kind_name(k);
        if (ImGui::Selectable(all.c_str())) export_csv_file(app, ui, k, false);
        if (some) {
            const std::string sel =
                std::string("  … of the ") +
                core::format_count(static_cast<long long>(ui.selection.size())) +
                (ui.selection.size() == 1 ? " selected account" : " selected accounts");
            if (ImGui::Selectable(sel.c_str())) export_csv_file(app, ui, k, true);
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    text_muted("CSV for Excel (UTF-8) and Salesforce Data Loader");
}

void draw_sliced_progress(app::App& app, UiState& ui) {
    const app::Document& doc = app.doc();
    if (!doc.slicing() || (ui.import.job && ui.import.job->working())) return;
    ui.animating = true;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = 420 * ui.dpr;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + (vp->WorkSize.x - w) * 0.5f,
                                   vp->WorkPos.y + vp->WorkSize.y - 110 * ui.dpr));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::Begin("##sliced", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::Text("%s  %s%s…", ICON_SPINNER, doc.slicing_undo() ? "Undoing: " : "", doc.slicing_label().c_str());
    ImGui::ProgressBar(static_cast<float>(doc.slicing_progress()), ImVec2(-1, 0));
    ImGui::End();
}

} // namespace footprint::ui
