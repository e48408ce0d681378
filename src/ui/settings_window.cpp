// Settings: the plan's working day and travel assumptions, the theme, and browser storage use.
#include "core/format.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

namespace footprint::ui {

namespace {

std::string megabytes(double bytes) {
    char buf[32];
    if (bytes >= 1e9)
        std::snprintf(buf, sizeof buf, "%.1f GB", bytes / 1e9);
    else
        std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
    return buf;
}

bool time_input(const char* label, int& minutes) {
    int hm[2] = {minutes / 60, minutes % 60};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    bool changed = ImGui::InputInt2(label, hm);
    if (changed) {
        hm[0] = std::clamp(hm[0], 0, 23);
        hm[1] = std::clamp(hm[1], 0, 59);
        minutes = hm[0] * 60 + hm[1];
    }
    return changed;
}

} // namespace

void draw_settings_window(app::App& app, UiState& ui) {
    if (!ui.show_settings) return;
    ImGui::SetNextWindowSize(ImVec2(520 * ui.dpr, 0), ImGuiCond_Always);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin(ICON_COG "  Settings", &ui.show_settings,
                      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const Palette& p = palette();
    core::Settings s = app.plan().settings;
    bool changed = false;
    ImGui::SeparatorText("Working day");
    changed |= time_input("Start (h, min)", s.work_start_minute);
    changed |= time_input("End (h, min)", s.work_end_minute);
    changed |= time_input("Lunch (h, min)", s.lunch_start_minute);
    ImGui::SetNextItemWidth(120 * ui.dpr);
    changed |= ImGui::InputInt("Lunch minutes", &s.lunch_minutes);
    ImGui::SetNextItemWidth(120 * ui.dpr);
    changed |= ImGui::InputInt("Default meeting minutes", &s.default_meeting_minutes);
    ImGui::SeparatorText("Travel");
    float mph = static_cast<float>(s.average_speed_kmh / 1.609344);
    ImGui::SetNextItemWidth(120 * ui.dpr);
    if (ImGui::InputFloat("Average speed (mph)", &mph, 1, 5, "%.0f")) {
        s.average_speed_kmh = std::clamp(static_cast<double>(mph), 5.0, 90.0) * 1.609344;
        changed = true;
    }
    float rf = static_cast<float>(s.road_factor);
    ImGui::SetNextItemWidth(120 * ui.dpr);
    if (ImGui::InputFloat("Road factor", &rf, 0.05f, 0.1f, "%.2f")) {
        s.road_factor = std::clamp(static_cast<double>(rf), 1.0, 3.0);
        changed = true;
    }
    tooltip_on_hover("Driving distance = straight-line distance x this factor (1.3 suits most metros).");
    if (changed) {
        s.lunch_minutes = std::clamp(s.lunch_minutes, 0, 180);
        s.default_meeting_minutes = std::clamp(s.default_meeting_minutes, 5, 480);
        app.execute(app::Command{"Change settings", {core::Set<core::Settings>{std::move(s)}}});
    }

    ImGui::SeparatorText("Appearance");
    int theme = ui.dark ? 1 : 0;
    bool theme_changed = ImGui::RadioButton("Light", &theme, 0);
    ImGui::SameLine();
    theme_changed |= ImGui::RadioButton("Dark", &theme, 1);
    if (theme_changed) {
        ui.dark = theme == 1;
        apply_theme(ui.dark, ui.dpr);
        ui.prefs_dirty = true;
    }

    ImGui::SeparatorText("Storage in this browser");
    if (app.storage_quota > 0) {
        float frac = static_cast<float>(app.storage_used / app.storage_quota);
        ImGui::ProgressBar(frac, ImVec2(-1, 0),
                           (megabytes(app.storage_used) + " used of " + megabytes(app.storage_quota)).c_str());
    } else {
        text_muted("The browser does not report how much storage is available.");
    }
    if (app.storage_persisted)
        ImGui::TextColored(to_vec4(p.success), ICON_CHECK "  Persistent: the browser will not clear it on its own.");
    else
        ImGui::TextColored(to_vec4(p.warning), ICON_WARNING
                           "  Not persistent: the browser may clear it when space runs low. Export your plan regularly.");
    ImGui::End();
}

void draw_shortcuts_window(UiState& ui) {
    if (!ui.show_shortcuts) return;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin(ICON_KEYBOARD "  Keyboard shortcuts", &ui.show_shortcuts,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                          ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    static const char* const kRows[][2] = {
        {"Ctrl+1 … Ctrl+7", "Map, Accounts, Desks, Pipeline, Forecast, Plan my week, Reports"},
        {"Ctrl+Enter", "Desks, This week: plan visits for the selected accounts"},
        {"Ctrl+Z", "Undo"},
        {"Ctrl+Shift+Z, Ctrl+Y", "Redo"},
        {"Ctrl+O", "Open a plan file"},
        {"Ctrl+S", "Export the plan as a file"},
        {"B, T", "Pipeline: the board or the table"},
        {"/", "Pipeline: find a deal or account"},
        {"M, Q, Y", "Forecast: by month, quarter or year"},
        {"\xE2\x86\x90, \xE2\x86\x92", "Forecast: the previous or next year"},
        {"Enter, Esc", "In an editor: save, or cancel"},
        {"F1", "Show or hide this list"},
        {"Ctrl+F", "Accounts: search"},
        {"Ctrl-click, Shift-click", "Accounts: add to the selection, select a range"},
        {"Ctrl+A, Esc", "Accounts: select every account shown, clear the selection"},
        {"Up, Down (Shift)", "Accounts: next or previous account (extend the selection)"},
        {"Enter, Esc", "Import wizard: next step, cancel"},
    };
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX)) {
        for (const auto& r : kRows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushFont(ui.fonts.bold);
            ImGui::TextUnformatted(r[0]);
            ImGui::PopFont();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r[1]);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

} // namespace footprint::ui
