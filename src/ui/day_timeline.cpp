// The day's timeline: hours down the side, working hours and lunch shaded, each drive as a thin bar
// with its minutes, each visit as a block from its start to its end, waits, and the day's other
// timed activities (calls, meetings) as small marks on the right.
#include "core/format.h"
#include "ui/theme.h"
#include "ui/view_common.h"
#include "ui/week_parts.h"

#include <algorithm>
#include <cfloat>

namespace footprint::ui::week {

namespace {

struct Others {
    CacheKey key;
    std::int32_t day = 0;
    std::vector<const core::Activity*> list; // timed, not visits
};
Others g_others;

const std::vector<const core::Activity*>& other_activities(const app::App& app, core::Date date) {
    if (g_others.key.refresh(app, date.days) || g_others.day != date.days) {
        g_others.day = date.days;
        g_others.list.clear();
        for (const core::Activity& a : app.plan().activities)
            if (a.date == date && a.type != core::ActivityType::Visit && a.start_minute)
                g_others.list.push_back(&a);
        std::sort(g_others.list.begin(), g_others.list.end(),
                  [](const core::Activity* a, const core::Activity* b) {
                      return *a->start_minute < *b->start_minute;
                  });
    }
    return g_others.list;
}

} // namespace

void draw_timeline(app::App& app, UiState& ui, const core::DayRoute& r, float w, float h) {
    const Palette& p = palette();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, to_vec4(p.surface));
    ImGui::BeginChild("##timeline", ImVec2(w, h), ImGuiChildFlags_Border,
                      ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    const float pad = 10 * ui.dpr;
    const std::vector<const core::Activity*>& others = other_activities(app, r.date);

    // The span shown: working hours, widened to whatever the day holds, in whole hours.
    int first = r.hours.start, last = r.hours.end;
    if (!r.stops.empty()) {
        first = std::min(first, r.leave);
        last = std::max(last, r.back);
    }
    for (const core::Activity* a : others) {
        first = std::min(first, *a->start_minute);
        last = std::max(last, *a->start_minute + std::max(15, a->duration_minutes));
    }
    first = std::max(0, first / 60 * 60);
    last = std::min(24 * 60, (last + 59) / 60 * 60);
    const float top = o.y + pad + line * 0.5f, bottom = o.y + h - pad - line * 0.5f;
    const float per_min = (bottom - top) / static_cast<float>(std::max(60, last - first));
    auto y_of = [&](int m) { return top + static_cast<float>(m - first) * per_min; };
    const float gutter = ImGui::CalcTextSize("12 PM").x + pad * 1.5f;
    const float x0 = o.x + gutter, x1 = o.x + w - pad;
    float marks_w = 0; // the chips of the other activities: as wide as the widest
    for (const core::Activity* a : others) {
        const std::string t =
            std::string(activity_icon(a->type)) + " " + time_of_day(*a->start_minute);
        marks_w = std::max(marks_w, ImGui::CalcTextSize(t.c_str()).x + 14 * ui.dpr);
    }
    marks_w = std::min(marks_w, (x1 - x0) * 0.3f);
    const float lane_x0 = x0 + 26 * ui.dpr, lane_x1 = x1 - marks_w - (marks_w > 0 ? 6 * ui.dpr : 0);

    // Working hours and lunch.
    dl->AddRectFilled(ImVec2(x0, y_of(r.hours.start)), ImVec2(x1, y_of(r.hours.end)),
                      with_alpha(p.accent, 0.035f));
    if (r.hours.lunch_minutes > 0) {
        const float ly0 = y_of(r.hours.lunch_start),
                    ly1 = y_of(r.hours.lunch_start + r.hours.lunch_minutes);
        dl->AddRectFilled(ImVec2(x0, ly0), ImVec2(x1, ly1), with_alpha(p.warning, 0.10f));
        const std::string lunch = ICON_CUTLERY "  Lunch";
        if (ly1 - ly0 >= line)
            dl->AddText(ImVec2(lane_x1 - ImGui::CalcTextSize(lunch.c_str()).x - 4 * ui.dpr,
                               ly0 + 2 * ui.dpr),
                        with_alpha(p.text_muted, 0.9f), lunch.c_str());
    }
    // Hours.
    for (int m = first; m <= last; m += 60) {
        const float y = y_of(m);
        dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), p.grid);
        const int hr = m / 60 % 24;
        const std::string lbl =
            std::to_string(hr % 12 == 0 ? 12 : hr % 12) + (hr < 12 ? " AM" : " PM");
        const float lw = ImGui::CalcTextSize(lbl.c_str()).x;
        dl->AddText(ImVec2(x0 - pad * 0.6f - lw, y - line * 0.5f), p.text_muted, lbl.c_str());
        if (m + 30 < last && per_min * 60 > line * 3)
            dl->AddLine(ImVec2(x0, y_of(m + 30)), ImVec2(x1, y_of(m + 30)),
                        with_alpha(p.grid, 0.5f));
    }
    // The end of working hours, marked.
    dl->AddLine(ImVec2(x0, y_of(r.hours.end)), ImVec2(x1, y_of(r.hours.end)),
                with_alpha(p.danger, 0.45f), 1.5f * ui.dpr);

    if (r.stops.empty()) {
        const char* msg = "The timeline fills as you add visits.";
        const ImVec2 ms = ImGui::CalcTextSize(msg);
        dl->AddText(ImVec2((lane_x0 + lane_x1 - ms.x) * 0.5f, (top + bottom) * 0.5f), p.text_muted,
                    msg);
    }

    // Leaving, drives, waits and visits.
    const float bar_x = x0 + 12 * ui.dpr;
    for (std::size_t k = 0; k < r.stops.size(); ++k) {
        const core::DayStop& s = r.stops[k];
        const int drive_from = s.arrive - s.drive_minutes;
        if (s.drive_minutes > 0) {
            dl->AddRectFilled(ImVec2(bar_x - 2 * ui.dpr, y_of(drive_from)),
                              ImVec2(bar_x + 2 * ui.dpr, y_of(s.arrive)),
                              with_alpha(p.accent, 0.55f), 2 * ui.dpr);
            const float dy = y_of(s.arrive) - y_of(drive_from);
            if (dy >= line * 0.9f) {
                const std::string t = ICON_CAR " " + core::format_duration_minutes(s.drive_minutes);
                dl->AddText(ImVec2(lane_x0, (y_of(drive_from) + y_of(s.arrive) - line) * 0.5f),
                            p.text_muted, t.c_str());
            }
        }
        if (s.start > s.arrive && y_of(s.start) - y_of(s.arrive) > 2) {
            for (float y = y_of(s.arrive); y < y_of(s.start); y += 5 * ui.dpr)
                dl->AddLine(ImVec2(bar_x, y),
                            ImVec2(bar_x, std::min(y + 2 * ui.dpr, y_of(s.start))), p.text_muted,
                            1.5f * ui.dpr);
            const float dy = y_of(s.start) - y_of(s.arrive);
            if (dy >= line * 0.9f && s.start - s.arrive >= 10) {
                const std::string t = "Wait " + core::format_duration_minutes(s.start - s.arrive);
                dl->AddText(ImVec2(lane_x0, (y_of(s.arrive) + y_of(s.start) - line) * 0.5f),
                            with_alpha(p.text_muted, 0.8f), t.c_str());
            }
        }
        // The visit block.
        const float by0 = y_of(s.start);
        const float by1 = std::max(y_of(s.end), by0 + line + 6 * ui.dpr);
        const ImVec2 a(lane_x0, by0), b(lane_x1, by1 - 1 * ui.dpr);
        const bool focused = ui.week.focus_stop == s.visit->id;
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(s.visit->id.c_str());
        const bool clicked = ImGui::InvisibleButton(
            "##block", ImVec2(std::max(1.0f, b.x - a.x), std::max(1.0f, b.y - a.y)));
        const bool hovered = ImGui::IsItemHovered();
        record_rect(ui, "block:" + s.visit->id);
        ImGui::PopID();
        const ImU32 status = s.account ? status_colour(s.account->status) : p.text_muted;
        dl->AddRectFilled(a, b,
                          s.done ? with_alpha(p.success, 0.16f)
                                 : with_alpha(status, hovered || focused ? 0.26f : 0.16f),
                          4 * ui.dpr);
        dl->AddRectFilled(a, ImVec2(a.x + 4 * ui.dpr, b.y), status, 4 * ui.dpr,
                          ImDrawFlags_RoundCornersLeft);
        if (s.blocking())
            dl->AddRect(a, b, p.danger, 4 * ui.dpr, 0, 1.5f * ui.dpr);
        else if (focused)
            dl->AddRect(a, b, p.accent, 4 * ui.dpr, 0, 1.5f * ui.dpr);
        number_badge(dl, ImVec2(bar_x, by0 + line * 0.5f + 3 * ui.dpr), 8 * ui.dpr, s.number,
                     status, p.on_accent);
        std::string head = time_of_day(s.start) + "  " + stop_name(s);
        std::string icons;
        if (s.fixed) icons += ICON_THUMB_TACK " ";
        if (s.locked) icons += ICON_LOCK " ";
        if (s.done) icons += ICON_CHECK_CIRCLE " ";
        if (s.blocking()) icons += ICON_WARNING " ";
        const float iw = ImGui::CalcTextSize(icons.c_str()).x;
        const float tx = a.x + 9 * ui.dpr;
        draw_text_fit(dl, ui.fonts.bold, ImVec2(tx, by0 + 3 * ui.dpr), p.text, head,
                      b.x - tx - iw - 6 * ui.dpr);
        if (!icons.empty())
            dl->AddText(ImVec2(b.x - iw - 4 * ui.dpr, by0 + 3 * ui.dpr),
                        s.blocking() ? p.danger : p.accent, icons.c_str());
        if (b.y - by0 > line * 2 + 6 * ui.dpr) {
            const std::string sub = core::format_duration_minutes(s.visit->duration_minutes) +
                                    (s.visit->subject.empty() ? "" : "  ·  " + s.visit->subject);
            draw_text_fit(dl, ui.fonts.body, ImVec2(tx, by0 + 3 * ui.dpr + line), p.text_muted, sub,
                          b.x - tx - 6 * ui.dpr);
        }
        if (hovered) {
            ImGui::BeginTooltip();
            ImGui::PushFont(ui.fonts.bold);
            ImGui::TextUnformatted(stop_name(s).c_str());
            ImGui::PopFont();
            ImGui::Text("%s  ·  arrive %s", time_range(s.start, s.end).c_str(),
                        time_of_day(s.arrive).c_str());
            if (s.drive_minutes > 0)
                ImGui::Text(ICON_CAR "  %s", drive_text(s.drive_minutes, s.drive_km).c_str());
            if (!s.issue_text.empty())
                ImGui::TextColored(to_vec4(issue_colour(s.issue)), "%s  %s", issue_icon(s.issue),
                                   s.issue_text.c_str());
            ImGui::TextColored(to_vec4(p.text_muted),
                               "Click to find it in the list and on the map");
            ImGui::EndTooltip();
        }
        if (clicked) {
            ui.week.focus_stop = s.visit->id;
            if (s.account) ui.selection = {s.account->id};
        }
    }
    // Leaving and coming back.
    if (!r.stops.empty()) {
        const std::string leave = ICON_HOME "  Leave " + time_of_day(r.leave);
        dl->AddText(ImVec2(lane_x0, y_of(r.leave) - line - 1 * ui.dpr), p.text_muted,
                    leave.c_str());
        dl->AddCircleFilled(ImVec2(bar_x, y_of(r.leave)), 3.5f * ui.dpr, p.text_muted);
        const core::DayStop& lastk = r.stops.back();
        if (r.back_drive_minutes > 0)
            dl->AddRectFilled(ImVec2(bar_x - 2 * ui.dpr, y_of(lastk.end)),
                              ImVec2(bar_x + 2 * ui.dpr, y_of(r.back)), with_alpha(p.accent, 0.55f),
                              2 * ui.dpr);
        dl->AddCircleFilled(ImVec2(bar_x, y_of(r.back)), 3.5f * ui.dpr, p.text_muted);
        const std::string back =
            ICON_FLAG_CHECKERED "  Back " + time_of_day(r.back) +
            (r.back_drive_minutes > 0
                 ? "  (" + core::format_duration_minutes(r.back_drive_minutes) + ")"
                 : "");
        dl->AddText(ImVec2(lane_x0, y_of(r.back) + 1 * ui.dpr), p.text_muted, back.c_str());
    }
    // Other timed activities of the day, on the right.
    for (const core::Activity* a : others) {
        const float y = y_of(*a->start_minute);
        const std::string t =
            std::string(activity_icon(a->type)) + " " + time_of_day(*a->start_minute);
        const float mx = x1 - marks_w;
        const float chip_h = line + 2 * ui.dpr;
        dl->AddRectFilled(ImVec2(mx, y - chip_h * 0.5f), ImVec2(x1, y + chip_h * 0.5f),
                          with_alpha(p.text_muted, 0.12f), chip_h * 0.5f);
        ImGui::SetCursorScreenPos(ImVec2(mx, y - chip_h * 0.5f));
        ImGui::PushID(a);
        ImGui::InvisibleButton("##other", ImVec2(marks_w, chip_h));
        ImGui::PopID();
        draw_text_fit(dl, ui.fonts.body, ImVec2(mx + 6 * ui.dpr, y - line * 0.5f), p.text_muted, t,
                      marks_w - 10 * ui.dpr);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s at %s: %s\n%s\nNot part of the route (only visits are).",
                              activity_label(a->type), time_of_day(*a->start_minute).c_str(),
                              account_name(app, a->account_id).c_str(), a->subject.c_str());
    }
    // Now, on today's timeline.
    if (r.date == app.clock().today() && app.clock().minute_of_day) {
        const int now = app.clock().minute_of_day();
        if (now >= first && now <= last) {
            const float y = y_of(now);
            dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), p.danger, 1.5f * ui.dpr);
            dl->AddCircleFilled(ImVec2(x0, y), 3.5f * ui.dpr, p.danger);
            const char* label = "Now";
            dl->AddText(ImVec2(x0 - ImGui::CalcTextSize(label).x - pad * 0.6f, y - line * 0.5f),
                        p.danger, label);
        }
    }
    ImGui::EndChild();
}

} // namespace footprint::ui::week
