// The import wizard's last steps: the dry-run review (what would change, the rejected rows) and the
// result (undo, the imported accounts, the rejected rows to download), or why the file failed.
#include "core/format.h"
#include "ui/accounts_view.h"
#include "ui/import_wizard_steps.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <cstdio>

namespace footprint::ui {

void wizard_review_step(app::App& app, UiState& ui) {
    app::CsvImportJob& job = *ui.import.job;
    const core::ImportSummary& s = job.summary();
    const Palette& p = palette();
    if (job.recounted())
        ImGui::TextColored(to_vec4(p.accent), ICON_INFO
                           "  The plan changed while this was open: these counts are fresh.");
    ImGui::TextWrapped("Nothing has changed yet. This is what importing %s would do:",
                       job.file_name().c_str());
    ImGui::Spacing();
    const float w = row_item_width(4);
    const char* many = core::import_kind_name(job.kind());
    kpi_card(ui, "New", core::format_count(s.created), std::string(many) + " to create", p.success,
             w);
    ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 1.5f);
    kpi_card(ui, "Updated", core::format_count(s.updated),
             std::string(many) + " already in the plan", p.accent, w);
    ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 1.5f);
    std::string same = "rows already up to date";
    if (s.skipped) same = core::format_count(s.skipped) + " matched, updates off";
    kpi_card(ui, "Unchanged", core::format_count(s.unchanged + s.skipped), same, p.text_muted, w);
    ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 1.5f);
    kpi_card(ui, "Rejected", core::format_count(s.rejected),
             s.rejected ? "rows left out, listed below" : "none",
             s.rejected ? p.danger : p.text_muted, w);
    (void)app;
    ImGui::Spacing();
    if (s.duplicates)
        text_muted(ICON_INFO "  " + core::format_count(s.duplicates) +
                   (s.duplicates == 1 ? " row repeats" : " rows repeat") +
                   " a record an earlier row adds: merged into it.");
    for (const std::string& n : s.notes) {
        ImGui::TextColored(to_vec4(p.text_muted), ICON_INFO);
        ImGui::SameLine();
        ImGui::TextWrapped("%s", n.c_str());
    }
    if (s.rejections.empty()) return;
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(to_vec4(p.danger), ICON_EXCLAMATION_CIRCLE);
    ImGui::SameLine();
    ImGui::Text("%s %s left out:", core::format_count(s.rejected).c_str(),
                s.rejected == 1 ? "row is" : "rows are");
    ImGui::SameLine();
    if (ImGui::SmallButton(ICON_DOWNLOAD "  Download rejected rows (CSV)"))
        wizard_download_rejected(app, ui);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##rejected", 2, flags,
                          ImVec2(0, std::max(ImGui::GetContentRegionAvail().y, 120 * ui.dpr)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthFixed, 70 * ui.dpr);
        ImGui::TableSetupColumn("Why", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(s.rejections.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const core::Rejection& r = s.rejections[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                text_right(core::format_count(r.line));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.reason.c_str());
            }
        ImGui::EndTable();
    }
}

void wizard_done_step(app::App& app, UiState& ui) {
    app::CsvImportJob& job = *ui.import.job;
    const core::ImportSummary& s = job.summary();
    const Palette& p = palette();
    ImGui::Dummy(ImVec2(0, 16 * ui.dpr));
    ImGui::PushFont(ui.fonts.big);
    ImGui::TextColored(to_vec4(p.success), ICON_CHECK_CIRCLE);
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushFont(ui.fonts.heading);
    const char* one = core::import_kind_singular(job.kind());
    const char* many = core::import_kind_name(job.kind());
    std::string title =
        "Imported " + core::format_count(s.created) + " new " + (s.created == 1 ? one : many);
    if (s.updated) title += " and updated " + core::format_count(s.updated);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    const auto& t = job.timing();
    char took[96];
    // The time Footprint worked, not the time the wizard waited for answers.
    std::snprintf(took, sizeof took, "from %s, read, checked and imported in %.1f s",
                  job.file_name().c_str(),
                  (t.read_ms + t.check_ms + t.count_ms + t.apply_ms) / 1000.0);
    text_muted(took);
    ImGui::Spacing();
    text_muted("The whole import is one step: Undo (Ctrl+Z) takes it back.");
    if (s.rejected) {
        ImGui::Spacing();
        ImGui::TextColored(to_vec4(p.danger), ICON_EXCLAMATION_CIRCLE);
        ImGui::SameLine();
        ImGui::TextWrapped(
            "%s %s left out. The download lists each with its reason: fix them in Excel "
            "and import that file again.",
            core::format_count(s.rejected).c_str(), s.rejected == 1 ? "row was" : "rows were");
    }
    for (const std::string& n : s.notes) {
        ImGui::TextColored(to_vec4(p.text_muted), ICON_INFO);
        ImGui::SameLine();
        ImGui::TextWrapped("%s", n.c_str());
    }
    ImGui::Spacing();
    if (!s.account_ids.empty() && primary_button(ICON_BUILDING "  Show the imported accounts"))
        return wizard_show_imported(app, ui);
    if (s.rejected) {
        ImGui::SameLine();
        if (ImGui::Button(ICON_DOWNLOAD "  Download rejected rows"))
            wizard_download_rejected(app, ui);
    }
    ImGui::SameLine();
    const bool can_undo =
        app.doc().revision() == job.applied_revision() && app.doc().undo_label() == job.label();
    ImGui::BeginDisabled(!can_undo);
    const bool undo = ImGui::Button(ICON_UNDO "  Undo the import");
    ImGui::EndDisabled();
    if (undo) {
        app.undo();
        app.notify(app::Notice::Kind::Info, "Import undone",
                   "Your plan is as it was before " + job.file_name() + ".");
        ui.import.job.reset();
        return;
    }
    if (!can_undo) ImGui::SetItemTooltip("The plan changed since: use Undo in the top bar.");
}

void wizard_failed_step(app::App& app, UiState& ui) {
    app::CsvImportJob& job = *ui.import.job;
    (void)app;
    ImGui::Dummy(ImVec2(0, 24 * ui.dpr));
    ImGui::PushFont(ui.fonts.big);
    ImGui::TextColored(to_vec4(palette().danger), ICON_EXCLAMATION_CIRCLE);
    ImGui::PopFont();
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted("This file cannot be imported");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(job.error().c_str());
    ImGui::PopTextWrapPos();
    text_muted("Your plan was not changed.");
    ImGui::Spacing();
    if (primary_button(ICON_FOLDER_OPEN "  Choose another file…")) {
        ui.import.job.reset();
        pick_csv_file(ui);
    }
}

} // namespace footprint::ui
