// The five-day board of Plan my week: each day's activities as cards by start time, its visits'
// driving in the header (click it to open the day's route), visits dragged from one day to another,
// and a proposed week shown as dashed "suggested" cards until it is added or discarded.
#include "core/format.h"
#include "core/summary.h"
#include "ui/theme.h"
#include "ui/view_common.h"
#include "ui/week_parts.h"

#include <imgui_internal.h> // ImRect, BeginDragDropTargetCustom: a whole column takes a drop

#include <algorithm>
#include <cfloat>

namespace footprint::ui::week {

namespace {

constexpr const char* kVisitPayload = "FP_VISIT"; // drag-and-drop of a visit card (its activity id)

struct DaySummary {
    int visits = 0, drive_minutes = 0, problems = 0;
    double km = 0;
};

struct BoardData {
    CacheKey key;
    core::Date monday;
    std::vector<const core::Activity*> days[core::kWeekDays]; // by start time
    DaySummary summary[core::kWeekDays];
    int weekend = 0;
};
BoardData g_board;

void refresh(const app::App& app, const UiState& ui) {
    const core::Date monday = shown_monday(app, ui);
    if (!g_board.key.refresh(app, monday.days)) return;
    g_board.monday = monday;
    for (auto& d : g_board.days)
        d.clear();
    g_board.weekend = 0;
    for (const core::Activity* a :
         core::activities_between(app.plan(), monday, core::add_days(monday, 6))) {
        const int i = core::days_between(monday, a->date);
        if (i < core::kWeekDays)
            g_board.days[i].push_back(a);
        else
            ++g_board.weekend;
    }
    for (int d = 0; d < core::kWeekDays; ++d) {
        const core::DayRoute& r = cached_route(app, core::add_days(monday, d));
        g_board.summary[d] = {static_cast<int>(r.stops.size() + r.unrouted.size()),
                              r.stops.empty() ? 0 : r.drive_minutes,
                              r.problems + static_cast<int>(r.unrouted.size()), r.km};
    }
}

// An item of a column: an activity of the plan, or a visit the proposed week adds or moves here.
struct Item {
    const core::Activity* activity = nullptr;
    const core::WeekVisit* proposed = nullptr;
    int minute() const {
        if (proposed) return proposed->start_minute;
        return activity->start_minute.value_or(-1);
    }
};

float card_height(const UiState& ui) {
    return 9 * ui.dpr * 2 + ImGui::GetTextLineHeight() * 3 + 4 * ui.dpr * 2;
}

void dashed_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float dash, float thick) {
    auto line = [&](ImVec2 p, ImVec2 q) {
        const float len = std::hypot(q.x - p.x, q.y - p.y);
        const ImVec2 dir((q.x - p.x) / len, (q.y - p.y) / len);
        for (float t = 0; t < len; t += dash * 2) {
            const float e = std::min(len, t + dash);
            dl->AddLine(ImVec2(p.x + dir.x * t, p.y + dir.y * t),
                        ImVec2(p.x + dir.x * e, p.y + dir.y * e), col, thick);
        }
    };
    line(a, ImVec2(b.x, a.y));
    line(ImVec2(b.x, a.y), b);
    line(b, ImVec2(a.x, b.y));
    line(ImVec2(a.x, b.y), a);
}

const core::Activity* find_visit(const app::App& app, const std::string& id) {
    const auto idx = app.doc().index().activity(id);
    return idx ? &app.plan().activities[*idx] : nullptr;
}

const core::WeekVisit* proposed_move(const UiState& ui, const core::Activity& a) {
    if (!ui.week.proposal) return nullptr;
    for (const core::WeekVisit& v : ui.week.proposal->visits)
        if (v.activity_id == a.id && v.moved) return &v;
    return nullptr;
}

void card(app::App& app, UiState& ui, const Item& item, int day) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = card_height(ui);
    const float pad = 9 * ui.dpr, gap = 4 * ui.dpr, line = ImGui::GetTextLineHeight();
    const core::Activity* a = item.activity;
    const core::WeekVisit* pv = item.proposed;
    ImGui::PushID(a ? static_cast<const void*>(a) : static_cast<const void*>(pv));
    const bool clicked = ImGui::InvisibleButton("##card", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    if (a) record_rect(ui, "card:" + a->id);
    const std::string account_id = a ? a->account_id : pv->account_id;
    const bool selected = ui.selection.count(account_id) > 0;
    const bool visit = pv || a->type == core::ActivityType::Visit;
    // Visits that are not done move between days by drag and drop.
    if (a && visit && !a->checked_in && !ui.week.job &&
        ImGui::BeginDragDropSource(ImGuiDragDropFlags_SourceAllowNullID)) {
        ImGui::SetDragDropPayload(kVisitPayload, a->id.data(), a->id.size());
        ImGui::Text(ICON_CAR "  Move the visit to %s", account_name(app, a->account_id).c_str());
        text_muted("Drop it on another day");
        ImGui::EndDragDropSource();
    }
    ImGui::PopID();

    const core::WeekVisit* moving = a ? proposed_move(ui, *a) : nullptr;
    if (pv) {
        dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h),
                          with_alpha(p.accent, hovered ? 0.12f : 0.07f),
                          ImGui::GetStyle().ChildRounding);
        dashed_rect(dl, pos, ImVec2(pos.x + w, pos.y + h), p.accent, 5 * ui.dpr, 1.4f * ui.dpr);
    } else {
        card_background(ui, dl, pos, ImVec2(pos.x + w, pos.y + h), hovered, selected);
        if (moving)
            dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), with_alpha(p.surface_alt, 0.6f),
                              ImGui::GetStyle().ChildRounding);
    }
    float y = pos.y + pad;
    const char* icon = pv ? ICON_CAR : activity_icon(a->type);
    dl->AddText(ImVec2(pos.x + pad, y), pv ? p.accent : p.accent, icon);
    const float icon_w = ImGui::GetFontSize() * 1.15f + 4 * ui.dpr;
    const int minute = item.minute();
    const std::string when = minute >= 0 ? time_of_day(minute) : "Any time";
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(pos.x + pad + icon_w, y), p.text,
                when.c_str());
    std::string tag;
    ImU32 tag_colour = p.text_muted;
    const core::Activity* origin =
        pv && !pv->activity_id.empty() ? find_visit(app, pv->activity_id) : nullptr;
    if (pv) {
        tag = pv->activity_id.empty() ? "Suggested" : "Moved";
        tag_colour = p.accent;
    } else if (moving) {
        tag = "\xE2\x86\x92 " + std::string(weekday_short(moving->day)); // "→ Tue"
        tag_colour = p.warning;
    } else if (a->checked_in) {
        tag = ICON_CHECK " Done";
        tag_colour = p.success;
    } else if (a->fixed_time) {
        tag = ICON_THUMB_TACK;
    } else if (a->duration_minutes > 0) {
        tag = core::format_duration_minutes(a->duration_minutes);
    }
    if (!tag.empty()) {
        const float tw =
            ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, when.c_str()).x;
        const float dw = ImGui::CalcTextSize(tag.c_str()).x;
        if (pad + icon_w + tw + 8 * ui.dpr + dw <= w - pad)
            dl->AddText(ImVec2(pos.x + w - pad - dw, y), tag_colour, tag.c_str());
    }
    y += line + gap;
    const std::string account = account_name(app, account_id);
    draw_text_fit(dl, ui.fonts.body, ImVec2(pos.x + pad, y), p.text, account, w - pad * 2);
    y += line + gap;
    std::string subject;
    if (origin) {
        // Where it was: "from Tue 8:02 AM" or "from 8:02 AM".
        const int from_day = core::days_between(g_board.monday, origin->date);
        subject =
            "from " +
            (from_day != day ? std::string(weekday_short(std::clamp(from_day, 0, 6))) + " "
                             : std::string()) +
            (origin->start_minute ? time_of_day(*origin->start_minute) : std::string("no time"));
    } else if (pv) {
        subject =
            pv->candidate >= 0 && static_cast<std::size_t>(pv->candidate) <
                                      ui.week.proposal_request.candidates.size()
                ? ui.week.proposal_request.candidates[static_cast<std::size_t>(pv->candidate)].why
                : "";
        if (subject.empty()) subject = core::format_duration_minutes(pv->drive_minutes) + " drive";
    } else {
        subject = a->subject.empty() ? activity_label(a->type) : a->subject;
    }
    draw_text_fit(dl, ui.fonts.body, ImVec2(pos.x + pad, y), p.text_muted, subject, w - pad * 2);

    if (hovered) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(account.c_str());
        ImGui::PopFont();
        if (pv) {
            ImGui::Text("%s  %s visit at %s (%s)", ICON_CAR,
                        pv->activity_id.empty() ? "Suggested" : "Moved",
                        time_of_day(pv->start_minute).c_str(),
                        core::format_duration_minutes(pv->duration).c_str());
            if (pv->value > 0) ImGui::Text("At stake: %s", mrc_whole(pv->value).c_str());
            ImGui::Text("%s drive from the previous stop",
                        core::format_duration_minutes(pv->drive_minutes).c_str());
            ImGui::TextColored(to_vec4(p.text_muted),
                               "Add the proposed week on the right to keep it.");
        } else {
            ImGui::Text("%s  %s  ·  %s", activity_icon(a->type), activity_label(a->type),
                        when.c_str());
            if (!a->subject.empty())
                ImGui::TextColored(to_vec4(p.text_muted), "%s", a->subject.c_str());
            if (a->fixed_time)
                ImGui::Text(ICON_THUMB_TACK "  Appointment: the route keeps this time");
            if (a->checked_in) ImGui::Text(ICON_CHECK "  Checked in");
            if (!a->outcome.empty()) ImGui::Text("Outcome: %s", a->outcome.c_str());
            if (moving)
                ImGui::TextColored(to_vec4(p.warning), "The proposed week moves it to %s at %s",
                                   weekday_long(moving->day),
                                   time_of_day(moving->start_minute).c_str());
            ImGui::TextColored(to_vec4(p.text_muted),
                               visit && !a->checked_in
                                   ? "Click to open the day's route; drag to move it to another day"
                                   : "Click to select the account");
        }
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (clicked) {
        select_account(ui, account_id);
        if (visit && a) {
            ui.week.focus_stop = a->id;
            open_day(ui, app, core::add_days(g_board.monday, day));
        }
    }
}

void column(app::App& app, UiState& ui, int day, float x, float w, float h, core::Date today) {
    const Palette& p = palette();
    const core::Date date = core::add_days(g_board.monday, day);
    const bool is_today = date == today;
    const bool past = date < today;
    ImGui::SetCursorPos(ImVec2(x, 0));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().ChildRounding;
    dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + h), ui.dark ? p.surface_alt : p.grid,
                      rounding);
    if (is_today)
        dl->AddRect(origin, ImVec2(origin.x + w, origin.y + h), with_alpha(p.accent, 0.6f),
                    rounding, 0, 1.5f * ui.dpr);

    // The header opens the day's route.
    const float pad = 10 * ui.dpr, line = ImGui::GetTextLineHeight();
    const float hh = pad * 2 + line * 2 + 4 * ui.dpr;
    ImGui::PushID(day);
    ImGui::InvisibleButton("##head", ImVec2(w, hh));
    const bool head_hover = ImGui::IsItemHovered();
    record_rect(ui, "day-header:" + std::to_string(day));
    if (ImGui::IsItemClicked()) open_day(ui, app, date);
    if (head_hover) {
        dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + hh), with_alpha(p.accent, 0.08f),
                          rounding, ImDrawFlags_RoundCornersTop);
        ImGui::SetTooltip("Open %s's route: times, driving and the map", weekday_long(day));
    }
    const core::Ymd ymd = core::ymd_of(date);
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(origin.x + pad, origin.y + pad),
                is_today ? p.accent : p.text, weekday_long(day));
    const std::string dm = std::string(month_short(ymd.month)) + " " + std::to_string(ymd.day);
    const float dmw = ImGui::CalcTextSize(dm.c_str()).x;
    dl->AddText(ImVec2(origin.x + w - pad - dmw - (head_hover ? 16 * ui.dpr : 0), origin.y + pad),
                p.text_muted, dm.c_str());
    if (head_hover)
        dl->AddText(ImVec2(origin.x + w - pad - 12 * ui.dpr, origin.y + pad), p.accent,
                    ICON_CHEVRON_RIGHT);
    const DaySummary& s = g_board.summary[day];
    std::string count;
    if (s.visits > 0)
        count = core::format_count(s.visits) + (s.visits == 1 ? " visit" : " visits") +
                (s.drive_minutes > 0
                     ? "  ·  " + core::format_duration_minutes(s.drive_minutes) + " driving"
                     : "");
    else
        count = g_board.days[day].empty()
                    ? std::string("Nothing planned")
                    : core::format_count(static_cast<long long>(g_board.days[day].size())) +
                          (g_board.days[day].size() == 1 ? " activity" : " activities");
    if (is_today) count = "Today  ·  " + count;
    float cx = origin.x + pad;
    if (s.problems > 0 && !past) {
        dl->AddText(ImVec2(cx, origin.y + pad + line + 4 * ui.dpr), p.danger, ICON_WARNING);
        cx += ImGui::CalcTextSize(ICON_WARNING).x + 4 * ui.dpr;
    }
    draw_text_fit(dl, ui.fonts.body, ImVec2(cx, origin.y + pad + line + 4 * ui.dpr),
                  is_today ? p.accent : p.text_muted, count, origin.x + w - pad - cx);

    // The cards, with the proposed week's visits among them.
    std::vector<Item> items;
    for (const core::Activity* a : g_board.days[day]) {
        // A visit the proposal moves within the day shows once, at its new time.
        const core::WeekVisit* m = proposed_move(ui, *a);
        if (!m || m->day != day) items.push_back({a, nullptr});
    }
    if (ui.week.proposal)
        for (const core::WeekVisit& v : ui.week.proposal->visits)
            if (v.day == day && (v.activity_id.empty() || v.moved)) items.push_back({nullptr, &v});
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return a.minute() < b.minute(); });

    ImGui::SetCursorPos(ImVec2(x, hh));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8 * ui.dpr, 2 * ui.dpr));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 8 * ui.dpr);
    ImGui::BeginChild("##day", ImVec2(w, h - hh - 4 * ui.dpr),
                      ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar(2);
    if (items.empty()) {
        ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x);
        ImGui::TextColored(
            to_vec4(p.text_muted), "%s",
            past ? "No activity logged."
                 : "A free day: a good time for visits. Plan my week can suggest some.");
        ImGui::PopTextWrapPos();
    } else {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(items.size()),
                      card_height(ui) + ImGui::GetStyle().ItemSpacing.y);
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
                card(app, ui, items[static_cast<std::size_t>(i)], day);
    }
    ImGui::EndChild();
    // The whole column takes a dropped visit.
    const ImRect col(origin, ImVec2(origin.x + w, origin.y + h));
    if (!past && ImGui::BeginDragDropTargetCustom(col, ImGui::GetID("##drop"))) {
        if (const ImGuiPayload* pl = ImGui::AcceptDragDropPayload(kVisitPayload)) {
            const std::string id(static_cast<const char*>(pl->Data),
                                 static_cast<std::size_t>(pl->DataSize));
            app::move_visit(app, id, date);
        }
        ImGui::EndDragDropTarget();
    }
    ImGui::PopID();
}

} // namespace

void draw_board(app::App& app, UiState& ui, float w, float h) {
    refresh(app, ui);
    const float gap = 8 * ui.dpr;
    const float col_w = (w - gap * (core::kWeekDays - 1)) / core::kWeekDays;
    const core::Date today = app.clock().today();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##days", ImVec2(w, h), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    for (int d = 0; d < core::kWeekDays; ++d)
        column(app, ui, d, static_cast<float>(d) * (col_w + gap), col_w, h, today);
    ImGui::EndChild();
}

} // namespace footprint::ui::week
