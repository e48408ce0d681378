// Implementation of the shared widgets, drawn with ImDrawList where ImGui has no equivalent.
#include "ui/widgets.h"

#include "ui/theme.h"

namespace footprint::ui {

void tooltip_on_hover(const char* text) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort | ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", text);
}

bool icon_button(const char* id_and_icon, const char* tooltip, bool enabled, const char* shortcut) {
    ImGui::BeginDisabled(!enabled);
    bool pressed = ImGui::Button(id_and_icon);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort | ImGuiHoveredFlags_AllowWhenDisabled)) {
        if (shortcut)
            ImGui::SetTooltip("%s  (%s)", tooltip, shortcut);
        else
            ImGui::SetTooltip("%s", tooltip);
    }
    return pressed;
}

void badge(const std::string& text, ImU32 colour, bool filled) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImGuiStyle& st = ImGui::GetStyle();
    ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    float h = ImGui::GetTextLineHeight() + st.FramePadding.y;
    float dot = h * 0.36f;
    float pad = st.FramePadding.x * 0.8f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImVec2 size(filled ? ts.x + pad * 2 : ts.x + pad * 2 + dot + st.ItemInnerSpacing.x, h);
    ImU32 bg = filled ? colour : (colour & 0x00FFFFFF) | (40u << 24);
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), bg, h * 0.5f);
    float x = p.x + pad;
    if (!filled) {
        dl->AddCircleFilled(ImVec2(x + dot * 0.5f, p.y + h * 0.5f), dot * 0.5f, colour);
        x += dot + st.ItemInnerSpacing.x;
    }
    ImU32 fg = filled ? palette().on_accent : ImGui::GetColorU32(ImGuiCol_Text);
    dl->AddText(ImVec2(x, p.y + (h - ts.y) * 0.5f), fg, text.c_str());
    ImGui::Dummy(size);
}

void status_chip(core::AccountStatus s) { badge(status_label(s), status_colour(s)); }

void kpi_card(const UiState& ui, const char* label, const std::string& value, const std::string& sub,
              ImU32 accent, float width) {
    const Palette& p = palette();
    const ImGuiStyle& st = ImGui::GetStyle();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float pad = st.WindowPadding.x;
    float h = pad * 2 + ImGui::GetTextLineHeight() * 2 + ui.fonts.big->FontSize + st.ItemSpacing.y * 2;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), p.surface, st.ChildRounding);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), p.border, st.ChildRounding);
    dl->AddRectFilled(pos, ImVec2(pos.x + 4 * ui.dpr, pos.y + h), accent, st.ChildRounding,
                      ImDrawFlags_RoundCornersLeft);
    float y = pos.y + pad;
    dl->AddText(ImVec2(pos.x + pad, y), p.text_muted, label);
    y += ImGui::GetTextLineHeight() + st.ItemSpacing.y;
    dl->AddText(ui.fonts.big, ui.fonts.big->FontSize, ImVec2(pos.x + pad, y), p.text, value.c_str());
    y += ui.fonts.big->FontSize + st.ItemSpacing.y;
    dl->AddText(ImVec2(pos.x + pad, y), p.text_muted, sub.c_str());
    ImGui::Dummy(ImVec2(width, h));
}

void empty_state(const UiState& ui, const char* icon, const char* title, const char* text) {
    const Palette& p = palette();
    float avail = ImGui::GetContentRegionAvail().x;
    float wrap = std::min(avail, 520.0f * ui.dpr);
    ImGui::Dummy(ImVec2(0, 40 * ui.dpr));
    ImGui::PushFont(ui.fonts.big);
    ImVec2 is = ImGui::CalcTextSize(icon);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - is.x) * 0.5f);
    ImGui::TextColored(to_vec4(p.text_muted), "%s", icon);
    ImGui::PopFont();
    ImGui::PushFont(ui.fonts.heading);
    ImVec2 ts = ImGui::CalcTextSize(title);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - ts.x) * 0.5f);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    float indent = (avail - wrap) * 0.5f;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextColored(to_vec4(p.text_muted), "%s", text);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 8 * ui.dpr));
}

void text_right(const std::string& s) {
    float w = ImGui::CalcTextSize(s.c_str()).x;
    float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    ImGui::TextUnformatted(s.c_str());
}

void text_muted(const std::string& s) {
    ImGui::TextColored(to_vec4(palette().text_muted), "%s", s.c_str());
}

void heading(const UiState& ui, const char* text) {
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

bool primary_button(const char* label, ImVec2 size) {
    const Palette& p = palette();
    ImVec4 a = to_vec4(p.accent);
    ImGui::PushStyleColor(ImGuiCol_Button, a);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(a.x * 0.9f, a.y * 0.9f, a.z * 0.9f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(a.x * 0.8f, a.y * 0.8f, a.z * 0.8f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(p.on_accent));
    bool r = ImGui::Button(label, size);
    ImGui::PopStyleColor(4);
    return r;
}

} // namespace footprint::ui
