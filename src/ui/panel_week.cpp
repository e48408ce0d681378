// Plan my week: the header (which week or day, the mode, export, the main action and the progress
// of an optimisation) over either the five-day board with visit suggestions, or one day's route.
// The parts live in week_board.cpp, week_side.cpp, day_view.cpp, day_timeline.cpp,
// day_minimap.cpp and week_dialogs.cpp; what they do apart from drawing is in week_actions.cpp.
#include "core/format.h"
#include "core/summary.h"
#include "ui/theme.h"
#include "ui/view_common.h"
#include "ui/week_parts.h"

#include <algorithm>
#include <cfloat>

namespace footprint::ui {

namespace {

using week::shown_day;
using week::shown_monday;

std::string week_label(core::Date monday) {
    const core::Date friday = core::add_days(monday, 4);
    const core::Ymd a = core::ymd_of(monday), b = core::ymd_of(friday);
    std::string s = std::string(month_short(a.month)) + " " + std::to_string(a.day) + " – ";
    if (b.month != a.month) s += std::string(month_short(b.month)) + " ";
    s += std::to_string(b.day) + ", " + std::to_string(b.year);
    return s;
}

std::string day_label(core::Date d) {
    return std::string(weekday_long(core::weekday(d))) + ", " + core::format_date(d);
}

// Arrow keys move through days or weeks; W and D switch the mode; O optimizes the day, P plans the
// week; Escape cancels what runs. Only while nothing takes text input.
void shortcuts(app::App& app, UiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeySuper || io.KeyAlt ||
        ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        return;
    WeekViewState& w = ui.week;
    const bool day = w.mode == WeekViewState::Mode::Day;
    auto step = [&](int dir) {
        if (!day) {
            w.week_offset += dir;
            return;
        }
        core::Date d = core::add_days(shown_day(app, ui), dir);
        while (core::weekday(d) >= core::kWeekDays)
            d = core::add_days(d, dir); // skip weekends
        week::open_day(ui, app, d);
    };
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false)) step(-1);
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, false)) step(1);
    if (ImGui::IsKeyPressed(ImGuiKey_W, false)) week::show_week(ui);
    if (ImGui::IsKeyPressed(ImGuiKey_D, false)) week::open_day(ui, app, shown_day(app, ui));
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && w.job) week::cancel_job(app, ui);
    if (!w.job && day && ImGui::IsKeyPressed(ImGuiKey_O, false))
        week::start_day_job(app, ui, shown_day(app, ui));
    if (!w.job && !day && ImGui::IsKeyPressed(ImGuiKey_P, false)) week::start_week_job(app, ui);
}

// The running optimisation: what it is, how far, and Cancel. Width `w`.
void job_progress(app::App& app, UiState& ui, float w) {
    const app::RouteJob& job = *ui.week.job;
    const bool day = job.kind() == app::RouteJob::Kind::Day;
    const std::string what =
        day ? "Optimizing " + app::short_day(job.date()) + " (" + core::format_count(job.stops()) +
                  (job.stops() == 1 ? " visit)" : " visits)")
            : "Planning the week (" + core::format_count(job.stops()) + " candidates)";
    const ImGuiStyle& st = ImGui::GetStyle();
    const float cancel_w = ImGui::CalcTextSize("Cancel").x + st.FramePadding.x * 2;
    const float bar_w = 90 * ui.dpr;
    std::string label = what;
    fit_text(label, std::max(40 * ui.dpr, w - cancel_w - bar_w - st.ItemSpacing.x * 3));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.c_str());
    tooltip_on_hover(what.c_str());
    ImGui::SameLine();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float bar_h = 6 * ui.dpr;
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (ImGui::GetFrameHeight() - bar_h) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, to_vec4(palette().accent));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, bar_h * 0.5f);
    ImGui::ProgressBar(static_cast<float>(job.progress()), ImVec2(bar_w, bar_h), "");
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    week::record_rect(ui, "progress");
    ImGui::SetCursorScreenPos(ImVec2(at.x + bar_w, at.y));
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) week::cancel_job(app, ui);
    week::record_rect(ui, "cancel");
    tooltip_on_hover("Stop and change nothing (Esc)");
}

void header(app::App& app, UiState& ui) {
    WeekViewState& w = ui.week;
    const bool day = w.mode == WeekViewState::Mode::Day;
    const core::Date today = app.clock().today();
    const core::Date monday = shown_monday(app, ui);
    const core::Date shown = shown_day(app, ui);
    std::string sub = day ? day_label(shown) : week_label(monday);
    if (day && shown == today) sub += "  ·  today";

    const float x0 = ImGui::GetCursorPosX(), y0 = ImGui::GetCursorPosY();
    page_header(ui, "Plan my week", sub);
    const float y1 = ImGui::GetCursorPosY();
    const float title_w =
        ui.fonts.heading->CalcTextSizeA(ui.fonts.heading->FontSize, FLT_MAX, 0, "Plan my week").x;
    ImGui::SetCursorPos(
        ImVec2(x0 + title_w + 12 * ui.dpr + ImGui::CalcTextSize(sub.c_str()).x + 20 * ui.dpr, y0));
    if (icon_button(ICON_CHEVRON_LEFT "##prev", day ? "Previous day" : "Previous week", true,
                    "Left arrow")) {
        if (day) {
            core::Date d = core::add_days(shown, -1);
            while (core::weekday(d) >= core::kWeekDays)
                d = core::add_days(d, -1);
            week::open_day(ui, app, d);
        } else {
            --w.week_offset;
        }
    }
    ImGui::SameLine();
    const bool at_now = day ? shown == today : w.week_offset == 0;
    ImGui::BeginDisabled(at_now);
    if (ImGui::Button(day ? "Today" : "This week")) {
        if (day)
            week::open_day(ui, app, today);
        else
            w.week_offset = 0;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (icon_button(ICON_CHEVRON_RIGHT "##next", day ? "Next day" : "Next week", true,
                    "Right arrow")) {
        if (day) {
            core::Date d = core::add_days(shown, 1);
            while (core::weekday(d) >= core::kWeekDays)
                d = core::add_days(d, 1);
            week::open_day(ui, app, d);
        } else {
            ++w.week_offset;
        }
    }

    // Right side: the mode, export, and the main action (or the progress of what runs).
    const ImGuiStyle& st = ImGui::GetStyle();
    const char* const modes[] = {ICON_CALENDAR "  Week", ICON_ROAD "  Day"};
    const float modes_w = ImGui::CalcTextSize(modes[0]).x + ImGui::CalcTextSize(modes[1]).x +
                          st.FramePadding.x * 4 + 2 * ui.dpr;
    const float export_w = ImGui::CalcTextSize(ICON_DOWNLOAD "  Export").x + st.FramePadding.x * 2;
    const char* action = day          ? ICON_MAGIC "  Optimize route"
                         : w.proposal ? ICON_MAGIC "  Plan again"
                                      : ICON_MAGIC "  Plan my week";
    const float action_w =
        w.job ? 380 * ui.dpr : ImGui::CalcTextSize(action).x + st.FramePadding.x * 2;
    const float right = ImGui::GetWindowContentRegionMax().x;
    float x = right - action_w - export_w - modes_w - st.ItemSpacing.x * 4;
    ImGui::SetCursorPos(ImVec2(x, y0));
    int mode = day ? 1 : 0;
    if (segmented(ui, "##mode", modes, 2, mode)) {
        if (mode == 1)
            week::open_day(ui, app, shown);
        else
            week::show_week(ui);
    }
    tooltip_on_hover("The five days of the week (W), or one day's route (D)");
    ImGui::SameLine(0, st.ItemSpacing.x * 2);
    if (ImGui::Button(ICON_DOWNLOAD "  Export")) ImGui::OpenPopup("##export");
    week::record_rect(ui, "export");
    tooltip_on_hover(
        "Save the visits as a calendar file for Outlook or Google Calendar, or as a spreadsheet");
    if (ImGui::BeginPopup("##export")) {
        week::export_menu(app, ui, shown);
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    if (w.job) {
        job_progress(app, ui, action_w);
    } else {
        const bool enabled = !app.plan().accounts.empty();
        ImGui::BeginDisabled(!enabled);
        if (primary_button(action)) {
            if (day)
                week::start_day_job(app, ui, shown);
            else
                week::start_week_job(app, ui);
        }
        ImGui::EndDisabled();
        week::record_rect(ui, day ? "optimize" : "plan-week");
        tooltip_on_hover(
            day ? "Order the day's visits for the least driving, around the appointments; visits "
                  "that cannot fit are listed with the reason (O)"
                : "Choose which accounts to visit on which day so the most valuable visits fit "
                  "your "
                  "working hours, nearby ones together; you review the plan before it is added "
                  "(P)");
    }
    ImGui::SetCursorPos(ImVec2(x0, y1));
}

} // namespace

void draw_week_panel(app::App& app, UiState& ui) {
    ui.week.rects.clear();
    const core::Plan& plan = app.plan();
    if (plan.accounts.empty()) {
        page_header(ui, "Plan my week", "");
        empty_state(
            ui, ICON_CALENDAR, "Nothing to plan yet",
            "Plan my week lays out your calls, visits and meetings from Monday to Friday, "
            "suggests which accounts to visit on which day, and orders each day's visits for the "
            "least driving. Open a plan with accounts, or try the sample plan.");
        empty_plan_actions(app, ui);
        return;
    }
    shortcuts(app, ui);
    header(app, ui);
    if (ui.week.mode == WeekViewState::Mode::Day) {
        week::draw_day(app, ui);
    } else {
        const float full_w = ImGui::GetContentRegionAvail().x;
        const float gap = 8 * ui.dpr;
        const float side_w = std::clamp(full_w * 0.28f, 320 * ui.dpr, 440 * ui.dpr);
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        week::draw_board(app, ui, full_w - side_w - gap * 2, avail.y);
        ImGui::SameLine(0, gap * 2);
        week::draw_side(app, ui, side_w, avail.y);
    }
}

} // namespace footprint::ui
