// One day's route in Plan my week: a summary strip over three columns, the timeline, the route
// list (drag to reorder, lock, check in, move, remove; the visits not on the route and why; adding
// stops) and a mini map.
#include "core/format.h"
#include "core/summary.h"
#include "core/travel.h"
#include "ui/theme.h"
#include "ui/view_common.h"
#include "ui/week_parts.h"

#include <algorithm>
#include <cfloat>
#include <cstring>

namespace footprint::ui::week {

namespace {

constexpr const char* kStopPayload = "FP_STOP"; // a stop dragged within the route list

struct RouteCache {
    const void* plan = nullptr;
    std::uint64_t revision = ~0ull;
    std::int32_t day = 0;
    core::DayRoute route;
};
RouteCache g_routes[6]; // the shown day and the board's five

bool locked_out(const UiState& ui) {
    return ui.week.job != nullptr;
}

void summary_strip(app::App& app, UiState& ui, const core::DayRoute& r) {
    const Palette& p = palette();
    auto chip = [&](const char* icon, const std::string& text, ImU32 colour, const char* tip) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(to_vec4(colour), "%s", icon);
        ImGui::SameLine(0, 6 * ui.dpr);
        ImGui::TextUnformatted(text.c_str());
        if (tip) tooltip_on_hover(tip);
        ImGui::SameLine(0, 22 * ui.dpr);
    };
    const int n = static_cast<int>(r.stops.size());
    chip(ICON_CAR,
         n == 0 ? std::string("No visits on the route yet")
                : core::format_count(n) + (n == 1 ? " visit on the route" : " visits on the route"),
         p.accent, "Visits of the day with a time and a location, in the order you drive");
    if (n > 0) {
        chip(ICON_ROAD,
             core::format_duration_minutes(r.drive_minutes) + " driving  ·  " + miles(r.km),
             p.text_muted,
             "Straight-line distance times the road factor, at your average speed (Settings)");
        chip(ICON_CLOCK, time_of_day(r.leave) + " – " + time_of_day(r.back), p.text_muted,
             "From leaving the start place to being back at the end place");
        chip(ICON_USERS, core::format_duration_minutes(r.meeting_minutes) + " in meetings",
             p.text_muted, nullptr);
    }
    if (r.problems > 0)
        chip(ICON_WARNING,
             core::format_count(r.problems) + (r.problems == 1 ? " problem" : " problems"),
             p.danger,
             "Visits that arrive after their appointment or end after working hours: drag them, or "
             "optimize");
    if (!r.unrouted.empty())
        chip(ICON_EXCLAMATION_CIRCLE,
             core::format_count(static_cast<long long>(r.unrouted.size())) + " not on the route",
             p.warning, "Visits without a time or a location: see the end of the list");
    ImGui::NewLine();
    if (!app.plan().settings.home && !r.start.overridden) {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(p.warning));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(ICON_INFO
                               "  No home base is set: routes start at their first visit.");
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::SmallButton("Set the home base…")) edit_places(app, ui, 2);
    }
}

// The row of the start or end place.
void place_row(app::App& app, UiState& ui, const core::DayPlace& place, bool start, int minute,
               int drive, double km) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = 8 * ui.dpr, line = ImGui::GetTextLineHeight();
    const float h = pad * 2 + line;
    const float badge_x = pos.x + pad + 22 * ui.dpr;
    dl->AddRectFilled(ImVec2(badge_x - 12 * ui.dpr, pos.y + h * 0.5f - 12 * ui.dpr),
                      ImVec2(badge_x + 12 * ui.dpr, pos.y + h * 0.5f + 12 * ui.dpr),
                      with_alpha(p.text_muted, 0.18f), 5 * ui.dpr);
    const char* icon = start ? ICON_HOME : ICON_FLAG_CHECKERED;
    const ImVec2 isz = ImGui::CalcTextSize(icon);
    dl->AddText(ImVec2(badge_x - isz.x * 0.5f, pos.y + (h - line) * 0.5f), p.text, icon);
    const float tx = badge_x + 22 * ui.dpr;
    std::string label = (start ? "Start: " : "End: ") +
                        (place.label.empty() ? std::string("Home base") : place.label);
    const std::string when = minute >= 0 ? (start ? "Leave " : "Back ") + time_of_day(minute) : "";
    const float ww = ImGui::CalcTextSize(when.c_str()).x;
    const float btn = ImGui::GetFrameHeight();
    draw_text_fit(dl, ui.fonts.bold, ImVec2(tx, pos.y + pad), p.text, label,
                  w - (tx - pos.x) - ww - btn - pad * 3);
    dl->AddText(ImVec2(pos.x + w - pad - btn - 6 * ui.dpr - ww, pos.y + pad), p.text_muted,
                when.c_str());
    ImGui::Dummy(ImVec2(w, h));
    if (ImGui::IsItemHovered() && !start && drive > 0)
        ImGui::SetTooltip("%s back to %s", drive_text(drive, km).c_str(), place.label.c_str());
    ImGui::SetCursorScreenPos(ImVec2(pos.x + w - pad - btn, pos.y + (h - btn) * 0.5f));
    ImGui::PushID(start ? "start" : "end");
    ImGui::BeginDisabled(locked_out(ui));
    if (icon_button(ICON_PENCIL "##place",
                    start ? "Where this day starts (this day only, or the home base)"
                          : "Where this day ends (this day only, or the home base)"))
        edit_places(app, ui, start ? 0 : 1);
    ImGui::EndDisabled();
    ImGui::PopID();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
    ImGui::Dummy(ImVec2(w, 0));
}

void stop_menu(app::App& app, UiState& ui, const core::DayRoute& r, const core::DayStop& s) {
    const core::Activity& a = *s.visit;
    if (a.start_minute) {
        if (a.fixed_time) {
            if (ImGui::MenuItem(ICON_THUMB_TACK "  Make it flexible"))
                app::set_visit_fixed(app, a.id, false);
            tooltip_on_hover("The optimizer may move it to another time");
        } else {
            const std::string lbl =
                ICON_THUMB_TACK "  Make it an appointment at " + time_of_day(*a.start_minute);
            if (ImGui::MenuItem(lbl.c_str())) app::set_visit_fixed(app, a.id, true);
            tooltip_on_hover("The route keeps this time; the other visits are ordered around it");
        }
    }
    if (ImGui::BeginMenu(ICON_CLOCK "  Time and length")) {
        static int hm[2] = {9, 0};
        static int minutes = 45;
        static bool fixed = false;
        static std::string for_id;
        if (for_id != a.id) {
            for_id = a.id;
            const int m = a.start_minute.value_or(r.hours.start);
            hm[0] = m / 60;
            hm[1] = m % 60;
            minutes = a.duration_minutes;
            fixed = a.fixed_time;
        }
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::InputInt2("Start (h, min)", hm)) {
            hm[0] = std::clamp(hm[0], 0, 23);
            hm[1] = std::clamp(hm[1], 0, 59);
        }
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::InputInt("Minutes", &minutes, 5, 15)) minutes = std::clamp(minutes, 5, 600);
        ImGui::Checkbox("An appointment (a fixed time)", &fixed);
        if (primary_button("Save")) {
            app::set_visit_time(app, a.id, hm[0] * 60 + hm[1], minutes, fixed);
            for_id.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(ICON_CALENDAR "  Move to")) {
        const core::Date monday = core::week_start(r.date);
        for (int d = 0; d < core::kWeekDays + 5; ++d) {
            const core::Date to = core::add_days(monday, d < core::kWeekDays ? d : d + 2);
            if (to == r.date) continue;
            if (d == core::kWeekDays) ImGui::Separator();
            const std::string lbl = app::short_day(to);
            if (ImGui::MenuItem(lbl.c_str(), nullptr, false, to >= app.clock().today()))
                app::move_visit(app, a.id, to);
        }
        ImGui::EndMenu();
    }
    if (a.checked_in && ImGui::MenuItem(ICON_UNDO "  Undo the check-in"))
        app::undo_check_in(app, a.id);
    if (a.checked_in && ImGui::MenuItem(ICON_PENCIL "  Edit the outcome…"))
        begin_check_in(app, ui, a.id);
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_TRASH "  Remove from the day")) app::remove_visit(app, a.id);
    tooltip_on_hover("Deletes the planned visit; Undo (Ctrl+Z) brings it back");
}

// The order of the routed stops with `moved` put at index `at` of the current order (the stops'
// count: last). `moved` may come from outside the route (a visit without a time).
std::vector<std::string> reorder(const core::DayRoute& r, const std::string& moved,
                                 std::size_t at) {
    std::vector<std::string> order;
    std::size_t insert = at;
    for (std::size_t k = 0; k < r.stops.size(); ++k) {
        if (r.stops[k].visit->id == moved) {
            if (k < at) --insert;
            continue;
        }
        order.push_back(r.stops[k].visit->id);
    }
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(std::min(insert, order.size())),
                 moved);
    return order;
}

void stop_row(app::App& app, UiState& ui, const core::DayRoute& r, const core::DayStop& s,
              std::size_t k, std::string& dropped, std::size_t& drop_at) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = 8 * ui.dpr, line = ImGui::GetTextLineHeight(), gap = 4 * ui.dpr;
    const bool issue = s.issue != core::StopIssue::None;
    const float h = pad * 2 + line * 2 + gap + (issue ? line + gap : 0);
    const core::Activity& a = *s.visit;
    ImGui::PushID(a.id.c_str());
    const float btn = ImGui::GetFrameHeight();
    const float buttons_w = btn * 3 + 8 * ui.dpr;
    const bool clicked =
        ImGui::InvisibleButton("##row", ImVec2(std::max(1.0f, w - buttons_w - pad), h));
    const bool hovered = ImGui::IsItemHovered();
    record_rect(ui, "row:" + a.id);
    if (!locked_out(ui) && ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(kStopPayload, a.id.data(), a.id.size());
        ImGui::Text(ICON_BARS "  %s", stop_name(s).c_str());
        text_muted("Drop it where it should go in the day");
        ImGui::EndDragDropSource();
    }
    if (!locked_out(ui) && ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* pl = ImGui::AcceptDragDropPayload(
                kStopPayload, ImGuiDragDropFlags_AcceptBeforeDelivery |
                                  ImGuiDragDropFlags_AcceptNoDrawDefaultRect)) {
            // The upper half drops before this row, the lower half after it.
            const bool upper = ImGui::GetMousePos().y < pos.y + h * 0.5f;
            const float ly = upper ? pos.y : pos.y + h;
            dl->AddLine(ImVec2(pos.x + pad, ly), ImVec2(pos.x + w - pad, ly), p.accent, 3 * ui.dpr);
            if (pl->IsDelivery()) {
                dropped.assign(static_cast<const char*>(pl->Data),
                               static_cast<std::size_t>(pl->DataSize));
                drop_at = upper ? k : k + 1;
                ui.week.focus_stop = dropped;
            }
        }
        ImGui::EndDragDropTarget();
    }
    const bool focused = ui.week.focus_stop == a.id;
    if (hovered || focused)
        dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h),
                          with_alpha(p.accent, focused ? 0.12f : 0.06f), 5 * ui.dpr);
    // Handle, number, name and time.
    dl->AddText(ImVec2(pos.x + pad * 0.5f, pos.y + pad + (line + gap) * 0.5f),
                with_alpha(p.text_muted, 0.7f), ICON_BARS);
    const float badge_x = pos.x + pad + 22 * ui.dpr;
    const ImU32 fill = s.account ? status_colour(s.account->status) : p.text_muted;
    number_badge(dl, ImVec2(badge_x, pos.y + pad + line * 0.5f + 1 * ui.dpr), 11 * ui.dpr, s.number,
                 fill, p.on_accent);
    const float tx = badge_x + 22 * ui.dpr;
    const std::string when = time_range(s.start, s.end);
    const float ww = ImGui::CalcTextSize(when.c_str()).x;
    const float right = pos.x + w - pad - buttons_w;
    draw_text_fit(dl, ui.fonts.bold, ImVec2(tx, pos.y + pad), p.text, stop_name(s),
                  right - tx - ww - 12 * ui.dpr);
    dl->AddText(ImVec2(right - ww, pos.y + pad), s.blocking() ? p.danger : p.text, when.c_str());
    // Driving and tags.
    float y = pos.y + pad + line + gap;
    std::string sub = s.drive_minutes > 0
                          ? drive_text(s.drive_minutes, s.drive_km) + " from " +
                                (k == 0 ? (r.start.label.empty() ? "the start" : r.start.label)
                                        : stop_name(r.stops[k - 1]))
                          : std::string(k == 0 ? "First stop" : "Same place as the previous stop");
    float x = tx;
    auto tag = [&](const char* icon, ImU32 colour) {
        dl->AddText(ImVec2(x, y), colour, icon);
        x += ImGui::CalcTextSize(icon).x + 6 * ui.dpr;
    };
    if (s.fixed) tag(ICON_THUMB_TACK, p.accent);
    if (s.locked) tag(ICON_LOCK, p.accent);
    if (s.done) tag(ICON_CHECK_CIRCLE, p.success);
    draw_text_fit(dl, ui.fonts.body, ImVec2(x, y), p.text_muted, sub, right - x);
    if (issue) {
        y += line + gap;
        const std::string t = std::string(issue_icon(s.issue)) + "  " + s.issue_text;
        draw_text_fit(dl, ui.fonts.body, ImVec2(tx, y), issue_colour(s.issue), t, right - tx);
    }
    if (hovered) {
        ImGui::BeginTooltip();
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(stop_name(s).c_str());
        ImGui::PopFont();
        ImGui::Text("Arrive %s  ·  meeting %s  ·  %s", time_of_day(s.arrive).c_str(), when.c_str(),
                    core::format_duration_minutes(a.duration_minutes).c_str());
        if (!a.subject.empty()) ImGui::TextColored(to_vec4(p.text_muted), "%s", a.subject.c_str());
        if (s.fixed)
            ImGui::TextUnformatted(ICON_THUMB_TACK "  Appointment: the route keeps this time");
        if (s.locked)
            ImGui::TextUnformatted(ICON_LOCK "  Locked: optimizing keeps it in this place");
        if (s.done)
            ImGui::TextColored(to_vec4(p.success), ICON_CHECK "  Checked in%s%s",
                               a.outcome.empty() ? "" : ": ", a.outcome.c_str());
        ImGui::TextColored(to_vec4(p.text_muted), "Drag to reorder; click to show it on the map");
        ImGui::EndTooltip();
    }
    if (clicked) {
        ui.week.focus_stop = a.id;
        if (s.account) ui.selection = {s.account->id};
    }
    // Buttons: lock, check in, more.
    ImGui::SetCursorScreenPos(
        ImVec2(pos.x + w - pad - buttons_w + 8 * ui.dpr, pos.y + pad - 3 * ui.dpr));
    ImGui::BeginDisabled(locked_out(ui));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    if (s.locked) ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(p.accent));
    if (icon_button(s.locked ? ICON_LOCK "##lock" : ICON_UNLOCK "##lock",
                    s.locked ? "Locked in place: optimizing keeps it here. Click to unlock."
                             : "Lock it in place: optimizing keeps the stops before it before it, "
                               "and those after it after it"))
        app::set_visit_locked(app, a.id, !s.locked);
    if (s.locked) ImGui::PopStyleColor();
    record_rect(ui, "lock:" + a.id);
    ImGui::SameLine(0, 0);
    if (s.done) {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(p.success));
        if (icon_button(ICON_CHECK_CIRCLE "##in", "Checked in: click to log the outcome"))
            begin_check_in(app, ui, a.id);
        ImGui::PopStyleColor();
    } else if (icon_button(ICON_SIGN_IN "##in",
                           "Check in: log this visit as done, with its outcome")) {
        begin_check_in(app, ui, a.id);
    }
    record_rect(ui, "checkin:" + a.id);
    ImGui::SameLine(0, 0);
    if (icon_button(ICON_ELLIPSIS "##more", "More: appointment, time, move to another day, remove"))
        ImGui::OpenPopup("##more");
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
    if (ImGui::BeginPopup("##more")) {
        stop_menu(app, ui, r, s);
        ImGui::EndPopup();
    }
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
    ImGui::Dummy(ImVec2(w, 0));
    dl->AddLine(ImVec2(pos.x + pad, pos.y + h - 0.5f), ImVec2(pos.x + w - pad, pos.y + h - 0.5f),
                p.grid);
    ImGui::PopID();
}

void unrouted_row(app::App& app, UiState& ui, const core::DayRoute& r, const core::DayStop& s) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = 8 * ui.dpr, line = ImGui::GetTextLineHeight(), gap = 4 * ui.dpr;
    const float h = pad * 2 + line * 2 + gap;
    const core::Activity& a = *s.visit;
    ImGui::PushID(a.id.c_str());
    const float btn = ImGui::GetFrameHeight();
    ImGui::InvisibleButton("##row", ImVec2(std::max(1.0f, w - btn * 2 - pad * 2), h));
    record_rect(ui, "unrouted:" + a.id);
    // A visit with a location but no time can be dragged into the route.
    if (s.location && !locked_out(ui) && ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(kStopPayload, a.id.data(), a.id.size());
        ImGui::Text(ICON_BARS "  %s", stop_name(s).c_str());
        text_muted("Drop it where it should go in the day");
        ImGui::EndDragDropSource();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\n%s", stop_name(s).c_str(),
                          s.location ? "Drag it into the route, or optimize the day to fit it in"
                                     : "Add the account's address (Accounts view) to route it");
    const float tx = pos.x + pad + 44 * ui.dpr;
    dl->AddText(ImVec2(pos.x + pad + 14 * ui.dpr, pos.y + pad), issue_colour(s.issue),
                issue_icon(s.issue));
    draw_text_fit(dl, ui.fonts.bold, ImVec2(tx, pos.y + pad), p.text, stop_name(s),
                  w - (tx - pos.x) - btn * 2 - pad * 2);
    draw_text_fit(dl, ui.fonts.body, ImVec2(tx, pos.y + pad + line + gap), issue_colour(s.issue),
                  s.issue_text, w - (tx - pos.x) - btn * 2 - pad * 2);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + w - pad - btn * 2, pos.y + pad - 3 * ui.dpr));
    ImGui::BeginDisabled(locked_out(ui));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    if (icon_button(ICON_CALENDAR "##move", "Move to another day")) ImGui::OpenPopup("##move");
    ImGui::SameLine(0, 0);
    if (icon_button(ICON_TRASH "##remove", "Remove from the day (Undo with Ctrl+Z)"))
        app::remove_visit(app, a.id);
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
    if (ImGui::BeginPopup("##move")) {
        const core::Date monday = core::week_start(r.date);
        for (int d = 0; d < core::kWeekDays + 5; ++d) {
            const core::Date to = core::add_days(monday, d < core::kWeekDays ? d : d + 2);
            if (to == r.date) continue;
            if (d == core::kWeekDays) ImGui::Separator();
            if (ImGui::MenuItem(app::short_day(to).c_str(), nullptr, false,
                                to >= app.clock().today()))
                app::move_visit(app, a.id, to);
        }
        ImGui::EndPopup();
    }
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
    ImGui::Dummy(ImVec2(w, 0));
    ImGui::PopID();
}

void add_stops(app::App& app, UiState& ui, const core::DayRoute& r) {
    const Palette& p = palette();
    ImGui::Dummy(ImVec2(0, 6 * ui.dpr));
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(ICON_PLUS_CIRCLE "  Add stops");
    ImGui::PopFont();
    ImGui::BeginDisabled(locked_out(ui));
    const std::vector<std::string> selected = selection_not_on_day(app, ui, r.date);
    if (!selected.empty()) {
        const std::string lbl = "Add the " +
                                core::format_count(static_cast<long long>(selected.size())) +
                                (selected.size() == 1 ? " selected account" : " selected accounts");
        if (ImGui::Button(lbl.c_str())) app::add_visits(app, r.date, selected);
        record_rect(ui, "add-selected-day");
        tooltip_on_hover("Accounts selected on the map, in the list or on a desk, each after the "
                         "day's last visit");
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##find", ICON_SEARCH "  Find an account to visit…",
                             ui.week.stop_search, sizeof ui.week.stop_search);
    record_rect(ui, "find-account");
    const std::string q = ui.week.stop_search;
    if (q.size() >= 2) {
        auto lower = [](std::string s) {
            for (char& c : s)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return s;
        };
        const std::string lq = lower(q);
        int shown = 0;
        for (const core::Account& acc : app.plan().accounts) {
            if (lower(acc.name).find(lq) == std::string::npos) continue;
            const std::string lbl = acc.name +
                                    (acc.address.city.empty() ? "" : "  ·  " + acc.address.city) +
                                    (acc.location ? "" : "  (no location)") + "##add" + acc.id;
            if (ImGui::Selectable(lbl.c_str())) {
                app::add_visits(app, r.date, {acc.id});
                ui.week.stop_search[0] = 0;
            }
            if (++shown == 8) break;
        }
        if (shown == 0)
            ImGui::TextColored(to_vec4(p.text_muted), "No account name contains \"%s\".",
                               q.c_str());
    }
    ImGui::EndDisabled();
}

} // namespace

const core::DayRoute& cached_route(const app::App& app, core::Date date) {
    RouteCache* slot = nullptr;
    for (RouteCache& c : g_routes)
        if (c.day == date.days && c.plan == &app.plan() && c.revision == app.doc().revision())
            return c.route;
    // Reuse the slot of the same day, else the oldest one.
    for (RouteCache& c : g_routes)
        if (c.day == date.days) slot = &c;
    static std::size_t next = 0;
    if (!slot) slot = &g_routes[next++ % std::size(g_routes)];
    slot->plan = &app.plan();
    slot->revision = app.doc().revision();
    slot->day = date.days;
    slot->route = core::day_route(app.plan(), date, &app.doc().index());
    return slot->route;
}

void draw_route_list(app::App& app, UiState& ui, const core::DayRoute& r, float w, float h) {
    const Palette& p = palette();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6 * ui.dpr, 6 * ui.dpr));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, to_vec4(p.surface));
    ImGui::BeginChild("##route", ImVec2(w, h),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    if (r.stops.empty() && r.unrouted.empty()) {
        ImGui::Dummy(ImVec2(0, 8 * ui.dpr));
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - 8 * ui.dpr);
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(ICON_CAR "  No visits on this day yet");
        ImGui::PopFont();
        text_muted("Add the accounts you selected on the map or in the list, or find one below. "
                   "Each visit goes "
                   "after the last one; Optimize route then orders them for the least driving. "
                   "Plan my week (in "
                   "the week view) can also suggest which accounts to visit.");
        ImGui::PopTextWrapPos();
    } else {
        place_row(app, ui, r.start, true, r.stops.empty() ? -1 : r.leave, 0, 0);
        std::string dropped;
        std::size_t drop_at = 0;
        for (std::size_t k = 0; k < r.stops.size(); ++k)
            stop_row(app, ui, r, r.stops[k], k, dropped, drop_at);
        place_row(app, ui, r.end, false, r.stops.empty() ? -1 : r.back, r.back_drive_minutes,
                  r.back_km);
        if (!dropped.empty()) app::reorder_day(app, r.date, reorder(r, dropped, drop_at));
        if (!r.unrouted.empty()) {
            ImGui::Dummy(ImVec2(0, 6 * ui.dpr));
            ImGui::PushFont(ui.fonts.bold);
            ImGui::Text(ICON_EXCLAMATION_CIRCLE "  Not on the route (%zu)", r.unrouted.size());
            ImGui::PopFont();
            tooltip_on_hover("Visits of this day without a time (they did not fit, or were added "
                             "without one) or "
                             "without a location");
            // Rows of one height: only those in view are drawn (a 200-visit day lists ~190 here).
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(r.unrouted.size()), ImGui::GetTextLineHeight() * 2 +
                                                                   20 * ui.dpr +
                                                                   ImGui::GetStyle().ItemSpacing.y);
            while (clipper.Step())
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
                    unrouted_row(app, ui, r, r.unrouted[static_cast<std::size_t>(i)]);
        }
    }
    add_stops(app, ui, r);
    ImGui::EndChild();
}

void draw_day(app::App& app, UiState& ui) {
    const core::Date date = shown_day(app, ui);
    const core::DayRoute& r = cached_route(app, date);
    summary_strip(app, ui, r);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = 12 * ui.dpr;
    const float timeline_w = std::max(280 * ui.dpr, avail.x * 0.31f);
    const float list_w = std::max(340 * ui.dpr, avail.x * 0.36f);
    const float map_w = std::max(160 * ui.dpr, avail.x - timeline_w - list_w - gap * 2);
    draw_timeline(app, ui, r, timeline_w, avail.y);
    ImGui::SameLine(0, gap);
    draw_route_list(app, ui, r, list_w, avail.y);
    ImGui::SameLine(0, gap);
    draw_minimap(app, ui, r, map_w, avail.y);
}

} // namespace footprint::ui::week
