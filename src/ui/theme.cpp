// Light and dark themes: spacing, rounding and colours tuned so the app reads as a product.
#include "ui/theme.h"

#include "ui/icons.h"

namespace footprint::ui {

namespace {

constexpr ImU32 rgb(unsigned hex, unsigned alpha = 255) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

// Text colours meet WCAG AA (4.5:1) on their surfaces: #1D2430 / #5B6472 on white are 15:1 and
// 6.0:1; #E6E9EF / #A3ABB8 on #1F232A are 13:1 and 7.1:1.
const Palette kLight = {
    rgb(0x0072B2), rgb(0xCC79A7), rgb(0x009E73), rgb(0xD55E00), rgb(0xE69F00), rgb(0xF0E442),
    rgb(0x0072B2), rgb(0x1D2430), rgb(0x5B6472), rgb(0xFFFFFF), rgb(0xF6F7F9), rgb(0xDDE1E6),
    rgb(0xE9ECF0), rgb(0x009E73), rgb(0xE69F00), rgb(0xD55E00), rgb(0xFFFFFF),
};
const Palette kDark = {
    rgb(0x56B4E9), rgb(0xCC79A7), rgb(0x009E73), rgb(0xD55E00), rgb(0xE69F00), rgb(0xF0E442),
    rgb(0x56B4E9), rgb(0xE6E9EF), rgb(0xA3ABB8), rgb(0x1F232A), rgb(0x252A32), rgb(0x2F3540),
    rgb(0x2A2F38), rgb(0x2BB58C), rgb(0xE69F00), rgb(0xE8773A), rgb(0x10141A),
};

bool g_dark = false;

} // namespace

const Palette& palette() { return g_dark ? kDark : kLight; }

ImU32 status_colour(core::AccountStatus s) {
    const Palette& p = palette();
    switch (s) {
    case core::AccountStatus::Client: return p.client;
    case core::AccountStatus::Former: return p.former;
    case core::AccountStatus::Prospect: return p.prospect;
    }
    return p.prospect;
}

const char* status_label(core::AccountStatus s) {
    switch (s) {
    case core::AccountStatus::Client: return "Client";
    case core::AccountStatus::Former: return "Former client";
    case core::AccountStatus::Prospect: return "Prospect";
    }
    return "Prospect";
}

const char* status_icon(core::AccountStatus s) {
    switch (s) {
    case core::AccountStatus::Client: return ICON_CIRCLE;
    case core::AccountStatus::Former: return ICON_HISTORY;
    case core::AccountStatus::Prospect: return ICON_CIRCLE_O;
    }
    return ICON_CIRCLE_O;
}

ImU32 urgency_colour(int days) {
    const Palette& p = palette();
    if (days <= 30) return p.due_30;
    if (days <= 90) return p.due_90;
    if (days <= 180) return p.due_180;
    return 0;
}

void apply_theme(bool dark, float dpr) {
    g_dark = dark;
    const Palette& p = palette();
    ImGuiStyle style;
    if (dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);

    style.WindowPadding = ImVec2(12, 12);
    style.FramePadding = ImVec2(8, 5);
    style.CellPadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 6);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.ScrollbarSize = 12;
    style.GrabMinSize = 10;
    style.WindowRounding = 8;
    style.ChildRounding = 6;
    style.FrameRounding = 5;
    style.PopupRounding = 6;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 4;
    style.TabRounding = 5;
    style.WindowBorderSize = 1;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 0;
    style.SeparatorTextBorderSize = 1;
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);

    ImVec4* c = style.Colors;
    const ImVec4 text = to_vec4(p.text), muted = to_vec4(p.text_muted), accent = to_vec4(p.accent);
    const ImVec4 surface = to_vec4(p.surface), alt = to_vec4(p.surface_alt),
                 border = to_vec4(p.border);
    auto with_alpha = [](ImVec4 v, float a) { return ImVec4(v.x, v.y, v.z, a); };
    c[ImGuiCol_Text] = text;
    c[ImGuiCol_TextDisabled] = muted;
    c[ImGuiCol_WindowBg] = dark ? ImVec4(0.086f, 0.094f, 0.114f, 1) : ImVec4(0.957f, 0.961f, 0.969f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = surface;
    c[ImGuiCol_Border] = border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = dark ? ImVec4(0.17f, 0.19f, 0.23f, 1) : ImVec4(0.925f, 0.933f, 0.945f, 1);
    c[ImGuiCol_FrameBgHovered] = with_alpha(accent, 0.16f);
    c[ImGuiCol_FrameBgActive] = with_alpha(accent, 0.26f);
    c[ImGuiCol_TitleBg] = surface;
    c[ImGuiCol_TitleBgActive] = surface;
    c[ImGuiCol_MenuBarBg] = surface;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = accent;
    c[ImGuiCol_Button] = dark ? ImVec4(0.20f, 0.22f, 0.27f, 1) : ImVec4(0.910f, 0.918f, 0.933f, 1);
    c[ImGuiCol_ButtonHovered] = with_alpha(accent, 0.22f);
    c[ImGuiCol_ButtonActive] = with_alpha(accent, 0.35f);
    c[ImGuiCol_Header] = with_alpha(accent, 0.16f);
    c[ImGuiCol_HeaderHovered] = with_alpha(accent, 0.10f);
    c[ImGuiCol_HeaderActive] = with_alpha(accent, 0.24f);
    c[ImGuiCol_Separator] = border;
    c[ImGuiCol_Tab] = alt;
    c[ImGuiCol_TabHovered] = with_alpha(accent, 0.22f);
    c[ImGuiCol_TabActive] = surface;
    c[ImGuiCol_TableHeaderBg] = alt;
    c[ImGuiCol_TableBorderStrong] = border;
    c[ImGuiCol_TableBorderLight] = to_vec4(p.grid);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = with_alpha(to_vec4(p.grid), 0.45f);
    c[ImGuiCol_TextSelectedBg] = with_alpha(accent, 0.30f);
    c[ImGuiCol_NavHighlight] = accent;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, dark ? 0.55f : 0.30f);

    style.ScaleAllSizes(dpr);
    ImGui::GetStyle() = style;
}

} // namespace footprint::ui
