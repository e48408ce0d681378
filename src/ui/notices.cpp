// Notices: short toasts in the bottom-right corner; errors stay until dismissed.
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

namespace footprint::ui {

void draw_notices(app::App& app, UiState& ui) {
    auto& notices = app.notices();
    const double now = app.clock().monotonic_ms();
    constexpr double kShowMs = 6000;
    notices.erase(std::remove_if(notices.begin(), notices.end(),
                                 [&](const app::Notice& n) { return !n.sticky && now - n.shown_at_ms > kShowMs; }),
                  notices.end());
    if (notices.empty()) return;
    const Palette& p = palette();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float width = 400 * ui.dpr;
    float y = vp->WorkPos.y + vp->WorkSize.y - 56 * ui.dpr;
    int remove = -1;
    for (int i = static_cast<int>(notices.size()) - 1; i >= 0; --i) {
        const app::Notice& n = notices[static_cast<std::size_t>(i)];
        ImU32 accent = n.kind == app::Notice::Kind::Error     ? p.danger
                       : n.kind == app::Notice::Kind::Warning ? p.warning
                       : n.kind == app::Notice::Kind::Success ? p.success
                                                              : p.accent;
        const char* icon = n.kind == app::Notice::Kind::Error     ? ICON_TIMES_CIRCLE
                           : n.kind == app::Notice::Kind::Warning ? ICON_WARNING
                           : n.kind == app::Notice::Kind::Success ? ICON_CHECK_CIRCLE
                                                                  : ICON_INFO;
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 16 * ui.dpr, y), ImGuiCond_Always,
                                ImVec2(1, 1));
        ImGui::SetNextWindowSize(ImVec2(width, 0));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(p.surface));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8 * ui.dpr);
        char id[32];
        std::snprintf(id, sizeof id, "##notice%d", i);
        ImGui::Begin(id, nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                         ImGuiWindowFlags_NoNav);
        ImVec2 wp = ImGui::GetWindowPos();
        ImGui::GetWindowDrawList()->AddRectFilled(wp, ImVec2(wp.x + 4 * ui.dpr, wp.y + ImGui::GetWindowHeight()),
                                                  accent, 8 * ui.dpr, ImDrawFlags_RoundCornersLeft);
        ImGui::TextColored(to_vec4(accent), "%s", icon);
        ImGui::SameLine();
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextWrapped("%s", n.title.c_str());
        ImGui::PopFont();
        ImGui::PushTextWrapPos(width - 16 * ui.dpr);
        if (!n.text.empty()) ImGui::TextUnformatted(n.text.c_str());
        for (const std::string& d : n.details) ImGui::TextColored(to_vec4(p.text_muted), "%s", d.c_str());
        ImGui::PopTextWrapPos();
        if (n.sticky) {
            if (ImGui::SmallButton("Dismiss")) remove = i;
        }
        float hgt = ImGui::GetWindowHeight();
        ImGui::End();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
        y -= hgt + 8 * ui.dpr;
    }
    if (remove >= 0) notices.erase(notices.begin() + remove);
}

} // namespace footprint::ui
