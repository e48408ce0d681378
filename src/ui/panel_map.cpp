// The Map view: toolbar, the map canvas (camera, pointer gestures, layers in order) and the side
// panel. The layers live in map_*.cpp; this file wires input and drawing together.
#include "core/format.h"
#include "core/geo.h"
#include "core/territory.h"
#include "ui/icons.h"
#include "ui/map_actions.h"
#include "ui/map_internal.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace footprint::ui {

namespace {

constexpr double kMinZoom = 10.0, kMaxZoom = 26.5; // the whole US .. about 1 km across

void zoom_about(MapViewState& st, double delta, ImVec2 anchor_offset) {
    const double scale = std::exp2(st.zoom);
    st.anchor_wx = st.center_x + anchor_offset.x / scale;
    st.anchor_wy = st.center_y + anchor_offset.y / scale;
    st.anchor_sx = anchor_offset.x;
    st.anchor_sy = anchor_offset.y;
    st.anchored = true;
    st.target_zoom = std::clamp((st.anchored ? st.target_zoom : st.zoom) + delta, kMinZoom, kMaxZoom);
}

// Moves the camera a step towards its target; true while still moving.
bool animate_camera(MapViewState& st, float dt) {
    const double k = 1.0 - std::exp(-static_cast<double>(dt) * 14.0);
    bool moving = false;
    if (std::abs(st.target_zoom - st.zoom) > 1e-4) {
        st.zoom += (st.target_zoom - st.zoom) * k;
        moving = true;
    } else {
        st.zoom = st.target_zoom;
    }
    if (st.anchored) {
        const double scale = std::exp2(st.zoom);
        st.center_x = st.anchor_wx - st.anchor_sx / scale;
        st.center_y = st.anchor_wy - st.anchor_sy / scale;
        st.target_x = st.center_x;
        st.target_y = st.center_y;
        if (!moving) st.anchored = false;
    } else {
        const double scale = std::exp2(st.zoom);
        const double dx = st.target_x - st.center_x, dy = st.target_y - st.center_y;
        if (std::abs(dx) * scale > 0.2 || std::abs(dy) * scale > 0.2) {
            st.center_x += dx * k;
            st.center_y += dy * k;
            moving = true;
        } else {
            st.center_x = st.target_x;
            st.center_y = st.target_y;
        }
    }
    return moving;
}

void layers_popup(UiState& ui, MapModel& m) {
    MapViewState& st = ui.map;
    ImGui::TextDisabled("Show");
    ImGui::Checkbox("Territories", &st.show_territories);
    ImGui::Checkbox("Place names", &st.show_labels);
    ImGui::Checkbox("Today's route", &st.show_route);
    ImGui::Checkbox("Renewal heat", &st.show_heat);
    if (st.show_heat) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120 * ui.dpr);
        ImGui::SliderInt("##days", &st.heat_days, 30, 365, "next %d days");
        tooltip_on_hover("Monthly revenue whose contracts end within this many days");
    }
    ImGui::Separator();
    ImGui::TextDisabled("Accounts");
    ImGui::RadioButton("All accounts", &st.filter, 0);
    ImGui::RadioButton(("Win-back targets (" + core::format_count(m.winback_targets) + ")").c_str(), &st.filter, 1);
    tooltip_on_hover("Former clients whose competitor contract ends within 90 days (or ended less than 90 days ago)");
    ImGui::RadioButton("Whitespace: clients without", &st.filter, 2);
    ImGui::SameLine();
    static const char* kFamilies[] = {"internet", "ethernet", "voice", "tv", "cloud", "managed"};
    ImGui::SetNextItemWidth(110 * ui.dpr);
    if (ImGui::BeginCombo("##family", st.whitespace_family.c_str())) {
        for (const char* f : kFamilies)
            if (ImGui::Selectable(f, st.whitespace_family == f)) {
                st.whitespace_family = f;
                st.filter = 2;
            }
        ImGui::EndCombo();
    }
}

void toolbar(app::App& app, UiState& ui, MapModel& m) {
    MapViewState& st = ui.map;
    const char* tools[] = {ICON_MOUSE_POINTER "  Select", ICON_LASSO "  Lasso"};
    int tool = st.tool == MapTool::Lasso ? 1 : 0;
    if (segmented(ui, "map-tools", tools, 2, tool)) st.tool = tool == 1 ? MapTool::Lasso : MapTool::Select;
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort))
        ImGui::SetTooltip("Select: click an account, Shift-drag a box. Lasso: draw around accounts (L)");
    ImGui::SameLine(0, 16 * ui.dpr);
    const ImVec2 canvas(st.canvas_w, st.canvas_h);
    if (icon_button(ICON_MINUS "##zoom-out", "Zoom out", st.zoom > kMinZoom, "-"))
        zoom_about(st, -1, ImVec2(0, 0));
    ImGui::SameLine(0, 2 * ui.dpr);
    if (icon_button(ICON_PLUS "##zoom-in", "Zoom in", st.zoom < kMaxZoom, "+")) zoom_about(st, 1, ImVec2(0, 0));
    ImGui::SameLine();
    if (ImGui::Button(ICON_BULLSEYE "  Zoom to accounts")) fit_accounts(app, ui);
    tooltip_on_hover("Show every account on the map (Z)");
    ImGui::SameLine();
    if (ImGui::Button(ICON_BARS "  Layers")) ImGui::OpenPopup("layers");
    if (ImGui::BeginPopup("layers")) {
        layers_popup(ui, m);
        ImGui::EndPopup();
    }
    ImGui::SameLine(0, 16 * ui.dpr);
    std::string info = core::format_count(static_cast<long long>(m.shown.size())) + " on the map";
    if (m.without_location) info += " \xC2\xB7 " + core::format_count(m.without_location) + " without a location";
    if (!ui.selection.empty()) info += " \xC2\xB7 " + core::format_count(static_cast<long long>(ui.selection.size())) + " selected";
    text_muted(info);
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(right - ImGui::GetFrameHeight());
    if (icon_button(st.side_panel ? ICON_CHEVRON_RIGHT "##side" : ICON_CHEVRON_LEFT "##side",
                    st.side_panel ? "Hide the side panel" : "Show territories and accounts to place"))
        st.side_panel = !st.side_panel;
    (void)canvas;
}

// A short line at the top of the canvas saying what the active tool does.
const char* tool_hint(const MapViewState& st) {
    switch (st.tool) {
    case MapTool::Draw:
        return st.draft.size() < 3 ? "Click to add points (Backspace removes the last, Esc cancels)"
                                   : "Click the first point, double-click or press Enter to finish";
    case MapTool::Counties: return "Click counties to add or remove them, then Create territory in the side panel";
    case MapTool::Place: return "Click where the account is (Esc cancels)";
    case MapTool::Lasso: return "Draw around the accounts to select (Ctrl adds to the selection)";
    case MapTool::Select:
        return st.edit_territory.empty() ? nullptr
                                         : "Drag vertices; click a midpoint to add one; Alt-click a vertex to delete it";
    }
    return nullptr;
}

void select_ids(UiState& ui, const std::vector<std::string>& ids, bool add) {
    if (!add) ui.selection.clear();
    ui.selection.insert(ids.begin(), ids.end());
    if (ids.size() == 1) ui.focused_account = ids.front();
}

void canvas_input(app::App& app, UiState& ui, const Camera& cam, MapModel& m, bool hovered, bool active) {
    MapViewState& st = ui.map;
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 centre(cam.origin.x + cam.size.x * 0.5f, cam.origin.y + cam.size.y * 0.5f);

    // Zoom: the wheel (and a touchpad pinch, which browsers send as Ctrl+wheel) about the pointer;
    // + and - about the centre.
    if (hovered && io.MouseWheel != 0)
        zoom_about(st, io.MouseWheel * 0.5, ImVec2(io.MousePos.x - centre.x, io.MousePos.y - centre.y));
    if (!io.WantTextInput && !io.KeyCtrl && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
        if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) zoom_about(st, 1, ImVec2(0, 0));
        if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) zoom_about(st, -1, ImVec2(0, 0));
        const double step = 120.0 / std::exp2(st.zoom) * ui.dpr;
        if (ImGui::IsKeyDown(ImGuiKey_LeftArrow)) st.target_x = st.center_x -= step * 0.1;
        if (ImGui::IsKeyDown(ImGuiKey_RightArrow)) st.target_x = st.center_x += step * 0.1;
        if (ImGui::IsKeyDown(ImGuiKey_UpArrow)) st.target_y = st.center_y -= step * 0.1;
        if (ImGui::IsKeyDown(ImGuiKey_DownArrow)) st.target_y = st.center_y += step * 0.1;
        if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) fit_accounts(app, ui);
        if (ImGui::IsKeyPressed(ImGuiKey_L, false)) st.tool = st.tool == MapTool::Lasso ? MapTool::Select : MapTool::Lasso;
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && st.tool == MapTool::Select) {
            ui.selection.clear();
            st.edit_territory.clear();
        }
    }

    if (territory_tool_input(app, ui, cam, hovered)) {
        st.boxing = st.lassoing = st.panning = false;
        return;
    }
    const bool picking = st.tool == MapTool::Select || st.tool == MapTool::Lasso;

    // Gestures start on press inside the canvas.
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        st.boxing = io.KeyShift && st.tool != MapTool::Lasso;
        st.lassoing = st.tool == MapTool::Lasso;
        st.panning = !st.boxing && !st.lassoing;
        st.box_x0 = io.MousePos.x;
        st.box_y0 = io.MousePos.y;
        st.lasso.clear();
        if (st.lassoing) st.lasso.push_back(cam.to_world(io.MousePos));
    }
    // Not on the press itself: the pointer may have jumped there since the last frame.
    if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0) && !ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        if (st.panning) {
            st.center_x -= io.MouseDelta.x / cam.scale;
            st.center_y -= io.MouseDelta.y / cam.scale;
            st.target_x = st.center_x;
            st.target_y = st.center_y;
            st.anchored = false;
        } else if (st.lassoing) {
            const ImVec2 last = cam.to_screen(st.lasso.back());
            const float dx = io.MousePos.x - last.x, dy = io.MousePos.y - last.y;
            if (dx * dx + dy * dy > 9 * ui.dpr * ui.dpr) st.lasso.push_back(cam.to_world(io.MousePos));
        }
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && (st.boxing || st.lassoing || st.panning)) {
        const bool dragged = io.MouseDragMaxDistanceSqr[0] >= 25;
        const bool add = io.KeyCtrl || io.KeySuper;
        if (st.boxing && dragged) {
            core::Box b;
            b.add(cam.to_world(ImVec2(st.box_x0, st.box_y0)));
            b.add(cam.to_world(io.MousePos));
            select_ids(ui, accounts_in_box(app, m, b), add);
        } else if (st.lassoing && dragged) {
            select_ids(ui, accounts_in_lasso(app, m, st.lasso), add);
        } else if (!dragged && hovered && picking) {
            const MapHit hit = hit_test(app, ui, cam, m, io.MousePos);
            if (hit.account >= 0) {
                const std::string& id = app.plan().accounts[static_cast<std::size_t>(hit.account)].id;
                if (add) {
                    if (!ui.selection.erase(id)) ui.selection.insert(id);
                } else {
                    select_account(ui, id);
                }
            } else if (hit.cluster) {
                fly_to(st, hit.cluster->bounds, cam.size, 60 * ui.dpr);
                if (st.target_zoom < st.zoom + 1) st.target_zoom = std::min(kMaxZoom, st.zoom + 1.5);
            } else if (!add) {
                ui.selection.clear();
                ui.focused_account.clear();
                if (st.show_territories) {
                    const auto areas = core::prepare_territories(app.plan());
                    st.selected_territory = core::territory_at(areas, core::unproject(cam.to_world(io.MousePos)));
                }
            }
        }
        st.boxing = st.lassoing = st.panning = false;
        st.lasso.clear();
    }
}

void draw_gestures(UiState& ui, ImDrawList* dl, const Camera& cam) {
    const MapViewState& st = ui.map;
    const Palette& p = palette();
    const ImGuiIO& io = ImGui::GetIO();
    if (st.boxing && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0)) {
        const ImVec2 a(std::min(st.box_x0, io.MousePos.x), std::min(st.box_y0, io.MousePos.y));
        const ImVec2 b(std::max(st.box_x0, io.MousePos.x), std::max(st.box_y0, io.MousePos.y));
        dl->AddRectFilled(a, b, with_alpha(p.accent, 0.12f));
        dl->AddRect(a, b, p.accent, 0, 0, 1.5f * ui.dpr);
    }
    if (st.lassoing && st.lasso.size() > 1) {
        std::vector<ImVec2> pts;
        for (core::Vec2 w : st.lasso) pts.push_back(cam.to_screen(w));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), p.accent, ImDrawFlags_Closed, 2 * ui.dpr);
    }
}

} // namespace

void draw_map_panel(app::App& app, UiState& ui) {
    MapViewState& st = ui.map;
    const Palette& p = palette();
    MapModel& m = map_model(app, ui);

    toolbar(app, ui, m);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float side_w = st.side_panel ? std::min(380 * ui.dpr, avail.x * 0.4f) : 0;
    const float gap = st.side_panel ? 12 * ui.dpr : 0;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(avail.x - side_w - gap, avail.y);
    if (size.x < 10 || size.y < 10) return;
    st.canvas_x = pos.x;
    st.canvas_y = pos.y;
    st.canvas_w = size.x;
    st.canvas_h = size.y;
    if (!st.fitted || st.fitted_generation != app.doc().generation()) {
        fit_accounts(app, ui);
        // The first view of a plan is not animated.
        st.zoom = st.target_zoom;
        st.center_x = st.target_x;
        st.center_y = st.target_y;
        st.fitted = true;
        st.fitted_generation = app.doc().generation();
    }

    ImGui::InvisibleButton("##map", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    Camera cam = make_camera(st, pos, size);
    canvas_input(app, ui, cam, m, hovered, active);
    if (animate_camera(st, ImGui::GetIO().DeltaTime)) ui.animating = true;
    cam = make_camera(st, pos, size);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), true);
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y),
                      dark_theme() ? IM_COL32(0x15, 0x19, 0x1F, 255) : IM_COL32(0xE3, 0xE9, 0xF0, 255));
    draw_basemap(app, ui, dl, cam);
    draw_territories(app, ui, dl, cam);
    draw_place_labels(ui, dl, cam, m);
    draw_heat(app, ui, dl, cam, m);
    draw_markers(app, ui, dl, cam, m);
    draw_selection(ui, dl, cam, m, app);
    draw_route(app, ui, dl, cam);
    draw_territory_tool(app, ui, dl, cam);
    draw_gestures(ui, dl, cam);
    draw_legend(app, ui, dl, cam, m);
    if (const char* hint = tool_hint(st)) {
        const ImVec2 ts = ImGui::CalcTextSize(hint);
        const ImVec2 a(pos.x + (size.x - ts.x) / 2 - 12 * ui.dpr, pos.y + 12 * ui.dpr);
        dl->AddRectFilled(a, ImVec2(a.x + ts.x + 24 * ui.dpr, a.y + ts.y + 12 * ui.dpr), p.accent, 6 * ui.dpr);
        dl->AddText(ImVec2(a.x + 12 * ui.dpr, a.y + 6 * ui.dpr), p.on_accent, hint);
    }
    if (!st.data || !st.data->basemap) {
        const char* msg = "The basemap could not be loaded; accounts are shown without it.";
        dl->AddText(ImVec2(pos.x + 16 * ui.dpr, pos.y + 16 * ui.dpr), p.text_muted, msg);
    }
    if (st.assign_job) {
        // Long work runs in slices with progress and a way out.
        step_assign_territories(app, ui, 8.0);
        if (st.assign_job) {
            ui.animating = true;
            const float w = 360 * ui.dpr, h = ImGui::GetFrameHeight() * 2.6f;
            const ImVec2 a(pos.x + (size.x - w) / 2, pos.y + size.y * 0.4f);
            dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), p.surface, 8 * ui.dpr);
            dl->AddRect(a, ImVec2(a.x + w, a.y + h), p.border, 8 * ui.dpr);
            const float pad = 12 * ui.dpr;
            dl->AddText(ImVec2(a.x + pad, a.y + pad), p.text, "Assigning accounts to territories\xE2\x80\xA6");
            const float bar_y = a.y + pad + ImGui::GetTextLineHeight() + 8 * ui.dpr;
            const float frac = static_cast<float>(st.assign_job->progress());
            dl->AddRectFilled(ImVec2(a.x + pad, bar_y), ImVec2(a.x + w - pad - 80 * ui.dpr, bar_y + 6 * ui.dpr), p.grid, 3 * ui.dpr);
            dl->AddRectFilled(ImVec2(a.x + pad, bar_y),
                              ImVec2(a.x + pad + (w - 2 * pad - 80 * ui.dpr) * frac, bar_y + 6 * ui.dpr), p.accent, 3 * ui.dpr);
            const ImVec2 keep = ImGui::GetCursorScreenPos();
            ImGui::SetCursorScreenPos(ImVec2(a.x + w - pad - 70 * ui.dpr, bar_y - 10 * ui.dpr));
            if (ImGui::Button("Cancel##assign")) cancel_assign_territories(app, ui);
            ImGui::SetCursorScreenPos(keep);
        }
    }
    if (app.plan().accounts.empty()) {
        const char* msg = "No accounts yet. Import accounts or open the sample plan to see them here.";
        const ImVec2 ts = ImGui::CalcTextSize(msg);
        dl->AddText(ImVec2(pos.x + (size.x - ts.x) / 2, pos.y + size.y * 0.45f), p.text, msg);
    }
    dl->PopClipRect();

    // Hover: the account under the pointer, or the cluster's size.
    if (hovered && !active && st.tool != MapTool::Counties && st.tool != MapTool::Draw) {
        const MapHit hit = hit_test(app, ui, cam, m, ImGui::GetIO().MousePos);
        if (hit.account >= 0) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            account_tooltip(app, ui, app.plan().accounts[static_cast<std::size_t>(hit.account)]);
        } else if (hit.cluster) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetTooltip("%s accounts: %u clients, %u former clients, %u prospects\nClick to zoom in",
                              core::format_count(hit.cluster->count).c_str(), hit.cluster->groups[0],
                              hit.cluster->groups[1], hit.cluster->groups[2]);
        }
    }

    if (st.side_panel) {
        ImGui::SetCursorScreenPos(ImVec2(pos.x + size.x + gap, pos.y));
        draw_map_side_panel(app, ui, side_w);
    }
    territory_popups(app, ui);
}

} // namespace footprint::ui
