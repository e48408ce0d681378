// Route planning commands and the optimisation jobs behind Plan my week.
#include "app/route_actions.h"

#include "core/format.h"

#include <chrono>

namespace footprint::app {

namespace {

const char* const kWeekdayShort[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

const core::Activity* find_visit(const App& app, const std::string& id) {
    const auto idx = app.doc().index().activity(id);
    return idx ? &app.plan().activities[*idx] : nullptr;
}

std::string account_name(const App& app, const std::string& account_id) {
    const auto idx = app.doc().index().account(account_id);
    return idx ? app.plan().accounts[*idx].name : std::string("an unknown account");
}

core::Change put(core::Activity a) {
    return core::Put<core::Activity>{std::move(a), std::nullopt, true};
}

// One visit changed by `edit`, as a command named `label(name of its account)`.
template <class Edit, class Label>
bool edit_visit(App& app, const std::string& id, Edit edit, Label label) {
    const core::Activity* a = find_visit(app, id);
    if (!a) return false;
    core::Activity copy = *a;
    if (!edit(copy)) return false;
    app.execute(Command{label(account_name(app, a->account_id)), {put(std::move(copy))}});
    return true;
}

} // namespace

std::string short_day(core::Date d) {
    const core::Ymd y = core::ymd_of(d);
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::string(kWeekdayShort[core::weekday(d)]) + ", " + kMonths[(y.month - 1) % 12] + " " +
           std::to_string(y.day);
}

std::vector<std::string> add_visits(App& app, core::Date date,
                                    const std::vector<std::string>& account_ids) {
    std::vector<const core::Account*> accounts;
    std::vector<std::string> ids;
    for (const std::string& id : account_ids)
        if (const auto idx = app.doc().index().account(id)) {
            accounts.push_back(&app.plan().accounts[*idx]);
            ids.push_back(app.ids().next("act"));
        }
    if (accounts.empty()) return {};
    std::vector<core::Activity> made = core::add_visits(app.plan(), date, accounts, ids);
    const std::string label =
        made.size() == 1 ? "Add a visit to " + accounts[0]->name
                         : "Add " + core::format_count(static_cast<long long>(made.size())) +
                               " visits to " + short_day(date);
    Command cmd{label, {}};
    for (core::Activity& a : made)
        cmd.changes.push_back(put(std::move(a)));
    app.execute(std::move(cmd));
    return ids;
}

bool remove_visit(App& app, const std::string& id) {
    const core::Activity* a = find_visit(app, id);
    if (!a) return false;
    app.execute(Command{"Remove the visit to " + account_name(app, a->account_id),
                        {core::Remove<core::Activity>{id}}});
    return true;
}

bool reorder_day(App& app, core::Date date, const std::vector<std::string>& order) {
    std::vector<core::Activity> changed = core::retime_day(app.plan(), date, order);
    if (changed.empty()) return false;
    Command cmd{"Reorder the visits on " + short_day(date), {}};
    for (core::Activity& a : changed)
        cmd.changes.push_back(put(std::move(a)));
    app.execute(std::move(cmd));
    return true;
}

bool move_visit(App& app, const std::string& id, core::Date to) {
    const core::Activity* a = find_visit(app, id);
    if (!a || a->date == to) return false;
    core::Activity moved = *a;
    moved.date = to;
    moved.locked = false; // its place was on the other day
    if (!(moved.fixed_time && moved.start_minute)) {
        // After the target day's last visit, when it fits there.
        const auto acc = app.doc().index().account(a->account_id);
        moved.start_minute.reset();
        if (acc) {
            const std::vector<core::Activity> probe = core::add_visits(
                app.plan(), to, {&app.plan().accounts[*acc]}, {moved.id + "~probe"});
            if (!probe.empty()) moved.start_minute = probe[0].start_minute;
        }
        moved.fixed_time = false;
    }
    app.execute(
        Command{"Move the visit to " + account_name(app, a->account_id) + " to " + short_day(to),
                {put(std::move(moved))}});
    return true;
}

bool set_visit_locked(App& app, const std::string& id, bool locked) {
    return edit_visit(
        app, id,
        [&](core::Activity& a) {
            if (a.locked == locked) return false;
            a.locked = locked;
            return true;
        },
        [&](const std::string& name) {
            return (locked ? "Lock the visit to " : "Unlock the visit to ") + name;
        });
}

bool set_visit_fixed(App& app, const std::string& id, bool fixed) {
    return edit_visit(
        app, id,
        [&](core::Activity& a) {
            if (a.fixed_time == fixed || (fixed && !a.start_minute)) return false;
            a.fixed_time = fixed;
            return true;
        },
        [&](const std::string& name) {
            return fixed ? "Make the visit to " + name + " an appointment"
                         : "Make the visit to " + name + " flexible";
        });
}

bool set_visit_time(App& app, const std::string& id, int start_minute, int duration, bool fixed) {
    if (start_minute < 0 || start_minute > 24 * 60 - 1 || duration < 0 || duration > 24 * 60)
        return false;
    return edit_visit(
        app, id,
        [&](core::Activity& a) {
            if (a.start_minute == start_minute && a.duration_minutes == duration &&
                a.fixed_time == fixed)
                return false;
            a.start_minute = start_minute;
            a.duration_minutes = duration;
            a.fixed_time = fixed;
            return true;
        },
        [&](const std::string& name) { return "Change the time of the visit to " + name; });
}

bool check_in(App& app, const std::string& id) {
    const core::Timestamp now = app.clock().wall();
    return edit_visit(
        app, id,
        [&](core::Activity& a) {
            if (a.checked_in) return false;
            a.checked_in = now;
            return true;
        },
        [&](const std::string& name) { return "Check in at " + name; });
}

bool undo_check_in(App& app, const std::string& id) {
    return edit_visit(
        app, id,
        [&](core::Activity& a) {
            if (!a.checked_in) return false;
            a.checked_in.reset();
            return true;
        },
        [&](const std::string& name) { return "Undo the check-in at " + name; });
}

bool log_visit_outcome(App& app, const std::string& id, const VisitOutcome& o) {
    return edit_visit(
        app, id,
        [&](core::Activity& a) {
            if (a.outcome == o.outcome && a.notes == o.notes && a.next_step == o.next_step &&
                a.next_step_due == o.next_step_due)
                return false;
            a.outcome = o.outcome;
            a.notes = o.notes;
            a.next_step = o.next_step;
            a.next_step_due = o.next_step.empty() ? std::nullopt : o.next_step_due;
            return true;
        },
        [&](const std::string& name) { return "Log the visit to " + name; });
}

bool set_day_places(App& app, core::Date date, std::optional<core::RoutePlace> start,
                    std::optional<core::RoutePlace> end) {
    core::Settings s = app.plan().settings;
    core::RouteDayPlaces places{std::move(start), std::move(end)};
    auto it = s.route_days.find(date);
    const bool had = it != s.route_days.end();
    if (!places.start && !places.end) {
        if (!had) return false;
        s.route_days.erase(it);
    } else {
        s.route_days[date] = places;
    }
    app.execute(Command{"Change where " + short_day(date) + " starts and ends",
                        {core::Set<core::Settings>{std::move(s)}}});
    return true;
}

bool set_home_base(App& app, std::string label, core::LatLon point) {
    core::Settings s = app.plan().settings;
    if (s.home && s.home->lat == point.lat && s.home->lon == point.lon && s.home_label == label)
        return false;
    s.home = point;
    s.home_label = label.empty() ? std::string("Home base") : std::move(label);
    app.execute(Command{"Set the home base", {core::Set<core::Settings>{std::move(s)}}});
    return true;
}

// --- jobs
// --------------------------------------------------------------------------------------------

std::unique_ptr<RouteJob> RouteJob::optimize_day(const App& app, core::Date date,
                                                 core::RouteSearchOptions o) {
    auto job = std::unique_ptr<RouteJob>(new RouteJob());
    job->kind_ = Kind::Day;
    job->date_ = date;
    job->revision_ = app.doc().revision();
    std::optional<int> now;
    if (date == app.clock().today() && app.clock().minute_of_day) now = app.clock().minute_of_day();
    job->day_ = std::make_unique<core::DayOptimizer>(app.plan(), date, o, now);
    return job;
}

std::unique_ptr<RouteJob> RouteJob::plan_week(const App& app, core::WeekPlanRequest request,
                                              core::RouteSearchOptions o) {
    auto job = std::unique_ptr<RouteJob>(new RouteJob());
    job->kind_ = Kind::Week;
    job->date_ = request.monday;
    job->revision_ = app.doc().revision();
    job->week_ = std::make_unique<core::WeekPlanner>(app.plan(), std::move(request), o);
    return job;
}

bool RouteJob::step(double budget_ms) {
    const auto t0 = std::chrono::steady_clock::now();
    const bool finished = day_ ? day_->step(budget_ms) : week_->step(budget_ms);
    elapsed_ms_ +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return finished;
}

bool RouteJob::done() const {
    return day_ ? day_->done() : week_->done();
}
double RouteJob::progress() const {
    return day_ ? day_->progress() : week_->progress();
}
int RouteJob::stops() const {
    return day_ ? day_->stop_count() : static_cast<int>(week_->request().candidates.size());
}

bool apply_day_job(App& app, const RouteJob& job, std::string* summary) {
    if (!job.day() || !job.done() || job.stale(app)) return false;
    const core::DayOptimizer::Outcome out = job.day()->outcome(app.plan());
    std::string text;
    if (out.kept == 0 && out.dropped == 0) {
        text = "No visits with a location to route on " + short_day(job.date()) + ".";
    } else {
        text = core::format_count(out.kept) + (out.kept == 1 ? " visit" : " visits") +
               " on the route, " + core::format_duration_minutes(out.drive_minutes_after) +
               " of driving";
        if (out.drive_minutes_after < out.drive_minutes_before)
            text +=
                " (" +
                core::format_duration_minutes(out.drive_minutes_before - out.drive_minutes_after) +
                " less)";
        if (out.back_after > 0) {
            text += ", back by " + core::format_clock(out.back_after);
            if (out.back_before > out.back_after &&
                out.drive_minutes_after >= out.drive_minutes_before)
                text += " (" + core::format_duration_minutes(out.back_before - out.back_after) +
                        " earlier)";
        }
        text += ".";
        if (out.dropped > 0)
            text += " " + core::format_count(out.dropped) +
                    (out.dropped == 1 ? " visit does" : " visits do") +
                    " not fit: see why under the route.";
    }
    if (summary) *summary = text;
    if (out.changed.empty()) return true;
    Command cmd{"Optimize the route for " + short_day(job.date()), {}};
    for (const core::Activity& a : out.changed)
        cmd.changes.push_back(put(a));
    app.execute(std::move(cmd));
    return true;
}

bool apply_week_proposal(App& app, const core::WeekPlanRequest& request,
                         const core::WeekProposal& proposal, std::string* summary) {
    Command cmd{"", {}};
    int added = 0, moved = 0;
    for (const core::WeekVisit& v : proposal.visits) {
        const core::Date date = core::add_days(request.monday, v.day);
        if (v.activity_id.empty()) {
            if (v.candidate < 0 ||
                static_cast<std::size_t>(v.candidate) >= request.candidates.size())
                continue;
            if (!app.doc().index().account(v.account_id)) continue;
            core::Activity a;
            a.id = app.ids().next("act");
            a.account_id = v.account_id;
            a.type = core::ActivityType::Visit;
            a.date = date;
            a.start_minute = v.start_minute;
            a.duration_minutes = v.duration;
            a.subject = request.candidates[static_cast<std::size_t>(v.candidate)].why;
            cmd.changes.push_back(put(std::move(a)));
            ++added;
        } else if (v.moved) {
            const core::Activity* a = find_visit(app, v.activity_id);
            if (!a) continue;
            core::Activity c = *a;
            c.date = date;
            c.start_minute = v.start_minute;
            cmd.changes.push_back(put(std::move(c)));
            ++moved;
        }
    }
    if (cmd.changes.empty()) return false;
    cmd.label =
        "Plan the week: " + core::format_count(added) + (added == 1 ? " new visit" : " new visits");
    if (moved > 0) cmd.label += ", " + core::format_count(moved) + " moved";
    if (summary)
        *summary = core::format_count(added) + (added == 1 ? " visit" : " visits") + " added" +
                   (moved > 0 ? ", " + core::format_count(moved) + " moved" : "") +
                   ". Undo (Ctrl+Z) takes them back.";
    app.execute(std::move(cmd));
    return true;
}

} // namespace footprint::app
