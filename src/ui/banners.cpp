// Banners at the top of the window for what needs the person's decision: a new version of the app
// is ready (reload when they choose, never in the middle of their work), and a plan that browser
// storage could not keep (export it).
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>

namespace footprint::ui {

namespace {

// A card centred under the top bar with an accent stripe, an icon, a title, a line of text and
// the caller's buttons; end_banner() closes it and returns its height.
void begin_banner(const UiState& ui, const char* id, float y, ImU32 accent, const char* icon,
                  const char* title, const char* text) {
    const Palette& p = palette();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(620 * ui.dpr, vp->WorkSize.x - 32 * ui.dpr);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, y), ImGuiCond_Always,
                            ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(p.surface));
    ImGui::PushStyleColor(ImGuiCol_Border, to_vec4(accent));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8 * ui.dpr);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16 * ui.dpr, 12 * ui.dpr));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav);
    ImVec2 wp = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddRectFilled(wp, ImVec2(wp.x + 5 * ui.dpr, wp.y + ImGui::GetWindowHeight()),
                                              accent, 8 * ui.dpr, ImDrawFlags_RoundCornersLeft);
    ImGui::TextColored(to_vec4(accent), "%s", icon);
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    ImGui::PushTextWrapPos(width - 16 * ui.dpr);
    ImGui::TextColored(to_vec4(p.text_muted), "%s", text);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
}

float end_banner() {
    ImGui::EndGroup();
    const float h = ImGui::GetWindowHeight();
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
    return h;
}

} // namespace

void draw_banners(app::App& app, UiState& ui) {
    const Palette& p = palette();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float y = vp->WorkPos.y + ImGui::GetFrameHeight() + 28 * ui.dpr; // below the top bar

    // Browser storage could not keep the latest changes (full, or failing): the plan is safe in
    // this page until it closes, and an export keeps it for good.
    const app::SaveScheduler& s = app.saver();
    const bool unsaved = app.storage_ready && s.state(app.doc()) == app::SaveState::Error;
    if (!unsaved) ui.storage_banner_dismissed = false;
    if (unsaved && !ui.storage_banner_dismissed) {
        const bool full = s.quota_exceeded();
        begin_banner(ui, "##storage-banner", y, p.danger, ICON_EXCLAMATION_CIRCLE,
                     full ? "Browser storage is full: your latest changes are not saved"
                          : "Your latest changes could not be saved",
                     full ? "Your last saved plan is intact. Export the plan now to keep your latest "
                            "changes, then free some space in this browser (other sites' data, or "
                            "Footprint's older saves) and keep working: saving resumes by itself."
                          : "Your last saved plan is intact, and Footprint keeps trying. Export the "
                            "plan now to keep your latest changes.");
        if (primary_button(ICON_DOWNLOAD "  Export plan")) export_plan(app, ui);
        tooltip_on_hover("Downloads the plan as it is now (Ctrl+S).");
        ImGui::SameLine();
        if (ImGui::Button("Hide")) ui.storage_banner_dismissed = true;
        tooltip_on_hover("The status bar keeps showing that the plan is not saved.");
        y += end_banner() + 8 * ui.dpr;
    }

    // A new version was downloaded in the background: it starts when the person reloads.
    if (app.update_ready && !ui.update_later) {
        if (ui.update_requested) {
            begin_banner(ui, "##update-banner", y, p.accent, ICON_REFRESH, "Updating Footprint…",
                         "Saving your plan, then reloading with the new version.");
        } else {
            begin_banner(ui, "##update-banner", y, p.accent, ICON_ROCKET,
                         "A new version of Footprint is ready",
                         "Reload to start it. Your plan is saved first and stays as it is; this "
                         "takes a few seconds.");
            // Reloading drops what is not yet in storage: not while saving is failing.
            const bool can = !unsaved;
            ImGui::BeginDisabled(!can);
            if (primary_button(ICON_REFRESH "  Reload")) ui.update_requested = true;
            ImGui::EndDisabled();
            if (!can) tooltip_on_hover("Your latest changes are not saved yet: export the plan first.");
            ImGui::SameLine();
            if (ImGui::Button("Later")) ui.update_later = true;
            tooltip_on_hover("The new version starts the next time Footprint is opened.");
        }
        end_banner();
    }
}

} // namespace footprint::ui
