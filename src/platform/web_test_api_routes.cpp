// Test API ops of Plan my week and route planning: the same actions the view's buttons call (the
// app's route commands, the view's jobs and exports), and the state a test checks.
#include "core/format.h"
#include "core/summary.h"
#include "platform/web_context.h"
#include "ui/week_actions.h"

namespace footprint::platform {

namespace {

core::Json place_json(const core::DayPlace& p) {
    core::Json j{{"label", p.label}, {"overridden", p.overridden}};
    if (p.point) {
        j["lat"] = p.point->lat;
        j["lon"] = p.point->lon;
    }
    return j;
}

const char* issue_name(core::StopIssue i) {
    switch (i) {
    case core::StopIssue::None:
        return "";
    case core::StopIssue::NoLocation:
        return "no_location";
    case core::StopIssue::NotScheduled:
        return "not_scheduled";
    case core::StopIssue::Late:
        return "late";
    case core::StopIssue::AfterHours:
        return "after_hours";
    case core::StopIssue::BehindPlan:
        return "behind_plan";
    case core::StopIssue::OverLunch:
        return "over_lunch";
    case core::StopIssue::Conflict:
        return "conflict";
    }
    return "";
}

core::Json stop_json(const core::DayStop& s) {
    core::Json j{{"id", s.visit->id},
                 {"account_id", s.visit->account_id},
                 {"name", s.account ? s.account->name : ""},
                 {"number", s.number},
                 {"fixed", s.fixed},
                 {"locked", s.locked},
                 {"done", s.done},
                 {"issue", issue_name(s.issue)},
                 {"issue_text", s.issue_text}};
    if (s.number > 0) {
        j["arrive"] = s.arrive;
        j["start"] = s.start;
        j["end"] = s.end;
        j["drive_minutes"] = s.drive_minutes;
        j["km"] = s.drive_km;
    }
    return j;
}

core::Json day_json(const core::DayRoute& r) {
    core::Json stops = core::Json::array(), unrouted = core::Json::array();
    for (const core::DayStop& s : r.stops)
        stops.push_back(stop_json(s));
    for (const core::DayStop& s : r.unrouted)
        unrouted.push_back(stop_json(s));
    return {{"date", core::format_iso_date(r.date)},
            {"start", place_json(r.start)},
            {"end", place_json(r.end)},
            {"leave", r.leave},
            {"back", r.back},
            {"drive_minutes", r.drive_minutes},
            {"km", r.km},
            {"problems", r.problems},
            {"stops", stops},
            {"unrouted", unrouted}};
}

std::optional<core::Date> date_arg(const core::Json& cmd, const app::App& a,
                                   const ui::UiState& ui) {
    const std::string d = test_str(cmd, "date");
    if (d.empty()) return ui::week::shown_day(a, ui);
    return core::parse_iso_date(d);
}

std::vector<std::string> strings(const core::Json& cmd, const char* key) {
    std::vector<std::string> out;
    if (auto it = cmd.find(key); it != cmd.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

bool flag(const core::Json& cmd, const char* key, bool fallback) {
    auto it = cmd.find(key);
    return it != cmd.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

} // namespace

std::optional<core::Json> test_ops_routes(const std::string& op, const core::Json& cmd) {
    if (op.rfind("route_", 0) != 0 && op != "week_view") return std::nullopt;
    WebContext& w = web();
    app::App& a = *w.app;
    ui::UiState& ui = w.ui;
    const std::optional<core::Date> date = date_arg(cmd, a, ui);
    if (!date)
        return test_error("\"" + test_str(cmd, "date") + "\" is not a date (expected YYYY-MM-DD)");
    const std::string id = test_str(cmd, "id");

    if (op == "week_view") {
        // {"op":"week_view","mode":"day","date":"2026-11-27"} or {"mode":"week","week_offset":1}
        ui.view = ui::View::Week;
        if (test_str(cmd, "mode") == "day")
            ui::week::open_day(ui, a, *date);
        else
            ui::week::show_week(ui);
        if (cmd.contains("week_offset")) ui.week.week_offset = test_int(cmd, "week_offset", 0);
        ui.prefs_dirty = true;
        return core::Json{{"ok", true}};
    }
    if (op == "route_state") {
        core::Json job = nullptr, proposal = nullptr, rects = core::Json::object();
        if (ui.week.job)
            job = {{"kind", ui.week.job->kind() == app::RouteJob::Kind::Day ? "day" : "week"},
                   {"progress", ui.week.job->progress()},
                   {"elapsed_ms", ui.week.job->elapsed_ms()},
                   {"stops", ui.week.job->stops()}};
        if (ui.week.proposal) {
            const core::WeekProposal& p = *ui.week.proposal;
            core::Json visits = core::Json::array();
            for (const core::WeekVisit& v : p.visits)
                visits.push_back({{"day", v.day},
                                  {"account_id", v.account_id},
                                  {"activity_id", v.activity_id},
                                  {"start", v.start_minute},
                                  {"moved", v.moved}});
            proposal = {{"new_visits", p.new_visits},    {"moved_visits", p.moved_visits},
                        {"new_value", p.new_value},      {"drive_minutes", p.drive_minutes},
                        {"left_out", p.left_out.size()}, {"visits", visits}};
        }
        for (const auto& [k, r] : ui.week.rects)
            rects[k] = {r[0], r[1], r[2], r[3]};
        int candidates = 0;
        core::Json candidate_ids = core::Json::array(); // in the order shown, the excluded too
        for (const ui::week::Candidate& c : ui::week::candidates(a, ui)) {
            candidates += c.excluded ? 0 : 1;
            candidate_ids.push_back(c.c.account_id);
        }
        return core::Json{{"ok", true},
                          {"mode", ui.week.mode == ui::WeekViewState::Mode::Day ? "day" : "week"},
                          {"shown_day", core::format_iso_date(ui::week::shown_day(a, ui))},
                          {"monday", core::format_iso_date(ui::week::shown_monday(a, ui))},
                          {"day", day_json(core::day_route(a.plan(), *date, &a.doc().index()))},
                          {"job", job},
                          {"last_job_ms", ui.week.last_job_ms},
                          {"proposal", proposal},
                          {"candidates", candidates},
                          {"candidate_ids", candidate_ids},
                          {"focus_stop", ui.week.focus_stop},
                          {"checkin", {{"id", ui.week.checkin_id}, {"outcome", ui.week.outcome}}},
                          {"rects", rects}};
    }
    if (op == "route_add_visits")
        return core::Json{{"ok", true},
                          {"ids", app::add_visits(a, *date, strings(cmd, "accounts"))}};
    if (op == "route_reorder")
        return core::Json{{"ok", app::reorder_day(a, *date, strings(cmd, "order"))}};
    if (op == "route_lock")
        return core::Json{{"ok", app::set_visit_locked(a, id, flag(cmd, "locked", true))}};
    if (op == "route_fixed")
        return core::Json{{"ok", app::set_visit_fixed(a, id, flag(cmd, "fixed", true))}};
    if (op == "route_move") {
        const auto to = core::parse_iso_date(test_str(cmd, "to"));
        if (!to) return test_error("\"to\" must be a date YYYY-MM-DD");
        return core::Json{{"ok", app::move_visit(a, id, *to)}};
    }
    if (op == "route_remove") return core::Json{{"ok", app::remove_visit(a, id)}};
    if (op == "route_check_in") {
        // As the check-in button: checks in and opens the outcome dialog.
        ui::week::begin_check_in(a, ui, id);
        return core::Json{{"ok", a.doc().index().activity(id).has_value()}};
    }
    if (op == "route_log_outcome") {
        app::VisitOutcome o{test_str(cmd, "outcome"), test_str(cmd, "notes"),
                            test_str(cmd, "next_step"), std::nullopt};
        return core::Json{{"ok", app::log_visit_outcome(a, id, o)}};
    }
    if (op == "route_set_home")
        return core::Json{
            {"ok", app::set_home_base(a, test_str(cmd, "label"),
                                      {cmd.value("lat", 0.0), cmd.value("lon", 0.0)})}};
    if (op == "route_optimize") {
        ui::week::start_day_job(a, ui, *date);
        return core::Json{{"ok", true}};
    }
    if (op == "route_plan_week") {
        ui::week::start_week_job(a, ui);
        return core::Json{{"ok", true}};
    }
    if (op == "route_cancel") {
        ui::week::cancel_job(a, ui);
        return core::Json{{"ok", true}};
    }
    if (op == "route_apply_proposal") return core::Json{{"ok", ui::week::apply_proposal(a, ui)}};
    if (op == "route_discard_proposal") {
        ui::week::discard_proposal(ui);
        return core::Json{{"ok", true}};
    }
    if (op == "route_add_selected_candidates")
        return core::Json{{"ok", true}, {"added", ui::week::add_selection_as_candidates(a, ui)}};
    if (op == "route_export") {
        // {"op":"route_export","kind":"ics"|"csv","scope":"day"|"week","date":"…"}: the export
        // menu's items.
        std::vector<core::Date> days{*date};
        if (test_str(cmd, "scope") == "week") {
            days.clear();
            const core::Date monday = core::week_start(*date);
            for (int d = 0; d < core::kWeekDays; ++d)
                days.push_back(core::add_days(monday, d));
        }
        ui.week.drive_events = flag(cmd, "drives", false);
        ui::week::export_days(a, ui, days, test_str(cmd, "kind") != "csv");
        return core::Json{{"ok", true}};
    }
    return std::nullopt;
}

} // namespace footprint::platform
