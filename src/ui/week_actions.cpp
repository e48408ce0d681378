// Plan my week's actions: navigation, candidates, jobs in slices, the week plan, exports.
#include "ui/week_actions.h"

#include "core/format.h"
#include "core/route_export.h"
#include "core/summary.h"
#include "ui/desks.h"
#include "ui/view_common.h"

#include <imgui.h>

#include <algorithm>

namespace footprint::ui::week {

namespace {

using app::Notice;

constexpr double kDayTimeLimitMs = 1200;  // compute time for a day of more than 12 visits
constexpr double kWeekTimeLimitMs = 1500; // and for a week
constexpr std::size_t kSuggested = 40;    // accounts suggested for a week

struct SuggestionCache {
    CacheKey key;
    std::int32_t monday = 0;
    std::vector<core::VisitCandidate> suggested;
    std::map<std::string, core::VisitCandidate> added; // valued once per plan revision
};
SuggestionCache g_suggested;
std::vector<Candidate> g_candidates;

} // namespace

core::Date shown_monday(const app::App& app, const UiState& ui) {
    return core::add_days(core::week_start(app.clock().today()), 7 * ui.week.week_offset);
}

core::Date shown_day(const app::App& app, const UiState& ui) {
    if (ui.week.day_chosen) return ui.week.day;
    const core::Date today = app.clock().today();
    const core::Date monday = shown_monday(app, ui);
    if (ui.week.week_offset == 0 && core::weekday(today) < core::kWeekDays) return today;
    return monday;
}

void open_day(UiState& ui, const app::App& app, core::Date day) {
    ui.week.mode = WeekViewState::Mode::Day;
    ui.week.day = day;
    ui.week.day_chosen = true;
    ui.week.week_offset =
        core::days_between(core::week_start(app.clock().today()), core::week_start(day)) / 7;
}

void show_week(UiState& ui) {
    ui.week.mode = WeekViewState::Mode::Week;
}

const std::vector<Candidate>& candidates(const app::App& app, UiState& ui) {
    const core::Date monday = shown_monday(app, ui);
    const core::Date today = app.clock().today();
    if (g_suggested.key.refresh(app, monday.days) || g_suggested.monday != monday.days) {
        g_suggested.monday = monday.days;
        g_suggested.added.clear();
        // The top of the Desks' "This week" priority list (kept up to date after each edit).
        g_suggested.suggested =
            core::week_candidates(app.plan(), desk_data(app), monday, kSuggested);
    }
    g_candidates.clear();
    std::set<std::string> seen;
    auto push = [&](core::VisitCandidate c, bool added) {
        if (!seen.insert(c.account_id).second) return;
        Candidate k;
        k.name = account_name(app, c.account_id);
        if (auto pin = ui.week.pinned.find(c.account_id); pin != ui.week.pinned.end())
            c.day = pin->second;
        k.added = added;
        k.excluded = ui.week.excluded.count(c.account_id) > 0;
        k.c = std::move(c);
        g_candidates.push_back(std::move(k));
    };
    // The accounts the user added come first: they asked for them.
    for (const std::string& id : ui.week.added)
        if (const core::Account* a = find_account(app, id)) {
            auto it = g_suggested.added.find(id);
            if (it == g_suggested.added.end())
                it = g_suggested.added
                         .emplace(id, core::candidate_for(app.plan(), *a, std::max(today, monday)))
                         .first;
            push(it->second, true);
        }
    for (const core::VisitCandidate& c : g_suggested.suggested)
        push(c, false);
    return g_candidates;
}

int add_selection_as_candidates(const app::App& app, UiState& ui) {
    int n = 0;
    for (const std::string& id : ui.selection) {
        if (!find_account(app, id)) continue;
        if (std::find(ui.week.added.begin(), ui.week.added.end(), id) != ui.week.added.end())
            continue;
        ui.week.added.push_back(id);
        ui.week.excluded.erase(id);
        ++n;
    }
    return n;
}

std::vector<std::string> selection_not_on_day(const app::App& app, const UiState& ui,
                                              core::Date date) {
    std::set<std::string> on_day;
    for (const core::Activity* a : core::day_visits(app.plan(), date))
        on_day.insert(a->account_id);
    std::vector<std::string> out;
    for (const std::string& id : ui.selection)
        if (!on_day.count(id) && find_account(app, id)) out.push_back(id);
    return out;
}

// --- jobs
// -----------------------------------------------------------------------------------------

void start_day_job(app::App& app, UiState& ui, core::Date date) {
    core::RouteSearchOptions o;
    o.time_limit_ms = kDayTimeLimitMs;
    ui.week.job = app::RouteJob::optimize_day(app, date, o);
    ui.animating = true;
}

void start_week_job(app::App& app, UiState& ui) {
    core::WeekPlanRequest req;
    req.monday = shown_monday(app, ui);
    req.today = app.clock().today();
    if (app.clock().minute_of_day) req.now_minute = app.clock().minute_of_day();
    req.move_planned = ui.week.move_planned;
    req.max_visits_per_day = ui.week.max_per_day;
    for (const Candidate& k : candidates(app, ui))
        if (!k.excluded) req.candidates.push_back(k.c);
    core::RouteSearchOptions o;
    o.time_limit_ms = kWeekTimeLimitMs;
    ui.week.proposal.reset();
    ui.week.job = app::RouteJob::plan_week(app, std::move(req), o);
    ui.animating = true;
}

void cancel_job(app::App& app, UiState& ui) {
    if (!ui.week.job) return;
    const bool day = ui.week.job->kind() == app::RouteJob::Kind::Day;
    ui.week.job.reset();
    app.notify(Notice::Kind::Info, day ? "Optimization canceled" : "Week planning canceled",
               "Nothing was changed.");
}

void step_job(app::App& app, UiState& ui) {
    if (!ui.week.job) return;
    ui.animating = true; // a slice per frame until it ends
    app::RouteJob& job = *ui.week.job;
    const bool day = job.kind() == app::RouteJob::Kind::Day;
    if (job.stale(app)) {
        app.notify(Notice::Kind::Warning, day ? "Optimization stopped" : "Week planning stopped",
                   "The plan changed while it ran, so nothing was applied. Run it again when you "
                   "are ready.");
        ui.week.job.reset();
        return;
    }
    if (!job.step(kSliceMs)) return;
    ui.week.last_job_ms = job.elapsed_ms();
    if (day) {
        std::string summary;
        if (app::apply_day_job(app, job, &summary))
            app.notify(Notice::Kind::Success, "Route optimized for " + app::short_day(job.date()),
                       summary + (summary.empty() ? "" : " ") +
                           "Undo (Ctrl+Z) restores the previous order.");
    } else {
        ui.week.proposal = std::make_shared<const core::WeekProposal>(job.week()->proposal());
        ui.week.proposal_request = job.week()->request();
        ui.week.proposal_revision = app.doc().revision();
        ui.week.side_tab = 0;
    }
    ui.week.job.reset();
}

bool apply_proposal(app::App& app, UiState& ui) {
    if (!ui.week.proposal) return false;
    if (app.doc().revision() != ui.week.proposal_revision) {
        app.notify(Notice::Kind::Warning, "The plan changed",
                   "The plan changed after this week was planned, so the proposal was not applied. "
                   "Plan the week again.");
        discard_proposal(ui);
        return false;
    }
    std::string summary;
    const bool ok =
        app::apply_week_proposal(app, ui.week.proposal_request, *ui.week.proposal, &summary);
    if (ok) app.notify(Notice::Kind::Success, "Week planned", summary);
    discard_proposal(ui);
    return ok;
}

void discard_proposal(UiState& ui) {
    ui.week.proposal.reset();
}

// --- exports
// --------------------------------------------------------------------------------------

void export_days(app::App& app, UiState& ui, const std::vector<core::Date>& days, bool ics) {
    if (!ui.hooks.download || days.empty()) return;
    core::ExportCounts n;
    std::string data;
    core::IcsOptions options;
    options.drive_events = ui.week.drive_events;
    if (ics)
        data = core::export_ics(app.plan(), days, app.clock().wall(), options, &n);
    else
        data = core::export_itinerary_csv(app.plan(), days, &n);
    const std::string span = days.size() == 1 ? core::format_iso_date(days[0])
                                              : "week of " + core::format_iso_date(days[0]);
    const std::string name = (ics ? "Visits " : "Itinerary ") + span + (ics ? ".ics" : ".csv");
    if (n.visits == 0 && ics) {
        app.notify(Notice::Kind::Warning, "Nothing to export",
                   days.size() == 1 ? "This day has no visits with a time and a location yet."
                                    : "This week has no visits with a time and a location yet.");
        return;
    }
    ui.hooks.download(name, ics ? "text/calendar;charset=utf-8" : "text/csv;charset=utf-8", data);
    std::string text = "Saved " + name + " in your downloads: " + core::format_count(n.visits) +
                       (n.visits == 1 ? " visit" : " visits");
    if (n.unscheduled > 0)
        text += "; " + core::format_count(n.unscheduled) +
                (n.unscheduled == 1 ? " visit" : " visits") + " without a time or a location " +
                (ics ? "left out" : "listed at the end");
    text += ics ? ". Open it with Outlook or import it in Google Calendar." : ".";
    app.notify(Notice::Kind::Success, ics ? "Calendar file exported" : "Itinerary exported", text);
}

void record_rect(UiState& ui, const std::string& key) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float k = ui.dpr > 0 ? 1.0f / ui.dpr : 1.0f;
    ui.week.rects[key] = {a.x * k, a.y * k, (b.x - a.x) * k, (b.y - a.y) * k};
}

} // namespace footprint::ui::week
