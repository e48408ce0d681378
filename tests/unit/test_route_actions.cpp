// Route planning actions (src/app/route_actions.cpp): each is one undoable command with a label
// that names it, jobs run in slices and refuse to apply to a plan that moved on.
#include "app/route_actions.h"

#include <doctest/doctest.h>

#include "app_fixtures.h"

#include <algorithm>

using namespace footprint;
using namespace footprint::core;

namespace {

const Date kFriday = date_from_ymd(2026, 11, 27);

std::unique_ptr<app::App> make_app() {
    auto clock = app_test::fixed_clock(kFriday, Timestamp{1'795'000'000'000});
    auto a = std::make_unique<app::App>(std::move(clock), 42);
    Plan p = make_empty_plan("p", "Test", Timestamp{});
    p.settings.home = LatLon{40.0, -83.0};
    for (int i = 0; i < 5; ++i) {
        Account acc;
        acc.id = "a" + std::to_string(i);
        acc.name = "Account " + std::to_string(i);
        acc.location = LatLon{40.0 + 0.02 * (i % 3), -83.0 + 0.03 * i};
        p.accounts.push_back(acc);
    }
    a->open_unsaved(std::move(p));
    return a;
}

const Activity& visit(const app::App& a, const std::string& id) {
    return a.plan().activities[*a.doc().index().activity(id)];
}

} // namespace

TEST_CASE("adding, reordering, locking and checking in are undoable commands") {
    auto a = make_app();
    const std::vector<std::string> ids =
        app::add_visits(*a, kFriday, {"a1", "a2", "missing", "a3"});
    REQUIRE(ids.size() == 3);
    CHECK(a->doc().undo_label() == "Add 3 visits to Fri, Nov 27");
    CHECK(a->doc().undo_depth() == 1);
    const DayRoute r = day_route(a->plan(), kFriday);
    CHECK(r.stops.size() == 3);
    CHECK(r.stops[0].start == a->plan().settings.work_start_minute + r.stops[0].drive_minutes);

    CHECK(app::reorder_day(*a, kFriday, {ids[2], ids[0], ids[1]}));
    CHECK(a->doc().undo_label() == "Reorder the visits on Fri, Nov 27");
    std::vector<std::string> order;
    for (const DayStop& s : day_route(a->plan(), kFriday).stops)
        order.push_back(s.visit->id);
    CHECK(order == std::vector<std::string>{ids[2], ids[0], ids[1]});

    CHECK(app::set_visit_locked(*a, ids[2], true));
    CHECK(visit(*a, ids[2]).locked);
    CHECK(a->doc().undo_label() == "Lock the visit to Account 3");
    CHECK_FALSE(app::set_visit_locked(*a, ids[2], true)); // nothing to change: no command

    CHECK(app::check_in(*a, ids[0]));
    CHECK(visit(*a, ids[0]).checked_in == Timestamp{1'795'000'000'000});
    CHECK(app::log_visit_outcome(*a, ids[0],
                                 {"Renewal agreed", "36 months", "Send the contract", kFriday}));
    CHECK(visit(*a, ids[0]).outcome == "Renewal agreed");
    CHECK(visit(*a, ids[0]).next_step_due == kFriday);
    CHECK(a->doc().undo_label() == "Log the visit to Account 1");

    CHECK(app::set_visit_time(*a, ids[1], 15 * 60, 30, true));
    CHECK(visit(*a, ids[1]).fixed_time);
    CHECK(app::move_visit(*a, ids[1], add_days(kFriday, -1)));
    CHECK(visit(*a, ids[1]).date == add_days(kFriday, -1));
    CHECK(visit(*a, ids[1]).start_minute == 15 * 60); // an appointment keeps its time

    CHECK(app::remove_visit(*a, ids[1]));
    CHECK_FALSE(a->doc().index().activity(ids[1]));
    const std::size_t depth = a->doc().undo_depth();
    for (std::size_t i = 0; i < depth; ++i)
        CHECK(a->undo());
    CHECK(a->plan().activities.empty());
}

TEST_CASE("a day job applies as one command, and not once the plan has changed") {
    auto a = make_app();
    const std::vector<std::string> ids = app::add_visits(*a, kFriday, {"a4", "a0", "a3", "a1"});
    app::reorder_day(*a, kFriday, {ids[0], ids[1], ids[2], ids[3]}); // a zig-zag
    const int before = day_route(a->plan(), kFriday).drive_minutes;

    auto job = app::RouteJob::optimize_day(*a, kFriday);
    CHECK(job->stops() == 4);
    while (!job->step(1)) {
    }
    std::string summary;
    CHECK(app::apply_day_job(*a, *job, &summary));
    CHECK(a->doc().undo_label() == "Optimize the route for Fri, Nov 27");
    CHECK(day_route(a->plan(), kFriday).drive_minutes < before);
    CHECK(summary.find("4 visits on the route") == 0);

    auto stale = app::RouteJob::optimize_day(*a, kFriday);
    while (!stale->step(1)) {
    }
    app::set_visit_locked(*a, ids[0], true);
    CHECK(stale->stale(*a));
    CHECK_FALSE(app::apply_day_job(*a, *stale));
}

TEST_CASE("a week proposal applies as one command") {
    auto a = make_app();
    WeekPlanRequest req;
    req.monday = date_from_ymd(2026, 11, 23);
    req.today = req.monday;
    for (const Account& acc : a->plan().accounts) {
        VisitCandidate c = candidate_for(a->plan(), acc, req.today);
        c.value = 100;
        c.why = "Worth a visit";
        req.candidates.push_back(c);
    }
    RouteSearchOptions o;
    o.time_limit_ms = 0;
    o.max_iterations = 100;
    auto job = app::RouteJob::plan_week(*a, req, o);
    while (!job->step(2)) {
    }
    const WeekProposal w = job->week()->proposal();
    CHECK(w.new_visits == 5);
    std::string summary;
    CHECK(app::apply_week_proposal(*a, req, w, &summary));
    CHECK(a->doc().undo_label() == "Plan the week: 5 new visits");
    CHECK(a->plan().activities.size() == 5);
    for (const Activity& v : a->plan().activities) {
        CHECK(v.type == ActivityType::Visit);
        CHECK(v.subject == "Worth a visit");
        CHECK(v.start_minute.has_value());
    }
    CHECK(a->undo());
    CHECK(a->plan().activities.empty());
}
