// The status bar: save state, offline state, plan name and size.
#include "core/activity_log.h"
#include "core/format.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui.h>

namespace footprint::ui {

namespace {

std::string saved_when(const app::App& app) {
    auto last = app.saver().last_saved();
    if (!last) return "Not saved yet";
    double ago_s = static_cast<double>(app.clock().wall().ms - last->ms) / 1000.0;
    if (ago_s < 5) return "All changes saved";
    if (ago_s < 60) return "Saved " + std::to_string(static_cast<int>(ago_s)) + " s ago";
    if (ago_s < 3600) return "Saved " + std::to_string(static_cast<int>(ago_s / 60)) + " min ago";
    return "Saved at " + core::format_iso_timestamp(*last).substr(11, 5) + " UTC";
}

} // namespace

void draw_status_bar(app::App& app, UiState& ui) {
    const Palette& p = palette();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    float h = ImGui::GetContentRegionAvail().y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), p.surface);
    dl->AddLine(pos, ImVec2(pos.x + width, pos.y), p.border);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 16 * ui.dpr, pos.y + (h - ImGui::GetTextLineHeight()) * 0.5f));

    // Save state.
    const app::SaveScheduler& s = app.saver();
    if (!app.storage_ready) {
        ImGui::TextColored(to_vec4(p.text_muted), ICON_SPINNER "  Opening browser storage…");
    } else {
        switch (s.state(app.doc())) {
        case app::SaveState::Saved:
            ImGui::TextColored(to_vec4(p.success), ICON_CHECK);
            ImGui::SameLine();
            ImGui::TextUnformatted(saved_when(app).c_str());
            break;
        case app::SaveState::Pending:
            ImGui::TextColored(to_vec4(p.text_muted), ICON_CIRCLE_O "  Unsaved changes");
            break;
        case app::SaveState::Saving:
            if (s.progress() > 0 && s.progress() < 1)
                ImGui::TextColored(to_vec4(p.text_muted), ICON_REFRESH "  Saving… %d%%",
                                   static_cast<int>(s.progress() * 100));
            else
                ImGui::TextColored(to_vec4(p.text_muted), ICON_REFRESH "  Saving…");
            break;
        case app::SaveState::Error:
            ImGui::TextColored(to_vec4(p.danger), ICON_EXCLAMATION_CIRCLE "  Not saved");
            tooltip_on_hover(s.error().c_str());
            break;
        }
        tooltip_on_hover("Footprint saves your plan in this browser as you work. Export it "
                         "(Ctrl+S) to share it or keep a copy.");
    }

    ImGui::SameLine(0, 28 * ui.dpr);
    if (app.online) {
        ImGui::TextColored(to_vec4(p.text_muted), ICON_WIFI "  Online");
        tooltip_on_hover("Footprint works offline too: everything runs and is stored in this "
                         "browser, and nothing is sent anywhere.");
    } else {
        ImGui::TextColored(to_vec4(p.warning), ICON_CLOUD "  Offline: working locally");
        tooltip_on_hover("No network. Nothing is lost: your plan is stored in this browser.");
    }

    // Overdue next steps: a click opens the task list.
    static CacheKey overdue_key;
    static int overdue = 0;
    if (app.storage_ready && overdue_key.refresh(app))
        overdue = core::overdue_task_count(app.plan(), app.clock().today());
    if (overdue > 0) {
        ImGui::SameLine(0, 28 * ui.dpr);
        ImGui::TextColored(to_vec4(p.danger), ICON_CLOCK "  %s overdue %s",
                           core::format_count(overdue).c_str(),
                           overdue == 1 ? "next step" : "next steps");
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        tooltip_on_hover("Next steps past their due date. Click to see them in Reports > Tasks.");
        if (ImGui::IsItemClicked()) {
            ui.view = View::Reports;
            ui.reports.tab = 3;
            ui.log.task_horizon = 0;
            ui.prefs_dirty = true;
        }
    }

    // Plan name and size on the right.
    const core::Plan& plan = app.plan();
    std::string right = plan.name + "   ·   " + core::format_count(static_cast<long long>(plan.accounts.size())) +
                        " accounts   ·   " +
                        core::format_count(static_cast<long long>(plan.opportunities.size())) +
                        " opportunities";
    if (plan.sample) right = ICON_FLASK "  " + right;
    float rw = ImGui::CalcTextSize(right.c_str()).x;
    ImGui::SameLine();
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), width - rw - 16 * ui.dpr));
    if (app.storage_ready) ImGui::TextColored(to_vec4(p.text_muted), "%s", right.c_str());
}

} // namespace footprint::ui
