// The top bar: brand and plan name, the main views, undo/redo, the plan menu and theme.
#include "ui/files.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

namespace footprint::ui {

namespace {

const char* view_icon(View v) {
    switch (v) {
    case View::Map: return ICON_MAP;
    case View::Accounts: return ICON_BUILDING;
    case View::Desks: return ICON_BULLSEYE;
    case View::Pipeline: return ICON_FUNNEL;
    case View::Forecast: return ICON_LINE_CHART;
    case View::Week: return ICON_CALENDAR;
    case View::Reports: return ICON_BAR_CHART;
    case View::Count: break;
    }
    return "";
}

// A tab-like button with an underline in the accent colour when active.
std::string tab_label(View v, bool compact) {
    return compact ? std::string(view_icon(v)) : std::string(view_icon(v)) + "  " + view_title(v);
}

// Compact tabs show only their icon (the name is in the tooltip) when the window is narrow.
bool view_tab(UiState& ui, View v, float height, bool compact) {
    const Palette& p = palette();
    std::string label = tab_label(v, compact);
    ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    float pad = 12 * ui.dpr;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size(ts.x + pad * 2, height);
    ImGui::PushID(static_cast<int>(v));
    bool pressed = ImGui::InvisibleButton("##tab", size);
    bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    bool active = ui.view == v;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered && !active)
        dl->AddRectFilled(ImVec2(pos.x, pos.y + 6 * ui.dpr),
                          ImVec2(pos.x + size.x, pos.y + size.y - 6 * ui.dpr),
                          ImGui::GetColorU32(ImGuiCol_ButtonHovered), 6 * ui.dpr);
    ImU32 col = active ? p.accent : (hovered ? p.text : p.text_muted);
    ImFont* f = active ? ui.fonts.bold : ui.fonts.body;
    dl->AddText(f, f->FontSize, ImVec2(pos.x + pad, pos.y + (height - ts.y) * 0.5f), col, label.c_str());
    if (active)
        dl->AddRectFilled(ImVec2(pos.x + pad * 0.5f, pos.y + height - 3 * ui.dpr),
                          ImVec2(pos.x + size.x - pad * 0.5f, pos.y + height), p.accent, 2 * ui.dpr);
    char shortcut[32];
    std::snprintf(shortcut, sizeof shortcut, "Ctrl+%d", static_cast<int>(v) + 1);
    if (hovered) ImGui::SetTooltip("%s  (%s)", view_title(v), shortcut);
    return pressed;
}

void plan_menu(app::App& app, UiState& ui) {
    const app::Document& doc = app.doc();
    std::string undo = std::string(ICON_UNDO "  Undo ") + doc.undo_label();
    std::string redo = std::string(ICON_REDO "  Redo ") + doc.redo_label();
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, doc.can_undo())) app.undo();
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, doc.can_redo())) app.redo();
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_FILE_NEW "  New empty plan")) app.new_empty_plan();
    if (ImGui::MenuItem(ICON_FLASK "  Open the sample plan")) {
        app.open_sample();
        app.notify(app::Notice::Kind::Info, "Sample plan opened",
                   "A made-up territory in Columbus, OH, to try every view.");
    }
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_FOLDER_OPEN "  Open plan file…", "Ctrl+O"))
        pick_plan_file(ui);
    if (ImGui::MenuItem(ICON_DOWNLOAD "  Export plan", "Ctrl+S")) export_plan(app, ui);
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_SHARE_ALT "  Share\u2026")) ui.sharing.share_open = true;
    if (ImGui::MenuItem(ICON_CODE_FORK "  Merge a plan file\u2026")) pick_file(ui, kFileMerge, ".json,application/json");
    if (ImGui::MenuItem(ICON_USERS "  Team roll-up\u2026")) ui.sharing.rollup_open = true;
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_PENCIL "  Rename plan…")) {
        ui.rename_open = true;
        std::snprintf(ui.rename_buf, sizeof ui.rename_buf, "%s", app.plan().name.c_str());
    }
    if (ImGui::MenuItem(ICON_COG "  Settings")) ui.show_settings = true;
    if (ImGui::MenuItem(ICON_KEYBOARD "  Keyboard shortcuts", "F1")) ui.show_shortcuts = true;
}

void rename_popup(app::App& app, UiState& ui) {
    if (ui.rename_open) {
        ImGui::OpenPopup("Rename plan");
        ui.rename_open = false;
    }
    ImGui::SetNextWindowSize(ImVec2(420 * ui.dpr, 0));
    if (ImGui::BeginPopupModal("Rename plan", nullptr, ImGuiWindowFlags_NoResize)) {
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1);
        bool enter = ImGui::InputText("##name", ui.rename_buf, sizeof ui.rename_buf,
                                      ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::Spacing();
        if (primary_button("Rename") || enter) {
            if (ui.rename_buf[0]) app.rename_plan(ui.rename_buf);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

} // namespace

void draw_top_bar(app::App& app, UiState& ui) {
    const Palette& p = palette();
    const float h = 52 * ui.dpr;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), p.surface);
    dl->AddLine(ImVec2(pos.x, pos.y + h - 1), ImVec2(pos.x + width, pos.y + h - 1), p.border);

    ImGui::BeginChild("##topbar", ImVec2(width, h), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const float pad = 16 * ui.dpr;
    // Brand.
    ImGui::SetCursorPos(ImVec2(pad, (h - ui.fonts.heading->FontSize) * 0.5f));
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextColored(to_vec4(p.accent), ICON_MAP_MARKER " Footprint");
    ImGui::PopFont();
    // Plan name, clickable to rename, with a SAMPLE badge.
    ImGui::SameLine(0, 20 * ui.dpr);
    ImGui::SetCursorPosY((h - ImGui::GetFrameHeight()) * 0.5f);
    const core::Plan& plan = app.plan();
    // Narrow windows: a shorter plan name and icon-only buttons (their tooltips say what they do).
    // The start button gives up its words before the view tabs do: with every view named and the
    // full button the bar needs about 1,500 px.
    float full_tabs = 0;
    for (int i = 0; i < static_cast<int>(View::Count); ++i)
        full_tabs += ImGui::CalcTextSize(tab_label(static_cast<View>(i), false).c_str()).x + 24 * ui.dpr;
    const float full_left = ImGui::GetCursorPosX() +
                            ImGui::CalcTextSize(app.storage_ready ? plan.name.c_str() : "Loading…").x +
                            ImGui::CalcTextSize("SAMPLE  " ICON_FILE_NEW "  Start my own plan").x + 110 * ui.dpr;
    const float right_icons_w = 5 * (ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x) + 16 * ui.dpr;
    const bool narrow = width < 1100 * ui.dpr;
    const bool start_icon_only = narrow || full_left + full_tabs + right_icons_w > width;
    std::string name = app.storage_ready ? plan.name : std::string("Loading…");
    const std::size_t max_name = narrow ? 18 : 36;
    if (name.size() > max_name) {
        std::size_t cut = max_name - 2;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut; // UTF-8
        name = name.substr(0, cut) + "…";
    }
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    if (ImGui::Button((name + "##planname").c_str())) ImGui::OpenPopup("plan-menu");
    ImGui::PopStyleColor();
    tooltip_on_hover("Plan menu: new, open, export, share, merge, rename");
    if (ImGui::BeginPopup("plan-menu")) {
        plan_menu(app, ui);
        ImGui::EndPopup();
    }
    if (app.storage_ready && plan.sample) {
        ImGui::SameLine();
        ImGui::SetCursorPosY((h - ImGui::GetTextLineHeight() - ImGui::GetStyle().FramePadding.y) * 0.5f);
        badge("SAMPLE", p.due_90, true);
        tooltip_on_hover("This is a made-up sample plan to explore Footprint.");
        ImGui::SameLine();
        ImGui::SetCursorPosY((h - ImGui::GetFrameHeight()) * 0.5f);
        if (ImGui::Button(start_icon_only ? ICON_FILE_NEW "##start" : ICON_FILE_NEW "  Start my own plan"))
            app.new_empty_plan();
        tooltip_on_hover(start_icon_only ? "Start my own plan: a new empty plan. Undo (Ctrl+Z) brings the sample back."
                                : "A new empty plan. Undo (Ctrl+Z) brings the sample back.");
    }

    // Views, centred, each placed explicitly so they share one baseline.
    bool compact = false;
    auto tab_width = [&](View v) {
        return ImGui::CalcTextSize(tab_label(v, compact).c_str()).x + 24 * ui.dpr;
    };
    auto all_tabs_width = [&] {
        float w = 0;
        for (int i = 0; i < static_cast<int>(View::Count); ++i) w += tab_width(static_cast<View>(i));
        return w;
    };
    float tabs_w = all_tabs_width();
    const char* right_icons[] = {ICON_UNDO, ICON_REDO, ICON_BARS, ICON_MOON, ICON_COG};
    float right_w = pad;
    for (const char* ic : right_icons)
        right_w += ImGui::CalcTextSize(ic).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
    float left_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 24 * ui.dpr;
    if (left_end + tabs_w > width - right_w) {
        compact = true;
        tabs_w = all_tabs_width();
    }
    float tabs_x = std::max(left_end, (width - tabs_w) * 0.5f);
    if (tabs_x + tabs_w > width - right_w) tabs_x = std::max(left_end, width - right_w - tabs_w);
    for (int i = 0; i < static_cast<int>(View::Count); ++i) {
        View v = static_cast<View>(i);
        ImGui::SetCursorPos(ImVec2(tabs_x, 0));
        if (view_tab(ui, v, h, compact)) {
            ui.view = v;
            ui.prefs_dirty = true;
        }
        tabs_x += tab_width(v);
    }

    // Undo / redo / menu / theme on the right.
    ImGui::SetCursorPos(ImVec2(width - right_w + ImGui::GetStyle().ItemSpacing.x, (h - ImGui::GetFrameHeight()) * 0.5f));
    std::string undo_tip = app.doc().can_undo() ? "Undo " + app.doc().undo_label() : "Nothing to undo";
    std::string redo_tip = app.doc().can_redo() ? "Redo " + app.doc().redo_label() : "Nothing to redo";
    if (icon_button(ICON_UNDO "##undo", undo_tip.c_str(), app.doc().can_undo(), "Ctrl+Z")) app.undo();
    ImGui::SameLine();
    if (icon_button(ICON_REDO "##redo", redo_tip.c_str(), app.doc().can_redo(), "Ctrl+Shift+Z")) app.redo();
    ImGui::SameLine();
    if (icon_button(ICON_BARS "##menu", "Plan menu")) ImGui::OpenPopup("plan-menu-right");
    if (ImGui::BeginPopup("plan-menu-right")) {
        plan_menu(app, ui);
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    if (icon_button(ui.dark ? ICON_SUN "##theme" : ICON_MOON "##theme",
                    ui.dark ? "Switch to the light theme" : "Switch to the dark theme")) {
        ui.dark = !ui.dark;
        apply_theme(ui.dark, ui.dpr);
        ui.prefs_dirty = true;
    }
    ImGui::SameLine();
    if (icon_button(ICON_COG "##settings", "Settings and storage")) ui.show_settings = true;
    rename_popup(app, ui);
    ImGui::EndChild();
}

} // namespace footprint::ui
