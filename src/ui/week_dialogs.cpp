// Plan my week's dialogs and small shared pieces: checking in at a visit (its outcome, notes and
// next step), where a day starts and ends (or the home base), and the export menu.
#include "core/format.h"
#include "core/travel.h"
#include "ui/theme.h"
#include "ui/view_common.h"
#include "ui/week_parts.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace footprint::ui::week {

namespace {

void copy_to(char* buf, std::size_t size, const std::string& s) {
    std::snprintf(buf, size, "%s", s.c_str());
}

const char* const kDue[] = {"No due date", "Tomorrow", "In a week", "In two weeks"};

void check_in_dialog(app::App& app, UiState& ui) {
    WeekViewState& w = ui.week;
    if (w.checkin_open) {
        ImGui::OpenPopup("Check in##dialog");
        w.checkin_open = false;
    }
    const auto idx = app.doc().index().activity(w.checkin_id);
    ImGui::SetNextWindowSize(ImVec2(480 * ui.dpr, 0), ImGuiCond_Always);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Check in##dialog", nullptr,
                                ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar))
        return;
    if (!idx) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const Palette& p = palette();
    const core::Activity& a = app.plan().activities[*idx];
    const std::string name = account_name(app, a.account_id);
    ImGui::PushFont(ui.fonts.heading);
    ImGui::Text(ICON_CHECK_CIRCLE "  %s", name.c_str());
    ImGui::PopFont();
    if (a.checked_in)
        ImGui::TextColored(
            to_vec4(p.success), "Checked in%s. Log how it went; you can come back to it.",
            a.start_minute ? (" for the " + time_of_day(*a.start_minute) + " visit").c_str() : "");
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##outcome",
                             "Outcome: renewal agreed, quote requested, no decision yet…",
                             w.outcome, sizeof w.outcome);
    record_rect(ui, "checkin-outcome");
    ImGui::InputTextMultiline("##notes", w.notes, sizeof w.notes,
                              ImVec2(-1, ImGui::GetTextLineHeight() * 4.5f));
    if (!ImGui::IsItemActive() && w.notes[0] == 0) {
        const ImVec2 r = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(
            ImVec2(r.x + ImGui::GetStyle().FramePadding.x, r.y + ImGui::GetStyle().FramePadding.y),
            p.text_muted, "Notes: who you met, what they need…");
    }
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 150 * ui.dpr);
    ImGui::InputTextWithHint("##next", "Next step: send the proposal…", w.next_step,
                             sizeof w.next_step);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::Combo("##due", &w.next_due, kDue, 4);
    tooltip_on_hover("When the next step is due: it shows in Overdue next steps once it passes");
    ImGui::Dummy(ImVec2(0, 6 * ui.dpr));
    const bool enter =
        ImGui::IsKeyPressed(ImGuiKey_Enter) && !ImGui::IsItemActive() && ImGui::GetIO().KeyCtrl;
    if (primary_button(ICON_CHECK "  Save") || enter) {
        app::VisitOutcome o;
        o.outcome = w.outcome;
        o.notes = w.notes;
        o.next_step = w.next_step;
        const int days[] = {0, 1, 7, 14};
        if (w.next_due > 0)
            o.next_step_due =
                core::add_days(app.clock().today(), days[std::clamp(w.next_due, 0, 3)]);
        app::log_visit_outcome(app, a.id, o);
        ImGui::CloseCurrentPopup();
    }
    record_rect(ui, "checkin-save");
    tooltip_on_hover("Save the outcome (Ctrl+Enter)");
    ImGui::SameLine();
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    tooltip_on_hover("Close without saving the text; the check-in stays (Undo with Ctrl+Z)");
    ImGui::EndPopup();
}

void places_dialog(app::App& app, UiState& ui) {
    WeekViewState& w = ui.week;
    if (w.places_open) {
        ImGui::OpenPopup("Places##dialog");
        w.places_open = false;
    }
    ImGui::SetNextWindowSize(ImVec2(500 * ui.dpr, 0), ImGuiCond_Always);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Places##dialog", nullptr,
                                ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar))
        return;
    const Palette& p = palette();
    const core::Date date = shown_day(app, ui);
    const core::Settings& st = app.plan().settings;
    const bool home = w.places_which == 2;
    ImGui::PushFont(ui.fonts.heading);
    if (home)
        ImGui::TextUnformatted(ICON_HOME "  Home base");
    else
        ImGui::Text("%s  Where %s %s", w.places_which == 0 ? ICON_HOME : ICON_FLAG_CHECKERED,
                    app::short_day(date).c_str(), w.places_which == 0 ? "starts" : "ends");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    text_muted(
        home ? "Where your days start and end (your office or home), unless a day says otherwise."
             : "For this day only. Other days keep the home base.");
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 4 * ui.dpr));
    // Quick picks: the home base, the day's stops, the selected accounts.
    if (!home && st.home && ImGui::Button((ICON_HOME "  " + st.home_label).c_str())) {
        core::RouteDayPlaces cur;
        if (auto it = st.route_days.find(date); it != st.route_days.end()) cur = it->second;
        (w.places_which == 0 ? cur.start : cur.end).reset();
        app::set_day_places(app, date, cur.start, cur.end);
        ImGui::CloseCurrentPopup();
    }
    if (!home && st.home) tooltip_on_hover("Use the home base");
    auto use_account = [&](const core::Account& acc) {
        if (!acc.location) return;
        copy_to(w.place_label, sizeof w.place_label, acc.name);
        w.place_lat = acc.location->lat;
        w.place_lon = acc.location->lon;
    };
    std::vector<const core::Account*> picks;
    for (const std::string& id : ui.selection)
        if (const core::Account* a = find_account(app, id); a && a->location) picks.push_back(a);
    for (const core::DayStop& s : cached_route(app, date).stops)
        if (s.account && std::find(picks.begin(), picks.end(), s.account) == picks.end())
            picks.push_back(s.account);
    if (!picks.empty()) {
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##pick", "Use the location of an account…")) {
            for (const core::Account* a : picks)
                if (ImGui::Selectable(a->name.c_str())) use_account(*a);
            ImGui::EndCombo();
        }
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##label", "Name: Office, Home…", w.place_label, sizeof w.place_label);
    text_muted("Latitude and longitude (degrees; west is negative)");
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f - 4 * ui.dpr);
    ImGui::InputDouble("##lat", &w.place_lat, 0, 0, "%.6f");
    tooltip_on_hover("Latitude, degrees north (-90 to 90)");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputDouble("##lon", &w.place_lon, 0, 0, "%.6f");
    tooltip_on_hover("Longitude, degrees east (-180 to 180; negative in the Americas)");
    const bool valid = w.place_lat >= -90 && w.place_lat <= 90 && w.place_lon >= -180 &&
                       w.place_lon <= 180 && !(w.place_lat == 0 && w.place_lon == 0);
    if (!valid)
        ImGui::TextColored(to_vec4(p.warning),
                           "Enter a latitude and a longitude, or pick an account above.");
    ImGui::Dummy(ImVec2(0, 6 * ui.dpr));
    ImGui::BeginDisabled(!valid);
    if (primary_button(ICON_CHECK "  Save")) {
        const core::RoutePlace place{w.place_label[0] ? std::string(w.place_label)
                                                      : std::string("Custom place"),
                                     core::LatLon{w.place_lat, w.place_lon}};
        if (home) {
            app::set_home_base(app, place.label, place.point);
        } else {
            core::RouteDayPlaces cur;
            if (auto it = st.route_days.find(date); it != st.route_days.end()) cur = it->second;
            (w.places_which == 0 ? cur.start : cur.end) = place;
            app::set_day_places(app, date, cur.start, cur.end);
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace

void begin_check_in(app::App& app, UiState& ui, const std::string& id) {
    const auto idx = app.doc().index().activity(id);
    if (!idx) return;
    if (!app.plan().activities[*idx].checked_in) app::check_in(app, id);
    const core::Activity& a = app.plan().activities[*app.doc().index().activity(id)];
    WeekViewState& w = ui.week;
    w.checkin_id = id;
    w.checkin_open = true;
    copy_to(w.outcome, sizeof w.outcome, a.outcome);
    copy_to(w.notes, sizeof w.notes, a.notes);
    copy_to(w.next_step, sizeof w.next_step, a.next_step);
    w.next_due = a.next_step_due ? 1 : 0;
}

void edit_places(const app::App& app, UiState& ui, int which) {
    WeekViewState& w = ui.week;
    w.places_which = which;
    w.places_open = true;
    const core::Date date = shown_day(app, ui);
    const core::DayPlace cur = which == 1 ? core::day_end_place(app.plan(), date)
                                          : core::day_start_place(app.plan(), date);
    copy_to(w.place_label, sizeof w.place_label, cur.label);
    w.place_lat = cur.point ? cur.point->lat : 0;
    w.place_lon = cur.point ? cur.point->lon : 0;
}

void export_menu(app::App& app, UiState& ui, core::Date day) {
    std::vector<core::Date> days;
    const core::Date monday = shown_monday(app, ui);
    for (int d = 0; d < core::kWeekDays; ++d)
        days.push_back(core::add_days(monday, d));
    text_muted("Calendar file (.ics), for Outlook and Google Calendar");
    if (ImGui::MenuItem((ICON_CALENDAR_PLUS "  " + app::short_day(day)).c_str()))
        export_days(app, ui, {day}, true);
    record_rect(ui, "export-ics-day");
    if (ImGui::MenuItem(ICON_CALENDAR_PLUS "  The whole week")) export_days(app, ui, days, true);
    record_rect(ui, "export-ics-week");
    ImGui::MenuItem("Block the driving time too", nullptr, &ui.week.drive_events);
    tooltip_on_hover(
        "Adds a \"Drive to …\" event before each visit, so colleagues see you are on the road");
    ImGui::Separator();
    text_muted("Itinerary (.csv), for Excel");
    if (ImGui::MenuItem((ICON_TABLE "  " + app::short_day(day)).c_str()))
        export_days(app, ui, {day}, false);
    record_rect(ui, "export-csv-day");
    if (ImGui::MenuItem(ICON_TABLE "  The whole week")) export_days(app, ui, days, false);
    record_rect(ui, "export-csv-week");
}

void draw_dialogs(app::App& app, UiState& ui) {
    check_in_dialog(app, ui);
    places_dialog(app, ui);
}

// --- shared pieces -------------------------------------------------------------------------------

ImU32 issue_colour(core::StopIssue issue) {
    const Palette& p = palette();
    switch (issue) {
    case core::StopIssue::Late:
    case core::StopIssue::AfterHours:
        return p.danger;
    case core::StopIssue::NoLocation:
    case core::StopIssue::NotScheduled:
    case core::StopIssue::BehindPlan:
        return p.warning;
    case core::StopIssue::Conflict:
        return p.warning;
    case core::StopIssue::OverLunch:
    case core::StopIssue::None:
        return p.text_muted;
    }
    return p.text_muted;
}

const char* issue_icon(core::StopIssue issue) {
    switch (issue) {
    case core::StopIssue::Late:
    case core::StopIssue::AfterHours:
        return ICON_WARNING;
    case core::StopIssue::NoLocation:
        return ICON_MAP_MARKER;
    case core::StopIssue::NotScheduled:
        return ICON_CLOCK;
    case core::StopIssue::BehindPlan:
        return ICON_CLOCK;
    case core::StopIssue::OverLunch:
        return ICON_CUTLERY;
    case core::StopIssue::Conflict:
        return ICON_USERS;
    case core::StopIssue::None:
        return "";
    }
    return "";
}

std::string time_range(int start, int end) {
    const std::string a = time_of_day(start), b = time_of_day(end);
    // "9:15 – 10:00 AM" when both are in the morning (or both after noon).
    if ((start < 12 * 60) == (end < 12 * 60) && a.size() > 3)
        return a.substr(0, a.size() - 3) + " – " + b;
    return a + " – " + b;
}

std::string miles(double km) {
    char buf[32];
    const double mi = km / core::kKmPerMile;
    std::snprintf(buf, sizeof buf, mi < 10 ? "%.1f mi" : "%.0f mi", mi);
    return buf;
}

std::string drive_text(int minutes, double km) {
    return core::format_duration_minutes(minutes) + "  ·  " + miles(km);
}

std::string stop_name(const core::DayStop& s) {
    return s.account ? s.account->name : std::string("Unknown account");
}

void number_badge(ImDrawList* dl, ImVec2 c, float radius, int number, ImU32 fill, ImU32 text) {
    dl->AddCircleFilled(c, radius, fill);
    dl->AddCircle(c, radius, with_alpha(palette().surface, 0.9f), 0, radius * 0.14f);
    const std::string n = std::to_string(number);
    ImFont* f = ImGui::GetFont();
    const float size = radius * (n.size() > 1 ? 1.05f : 1.25f);
    const ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, n.c_str());
    dl->AddText(f, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), text, n.c_str());
}

} // namespace footprint::ui::week
